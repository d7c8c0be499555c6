"""build_app without a browser: endpoints, queue settings, cache sweep and the default banner."""

from __future__ import annotations


def _elem_ids(app) -> set[str]:
    return {getattr(b, "elem_id", None) for b in app.blocks.values()} - {None}


def test_app_endpoints_and_privacy(fake_vqa):
    from demo.app import CACHE_SWEEP, build_app

    app = build_app(fake_vqa, max_queue=7, max_batch=3)
    names = {d.api_name for d in app.fns.values()}
    assert {"ask", "batch"} <= names
    ask = next(d for d in app.fns.values() if d.api_name == "ask")
    assert ask.batch and ask.max_batch_size == 3 and ask.concurrency_limit == 1
    assert app._queue.max_size == 7 and app.delete_cache == CACHE_SWEEP
    assert not app.analytics_enabled
    assert "embedded-banner" not in _elem_ids(app)
    assert {"ask-image", "ask-probs", "heads-answer", "batch-table", "model-info"} <= _elem_ids(app)


def test_embedded_default_banner(tmp_path, monkeypatch, fake_vqa):
    from demo.app import build_app

    monkeypatch.setenv("FACEVQA_HOME", str(tmp_path))
    (tmp_path / "tiny-paligemma").mkdir()
    fake_vqa.info = lambda: {"base": str(tmp_path / "tiny-paligemma"), "family": "paligemma"}
    assert "embedded-banner" in _elem_ids(build_app(fake_vqa))


def test_the_app_warms_the_model_up_before_taking_requests(fake_vqa):
    from demo.app import build_app
    from demo.handlers import EXAMPLE_QUESTIONS

    build_app(fake_vqa)
    assert len(fake_vqa.calls) == 1  # the first user does not wait for lazy loading
    n, questions, task = fake_vqa.calls[0]
    assert questions == [q for q, _ in EXAMPLE_QUESTIONS] and n == len(questions)
    assert task is None


def test_the_app_imports_what_gradios_first_event_would(fake_vqa):
    import sys

    import pytest

    from demo.app import build_app

    pytest.importorskip("matplotlib")
    build_app(fake_vqa)
    assert "matplotlib.pyplot" in sys.modules  # not on the event loop under the first requests
