"""Real-width shallow checkpoints of every family (published hidden sizes, heads, vocabulary,
image size and processor; one layer per stack; random weights; real tokenizers) answer through
the public API, and a batch answers as its items do alone. About 4 minutes on 2 CPU cores in
all (building the checkpoints is most of it), hence `slow`."""

from __future__ import annotations

import gc
import shutil

import numpy as np
import pytest
from PIL import Image

from facevqa.families_build import BUILDS

pytestmark = pytest.mark.slow


def _faces() -> list[Image.Image]:
    rng = np.random.default_rng(7)  # two crop sizes: padding and dynamic resolution differ
    return [Image.fromarray(rng.integers(0, 255, (h, w, 3), np.uint8))
            for h, w in ((112, 96), (160, 160))]


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_real_width_checkpoint_answers_through_the_public_api(name, tmp_path, facevqa_home):
    from facevqa import FaceVQA
    from facevqa.families_build import build
    from facevqa.real_tokenizers import available

    spec = BUILDS[name]
    if why := available(spec.tokenizer):
        pytest.skip(f"real tokenizer unavailable: {why}")
    folder = build(name, tmp_path / name, real=True)
    try:
        vqa = FaceVQA.from_pretrained(folder, device="cpu")
        config = vqa.backbone.model.config
        text = getattr(config, "text_config", config)
        assert text.hidden_size == spec.real.text_hidden  # the published width, really built
        assert text.vocab_size >= len(vqa.backbone.tokenizer) > 30000  # a real vocabulary
        assert text.vocab_size == (spec.real.vocab or len(vqa.backbone.tokenizer))
        faces = _faces()
        both = vqa.generate(faces, "What emotion is shown?", faces="none")
        alone = vqa.generate(faces[1:], "What emotion is shown?", faces="none")
        assert [a.task for a in both] == ["emotion", "emotion"]
        assert all(a.status in ("ok", "abstain") and a.probs for a in both)
        for label, p in alone[0].probs.items():
            assert abs(both[1].probs[label] - p) < 1e-3, label
        caption = vqa.generate(faces[:1], "Describe this face.", faces="none",
                               max_new_tokens=3)[0]
        assert caption.task == "caption" and caption.error is None
        vqa = None
        gc.collect()
        q4 = FaceVQA.from_pretrained(folder, device="cpu", load_in_4bit=True)  # as QLoRA loads
        assert any("4bit" in type(m).__name__ for m in q4.backbone.model.modules())
        age = q4.generate(faces[:1], "How old is this person?", faces="none")[0]
        assert age.task == "age" and age.status in ("ok", "abstain") and age.probs
    finally:
        q4 = None
        vqa = None
        gc.collect()
        shutil.rmtree(folder, ignore_errors=True)  # about 1 GB each


# Published tokenizer length, config vocab_size and special-token ids (each model's hub
# config.json and tokenizer files), for builds whose real tokenizer is the published one.
PUBLISHED_TOKENS = {
    # Gemma 2's 256000 + <loc0000>-<loc1023> + <seg000>-<seg127>, then <image>
    "paligemma2": (257153, 257216, {"<loc0000>": 256000, "<loc1023>": 257023,
                                    "<seg000>": 257024, "<seg127>": 257151, "<image>": 257152}),
    # Qwen2.5's 151643 + 22 added tokens, the vision ones among them
    "qwen2_5_vl": (151665, 151936, {"<|im_end|>": 151645, "<|vision_start|>": 151652,
                                    "<|vision_end|>": 151653, "<|image_pad|>": 151655,
                                    "<|video_pad|>": 151656}),
    # Qwen2's 151643 + 3 added tokens, then <image> and <video>
    "llava_onevision": (151648, 152000, {"<|im_end|>": 151645, "<image>": 151646,
                                         "<video>": 151647}),
}


@pytest.mark.parametrize("name", sorted(PUBLISHED_TOKENS))
def test_real_width_build_has_the_published_vocabulary(name):
    import torch

    from facevqa.real_tokenizers import available, load_tokenizer

    spec = BUILDS[name]
    if why := available(spec.tokenizer):
        pytest.skip(f"real tokenizer unavailable: {why}")
    with torch.device("meta"):  # shapes and ids only: no weights
        model, processor = spec.make(spec.real, load_tokenizer(spec.tokenizer))
    length, vocab, ids = PUBLISHED_TOKENS[name]
    tok = processor.tokenizer
    assert len(tok) == length
    assert model.config.get_text_config().vocab_size == vocab
    assert {t: tok.convert_tokens_to_ids(t) for t in ids} == ids
