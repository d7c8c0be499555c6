"""Tiny real checkpoints of both families: load, batched == single, scoring == brute force."""

from __future__ import annotations

import time

import numpy as np
import pytest
import torch
from PIL import Image

from facevqa.errors import ModelLoadError
from facevqa.loading import load_backbone
from facevqa.scoring import score_choices, score_choices_bruteforce

PROMPTS = ["answer en how old is this person?", "answer en what emotion is shown?",
           "caption en", "answer en is the person wearing eyeglasses?"]


def _images(n: int) -> list[Image.Image]:
    rng = np.random.default_rng(1)
    return [Image.fromarray(rng.integers(0, 255, (40 + 7 * i, 50, 3), np.uint8)) for i in range(n)]


@pytest.fixture(scope="module")
def backbones(tiny_paligemma, tiny_llava):
    return {"paligemma": load_backbone(tiny_paligemma), "llava": load_backbone(tiny_llava)}


@pytest.mark.parametrize("family", ["paligemma", "llava"])
def test_family_detected_from_config(backbones, family):
    assert backbones[family].family == family


@pytest.mark.parametrize("family", ["paligemma", "llava"])
def test_batched_greedy_equals_per_item(backbones, family):
    bb = backbones[family]
    images = _images(4)
    # min_new_tokens keeps random weights from stopping at once, so the test compares tokens
    batched = bb.generate_ids(bb.encode(images, PROMPTS), 6, min_new_tokens=6)
    single = [bb.generate_ids(bb.encode([im], [p]), 6, min_new_tokens=6)[0]
              for im, p in zip(images, PROMPTS)]
    assert batched == single
    assert all(len(ids) == 6 for ids in batched)


@pytest.mark.parametrize("family", ["paligemma", "llava"])
def test_cached_scoring_equals_bruteforce(backbones, family):
    bb = backbones[family]
    batch = bb.encode(_images(3), PROMPTS[:3])
    choices = ["happy", "sad", "neutral face", "32", "not visible", "no"]
    fast = score_choices(bb, batch, choices)
    slow = score_choices_bruteforce(bb, batch, choices)
    assert torch.allclose(fast.logprob, slow.logprob, atol=1e-4)
    no_eos = score_choices(bb, batch, choices, eos=False)
    assert torch.allclose(no_eos.logprob, score_choices_bruteforce(
        bb, batch, choices, eos=False).logprob, atol=1e-4)


@pytest.mark.parametrize("family", ["paligemma", "llava"])
@pytest.mark.parametrize("eos", [True, False])
def test_trie_scoring_of_shared_prefixes_equals_bruteforce(backbones, family, eos, monkeypatch):
    """Ages share their first tokens; labels of 1 to several tokens; rows split in chunks."""
    import facevqa.scoring as scoring

    bb = backbones[family]
    batch = bb.encode(_images(2), PROMPTS[:2])
    choices = [str(a) for a in range(0, 91, 3)] + ["not visible", "a happy face", "no"]
    cand = bb.suffix_ids(choices, eos=eos)
    assert len({len(c) for c in cand}) > 1  # labels of different lengths
    assert len(scoring.trie_levels(cand)[0]) < len(choices)  # paths are shared
    vocab = bb.model.get_output_embeddings().weight.shape[0]
    monkeypatch.setattr(scoring, "MAX_LOGITS", 40 * vocab)  # a trie level over several chunks
    fast = score_choices(bb, batch, choices, eos=eos)
    slow = score_choices_bruteforce(bb, batch, choices, eos=eos)
    assert torch.allclose(fast.logprob, slow.logprob, atol=1e-5)
    assert torch.equal(fast.lengths, slow.lengths)


def test_end_token_only_where_a_label_begins_another():
    from facevqa.scoring import needs_eos

    assert not needs_eos([[5], [7], [9, 4]])  # prefix-free: the paths are disjoint events
    assert needs_eos([[5], [5, 3]])  # "2" and "23"
    assert needs_eos([[5, 3], [5, 3]])  # two labels, one token path


@pytest.mark.parametrize("family", ["paligemma", "llava"])
def test_default_scoring_ends_labels_only_where_needed(backbones, family):
    from facevqa.scoring import needs_eos

    bb = backbones[family]
    batch = bb.encode(_images(2), PROMPTS[:2])
    for choices in (["happy", "sad", "surprise"], [str(a) for a in range(0, 91, 3)]):
        need = needs_eos(bb.suffix_ids(choices, eos=False))
        auto = score_choices(bb, batch, choices)
        assert torch.equal(auto.logprob, score_choices(bb, batch, choices, eos=need).logprob)
        slow = score_choices_bruteforce(bb, batch, choices, eos=need)
        assert torch.allclose(auto.logprob, slow.logprob, atol=1e-5)


@pytest.mark.parametrize("family", ["paligemma", "llava"])
def test_scores_do_not_depend_on_batch_neighbours(backbones, family):
    bb = backbones[family]
    images, choices = _images(3), ["yes", "no", "not visible"]
    together = score_choices(bb, bb.encode(images, PROMPTS[:3]), choices).logprob
    alone = torch.cat([score_choices(bb, bb.encode([im], [p]), choices).logprob
                       for im, p in zip(images, PROMPTS[:3])])
    assert torch.allclose(together, alone, atol=1e-4)


@pytest.mark.parametrize("family", ["paligemma", "llava"])
def test_training_labels_cover_only_answer_tokens(backbones, family):
    bb = backbones[family]
    batch = bb.encode(_images(2), PROMPTS[:2])
    suffixes = bb.suffix_ids(["32", "a happy face"], eos=True)
    full = bb.extend(batch, suffixes, labels=True)
    for row, suf in zip(full["labels"], suffixes):
        kept = row[row != -100].tolist()
        assert kept == suf  # answer tokens + EOS only: no pad, image or prompt tokens
    assert (full["labels"][full["attention_mask"] == 0] == -100).all()
    out = bb.model(**full, position_ids=bb.positions(full))
    assert torch.isfinite(out.loss)


def test_offline_hub_id_fails_fast_with_instructions():
    start = time.monotonic()
    with pytest.raises(ModelLoadError, match="local Hugging Face cache.*pass its path"):
        load_backbone("google/paligemma-3b-pt-224")
    assert time.monotonic() - start < 10


def test_not_a_checkpoint(tmp_path):
    with pytest.raises(ModelLoadError, match="config.json"):
        load_backbone(tmp_path)
    with pytest.raises(ModelLoadError, match="neither"):
        load_backbone(tmp_path / "missing.bin")


def test_4bit_keeps_vision_side_full_precision(tiny_paligemma):
    bnb = pytest.importorskip("bitsandbytes")
    bb = load_backbone(tiny_paligemma, load_in_4bit=True, device="cpu")
    kinds = {type(m).__name__ for n, m in bb.model.named_modules() if "language_model" in n}
    assert "Linear4bit" in kinds
    vision = [m for n, m in bb.model.named_modules() if "vision_tower" in n]
    assert not any(isinstance(m, bnb.nn.Linear4bit) for m in vision)
    small = [m for m in bb.model.modules() if isinstance(m, bnb.nn.Linear4bit)
             and m.weight.quant_state.shape[-1] % m.weight.quant_state.blocksize]
    assert small and not any(m.support_avx512bf16_for_cpu for m in small)  # (AVX512-BF16 CPUs)
    text = bb.generate(bb.encode(_images(1), PROMPTS[:1]), 3, min_new_tokens=3)
    assert len(text) == 1
