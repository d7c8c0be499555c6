"""Where `facevqa annotate` reads its images: a folder, a list file, parquet files or a saved
`datasets` data set, each seen as a numbered sequence read in ranges (a shard at a time).

Parquet and saved data sets are read lazily (row counts from metadata, rows by range), so a
FaceCaption-15M-sized input never sits whole in memory.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facevqa.errors import ConfigError

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".webp", ".gif", ".tif", ".tiff")
SAVED_DATASET_FILES = ("state.json", "dataset_info.json")
"""Files `datasets.Dataset.save_to_disk` writes beside its arrow files."""


@dataclass(frozen=True)
class ImageRef:
    """One input image: its id in the output and what generate() reads (a path or bytes)."""

    id: str
    image: Any


@dataclass(frozen=True)
class PathInputs:
    """Image files: a folder's images (sorted) or a list file's lines."""

    kind: str
    """folder or list."""
    location: str
    paths: tuple[str, ...]
    """Paths as written in the output's image_id (relative to `root` unless absolute)."""
    root: str

    def __len__(self) -> int:
        return len(self.paths)

    def refs(self, lo: int, hi: int) -> list[ImageRef]:
        """Inputs lo..hi-1."""
        return [ImageRef(p, str(Path(self.root, p))) for p in self.paths[lo:hi]]

    def describe(self) -> dict[str, Any]:
        """What a rerun must find the same (written to the manifest)."""
        import hashlib

        digest = hashlib.sha1("\n".join(self.paths).encode()).hexdigest()
        return {"kind": self.kind, "location": self.location, "n": len(self), "sha1": digest}


@dataclass(frozen=True)
class TableInputs:
    """Rows of parquet files or of a saved data set: an image column (bytes, {bytes, path}
    struct as `datasets` stores images, or a path string) and an optional id column."""

    kind: str
    """parquet or dataset."""
    location: str
    files: tuple[str, ...]
    """Parquet files, or the saved data set's folder (one entry)."""
    counts: tuple[int, ...]
    image_column: str = "image"
    id_column: str | None = None
    _open: dict = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return sum(self.counts)

    def refs(self, lo: int, hi: int) -> list[ImageRef]:
        """Inputs lo..hi-1, reading only the files (row groups) that hold them."""
        out: list[ImageRef] = []
        start = 0
        for k, n in enumerate(self.counts):
            a, b = max(lo, start) - start, min(hi, start + n) - start
            if a < b:
                table = self._read(k, a, b)
                images = table.column(self.image_column).to_pylist()
                ids = (table.column(self.id_column).to_pylist() if self.id_column
                       else range(start + a, start + b))
                out += [ImageRef(str(i), _cell_image(c, self._base(k))) for i, c in
                        zip(ids, images)]
            start += n
        return out

    def _read(self, k: int, a: int, b: int):
        columns = [c for c in (self.image_column, self.id_column) if c]
        if self.kind == "dataset":
            if "ds" not in self._open:
                from datasets import load_from_disk

                self._open["ds"] = load_from_disk(self.files[0]).with_format("arrow")
            return self._open["ds"].select_columns(columns)[a:b]
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(self.files[k])
        groups, first, row = [], None, 0
        for g in range(pf.metadata.num_row_groups):
            m = pf.metadata.row_group(g).num_rows
            if row < b and row + m > a:
                groups.append(g)
                first = row if first is None else first
            row += m
        return pf.read_row_groups(groups, columns=columns).slice(a - first, b - a)

    def _base(self, k: int) -> Path:
        return Path(self.files[k]).parent

    def describe(self) -> dict[str, Any]:
        """What a rerun must find the same (written to the manifest)."""
        return {"kind": self.kind, "location": self.location, "n": len(self),
                "files": [Path(f).name for f in self.files], "counts": list(self.counts),
                "image_column": self.image_column, "id_column": self.id_column}


def _cell_image(cell: Any, base: Path) -> Any:
    """bytes, or a path (relative paths resolved beside the parquet file when they exist)."""
    if isinstance(cell, dict):
        cell = cell.get("bytes") or cell.get("path")
    if isinstance(cell, str):
        p = Path(cell).expanduser()
        return str(p if p.is_absolute() or not (base / p).exists() else base / p)
    return cell


def open_inputs(location: str | Path, image_column: str = "image",
                id_column: str | None = None) -> PathInputs | TableInputs:
    """The inputs at `location`: a saved data set folder, parquet file(s), a folder of images,
    or a list file (one image path a line, relative to the list file; # comments skipped)."""
    loc = Path(location).expanduser()
    if loc.is_dir() and all((loc / f).exists() for f in SAVED_DATASET_FILES):
        return _dataset(loc, image_column, id_column)
    parquet = sorted(loc.glob("*.parquet")) if loc.is_dir() else [loc]
    if loc.suffix == ".parquet" or (loc.is_dir() and parquet):
        return _parquet(loc, parquet, image_column, id_column)
    if loc.is_dir():
        paths = sorted(p.relative_to(loc).as_posix() for p in loc.rglob("*")
                       if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file())
        return PathInputs("folder", str(loc), tuple(paths), str(loc))
    if loc.is_file():
        lines = loc.read_text(encoding="utf-8").splitlines()
        paths = [s for s in (ln.strip() for ln in lines) if s and not s.startswith("#")]
        return PathInputs("list", str(loc), tuple(paths), str(loc.parent))
    raise ConfigError(f"{location}: not found (expected a folder of images, a list file, "
                      "parquet file(s) or a saved data set)")


def _parquet(loc: Path, files: list[Path], image_column: str,
             id_column: str | None) -> TableInputs:
    import pyarrow.parquet as pq

    if not files[0].is_file():
        raise ConfigError(f"{loc}: no such parquet file")
    counts, names = [], None
    for f in files:
        meta = pq.ParquetFile(f)
        counts.append(meta.metadata.num_rows)
        names = names or meta.schema_arrow.names
    _check_columns(loc, names, image_column, id_column)
    return TableInputs("parquet", str(loc), tuple(map(str, files)), tuple(counts),
                       image_column, id_column)


def _dataset(loc: Path, image_column: str, id_column: str | None) -> TableInputs:
    info = json.loads((loc / "dataset_info.json").read_text())
    names = list((info.get("features") or {}).keys())
    _check_columns(loc, names, image_column, id_column)
    from datasets import load_from_disk

    n = len(load_from_disk(str(loc)))
    return TableInputs("dataset", str(loc), (str(loc),), (n,), image_column, id_column)


def _check_columns(loc: Path, names: list[str], image_column: str,
                   id_column: str | None) -> None:
    for col, flag in ((image_column, "--image-column"), (id_column, "--id-column")):
        if col is not None and col not in names:
            raise ConfigError(f"{loc} has no column {col!r} ({flag}); columns: "
                              f"{', '.join(names)}")
