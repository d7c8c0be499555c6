"""Disaggregated metrics: every scalar metric per group column and pairwise intersection,
with seeded, vectorised percentile-bootstrap confidence intervals.

Group columns come from each record's `groups` (age_group, gender, skin_tone, race, ...);
race labels of a data set are only ever a grouping column here. A record without a value for
a present column falls in group "unknown". Groups smaller than `min_size` are reported with
small=True, never hidden; worst/best group and the max/min ratio use only the other groups.
"""

from __future__ import annotations

import itertools
import logging
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from eval.metrics import MetricOptions
from eval.predictions import PredictionRecord
from eval.scalars import SCALARS, TASK_SCALARS, Arrays, ScalarSpec

log = logging.getLogger(__name__)

COLUMN_ORDER = ("age_group", "gender", "skin_tone", "race")
"""Preferred order of group columns; other columns follow alphabetically."""
SEP = "|"
"""Joins column names and values of an intersection: "age_group|gender", "60+|female"."""
UNKNOWN = "unknown"


@dataclass(frozen=True)
class FairnessConfig:
    """How fairness is computed."""

    n_boot: int = 1000
    """Bootstrap resamples per group."""
    seed: int = 0
    """Seed; each group's resamples depend only on (seed, model, task, group), not order."""
    min_size: int = 30
    """Groups with fewer contributing items are flagged small."""
    confidence: float = 0.95
    """Central interval mass of the percentile bootstrap."""
    intersections: bool = True
    """Also disaggregate by every pair of group columns."""
    columns: tuple[str, ...] | None = None
    """Group columns to use; None: every column present in the records."""
    chunk: int = 250
    """Resamples evaluated per matrix product (bounds memory)."""

    def __post_init__(self) -> None:
        if self.n_boot < 1 or self.chunk < 1 or self.min_size < 0:
            raise ValueError("n_boot and chunk must be >= 1 and min_size >= 0")
        if not 0 < self.confidence < 1:
            raise ValueError("confidence must lie strictly between 0 and 1")


@dataclass(frozen=True)
class GroupScore:
    """One metric in one group, with its bootstrap confidence interval."""

    group_by: str
    group: str
    n: int
    """Items contributing to this metric in this group (e.g. attacks for APCER)."""
    value: float | None
    ci_low: float | None
    ci_high: float | None
    small: bool


@dataclass(frozen=True)
class FairnessSummary:
    """One metric of one model and task, disaggregated by one column or intersection."""

    model: str
    task: str
    metric: str
    group_by: str
    higher_is_better: bool
    overall: GroupScore
    groups: tuple[GroupScore, ...]
    worst_group: str | None
    """Worst among groups that are not small (None when none qualifies)."""
    best_group: str | None
    max_min_ratio: float | None
    """Largest over smallest value among non-small groups (best/worst for scores,
    worst/best for error rates); None when undefined (a zero value)."""
    gap: float | None
    """Largest minus smallest value among non-small groups."""
    min_size: int

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> FairnessSummary:
        """Rebuild from to_dict output."""
        d = dict(d)
        d["overall"] = GroupScore(**d["overall"])
        d["groups"] = tuple(GroupScore(**g) for g in d["groups"])
        return cls(**d)


