"""Smoke test of the streaming benchmark's parts (the benchmark itself is a script)."""

from __future__ import annotations

import pyarrow.parquet as pq

from facevqa.data.bench_stream import stream_once, write_facecaption_parquet


def test_parquet_written_in_chunks_and_streamed(tmp_path):
    path = write_facecaption_parquet(tmp_path / "fc.parquet", 2500, chunk=1000)
    assert pq.ParquetFile(path).metadata.num_rows == 2500
    run = stream_once(path)
    assert (run.rows, run.examples) == (2500, 2500) and run.peak_rss_mb > 0
