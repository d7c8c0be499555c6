"""`facevqa eval`: evaluate a model (and baselines) on a held-out set, or compare two runs.

  facevqa eval --data synthetic --limit 2000 --baselines --out runs/eval
  facevqa eval --model out/bundle --data fairface:~/data/fairface --tasks age,gender --out DIR
  facevqa eval --config eval.yaml --set limits.test=200 --out DIR   # fields: eval/config.py
  facevqa eval --compare runs/a runs/b
  accelerate launch -m eval --data synthetic --out DIR        # one shard per process
  facevqa eval --data synthetic --out DIR --ray [ADDRESS]     # model actors on Ray Data
Each option is a field of EvalConfig: its default, then --config, then --set, then the flags.
Rerunning the same command resumes from DIR/predictions.jsonl.
"""

from __future__ import annotations

import argparse
from typing import Any

from facevqa.errors import ConfigError

NOT_FIELDS = ("config", "overrides", "compare", "heads")
"""Options that set no EvalConfig field of their own (--heads classical sets `model`)."""


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register the `eval` subcommand: --config, --set and one flag per EvalConfig field."""
    from eval.config import EvalConfig
    from facevqa.annotate import add_ray_args
    from facevqa.ask import add_model_args
    from facevqa.config import add_flags

    p = sub.add_parser("eval", help="evaluate on a held-out set; write a report",
                       description=__doc__.splitlines()[0],
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="\n".join(__doc__.splitlines()[1:]))
    p.add_argument("--config", metavar="FILE", help="YAML of EvalConfig fields")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help="override a field, e.g. --set limits.test=200 --set tasks=age,gender")
    add_model_args(p)
    add_ray_args(p)
    add_flags(p, EvalConfig)
    p.add_argument("--compare", nargs=2, metavar=("DIR1", "DIR2"),
                   help="print a diff of two report folders instead of evaluating")
    p.set_defaults(run=run)
    return p


def flag_values(args: argparse.Namespace) -> dict[str, Any]:
    """Config key -> value of each flag given on the command line."""
    from eval.config import EvalConfig
    from facevqa.ask import parse_adapters
    from facevqa.config import given_flags

    given = given_flags(args, EvalConfig)
    if "adapters" in given:
        given["adapters"] = parse_adapters(given["adapters"])
    if args.heads == "classical":
        given["model"] = "classical"
    return given


def config_from_args(args: argparse.Namespace) -> Any:
    """EvalConfig from --config, --set and the flags (usage errors raise ConfigError)."""
    from eval.config import EvalConfig
    from facevqa.config import load_config

    return load_config(EvalConfig, args.config, args.overrides, flag_values(args))


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
