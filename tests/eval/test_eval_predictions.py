"""Prediction store: record round trip, truncated-tail repair, dedup, resume keys, kill -9."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eval.predictions import (
    PredictionRecord,
    PredictionStoreError,
    PredictionWriter,
    read_predictions,
    repair_predictions,
)

REPO = Path(__file__).resolve().parents[2]


def rec(i: int, model: str = "vlm", **kw) -> PredictionRecord:
    return PredictionRecord(id=f"ex{i}", task="emotion", model=model, label_true="happy",
                            label_pred="sad", probs={"happy": 0.3, "sad": 0.7}, confidence=0.7,
                            groups={"gender": "female"}, **kw)


def write_lines(path: Path, records: list[PredictionRecord]) -> bytes:
    data = "".join(json.dumps(r.to_dict()) + "\n" for r in records).encode()
    path.write_bytes(data)
    return data


def test_record_round_trip_and_validation():
    r = rec(1, cue_keywords=["paper", "border"], explanation_pred="paper border")
    assert r.cue_keywords == ("paper", "border")  # lists become tuples (frozen)
    assert PredictionRecord.from_dict(json.loads(json.dumps(r.to_dict()))) == r
    assert r.key == ("vlm", "ex1")
    with pytest.raises(ValueError, match="did you mean 'label_pred'"):
        PredictionRecord.from_dict({**r.to_dict(), "label_prd": "x"})
    with pytest.raises(ValueError, match="unknown status"):
        PredictionRecord(id="a", task="age", status="failed")


def test_statuses_match_answer():
    answer = pytest.importorskip("facevqa.answer")
    from eval.predictions import STATUSES

    assert STATUSES == answer.STATUSES


def test_writer_appends_skips_done_and_dedups_batch(tmp_path):
    path = tmp_path / "preds.jsonl"
    with PredictionWriter(path) as w:
        assert w.write_batch([rec(0), rec(1), rec(1)]) == 2  # in-batch duplicate dropped
        assert w.write_batch([rec(1), rec(2), rec(2, model="probe")]) == 2  # ex1 already done
    state = read_predictions(path)
    assert [r.key for r in state.records] == [("vlm", "ex0"), ("vlm", "ex1"), ("vlm", "ex2"),
                                              ("probe", "ex2")]
    assert state.done == {r.key for r in state.records}
    with PredictionWriter(path) as w:  # a rerun sees the finished keys
        assert ("probe", "ex2") in w.done
        assert w.write_batch([rec(0), rec(3)]) == 1
    assert len(read_predictions(path).records) == 5


def test_read_dedups_duplicate_lines(tmp_path):
    path = tmp_path / "p.jsonl"
    first, again = rec(0, error=None), rec(0, error="second copy")
    write_lines(path, [first, rec(1), again])
    state = read_predictions(path)
    assert state.duplicates == 1
    assert [r.error for r in state.records] == [None, None]  # the first copy wins


def test_every_truncation_point_repairs_and_resumes(tmp_path):
    records = [rec(i) for i in range(3)]
    path = tmp_path / "p.jsonl"
    full = write_lines(path, records)
    line_ends = [i + 1 for i, b in enumerate(full) if b == ord("\n")]
    for cut in range(len(full) + 1):
        path.write_bytes(full[:cut])
        state = read_predictions(path)
        # complete lines survive; a line that lost only its newline is still valid JSON
        n_complete = sum(end <= cut for end in line_ends)
        n_valid = n_complete + (cut in [e - 1 for e in line_ends])
        assert len(state.records) == n_valid, cut
        assert state.dropped_lines == (0 if cut in line_ends or cut == 0 or
                                       cut in [e - 1 for e in line_ends] else 1)
        assert path.read_bytes() == full[:cut]  # reading never modifies the file
        if cut % 47 and all(abs(cut - e) > 2 for e in [0, *line_ends]):
            continue  # resuming (fsync per batch) is slow: every 47th cut and all near edges
        with PredictionWriter(path) as w:  # rerun: repair, then write what is missing
            w.write_batch([r for r in records if r.key not in w.done])
        after = read_predictions(path)
        assert [r.id for r in after.records] == ["ex0", "ex1", "ex2"], cut
        assert after.dropped_lines == 0 and after.duplicates == 0
        assert path.read_bytes() == full, cut


def test_repair_cuts_garbage_tail(tmp_path):
    path = tmp_path / "p.jsonl"
    good = write_lines(path, [rec(0), rec(1)])
    path.write_bytes(good + b'{"id": "ex2", "task": "emo' + b"\x00" * 10 + b"\n\x00\x00")
    state = repair_predictions(path)
    assert state.dropped_lines == 2 and len(state.records) == 2
    assert path.read_bytes() == good


def test_corrupt_middle_line_raises(tmp_path):
    path = tmp_path / "p.jsonl"
    data = write_lines(path, [rec(0)])
    path.write_bytes(data + b"{broken\n" + json.dumps(rec(1).to_dict()).encode() + b"\n")
    with pytest.raises(PredictionStoreError, match="line 2"):
        read_predictions(path)


def test_missing_file_reads_empty_and_second_writer_is_refused(tmp_path):
    path = tmp_path / "sub" / "p.jsonl"
    assert read_predictions(path).records == ()
    with PredictionWriter(path):
        with pytest.raises(PredictionStoreError, match="another process"):
            PredictionWriter(path).__enter__()


WRITER = """
import sys
from eval.predictions import PredictionRecord, PredictionWriter
with PredictionWriter(sys.argv[1]) as w:
    i = 0
    while True:
        batch = [PredictionRecord(id=f"ex{j}", task="age", explanation_pred="x" * 500)
                 for j in range(i, i + 50)]
        w.write_batch([r for r in batch if r.key not in w.done])
        i += 50
