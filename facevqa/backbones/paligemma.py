"""PaliGemma and PaliGemma 2: `<image>` tokens + BOS + prompt + newline; the prefix attends
bidirectionally (token type 0), the answer causally (token type 1); positions count from 1."""

from __future__ import annotations

from facevqa.backbones import Family

FAMILY = Family(name="paligemma", model_types=("paligemma",), prompt="image_prefix",
                prompt_style="paligemma", position_offset=1,
                answer_token_types={"token_type_ids": 1})
