"""`facevqa ask IMAGE... --question "..."`: answers as a table or JSON lines."""

from __future__ import annotations

import argparse
import json
import sys

from facevqa.errors import ConfigError


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("ask", help="answer a question about face photos",
                       description=__doc__.splitlines()[0])
    p.add_argument("images", nargs="+", help="image files")
    p.add_argument("-q", "--question", required=True, help="the question (one for all images)")
    p.add_argument("--task", help="force a task, bypassing the router (e.g. emotion)")
    add_model_args(p)
    p.add_argument("--faces", default="largest", choices=["largest", "all", "none"],
                   help="which faces to answer for ('none': images are face crops)")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--json", action="store_true", help="print one JSON object per answer")
    p.set_defaults(run=run)
    return p


def add_model_args(p: argparse.ArgumentParser) -> None:
    """Options that choose the model; shared by every command that loads one."""
    p.add_argument("--model", default=None,
                   help="base hub id or folder, a saved bundle, or 'classical' "
                        "(default: the embedded default)")
    p.add_argument("--adapters", nargs="*", default=[], metavar="TASK=PATH",
                   help="task adapters, e.g. emotion=runs/emotion/adapter")
    p.add_argument("--heads", choices=["vlm", "classical"], default="vlm",
                   help="answer with the VLM or the packaged classical face models")
    p.add_argument("--device", default="auto")
    p.add_argument("--load-in-4bit", action="store_true", help="quantise the base to nf4")


def parse_adapters(pairs: list[str]) -> dict[str, str]:
    """["emotion=path", ...] -> {"emotion": "path"}."""
    out = {}
    for pair in pairs:
        name, sep, path = pair.partition("=")
        if not sep or not name or not path:
            raise ConfigError(f"--adapters expects TASK=PATH, got {pair!r}")
        out[name] = path
    return out


def load_model(args: argparse.Namespace):
    """The model the model options describe."""
    from facevqa.model import FaceVQA

    name = "classical" if args.heads == "classical" else args.model
    return FaceVQA.from_pretrained(name, adapters=parse_adapters(args.adapters),
                                   device=args.device, load_in_4bit=args.load_in_4bit)


def run(args: argparse.Namespace) -> int:
    vqa = load_model(args)
    answers = vqa.generate(args.images, args.question, task=args.task,
                           batch_size=args.batch_size, faces=args.faces)
    rows = [(img, a) for img, ans in zip(args.images, answers)
            for a in (ans.faces or (ans,))]
    if args.json:
        for img, a in rows:
            d = {k: printable(v) if isinstance(v, str) else v for k, v in a.to_dict().items()}
            print(json.dumps({"image": printable(str(img)), **d}, ensure_ascii=False))
    else:
        print_table(rows)
    return 0 if any(a.status != "error" for _, a in rows) else 1


def print_table(rows) -> None:
    """A plain aligned table: image, status, task, label, confidence, answer text."""
    header = ("image", "status", "task", "label", "conf", "answer")
    table = [header] + [(printable(str(img))[-40:], a.status, a.task or "-", a.label or "-",
                         "-" if a.confidence is None else f"{a.confidence:.2f}",
                         printable((a.error if a.status in ("error", "refused", "no_face")
                                    else a.text) or "")) for img, a in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(header) - 1)]
    for r in table:
        cells = [c.ljust(w) for c, w in zip(r, widths)] + [r[-1].replace("\n", " ")]
        sys.stdout.write("  ".join(cells) + "\n")


def printable(text: str) -> str:
    """`text` as valid UTF-8: undecodable file-name bytes (surrogate escapes, e.g. a Latin-1
    name on a UTF-8 system) become backslash escapes instead of failing the whole output."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # surrogates that are not escaped bytes
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
