"""Per-example prediction records and their resumable, append-only JSONL store.

Evaluators save every prediction before computing metrics (big_vision style), so a killed run
resumes where it stopped and metrics can be recomputed without the model.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, fields
from difflib import get_close_matches
from pathlib import Path
from typing import Any, Self

log = logging.getLogger(__name__)

STATUSES = ("ok", "no_face", "abstain", "refused", "error")
"""Same statuses as facevqa.answer.STATUSES (a test keeps them in step)."""
SCORED_STATUSES = ("ok", "abstain")
"""Statuses that carry a prediction (the best guess also when abstaining)."""


class PredictionStoreError(ValueError):
    """The prediction file is damaged beyond its last line, or is in use by another writer."""


@dataclass(frozen=True)
class PredictionRecord:
    """One model's prediction for one evaluation example, with its ground truth and groups."""

    id: str
    """Example id, unique within a run for one model (e.g. "celeba/000123/eyeglasses")."""
    task: str
    """age, emotion, attribute, gender, spoof, caption or open."""
    model: str = "vlm"
    """Which system answered: vlm, probe, cnn, classical, ..."""
    status: str = "ok"
    """ok, no_face, abstain, refused or error (as in facevqa.Answer)."""
    attribute: str | None = None
    """Attribute asked about (attribute task)."""
    label_true: str | None = None
    """Reference label (canonical, lowercase); spoof: "real" or "spoof"."""
    label_pred: str | None = None
    """Predicted label (the best guess also when abstaining)."""
    probs: dict[str, float] = field(default_factory=dict)
    """Probability of every label, 0-1."""
    confidence: float | None = None
    """Probability of label_pred, 0-1."""
    value_true: float | None = None
    """Reference number (age in years)."""
    value_pred: float | None = None
    """Predicted number (age in years)."""
    score: float | None = None
    """Ranking score for AUC; spoof: probability of "spoof" (falls back to probs["spoof"])."""
    explanation_pred: str | None = None
    """Generated explanation (spoof)."""
    explanation_ref: str | None = None
    """Reference explanation (spoof)."""
    cue_keywords: tuple[str, ...] = ()
    """Cue words the generated text should mention (spoof cues, caption attributes)."""
    groups: dict[str, str | None] = field(default_factory=dict)
    """Group columns for fairness, e.g. age_group, gender, skin_tone, race (as labelled)."""
    error: str | None = None
    """Reason for a non-ok status."""
    text_pred: str | None = None
    """Generated free text (caption, open)."""
    text_ref: str | None = None
    """Reference text (caption)."""
    attack_true: str | None = None
    """Spoof attack type of the example (print, replay, mask, other) when it is an attack."""
    split: str | None = None
    """Data split the example comes from (dev, test, ...)."""

    def __post_init__(self) -> None:
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}; valid: {', '.join(STATUSES)}")
        if not self.id or not self.model or not self.task:
            raise ValueError("a PredictionRecord needs a non-empty id, task and model")
        object.__setattr__(self, "cue_keywords", tuple(self.cue_keywords))

    @property
    def key(self) -> tuple[str, str]:
        """(model, id): what a rerun skips and what the store deduplicates on."""
        return (self.model, self.id)

    @property
    def scored(self) -> bool:
        """True when the record carries a prediction that metrics score (ok or abstain)."""
        return self.status in SCORED_STATUSES

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (one store line)."""
        d = asdict(self)
        d["cue_keywords"] = list(self.cue_keywords)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PredictionRecord:
        """Rebuild a record; unknown keys raise with a "did you mean"."""
        names = [f.name for f in fields(cls)]
        unknown = [k for k in d if k not in names]
        if unknown:
            hints = {k: get_close_matches(k, names, n=1) for k in unknown}
            raise ValueError(
                "unknown record keys: "
                + ", ".join(f"{k!r} (did you mean {h[0]!r}?)" if h else repr(k)
                            for k, h in hints.items())
            )
        return cls(**d)


@dataclass(frozen=True)
class StoreState:
    """What a prediction file holds: unique records, finished keys and what was dropped."""

    records: tuple[PredictionRecord, ...]
    """Records in file order, first occurrence of each (model, id) only."""
    done: frozenset[tuple[str, str]]
    """(model, id) keys already finished, for a rerun to skip."""
    good_bytes: int
    """Length of the file prefix made of complete, valid lines."""
    dropped_lines: int = 0
    """Truncated or corrupt lines at the end of the file (not in records)."""
    dropped_bytes: int = 0
    """Bytes after good_bytes; a writer truncates them away."""
    duplicates: int = 0
    """Lines whose (model, id) appeared earlier (ignored)."""
    needs_newline: bool = False
    """The last valid line lacks its newline (only the newline was lost)."""


def _split_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """Yield (end offset, line) for each line; the line keeps its newline when it has one."""
    start = 0
    while start < len(data):
        nl = data.find(b"\n", start)
        end = len(data) if nl < 0 else nl + 1
        yield end, data[start:end]
        start = end


def _parse_line(line: bytes) -> PredictionRecord | None:
    """Parse one line; None when it is not complete JSON (truncated or garbage)."""
    try:
        obj = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(obj, dict):
        return None
    return PredictionRecord.from_dict(obj)


def _scan(data: bytes, name: str) -> tuple[list[PredictionRecord], int, int, int]:
    """(unique records, end of the valid prefix, bad tail lines, duplicate lines)."""
    records: list[PredictionRecord] = []
    seen: set[tuple[str, str]] = set()
    good_end, bad_lines, duplicates, first_bad = 0, 0, 0, 0
    for lineno, (end, line) in enumerate(_split_lines(data), start=1):
        rec = _parse_line(line) if line.strip() else None
        if rec is None:
            if line.strip():
                bad_lines, first_bad = bad_lines + 1, first_bad or lineno
            elif not bad_lines:
                good_end = end  # blank lines inside the valid prefix are harmless
            continue
        if bad_lines:
            raise PredictionStoreError(
                f"{name}: line {first_bad} is corrupt but later lines are valid; "
                "fix or remove that line by hand, then rerun")
        good_end = end
        if rec.key in seen:
            duplicates += 1
        else:
            seen.add(rec.key)
            records.append(rec)
    return records, good_end, bad_lines, duplicates


def read_predictions(path: str | os.PathLike[str]) -> StoreState:
    """Read a prediction file without changing it.

    A truncated or corrupt tail (what a kill during a write leaves) is dropped and reported;
    a bad line followed by good ones means real damage and raises PredictionStoreError.
    Repeated (model, id) keys keep their first line. A missing file reads as empty.
    """
    p = Path(path)
    data = p.read_bytes() if p.exists() else b""
    records, good_end, bad_lines, duplicates = _scan(data, str(p))
    if bad_lines:
        log.warning("%s: dropping %d truncated line(s) at the end (%d bytes)",
                    p, bad_lines, len(data) - good_end)
    if duplicates:
        log.warning("%s: ignored %d duplicate (model, id) line(s)", p, duplicates)
    return StoreState(
        records=tuple(records), done=frozenset(r.key for r in records), good_bytes=good_end,
        dropped_lines=bad_lines, dropped_bytes=len(data) - good_end, duplicates=duplicates,
        needs_newline=good_end > 0 and not data[:good_end].endswith(b"\n"),
    )


def repair_predictions(path: str | os.PathLike[str]) -> StoreState:
    """Cut a truncated/corrupt tail off the file (and end it with a newline); return its state."""
    p = Path(path)
    state = read_predictions(p)
    if state.dropped_bytes or state.needs_newline:
        with open(p, "r+b") as fh:
            fh.truncate(state.good_bytes)
            if state.needs_newline:
                fh.seek(0, os.SEEK_END)
                fh.write(b"\n")
            fh.flush()
            os.fsync(fh.fileno())
        log.info("%s: repaired (kept %d records)", p, len(state.records))
    return state


class PredictionWriter:
    """Append-only writer: repairs the file on open, skips finished keys, fsyncs every batch.

    Use as a context manager. An exclusive lock keeps a second writer off the same file, so a
    kill -9 at any point loses at most the batch being written and never duplicates a key.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._fh: Any = None
        self._done: set[tuple[str, str]] = set()
        self.state: StoreState | None = None

    def __enter__(self) -> Self:
        import fcntl  # POSIX only; imported here so reading works everywhere

        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = open(self.path, "ab")
        try:
            fcntl.flock(self._fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            self._fh.close()
            raise PredictionStoreError(f"{self.path} is being written by another process") from exc
        self.state = repair_predictions(self.path)
        self._done = set(self.state.done)
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def done(self) -> frozenset[tuple[str, str]]:
        """(model, id) keys finished so far, including this session's batches."""
        return frozenset(self._done)

    def write_batch(self, records: Iterable[PredictionRecord]) -> int:
        """Append the records not yet done as one write, flush and fsync; return how many."""
        if self._fh is None:
            raise PredictionStoreError("PredictionWriter is not open; use it in a with block")
        fresh: dict[tuple[str, str], PredictionRecord] = {}
        for rec in records:
            if rec.key not in self._done and rec.key not in fresh:
                fresh[rec.key] = rec
        if fresh:
            payload = "".join(
                json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in fresh.values()
            )
            self._fh.write(payload.encode("utf-8"))
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._done.update(fresh)
        return len(fresh)

    def close(self) -> None:
        """Release the lock and close the file (idempotent)."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None


TRUTH_FIELDS = ("label_true", "value_true", "explanation_ref", "cue_keywords", "text_ref",
                "attack_true", "attribute")
"""Keys `record_from_answer` accepts in `truth` (what the data set knows about the example)."""


def record_from_answer(answer: Any, *, id: str, task: str, model: str = "vlm",
                       truth: Mapping[str, Any] | None = None,
                       groups: Mapping[str, str | None] | None = None,
                       split: str | None = None) -> PredictionRecord:
    """A record from a facevqa Answer (read by attribute names) and the example's truth.

    The spoof score is probs["spoof"]; generated text goes to explanation_pred (spoof) or
    text_pred (caption, open).
    """
    truth = dict(truth or {})
    unknown = sorted(set(truth) - set(TRUTH_FIELDS))
    if unknown:
        raise ValueError(f"unknown truth keys {unknown}; valid: {', '.join(TRUTH_FIELDS)}")
    probs = {k: float(v) for k, v in (getattr(answer, "probs", None) or {}).items()}
    text = getattr(answer, "text", "") or None
    return PredictionRecord(
        id=id, task=task, model=model, status=answer.status,
        attribute=truth.pop("attribute", None) or getattr(answer, "attribute", None),
        label_pred=answer.label, probs=probs, confidence=answer.confidence,
        value_pred=answer.value, score=probs.get("spoof") if task == "spoof" else None,
        explanation_pred=answer.explanation,
        text_pred=text if task in ("caption", "open") else None,
        groups=dict(groups or {}), error=answer.error, split=split, **truth,
    )


def load_records(path: str | os.PathLike[str]) -> list[PredictionRecord]:
    """All unique records of a prediction file (tolerating a truncated tail)."""
    return list(read_predictions(path).records)
