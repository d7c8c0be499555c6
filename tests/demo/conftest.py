"""Demo fixtures: a fake model for fast handler tests; the real app on a tiny checkpoint served
on 127.0.0.1 and headless Chromium (Debian's chromium + chromedriver) for browser tests."""

from __future__ import annotations

import io
import os
import shutil
import socket
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROME_ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--window-size=1280,1400")
REPO = Path(__file__).resolve().parents[2]


class FakeVQA:
    """Stands in for FaceVQA in handler tests: records calls, answers from the question text."""

    def __init__(self):
        self.calls: list[tuple[int, str, str | None]] = []

    def generate(self, images, questions, *, task=None, batch_size=16, **kw):
        from facevqa import Answer, ImageError, load_image

        self.calls.append((len(images), questions, task))
        if isinstance(questions, str):
            questions = [questions] * len(images)
        out = []
        for image, question in zip(images, questions):
            try:
                img = load_image(image)
            except ImageError as e:
                out.append(Answer(status="error", error=str(e)))
                continue
            out.append(_fake_answer(img, question, task))
        return out

    def info(self):
        return {"base": "fake-base", "family": "paligemma", "adapters": {
            "emotion": {"tasks": ["emotion"], "labels": {"emotion": ["happy", "sad"]},
                        "calibration": {"emotion": {"temperature": 1.5, "threshold": 0.3}}}}}


def _fake_answer(img, question: str, task):
    from facevqa import Answer, Face

    face = Face((img.width // 4, img.height // 4, img.width * 3 // 4, img.height * 3 // 4))
    if "who" in question.lower():
        return Answer(status="refused", error="FaceVQA does not identify people.")
    if "real" in question.lower():
        return Answer(status="ok", task="spoof", label="spoof", attack="print", face=face,
                      probs={"real": 0.2, "spoof": 0.8}, confidence=0.8,
                      text="no. paper texture and a border", explanation="paper texture")
    return Answer(status="ok", task=task or "emotion", label="happy", face=face,
                  probs={"happy": 0.7, "sad": 0.3}, confidence=0.7, text="happy")


@pytest.fixture
def fake_vqa():
    return FakeVQA()


@pytest.fixture(scope="session")
def photo_files(tmp_path_factory, astronaut, grace_hopper):
    """Two real photos as JPEG files and one corrupt "JPEG"."""
    folder = tmp_path_factory.mktemp("photos")
    astronaut.save(folder / "astronaut.jpg", quality=90)
    grace_hopper.save(folder / "grace_hopper.jpg", quality=90)
    data = io.BytesIO()
    astronaut.save(data, format="JPEG")
    (folder / "corrupt.jpg").write_bytes(data.getvalue()[:200])
    return {p.stem: p for p in folder.iterdir()}


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where browser tests save screenshots: $FACEVQA_ARTIFACTS, else test-artifacts/demo."""
    folder = Path(os.environ.get("FACEVQA_ARTIFACTS") or REPO / "test-artifacts") / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


MODEL_CARD = """# Tiny demo bundle
A tiny random PaliGemma-architecture base with an untrained LoRA emotion adapter, built by
the demo tests. Its answers carry no information."""


@pytest.fixture(scope="session")
def tiny_bundle(tiny_paligemma, tmp_path_factory):
    """A saved FaceVQA bundle: the tiny base, a LoRA emotion adapter, a model card."""
    import json

    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForImageTextToText

    from facevqa.adapters import AdapterMeta, Calibration, write_meta
    from facevqa.tasks import get_task

    bundle = tmp_path_factory.mktemp("bundle")
    folder = bundle / "adapters" / "emotion"
    model = AutoModelForImageTextToText.from_pretrained(tiny_paligemma)
    lora = LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"])
    get_peft_model(model, lora).save_pretrained(folder)
    write_meta(folder, AdapterMeta(
        tasks=("emotion",), base=str(tiny_paligemma), family="paligemma",
        labels={"emotion": list(get_task("emotion").labels)},
        calibration={"emotion": Calibration(temperature=1.3, threshold=0.2)}))
    (bundle / "facevqa_model.json").write_text(json.dumps(
        {"base": str(tiny_paligemma), "adapters": {"emotion": "adapters/emotion"}}))
    (bundle / "README.md").write_text(MODEL_CARD)
    return bundle


@pytest.fixture(scope="session")
def served_demo(tiny_bundle, facevqa_home):
    """The real demo app on a tiny PaliGemma bundle (and the classical heads) on loopback."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    from demo.app import build_app
    from facevqa import FaceVQA

    vqa = FaceVQA.from_pretrained(tiny_bundle)
    heads = FaceVQA.from_pretrained("classical")
    app = build_app(vqa, heads)
    port = free_port()
    app.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True,
               share=False, quiet=True, ssr_mode=False, mcp_server=False)
    yield f"http://127.0.0.1:{port}/"
    app.close()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Headless Chromium driven by Debian's chromedriver, with a fresh profile."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("needs Debian's chromium and chromium-driver "
                    "(apt-get install -y chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="pip install selenium")
    from selenium.webdriver.chrome.service import Service

    profile = tmp_path_factory.mktemp("chromium-profile")
    downloads = tmp_path_factory.mktemp("downloads")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    opts.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                           "download.prompt_for_download": False})
    for arg in (*CHROME_ARGS, f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    driver.implicitly_wait(0)
    driver.downloads = downloads  # where clicked downloads land
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)
