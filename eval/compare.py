"""Side-by-side diff of two evaluation runs' metrics.json, with regressions flagged."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eval.fairness import SEP
from eval.metrics import higher_is_better
from eval.tables import fmt, md_table, order_models


@dataclass(frozen=True)
class MetricDelta:
    """One scalar metric in both runs."""

    model: str
    task: str
    metric: str
    a: float | int | None
    b: float | int | None
    direction: bool | None = None
    """True: higher is better; None: look the metric name up (eval.metrics)."""

    @property
    def delta(self) -> float | int | None:
        """b - a, when both exist."""
        return None if self.a is None or self.b is None else self.b - self.a

    def verdict(self, tolerance: float) -> str:
        """"regression", "improved", "" (within tolerance or no direction) or "missing"."""
        if self.a is None or self.b is None:
            return "missing" if (self.a is None) != (self.b is None) else ""
        direction = self.direction if self.direction is not None else higher_is_better(
            self.metric)
        if direction is None or abs(self.delta) <= tolerance:
            return ""
        return "improved" if (self.delta > 0) == direction else "regression"


def load_run(run: str | os.PathLike[str]) -> dict[str, Any]:
    """metrics.json of a run folder (or the file itself)."""
    p = Path(run)
    p = p / "metrics.json" if p.is_dir() else p
    if not p.exists():
        raise FileNotFoundError(f"{p} not found; pass a report folder written by write_report")
    return json.loads(p.read_text())


def _scalars(per_task: Mapping[str, Any]) -> dict[str, float | int]:
    return {k: v for k, v in per_task.items()
            if isinstance(v, (int, float)) and not isinstance(v, bool)}


def metric_deltas(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[MetricDelta]:
    """Every scalar metric of every (model, task) in either run."""
    ma, mb = a.get("metrics", {}), b.get("metrics", {})
    out = []
    for model in order_models(set(ma) | set(mb)):
        tasks = sorted(set(ma.get(model, {})) | set(mb.get(model, {})))
        for task in tasks:
            sa = _scalars(ma.get(model, {}).get(task, {}))
            sb = _scalars(mb.get(model, {}).get(task, {}))
            for k in sorted(set(sa) | set(sb)):
                out.append(MetricDelta(model, task, k, sa.get(k), sb.get(k)))
    return out


def worst_group_deltas(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[MetricDelta]:
    """Worst-group value per (model, task, metric, single group column) in both runs."""
    def worst(run: Mapping[str, Any]) -> dict[tuple[str, str, str], tuple[float, bool]]:
        out = {}
        for s in run.get("fairness", []):
            if SEP in s["group_by"] or s["worst_group"] is None:
                continue
            value = next(g["value"] for g in s["groups"] if g["group"] == s["worst_group"])
            key = (s["model"], s["task"], f"{s['metric']} (worst {s['group_by']})")
            out[key] = (value, s["higher_is_better"])
        return out

    wa, wb = worst(a), worst(b)
    return [MetricDelta(m, t, k, wa.get((m, t, k), (None,))[0], wb.get((m, t, k), (None,))[0],
                        (wa.get((m, t, k)) or wb[(m, t, k)])[1])
            for m, t, k in sorted(set(wa) | set(wb))]


def _rows(deltas: list[MetricDelta], tolerance: float) -> list[list[Any]]:
    marks = {"regression": "⚠ regression", "improved": "improved", "missing": "missing"}
    return [[d.model, d.task, d.metric, d.a, d.b, _signed(d.delta),
             marks.get(d.verdict(tolerance), "")] for d in deltas]


def _signed(delta: float | int | None) -> str:
    if delta is None:
        return "—"
    return f"{delta:+d}" if isinstance(delta, int) else f"{delta:+.4f}"


def compare_runs(dir1: str | os.PathLike[str], dir2: str | os.PathLike[str], *,
                 tolerance: float = 0.005) -> str:
    """Markdown diff of run 2 against run 1; changes larger than `tolerance` in the worse
    direction of a quality metric are flagged as regressions (counts are shown, not flagged).
    """
    a, b = load_run(dir1), load_run(dir2)
    deltas = metric_deltas(a, b)
    worst = worst_group_deltas(a, b)
    header = ["model", "task", "metric", "run 1", "run 2", "Δ", "flag"]
    regressions = [d for d in deltas + worst if d.verdict(tolerance) == "regression"]
    lines = [f"# Run comparison: {dir1} → {dir2}", "",
             md_table(["", "run 1", "run 2"], [
                 [k, json.dumps(a.get("meta", {}).get(k)), json.dumps(b.get("meta", {}).get(k))]
                 for k in sorted(set(a.get("meta", {})) | set(b.get("meta", {})))]), "",
             f"**{len(regressions)} regression(s)** beyond ±{fmt(tolerance, 4)}.", ""]
    lines += ["## Regressions", "", md_table(header, _rows(regressions, tolerance)), ""] \
        if regressions else []
    lines += ["## All metrics", "", md_table(header, _rows(deltas, tolerance)), ""]
    if worst:
        lines += ["## Worst group per column", "", md_table(header, _rows(worst, tolerance)), ""]
    return "\n".join(lines)
