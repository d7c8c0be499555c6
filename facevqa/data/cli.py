"""`facevqa data`: build QA data sets (synthetic or from a real source) and look at them.

  facevqa data synth --n 2000 --out data/synth [--seed 0]
  facevqa data build fairface --root ~/datasets/fairface --out data/fairface [--limit 1000]
  facevqa data build --config recipe.yaml --set limit=1000   # fields: facevqa/data/config.py
  facevqa data pseudo-label --teacher classical --images photos/ --out data/pseudo [--list kept.txt]
  facevqa data sources
  facevqa data sheet --out docs/synthetic_contact_sheet.png
  facevqa data learnability [--train 2000 --test 500]
  facevqa data stream-bench [--sizes 10000,1000000]
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from facevqa.errors import ConfigError


def _config_options(p: argparse.ArgumentParser, cls: type) -> None:
    """--config, --set and one flag per field of `cls` (facevqa.data.config)."""
    from facevqa.config import add_flags

    p.add_argument("--config", metavar="FILE", help=f"YAML of {cls.__name__} fields")
    p.add_argument("--set", dest="overrides", action="append", default=[], metavar="KEY=VALUE",
                   help="override a field, e.g. --set phrasings=3 --set tasks=age,gender")
    add_flags(p, cls)


def _config(args: argparse.Namespace, cls: type) -> Any:
    """`cls` from --config, --set and the flags given (usage errors raise ConfigError)."""
    from facevqa.config import given_flags, load_config

    return load_config(cls, args.config, args.overrides, given_flags(args, cls))


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register `data` and its subcommands."""
    parser = subparsers.add_parser("data", help="build and inspect QA data sets",
                                   description=__doc__.splitlines()[0])
    from facevqa.data.config import BuildConfig, SynthConfig

    sub = parser.add_subparsers(dest="data_command", metavar="ACTION", required=True)
    p = sub.add_parser("synth", help="build a synthetic QA data set")
    _config_options(p, SynthConfig)
    p = sub.add_parser("build", help="build a QA data set from a real source")
    p.add_argument("source", nargs="?", default=argparse.SUPPRESS,
                   help="source name (see `facevqa data sources`; or `source:` in --config)")
    _config_options(p, BuildConfig)
    _pseudo_label_parser(sub)
    sub.add_parser("sources", help="list source names")
    p = sub.add_parser("sheet", help="write a contact sheet of synthetic samples")
    p.add_argument("--out", required=True)
    p.add_argument("--n", type=int, default=32)
    p.add_argument("--seed", type=int, default=0)
    p = sub.add_parser("learnability", help="classical heads on synthetic images vs chance")
    p.add_argument("--train", type=int, default=2000)
    p.add_argument("--test", type=int, default=500)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--margin", type=float, default=0.2,
                   help="how far above chance every task must be")
    p = sub.add_parser("stream-bench", help="peak memory streaming 10k vs 1M parquet rows")
    p.add_argument("--sizes", default="10000,1000000")
    p.add_argument("--workdir", default=None)
    parser.set_defaults(run=run)
    return parser


def _pseudo_label_parser(sub: Any) -> None:
    p = sub.add_parser("pseudo-label", help="label unlabelled face photos with a teacher model")
    p.add_argument("--teacher", default="classical", help="teacher (classical: packaged heads)")
    p.add_argument("--images", required=True, help="folder of photos (searched recursively)")
    p.add_argument("--list", default=None, dest="list_file",
                   help="file of image paths relative to --images, one a line (e.g. kept.txt)")
    p.add_argument("--faces", choices=("detect", "crop"), default="detect",
                   help="detect: find the largest face; crop: inputs are already face crops")
    for task in ("age", "gender", "emotion"):
        p.add_argument(f"--min-{task}", type=float, default=None,
                       help=f"drop {task} labels under this probability (default: the task's "
                            "abstain threshold)")
    p.add_argument("--shard-size", type=int, default=256,
                   help="images per labels shard (a rerun skips finished shards)")
    p.add_argument("--batch-size", type=int, default=16)
    from facevqa.annotate import add_ray_args

    add_ray_args(p)
    from facevqa.data.config import QAOptions

    _config_options(p, QAOptions)


