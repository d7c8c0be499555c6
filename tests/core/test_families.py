"""Every buildable VLM family (facevqa.families_build, real tokenizers, tiny widths) through
the generic path: batched == alone, cached scoring == brute force, answer-only labels, and
LoRA / QLoRA training with adapter save and reload answering through the public API.
About 5 minutes on 2 CPU cores (the 16 training runs are most of it)."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from PIL import Image
from safetensors.torch import load_file

from facevqa.backbones import family_of, get_family
from facevqa.families_build import BUILDS
from facevqa.loading import load_backbone
from facevqa.scoring import score_choices, score_choices_bruteforce

NAMES = sorted(BUILDS)
PROMPTS = ["how old is this person?", "what emotion is shown?", "describe this face."]
CHOICES = ["happy", "sad", "neutral face", "32", "not visible", "no"]


def _images(n: int) -> list[Image.Image]:
    rng = np.random.default_rng(1)  # different sizes: padding and dynamic resolution differ
    return [Image.fromarray(rng.integers(0, 255, (40 + 9 * i, 50 + 5 * i, 3), np.uint8))
            for i in range(n)]


@pytest.fixture(scope="module")
def backbone(family_checkpoint):
    loaded = {}

    def get(name):
        if name not in loaded:
            loaded[name] = load_backbone(family_checkpoint(name), device="cpu")
        return loaded[name]
    return get


@pytest.mark.parametrize("name", NAMES)
def test_family_is_detected(backbone, name):
    from facevqa.backbones import family_of

    bb = backbone(name)
    assert bb.family == family_of(bb.model.config.model_type)


@pytest.mark.parametrize("name", NAMES)
def test_batched_greedy_equals_per_item(backbone, name):
    bb = backbone(name)
    images = _images(3)
    batched = bb.generate_ids(bb.encode(images, PROMPTS), 4, min_new_tokens=4)
    single = [bb.generate_ids(bb.encode([im], [p]), 4, min_new_tokens=4)[0]
              for im, p in zip(images, PROMPTS)]
    assert batched == single
    assert all(len(ids) == 4 for ids in batched)


@pytest.mark.parametrize("name", NAMES)
def test_cached_scoring_equals_bruteforce_and_alone(backbone, name):
    bb = backbone(name)
    images = _images(3)
    batch = bb.encode(images, PROMPTS)
    for eos in (True, False):
        fast = score_choices(bb, batch, CHOICES, eos=eos)
        slow = score_choices_bruteforce(bb, batch, CHOICES, eos=eos)
        assert torch.allclose(fast.logprob, slow.logprob, atol=1e-4)
    alone = torch.cat([score_choices(bb, bb.encode([im], [p]), CHOICES).logprob
                       for im, p in zip(images, PROMPTS)])
    assert torch.allclose(score_choices(bb, batch, CHOICES).logprob, alone, atol=1e-4)
    assert fast.logprob.std() > 0  # the scores say something (not one constant)


@pytest.mark.parametrize("name", NAMES)
def test_training_labels_cover_only_answer_tokens(backbone, name):
    bb = backbone(name)
    batch = bb.encode(_images(2), PROMPTS[:2])
    suffixes = bb.suffix_ids(["32", "a happy face"], eos=True)
    full = bb.extend(batch, suffixes, labels=True)
    for row, suf in zip(full["labels"], suffixes):
        assert row[row != -100].tolist() == suf
    for key, value in bb.spec.answer_token_types.items():  # answer tokens get their type
        assert (full[key][:, -1] == value).all()
    out = bb.model(**full, position_ids=bb.positions(full))
    assert torch.isfinite(out.loss)


TRAININGS = [(name, "qlora") for name in NAMES] + [("gemma3", "lora"), ("qwen2_5_vl", "lora")]
"""QLoRA (LoRA on the 4-bit base) for every family; plain LoRA for two chat families (PaliGemma
and LLaVA train in plain LoRA in tests/finetune): the suite stays within its time budget."""


@pytest.mark.parametrize("name,method", TRAININGS)
def test_lora_and_qlora_train_save_reload_and_answer(family_checkpoint, name, method, tmp_path,
                                                     facevqa_home):
    """`facevqa train` on the base, then the public API with the adapter: closed and open."""
    from facevqa import FaceVQA
    from finetune.config import DataSpec, LoraSpec, TrainConfig
    from finetune.train import train

    if method == "qlora":
        pytest.importorskip("bitsandbytes")
    base = family_checkpoint(name)
    cfg = TrainConfig(base=str(base), name="emotion", method=method, steps=2, batch_size=2,
                      lr=5e-3, warmup_steps=0, eval_every=0, save_every=2,
                      out=str(tmp_path / "run"), lora=LoraSpec(r=4, alpha=8, dropout=0.0),
                      data=DataSpec(n_train=4, n_eval=2, tasks=("emotion",), image_size=48))
    folder = train(cfg, progress=False)
    weights = load_file(folder / "adapter_model.safetensors")
    language = get_family(family_of(json.loads((base / "config.json").read_text())
                                    ["model_type"])).language
    assert weights and all("lora_" in k for k in weights)
    assert all(language in k for k in weights)  # 'language' targets: the LM only
    assert any(k.endswith("lora_B.weight") and v.abs().sum() > 0 for k, v in weights.items())
    vqa = FaceVQA.from_pretrained(base, adapters={"emotion": folder}, device="cpu",
                                  load_in_4bit=method == "qlora")
    closed, open_ = vqa.generate(_images(2), ["What emotion is shown?", "Describe this face."],
                                 faces="none", max_new_tokens=4)
    assert closed.task == "emotion" and closed.status in ("ok", "abstain") and closed.probs
    assert abs(sum(closed.probs.values()) - 1) < 1e-4
    assert open_.task == "caption" and open_.error is None


def test_registry_agrees_with_the_family_data():
    from facevqa.backbones import FAMILIES, MODEL_TYPES

    listed = {mt: name for name in FAMILIES for mt in get_family(name).model_types}
    assert listed == MODEL_TYPES
    assert all(get_family(name).name == name for name in FAMILIES)
