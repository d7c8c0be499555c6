"""Backbone families: what differs between VLM families, kept as data (one `Family` each).

Every family runs through the same generic path (AutoModelForImageTextToText + AutoProcessor +
the chat template, facevqa/backbone.py); a family module only defines `FAMILY`. A registry maps
family names and transformers `model_type`s to them, lazily.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from facevqa.errors import ConfigError


@dataclass(frozen=True)
class Family:
    """How one VLM family is prompted, positioned, extended and adapted."""

    name: str
    model_types: tuple[str, ...]
    prompt: str = "chat"
    """'chat': the processor's chat template, one user turn holding the image then the text;
    'image_prefix': the processor's image token + the text (PaliGemma)."""
    prompt_style: str = "llava"
    """Which prompt table of facevqa.tasks.prompts words the task prompts: 'paligemma' (task
    prefixes like "answer en ...") or 'llava' (instructions for chat-tuned models)."""
    chat_template: str | None = None
    """Template used when a checkpoint ships none (the family's published format)."""
    position_offset: int = 0
    """First position id (PaliGemma counts from 1)."""
    rope: str = "1d"
    """'1d': positions count the unpadded tokens; 'mrope': the model's own get_rope_index
    (Qwen-VL: 3-axis positions over the image grid)."""
    answer_token_types: dict[str, int] = field(default_factory=dict)
    """Per-token id tensors of the processor (token_type_ids, mm_token_type_ids) and the value
    answer tokens get (default 0: text). PaliGemma marks its suffix with 1."""
    nested_images: bool = False
    """The processor takes one list of images per text row (Gemma 3, Idefics3)."""
    processor_kwargs: dict = field(default_factory=dict)
    """Per-call processor settings for face crops (bounded resolution, no tiling)."""
    language: str = "language_model"
    """Module name of the language model (LoRA 'language' targets live under it)."""
    vision: tuple[str, ...] = ("vision_tower",)
    projector: tuple[str, ...] = ("multi_modal_projector",)
    vision_linear: tuple[str, ...] = ("q_proj", "k_proj", "v_proj", "out_proj", "fc1", "fc2")
    projector_linear: tuple[str, ...] = ("linear", "linear_1", "linear_2")

    def format_prompts(self, processor, prompts: list[str]) -> list[str]:
        """The model's input text for each prompt (image placeholder included)."""
        if self.prompt == "image_prefix":
            return [processor.image_token + p for p in prompts]
        # the tokenizer renders the template: some processors' own apply_chat_template
        # consult their video processor, which may be absent (facevqa.loading.image_only)
        template = getattr(processor, "chat_template", None) or self.chat_template
        return [processor.tokenizer.apply_chat_template(
            [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": p}]}],
            chat_template=template, add_generation_prompt=True, tokenize=False)
            for p in prompts]

    def kept_full_precision(self) -> list[str]:
        """Module names left out of 4-bit quantisation: vision side, projector, output head."""
        names = [*self.vision, *self.projector]
        return names + [f".*{n}" for n in names] + ["lm_head"]


FAMILIES = {
    "paligemma": "facevqa.backbones.paligemma",
    "llava": "facevqa.backbones.llava",
    "gemma3": "facevqa.backbones.gemma3",
    "qwen_vl": "facevqa.backbones.qwen_vl",
    "idefics3": "facevqa.backbones.idefics3",
}
MODEL_TYPES = {
    "paligemma": "paligemma",
    "llava": "llava",
    "llava_next": "llava",
    "llava_onevision": "llava",
    "gemma3": "gemma3",
    "qwen2_vl": "qwen_vl",
    "qwen2_5_vl": "qwen_vl",
    "qwen3_vl": "qwen_vl",
    "idefics3": "idefics3",
    "smolvlm": "idefics3",
}


def get_family(name: str) -> Family:
    """The family registered under `name`."""
    if name not in FAMILIES:
        raise ConfigError(f"unknown backbone family {name!r}; valid: {', '.join(FAMILIES)}")
    return importlib.import_module(FAMILIES[name]).FAMILY


def family_of(model_type: str) -> str:
    """Family name for a transformers `config.model_type`."""
    try:
        return MODEL_TYPES[model_type]
    except KeyError:
        raise ConfigError(f"unsupported model type {model_type!r}; supported: "
                          f"{', '.join(MODEL_TYPES)}") from None
