"""Recipes and accelerate configs parse; unknown keys fail loudly with a suggestion."""

from __future__ import annotations

from pathlib import Path

import pytest

from facevqa.config import load_config
from facevqa.errors import ConfigError
from finetune.config import TrainConfig

ROOT = Path(__file__).resolve().parents[2] / "finetune"


@pytest.mark.parametrize("path", sorted((ROOT / "configs").glob("*.yaml")), ids=lambda p: p.name)
def test_recipes_parse_and_start_with_their_command(path):
    cfg = load_config(TrainConfig, path)
    assert cfg.steps > 0
    assert path.read_text().startswith("# "), "a recipe begins with the command that runs it"


@pytest.mark.parametrize("path", sorted((ROOT / "accelerate").glob("*.yaml")),
                         ids=lambda p: p.name)
def test_accelerate_configs_parse(path):
    from accelerate.commands.config.config_args import ClusterConfig, load_config_from_file

    cfg = load_config_from_file(str(path))
    assert isinstance(cfg, ClusterConfig)
    assert cfg.num_processes >= 1


def test_unknown_key_suggests_the_right_one(tmp_path):
    with pytest.raises(ConfigError, match="did you mean 'steps'"):
        load_config(TrainConfig, None, ["step=3"])
    with pytest.raises(ConfigError, match="lora.alhpa.*did you mean 'alpha'"):
        load_config(TrainConfig, None, ["lora.alhpa=3"])
    with pytest.raises(ConfigError, match="steps: expected int"):
        load_config(TrainConfig, None, ["steps=many"])
    with pytest.raises(ConfigError, match="method"):
        load_config(TrainConfig, None, ["method=dora"])


def test_overrides_are_typed():
    cfg = load_config(TrainConfig, None, ["lora.r=8", "data.tasks=[emotion]", "lr=1e-3"])
    assert cfg.lora.r == 8 and cfg.data.tasks == ("emotion",) and cfg.lr == 0.001
