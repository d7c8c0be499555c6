"""The I-FAS weighting on a hand-made batch, checked against hand-computed values."""

from __future__ import annotations

import math

import pytest
import torch

from finetune.loss import (
    ANSWER,
    EXPLANATION,
    IGNORE,
    JUDGMENT,
    answer_segments,
    weighted_answer_loss,
)


def _logits_for(probs_of_target: list[list[float]], vocab: int = 4) -> torch.Tensor:
    """Logits whose softmax puts probability p on token 1 and spreads the rest evenly."""
    rows = []
    for row in probs_of_target:
        r = []
        for p in row:
            q = (1 - p) / (vocab - 1)
            r.append([math.log(q), math.log(p), math.log(q), math.log(q)])
        rows.append(r)
    return torch.tensor(rows)


def test_spoof_only_batch_is_alpha_judgment_plus_rest_explanation():
    # One row, 4 positions; logits at t predict token t+1. Targets (token 1) at positions 1..3.
    # Position 1 is the verdict ("no"), positions 2-3 the explanation.
    logits = _logits_for([[0.5, 0.25, 0.8, 0.9]])
    labels = torch.tensor([[-100, 1, 1, 1]])
    segments = torch.tensor([[IGNORE, JUDGMENT, EXPLANATION, EXPLANATION]])
    # judgment CE = -ln 0.5 (predicted at t=0); explanation CE = mean(-ln 0.25, -ln 0.8)
    judgment = -math.log(0.5)
    explanation = (-math.log(0.25) - math.log(0.8)) / 2
    expected = 0.7 * judgment + 0.3 * explanation
    got = weighted_answer_loss(logits, labels, segments, alpha=0.7)
    assert got.item() == pytest.approx(expected, rel=1e-5)


def test_alpha_one_learns_only_the_verdict():
    logits = _logits_for([[0.5, 0.25, 0.8, 0.9]])
    labels = torch.tensor([[-100, 1, 1, 1]])
    segments = torch.tensor([[IGNORE, JUDGMENT, EXPLANATION, EXPLANATION]])
    got = weighted_answer_loss(logits, labels, segments, alpha=1.0)
    assert got.item() == pytest.approx(-math.log(0.5), rel=1e-5)


def test_mixed_batch_averages_segment_means_by_weight():
    # Row 0: spoof (verdict at 1, explanation at 2); row 1: an ordinary answer at 2-3.
    logits = _logits_for([[0.5, 0.2, 0.9, 0.9], [0.9, 0.9, 0.4, 0.6]])
    labels = torch.tensor([[-100, 1, 1, -100], [-100, -100, 1, 1]])
    segments = torch.tensor([[IGNORE, JUDGMENT, EXPLANATION, IGNORE],
                             [IGNORE, IGNORE, ANSWER, ANSWER]])
    j, e = -math.log(0.5), -math.log(0.2)
    a = (-math.log(0.9) - math.log(0.4)) / 2  # row 1 targets predicted at t=1 and t=2
    expected = (0.7 * j + 0.3 * e + 1.0 * a) / (0.7 + 0.3 + 1.0)
    got = weighted_answer_loss(logits, labels, segments, alpha=0.7)
    assert got.item() == pytest.approx(expected, rel=1e-5)


def test_segments_follow_left_padding():
    seg = answer_segments([[7, 8, 9], [5, 6]], judgment_lens=[1, 0], prefix_lens=[2, 3], width=6)
    assert seg.tolist() == [[IGNORE, IGNORE, IGNORE, JUDGMENT, EXPLANATION, EXPLANATION],
                            [IGNORE, IGNORE, IGNORE, IGNORE, ANSWER, ANSWER]]
