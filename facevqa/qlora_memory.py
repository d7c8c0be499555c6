"""How much accelerator memory QLoRA training of each family's published model needs, estimated
from its real-width build (parameter counts at full depth on the meta device, image tokens from
its real processor on a face crop).

Run: facevqa qlora-memory [NAME ...] [--batch 4]
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, replace

GIB = 1024 ** 3


@dataclass(frozen=True)
class MemoryEstimate:
    """Bytes of one QLoRA training step, by part."""

    name: str
    quantized_params: int
    """Language-model linear weights: 4-bit nf4 (0.5 byte + ~3% double-quant constants)."""
    plain_params: int
    """Embeddings, vision tower, projector, output head, norms: bf16."""
    lora_params: int
    """Rank-16 LoRA on the LM's attention and MLP: fp32 weight, gradient, two Adam moments."""
    sequence: int
    """Tokens of one example: image tokens of a 224x224 face crop + prompt + answer."""
    activation_bytes: int
    """Saved activations of the LM (bf16, no gradient checkpointing) and the fp32 logits."""

    @property
    def total_gib(self) -> float:
        weights = self.quantized_params * 0.5 * 1.03 + self.plain_params * 2
        return (weights + self.lora_params * 16 + self.activation_bytes) / GIB


def estimate(name: str, batch: int = 4, r: int = 16) -> MemoryEstimate:
    """QLoRA memory of build `name`'s published model at `batch` examples per step."""
    import torch

    from facevqa.backbones import family_of, get_family
    from facevqa.families_build import BUILDS
    from facevqa.real_tokenizers import load_tokenizer

    spec = BUILDS[name]
    widths = replace(spec.real, text_layers=spec.depth[0], vision_layers=spec.depth[1])
    with torch.device("meta"):
        model, processor = spec.make(widths, load_tokenizer(spec.tokenizer))
    family = get_family(family_of(model.config.model_type))
    quantized = lora = plain = 0
    for mod_name, module in model.named_modules():
        if isinstance(module, torch.nn.Linear) and f"{family.language}." in mod_name + ".":
            quantized += module.weight.numel()
            lora += r * (module.in_features + module.out_features)
    plain = sum(p.numel() for p in model.parameters()) - quantized
    seq = _sequence(family, processor) + 16
    w = spec.real
    per_layer = seq * batch * w.text_hidden * 34 + 5 * w.text_heads * seq * seq * batch
    vocab = model.get_output_embeddings().out_features  # the published padded width
    logits = batch * seq * vocab * 4 * 2
    return MemoryEstimate(name, quantized, plain, lora, seq,
                          per_layer * spec.depth[0] + logits)


def _sequence(family, processor) -> int:
    from PIL import Image

    text = family.format_prompts(processor, ["What emotion is shown? Answer with one word."])
    images = [[Image.new("RGB", (224, 224))]] if family.nested_images else [
        Image.new("RGB", (224, 224))]
    out = processor(images=images, text=text, return_tensors="pt", **family.processor_kwargs)
    return int(out["input_ids"].shape[1])


def add_parser(sub) -> argparse.ArgumentParser:
    from facevqa.families_build import BUILDS

    p = sub.add_parser("qlora-memory", help="estimated QLoRA training memory per family",
                       description=__doc__.splitlines()[0])
    p.add_argument("names", nargs="*", default=sorted(BUILDS), metavar="NAME",
                   help=f"builds to estimate (default: all of {', '.join(sorted(BUILDS))})")
    p.add_argument("--batch", type=int, default=4, help="examples per training step")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    from facevqa.errors import ConfigError
    from facevqa.families_build import BUILDS

    unknown = [n for n in args.names if n not in BUILDS]
    if unknown:
        raise ConfigError(f"unknown build(s) {unknown}; valid: {', '.join(sorted(BUILDS))}")
    print("| build | model | 4-bit LM params | bf16 params | LoRA r=16 | tokens | GiB (batch "
          f"{args.batch}) |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name in args.names:
        e = estimate(name, args.batch)
        print(f"| {name} | {BUILDS[name].model_id} | {e.quantized_params / 1e9:.2f} B | "
              f"{e.plain_params / 1e9:.2f} B | {e.lora_params / 1e6:.0f} M | {e.sequence} | "
              f"{e.total_gib:.1f} |")
    return 0
