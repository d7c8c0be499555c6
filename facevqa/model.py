"""FaceVQA: one frozen VLM base, task adapters, batched answers as typed results."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import torch

from facevqa.adapters import AdapterMeta, Calibration, attach_adapters, task_table
from facevqa.answer import Answer
from facevqa.backbone import Backbone
from facevqa.errors import ModelLoadError
from facevqa.faces import FaceDetector, get_detector
from facevqa.items import Item, PrepareSpec, assemble, prepare_items
from facevqa.scoring import score_choices

log = logging.getLogger(__name__)

EXPLAINED_TASKS = ("spoof",)
"""Closed tasks whose verdict is followed by a generated explanation."""
BUNDLE_FILE = "facevqa_model.json"


class FaceVQA:
    """Answers questions about faces with a VLM base and per-task LoRA adapters."""

    def __init__(self, backbone: Backbone, metas: dict[str, AdapterMeta] | None = None,
                 detector: FaceDetector | None = None, adapter_dirs: dict[str, Path] | None = None):
        self.backbone = backbone
        self.metas = metas or {}
        self.adapter_dirs = adapter_dirs or {}
        self.task_adapter = task_table(self.metas)
        self.detector = detector or get_detector()

    @classmethod
    def from_pretrained(cls, name_or_path: str | Path | None = None, *,
                        adapters: dict[str, str | Path] | None = None, load_in_4bit: bool = False,
                        device: str = "auto", dtype: Any = None,
                        detector: str | FaceDetector = "default",
                        revision: str | None = None, trust_remote_code: bool = False):
        """Load a base (hub id, folder, saved FaceVQA bundle, or None for the embedded default).

        `name_or_path="classical"` returns the packaged classical face models instead.
        `detector`: a registered detector's name (facevqa.faces) or a detector object.
        """
        from facevqa.loading import load_backbone

        if name_or_path == "classical":
            from facevqa.classical import ClassicalHeads

            return ClassicalHeads(detector=detector)
        if name_or_path is None:
            from facevqa.default import default_model_dir

            name_or_path = default_model_dir()
        base, bundled = bundle_parts(name_or_path)
        adapters = {**bundled, **(adapters or {})}
        bb = load_backbone(base, load_in_4bit=load_in_4bit, device=device, dtype=dtype,
                           revision=revision, trust_remote_code=trust_remote_code)
        metas = {}
        if adapters:
            bb.model, metas = attach_adapters(bb.model, adapters)
        dirs = {k: Path(v) for k, v in adapters.items()}
        found = get_detector(detector) if isinstance(detector, str) else detector
        return cls(bb, metas, found, dirs)

    def save_pretrained(self, out_dir: str | Path, include_base: bool = False) -> Path:
        """Write a bundle: base reference (or copy), every adapter folder, task metadata."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        base = self.backbone.name
        if include_base:
            self._save_base(out / "base")
            base = "base"
        names = {}
        for name, folder in self.adapter_dirs.items():
            shutil.copytree(folder, out / "adapters" / name, dirs_exist_ok=True)
            names[name] = f"adapters/{name}"
        (out / BUNDLE_FILE).write_text(json.dumps({"base": base, "adapters": names}, indent=2))
        return out

    def _save_base(self, folder: Path) -> None:
        """Copy the base checkpoint files as loaded (adapters never leak into the base)."""
        src = self.backbone.folder
        if src is None:
            raise ModelLoadError("include_base needs a base loaded from a folder or hub id")
        keep = ("*.json", "*.safetensors", "*.jinja", "*.model", "*.txt")
        shutil.copytree(src, folder, dirs_exist_ok=True, ignore=lambda d, names: [
            n for n in names if not any(Path(n).match(k) for k in keep)
            and not (Path(d) / n).is_dir()])

    def generate(self, images: Any, questions: str | Sequence[str], *, task: str | None = None,
                 attribute: str | None = None, batch_size: int = 16, max_new_tokens: int = 48,
                 faces: str = "largest") -> list[Answer]:
        """Answer every (image, question) pair: one Answer per input, in input order; one bad
        item fails alone.

        images: paths, PIL images, numpy arrays or bytes; questions: one for all, or one each.
        task forces a task (bypassing the router). faces: "largest" (the largest face), "all"
        (every face: the Answer's `faces` holds one per face, largest first) or "none" (inputs
        are face crops).
        """
        spec = PrepareSpec(self.detector, faces=faces, task=task, attribute=attribute,
                           family=self.backbone.prompt_style)
        groups = prepare_items(images, questions, spec)
        work = [((it.index, k), it) for g in groups for k, it in enumerate(g) if it.answer is None]
        answers: dict[tuple[int, int], Answer] = {}
        for key, chunk in _chunks(work, batch_size, self._group_key):
            with self._adapter(key[0]):
                answers.update(self._run_safely(chunk, max_new_tokens))
        return assemble(groups, answers, faces)

    def _group_key(self, item: Item) -> tuple:
        r = item.route
        return (self.task_adapter.get(r.task), r.kind, r.task, r.attribute)

    @contextmanager
    def _adapter(self, name: str | None) -> Iterator[None]:
        model = self.backbone.model
        if not self.metas:
            yield
        elif name is None:
            with model.disable_adapter():
                yield
        else:
            if model.active_adapter != name:  # peft walks every module to switch
                model.set_adapter(name)
            yield

    def _run_safely(self, chunk, max_new_tokens: int) -> dict:
        """Run a chunk as one batch; if the batch fails, run items alone so only bad ones fail."""
        try:
            return self._run(chunk, max_new_tokens)
        except (RuntimeError, ValueError, TypeError) as e:
            if len(chunk) == 1:
                key, item = chunk[0]
                log.warning("item %s failed: %s", key, e)
                return {key: Answer(status="error", task=item.route.task, error=f"model: {e}")}
            log.warning("batch of %d failed (%s); retrying items one by one", len(chunk), e)
            out = {}
            for one in chunk:
                out.update(self._run_safely([one], max_new_tokens))
            return out

    def _run(self, chunk, max_new_tokens: int) -> dict:
        keys, items = zip(*chunk)
        routes = [it.route for it in items]
        bb = self.backbone
        batch = bb.encode([it.crop for it in items], [r.prompt for r in routes])
        prompts = bb.spec.format_prompts(bb.processor, [bb.sanitize(r.prompt) for r in routes])
        if routes[0].kind != "closed":
            texts = bb.generate(batch, max_new_tokens)
            return {k: _open_answer(r, t, p) for k, r, t, p in zip(keys, routes, texts, prompts)}
        route = routes[0]
        explain = route.task in EXPLAINED_TASKS
        scores = score_choices(bb, batch, list(route.choices),
                              eos=False if explain else None).normalised()
        cal = self.calibration(route.task)
        answers = [_closed_answer(r, s, cal, p) for r, s, p in zip(routes, scores, prompts)]
        if explain:
            answers = self._explain(batch, routes, answers, max_new_tokens)
        return dict(zip(keys, answers))

    def _explain(self, batch: dict, routes: list, answers: list[Answer],
                 max_new_tokens: int) -> list[Answer]:
        """Generate the explanation after each row's chosen verdict, then parse it."""
        from facevqa.router import parse_answer

        bb = self.backbone
        verdicts = [a.text for a in answers]
        texts = bb.generate(bb.extend(batch, bb.suffix_ids(verdicts, eos=False)), max_new_tokens)
        out = []
        for route, a, verdict, more in zip(routes, answers, verdicts, texts):
            full = f"{verdict}{more}" if more[:1] in ".,;:!" else f"{verdict} {more}".strip()
            parsed = parse_answer(route, full)
            attack = parsed.attack if a.label != "real" else None
            out.append(replace(a, text=full, explanation=more.lstrip(".,;: ") or None,
                               attack=attack))
        return out

    def calibration(self, task: str) -> Calibration:
        """Temperature and abstain threshold for `task`: the adapter's, else the task's default."""
        name = self.task_adapter.get(task)
        if name and task in self.metas[name].calibration:
            return self.metas[name].calibration[task]
        from facevqa.tasks import get_task

        spec = get_task(task)
        return Calibration(getattr(spec, "temperature", 1.0), getattr(spec, "threshold", 0.0))

    def info(self) -> dict:
        """What is loaded: base, family, adapters with their tasks and calibration."""
        return {"base": self.backbone.name, "family": self.backbone.family,
                "adapters": {n: m.to_json() for n, m in self.metas.items()}}


