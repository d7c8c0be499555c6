"""`facevqa eval`: evaluate a model (and baselines) on a held-out set, or compare two runs.

  facevqa eval --data synthetic --limit 2000 --baselines --out runs/eval
  facevqa eval --model out/bundle --data fairface:~/data/fairface --tasks age,gender --out DIR
  facevqa eval --compare runs/a runs/b
  accelerate launch -m eval --data synthetic --out DIR        # one shard per process
  facevqa eval --data synthetic --out DIR --ray [ADDRESS]     # model actors on Ray Data
Rerunning the same command resumes from DIR/predictions.jsonl.
"""

from __future__ import annotations

import argparse
from typing import Any

from facevqa.errors import ConfigError


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register the `eval` subcommand."""
    from facevqa.ask import add_model_args

    p = sub.add_parser("eval", help="evaluate on a held-out set; write a report",
                       description=__doc__.splitlines()[0],
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="\n".join(__doc__.splitlines()[1:]))
    add_model_args(p)
    p.add_argument("--data", help="synthetic, SOURCE:PATH (a facevqa.data source) or "
                                  "disk:PATH (a folder written by `facevqa data build`)")
    p.add_argument("--out", help="report folder (predictions, metrics.json, report.md, ...)")
    p.add_argument("--tasks", help="comma-separated tasks (default: age,emotion,gender,"
                                   "attribute,spoof,caption)")
    p.add_argument("--limit", type=int, help="test images (synthetic default 500; real: all)")
    p.add_argument("--dev-limit", type=int, help="dev images (synthetic default 300; 0: none)")
    p.add_argument("--train-limit", type=int,
                   help="train images for the baselines (synthetic default 2000; "
                        "none drawn without --baselines)")
    p.add_argument("--baselines", nargs="?", const="prior,probe,cnn,classical", default="",
                   metavar="NAMES", help="also score baselines (default prior,probe,cnn,classical)")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--max-new-tokens", type=int, default=48,
                   help="generated tokens for explanations and captions")
    p.add_argument("--max-attributes", type=int, default=4,
                   help="attribute questions per image (0: all)")
    p.add_argument("--faces", default="auto", choices=["auto", "largest", "none"],
                   help="auto: none for synthetic face crops, detect the largest face otherwise")
    p.add_argument("--route", action="store_true",
                   help="let the router pick the task from the question (default: force it)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--n-boot", type=int, default=1000, help="bootstrap resamples (fairness)")
    p.add_argument("--workers", type=int, default=2, help="processes drawing synthetic data")
    p.add_argument("--no-plots", action="store_true", help="tables only")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    from facevqa.annotate import add_ray_args

    add_ray_args(p)
    p.add_argument("--compare", nargs=2, metavar=("DIR1", "DIR2"),
                   help="print a diff of two report folders instead of evaluating")
    p.set_defaults(run=run)
    return p


def _csv(text: str | None) -> tuple[str, ...] | None:
    items = tuple(t.strip() for t in (text or "").split(",") if t.strip())
    return items or None


def config_from_args(args: argparse.Namespace) -> Any:
    """EvalConfig from parsed options (usage errors raise ConfigError)."""
    from pathlib import Path

    from eval.run import EvalConfig
    from facevqa.ask import parse_adapters

    if not args.data or not args.out:
        raise ConfigError("facevqa eval needs --data and --out (or --compare DIR1 DIR2)")
    model = "classical" if args.heads == "classical" else args.model
    limits = {k: v for k, v in (("test", args.limit), ("dev", args.dev_limit),
                                ("train", args.train_limit)) if v is not None}
    return EvalConfig(
        data=args.data, out=Path(args.out).expanduser(), model=model,
        adapters=parse_adapters(args.adapters), device=args.device,
        load_in_4bit=args.load_in_4bit, tasks=_csv(args.tasks), limits=limits,
        baselines=_csv(args.baselines) or (), batch_size=args.batch_size,
        max_new_tokens=args.max_new_tokens, max_attributes=args.max_attributes or None,
        faces=args.faces, route=args.route, seed=args.seed, n_boot=args.n_boot,
        workers=args.workers, progress=not args.no_progress, plots=not args.no_plots,
        ray=args.ray, ray_workers=args.ray_workers)


def run(args: argparse.Namespace) -> int:
    """Compare two runs, or evaluate and print where the report went."""
    if args.compare:
        from eval.compare import compare_runs

        try:
            print(compare_runs(*args.compare))
        except FileNotFoundError as e:
            raise ConfigError(str(e)) from e
        return 0
    import sys

    from eval.predictions import PredictionStoreError
    from eval.run import run_eval

    try:
        paths = run_eval(config_from_args(args))
    except PredictionStoreError as e:
        print(f"facevqa eval: failed: {e}", file=sys.stderr)
        return 1
    if paths is not None:
        print(f"report: {paths['report.md']}")
        print(f"metrics: {paths['metrics.json']}")
    return 0
