"""Provenance of a run: the source commit it ran from and the package versions it ran with."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any


def git_commit() -> dict[str, Any]:
    """HEAD commit of the source tree this code runs from, and whether it has local changes
    ({"git_commit": None} outside a git checkout)."""
    root = Path(__file__).resolve().parents[1]
    try:
        head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True,
                              text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=root, capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return {"git_commit": None}
    return {"git_commit": head or None, "git_dirty": bool(dirty.strip())}


def versions(names: Iterable[str]) -> dict[str, str | None]:
    """Installed versions of `names` (None where one is not installed)."""
    out: dict[str, str | None] = {}
    for name in names:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out
