"""Temperature scaling, expected calibration error and threshold choice (facevqa.calibration)."""

from __future__ import annotations

import numpy as np
import pytest

from facevqa.calibration import (
    apply_temperature,
    choose_threshold,
    expected_calibration_error,
    fit_temperature,
    nll,
)


@pytest.mark.parametrize("true_t", [0.5, 1.0, 2.5])
def test_fit_temperature_recovers_a_known_temperature(true_t):
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(8000, 6)) * 3
    probs = np.exp(apply_temperature(logits, true_t))
    labels = np.array([rng.choice(6, p=p) for p in probs])
    t = fit_temperature(logits, labels)
    assert t == pytest.approx(true_t, rel=0.08)
    assert nll(logits, labels, t) <= nll(logits, labels, 1.0) + 1e-9


def test_apply_temperature_renormalises():
    lp = apply_temperature([[1.0, 2.0, 3.0]], 2.0)
    assert np.exp(lp).sum() == pytest.approx(1.0)
    assert np.allclose(lp, np.log(np.exp([0.5, 1.0, 1.5]) / np.exp([0.5, 1.0, 1.5]).sum()))
    with pytest.raises(ValueError):
        apply_temperature([[1.0]], 0.0)


def test_ece_hand_computed():
    # 4 items, 2 bins: (0, .5] and (.5, 1].
    probs = [[0.9, 0.1],  # conf .9, predicts 0, label 0: correct
             [0.8, 0.2],  # conf .8, predicts 0, label 1: wrong
             [0.4, 0.6],  # conf .6, predicts 1, label 1: correct
             [0.5, 0.5]]  # conf .5 (bin 1), predicts 0, label 0: correct
    labels = [0, 1, 1, 0]
    # bin (.5, 1]: 3 items, accuracy 2/3, mean conf (.9+.8+.6)/3
    # bin (0, .5]: 1 item, accuracy 1, conf .5
    expected = 3 / 4 * abs(2 / 3 - 2.3 / 3) + 1 / 4 * abs(1 - 0.5)
    assert expected_calibration_error(probs, labels, n_bins=2) == pytest.approx(expected)


def test_ece_is_zero_when_confidence_matches_accuracy():
    probs = [[0.75, 0.25]] * 4
    assert expected_calibration_error(probs, [0, 0, 0, 1]) == pytest.approx(0.0)


def test_choose_threshold_gives_most_coverage_at_the_target():
    conf = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5]
    correct = [1, 1, 0, 1, 0, 0]
    assert choose_threshold(conf, correct, target_accuracy=0.75) == 0.7  # top 4: 3/4
    assert choose_threshold(conf, correct, target_accuracy=1.0) == 0.9
    assert choose_threshold([0.9], [0], target_accuracy=0.5) == 1.0  # never reached


def test_bad_shapes_raise():
    with pytest.raises(ValueError):
        fit_temperature([1.0, 2.0], [0, 1])
    with pytest.raises(ValueError):
        fit_temperature([[1.0, 2.0]], [2])