def _quiet_datasets() -> None:
    """One progress bar (ours, per row) instead of datasets' per-stage bars."""
    from datasets.utils.logging import disable_progress_bar

    disable_progress_bar()


def _print_summary(summary: Any) -> int:
    print(json.dumps(summary.to_dict(), indent=2))
    return 0 if summary.examples else 1


def _synth(args: argparse.Namespace) -> int:
    from facevqa.data.build import build_synthetic
    from facevqa.data.config import SynthConfig

    c = _config(args, SynthConfig)
    _quiet_datasets()
    return _print_summary(build_synthetic(
        c.n, c.out, seed=c.seed, spoof_rate=c.spoof_rate, nonface_rate=c.nonface_rate,
        config=c.qa(), progress=True, image_format=c.image_format, face_crops=c.face_crops))


def _build(args: argparse.Namespace) -> int:
    from facevqa.data.build import build_dataset
    from facevqa.data.config import BuildConfig

    c = _config(args, BuildConfig)
    _quiet_datasets()
    return _print_summary(build_dataset(
        c.source, c.root, c.out, limit=c.limit, config=c.qa(), options=c.options(),
        progress=True, image_format=c.image_format))


def _pseudo_label(args: argparse.Namespace) -> int:
    from facevqa.data.config import QAOptions
    from facevqa.data.pseudo_label import TASKS, PseudoLabelConfig, pseudo_label

    options = _config(args, QAOptions)
    qa = options.qa()
    _quiet_datasets()
    config = PseudoLabelConfig(
        teacher=args.teacher, faces=args.faces, tasks=tuple(t for t in qa.tasks if t in TASKS),
        min_age=args.min_age, min_gender=args.min_gender, min_emotion=args.min_emotion,
        shard_size=args.shard_size, batch_size=args.batch_size, qa=qa,
        image_format=options.image_format)
    from facevqa.annotate import ray_config

    summary = pseudo_label(args.images, options.out, config, list_file=args.list_file,
                           progress=True, ray=ray_config(args))
    print(json.dumps(summary.to_dict(), indent=2))
    return 0 if summary.examples else 1


def _sources(args: argparse.Namespace) -> int:
    from facevqa.data.sources import source_names

    print("\n".join(source_names()))
    return 0


def _sheet(args: argparse.Namespace) -> int:
    from facevqa.data.sheet import synthetic_sheet

    synthetic_sheet(args.n, args.seed).quantize(256).save(args.out, optimize=True)
    print(args.out)
    return 0


def _learnability(args: argparse.Namespace) -> int:
    from facevqa.data.learnability import evaluate_learnability, format_scores

    scores = evaluate_learnability(args.train, args.test, args.seed, args.margin)
    print(format_scores(scores))
    return 0 if all(s.passed for s in scores) else 1


def _stream_bench(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from facevqa.data.bench_stream import bench_stream

    result = bench_stream(tuple(int(s) for s in args.sizes.split(",")), args.workdir)
    print(json.dumps({**asdict(result), "holds": result.holds}, indent=2))
    return 0 if result.holds else 1


ACTIONS = {"synth": _synth, "build": _build, "pseudo-label": _pseudo_label, "sources": _sources,
           "sheet": _sheet, "learnability": _learnability, "stream-bench": _stream_bench}


def run(args: argparse.Namespace) -> int:
    """Run the chosen `data` action; exit code 0 ok, 1 failed (nothing built / goal missed)."""
    action = ACTIONS.get(args.data_command)
    if action is None:
        raise ConfigError(f"unknown data action {args.data_command!r}; valid: {', '.join(ACTIONS)}")
    return action(args)
