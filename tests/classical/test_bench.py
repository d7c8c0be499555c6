"""bench_heads: images per second through detection and every classical head."""

from __future__ import annotations

from facevqa.classical.bench import bench_heads
from facevqa.examples import available_examples


def test_bench_reports_a_rate(heads):
    images = list(available_examples().values())[:2]
    rate = bench_heads(images, heads=heads)
    assert rate > 0
    assert bench_heads([], heads=heads) == 0.0
