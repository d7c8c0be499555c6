"""bench_heads: images per second through detection and every classical head."""

from __future__ import annotations

from facevqa.heads.bench import bench_heads
from facevqa.heads.photos import real_photos


def test_bench_reports_a_rate(heads):
    images = list(real_photos().values())[:2]
    rate = bench_heads(images, heads=heads)
    assert rate > 0
    assert bench_heads([], heads=heads) == 0.0
