"""FaceCaption-15M: parquet rows of (url, face box, captions), images from a local folder.

Format as distributed (OpenFace-CQUPT/FaceCaption-15M, FaceCaption-v*.parquet): one row per
face with the LAION `url`, the face box and its captions (`face_caption`, plus the original
`laion_caption`). Column spellings vary between releases, so each field has a list of accepted
names. Images cannot be fetched here: they are looked up under `image_root` by, in order,
an image-path column, the img2dataset `key` ("00001/000010001.jpg" or "000010001.jpg"),
the URL's file name, or the sha1 of the URL ("<sha1>.jpg"). Rows without a local image are
counted as missing_image and skipped. The parquet is streamed in record batches (pyarrow),
never loaded whole.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from posixpath import basename
from typing import Any
from urllib.parse import urlparse

from facevqa.data.rows import Skips, make_row
from facevqa.data.sources.common import existing, list_files, skips_or_new
from facevqa.errors import ConfigError

log = logging.getLogger(__name__)

FIELDS: dict[str, tuple[str, ...]] = {
    "url": ("url", "URL", "image_url"),
    "box": ("face_bbox", "face_box", "facebox", "bbox", "face_boxes"),
    "caption": ("face_caption", "caption", "captions", "face_captions", "text"),
    "image": ("image_path", "file_name", "filename", "path", "image_file"),
    "key": ("key", "sample_id", "id"),
}
"""Field -> accepted column names (first present wins)."""


def _columns(schema_names: Sequence[str]) -> dict[str, str]:
    found = {}
    for field, names in FIELDS.items():
        match = next((n for n in names if n in schema_names), None)
        if match:
            found[field] = match
    if "caption" not in found:
        raise ConfigError(f"no caption column among {list(schema_names)}; expected one of "
                          f"{', '.join(FIELDS['caption'])}")
    return found


def image_candidates(image_root: Path, rec: dict[str, Any]) -> list[Path]:
    """Local files that may hold a row's image, most specific first."""
    out = []
    if rec.get("image"):
        out.append(image_root / str(rec["image"]))
    if rec.get("key") is not None:
        k = str(rec["key"])
        out += [image_root / k[:5] / f"{k}.jpg", image_root / f"{k}.jpg"]
    url = rec.get("url")
    if url:
        name = basename(urlparse(str(url)).path)
        if name:
            out.append(image_root / name)
        out.append(image_root / f"{hashlib.sha1(str(url).encode()).hexdigest()}.jpg")
    return out


def _caption(value: Any) -> str | None:
    if isinstance(value, (list, tuple)):
        value = next((v for v in value if v), None)
    return str(value).strip() if value else None


def _box(value: Any) -> tuple[int, ...] | None:
    if value is None:
        return None
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], (list, tuple)):
        value = value[0]
    try:
        return tuple(int(round(float(v))) for v in value)[:4]
    except (TypeError, ValueError):
        return None


def _row(rec: dict[str, Any], image: str, index: int) -> dict[str, Any]:
    return make_row(id=f"facecaption-{rec.get('key', index)}", image=image,
                    caption=_caption(rec.get("caption")), face_box=_box(rec.get("box")),
                    split="train", source="facecaption")


def read_facecaption(root: str | Path, *, image_root: str | Path | None = None,
                     skips: Skips | None = None, batch_size: int = 8192,
                     require_images: bool = True) -> Iterator[dict[str, Any]]:
    """Stream rows from the parquet file(s) at `root` (a file or a folder of *.parquet).

    With require_images=False the first candidate path is used without checking it exists
    (for streaming and memory tests without images).
    """
    import pyarrow.parquet as pq

    root = Path(root)
    files = [root] if root.is_file() else list_files(root, ["*.parquet", "**/*.parquet"])
    if not files:
        raise ConfigError(f"no parquet files at {root}")
    image_root = Path(image_root) if image_root else (root.parent if root.is_file() else root)
    skips = skips_or_new(skips)
    index = 0
    for path in files:
        # a buffered stream, no pre-buffering and no decode threads keep memory flat
        # however long the file is (the Python loop, not decoding, is the bottleneck)
        pf = pq.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20)
        cols = _columns(pf.schema_arrow.names)
        field_of = {name: field for field, name in cols.items()}
        for batch in pf.iter_batches(batch_size=batch_size, columns=list(cols.values()),
                                     use_threads=False):
            batch = batch.rename_columns([field_of[n] for n in batch.schema.names])
            for rec in batch.to_pylist():
                index += 1
                if not _caption(rec.get("caption")):
                    skips.add("missing_caption", f"row {index}")
                    continue
                candidates = image_candidates(image_root, rec)
                image = (str(candidates[0]) if candidates else None) if not require_images \
                    else existing(candidates, skips, f"row {index}: {rec.get('url')}")
                if image is not None:
                    yield _row(rec, image, index)
