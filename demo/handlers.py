"""What the demo's buttons do: answer one photo (with the classical heads beside it) and answer a
batch. Returns plain values; demo.app wires them to gradio components."""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from demo import batch
from demo.modelinfo import covered_tasks
from demo.render import draw_face, escape, show, status_markdown
from facevqa import Answer, FaceVQAError, ImageError, load_image
from facevqa.examples import available_examples

log = logging.getLogger(__name__)

AUTO = "auto"
"""Task dropdown value that lets the router choose."""
EXAMPLE_QUESTIONS = (
    ("How old is this person?", "age"),
    ("What emotion is shown?", "emotion"),
    ("Is the person wearing eyeglasses?", "attribute"),
    ("What color is the hair?", "attribute"),
    ("What is the perceived gender?", "gender"),
    ("Is this photo of a real person?", "spoof"),
    ("Describe this face.", "caption"),
    ("What is the person holding?", "open"),
)
"""One or more example questions per task (the router decides; the task is a hint)."""


@dataclass(frozen=True)
class AskResult:
    """Everything the Ask tab shows after one question."""

    face_image: Any
    answer: str
    task: str
    probs: dict[str, float] | None
    spoof: str
    heads_answer: str
    heads_probs: dict[str, float] | None
    details: dict = field(default_factory=dict)

    def values(self) -> tuple:
        """In the order of demo.app's Ask outputs."""
        return (self.face_image, self.answer, self.task, self.probs, self.spoof,
                self.heads_answer, self.heads_probs, self.details)


@dataclass(frozen=True)
class BatchResult:
    """The Batch tab's table, summary and download files (in a folder to delete afterwards)."""

    rows: list[list[Any]]
    summary: str
    csv_path: str | None = None
    json_path: str | None = None
    folder: str | None = None


