"""Evaluation report folder: metrics.json, report.md with tables and plots, and the model card.

Every task's VLM number sits beside each baseline's; a note flags tasks where the models were
not scored on the same split and number of examples.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.fairness import SEP, FairnessSummary
from eval.metrics import HEADLINE_METRICS
from eval.model_card import write_model_card
from eval.scalars import TASK_SCALARS
from eval.tables import (
    CLASSIFICATION_TASKS,
    MetricsByModel,
    comparison_table,
    counts_table,
    fairness_table,
    fmt,
    md_table,
    order_models,
    order_tasks,
    split_note,
    to_jsonable,
)

log = logging.getLogger(__name__)

def _slug(*parts: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", "-".join(parts)).strip("_")


def _model_plots(out: Path, model: str, task: str, m: Mapping[str, Any]) -> list[Path]:
    from eval.plots import plot_confusion, plot_reliability

    paths = []
    for key in ("confusion", "confusion_9"):
        if task in CLASSIFICATION_TASKS + ("age",) and m.get(key):
            paths.append(plot_confusion(m[key], out / f"{_slug('confusion', model, task)}.png",
                                        f"{model} {task}"))
            break
    if m.get("reliability"):
        paths.append(plot_reliability(m["reliability"],
                                      out / f"{_slug('reliability', model, task)}.png",
                                      f"{model} {task} (ECE {fmt(m.get('ece'))})"))
    return paths


def _fairness_plots(out: Path, summaries: Sequence[FairnessSummary]) -> list[Path]:
    from eval.plots import plot_group_scores

    paths = []
    for s in summaries:
        primary = [m for m in TASK_SCALARS.get(s.task, ()) if m != "coverage"][:1]
        if SEP not in s.group_by and s.metric in primary:
            paths.append(plot_group_scores(
                s, out / f"{_slug('groups', s.model, s.task, s.metric, s.group_by)}.png"))
    return paths


def _rel(path: Path, base: Path) -> str:
    return Path(os.path.relpath(path, base)).as_posix()


def _task_plots(out: Path, metrics_by_model: MetricsByModel, task: str) -> list[Path]:
    from eval.plots import plot_model_comparison

    names = [k for k in HEADLINE_METRICS.get(task, ()) if k != "mae"]
    chart = plot_model_comparison(metrics_by_model, task, names,
                                  out / f"{_slug('compare', task)}.png")
    images = [chart] if chart else []
    for model in order_models(metrics_by_model):
        if task in metrics_by_model[model]:
            images += _model_plots(out, model, task, metrics_by_model[model][task])
    return images


def _task_section(out: Path, metrics_by_model: MetricsByModel, task: str,
                  draw: bool) -> tuple[list[str], list[Path]]:
    lines = [f"### {task}", "", comparison_table(metrics_by_model, task),
             split_note(metrics_by_model, task)]
    images = _task_plots(out / "plots", metrics_by_model, task) if draw else []
    lines += [f"![{p.stem}]({_rel(p, out)})" for p in images]
    for model in order_models(metrics_by_model):
        m = metrics_by_model[model].get(task, {})
        if task == "spoof" and "threshold" in m:
            lines.append(f"\n{model}: decision threshold {fmt(m['threshold'])} "
                         f"(source: {m.get('threshold_source')}).")
    return lines + [""], images


def _fairness_section(out: Path, fairness: Sequence[FairnessSummary],
                      draw: bool) -> tuple[list[str], list[Path]]:
    lines = ["## Fairness", "",
             "Per-group values with 95% bootstrap CIs; † marks groups below the minimum size "
             "(shown, excluded from worst group and max/min). Race appears only as the data "
             "set's grouping label.", ""]
    task_rank = {t: i for i, t in enumerate(HEADLINE_METRICS)}
    keys = list(dict.fromkeys((s.model, s.task, s.group_by) for s in fairness))
    keys.sort(key=lambda k: (k[0] != "vlm", k[0], task_rank.get(k[1], len(task_rank)), k[1]))
    images: list[Path] = []
    for model, task, group_by in keys:
        block = [s for s in fairness if (s.model, s.task, s.group_by) == (model, task, group_by)]
        plots = _fairness_plots(out / "plots", block) if draw else []
        images += plots
        lines += [f"### {model} · {task} · by {group_by.replace(SEP, ' × ')}", "",
                  fairness_table(block), ""]
        lines += [f"![{p.stem}]({_rel(p, out)})" for p in plots] + [""]
    return lines, images


def render_report(out: Path, metrics_by_model: MetricsByModel,
                  fairness: Sequence[FairnessSummary],
                  meta: Mapping[str, Any], plots: bool = True) -> tuple[str, list[Path]]:
    """The Markdown of report.md and the plots it embeds (drawn under out/plots)."""
    meta_rows = [[k, v if isinstance(v, (str, int, float)) else json.dumps(to_jsonable(v))]
                 for k, v in meta.items()]
    lines = ["# FaceVQA evaluation report", "", md_table(["key", "value"], meta_rows), "",
             "Records with status no_face, error or refused are counted below and excluded "
             "from every quality metric; abstentions are scored with their best guess "
             "(answered_accuracy shows the answered items only).", "",
             "## Coverage and failures", "", counts_table(metrics_by_model), "",
             "## VLM vs. baselines", ""]
    images: list[Path] = []
    for task in order_tasks(metrics_by_model):
        more, drawn = _task_section(out, metrics_by_model, task, plots)
        lines, images = lines + more, images + drawn
    if fairness:
        more, drawn = _fairness_section(out, fairness, plots)
        lines, images = lines + more, images + drawn
    lines += ["## Model card", "", "See [model_card.md](model_card.md).", ""]
    return "\n".join(lines), images


def write_report(out_dir: str | os.PathLike[str], metrics_by_model: MetricsByModel,
                 fairness: Sequence[FairnessSummary], meta: Mapping[str, Any], *,
                 model_card: bool = True, plots: bool = True) -> dict[str, Path]:
    """Write metrics.json, report.md (+ plots/) and model_card.md; return their paths by name.

    plots=False skips the figures (matplotlib not needed) and writes the tables only.
    """

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    payload = {"meta": meta, "metrics": metrics_by_model,
               "fairness": [s.to_dict() for s in fairness]}
    paths = {"metrics.json": out / "metrics.json", "report.md": out / "report.md"}
    paths["metrics.json"].write_text(json.dumps(to_jsonable(payload), indent=2,
                                                ensure_ascii=False) + "\n")
    markdown, images = render_report(out, metrics_by_model, fairness, meta, plots)
    paths["report.md"].write_text(markdown)
    if model_card:
        paths["model_card.md"] = write_model_card(out, metrics_by_model, fairness, meta)
    paths.update({_rel(p, out): p for p in images})
    log.info("wrote report to %s", out)
    return paths
