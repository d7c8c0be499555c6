"""The synthetic set is learnable: a classical head beats chance (quick version, loose bound).

The full check is `facevqa data learnability` (2,000 train / 500 test images).
"""

from __future__ import annotations

from facevqa.data.learnability import evaluate_learnability, format_scores


def test_classical_head_beats_chance_on_small_set():
    tasks = ["spoof", "emotion", "gender", "age_group", "wearing_hat"]
    scores = evaluate_learnability(300, 100, seed=1, margin=0.1, tasks=tasks)
    assert [s.task for s in scores] == tasks
    assert all(s.passed for s in scores), format_scores(scores)
