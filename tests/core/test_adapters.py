"""Several task adapters on one tiny base: grouping by task, input order, per-task equality."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from facevqa.adapters import AdapterMeta, write_meta
from facevqa.model import FaceVQA

TASKS = {"emotion": "what emotion is shown?", "gender": "is this a man or a woman?",
         "age": "how old is this person?"}


@pytest.fixture(scope="module")
def adapters(tiny_paligemma, tmp_path_factory):
    """Three random (non-zero) LoRA adapters, one per task, saved as FaceVQA adapters."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForImageTextToText

    out = {}
    for i, task in enumerate(TASKS):
        torch.manual_seed(i)
        base = AutoModelForImageTextToText.from_pretrained(tiny_paligemma)
        cfg = LoraConfig(r=4, lora_alpha=16, init_lora_weights=False,
                         target_modules=r".*language_model.*\.(q_proj|v_proj|up_proj)")
        model = get_peft_model(base, cfg)
        folder = tmp_path_factory.mktemp("adapters") / task
        model.save_pretrained(folder)
        write_meta(folder, AdapterMeta(tasks=(task,), base=str(tiny_paligemma)))
        out[task] = folder
    return out


def _faces(n: int) -> list[Image.Image]:
    rng = np.random.default_rng(5)
    return [Image.fromarray(rng.integers(0, 255, (48, 48, 3), np.uint8)) for _ in range(n)]


def test_mixed_batch_equals_each_task_alone(tiny_paligemma, adapters):
    vqa = FaceVQA.from_pretrained(tiny_paligemma, adapters=adapters, device="cpu")
    images = _faces(32)
    names = list(TASKS)
    questions = [TASKS[names[i % 3]] for i in range(32)]
    mixed = vqa.generate(images, questions, batch_size=32, faces="none")
    assert [a.task for a in mixed] == [names[i % 3] for i in range(32)]  # input order kept
    for task in names:
        idx = [i for i in range(32) if names[i % 3] == task]
        alone = vqa.generate([images[i] for i in idx], TASKS[task], batch_size=32, faces="none")
        for i, a in zip(idx, alone):
            assert mixed[i].label == a.label
            assert mixed[i].probs == pytest.approx(a.probs, abs=1e-5)


def test_adapters_change_answers_and_unadapted_tasks_use_the_base(tiny_paligemma, adapters):
    plain = FaceVQA.from_pretrained(tiny_paligemma, device="cpu")
    adapted = FaceVQA.from_pretrained(tiny_paligemma, adapters={"emotion": adapters["emotion"]},
                                      device="cpu")
    img = _faces(1)
    a = plain.generate(img, TASKS["emotion"], faces="none")[0]
    b = adapted.generate(img, TASKS["emotion"], faces="none")[0]
    assert a.probs != pytest.approx(b.probs, abs=1e-6)  # the emotion adapter is active
    a = plain.generate(img, TASKS["gender"], faces="none")[0]
    b = adapted.generate(img, TASKS["gender"], faces="none")[0]
    assert a.probs == pytest.approx(b.probs, abs=1e-6)  # no gender adapter: base answers


def test_save_and_reload_bundle(tiny_paligemma, adapters, tmp_path):
    vqa = FaceVQA.from_pretrained(tiny_paligemma, adapters=adapters, device="cpu")
    vqa.save_pretrained(tmp_path / "bundle", include_base=True)
    again = FaceVQA.from_pretrained(tmp_path / "bundle", device="cpu")
    img = _faces(2)
    for q in TASKS.values():
        x, y = vqa.generate(img, q, faces="none"), again.generate(img, q, faces="none")
        assert [a.probs for a in x] == [pytest.approx(b.probs, abs=1e-6) for b in y]
    assert set(again.info()["adapters"]) == set(TASKS)
