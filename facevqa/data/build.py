"""Build a QA data set on disk from a source or the synthetic world, counting bad rows.

The result opens with `datasets.load_from_disk(out)`; `out/build_summary.json` says what was
read, written and skipped (missing image, corrupt image, unknown label...). Builds write to a
temporary folder beside `out` and rename it into place, so a crash never leaves a half-written
`out` and running the same build again gives the same result.
"""

from __future__ import annotations

import itertools
import json
import logging
import shutil
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from facevqa.data.qa import QAConfig, build_examples, example_features
from facevqa.data.rows import Skips

log = logging.getLogger(__name__)

SUMMARY_FILE = "build_summary.json"


@dataclass(frozen=True)
class BuildSummary:
    """What one build read, wrote and skipped."""

    source: str
    out: str
    rows_read: int
    """Rows the source yielded (before image checks)."""
    rows_used: int
    """Rows that produced examples."""
    examples: int
    skipped: dict[str, int]
    """Skipped rows (and unknown labels) by reason."""
    skipped_examples: dict[str, list[str]]
    """A few ids/details per reason."""
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return asdict(self)


def _checked_image(image: Any, skips: Skips, row_id: str) -> Any:
    """Path -> {"bytes", "path"} after a full, safe decode (facevqa.images: size and pixel
    limits, no pipes or devices), so corrupt files are skipped and counted; PIL as is."""
    from PIL import Image

    from facevqa.errors import ImageError
    from facevqa.images import load_image

    if image is None:
        skips.add("missing_image", row_id)
        return None
    if isinstance(image, Image.Image) or (isinstance(image, Mapping) and image.get("bytes")):
        return image
    path = Path(str(image))
    if not path.exists():
        skips.add("missing_image", f"{row_id}: {path}")
        return None
    try:
        load_image(path)
        data = path.read_bytes()
    except (ImageError, OSError) as e:
        skips.add("corrupt_image", f"{row_id}: {path.name}: {e}")
        return None
    return {"bytes": data, "path": path.name}


def checked_rows(rows: Iterable[dict[str, Any]], skips: Skips, counter: dict[str, int]
                 ) -> Iterator[dict[str, Any]]:
    """Rows whose image decodes, with file images embedded as bytes; counts what it sees."""
    for row in rows:
        counter["read"] += 1
        image = _checked_image(row.get("image"), skips, str(row.get("id")))
        if image is not None:
            counter["used"] += 1
            yield {**row, "image": image}


def _progress(rows: Iterable[Any], enabled: bool, total: int | None, desc: str) -> Iterable[Any]:
    if not enabled:
        return rows
    from tqdm.auto import tqdm

    return tqdm(rows, total=total, desc=desc, unit="row")


def _replace_dir(tmp: Path, out: Path) -> None:
    """Move the finished temp folder to `out`, replacing an older build atomically enough."""
    old = out.with_name(f".{out.name}.old-{uuid.uuid4().hex[:8]}")
    if out.exists():
        out.rename(old)
    tmp.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def write_examples(rows: Iterable[dict[str, Any]], out: str | Path, *, source: str,
                   config: QAConfig | None = None, skips: Skips | None = None,
                   limit: int | None = None, progress: bool = False,
                   image_format: str = "jpeg") -> BuildSummary:
    """Turn rows into examples and save them at `out` (save_to_disk) with a build summary."""
    start = time.time()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp-{uuid.uuid4().hex[:8]}")
    skips = skips if skips is not None else Skips()
    counter = {"read": 0, "used": 0, "examples": 0}
    rows = itertools.islice(rows, limit) if limit is not None else rows
    rows = _progress(rows, progress, limit, f"building {source}")

    def generate() -> Iterator[dict[str, Any]]:
        for ex in build_examples(checked_rows(rows, skips, counter), config, skips=skips,
                                 image_format=image_format):
            counter["examples"] += 1
            yield ex

    try:
        ds = _dataset(generate, tmp / "cache", counter)
        ds.save_to_disk(str(tmp / "data"), num_shards=None if len(ds) else 1)
        summary = _summary(source, out, counter, len(ds), skips, start)
        del ds
        shutil.rmtree(tmp / "cache", ignore_errors=True)
        (tmp / "data" / SUMMARY_FILE).write_text(json.dumps(summary.to_dict(), indent=2))
        _replace_dir(tmp / "data", out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _log_summary(summary)
    return summary


def _dataset(generate: Any, cache: Path, counter: dict[str, int]) -> Any:
    """Dataset.from_generator, or an empty data set when every row was skipped."""
    from datasets import Dataset

    try:
        return Dataset.from_generator(generate, features=example_features(),
                                      cache_dir=str(cache), fingerprint=uuid.uuid4().hex)
    except ValueError:
        if counter["examples"]:
            raise
        log.warning("no examples were produced; writing an empty data set")
        features = example_features()
        return Dataset.from_dict({name: [] for name in features}, features=features)


def _summary(source: str, out: Path, counter: dict[str, int], n: int, skips: Skips,
             start: float) -> BuildSummary:
    snap = skips.summary()
    return BuildSummary(source, str(out), counter["read"], counter["used"], n, snap.counts,
                        snap.examples, round(time.time() - start, 2))


def _log_summary(s: BuildSummary) -> None:
    log.info("%s: %d rows read, %d used, %d examples written to %s in %.1fs", s.source,
             s.rows_read, s.rows_used, s.examples, s.out, s.seconds)
    for reason, count in sorted(s.skipped.items()):
        log.warning("%s: skipped %d (%s), e.g. %s", s.source, count, reason,
                    "; ".join(s.skipped_examples.get(reason, [])[:2]))


def build_dataset(source: str, root: str | Path, out: str | Path, *, limit: int | None = None,
                  config: QAConfig | None = None, options: Mapping[str, Any] | None = None,
                  progress: bool = False, image_format: str = "jpeg") -> BuildSummary:
    """Build `out` from the real source `source` found at `root` (options go to its adapter)."""
    from facevqa.data.sources import get_source

    read = get_source(source)
    skips = Skips()
    rows = read(root, skips=skips, **dict(options or {}))
    return write_examples(rows, out, source=source, config=config, skips=skips, limit=limit,
                          progress=progress, image_format=image_format)


def build_synthetic(n: int, out: str | Path, *, seed: int = 0, spoof_rate: float = 0.25,
                    nonface_rate: float = 0.05, config: QAConfig | None = None,
                    progress: bool = False, image_format: str = "jpeg",
                    face_crops: bool = False) -> BuildSummary:
    """Build `out` from n synthetic rows (face_crops: faces as the pipeline's face crops)."""
    from facevqa.data.synthetic import synth_rows

    rows = synth_rows(n, seed=seed, spoof_rate=spoof_rate, nonface_rate=nonface_rate,
                      face_crops=face_crops)
    return write_examples(rows, out, source="synthetic", config=config, limit=n,
                          progress=progress, image_format=image_format)
