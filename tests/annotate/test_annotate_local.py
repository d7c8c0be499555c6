"""facevqa annotate in one process: rows, JSON-safe fields, bad images in their own rows,
resumption after a kill, and inputs from parquet."""

from __future__ import annotations

import json

import pytest
from annotate_helpers import N_FACES, QUESTIONS, read_rows

from facevqa.annotate import COLUMNS, annotate
from facevqa.errors import ConfigError

N_IMAGES = N_FACES + 2


def test_one_row_per_image_and_question(reference):
    cfg, summary, rows = reference
    assert summary.rows == len(rows) == N_IMAGES * len(QUESTIONS)
    assert summary.shards == 4 and summary.shards_reused == 0
    pairs = [(r["image_id"], r["question"]) for r in rows]
    assert len(set(pairs)) == len(pairs)  # nothing twice
    assert {i for i, _ in pairs} == {*(f"face{i}.png" for i in range(N_FACES)),
                                     "corrupt.jpg", "wall.png"}
    assert list(rows[0]) == list(COLUMNS)


def test_fields_are_json_safe_and_probabilities(reference):
    _, _, rows = reference
    for r in rows:
        json.dumps(r, allow_nan=False)  # raises on anything JSON cannot hold
        assert r["model_version"] and r["model"]
    answered = [r for r in rows if r["status"] in ("ok", "abstain")]
    assert len(answered) == N_FACES * len(QUESTIONS)
    for r in answered:
        probs = json.loads(r["probs"])
        assert abs(sum(probs.values()) - 1) < 1e-5
        assert r["label"] in probs and r["confidence"] == pytest.approx(probs[r["label"]])
        assert r["task"] in ("emotion", "age") and len(r["face_box"]) == 4


def test_corrupt_and_faceless_images_fail_in_their_own_rows(reference):
    _, summary, rows = reference
    bad = [r for r in rows if r["image_id"] == "corrupt.jpg"]
    wall = [r for r in rows if r["image_id"] == "wall.png"]
    assert [r["status"] for r in bad] == ["error", "error"]
    assert all("decode" in r["error"] or "image" in r["error"] for r in bad), bad[0]["error"]
    assert [r["status"] for r in wall] == ["no_face", "no_face"]
    assert "no face" in wall[0]["error"]
    assert summary.statuses["error"] == 2 and summary.statuses["no_face"] == 2


class _KilledAfter:
    """Wraps a model: the n-th generate() call raises, as a kill mid-run would stop it."""

    def __init__(self, model, n: int):
        self.model, self.n = model, n
        self.backbone = model.backbone

    def generate(self, *args, **kw):
        self.n -= 1
        if self.n < 0:
            raise KeyboardInterrupt
        return self.model.generate(*args, **kw)

    def info(self):
        return self.model.info()


def test_kill_then_rerun_gives_the_same_rows_once(reference, annotate_cfg, tmp_path):
    from facevqa.annotate import load_answerer

    ref_cfg, _, ref_rows = reference
    cfg = annotate_cfg(tmp_path / "out")
    with pytest.raises(KeyboardInterrupt):  # batch_size == shard_size: one call per shard
        annotate(cfg, answerer=_KilledAfter(load_answerer(cfg), 2))
    assert len(list((tmp_path / "out").glob("part-*.parquet"))) == 2
    (tmp_path / "out" / ".part-00002.parquet.tmp-dead").write_bytes(b"half a shard")
    summary = annotate(cfg)
    assert summary.shards_reused == 2 and summary.rows == len(ref_rows)
    rows = read_rows(cfg.out)
    assert rows == ref_rows
    assert not list((tmp_path / "out").glob(".part-*"))
    again = annotate(cfg)  # a third run redoes nothing and adds nothing
    assert again.shards_reused == 4 and read_rows(cfg.out) == ref_rows


def test_another_run_in_the_same_folder_is_refused(reference, annotate_cfg):
    ref_cfg, _, _ = reference
    other = annotate_cfg(ref_cfg.out, questions=("Is this a real person?",))
    with pytest.raises(ConfigError, match="another run"):
        annotate(other)


def test_parquet_and_saved_dataset_inputs_match_the_folder(reference, annotate_cfg, photo_dir,
                                                           tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    from datasets import Dataset, Features, Image

    _, _, ref_rows = reference
    names = sorted(p.name for p in photo_dir.iterdir())
    table = pa.table({"key": names, "image": [{"bytes": (photo_dir / n).read_bytes(),
                                               "path": n} for n in names]})
    pq.write_table(table, tmp_path / "faces.parquet", row_group_size=3)
    got = annotate(annotate_cfg(tmp_path / "pq", inputs=str(tmp_path / "faces.parquet"),
                                id_column="key", shard_size=7, batch_size=7))
    assert got.rows == len(ref_rows)
    assert _labels(read_rows(tmp_path / "pq")) == _labels(ref_rows)
    ds = Dataset.from_dict({"image": [str(photo_dir / n) for n in names[:3]]},
                           features=Features({"image": Image()}))
    ds.save_to_disk(str(tmp_path / "ds"))
    rows = read_rows(annotate(annotate_cfg(tmp_path / "dsout", inputs=str(tmp_path / "ds"),
                                           questions=QUESTIONS[:1])).out)
    assert [r["image_id"] for r in rows] == ["0", "1", "2"]
    by_name = {(r["image_id"], r["question"]): r["label"] for r in ref_rows}
    assert [r["label"] for r in rows] == [by_name[n, QUESTIONS[0]] for n in names[:3]]


def _labels(rows):
    return sorted((r["image_id"], r["question"], r["status"], r["label"]) for r in rows)


def test_command_line(photo_dir, tiny_paligemma, tmp_path, capsys):
    from facevqa.cli import main

    code = main(["annotate", str(photo_dir), "-q", QUESTIONS[0], "--out", str(tmp_path / "o"),
                 "--model", str(tiny_paligemma), "--device", "cpu", "--no-progress"])
    assert code == 0
    assert f"{N_IMAGES} rows" in capsys.readouterr().out
    assert len(read_rows(tmp_path / "o")) == N_IMAGES
