"""Face anti-spoofing photos as folders per class: `[train|val|test/]<class>/<image>`.

The layout most public anti-spoofing copies use. Class folders: real, live, genuine, bonafide
(bona fide); print, printed, paper (print attacks); replay, video, screen, display (replay
attacks); mask, 3d_mask (mask attacks); fake, spoof, attack, imposter (an attack of unstated
kind, "other").
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from facevqa.data.rows import Skips
from facevqa.data.sources.common import class_folder_rows, skips_or_new

CLASSES: dict[str, str] = {
    **dict.fromkeys(("real", "live", "genuine", "bonafide", "bona_fide"), "real"),
    **dict.fromkeys(("print", "printed", "paper"), "print"),
    **dict.fromkeys(("replay", "video", "screen", "display"), "replay"),
    **dict.fromkeys(("mask", "3d_mask"), "mask"),
    **dict.fromkeys(("fake", "spoof", "attack", "imposter"), "other"),
}


def read_spoof_folders(root: str | Path, *, skips: Skips | None = None
                       ) -> Iterator[dict[str, Any]]:
    """Rows with the spoof field from the class folder names under `root`."""
    yield from class_folder_rows(Path(root), CLASSES, skips_or_new(skips), "spoof_folders",
                                 field="spoof")
