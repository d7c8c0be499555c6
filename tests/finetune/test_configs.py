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
    if path.name.startswith("default"):  # a recipe of the embedded default's build
        from finetune.default import DefaultRecipe

        assert load_config(DefaultRecipe, path).vision_epochs > 0
    else:
        assert load_config(TrainConfig, path).steps > 0
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
    # a comma list fills a tuple field as a YAML list does
    assert load_config(TrainConfig, None, ["data.tasks=age,gender"]).data.tasks == ("age", "gender")


def test_flags_come_last_and_a_value_is_no_parent():
    cfg = load_config(TrainConfig, None, ["steps=3", "lora.r=4"], {"steps": 5, "lora.alpha": 8})
    assert (cfg.steps, cfg.lora.r, cfg.lora.alpha) == (5, 4, 8)
    with pytest.raises(ConfigError, match="lora.r: lora is 3, not a mapping"):
        load_config(TrainConfig, None, ["lora=3", "lora.r=4"])


def test_yaml_booleans_stay_words_in_text_fields(tmp_path):
    # YAML 1.1 reads `no` as false: mixed_precision=no must still mean "no"
    assert load_config(TrainConfig, None, ["mixed_precision=no"]).mixed_precision == "no"
    recipe = tmp_path / "r.yaml"
    recipe.write_text("mixed_precision: no\n")
    assert load_config(TrainConfig, recipe).mixed_precision == "no"
    with pytest.raises(ConfigError, match="mixed_precision"):
        load_config(TrainConfig, None, ["mixed_precision=yes"])


def test_eval_every_zero_evaluates_only_at_the_end():
    assert load_config(TrainConfig, None, ["eval_every=0"]).eval_every == 0
    with pytest.raises(ConfigError, match="eval_every"):
        load_config(TrainConfig, None, ["eval_every=-1"])
