"""A loaded VLM: model + processor + family, with the batched encode / generate / extend steps."""

from __future__ import annotations

import functools
import logging
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from PIL import Image

from facevqa.backbones import Family, get_family

log = logging.getLogger(__name__)


@dataclass
class Backbone:
    """A vision-language model ready for batched inference and training."""

    model: Any
    processor: Any
    family: str
    name: str
    folder: Path | None = None
    """The local checkpoint folder it was loaded from (a hub id resolves to its snapshot)."""

    @property
    def spec(self) -> Family:
        return get_family(self.family)

    @property
    def prompt_style(self) -> str:
        """The facevqa.tasks prompt table this family's task prompts come from."""
        return self.spec.prompt_style

    @property
    def tokenizer(self):
        return self.processor.tokenizer

    @property
    def device(self) -> torch.device:
        return next(self.model.parameters()).device

    def encode(self, images: list, prompts: list[str]) -> dict[str, torch.Tensor]:
        """Prefix batch (image + prompt), left padded, on the model's device."""
        text = self.spec.format_prompts(self.processor, [self.sanitize(p) for p in prompts])
        images = self._presized(images)
        if self.spec.nested_images:
            images = [[im] for im in images]
        batch = self.processor(images=images, text=text, return_tensors="pt",
                               padding="longest", **self.spec.processor_kwargs)
        batch.pop("labels", None)
        dtype = self.model.dtype
        return {k: (v.to(self.device, dtype) if v.is_floating_point() else v.to(self.device))
                for k, v in batch.items()}

    def _presized(self, images: list) -> list:
        """RGB images brought to the processor's fixed size with its own filter, on a thread
        pool (Pillow resizes outside the GIL): the processor's resize is then a plain copy, so
        its output is unchanged. Processors that resize by shortest edge, or tile by the image's
        own size (anyres), get the images as is."""
        proc = getattr(self.processor, "image_processor", None)
        size = getattr(proc, "size", None)
        h, w = getattr(size, "height", None), getattr(size, "width", None)
        tiled = getattr(proc, "image_grid_pinpoints", None)  # anyres: tiles follow the size
        if len(images) < 2 or tiled or not (h and w and getattr(proc, "do_resize", False)):
            return images
        filt = proc.resample if proc.resample is not None else Image.Resampling.BILINEAR

        def one(im):
            if isinstance(im, Image.Image) and im.mode == "RGB" and im.size != (w, h):
                return im.resize((w, h), resample=filt)
            return im
        return list(_resize_pool().map(one, images))

    def sanitize(self, prompt: str) -> str:
        """Remove control-token strings (<image>, <bos>, <loc0001>...) from user text, so a
        question can neither add image placeholders nor forge turns."""
        return self._control_tokens().sub("", prompt)

    def _control_tokens(self) -> re.Pattern:
        if not hasattr(self, "_control_re"):
            tok = self.tokenizer
            words = set(tok.all_special_tokens) | set(tok.get_added_vocab())
            words.add(getattr(self.processor, "image_token", "<image>"))
            words = sorted((w for w in words if w), key=len, reverse=True)
            self._control_re = re.compile("|".join(map(re.escape, words)) or "(?!)")
        return self._control_re

    def positions(self, batch: dict) -> torch.Tensor:
        """Position ids of a (left-padded) batch as generate() computes them: [B, L], or
        [3, B, L] for families whose rotary positions follow the image grid."""
        mask = batch["attention_mask"]
        if self.spec.rope == "mrope":
            owner = self._rope_owner()
            grids = {k: batch[k] for k in ("image_grid_thw", "mm_token_type_ids") if k in batch}
            return owner.get_rope_index(batch["input_ids"], attention_mask=mask, **grids)[0]
        pos = (mask.long().cumsum(-1) - 1).clamp(min=0)
        return pos + self.spec.position_offset

    def _rope_owner(self):
        """The inner module computing multimodal rotary positions (under any peft wrapper)."""
        cached = self.__dict__.get("_rope")
        if cached is None or cached[0] is not self.model:
            owner = next(m for m in self.model.modules() if hasattr(m, "get_rope_index"))
            cached = self.__dict__["_rope"] = (self.model, owner)
        return cached[1]

    def suffix_ids(self, texts: list[str], eos: bool) -> list[list[int]]:
        """Token ids of answer texts (no BOS), optionally ending in EOS (label sets repeat
        every batch: each distinct set is tokenised once)."""
        cache = self.__dict__.setdefault("_suffixes", {})
        key = (tuple(texts), eos)
        if key not in cache:
            ids = self.tokenizer(list(texts), add_special_tokens=False)["input_ids"]
            end = [self.tokenizer.eos_token_id] if eos else []
            cache[key] = [list(i) + end for i in ids]
            if len(cache) > 256:
                cache.pop(next(iter(cache)))
        return [list(i) for i in cache[key]]

    def extend(self, batch: dict, suffixes: list[list[int]], labels: bool = False) -> dict:
        """Append suffix tokens to each row of a prefix batch and re-pad on the left.

        Per-token tensors of the processor (token types) are extended with the family's answer
        value. With labels=True the batch also gets `labels` covering only the suffix tokens.
        """
        pad = self.tokenizer.pad_token_id
        ids, mask = batch["input_ids"], batch["attention_mask"].bool()
        per_token = [k for k, v in batch.items() if k not in ("input_ids", "attention_mask")
                     and isinstance(v, torch.Tensor) and v.shape == ids.shape
                     and not v.is_floating_point()]
        rows, labs = [], []
        extra: dict[str, list[list[int]]] = {k: [] for k in per_token}
        for i, suf in enumerate(suffixes):
            prefix = ids[i][mask[i]].tolist()
            rows.append(prefix + suf)
            labs.append([-100] * len(prefix) + suf)
            for k in per_token:
                value = self.spec.answer_token_types.get(k, 0)
                extra[k].append(batch[k][i][mask[i]].tolist() + [value] * len(suf))
        width = max(map(len, rows))
        out = dict(batch)
        out["input_ids"] = _left_pad(rows, width, pad)
        out["attention_mask"] = _left_pad([[1] * len(r) for r in rows], width, 0)
        for k in per_token:
            out[k] = _left_pad(extra[k], width, 0).to(batch[k].dtype)
        if labels:
            out["labels"] = _left_pad(labs, width, -100)
        dev = self.device
        return {k: (v.to(dev) if isinstance(v, torch.Tensor) else v) for k, v in out.items()}

    @torch.inference_mode()
    def generate_ids(self, batch: dict, max_new_tokens: int = 32, **kwargs) -> list[list[int]]:
        """Greedy batched generation; the new token ids of each row, up to its EOS."""
        out = self.model.generate(**batch, max_new_tokens=max_new_tokens, do_sample=False,
                                  pad_token_id=self.tokenizer.pad_token_id, **kwargs)
        eos = self.tokenizer.eos_token_id
        rows = out[:, batch["input_ids"].shape[1]:].tolist()
        return [r[:r.index(eos)] if eos in r else r for r in rows]

    def generate(self, batch: dict, max_new_tokens: int = 32, **kwargs) -> list[str]:
        """Greedy batched generation; the new text of each row."""
        ids = self.generate_ids(batch, max_new_tokens, **kwargs)
        return [t.strip() for t in self.tokenizer.batch_decode(ids, skip_special_tokens=True)]


@functools.lru_cache(maxsize=1)
def _resize_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=min(4, os.cpu_count() or 1),
                              thread_name_prefix="facevqa-resize")


def _left_pad(rows: list[list[int]], width: int, value: int) -> torch.Tensor:
    return torch.tensor([[value] * (width - len(r)) + r for r in rows], dtype=torch.long)
