"""Base + trainable parts: the LoRA config factory and the model preparation per method."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from facevqa.adapters import tied_head_ok
from facevqa.backbone import Backbone
from facevqa.backbones import Family, get_family
from facevqa.loading import load_backbone
from finetune.config import LoraSpec, TrainConfig

log = logging.getLogger(__name__)

LANGUAGE_LINEAR = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")
OUTPUT_HEAD = r"(?:.*\.)?lm_head"


def target_patterns(targets: str, family: Family) -> list[str]:
    """Regexes of the linear layers LoRA adapts for `targets` ('language', '+projector',
    '+vision') in `family`'s module names (vision and text layers share names, so the owning
    module is part of each pattern)."""
    def under(owners, layers):
        owner = "|".join(re.escape(o) for o in owners)
        return rf".*(?:{owner})\.(?:.*\.)?(?:{'|'.join(re.escape(x) for x in layers)})"

    parts = {"language": under([family.language], LANGUAGE_LINEAR),
             "projector": under(family.projector, family.projector_linear),
             "vision": under(family.vision, family.vision_linear)}
    return [parts[t] for t in targets.split("+")]


def lora_config(spec: LoraSpec, family: str = "paligemma"):
    """peft LoraConfig for `spec` (regex targets so vision and text modules are told apart)."""
    from peft import LoraConfig

    patterns = target_patterns(spec.targets, get_family(family))
    patterns += [OUTPUT_HEAD] if spec.output_head else []
    return LoraConfig(r=spec.r, lora_alpha=spec.alpha, lora_dropout=spec.dropout,
                      target_modules="|".join(f"(?:{p})" for p in patterns),
                      bias="none", task_type="CAUSAL_LM")


def resolve_base(base: str, work_dir: Path) -> str | Path:
    """'tiny' builds a tiny PaliGemma under work_dir; 'default' is the embedded base."""
    from facevqa.model import bundle_parts

    if base == "tiny":
        from facevqa.tiny import build_tiny

        folder = work_dir / "base-tiny"
        return folder if (folder / "config.json").exists() else build_tiny("paligemma", folder)
    if base == "default":
        from facevqa.default import default_model_dir

        base = str(default_model_dir())
    return bundle_parts(base)[0]


def load_for_training(cfg: TrainConfig, work_dir: Path, device: str = "auto") -> Backbone:
    """Load the base and make the configured parts trainable."""
    import torch

    bb = load_backbone(resolve_base(cfg.base, work_dir), device=device,
                       load_in_4bit=cfg.method == "qlora", dtype=torch.float32
                       if cfg.method != "qlora" else None)
    model = bb.model
    if cfg.method == "full":
        model.requires_grad_(True)
        if not cfg.train_vision:
            for name, p in model.named_parameters():
                if any(v in name for v in bb.spec.vision):
                    p.requires_grad_(False)
    else:
        from peft import get_peft_model, prepare_model_for_kbit_training

        if cfg.method == "qlora":
            model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=False)
        with tied_head_ok():
            model = get_peft_model(model, lora_config(cfg.lora, bb.family))
    bb.model = model.train()
    n_train = sum(p.numel() for p in model.parameters() if p.requires_grad)
    n_all = sum(p.numel() for p in model.parameters())
    log.info("trainable parameters: %d of %d (%.2f%%)", n_train, n_all, 100 * n_train / n_all)
    return bb
