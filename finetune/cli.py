"""`facevqa train --config RECIPE.yaml [--set key=value ...] [--resume]`."""

from __future__ import annotations

import argparse


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("train", help="fine-tune a task adapter (LoRA / QLoRA / full)",
                       description=__doc__.splitlines()[0])
    p.add_argument("--config", help="YAML recipe (finetune/configs/*.yaml)")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help="override a config value, e.g. --set lora.r=8 --set steps=300")
    p.add_argument("--resume", action="store_true",
                   help="continue from the newest checkpoint in the output folder")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    from facevqa.config import load_config
    from finetune.config import TrainConfig
    from finetune.train import train

    cfg = load_config(TrainConfig, args.config, args.overrides)
    path = train(cfg, resume=args.resume, progress=not args.no_progress)
    print(f"saved {path}")
    return 0
