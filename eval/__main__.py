"""`python -m eval ...` (and `accelerate launch -m eval ...`): the same as `facevqa eval ...`."""

from __future__ import annotations

import sys

VERBOSE = ("-v", "-vv", "-vvv", "--verbose")


def main(argv: list[str] | None = None) -> int:
    """Run `facevqa eval` with these arguments (same parser, logging and exit codes);
    -v / -vv (more logging) may appear anywhere."""
    from facevqa.cli import main as facevqa_main

    argv = sys.argv[1:] if argv is None else argv
    verbose = [a for a in argv if a in VERBOSE]
    return facevqa_main([*verbose, "eval", *(a for a in argv if a not in VERBOSE)])


if __name__ == "__main__":
    raise SystemExit(main())
