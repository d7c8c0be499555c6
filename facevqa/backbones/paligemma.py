"""PaliGemma: `<image>` tokens + BOS + prompt + newline; prefix attends bidirectionally."""

from __future__ import annotations

POSITION_OFFSET = 1
USES_TOKEN_TYPES = True


def format_prompts(processor, prompts: list[str]) -> list[str]:
    """The processor inserts BOS and the newline after the image tokens itself."""
    return [processor.image_token + p for p in prompts]
