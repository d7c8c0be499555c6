"""The bad-input corpus through the demo's Batch tab logic (demo.batch, demo.handlers) on the
tiny model: one row per file or zip member with its own status, CSV and JSON written, good
images answered as generate() answers them alone. No browser."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

from corpus import ANSWERED, by_name
from hardening_support import QUESTION, same_answer

from demo.batch import Limits, answer_uploads, collect_uploads, display_name
from demo.handlers import Handlers, remove_folder


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_batch_tab_over_the_corpus(tiny_vqa, corpus, tmp_path):
    cases = by_name(corpus)
    face = Path(cases["face.jpg"].path).read_bytes()
    zipped = _zip(tmp_path / "photos.zip", {
        "in/face.jpg": face, "in/truncated.png": Path(cases["truncated.png"].path).read_bytes(),
        "in/empty.jpg": b"", "ünï/ça.jpg": face, "in/": b"",
        "bomb.bin": bytes(3 * 1024 * 1024)})  # 3 MB of zeros: a few kB zipped
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    limits = Limits(max_bytes=2 * 1024 * 1024)
    handlers = Handlers(tiny_vqa, limits=limits)
    files = [c.path for c in corpus] + [str(zipped), str(broken)]
    result = handlers.run_batch(files, QUESTION)
    try:
        rows = result.rows
        expected = [c.name for c in corpus] + ["photos.zip/in/face.jpg",
                    "photos.zip/in/truncated.png", "photos.zip/in/empty.jpg",
                    "photos.zip/ünï/ça.jpg", "photos.zip/bomb.bin", "broken.zip"]
        assert len(rows) == len(expected)
        status = {name: row[1] for name, row in zip(expected, rows)}
        error = {name: row[-1] for name, row in zip(expected, rows)}
        for case in corpus:
            assert status[case.name] in case.expect, (case.name, status[case.name])
            if case.message and case.name != "pipe.jpg":
                assert re.search(case.message + "|cannot read", error[case.name], re.I), \
                    (case.name, error[case.name])
        assert status["pipe.jpg"] == "error"
        assert status["photos.zip/in/face.jpg"] in ANSWERED
        assert status["photos.zip/ünï/ça.jpg"] in ANSWERED
        assert "corrupt or truncated" in error["photos.zip/in/truncated.png"]
        assert "empty" in error["photos.zip/in/empty.jpg"]
        assert "byte limit" in error["photos.zip/bomb.bin"]
        assert "unreadable zip" in error["broken.zip"]
        with open(result.csv_path, encoding="utf-8", newline="") as fh:
            table = list(csv.DictReader(fh))
        records = json.loads(Path(result.json_path).read_text(encoding="utf-8"))
        assert len(table) == len(records) == len(expected)
        assert [r["status"] for r in table] == [r["status"] for r in records] == \
            [row[1] for row in rows]
    finally:
        remove_folder(result.folder)
    assert result.summary.startswith(f"**{len(expected)} images:**")


def test_good_uploads_answer_as_alone(tiny_vqa, corpus):
    """A chunk mixing good and bad uploads answers the good ones as generate() alone."""
    limits = Limits()
    files = [c for c in corpus if os.path.isfile(c.path)]
    uploads = collect_uploads([c.path for c in files], limits)
    assert [u.name for u in uploads] == [display_name(os.path.basename(c.path)) for c in files]
    answers = answer_uploads(tiny_vqa, uploads, QUESTION, limits=limits, chunk=8)
    assert len(answers) == len(files)
    for case, answer in zip(files, answers):
        assert answer.status in case.expect, (case.name, answer.status, answer.error)
        if case.good:
            same_answer(answer, tiny_vqa.generate([case.path], QUESTION)[0], case.name)


def test_zip_bomb_member_is_read_only_up_to_the_limit(tmp_path, tiny_vqa):
    big = _zip(tmp_path / "bomb.zip", {"zeros.png": bytes(8 * 1024 * 1024)})
    assert big.stat().st_size < 100_000
    limits = Limits(max_bytes=1024 * 1024)
    uploads = collect_uploads([big], limits)
    [answer] = answer_uploads(tiny_vqa, uploads, QUESTION, limits=limits)
    assert answer.status == "error" and "byte limit" in answer.error
    shutil.rmtree(tmp_path, ignore_errors=True)
