"""`python -m finetune --config ...` (what `accelerate launch -m finetune` runs on each process)."""

import argparse
import logging
import sys

from finetune.cli import add_parser


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m finetune")
    sub = parser.add_subparsers(dest="command")
    add_parser(sub)
    args = parser.parse_args(["train", *(sys.argv[1:] if argv is None else argv)])
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    return args.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
