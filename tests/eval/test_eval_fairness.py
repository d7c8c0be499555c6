"""Fairness: per-group values, small-group flags, worst group, bootstrap CIs, intersections."""

from __future__ import annotations

import time

import numpy as np
import pytest
from sklearn.metrics import roc_auc_score

from eval.fairness import (
    FairnessConfig,
    FairnessSummary,
    disaggregate,
    fairness_report,
    resample_weights,
)
from eval.metrics import MetricOptions, compute_metrics
from eval.predictions import PredictionRecord as R
from eval.scalars import SCALARS

approx = pytest.approx


def emo(i, correct, groups, model="vlm", conf=0.8, status="ok"):
    return R(id=f"e{i}", task="emotion", model=model, status=status, label_true="happy",
             label_pred="happy" if correct else "sad", confidence=conf, groups=groups)


def by(summaries, metric, group_by):
    return next(s for s in summaries if s.metric == metric and s.group_by == group_by)


def three_groups():
    # A: 40 items, 30 right (.75); B: 40 items, 20 right (.5); C: 5 items all right (small)
    rs = [emo(i, i < 30, {"skin_tone": "A"}) for i in range(40)]
    rs += [emo(100 + i, i < 20, {"skin_tone": "B"}) for i in range(40)]
    rs += [emo(200 + i, True, {"skin_tone": "C"}) for i in range(5)]
    return rs


def test_group_values_small_flag_worst_and_ratio():
    s = by(disaggregate(three_groups(), "emotion", FairnessConfig(n_boot=200)),
           "accuracy", "skin_tone")
    vals = {g.group: (g.n, g.value, g.small) for g in s.groups}
    assert vals == {"A": (40, 0.75, False), "B": (40, 0.5, False), "C": (5, 1.0, True)}
    # C (1.0) is the best value but small: shown, yet left out of best/worst and the ratio
    assert (s.worst_group, s.best_group) == ("B", "A")
    assert s.max_min_ratio == approx(1.5) and s.gap == approx(0.25)
    assert s.overall.value == approx(55 / 85) and s.overall.n == 85


def test_error_metric_worst_is_highest():
    # age MAE: group old errs 10 years, young 2 -> worst "old", max/min 5
    rs = [R(id=f"a{i}", task="age", value_true=30, value_pred=30 + (10 if i % 2 else 2),
            groups={"age_group": "old" if i % 2 else "young"}) for i in range(80)]
    s = by(disaggregate(rs, "age", FairnessConfig(n_boot=100)), "mae", "age_group")
    assert (s.worst_group, s.best_group, s.higher_is_better) == ("old", "young", False)
    assert s.max_min_ratio == approx(5.0)


def test_ci_contains_point_and_narrows_with_n():
    def width(n):
        rs = [emo(i, i % 10 < 7, {"gender": "f"}) for i in range(n)]  # accuracy exactly 0.7
        g = by(disaggregate(rs, "emotion", FairnessConfig(n_boot=500, seed=1)),
               "accuracy", "gender").groups[0]
        assert g.value == approx(0.7)
        assert g.ci_low <= g.value <= g.ci_high
        return g.ci_high - g.ci_low

    small, large = width(50), width(5000)
    # binomial sd sqrt(.21/n): 50 -> .065, 5000 -> .0065; 95% width ~ 3.9 sd
    assert small == approx(3.92 * np.sqrt(0.21 / 50), rel=0.3)
    assert large < small / 5


def test_bootstrap_is_seeded():
    cfg = FairnessConfig(n_boot=100, seed=3)
    a = disaggregate(three_groups(), "emotion", cfg)
    assert a == disaggregate(three_groups(), "emotion", cfg)
    other = disaggregate(three_groups(), "emotion", FairnessConfig(n_boot=100, seed=4))
    assert by(a, "accuracy", "skin_tone").groups[0] != by(other, "accuracy", "skin_tone").groups[0]


def test_intersections_unknown_and_race_as_grouping_column():
    rs = [emo(i, i % 3 > 0, {"gender": "fm"[i % 2], "race": "xyz"[i % 3]}) for i in range(60)]
    rs.append(emo(99, True, {"gender": "f"}))  # race not labelled -> "unknown"
    out = disaggregate(rs, "emotion", FairnessConfig(n_boot=50, min_size=5))
    assert {s.group_by for s in out} == {"gender", "race", "gender|race"}
    inter = by(out, "accuracy", "gender|race")
    assert {g.group for g in inter.groups} == {f"{a}|{b}" for a in "fm" for b in "xyz"} | {
        "f|unknown"}
    assert next(g for g in inter.groups if g.group == "f|unknown").small
    only = disaggregate(rs, "emotion", FairnessConfig(n_boot=50, columns=("gender",),
                                                      intersections=False))
    assert {s.group_by for s in only} == {"gender"}


