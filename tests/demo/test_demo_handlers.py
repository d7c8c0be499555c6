"""The demo's actions on a fake model: messages, side-by-side heads, batch files, Model tab."""

from __future__ import annotations

from pathlib import Path

from demo.handlers import Handlers, remove_folder
from demo.modelinfo import EMBEDDED_BANNER, model_markdown, uses_embedded_default
from facevqa import Answer, ModelLoadError


class FakeHeads:
    """Classical heads covering age and emotion; `fail` makes every call raise."""

    tasks = ("age", "emotion")

    def __init__(self, fail: bool = False):
        self.fail = fail
        self.calls: list[tuple[int, str | None]] = []

    def generate(self, images, questions, *, task=None, **kw):
        self.calls.append((len(images), task))
        if self.fail:
            raise ModelLoadError("classical head 'emotion' is not built")
        return [Answer(status="ok", task=task, label="sad", probs={"happy": 0.4, "sad": 0.6},
                       confidence=0.6, source="classical") for _ in images]


def test_ask_answers_and_draws(fake_vqa, photo_files):
    r = Handlers(fake_vqa).ask(str(photo_files["astronaut"]), "What emotion is shown?", "auto")
    assert "happy" in r.answer and r.task == "emotion" and r.probs == {"happy": 0.7, "sad": 0.3}
    assert r.face_image.size == (512, 512) and r.details["status"] == "ok"
    assert "not loaded" in r.heads_answer and r.heads_probs is None
    assert fake_vqa.calls[-1][2] is None  # "auto" lets the router choose


def test_ask_task_override_and_spoof(fake_vqa, photo_files):
    h = Handlers(fake_vqa)
    h.ask(str(photo_files["astronaut"]), "Is she smiling?", "emotion")
    assert fake_vqa.calls[-1][2] == "emotion"
    r = h.ask(str(photo_files["astronaut"]), "Is this a real person?", "auto")
    assert "print" in r.spoof and "paper texture" in r.spoof and r.task == "spoof"


def test_ask_messages(fake_vqa, photo_files):
    h = Handlers(fake_vqa)
    assert "Upload" in h.ask(None, "How old?").answer
    assert "Type a question" in h.ask(str(photo_files["astronaut"]), "  ").answer
    bad = h.ask(str(photo_files["corrupt"]), "How old?")
    assert "Could not answer" in bad.answer and bad.face_image is None
    refused = h.ask(str(photo_files["astronaut"]), "Who is this person?")
    assert "Refused" in refused.answer and "identify" in refused.answer
    assert fake_vqa.calls and len(fake_vqa.calls) == 1  # no call for the three messages


def test_side_by_side(fake_vqa, photo_files):
    path = str(photo_files["astronaut"])
    r = Handlers(fake_vqa, FakeHeads()).ask(path, "What emotion is shown?")
    assert "sad" in r.heads_answer and r.heads_probs == {"happy": 0.4, "sad": 0.6}
    r = Handlers(fake_vqa, FakeHeads()).ask(path, "How old?", "caption")
    assert "do not cover the caption task" in r.heads_answer
    r = Handlers(fake_vqa, FakeHeads(fail=True)).ask(path, "What emotion is shown?")
    assert "Classical heads failed" in r.heads_answer and "happy" in r.answer


def test_concurrent_requests_share_one_call_per_model(fake_vqa, photo_files):
    """Requests handed over together (Gradio batch=True): one VLM call, one heads call."""
    heads, path = FakeHeads(), str(photo_files["astronaut"])
    h = Handlers(fake_vqa, heads)
    before = len(fake_vqa.calls)
    got = h.ask_many([path] * 5 + [None], ["What emotion is shown?"] * 6, ["auto"] * 6)
    assert len(fake_vqa.calls) == before + 1 and heads.calls == [(5, "emotion")]
    assert all("sad" in r.heads_answer for r in got[:5]) and "Upload" in got[5].answer


def test_batch_files_are_removed_after(fake_vqa, photo_files):
    files = [str(photo_files[n]) for n in ("astronaut", "corrupt", "grace_hopper")]
    r = Handlers(fake_vqa).run_batch(files, "What emotion is shown?", "auto")
    assert [row[1] for row in r.rows] == ["ok", "error", "ok"]
    assert "3 images" in r.summary and Path(r.csv_path).exists() and Path(r.json_path).exists()
    remove_folder(r.folder)
    assert not Path(r.folder).exists()
    assert "Upload" in Handlers(fake_vqa).run_batch([], "q").summary


def test_model_tab(tmp_path, monkeypatch, fake_vqa):
    md = model_markdown(fake_vqa)
    assert "fake-base" in md and "emotion" in md and "temperature 1.5" in md
    assert "abstain under 0.30" in md and EMBEDDED_BANNER not in md
    assert "Not loaded" in md and "No model card" in md

    monkeypatch.setenv("FACEVQA_HOME", str(tmp_path))
    stand_in = tmp_path / "tiny-paligemma"
    stand_in.mkdir()
    (stand_in / "README.md").write_text("# Tiny stand-in\nTrained on nothing.")
    fake_vqa.info = lambda: {"base": str(stand_in), "family": "paligemma", "adapters": {}}
    assert uses_embedded_default(fake_vqa)
    md = model_markdown(fake_vqa, FakeHeads())
    assert EMBEDDED_BANNER in md and "Trained on nothing." in md and "Loaded (FakeHeads" in md


def test_concurrent_requests_share_one_call_per_task(fake_vqa, photo_files):
    path = str(photo_files["astronaut"])
    results = Handlers(fake_vqa).ask_many(
        [path, None, path, path], ["What emotion?", "How old?", "Is this real?", "Smiling?"],
        ["auto", "auto", "auto", "emotion"])
    assert [len(c[1]) if isinstance(c[1], list) else 1 for c in fake_vqa.calls] == [2, 1]
    assert "Upload" in results[1].answer and results[2].task == "spoof"
    assert results[3].task == "emotion" and fake_vqa.calls[1][2] == "emotion"
