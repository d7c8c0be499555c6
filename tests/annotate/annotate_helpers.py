"""Constants and readers shared by the annotate tests (a module name unique in the suite)."""

from __future__ import annotations

from pathlib import Path

QUESTIONS = ("What emotion is shown?", "How old is this person?")
N_FACES = 5


def read_rows(out) -> list[dict]:
    """Every row of an annotate output folder, in shard order."""
    import pyarrow.parquet as pq

    files = sorted(Path(out).glob("part-*.parquet"))
    return [r for f in files for r in pq.read_table(f).to_pylist()]
