"""LLaVA family (LLaVA-1.5, NeXT, OneVision): the processor's chat template, one image per turn."""

from __future__ import annotations

POSITION_OFFSET = 0
USES_TOKEN_TYPES = False


def format_prompts(processor, prompts: list[str]) -> list[str]:
    """One user turn holding the image and the prompt, then the assistant's generation prompt."""
    return [
        processor.apply_chat_template(
            [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": p}]}],
            add_generation_prompt=True, tokenize=False)
        for p in prompts
    ]
