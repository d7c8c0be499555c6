"""Report figures: confusion matrix, reliability diagram, per-group bars, VLM vs. baselines.

Each function draws on its own Figure with an Agg canvas, so nothing touches pyplot's global
state or the process-wide backend, and matplotlib is imported only when a plot is drawn.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.fairness import FairnessSummary

log = logging.getLogger(__name__)


def _figure(width: float, height: float) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _save(fig: Any, path: str | os.PathLike[str]) -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(p, dpi=100)
    log.debug("wrote %s", p)
    return p


def plot_confusion(confusion: Mapping[str, Any], path: str | os.PathLike[str],
                   title: str = "") -> Path:
    """Row-normalised confusion matrix (rows: truth) with counts in the cells."""
    import numpy as np

    labels, m = list(confusion["labels"]), np.asarray(confusion["matrix"], float)
    rows = m.sum(axis=1, keepdims=True)
    norm = np.divide(m, rows, out=np.zeros_like(m), where=rows > 0)
    size = 2.5 + 0.45 * len(labels)
    fig = _figure(size + 1, size)
    ax = fig.add_subplot()
    im = ax.imshow(norm, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right")
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    for i, j in np.ndindex(m.shape):
        ax.text(j, i, f"{int(m[i, j])}", ha="center", va="center",
                color="white" if norm[i, j] > 0.5 else "black", fontsize=8)
    fig.colorbar(im, ax=ax, label="share of true class")
    ax.set_title(title)
    return _save(fig, path)


def plot_reliability(bins: Sequence[Mapping[str, Any]], path: str | os.PathLike[str],
                     title: str = "") -> Path:
    """Reliability diagram: accuracy per confidence bin against the diagonal, with counts."""
    fig = _figure(4.5, 4.5)
    ax = fig.add_subplot()
    full = [b for b in bins if b["n"]]
    width = bins[0]["high"] - bins[0]["low"] if bins else 0.1
    ax.bar([b["low"] for b in full], [b["accuracy"] for b in full], width=width, align="edge",
           edgecolor="black", alpha=0.7, label="accuracy")
    ax.plot([0, 1], [0, 1], "k--", label="perfect calibration")
    ax.plot([b["confidence"] for b in full], [b["accuracy"] for b in full], "o", color="C3",
            label="mean confidence")
    for b in full:
        ax.annotate(str(b["n"]), (b["low"] + width / 2, b["accuracy"]), ha="center",
                    va="bottom", fontsize=7)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("confidence")
    ax.set_ylabel("accuracy")
    ax.legend(loc="upper left", fontsize=8)
    ax.set_title(title)
    return _save(fig, path)


def plot_group_scores(summary: FairnessSummary, path: str | os.PathLike[str]) -> Path:
    """Per-group bars with 95% CI error bars; small groups hatched; overall as a line."""
    groups = [g for g in summary.groups if g.value is not None]
    fig = _figure(max(4.0, 1.0 + 0.5 * len(groups)), 3.8)
    ax = fig.add_subplot()
    xs = range(len(groups))
    lo = [g.value - (g.ci_low if g.ci_low is not None else g.value) for g in groups]
    hi = [(g.ci_high if g.ci_high is not None else g.value) - g.value for g in groups]
    bars = ax.bar(xs, [g.value for g in groups], yerr=[lo, hi], capsize=3,
                  color=["C7" if g.small else "C0" for g in groups], edgecolor="black")
    for bar, g in zip(bars, groups):
        if g.small:
            bar.set_hatch("//")
    if summary.overall.value is not None:
        ax.axhline(summary.overall.value, color="C3", linestyle="--", label="overall")
        ax.legend(fontsize=8)
    ax.set_xticks(list(xs), [f"{g.group}\n(n={g.n})" for g in groups], rotation=45, ha="right",
                  fontsize=8)
    ax.set_ylabel(summary.metric)
    ax.set_title(f"{summary.model} {summary.task}: {summary.metric} by {summary.group_by}")
    return _save(fig, path)


def plot_model_comparison(metrics_by_model: Mapping[str, Mapping[str, Mapping[str, Any]]],
                          task: str, metric_names: Sequence[str],
                          path: str | os.PathLike[str]) -> Path | None:
    """Grouped bars: each metric of one task for every model that has it; None if no data."""
    import numpy as np

    models = sorted((m for m in metrics_by_model if task in metrics_by_model[m]),
                    key=lambda m: (m != "vlm", m))
    names = [k for k in metric_names
             if any(isinstance(metrics_by_model[m][task].get(k), (int, float)) for m in models)]
    if not models or not names:
        return None
    fig = _figure(min(10.0, 3.0 + 0.35 * len(names) * len(models)), 3.8)
    ax = fig.add_subplot()
    width = 0.8 / len(models)
    for i, model in enumerate(models):
        vals = [metrics_by_model[model][task].get(k) for k in names]
        vals = [v if isinstance(v, (int, float)) else np.nan for v in vals]
        ax.bar(np.arange(len(names)) + i * width, vals, width, label=model)
    ax.set_xticks(np.arange(len(names)) + 0.4 - width / 2, names, rotation=30, ha="right")
    ax.legend(fontsize=8)
    ax.set_title(f"{task}: models on the same split")
    return _save(fig, path)
