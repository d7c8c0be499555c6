"""Tables and formatting shared by the evaluation report, the model card and `eval compare`."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.fairness import SEP, FairnessSummary
from eval.metrics import HEADLINE_METRICS, LOWER_IS_BETTER

MetricsByModel = Mapping[str, Mapping[str, Mapping[str, Any]]]
"""metrics[model][task] -> the dict of eval.metrics.compute_metrics."""
COUNT_KEYS = ("n_total", "coverage", "n_no_face", "n_error", "n_refused", "n_abstain",
              "abstain_rate")
CLASSIFICATION_TASKS = ("emotion", "gender", "spoof", "attribute")


def order_models(models: Iterable[str]) -> list[str]:
    """The VLM first, then the baselines alphabetically."""
    return sorted(set(models), key=lambda m: (m != "vlm", m))


def order_tasks(metrics_by_model: MetricsByModel) -> list[str]:
    """Tasks in the order of the task table, unknown ones after."""
    tasks = {t for per in metrics_by_model.values() for t in per}
    known = [t for t in HEADLINE_METRICS if t in tasks]
    return known + sorted(tasks - set(known))


def to_jsonable(obj: Any) -> Any:
    """Plain JSON types: dataclasses to dicts, numpy scalars to Python, nan/inf to None."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return to_jsonable(dataclasses.asdict(obj))
    if isinstance(obj, Mapping):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    if hasattr(obj, "item") and callable(obj.item):
        obj = obj.item()
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def fmt(value: Any, digits: int = 3) -> str:
    """A table cell: floats rounded, missing values as an em dash."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—"
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return str(value) if isinstance(value, int) else f"{value:.{digits}f}"


def md_table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A Markdown table; cells are formatted with fmt() and pipes escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(fmt(c).replace("|", "\\|") for c in row) + " |"
              for row in rows]
    return "\n".join(lines)


def metric_label(name: str) -> str:
    """Metric name with its direction arrow."""
    return f"{name} {'↓' if name in LOWER_IS_BETTER else '↑'}"


def comparison_table(metrics_by_model: MetricsByModel, task: str) -> str:
    """Headline metrics of one task: a row per metric, a column per model."""
    models = [m for m in order_models(metrics_by_model) if task in metrics_by_model[m]]
    names = [k for k in HEADLINE_METRICS.get(task, ())
             if any(metrics_by_model[m][task].get(k) is not None for m in models)]
    rows = [[metric_label(k)] + [metrics_by_model[m][task].get(k) for m in models] for k in names]
    rows.append(["n scored"] + [metrics_by_model[m][task].get("n_scored") for m in models])
    return md_table(["metric", *models], rows)


def split_note(metrics_by_model: MetricsByModel, task: str) -> str:
    """A warning when models of one task were scored on different splits or sizes."""
    seen = {(tuple(per[task].get("splits") or ()), per[task].get("n_total"))
            for per in metrics_by_model.values() if task in per}
    if len(seen) <= 1:
        return ""
    return ("\n> **Note:** the models were not evaluated on the same split/number of "
            "examples for this task; compare with care.\n")


def counts_table(metrics_by_model: MetricsByModel) -> str:
    """Per model and task: totals, coverage, no-face / error / refused / abstain counts."""
    rows = [[model, task] + [metrics_by_model[model][task].get(k) for k in COUNT_KEYS]
            for task in order_tasks(metrics_by_model)
            for model in order_models(metrics_by_model) if task in metrics_by_model[model]]
    return md_table(["model", "task", *COUNT_KEYS], rows)


def ci_cell(value: float | None, lo: float | None, hi: float | None, small: bool) -> str:
    """"0.812 [0.790, 0.830]", with † for a small group."""
    cell = fmt(value) if lo is None else f"{fmt(value)} [{fmt(lo)}, {fmt(hi)}]"
    return cell + (" †" if small else "")


def fairness_table(summaries: Sequence[FairnessSummary]) -> str:
    """One group_by of one model and task: a row per group, a column per metric (with CI)."""
    metrics = [s.metric for s in summaries]
    groups = list(dict.fromkeys(g.group for s in summaries for g in s.groups))
    by = {(s.metric, g.group): g for s in summaries for g in s.groups}
    rows = []
    for group in ["all", *groups]:
        cells = [by.get((m, group)) if group != "all" else s.overall
                 for m, s in zip(metrics, summaries)]
        n = max((c.n for c in cells if c is not None), default=0)
        rows.append([group.replace(SEP, " × "), n] + [ci_cell(c.value, c.ci_low, c.ci_high, c.small)
                                  if c is not None else "—" for c in cells])
    worst = "; ".join(f"{s.metric}: worst {s.worst_group.replace(SEP, ' × ')}, "
                      f"max/min {fmt(s.max_min_ratio)}"
                      for s in summaries if s.worst_group is not None and s.metric != "coverage")
    return md_table(["group", "n", *metrics], rows) + (f"\n\n{worst}" if worst else "")