def resample_weights(n: int, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """(n_boot, n) matrix: how often each item appears in each bootstrap resample."""
    idx = rng.integers(0, n, size=(n_boot, n)) + (np.arange(n_boot) * n)[:, None]
    return np.bincount(idx.ravel(), minlength=n_boot * n).reshape(n_boot, n).astype(float)


def _rng(cfg: FairnessConfig, *parts: str) -> np.random.Generator:
    return np.random.default_rng([cfg.seed, zlib.crc32("\x1f".join(parts).encode())])


def bootstrap(arrays: Mapping[str, Arrays], specs: Sequence[ScalarSpec], n: int,
              cfg: FairnessConfig, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Bootstrap distribution (n_boot,) of every spec; all specs share the same resamples."""
    out: dict[str, list[np.ndarray]] = {s.name: [] for s in specs}
    for start in range(0, cfg.n_boot, cfg.chunk):
        W = resample_weights(n, min(cfg.chunk, cfg.n_boot - start), rng)
        for s in specs:
            out[s.name].append(s.stat(W, arrays[s.name]))
    return {k: np.concatenate(v) for k, v in out.items()}


def _none(x: float) -> float | None:
    return None if x is None or np.isnan(x) else float(x)


def score_group(arrays: Mapping[str, Arrays], specs: Sequence[ScalarSpec], group_by: str,
                group: str, cfg: FairnessConfig, rng: np.random.Generator) -> list[GroupScore]:
    """Point estimate, CI and size of every spec for the items in `arrays` (one group)."""
    n = len(next(iter(arrays.values()))["valid"])
    boot = bootstrap(arrays, specs, n, cfg, rng) if n else {}
    tail = 100 * (1 - cfg.confidence) / 2
    scores = []
    for s in specs:
        value = s.stat(np.ones((1, n)), arrays[s.name])[0] if n else np.nan
        dist = boot.get(s.name, np.array([np.nan]))
        lo, hi = ((np.nanpercentile(dist, [tail, 100 - tail]))
                  if np.isfinite(dist).any() else (np.nan, np.nan))
        size = int(arrays[s.name]["valid"].sum())
        scores.append(GroupScore(group_by, group, size, _none(value), _none(lo), _none(hi),
                                 size < cfg.min_size))
    return scores


def group_columns(records: Sequence[PredictionRecord], cfg: FairnessConfig) -> list[str]:
    """Columns to disaggregate by, then their pairwise intersections joined by SEP."""
    present = {k for r in records for k, v in r.groups.items() if v is not None}
    if cfg.columns is not None:
        missing = sorted(set(cfg.columns) - present)
        if missing:
            log.warning("group columns absent from the records: %s", ", ".join(missing))
        present &= set(cfg.columns)
    cols = [c for c in COLUMN_ORDER if c in present] + sorted(present - set(COLUMN_ORDER))
    pairs = [SEP.join(p) for p in itertools.combinations(cols, 2)] if cfg.intersections else []
    return cols + pairs


def group_of(r: PredictionRecord, group_by: str) -> str:
    """The record's group under a column or an intersection ("unknown" where missing)."""
    return SEP.join(str(r.groups.get(c) or UNKNOWN) for c in group_by.split(SEP))


def _extremes(scores: Sequence[GroupScore], higher_is_better: bool) -> dict[str, Any]:
    ok = [s for s in scores if not s.small and s.value is not None]
    if not ok:
        return {"worst_group": None, "best_group": None, "max_min_ratio": None, "gap": None}
    lo, hi = min(ok, key=lambda s: s.value), max(ok, key=lambda s: s.value)
    worst, best = (lo, hi) if higher_is_better else (hi, lo)
    return {"worst_group": worst.group, "best_group": best.group,
            "max_min_ratio": hi.value / lo.value if lo.value > 0 else None,
            "gap": hi.value - lo.value}


def _subset(arrays: Mapping[str, Arrays], idx: np.ndarray) -> dict[str, Arrays]:
    return {name: {k: v[idx] for k, v in a.items()} for name, a in arrays.items()}


def _prepare(records: Sequence[PredictionRecord], specs: Sequence[ScalarSpec],
             opts: MetricOptions) -> dict[str, Arrays]:
    cache: dict[int, Arrays] = {}
    for s in specs:
        if id(s.prepare) not in cache:
            cache[id(s.prepare)] = s.prepare(records, opts)
    return {s.name: cache[id(s.prepare)] for s in specs}


def disaggregate(records: Sequence[PredictionRecord], task: str,
                 config: FairnessConfig | None = None,
                 options: MetricOptions | None = None) -> list[FairnessSummary]:
    """FairnessSummary per (metric, group column or intersection) for one model's task."""
    cfg, opts = config or FairnessConfig(), options or MetricOptions()
    if task not in TASK_SCALARS:
        raise ValueError(f"unknown task {task!r}; valid: {', '.join(TASK_SCALARS)}")
    rs = [r for r in records if r.task == task]
    models = sorted({r.model for r in rs})
    if len(models) != 1:
        raise ValueError(f"disaggregate needs records of exactly one model, got {models}")
    specs = [SCALARS[m] for m in TASK_SCALARS[task]]
    arrays = _prepare(rs, specs, opts)
    overall = dict(zip(TASK_SCALARS[task], score_group(
        arrays, specs, "all", "all", cfg, _rng(cfg, models[0], task))))
    specs = [s for s in specs if overall[s.name].n > 0]  # metric has no data in this task
    arrays = {s.name: arrays[s.name] for s in specs}
    out = []
    for group_by in group_columns(rs, cfg):
        labels = np.array([group_of(r, group_by) for r in rs])
        per_metric: dict[str, list[GroupScore]] = {s.name: [] for s in specs}
        for g in sorted(set(labels)):
            sub = _subset(arrays, np.flatnonzero(labels == g))
            rng = _rng(cfg, models[0], task, group_by, g)
            for s, sc in zip(specs, score_group(sub, specs, group_by, g, cfg, rng)):
                per_metric[s.name].append(sc)
        for s in specs:
            out.append(FairnessSummary(
                model=models[0], task=task, metric=s.name, group_by=group_by,
                higher_is_better=s.higher_is_better, overall=overall[s.name],
                groups=tuple(per_metric[s.name]), min_size=cfg.min_size,
                **_extremes(per_metric[s.name], s.higher_is_better)))
    return out


def fairness_report(records: Sequence[PredictionRecord], config: FairnessConfig | None = None,
                    options: Mapping[str, MetricOptions] | None = None
                    ) -> list[FairnessSummary]:
    """disaggregate() for every (model, task) in the records; options keyed by model."""
    out: list[FairnessSummary] = []
    for model, task in sorted({(r.model, r.task) for r in records}):
        rs = [r for r in records if r.model == model and r.task == task]
        out += disaggregate(rs, task, config, (options or {}).get(model))
    return out
