"""FaceVQA's Gradio demo: `facevqa demo`, or mount `demo.app.build_app(vqa)` yourself.

Nothing heavy is imported here; gradio loads with `demo.app`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["build_app"]


def build_app(vqa: Any, heads: Any = None, **kwargs: Any):
    """The demo's gr.Blocks for a loaded FaceVQA (see demo.app.build_app)."""
    from demo.app import build_app as _build

    return _build(vqa, heads, **kwargs)
