"""Base + trainable parts: the LoRA config factory and the model preparation per method."""

from __future__ import annotations

import logging
from pathlib import Path

from facevqa.adapters import tied_head_ok
from facevqa.backbone import Backbone
from facevqa.loading import load_backbone
from finetune.config import LoraSpec, TrainConfig

log = logging.getLogger(__name__)

LANGUAGE = r".*language_model.*\.(q_proj|k_proj|v_proj|o_proj|gate_proj|up_proj|down_proj)"
PROJECTOR = r".*multi_modal_projector.*\.(linear|linear_1|linear_2)"
VISION = r".*vision_tower.*\.(q_proj|k_proj|v_proj|out_proj|fc1|fc2)"
OUTPUT_HEAD = r"(?:.*\.)?lm_head"
TARGET_PATTERNS = {
    "language": [LANGUAGE],
    "language+projector": [LANGUAGE, PROJECTOR],
    "language+projector+vision": [LANGUAGE, PROJECTOR, VISION],
}


def lora_config(spec: LoraSpec):
    """peft LoraConfig for `spec` (regex targets so vision and text modules are told apart)."""
    from peft import LoraConfig

    patterns = TARGET_PATTERNS[spec.targets] + ([OUTPUT_HEAD] if spec.output_head else [])
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
                if "vision_tower" in name:
                    p.requires_grad_(False)
    else:
        from peft import get_peft_model, prepare_model_for_kbit_training

        if cfg.method == "qlora":
            model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=False)
        with tied_head_ok():
            model = get_peft_model(model, lora_config(cfg.lora))
    bb.model = model.train()
    n_train = sum(p.numel() for p in model.parameters() if p.requires_grad)
    n_all = sum(p.numel() for p in model.parameters())
    log.info("trainable parameters: %d of %d (%.2f%%)", n_train, n_all, 100 * n_train / n_all)
    return bb