"""


def test_kill_9_loses_at_most_a_batch_and_never_duplicates(tmp_path):
    path = tmp_path / "p.jsonl"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for delay in (0.3, 0.45, 0.6):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], env=env)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        state = read_predictions(path)  # may report a torn last line, never raises
        assert state.duplicates == 0
    written = len(read_predictions(path).records)
    assert written > 0  # the killed writers did get records to disk
    total = written + 100
    with PredictionWriter(path) as w:
        w.write_batch([PredictionRecord(id=f"ex{j}", task="age", value_pred=float(j))
                       for j in range(total)])
    final = read_predictions(path)
    assert sorted(int(r.id[2:]) for r in final.records) == list(range(total))
    assert final.duplicates == 0 and final.dropped_lines == 0


def test_record_from_answer():
    answer_mod = pytest.importorskip("facevqa.answer")
    from eval.predictions import record_from_answer

    ans = answer_mod.Answer(status="abstain", task="spoof", label="spoof",
                            probs={"real": 0.45, "spoof": 0.55}, confidence=0.55,
                            text="no. paper border", explanation="paper border")
    r = record_from_answer(ans, id="x1", task="spoof", model="vlm",
                           truth={"label_true": "spoof", "attack_true": "print",
                                  "cue_keywords": ["paper"]},
                           groups={"gender": "female"}, split="test")
    assert (r.status, r.label_pred, r.score, r.explanation_pred) == (
        "abstain", "spoof", 0.55, "paper border")
    assert (r.label_true, r.attack_true, r.cue_keywords, r.text_pred) == (
        "spoof", "print", ("paper",), None)
    err = record_from_answer(answer_mod.Answer(status="error", error="bad image"), id="x2",
                             task="emotion", truth={"label_true": "happy"})
    assert (err.status, err.error, err.label_pred) == ("error", "bad image", None)
    with pytest.raises(ValueError, match="valid: label_true"):
        record_from_answer(ans, id="x3", task="spoof", truth={"label": "spoof"})