def test_coverage_per_group_counts_no_face():
    rs = [emo(i, True, {"skin_tone": "dark"}, status="no_face" if i < 10 else "ok")
          for i in range(40)] + [emo(100 + i, True, {"skin_tone": "light"}) for i in range(40)]
    s = by(disaggregate(rs, "emotion", FairnessConfig(n_boot=50)), "coverage", "skin_tone")
    assert {g.group: g.value for g in s.groups} == {"dark": 0.75, "light": 1.0}
    assert s.worst_group == "dark"


def random_records(n, seed=0):
    rng = np.random.default_rng(seed)
    labs = ["happy", "sad", "angry", "fear"]
    rs = []
    for i in range(n):
        t = labs[rng.integers(4)]
        p = t if rng.random() < 0.6 else labs[rng.integers(4)]
        g = {"gender": "fm"[rng.integers(2)], "skin_tone": str(rng.integers(1, 4))}
        rs.append(R(id=f"e{i}", task="emotion", label_true=t, label_pred=p,
                    confidence=float(rng.uniform(0.2, 1)), groups=g,
                    status="ok" if rng.random() > 0.1 else "error"))
        attack = bool(rng.random() < 0.5)
        score = round(float(np.clip(rng.normal(0.65 if attack else 0.35, 0.2), 0, 1)), 1)
        rs.append(R(id=f"s{i}", task="spoof", label_true="spoof" if attack else "real",
                    score=score, groups=g))  # rounded scores: many ties for AUC
    return rs


@pytest.mark.parametrize("task, metrics", [
    ("emotion", ("coverage", "accuracy", "macro_f1", "ece")),
    ("spoof", ("apcer", "bpcer", "acer", "auc")),
])
def test_group_point_estimates_equal_sklearn_metrics(task, metrics):
    rs = random_records(400)
    opts = MetricOptions(spoof_threshold=0.45)
    out = disaggregate(rs, task, FairnessConfig(n_boot=20), opts)
    for group in ("f", "m"):
        sub = [r for r in rs if r.task == task and r.groups["gender"] == group]
        ref = compute_metrics(sub, task, opts)
        for m in metrics:
            g = next(g for g in by(out, m, "gender").groups if g.group == group)
            assert g.value == approx(ref[m]), (m, group)


def test_weighted_statistics_match_sklearn_on_a_resample():
    rs = [r for r in random_records(300, seed=5) if r.task == "spoof"]
    opts = MetricOptions(spoof_threshold=0.5)
    W = resample_weights(len(rs), 3, np.random.default_rng(0))
    arrays = SCALARS["auc"].prepare(rs, opts)
    for row in W:
        resample = [r for r, k in zip(rs, row.astype(int)) for _ in range(k)]
        y = [r.label_true == "spoof" for r in resample]
        assert SCALARS["auc"].stat(row[None], arrays)[0] == approx(
            roc_auc_score(y, [r.score for r in resample]))
        ref = compute_metrics(resample, "spoof", opts)
        assert SCALARS["acer"].stat(row[None], arrays)[0] == approx(ref["acer"])
    assert W.sum(axis=1) == approx([300] * 3)  # each resample has n items


def test_thousand_resamples_on_five_thousand_records_is_fast():
    rs = [r for r in random_records(5000, seed=2) if r.task == "emotion"]
    start = time.perf_counter()
    out = disaggregate(rs, "emotion", FairnessConfig(n_boot=1000, columns=("gender",),
                                                     intersections=False))
    assert time.perf_counter() - start < 8.0  # typically ~1 s on a laptop
    assert all(s.overall.ci_low is not None for s in out)


def test_summary_round_trip_and_report_over_models():
    out = fairness_report(three_groups() + [emo(300 + i, i % 2, {"skin_tone": "A"}, model="cnn")
                                            for i in range(10)], FairnessConfig(n_boot=20))
    assert {s.model for s in out} == {"vlm", "cnn"}
    assert all(FairnessSummary.from_dict(s.to_dict()) == s for s in out)
    with pytest.raises(ValueError, match="exactly one model"):
        disaggregate(three_groups() + [emo(1, True, {}, model="cnn")], "emotion")
