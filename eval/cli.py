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
import dataclasses
import typing
from typing import Any

from facevqa.errors import ConfigError

NOT_FIELDS = ("config", "overrides", "compare", "heads")
"""Options that set no EvalConfig field of their own (--heads classical sets `model`)."""


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register the `eval` subcommand: --config, --set and one flag per EvalConfig field."""
    from eval.config import EvalConfig
    from facevqa.annotate import add_ray_args
    from facevqa.ask import add_model_args

    p = sub.add_parser("eval", help="evaluate on a held-out set; write a report",
                       description=__doc__.splitlines()[0],
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="\n".join(__doc__.splitlines()[1:]))
    p.add_argument("--config", metavar="FILE", help="YAML of EvalConfig fields")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help="override a field, e.g. --set limits.test=200 --set tasks=age,gender")
    add_model_args(p)
    add_ray_args(p)
    for action in p._actions:  # shared flags: only those given override the YAML
        if action.dest in {f.name for f in dataclasses.fields(EvalConfig)} | {"heads"}:
            action.default = argparse.SUPPRESS
    hints = typing.get_type_hints(EvalConfig)
    for f in dataclasses.fields(EvalConfig):
        add_field_flags(p, f, hints[f.name])
    p.add_argument("--compare", nargs=2, metavar=("DIR1", "DIR2"),
                   help="print a diff of two report folders instead of evaluating")
    p.set_defaults(run=run)
    return p


def _scalar(hint: Any) -> type | None:
    """int or float for a field of that type (optional or not); None for the rest."""
    args = [a for a in typing.get_args(hint) if a is not type(None)] or [hint]
    return args[0] if args[0] in (int, float) else None


def _help(f: dataclasses.Field) -> str:
    text = f.metadata.get("help", "")
    if f.default not in (dataclasses.MISSING, None, ()) and not isinstance(f.default, bool):
        text = f"{text} (default: {f.default})".strip()
    return text


def add_field_flags(p: argparse.ArgumentParser, f: dataclasses.Field, hint: Any) -> None:
    """The flag of one field: --NAME (dest NAME), or one flag per key of a mapping field (dest
    NAME.KEY); absent flags leave the field to the YAML and the defaults."""
    cli = dict(f.metadata.get("cli", {}))
    if cli.pop("shared", False):
        return
    keys, helps = cli.pop("keys", None), cli.pop("helps", {})
    if keys:
        for flag, key in keys.items():
            p.add_argument(flag, dest=f"{f.name}.{key}", default=argparse.SUPPRESS,
                           help=helps.get(flag), **cli)
        return
    flags = cli.pop("flags", (f"--{f.name.replace('_', '-')}",))
    kwargs: dict[str, Any] = {"dest": f.name, "default": argparse.SUPPRESS, "help": _help(f)}
    if hint is bool:
        kwargs["action"] = "store_false" if f.default else "store_true"
    elif _scalar(hint):
        kwargs["type"] = _scalar(hint)
    p.add_argument(*flags, **kwargs, **cli)


def flag_values(args: argparse.Namespace) -> dict[str, Any]:
    """Config key -> value of each flag given on the command line."""
    from eval.config import EvalConfig
    from facevqa.ask import parse_adapters

    names = {f.name for f in dataclasses.fields(EvalConfig)}
    given = {k: v for k, v in vars(args).items() if k.split(".")[0] in names}
    if "adapters" in given:
        given["adapters"] = parse_adapters(given["adapters"])
    if getattr(args, "heads", None) == "classical":
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
