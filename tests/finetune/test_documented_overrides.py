"""Every `--set KEY=VALUE` example in the README, the docs, the recipes and the CLIs' help parses
into the config it documents (a documented override that fails is a bug report waiting)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from facevqa.config import load_config
from finetune.config import TrainConfig
from finetune.default import DefaultRecipe

ROOT = Path(__file__).resolve().parents[2]
SET = re.compile(r"--set[ =]+([A-Za-z_][\w.]*=[^\s\]`'\")]+)")
SOURCES = ["README.md", "docs/*.md", "finetune/configs/*.yaml", "finetune/*.py", "eval/cli.py"]
EVAL_NEEDS = ["data=synthetic", "out=x"]  # EvalConfig's required fields


def _config_of(path: Path, line: str):
    """EvalConfig for `facevqa eval` lines, the default build's recipe for its own script and
    lines that run it, else TrainConfig."""
    if path.parent.name == "eval" or "facevqa eval" in line or "-m eval" in line:
        from eval.config import EvalConfig

        return EvalConfig
    if path.name == "default.py" or "build default" in line or "default-model" in line:
        return DefaultRecipe
    return TrainConfig


def documented_overrides() -> list[tuple[str, type, str]]:
    found = []
    for pattern in SOURCES:
        for path in sorted(ROOT.glob(pattern)):
            for n, line in enumerate(path.read_text().splitlines(), 1):
                for item in SET.findall(line):
                    if item.split("=")[0].lower() != "key":  # the placeholder
                        found.append((f"{path.relative_to(ROOT)}:{n}", _config_of(path, line),
                                      item))
    return found


def test_the_docs_have_override_examples():
    items = {item for _, _, item in documented_overrides()}
    assert {"steps=300", "lora.r=8", "data.source=OUT", "limits.test=200"} <= items


@pytest.mark.parametrize("where,cls,item", documented_overrides(),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_documented_override_parses(where, cls, item):
    key, _, raw = item.partition("=")
    cfg = load_config(cls, None, [*(EVAL_NEEDS if cls.__name__ == "EvalConfig" else []), item])
    value = cfg
    for part in key.split("."):
        value = value[part] if isinstance(value, dict) else getattr(value, part)
    assert value is not None, f"{where}: {item}"
    if raw in ("no", "yes", "off", "on"):
        assert value == raw, f"{where}: {item} read back as {value!r}"


def test_a_mapping_field_wants_a_mapping():
    from facevqa.errors import ConfigError

    with pytest.raises(ConfigError, match="adapter_steps: expected a mapping"):
        load_config(DefaultRecipe, None, ["adapter_steps=50"])
    assert load_config(DefaultRecipe, None, ["adapter_steps.age=9"]).adapter_steps == {"age": 9}
