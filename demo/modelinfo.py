"""The Model tab's text: which base and adapters are loaded, their tasks, label sets and
calibration, the model card if one ships with the model, and the embedded-default banner."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from demo.render import escape
from facevqa.default import is_embedded_default

log = logging.getLogger(__name__)

BUNDLE_FILE = "facevqa_model.json"
"""The file that marks a saved FaceVQA bundle folder (facevqa.model.BUNDLE_FILE)."""
CARD_NAMES = ("MODEL_CARD.md", "model_card.md", "README.md")
MAX_CARD_CHARS = 20_000
EMBEDDED_BANNER = (
    "**You are using the embedded default model, for research use only.** It is a tiny model "
    "(64-pixel face crops) trained on public research face sets (UTKFace, FER2013, CelebA) "
    "whose terms allow non-commercial research only; its answers are rough estimates "
    "(docs/real_photos.md). Load a real base and adapters with "
    "`facevqa demo --model ... --adapters TASK=PATH`."
)


def model_info(model: Any) -> dict:
    """`model.info()`, or a stand-in naming the class when the model has no info()."""
    info = getattr(model, "info", None)
    if info is None:
        return {"base": type(model).__name__}
    try:
        return dict(info())
    except (RuntimeError, ValueError, OSError, AttributeError) as e:
        log.warning("model info failed: %s", e)
        return {"base": type(model).__name__, "error": str(e)}


def _candidate_dirs(model: Any, info: dict) -> list[Path]:
    """Folders that may hold the model card or be the embedded default: the bundle (holding
    its adapters), then the base and its parent. Adapter folders are skipped: peft writes a
    template README there."""
    adapters = (getattr(model, "adapter_dirs", None) or {}).values()
    dirs = [Path(f).parent.parent for f in adapters
            if (Path(f).parent.parent / BUNDLE_FILE).exists()]
    base = info.get("base")
    if isinstance(base, (str, Path)) and Path(base).exists():
        dirs += [Path(base), Path(base).parent]
    return list(dict.fromkeys(d.resolve() for d in dirs))


def uses_embedded_default(model: Any, info: dict | None = None) -> bool:
    """Whether the loaded model is the embedded default (or its stand-in)."""
    info = model_info(model) if info is None else info
    return any(is_embedded_default(d) for d in _candidate_dirs(model, info))


def find_model_card(model: Any, info: dict | None = None) -> str | None:
    """The text of the first model card found beside the model, truncated; None if none."""
    info = model_info(model) if info is None else info
    for folder in _candidate_dirs(model, info):
        for name in CARD_NAMES:
            path = folder / name
            if path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")[:MAX_CARD_CHARS]
                return _demote_headings(text)
    return None


def _demote_headings(markdown: str) -> str:
    """Headings of a model card two levels down, so they sit under the tab's own sections."""
    return re.sub(r"^(#{1,4})(?=\s)", r"##\1", markdown, flags=re.MULTILINE)


def adapter_markdown(name: str, meta: dict) -> str:
    """One adapter: its tasks, label sets and calibration."""
    tasks = ", ".join(meta.get("tasks", [])) or "-"
    lines = [f"#### Adapter `{escape(name)}`", f"- tasks: {escape(tasks)}"]
    if meta.get("base"):
        lines.append(f"- trained on base: `{escape(str(meta['base']))}`")
    for task, labels in sorted((meta.get("labels") or {}).items()):
        shown = ", ".join(labels[:30]) + (" ..." if len(labels) > 30 else "")
        lines.append(f"- {escape(task)} labels ({len(labels)}): {escape(shown)}")
    for task, cal in sorted((meta.get("calibration") or {}).items()):
        lines.append(f"- {escape(task)} calibration: temperature "
                     f"{cal.get('temperature', 1.0):.3g}, abstain under "
                     f"{cal.get('threshold', 0.0):.2f}")
    return "\n".join(lines)


def model_markdown(model: Any, heads: Any = None, heads_error: str | None = None) -> str:
    """The Model tab: banner, base, adapters, classical heads, model card."""
    info = model_info(model)
    parts = []
    if uses_embedded_default(model, info):
        parts.append(f"> {EMBEDDED_BANNER}")
    parts.append("### Base model")
    parts.append(f"- base: `{escape(str(info.get('base', '?')))}`\n"
                 f"- family: {escape(str(info.get('family', '?')))}")
    adapters = info.get("adapters") or {}
    parts.append("### Adapters" if adapters else
                 "### Adapters\nNone loaded: every task runs on the base model with default "
                 "calibration.")
    parts += [adapter_markdown(n, m) for n, m in adapters.items()]
    parts.append(heads_markdown(heads, heads_error))
    card = find_model_card(model, info)
    parts.append("### Model card\n" + (card if card else "No model card ships with this model."))
    return "\n\n".join(parts)


def covered_tasks(heads: Any) -> tuple[str, ...] | None:
    """Tasks the classical heads answer (from `heads.tasks` or `heads.info()`); None: unknown."""
    if heads is None:
        return ()
    tasks = getattr(heads, "tasks", None)
    if tasks is None:
        tasks = model_info(heads).get("tasks")
    return tuple(tasks) if tasks is not None else None


def heads_markdown(heads: Any, error: str | None = None) -> str:
    """The classical heads section: which head answers each task, or why they are not loaded."""
    if heads is None:
        why = f": {escape(error)}" if error else ""
        return f"### Classical heads\nNot loaded{why}. The side-by-side comparison is off."
    info = model_info(heads)
    lines = [f"### Classical heads\nLoaded ({escape(type(heads).__name__)}); they answer "
             "beside the VLM where they cover the task."]
    tasks = info.get("tasks")
    if isinstance(tasks, dict):
        lines += [f"- {escape(t)}: `{escape(str(d.get('head', '?')))}` "
                  f"{escape(str(d.get('summary', '')))}" for t, d in tasks.items()]
    elif tasks:
        lines.append(f"- tasks: {escape(', '.join(tasks))}")
    if info.get("not_exposed"):
        lines.append(f"\n*{escape(str(info['not_exposed']))}*")
    return "\n".join(lines)
