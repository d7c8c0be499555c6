"""Every buildable VLM family (facevqa.families_build, tiny widths, real tokenizers) through its
users: `facevqa eval` on a few synthetic faces (closed, explained and generated tasks) and the
demo's Ask handler on a real photo (each example question, a routed closed task, a refusal)."""

from __future__ import annotations

import json

import pytest

from facevqa.families_build import BUILDS

pytestmark = pytest.mark.usefixtures("one_torch_thread")
NAMES = sorted(BUILDS)
TASKS = ("age", "emotion", "spoof", "caption")
"""Scored (age, emotion), scored then explained (spoof) and generated (caption) answers."""
LIMIT = 4


@pytest.mark.parametrize("name", NAMES)
def test_eval_cli_reports_every_item(family_checkpoint, facevqa_home, name, tmp_path):
    from facevqa.backbones import family_of
    from facevqa.cli import main

    base, out = family_checkpoint(name), tmp_path / "eval"
    code = main(["eval", "--model", str(base), "--data", "synthetic",
                 "--limit", str(LIMIT), "--dev-limit", "0", "--tasks", ",".join(TASKS),
                 "--max-new-tokens", "2", "--n-boot", "10", "--workers", "1", "--device", "cpu",
                 "--out", str(out), "--no-plots", "--no-progress"])
    assert code == 0
    for file in ("metrics.json", "report.md", "model_card.md", "predictions.jsonl", "run.json"):
        assert (out / file).is_file(), file
    rows = [json.loads(line) for line in (out / "predictions.jsonl").read_text().splitlines()]
    assert len(rows) == LIMIT * len(TASKS) and {r["task"] for r in rows} == set(TASKS)
    assert not [(r["id"], r["error"]) for r in rows if r["status"] == "error"]
    assert all(r["probs"] for r in rows if r["task"] != "caption")  # random captions may be ""
    doc = json.loads((out / "metrics.json").read_text())
    model_type = json.loads((base / "config.json").read_text())["model_type"]
    assert doc["meta"]["family"] == family_of(model_type)
    assert set(doc["metrics"]["vlm"]) == set(TASKS) and "train" not in doc["meta"]["sizes"]
    assert 0 <= doc["metrics"]["vlm"]["emotion"]["accuracy"] <= 1
    assert doc["metrics"]["vlm"]["age"]["mae"] >= 0


@pytest.mark.parametrize("name", NAMES)
def test_demo_answers_a_photo(family_checkpoint, facevqa_home, name):
    from demo.handlers import EXAMPLE_QUESTIONS, Handlers
    from facevqa import FaceVQA
    from facevqa.examples import example_path

    vqa = FaceVQA.from_pretrained(family_checkpoint(name), device="cpu")
    photo = str(example_path("astronaut"))
    handlers = Handlers(vqa)
    age = handlers.ask(photo, "How old is this person?")
    assert age.task == "age" and age.details["status"] in ("ok", "abstain")
    assert age.probs and abs(sum(age.probs.values()) - 1) < 1e-4
    assert age.face_image is not None and age.details["face"]
    refused = handlers.ask(photo, "who is this?")
    assert refused.details["status"] == "refused" and "Refused" in refused.answer
    assert refused.probs is None
    questions = [q for q, _ in EXAMPLE_QUESTIONS]
    every = handlers.ask_many([photo] * len(questions), questions, ["auto"] * len(questions))
    bad = [(q, r.details) for q, r in zip(questions, every) if not _answered(r.details)]
    assert not bad, bad


def _answered(answer: dict) -> bool:
    """Answered, or generated text that facevqa.guard withheld (a random model's words can
    read as a name or a trait)."""
    guarded = answer["status"] == "refused" and "(guard:" in (answer["error"] or "")
    return bool(answer["task"]) and (answer["status"] in ("ok", "abstain") or guarded
                                     and answer["task"] in ("caption", "open"))
