"""`facevqa data` reads its options through the one config path: YAML, --set, then flags."""

from __future__ import annotations

import argparse

import pytest

from facevqa.errors import ConfigError


def _args(*argv: str) -> argparse.Namespace:
    from facevqa.data.cli import add_parser

    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["data", *argv])


def test_build_reads_yaml_then_set_then_flags(tmp_path):
    from facevqa.data.cli import _config
    from facevqa.data.config import BuildConfig

    recipe = tmp_path / "recipe.yaml"
    recipe.write_text("source: fairface\nroot: /data/ff\nout: out/a\nlimit: 50\n"
                      "tasks: [age, gender]\nphrasings: 2\n")
    c = _config(_args("build", "--config", str(recipe), "--set", "limit=80", "--out", "out/b"),
                BuildConfig)
    assert (c.source, c.root, c.out, c.limit, c.phrasings) == ("fairface", "/data/ff", "out/b",
                                                              80, 2)
    assert c.qa().tasks == ("age", "gender") and c.options() == {}
    flags = _config(_args("build", "celeba", "--root", "r", "--out", "o", "--split", "test",
                          "--max-attributes", "0", "--canonical"), BuildConfig)
    assert flags.source == "celeba" and flags.options() == {"split": "test"}
    assert flags.qa().max_attributes is None and flags.qa().canonical


@pytest.mark.parametrize("argv,message", [
    (("build", "--root", "r", "--out", "o"), "missing config key 'source'"),
    (("synth", "--n", "5", "--out", "o", "--set", "phrasing=2"), "did you mean 'phrasings'"),
    (("synth", "--n", "5", "--out", "o", "--set", "image_format=gif"), "image_format"),
    (("synth", "--n", "5", "--out", "o", "--tasks", "age,height"), "unknown tasks"),
])
def test_bad_options_fail_with_a_clear_error(argv, message):
    from facevqa.data.cli import run

    with pytest.raises(ConfigError, match=message):
        run(_args(*argv))
