"""`facevqa eval`'s options: one flag per EvalConfig field, YAML < --set < flags, typos fail."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

import pytest

from eval.cli import NOT_FIELDS, add_parser, config_from_args
from eval.config import EvalConfig
from facevqa.errors import ConfigError

NEED = ["--data", "synthetic", "--out", "/tmp/eval-out"]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser()
    add_parser(p.add_subparsers(dest="command"))
    return p


def config(*argv: str) -> EvalConfig:
    return config_from_args(parser().parse_args(["eval", *argv]))


def test_every_field_has_a_flag_and_every_flag_a_field():
    sub = parser()._subparsers._group_actions[0].choices["eval"]
    dests = {a.dest for a in sub._actions} - {"help", *NOT_FIELDS}
    fields = {f.name for f in dataclasses.fields(EvalConfig)}
    assert {d.split(".")[0] for d in dests} == fields
    assert {d for d in dests if "." in d} == {"limits.test", "limits.dev", "limits.train"}


def test_no_flag_means_the_dataclass_defaults():
    assert config(*NEED) == EvalConfig(data="synthetic", out=Path("/tmp/eval-out"))


@pytest.mark.parametrize("argv, expected", [
    (["--limit", "12", "--dev-limit", "0"], {"limits": {"test": 12, "dev": 0}}),
    (["--tasks", "age,gender"], {"tasks": ("age", "gender")}),
    (["--tasks", ""], {"tasks": None}),  # empty: every task
    (["--baselines"], {"baselines": ("prior", "probe", "cnn", "classical")}),  # bare: all
    (["--max-attributes", "0"], {"max_attributes": None}),  # 0: every attribute
    (["--no-plots", "--no-progress", "--route"], {"plots": False, "progress": False,
                                                  "route": True}),
    (["--model", "m", "--heads", "classical"], {"model": "classical"}),  # heads win
    (["--adapters", "age=a", "emotion=b"], {"adapters": {"age": "a", "emotion": "b"}}),
    (["--ray"], {"ray": "local"}),  # bare: a local cluster
    (["--faces", "largest", "--n-boot", "50"], {"faces": "largest", "n_boot": 50}),
])
def test_flags_map_onto_fields(argv, expected):
    cfg = config(*NEED, *argv)
    assert {k: getattr(cfg, k) for k in expected} == expected


def test_yaml_then_set_then_flags(tmp_path):
    recipe = tmp_path / "eval.yaml"
    recipe.write_text("data: synthetic\nout: ~/reports/x\nseed: 1\nbatch_size: 4\n"
                      "limits: {test: 5, dev: 2}\ntasks: [age]\nplots: false\n")
    cfg = config("--config", str(recipe), "--set", "seed=2", "--set", "limits.dev=3",
                 "--set", "n_boot=7", "--seed", "3", "--n-boot", "9")
    assert cfg.seed == 3 and cfg.n_boot == 9  # flag over --set over YAML
    assert cfg.limits == {"test": 5, "dev": 3}  # --set over YAML, key by key
    assert (cfg.batch_size, cfg.tasks, cfg.plots) == (4, ("age",), False)  # YAML over defaults
    assert cfg.out == Path("~/reports/x").expanduser()
    assert config("--config", str(recipe), "--set", "tasks=age,gender").tasks == ("age", "gender")


@pytest.mark.parametrize("argv, message", [
    (["--set", "batchsize=4"], "unknown config key 'batchsize'; did you mean 'batch_size'"),
    (["--set", "limits.tset=4"], r"unknown limits \['tset'\]; valid: test, dev, train"),
    (["--set", "faces=all"], "faces='all'; valid: auto, largest, none"),
    (["--set", "seed"], "--set expects KEY=VALUE"),
    (["--baselines", "probe,nosuch"], "unknown baselines"),
])
def test_bad_keys_and_values_fail(argv, message):
    with pytest.raises(ConfigError, match=message):
        config(*NEED, *argv)


def test_unknown_yaml_key_and_missing_data_fail(tmp_path):
    recipe = tmp_path / "eval.yaml"
    recipe.write_text("data: synthetic\nout: x\nnboot: 3\n")
    with pytest.raises(ConfigError, match="'nboot'; did you mean 'n_boot'"):
        config("--config", str(recipe))
    with pytest.raises(ConfigError, match="missing config key 'data'"):
        config("--out", "x")
    with pytest.raises(ConfigError, match="cannot read config"):
        config("--config", str(tmp_path / "nosuch.yaml"))
