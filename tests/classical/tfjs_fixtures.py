"""Hand-made TF.js graph models for converter tests: every supported op, every weight encoding."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np


def attr(value):
    """Encode one attribute the way TF.js model.json stores it."""
    if isinstance(value, bool):
        return {"b": value}
    if isinstance(value, int):
        return {"i": str(value)}
    if isinstance(value, float):
        return {"f": value}
    if isinstance(value, str):
        return {"s": base64.b64encode(value.encode()).decode()}
    if value and isinstance(value[0], str):
        return {"list": {"s": [base64.b64encode(v.encode()).decode() for v in value]}}
    return {"list": {"i": [str(v) for v in value]}}


def node(name, op, inputs=(), **attrs):
    return {"name": name, "op": op, "input": list(inputs),
            "attr": {k: attr(v) for k, v in attrs.items()}}


def encode(name: str, value: np.ndarray, quant: str | None) -> tuple[dict, bytes]:
    """Manifest entry and bytes for one weight, optionally float16 / uint8 quantised."""
    entry = {"name": name, "shape": list(value.shape),
             "dtype": "int32" if value.dtype.kind == "i" else "float32"}
    if value.dtype.kind == "i" or quant is None:
        return entry, value.astype(np.int32 if value.dtype.kind == "i" else np.float32).tobytes()
    if quant == "float16":
        entry["quantization"] = {"dtype": "float16", "original_dtype": "float32"}
        return entry, value.astype(np.float16).tobytes()
    lo, hi = float(value.min()), float(value.max())
    scale = (hi - lo) / 255 or 1.0
    q = np.round((value - lo) / scale).astype(np.uint8)
    entry["quantization"] = {"dtype": "uint8", "min": lo, "scale": scale,
                             "original_dtype": "float32"}
    return entry, q.tobytes()


def write_model(folder: Path, nodes: list[dict], weights: dict[str, np.ndarray],
                quant: dict[str, str] | None = None, outputs: dict[str, str] | None = None,
                shards: int = 2) -> Path:
    """Write model.json + weight shards (split in `shards` files) and return the json path."""
    quant = quant or {}
    entries, blob = [], b""
    for name, value in weights.items():
        entry, data = encode(name, value, quant.get(name))
        entries.append(entry)
        blob += data
    cut = len(blob) // shards
    paths = []
    for i in range(shards):
        part = blob[i * cut:(i + 1) * cut if i < shards - 1 else len(blob)]
        (folder / f"group1-shard{i + 1}of{shards}.bin").write_bytes(part)
        paths.append(f"group1-shard{i + 1}of{shards}.bin")
    consts = [node(n, "Const") for n in weights]
    spec = {"format": "graph-model", "modelTopology": {"node": consts + nodes},
            "weightsManifest": [{"paths": paths, "weights": entries}]}
    if outputs:
        spec["signature"] = {"outputs": {k: {"name": v + ":0"} for k, v in outputs.items()}}
    path = folder / "model.json"
    path.write_text(json.dumps(spec))
    return path


def every_op_model(folder: Path) -> Path:
    """A small graph that uses every op the converter supports (NHWC, dynamic batch)."""
    rng = np.random.default_rng(0)
    w = {
        "w1": rng.normal(0, 0.5, (3, 3, 3, 4)), "b1": rng.normal(0, 0.1, (4,)),
        "dw": rng.normal(0, 0.5, (3, 3, 4, 2)),
        "w2": rng.normal(0, 0.5, (1, 1, 8, 6)), "b2": rng.normal(0, 0.1, (6,)),
        "w3": rng.normal(0, 0.5, (3, 3, 4, 2)),
        "k": rng.normal(1, 0.2, (6,)), "lo": np.full((1,), -0.5), "hi": np.full((1,), 2.0),
        "pads": np.array([[0, 0], [1, 1], [0, 1], [0, 0]], dtype=np.int32),
        "axes": np.array([1, 2], dtype=np.int32), "shape": np.array([-1, 72], dtype=np.int32),
        "axis": np.array(1, dtype=np.int32), "wm": rng.normal(0, 0.3, (80, 5)),
        "bm": rng.normal(0, 0.1, (5,)), "alpha": np.full((5,), 0.1),
    }
    w = {k: (v if v.dtype.kind == "i" else v.astype(np.float32)) for k, v in w.items()}
    s1, s2 = [1, 1, 1, 1], [1, 2, 2, 1]
    nodes = [
        {"name": "x", "op": "Placeholder", "attr": {"shape": {"shape": {"dim": [
            {"size": "-1"}, {"size": "8"}, {"size": "8"}, {"size": "3"}]}}}},
        node("c1", "_FusedConv2D", ["x", "w1", "b1"], strides=s2, padding="SAME",
             fused_ops=["BiasAdd", "Relu"], data_format="NHWC", dilations=s1),
        node("d1", "DepthwiseConv2dNative", ["c1", "dw"], strides=s1, padding="SAME",
             dilations=s1),
        node("c2", "_FusedConv2D", ["d1", "w2", "b2"], strides=s1, padding="VALID",
             fused_ops=["BiasAdd", "Relu6"]),
        node("c3", "Conv2D", ["c1", "w3"], strides=s1, padding="SAME", dilations=[1, 2, 2, 1]),
        node("p1", "MaxPool", ["c2"], ksize=[1, 3, 3, 1], strides=s2, padding="SAME"),
        node("a1", "AvgPool", ["c2"], ksize=[1, 3, 3, 1], strides=s2, padding="SAME"),
        node("add", "AddV2", ["p1", "a1"]), node("mul", "Mul", ["add", "k"]),
        node("mx", "Maximum", ["mul", "lo"]), node("mn", "Minimum", ["mx", "hi"]),
        node("sub", "Sub", ["mn", "lo"]), node("relu", "Relu", ["sub"]),
        node("pad", "Pad", ["relu", "pads"]),
        node("mean", "Mean", ["pad", "axes"], keep_dims=False),
        node("mean3", "Max", ["c3", "axes"], keep_dims=False),
        node("flat", "Reshape", ["pad", "shape"]),
        node("cat", "ConcatV2", ["mean", "flat", "mean3", "axis"]),
        node("fm", "_FusedMatMul", ["cat", "wm", "bm", "alpha"], fused_ops=["BiasAdd", "Prelu"],
             transpose_a=False, transpose_b=False),
        node("probs", "Softmax", ["fm"]), node("sig", "Sigmoid", ["fm"]),
        node("r6", "Relu6", ["fm"]), node("th", "Tanh", ["r6"]), node("elu", "Elu", ["th"]),
    ]
    quant = {"w1": "float16", "dw": "uint8", "wm": "uint8", "b2": "float16"}
    return write_model(folder, nodes, w, quant, outputs={"probs": "probs", "sig": "sig",
                                                          "elu": "elu"})
