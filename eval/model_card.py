"""model_card.md in the Hugging Face model-card layout, filled from evaluation results.

`meta` keys used (all optional): model_name, base_model, license, version, developers,
adapters ({task: path or hub id}), training_data (str or list), evaluation_data
({task: data set name} or str), split, git_commit, date.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.fairness import SEP, FairnessSummary
from eval.metrics import HEADLINE_METRICS
from eval.scalars import TASK_SCALARS
from eval.tables import MetricsByModel, fairness_table, fmt, order_models, order_tasks

OUT_OF_SCOPE = (
    "Identifying people: naming someone, answering \"who is this\", face recognition or "
    "verification, or finding other photos of a person. FaceVQA refuses these questions.",
    "Inferring sensitive traits from a face: race, ethnicity or nationality, religion, sexual "
    "orientation, political views, health (physical or mental, pregnancy included), or "
    "character (trustworthiness, criminality, intelligence). FaceVQA refuses these questions; "
    "race labels of evaluation data sets are used only to group results.",
    "Decisions with legal or similarly significant effects on people (hiring, credit, "
    "policing, immigration, insurance, access to services), including age or gender "
    "checks that gate access without human review.",
    "Surveillance, tracking or profiling of people, and use on people who have not agreed "
    "to it.",
    "Use as a sole liveness / anti-spoofing defence in security systems: the spoof head is a "
    "research component evaluated on a limited set of attack types.",
)

LIMITATIONS = (
    "\"Gender\" is perceived gender presentation as the benchmark labels define it (often "
    "binary); it says nothing about a person's gender identity.",
    "Age, emotion and attribute answers are estimates from appearance; apparent emotion is "
    "not felt emotion, and apparent age differs from real age.",
    "Accuracy differs between groups (see Disaggregated results); small groups have wide "
    "confidence intervals and some groups may be missing from the evaluation data.",
    "Faces the detector misses get status no_face; detection failures can themselves differ "
    "between groups (see the coverage rows).",
    "Spoof detection is evaluated on the attack types in the evaluation data only; new "
    "attack instruments, cameras or lighting can break it.",
)


def _yaml(obj: Any, indent: int = 0) -> list[str]:
    """A small YAML emitter for dicts/lists of scalars (scalars written as JSON, valid YAML)."""
    pad = "  " * indent
    if isinstance(obj, Mapping):
        lines = []
        for k, v in obj.items():
            if isinstance(v, (Mapping, list)) and v:
                lines += [f"{pad}{k}:"] + _yaml(v, indent + 1)
            else:
                lines.append(f"{pad}{k}: {json.dumps(v if v or v == 0 else None)}")
        return lines
    lines = []
    for item in obj:
        sub = _yaml(item, indent + 1) if isinstance(item, (Mapping, list)) else [
            f"{pad}  {json.dumps(item)}"]
        lines.append(f"{pad}- {sub[0].strip()}")
        lines += sub[1:]
    return lines


def _dataset(meta: Mapping[str, Any], task: str) -> str:
    data = meta.get("evaluation_data")
    if isinstance(data, Mapping):
        return str(data.get(task, "held-out"))
    return str(data) if data else "held-out"


def front_matter(metrics_by_model: MetricsByModel, meta: Mapping[str, Any]) -> str:
    """YAML header: license, base model, tags and a model-index with the VLM's results."""
    model = order_models(metrics_by_model)[0] if metrics_by_model else "vlm"
    results = []
    for task in order_tasks(metrics_by_model):
        m = metrics_by_model.get(model, {}).get(task, {})
        found = [{"type": k, "name": k, "value": round(float(m[k]), 4)}
                 for k in HEADLINE_METRICS.get(task, ())[:3]
                 if isinstance(m.get(k), (int, float))]
        if found:
            results.append({
                "task": {"type": "visual-question-answering", "name": task},
                "dataset": {"name": _dataset(meta, task), "type": _dataset(meta, task),
                            "split": str(meta.get("split", "test"))},
                "metrics": found})
    header = {
        "license": meta.get("license", "other"), "library_name": "peft",
        "base_model": meta.get("base_model", "unknown"),
        "pipeline_tag": "visual-question-answering",
        "tags": ["face", "vqa", "lora", "fairness-evaluation"],
        "model-index": [{"name": meta.get("model_name", "facevqa"), "results": results}],
    }
    return "\n".join(["---", *_yaml(header), "---"])


def _bullets(items: Sequence[str]) -> list[str]:
    return [f"- {item}" for item in items]