def _closed_answer(route, scores: torch.Tensor, cal: Calibration, prompt: str) -> Answer:
    from facevqa.router import summarize

    probs = torch.softmax(scores.float() / cal.temperature, -1).tolist()
    s = summarize(route, probs)
    conf = float(s.probs.get(s.label, 0.0))
    status = "abstain" if (conf < cal.threshold or s.label == "not_visible") else "ok"
    reason = None
    if status == "abstain":
        reason = ("the attribute is not visible" if s.label == "not_visible" else
                  f"confidence {conf:.2f} is under the {route.task} threshold "
                  f"{cal.threshold:.2f}")
    best = max(range(len(probs)), key=probs.__getitem__)
    if route.negated:  # reply to the question as asked: summarize swapped yes and no
        best = route.labels.index(s.label)
    return Answer(status=status, task=route.task, attribute=route.attribute, label=s.label,
                  probs={k: float(v) for k, v in s.probs.items()}, confidence=conf, value=s.value,
                  text=route.choices[best], prompt=prompt, error=reason)


def _open_answer(route, text: str, prompt: str) -> Answer:
    """A generated (open or caption) answer, refused when the guard finds a name or a trait."""
    from facevqa.guard import check_text
    from facevqa.router import parse_answer

    hit = check_text(text)
    if hit is not None:  # the leaked text is not returned, only why it was withheld
        log.info("guard withheld a %s answer (%s)", route.task, hit.category)
        return Answer(status="refused", task=route.task, attribute=route.attribute,
                      prompt=prompt, error=hit.message)
    parsed = parse_answer(route, text)
    return Answer(status="ok", task=route.task, attribute=route.attribute, label=parsed.label,
                  value=parsed.value, text=text, explanation=parsed.explanation,
                  attack=parsed.attack, prompt=prompt)


def _chunks(work: list, size: int, key_fn) -> Iterator[tuple[tuple, list]]:
    """Group work items by key (adapter, task...), then split each group into batches."""
    groups: dict[tuple, list] = {}
    for key_item in work:
        groups.setdefault(key_fn(key_item[1]), []).append(key_item)
    for key, items in groups.items():
        for lo in range(0, len(items), max(1, size)):
            yield key, items[lo:lo + size]


def bundle_parts(name_or_path) -> tuple[str | Path, dict[str, Path]]:
    """A saved FaceVQA bundle names its base and adapters; anything else is a plain base."""
    folder = Path(name_or_path)
    meta = folder / BUNDLE_FILE
    if not meta.exists():
        return name_or_path, {}
    d = json.loads(meta.read_text())
    base = d["base"]
    base = folder / base if (folder / base).is_dir() else base
    return base, {n: folder / p for n, p in d.get("adapters", {}).items()}

