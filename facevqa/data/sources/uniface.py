"""UniF²ace (UniF2ace-130K / UniF2aceD-1M on the HF hub as tulvgengenr/UniF2ace-130K):
fine-grained face captions and VQA pairs.

Assumed schema (the release's files could not be inspected offline; adjust FIELDS if they
differ):
records in `*.json` (a list), `*.jsonl` (one object per line) or `*.parquet` under `root`,
each with
- an image: `image` / `image_path` / `file_name` / `img` - a path relative to `root` (or to
  `image_root`), or an HF image struct {"bytes", "path"} in parquet;
- a caption: `caption` / `text` / `description` / `detailed_caption` (string or list);
- VQA pairs, in any of: `vqa` / `qa` / `qa_pairs` / `questions` as a list of
  {"question", "answer"} objects, or LLaVA-style `conversations`
  [{"from": "human", "value": "<image>\\nQ"}, {"from": "gpt", "value": "A"}, ...].
Rows carry the caption and the pairs (row["qa"]); the QA builder emits caption examples and
open-task examples with the given questions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from facevqa.data.rows import Skips, make_row
from facevqa.data.sources.common import image_from_cell, list_files, skips_or_new
from facevqa.errors import ConfigError

FIELDS = {
    "image": ("image", "image_path", "file_name", "img", "path"),
    "caption": ("caption", "text", "description", "detailed_caption", "captions"),
    "qa": ("vqa", "qa", "qa_pairs", "questions"),
}


def _first(rec: Mapping[str, Any], field: str) -> Any:
    return next((rec[k] for k in FIELDS[field] if rec.get(k) not in (None, "", [])), None)


def qa_pairs(rec: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(question, answer) pairs from a VQA list or LLaVA conversations."""
    pairs = []
    for item in _first(rec, "qa") or ():
        if isinstance(item, Mapping) and item.get("question") and item.get("answer"):
            pairs.append((str(item["question"]).strip(), str(item["answer"]).strip()))
    turns = rec.get("conversations") or ()
    for ask, reply in zip(turns[::2], turns[1::2]):
        if ask.get("from") in ("human", "user") and reply.get("from") in ("gpt", "assistant"):
            question = str(ask.get("value", "")).replace("<image>", "").strip()
            if question and reply.get("value"):
                pairs.append((question, str(reply["value"]).strip()))
    return pairs


def _records(path: Path) -> Iterator[dict[str, Any]]:
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
            yield from batch.to_pylist()
    elif path.suffix == ".jsonl":
        with open(path, encoding="utf-8") as f:
            yield from (json.loads(line) for line in f if line.strip())
    else:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        yield from (data if isinstance(data, list) else data.get("data", []))


def read_uniface(root: str | Path, *, image_root: str | Path | None = None,
                 skips: Skips | None = None) -> Iterator[dict[str, Any]]:
    """Rows (caption + VQA pairs) from every json/jsonl/parquet file under `root`."""
    root, skips = Path(root), skips_or_new(skips)
    base = Path(image_root) if image_root else root
    files = list_files(root, ["*.json", "*.jsonl", "*.parquet", "**/*.json", "**/*.jsonl",
                              "**/*.parquet"])
    if not files:
        raise ConfigError(f"no UniF2ace json/jsonl/parquet files under {root}")
    for path in files:
        for i, rec in enumerate(_records(path)):
            row_id = f"uniface-{rec.get('id', f'{path.stem}-{i}')}"
            caption = _first(rec, "caption")
            if isinstance(caption, list):
                caption = next((c for c in caption if c), None)
            pairs = qa_pairs(rec)
            if not caption and not pairs:
                skips.add("unknown_label", f"{row_id}: no caption or VQA")
                continue
            image = image_from_cell(_first(rec, "image"), base, skips, row_id)
            if image is not None:
                yield make_row(id=row_id, image=image, caption=caption, qa=pairs,
                               split="train", source="uniface")
