"""Classical face heads: packaged pretrained age/gender/emotion/spoof models on onnxruntime.

Names are resolved lazily so that importing the package loads no model and no heavy module.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "ClassicalHeads": "facevqa.classical.heads",
    "bench_heads": "facevqa.classical.bench",
    "heads_dir": "facevqa.classical.models",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'facevqa.classical' has no attribute {name!r}; "
                             f"available: {', '.join(__all__)}")
    return getattr(importlib.import_module(module), name)
