"""Build tiny random PaliGemma / LLaVA checkpoints offline, from the real architecture classes.

Run: facevqa build tiny paligemma OUT_DIR
The result is an ordinary checkpoint folder (config, safetensors, tokenizer, processor) that
`FaceVQA.from_pretrained(OUT_DIR)` and transformers' own `from_pretrained` load.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from facevqa.errors import ConfigError

SPECIAL = {"pad": "<pad>", "eos": "<eos>", "bos": "<bos>", "unk": "<unk>", "image": "<image>"}
LLAVA_CHAT_TEMPLATE = (
    "{% for message in messages %}{% if message['role'] == 'user' %}USER: "
    "{% for item in message['content'] %}{% if item['type'] == 'image' %}<image>\n"
    "{% elif item['type'] == 'text' %}{{ item['text'] }}{% endif %}{% endfor %} "
    "{% else %}ASSISTANT: {% for item in message['content'] %}{{ item['text'] }}{% endfor %}"
    "{{ eos_token }}{% endif %}{% endfor %}{% if add_generation_prompt %}ASSISTANT:{% endif %}"
)


@dataclass(frozen=True)
class TinySpec:
    """Sizes of a tiny checkpoint. Defaults build in about a second."""

    image_size: int = 32
    patch_size: int = 8
    vision_hidden: int = 32
    vision_layers: int = 2
    text_hidden: int = 32
    text_layers: int = 2
    heads: int = 2
    intermediate: int = 64
    vocab_size: int = 600
    init_std: float = 0.2
    """Std of the random text weights. Larger than real-model defaults so that a tiny tied
    embedding can still express a peaked next-token distribution (LoRA has room to learn)."""
    seed: int = 0

    def __post_init__(self) -> None:
        if self.image_size % self.patch_size:
            raise ConfigError("image_size must be a multiple of patch_size")


def build_tokenizer(corpus: list[str], vocab_size: int):
    """A real byte-level BPE tokenizer trained on `corpus`, with the special tokens VLMs need."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE(unk_token=None))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=list(SPECIAL.values()),
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tok.train_from_iterator(corpus, trainer=trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token=SPECIAL["bos"], eos_token=SPECIAL["eos"],
        pad_token=SPECIAL["pad"], unk_token=SPECIAL["unk"],
        extra_special_tokens={"image_token": SPECIAL["image"]}, padding_side="left")
    return fast


def default_corpus() -> list[str]:
    """Text the tiny tokenizer is trained on: the project's prompts, templates and answers."""
    lines = ["answer en", "caption en", "USER:", "ASSISTANT:", "yes", "no", "not visible"]
    lines += [str(n) for n in range(0, 101)]
    try:
        from facevqa.tasks import corpus_lines
        lines += list(corpus_lines())
    except ImportError:
        pass
    return lines * 4


def build_tiny(family: str, out_dir: str | Path, spec: TinySpec | None = None) -> Path:
    """Build a tiny random checkpoint of `family` ("paligemma" or "llava") into `out_dir`."""
    import torch

    builders = {"paligemma": _build_paligemma, "llava": _build_llava}
    if family not in builders:
        raise ConfigError(f"unknown family {family!r}; valid: {', '.join(builders)}")
    spec = spec or TinySpec()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(spec.seed)
    model, processor = builders[family](spec, build_tokenizer(default_corpus(), spec.vocab_size))
    model.save_pretrained(out, safe_serialization=True)
    processor.save_pretrained(out)
    return out


def _vision_kwargs(spec: TinySpec) -> dict:
    return dict(hidden_size=spec.vision_hidden, intermediate_size=spec.intermediate,
                num_hidden_layers=spec.vision_layers, num_attention_heads=spec.heads,
                image_size=spec.image_size, patch_size=spec.patch_size)


def _text_kwargs(spec: TinySpec, tokenizer) -> dict:
    return dict(hidden_size=spec.text_hidden, intermediate_size=spec.intermediate,
                num_hidden_layers=spec.text_layers, num_attention_heads=spec.heads,
                num_key_value_heads=1, vocab_size=len(tokenizer),
                pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id,
                eos_token_id=tokenizer.eos_token_id, max_position_embeddings=512,
                initializer_range=spec.init_std)


def _build_paligemma(spec: TinySpec, tokenizer):
    from transformers import (
        GemmaConfig,
        PaliGemmaConfig,
        PaliGemmaForConditionalGeneration,
        PaliGemmaProcessor,
        SiglipImageProcessorPil,
        SiglipVisionConfig,
    )

    n_img = (spec.image_size // spec.patch_size) ** 2
    image_processor = SiglipImageProcessorPil(
        size={"height": spec.image_size, "width": spec.image_size}, image_seq_length=n_img,
        image_mean=[0.5] * 3, image_std=[0.5] * 3)
    image_processor.image_seq_length = n_img
    processor = PaliGemmaProcessor(image_processor=image_processor, tokenizer=tokenizer)
    tok = processor.tokenizer
    text = GemmaConfig(head_dim=spec.text_hidden // spec.heads, **_text_kwargs(spec, tok))
    config = PaliGemmaConfig(
        vision_config=SiglipVisionConfig(**_vision_kwargs(spec)).to_dict(),
        text_config=text.to_dict(), image_token_index=tok.convert_tokens_to_ids(SPECIAL["image"]),
        projection_dim=spec.text_hidden, hidden_size=spec.text_hidden)
    config.vision_config.projection_dim = spec.text_hidden
    config.text_config.vocab_size = len(tok)
    return PaliGemmaForConditionalGeneration(config).eval(), processor


def _build_llava(spec: TinySpec, tokenizer):
    from transformers import (
        CLIPImageProcessorPil,
        CLIPVisionConfig,
        LlamaConfig,
        LlavaConfig,
        LlavaForConditionalGeneration,
        LlavaProcessor,
    )

    image_processor = CLIPImageProcessorPil(
        size={"shortest_edge": spec.image_size},
        crop_size={"height": spec.image_size, "width": spec.image_size})
    processor = LlavaProcessor(
        image_processor=image_processor, tokenizer=tokenizer, patch_size=spec.patch_size,
        vision_feature_select_strategy="default", num_additional_image_tokens=1,
        chat_template=LLAVA_CHAT_TEMPLATE)
    config = LlavaConfig(
        vision_config=CLIPVisionConfig(**_vision_kwargs(spec)).to_dict(),
        text_config=LlamaConfig(**_text_kwargs(spec, tokenizer)).to_dict(),
        image_token_index=tokenizer.convert_tokens_to_ids(SPECIAL["image"]),
        vision_feature_select_strategy="default", vision_feature_layer=-1)
    return LlavaForConditionalGeneration(config).eval(), processor


def add_parser(sub) -> argparse.ArgumentParser:
    """`facevqa build tiny FAMILY OUT_DIR`."""
    p = sub.add_parser("tiny", help="a tiny random PaliGemma / LLaVA (self-made tokenizer)",
                       description=__doc__.splitlines()[0])
    p.add_argument("family", choices=["paligemma", "llava"])
    p.add_argument("out_dir")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    print(build_tiny(args.family, args.out_dir))
    return 0
