"""Batch bookkeeping: files and zip members become one row each, bad ones as error rows."""

from __future__ import annotations

import csv
import json
import zipfile

from demo.batch import (
    COLUMNS,
    Limits,
    answer_uploads,
    collect_uploads,
    table,
    to_row,
    write_results,
)


def _zip(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_three_files_one_corrupt(fake_vqa, photo_files):
    paths = [photo_files["astronaut"], photo_files["corrupt"], photo_files["grace_hopper"]]
    uploads = collect_uploads(paths, Limits())
    answers = answer_uploads(fake_vqa, uploads, "What emotion is shown?")
    assert [a.status for a in answers] == ["ok", "error", "ok"]
    assert "corrupt" in answers[1].error or "truncated" in answers[1].error
    assert fake_vqa.calls == [(2, "What emotion is shown?", None)]  # the bad file never reaches it


def test_zip_members_are_rows(tmp_path, fake_vqa, photo_files):
    z = _zip(tmp_path / "faces.zip", {
        "a/astronaut.jpg": photo_files["astronaut"].read_bytes(),
        "notes.txt": b"not an image",
        "a/": b""})
    uploads = collect_uploads([z, photo_files["grace_hopper"]], Limits())
    assert [u.name for u in uploads] == ["faces.zip/a/astronaut.jpg", "faces.zip/notes.txt",
                                         "grace_hopper.jpg"]
    answers = answer_uploads(fake_vqa, uploads, "What emotion is shown?", chunk=2)
    assert [a.status for a in answers] == ["ok", "error", "ok"]
    assert "not a recognised image" in answers[1].error


def test_limits_become_rows(tmp_path, fake_vqa, photo_files):
    bad_zip = tmp_path / "broken.zip"
    bad_zip.write_bytes(b"PK\x03\x04 not really")
    limits = Limits(max_bytes=50_000, max_images=2, max_pixels=100_000)
    uploads = collect_uploads([bad_zip, photo_files["astronaut"], photo_files["grace_hopper"]],
                              limits)
    answers = answer_uploads(fake_vqa, uploads, "q", limits=limits)
    errors = [a.error for a in answers]
    assert "unreadable zip" in errors[0]
    assert "byte limit" in errors[1]  # astronaut.jpg is larger than 50 kB
    assert "at most 2 images" in errors[2]
    assert fake_vqa.calls == []


def test_pixel_limit(fake_vqa, photo_files):
    limits = Limits(max_pixels=100_000)  # 512x512 is over
    answers = answer_uploads(fake_vqa, collect_uploads([photo_files["astronaut"]], limits), "q",
                             limits=limits)
    assert answers[0].status == "error" and "pixel limit" in answers[0].error


def test_csv_and_json(tmp_path, fake_vqa, photo_files):
    paths = [photo_files["astronaut"], photo_files["corrupt"]]
    uploads = collect_uploads(paths, Limits())
    answers = answer_uploads(fake_vqa, uploads, "What emotion is shown?")
    names = [u.name for u in uploads]
    rows = table([to_row(n, a) for n, a in zip(names, answers)])
    assert rows[0][:4] == ["astronaut.jpg", "ok", "emotion", "happy"]
    assert len(rows[0]) == len(COLUMNS)
    csv_path, json_path = write_results(names, answers, tmp_path / "out")
    got = list(csv.DictReader(csv_path.open()))
    assert [r["status"] for r in got] == ["ok", "error"]
    assert json.loads(got[0]["probs"]) == {"happy": 0.7, "sad": 0.3}
    records = json.loads(json_path.read_text())
    assert records[1]["file"] == "corrupt.jpg" and records[1]["status"] == "error"
    assert records[0]["face"]["box"] == [128, 128, 384, 384]