class Handlers:
    """The demo's actions over one loaded model (and optionally the classical heads)."""

    def __init__(self, vqa: Any, heads: Any = None, limits: batch.Limits | None = None,
                 heads_error: str | None = None):
        self.vqa = vqa
        self.heads = heads
        self.heads_error = heads_error
        self.limits = limits or batch.Limits()
        self.heads_tasks = covered_tasks(heads)
        self._lock = threading.Lock()  # set_adapter is model-wide state: one request at a time

    def warm_up(self) -> None:
        """Load what a first request would load (question classifier, sentence embedder, face
        detector and verifier, every adapter) before the app takes requests: each example
        question about the first example photo (a blank one where none is installed)."""
        from PIL import Image

        photos = list(available_examples().values())
        photo = load_image(photos[0]) if photos else Image.new("RGB", (96, 96), "grey")
        questions = [q for q, _ in EXAMPLE_QUESTIONS]
        with self._lock:
            self.vqa.generate([photo] * len(questions), questions)

    def ask(self, image: Any, question: str | None, task: str | None = AUTO) -> AskResult:
        """Answer `question` about the photo at `image` (a path from the upload component)."""
        return self.ask_many([image], [question], [task])[0]

    def ask_many(self, images: list, questions: list, tasks: list) -> list[AskResult]:
        """Answer several Ask requests with one batched generate() per forced task.

        Gradio's queue hands concurrent requests over together (batch=True), so users asking
        at the same time share one forward pass.
        """
        results: list[AskResult | None] = [None] * len(images)
        work: dict[str | None, list[tuple[int, Any, str]]] = {}
        for i, (image, question, task) in enumerate(zip(images, questions, tasks)):
            prepared = self._prepare(image, question)
            if isinstance(prepared, AskResult):
                results[i] = prepared
            else:
                work.setdefault(_forced(task), []).append((i, *prepared))
        for forced, items in work.items():
            photos, asked = [p for _, p, _ in items], [q for _, _, q in items]
            with self._lock:
                answers = self.vqa.generate(photos, asked, task=forced, batch_size=len(items))
            beside = self.compare_many(photos, asked, answers)
            for (i, photo, _), answer, heads in zip(items, answers, beside):
                results[i] = self._result(photo, answer, heads)
        return results

    def _prepare(self, image: Any, question: str | None) -> tuple[Any, str] | AskResult:
        """The decoded photo and the stripped question, or the message saying what is missing."""
        question = (question or "").strip()
        if image is None:
            return _message("Upload, capture or paste a photo first.")
        if not question:
            return _message("Type a question about the face (or pick an example question).")
        try:
            return load_image(image, max_pixels=self.limits.max_pixels,
                              max_bytes=self.limits.max_bytes), question
        except ImageError as e:
            return _message(status_markdown(Answer(status="error", error=str(e))), raw=True)

    def _result(self, photo: Any, answer: Answer, heads: tuple[str, dict | None]) -> AskResult:
        """What the Ask tab shows for one answer (with the classical heads' answer beside it)."""
        shown = show(answer)
        face = draw_face(photo, answer) if answer.face or answer.status == "no_face" else None
        return AskResult(face, shown.markdown, shown.task, shown.probs, shown.spoof, *heads,
                         answer.to_dict())

    def compare(self, photo: Any, question: str, answer: Answer) -> tuple[str, dict | None]:
        """The classical heads' answer for the VLM's task, or a note saying why there is none."""
        return self.compare_many([photo], [question], [answer])[0]

    def compare_many(self, photos: list, questions: list[str], answers: list[Answer]
                     ) -> list[tuple[str, dict | None]]:
        """compare() for several requests: one batched call of the heads per routed task."""
        out: list[tuple[str, dict | None]] = [self._no_comparison(a) for a in answers]
        by_task: dict[str, list[int]] = {}
        for k, a in enumerate(answers):
            if out[k] == ("", None):
                by_task.setdefault(a.task, []).append(k)
        for task, ks in by_task.items():
            try:
                with self._lock:
                    got = self.heads.generate([photos[k] for k in ks],
                                              [questions[k] for k in ks], task=task)
            except (FaceVQAError, RuntimeError, ValueError, TypeError) as e:
                log.warning("classical heads failed: %s", e)
                for k in ks:
                    out[k] = f"*Classical heads failed: {escape(str(e))}*", None
                continue
            for k, one in zip(ks, got):
                if one.status == "error":
                    out[k] = (f"*Classical heads cannot answer this: "
                              f"{escape(one.error or '?')}*", None)
                else:
                    shown = show(one)
                    out[k] = (shown.markdown, shown.probs)
        return out

    def _no_comparison(self, answer: Answer) -> tuple[str, dict | None]:
        """Why the heads give no answer beside this one; ("", None) when they should answer."""
        if self.heads is None:
            why = f" ({escape(self.heads_error)})" if self.heads_error else ""
            return f"*Classical heads are not loaded{why}; no side-by-side answer.*", None
        if answer.status not in ("ok", "abstain") or not answer.task:
            return "*No routed task to compare.*", None
        if self.heads_tasks is not None and answer.task not in self.heads_tasks:
            return f"*The classical heads do not cover the {answer.task} task.*", None
        return "", None

    def run_batch(self, files: list | None, question: str | None,
                  task: str | None = AUTO) -> BatchResult:
        """Answer `question` for every uploaded image (zips expanded); one row per image."""
        question = (question or "").strip()
        if not files:
            return BatchResult([], "Upload some images (or a .zip of images) first.")
        if not question:
            return BatchResult([], "Type a question to ask about every image.")
        uploads = batch.collect_uploads([_path(f) for f in files], self.limits)
        with self._lock:
            answers = batch.answer_uploads(self.vqa, uploads, question, task=_forced(task),
                                           limits=self.limits)
        names = [u.name for u in uploads]
        rows = batch.table([batch.to_row(n, a) for n, a in zip(names, answers)])
        folder = Path(tempfile.mkdtemp(prefix="facevqa-demo-"))
        csv_path, json_path = batch.write_results(names, answers, folder)
        return BatchResult(rows, _summary(answers), str(csv_path), str(json_path), str(folder))


def remove_folder(folder: str | None) -> None:
    """Delete a results folder once gradio has copied its files (chained after the batch)."""
    if folder and Path(folder).name.startswith("facevqa-demo-"):
        shutil.rmtree(folder, ignore_errors=True)


def _forced(task: str | None) -> str | None:
    """The task dropdown's value as generate()'s task: None lets the router choose."""
    return None if task in (None, "", AUTO) else task


def _path(f: Any) -> str:
    """A gradio file value (path string or object with .name / .path) as a path."""
    return str(getattr(f, "path", None) or getattr(f, "name", None) or f)


def _summary(answers: list[Answer]) -> str:
    counts: dict[str, int] = {}
    for a in answers:
        counts[a.status] = counts.get(a.status, 0) + 1
    parts = ", ".join(f"{n} {s}" for s, n in counts.items())
    return f"**{len(answers)} images:** {parts}."


def _message(text: str, raw: bool = False) -> AskResult:
    """An AskResult that only carries a message (nothing was asked)."""
    md = text if raw else f"### Nothing to answer yet\n\n{text}"
    return AskResult(None, md, "-", None, "", "", None, {})
