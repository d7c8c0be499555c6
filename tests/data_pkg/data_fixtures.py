"""Tiny image writers for the data package tests (imported by name: unique module)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image


def write_image(path: Path, color: tuple[int, int, int] = (120, 90, 70), size: int = 16) -> Path:
    """A tiny JPEG (or PNG, by suffix) at `path`, parents created."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (size, size), color).save(path)
    return path


def write_corrupt(path: Path) -> Path:
    """A file with an image name whose bytes are not an image."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\xff\xd8\xff\xe0 this is not really a jpeg")
    return path
