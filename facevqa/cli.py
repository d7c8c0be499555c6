"""The `facevqa` command: subcommands are registered by the packages that own them.

facevqa's own subcommands (ask, annotate, data, bench, route) are listed here; the library's
users (finetune, eval, demo) register theirs as entry points in the `facevqa.commands` group,
so facevqa never imports them. Each subcommand module exposes add_parser(subparsers) and
run(args) -> int.
Exit codes: 0 ok, 1 run failed, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from importlib.metadata import entry_points

from facevqa.errors import ConfigError, FaceVQAError, ModelLoadError

BUILTIN = {
    "ask": "facevqa.ask",
    "annotate": "facevqa.annotate",
    "data": "facevqa.data.cli",
    "bench": "facevqa.bench",
    "route": "facevqa.route_cli",
}


def _commands() -> dict[str, str]:
    found = {ep.name: ep.value for ep in entry_points(group="facevqa.commands")}
    return {**BUILTIN, **found}


def build_parser(commands: dict[str, str] | None = None,
                 only: str | None = None) -> argparse.ArgumentParser:
    """The full parser; with `only`, import just that subcommand (fast start)."""
    commands = commands or _commands()
    parser = argparse.ArgumentParser(prog="facevqa", description="Ask questions about faces.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in commands.items():
        if only is None or name == only:
            importlib.import_module(module).add_parser(sub)
        else:
            sub.add_parser(name, help=f"(see facevqa {name} --help)")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    commands = _commands()
    chosen = next((a for a in argv if a in commands), None)
    parser = build_parser(commands, only=chosen)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    _setup_logging(args.verbose)
    try:
        return int(args.run(args) or 0)
    except (ConfigError, ModelLoadError) as e:
        print(f"facevqa {args.command}: error: {e}", file=sys.stderr)
        return 2
    except FaceVQAError as e:
        print(f"facevqa {args.command}: failed: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 1


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if verbose < 2:
        try:
            from transformers.utils import logging as hf_logging

            hf_logging.set_verbosity_error()
            hf_logging.disable_progress_bar()
        except ImportError:
            pass


if __name__ == "__main__":
    raise SystemExit(main())
