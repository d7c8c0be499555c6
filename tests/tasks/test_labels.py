"""Label tables: CelebA-40 coverage, RAF-DB subset, attribute specs, task table lookups."""

from __future__ import annotations

import pytest

from facevqa.errors import ConfigError
from facevqa.tasks import (
    ATTRIBUTES,
    CELEBA40,
    EMOTIONS,
    RAFDB7,
    TASKS,
    celeba_attribute,
    get_attribute,
    get_task,
    question_templates,
)

CELEBA_COLUMNS = (
    "5_o_Clock_Shadow Arched_Eyebrows Attractive Bags_Under_Eyes Bald Bangs Big_Lips Big_Nose "
    "Black_Hair Blond_Hair Blurry Brown_Hair Bushy_Eyebrows Chubby Double_Chin Eyeglasses Goatee "
    "Gray_Hair Heavy_Makeup High_Cheekbones Male Mouth_Slightly_Open Mustache Narrow_Eyes "
    "No_Beard Oval_Face Pale_Skin Pointy_Nose Receding_Hairline Rosy_Cheeks Sideburns Smiling "
    "Straight_Hair Wavy_Hair Wearing_Earrings Wearing_Hat Wearing_Lipstick Wearing_Necklace "
    "Wearing_Necktie Young").split()


def test_celeba40_covers_every_column_of_list_attr_celeba():
    assert sorted(CELEBA40) == sorted(CELEBA_COLUMNS) and len(CELEBA40) == 40


def test_celeba_special_columns():
    assert celeba_attribute("Male") == ("gender", None, False)  # gender is its own task
    assert celeba_attribute("No_Beard") == ("attribute", "beard", True)  # asked positively
    assert celeba_attribute("Eyeglasses") == ("attribute", "eyeglasses", False)
    with pytest.raises(ConfigError, match="Eyeglasses"):
        celeba_attribute("Glasses")


def test_rafdb_is_a_subset_of_affectnet():
    assert set(RAFDB7) < set(EMOTIONS) and set(EMOTIONS) - set(RAFDB7) == {"contempt"}
    assert len(EMOTIONS) == 8


def test_every_attribute_is_well_formed():
    for name, spec in ATTRIBUTES.items():
        assert spec.name == name == name.lower()
        assert spec.labels[-1] == "not_visible" and spec.choices[-1] == "not visible"
        assert len(spec.labels) == len(spec.choices) == len(set(spec.choices))
        assert spec.question.endswith("?") and spec.question == spec.question.lower()
        assert len(question_templates("attribute", name)) >= 3, name
        if spec.kind == "valued":
            assert {v for v, _ in spec.synonyms} == set(spec.values), name


def test_valued_attributes_exist():
    for name in ("hair_color", "hair_length", "hair_type", "eye_color", "facial_hair",
                 "eyewear", "head_pose"):
        assert get_attribute(name).kind == "valued"


def test_lookup_errors_list_valid_names():
    with pytest.raises(ConfigError, match="emotion"):
        get_task("emotions")
    with pytest.raises(ConfigError, match="eyeglasses"):
        get_attribute("glasses")
    assert get_attribute("Hair Color").name == "hair_color"  # display-ish spellings accepted


def test_task_specs_carry_calibration_defaults():
    for spec in TASKS.values():
        assert spec.temperature == 1.0 and 0.0 <= spec.threshold < 1.0
        assert spec.kind in ("closed", "open")
        if spec.kind == "closed" and spec.name not in ("attribute", "age"):
            assert len(spec.labels) == len(spec.choices)
