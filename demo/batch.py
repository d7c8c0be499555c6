"""The Batch tab's work: uploaded files and zips -> one answer row per image -> CSV and JSON.

Files are read into memory with size and pixel limits, one chunk at a time; every bad file or
zip member becomes an error row, never an exception. Plain Python, no gradio.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import stat
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facevqa import Answer, ImageError, load_image

log = logging.getLogger(__name__)

COLUMNS = ("file", "status", "task", "label", "confidence", "answer", "face_box", "error")
"""Columns of the results table and the CSV file, in order."""


@dataclass(frozen=True)
class Limits:
    """What the demo accepts from a user."""

    max_bytes: int = 20 * 1024 * 1024
    """Largest image file (and zip member) in bytes."""
    max_pixels: int = 25_000_000
    """Largest image in pixels (width x height), checked before decoding."""
    max_images: int = 64
    """Most images in one batch (files plus zip members); the rest become error rows."""
    max_zip_bytes: int = 200 * 1024 * 1024
    """Largest zip file in bytes."""

    def __post_init__(self) -> None:
        if min(self.max_bytes, self.max_pixels, self.max_images, self.max_zip_bytes) <= 0:
            raise ValueError("demo limits must be positive")


@dataclass(frozen=True)
class Upload:
    """One named input of a batch: a reader for its bytes, or the reason it cannot be read."""

    name: str
    read: Callable[[], bytes] | None = None
    error: str | None = None


def collect_uploads(paths: Iterable[str | Path], limits: Limits) -> list[Upload]:
    """Every uploaded file as an Upload; a zip contributes one Upload per member file."""
    out: list[Upload] = []
    for path in paths:
        path = Path(path)
        if path.suffix.lower() == ".zip":
            out.extend(_zip_members(path, limits))
        else:
            out.append(Upload(display_name(path.name),
                              read=_file_reader(path, limits.max_bytes)))
    if len(out) > limits.max_images:
        msg = f"skipped: a batch holds at most {limits.max_images} images"
        out = out[:limits.max_images] + [Upload(u.name, error=msg) for u in out[limits.max_images:]]
    return out


def display_name(name: str) -> str:
    """`name` as valid UTF-8 (undecodable file-name bytes become backslash escapes), so the
    table, CSV and JSON can always be written."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _file_reader(path: Path, max_bytes: int) -> Callable[[], bytes]:
    def read() -> bytes:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):  # reading a pipe or device would block or never end
            raise ImageError("not a regular file (a directory, pipe or device)")
        if st.st_size > max_bytes:
            raise ImageError(f"file is {st.st_size} bytes, over the {max_bytes}-byte limit")
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)  # the file may have grown since stat()
        if len(data) > max_bytes:
            raise ImageError(f"file is over the {max_bytes}-byte limit")
        return data

    return read


def _zip_members(path: Path, limits: Limits) -> list[Upload]:
    """One Upload per file in the zip (folders skipped); a bad zip is one error row."""
    try:
        if path.stat().st_size > limits.max_zip_bytes:
            return [Upload(path.name, error=f"zip is over the {limits.max_zip_bytes}-byte limit")]
        with zipfile.ZipFile(path) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError) as e:
        return [Upload(path.name, error=f"unreadable zip: {e}")]
    if not infos:
        return [Upload(path.name, error="the zip holds no files")]
    return [Upload(f"{path.name}/{i.filename}", read=_member_reader(path, i, limits.max_bytes))
            for i in infos]


def _member_reader(path: Path, info: zipfile.ZipInfo, max_bytes: int) -> Callable[[], bytes]:
    def read() -> bytes:
        if info.file_size > max_bytes:
            raise ImageError(f"zip member is {info.file_size} bytes, over the "
                             f"{max_bytes}-byte limit")
        try:
            with zipfile.ZipFile(path) as zf, zf.open(info) as f:
                data = f.read(max_bytes + 1)  # the header's size may lie (zip bombs)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as e:
            raise ImageError(f"cannot extract from the zip: {e}") from e
        if len(data) > max_bytes:
            raise ImageError(f"zip member is over the {max_bytes}-byte limit")
        return data

    return read


def decode(upload: Upload, limits: Limits):
    """The upload as an RGB PIL image, or an error Answer saying why it cannot be used."""
    if upload.error is not None or upload.read is None:
        return Answer(status="error", error=upload.error or "nothing to read")
    try:
        return load_image(upload.read(), max_pixels=limits.max_pixels,
                          max_bytes=limits.max_bytes)
    except ImageError as e:
        return Answer(status="error", error=str(e))
    except OSError as e:
        return Answer(status="error", error=f"cannot read the upload: {e.strerror or e}")


def answer_uploads(vqa: Any, uploads: list[Upload], question: str, *, task: str | None = None,
                   limits: Limits = Limits(), chunk: int = 8) -> list[Answer]:
    """One Answer per upload, in order; images are decoded and answered `chunk` at a time."""
    answers: list[Answer] = []
    for lo in range(0, len(uploads), chunk):
        decoded = [decode(u, limits) for u in uploads[lo:lo + chunk]]
        good = [i for i, d in enumerate(decoded) if not isinstance(d, Answer)]
        got = vqa.generate([decoded[i] for i in good], question, task=task,
                           batch_size=chunk) if good else []
        for i, a in zip(good, got):
            decoded[i] = a
        answers.extend(decoded)
    return answers


def to_row(name: str, answer: Answer) -> dict[str, Any]:
    """One results-table row (the columns of COLUMNS)."""
    text = answer.text if answer.status in ("ok", "abstain") else ""
    box = "" if answer.face is None else " ".join(str(v) for v in answer.face.box)
    return {
        "file": name, "status": answer.status, "task": answer.task or "",
        "attribute": answer.attribute or "", "label": answer.label or "",
        "confidence": "" if answer.confidence is None else round(answer.confidence, 4),
        "answer": text.strip(), "face_box": box,
        "error": answer.error or "",
    }


def table(rows: list[dict[str, Any]]) -> list[list[Any]]:
    """Rows as lists in COLUMNS order, for the results table."""
    return [[r[c] for c in COLUMNS] for r in rows]


def write_results(names: list[str], answers: list[Answer], folder: Path) -> tuple[Path, Path]:
    """results.csv (the table plus probabilities) and results.json (full answers) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, json_path = folder / "results.csv", folder / "results.json"
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[*COLUMNS, "attribute", "probs"],
                            extrasaction="ignore")
    writer.writeheader()
    for name, a in zip(names, answers):
        writer.writerow({**to_row(name, a), "probs": json.dumps(a.probs) if a.probs else ""})
    csv_path.write_text(buf.getvalue(), encoding="utf-8")
    records = [{"file": n, **a.to_dict()} for n, a in zip(names, answers)]
    json_path.write_text(json.dumps(records, indent=2, ensure_ascii=False), encoding="utf-8")
    return csv_path, json_path