def _details(meta: Mapping[str, Any]) -> list[str]:
    adapters = meta.get("adapters") or {}
    rows = [f"- **Base model:** {meta.get('base_model', 'unknown')}",
            f"- **Version / commit:** {meta.get('version', '—')} / "
            f"{meta.get('git_commit', '—')}",
            f"- **Developed by:** {meta.get('developers', 'the FaceVQA contributors')}",
            f"- **License:** {meta.get('license', 'other')}",
            "- **Model type:** vision-language model with one LoRA adapter per task; "
            "closed-set answers scored by label log-likelihood, explanations generated."]
    rows += [f"  - adapter `{t}`: {src}" for t, src in adapters.items()]
    return rows


def _metrics_section(metrics_by_model: MetricsByModel) -> list[str]:
    lines = ["Headline metrics per task, every model on the same split (full tables in "
             "report.md). no_face / error / refused items are excluded from the metrics and "
             "counted; coverage is the share scored.", ""]
    models = order_models(metrics_by_model)
    for task in order_tasks(metrics_by_model):
        names = [*HEADLINE_METRICS.get(task, ())[:4], "coverage"]
        present = [m for m in models if task in metrics_by_model[m]]
        lines += [f"**{task}**", "", "| metric | " + " | ".join(present) + " |",
                  "|---|" + "---|" * len(present)]
        lines += ["| " + k + " | " + " | ".join(fmt(metrics_by_model[m][task].get(k))
                                                 for m in present) + " |" for k in names]
        lines.append("")
    return lines


def _disaggregated(fairness: Sequence[FairnessSummary]) -> list[str]:
    if not fairness:
        return ["No group labels were available in the evaluation data.", ""]
    model = order_models(s.model for s in fairness)[0]
    lines = [f"Model `{model}`, primary metric per task by single group column, with 95% "
             "bootstrap CIs († = group below the minimum size). Intersections are in "
             "report.md.", ""]
    for s in fairness:
        primary = [m for m in TASK_SCALARS.get(s.task, ()) if m != "coverage"][:1]
        if s.model == model and SEP not in s.group_by and s.metric in primary:
            lines += [f"**{s.task} · {s.metric} by {s.group_by}**", "", fairness_table([s]), ""]
    return lines


def _flags(fairness: Sequence[FairnessSummary], max_ratio: float = 1.25) -> list[str]:
    out = []
    for s in fairness:
        if s.max_min_ratio is not None and s.max_min_ratio > max_ratio and s.metric != "ece":
            out.append(f"{s.model} {s.task} {s.metric} by {s.group_by}: max/min "
                       f"{fmt(s.max_min_ratio)} (worst group {s.worst_group}).")
    return out[:20]


def render_model_card(metrics_by_model: MetricsByModel, fairness: Sequence[FairnessSummary],
                      meta: Mapping[str, Any]) -> str:
    """The Markdown text of model_card.md."""
    training = meta.get("training_data") or "See the adapters' training recipes in finetune/."
    training = training if isinstance(training, str) else "\n".join(_bullets(list(training)))
    lines = [
        front_matter(metrics_by_model, meta), "",
        f"# Model card: {meta.get('model_name', 'FaceVQA')}", "",
        "Answers natural-language questions about face photos (age, emotion, attributes, "
        "perceived gender, presentation-attack / spoof detection, captions).", "",
        "## Model details", "", *_details(meta), "",
        "## Intended use", "",
        *_bullets(("Research and education on face analysis with vision-language models.",
                   "Describing visible, non-sensitive facial attributes and expressions, with "
                   "calibrated confidences and abstentions.",
                   "Studying presentation-attack detection with explanations.")), "",
        "## Out-of-scope uses", "", *_bullets(OUT_OF_SCOPE), "",
        "## Training data", "", training, "",
        "## Evaluation data", "", f"Split: {meta.get('split', 'test')}.", "",
        *_bullets([f"{t}: {_dataset(meta, t)}" for t in order_tasks(metrics_by_model)]), "",
        "## Metrics", "", *_metrics_section(metrics_by_model),
        "## Disaggregated results", "", *_disaggregated(fairness),
        "## Limitations, bias and risks", "", *_bullets(LIMITATIONS), "",
    ]
    flags = _flags(fairness)
    if flags:
        lines += ["Largest measured disparities (max/min above 1.25):", "", *_bullets(flags), ""]
    return "\n".join(lines)


def write_model_card(out_dir: str | os.PathLike[str], metrics_by_model: MetricsByModel,
                     fairness: Sequence[FairnessSummary], meta: Mapping[str, Any]) -> Path:
    """Write DIR/model_card.md and return its path."""
    path = Path(out_dir) / "model_card.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_model_card(metrics_by_model, fairness, meta))
    return path
