"""Years <-> age groups (FairFace 9, the 5-group scheme), medians and representatives."""

from __future__ import annotations

import pytest

from facevqa.errors import ConfigError
from facevqa.tasks import (
    AGE_CHOICES,
    FAIRFACE_GROUPS,
    FIVE_GROUPS,
    age_group,
    group_probs,
    mean_age,
    median_age,
    regroup,
    representative_age,
)


@pytest.mark.parametrize("years,nine,five", [
    (0, "0-2", "0-9"),  # newborn
    (2.9, "0-2", "0-9"),  # fractions round down
    (3, "3-9", "0-9"),  # group edge
    (19, "10-19", "10-19"),  # upper edge
    (20, "20-29", "20-39"),  # 5-group spans two FairFace groups
    (39, "30-39", "20-39"),
    (60, "60-69", "60+"),
    (70, "70+", "60+"),  # open-ended group
    (104, "70+", "60+"),  # beyond the last choice
])
def test_age_group(years, nine, five):
    assert age_group(years) == nine
    assert age_group(years, "five") == five


def test_every_year_choice_has_a_group_and_groups_partition_the_choices():
    groups = [age_group(int(c)) for c in AGE_CHOICES]
    assert set(groups) == set(FAIRFACE_GROUPS)
    assert len(AGE_CHOICES) == 91


@pytest.mark.parametrize("bad", [-1, float("nan"), float("inf")])
def test_age_group_rejects_impossible_ages(bad):
    with pytest.raises(ValueError):
        age_group(bad)


def test_unknown_scheme_lists_valid_ones():
    with pytest.raises(ConfigError, match="fairface9"):
        age_group(3, "decades")


def test_regroup_nine_to_five_is_exact():
    assert [regroup(g) for g in FAIRFACE_GROUPS] == [
        "0-9", "0-9", "10-19", "20-39", "20-39", "40-59", "40-59", "60+", "60+"]
    assert set(regroup(g) for g in FAIRFACE_GROUPS) == set(FIVE_GROUPS)


def test_representative_age_is_inside_its_group():
    assert [representative_age(g) for g in FAIRFACE_GROUPS] == [1, 6, 15, 25, 35, 45, 55, 65, 75]
    assert representative_age("60+") == 65
    for g in (*FAIRFACE_GROUPS, *FIVE_GROUPS):
        assert age_group(representative_age(g), "five" if g in FIVE_GROUPS else "fairface9") == g


def test_group_probs_sum_years_into_groups():
    probs = [0.0] * 91
    probs[25], probs[31], probs[75] = 0.5, 0.3, 0.2
    g = group_probs(probs)
    assert list(g) == list(FAIRFACE_GROUPS)
    assert g["20-29"] == 0.5 and g["30-39"] == 0.3 and g["70+"] == 0.2
    assert group_probs(probs, "five")["20-39"] == pytest.approx(0.8)


def test_median_and_mean_by_hand():
    probs = [0.0] * 91
    probs[20], probs[30], probs[80] = 0.4, 0.4, 0.2
    # CDF reaches 0.4 after 20; half of year 30's mass (0.1/0.4 = 1/4 of it) -> 29.5 + 0.25
    assert median_age(probs) == pytest.approx(29.75)
    assert mean_age(probs) == pytest.approx(0.4 * 20 + 0.4 * 30 + 0.2 * 80)
    point = [0.0] * 91
    point[32] = 1.0
    assert median_age(point) == 32
