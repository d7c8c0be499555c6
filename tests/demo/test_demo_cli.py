"""`facevqa demo`: options, defaults that keep the demo private, and what demo/ may import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from facevqa.cli import build_parser

DEMO = Path(__file__).resolve().parents[2] / "demo"
ALLOWED_FACEVQA = {"facevqa", "facevqa.examples", "facevqa.default", "facevqa.images",
                   "facevqa.ask"}


def _parse(*argv):
    return build_parser({"demo": "demo.cli"}, only="demo").parse_args(["demo", *argv])


def test_defaults_bind_loopback():
    args = _parse()
    assert (args.host, args.port, args.model, args.adapters) == ("127.0.0.1", 7860, None, [])
    args = _parse("--host", "0.0.0.0", "--port", "9000", "--adapters", "emotion=x")
    assert (args.host, args.port, args.adapters) == ("0.0.0.0", 9000, ["emotion=x"])


def test_run_launches_privately(monkeypatch):
    import demo.app
    import demo.cli

    launched = {}

    class FakeApp:
        def launch(self, **kw):
            launched.update(kw)

    def fake_build(vqa, heads, **kw):
        launched["heads"], launched["limits"] = heads, kw["limits"]
        return FakeApp()

    monkeypatch.delenv("GRADIO_ANALYTICS_ENABLED", raising=False)
    monkeypatch.setattr(demo.cli, "load_model", lambda args: object())
    monkeypatch.setattr(demo.app, "build_app", fake_build)
    monkeypatch.setattr(demo.cli, "serve_until_stopped", lambda app: launched.update(served=app))
    assert demo.cli.run(_parse("--no-classical", "--max-mb", "1")) == 0
    import os

    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"
    assert launched["server_name"] == "127.0.0.1" and launched["share"] is False
    assert launched["heads"] is None and launched["limits"].max_bytes == 1024 * 1024
    assert launched["prevent_thread_lock"] and isinstance(launched["served"], FakeApp)


def test_import_is_light():
    """Importing demo and its CLI loads neither gradio nor torch (fast `facevqa --help`)."""
    code = ("import sys, demo, demo.cli; bad = {'gradio', 'torch', 'transformers'} & "
            "set(sys.modules); assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=DEMO.parent)


@pytest.mark.parametrize("path", sorted(DEMO.glob("*.py")), ids=lambda p: p.name)
def test_demo_imports_only_public_facevqa(path):
    for node in ast.walk(ast.parse(path.read_text())):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        for name in names:
            root = name.split(".")[0]
            assert root not in ("finetune", "eval"), f"{path.name} imports {name}"
            if root == "facevqa":
                assert name in ALLOWED_FACEVQA, f"{path.name} imports {name}"


def test_the_heads_beside_the_model_reuse_its_face_search(monkeypatch):
    """`facevqa demo` gives the classical heads the model's detector, which remembers: a photo
    both answer is searched once."""
    import demo.cli
    from facevqa import FaceVQA, RememberingDetector
    from facevqa.faces import WholeImage

    class Model:
        detector = WholeImage()

    monkeypatch.setattr(demo.cli, "load_model", lambda args: Model())
    vqa, heads, why = demo.cli.load_models(_parse())
    assert why is None and isinstance(vqa.detector, RememberingDetector)
    assert heads.detector is vqa.detector and vqa.detector.inner is Model.detector
    assert type(heads) is type(FaceVQA.from_pretrained("classical"))


def test_load_test_uploads_a_different_photo_per_request(tmp_path):
    """Nothing the server remembers about one request (detections) can answer another."""
    import hashlib

    from demo.loadtest import distinct_photos
    from facevqa import load_image

    paths = distinct_photos(5, tmp_path)
    pixels = {hashlib.sha256(load_image(p).tobytes()).hexdigest() for p in paths}
    assert len(paths) == len(pixels) == 5
