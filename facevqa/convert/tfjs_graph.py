"""Read a TF.js graph model (model.json + weight shards) into plain Python and numpy.

Shared by the ONNX converter and the numpy reference interpreter, so both see the same
nodes, attributes and dequantised weights.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from facevqa.errors import ModelLoadError

_DTYPES = {"float32": np.float32, "int32": np.int32, "bool": np.bool_}
_QUANT_DTYPES = {"uint8": np.uint8, "uint16": np.uint16, "float16": np.float16}


@dataclass(frozen=True)
class TfjsNode:
    """One graph node: name, TF op type, data inputs (tensor keys) and decoded attributes."""

    name: str
    op: str
    inputs: tuple[str, ...]
    attrs: dict[str, Any]


@dataclass(frozen=True)
class TfjsGraph:
    """A whole graph model: nodes in file order, constant values, and the signature."""

    nodes: tuple[TfjsNode, ...]
    weights: dict[str, np.ndarray]
    """Constant values by node name, dequantised to their original dtype."""
    inputs: dict[str, tuple[int, ...]]
    """Placeholder name -> shape (-1 for a free dimension)."""
    outputs: dict[str, str]
    """Signature output alias -> tensor key (node name, or name:index)."""

    def node(self, name: str) -> TfjsNode:
        """The node called `name` (raises KeyError listing nothing: callers know the graph)."""
        return self._by_name()[name]

    def _by_name(self) -> dict[str, TfjsNode]:
        return {n.name: n for n in self.nodes}


def tensor_key(ref: str) -> str:
    """Normalise an input reference: 'a:0' -> 'a', 'a:1' stays, control inputs are dropped."""
    return ref[:-2] if ref.endswith(":0") else ref


def load_tfjs_graph(json_path: str | Path) -> TfjsGraph:
    """Parse model.json and its weight shards (found beside it) into a `TfjsGraph`."""
    path = Path(json_path)
    try:
        spec = json.loads(path.read_text())
    except (OSError, ValueError) as err:
        raise ModelLoadError(f"cannot read TF.js model {path}: {err}") from err
    if spec.get("format") not in (None, "graph-model"):
        raise ModelLoadError(f"{path}: format {spec.get('format')!r} is not a TF.js graph-model")
    nodes = tuple(_parse_node(raw) for raw in spec["modelTopology"]["node"])
    weights = _read_weights(path.parent, spec["weightsManifest"])
    inputs = {n.name: _placeholder_shape(n) for n in nodes if n.op == "Placeholder"}
    return TfjsGraph(nodes, weights, inputs, _signature_outputs(spec, nodes))


def _parse_node(raw: dict[str, Any]) -> TfjsNode:
    inputs = tuple(tensor_key(i) for i in raw.get("input", []) if not i.startswith("^"))
    attrs = {k: decode_attr(v) for k, v in raw.get("attr", {}).items()}
    return TfjsNode(raw["name"], raw["op"], inputs, attrs)


def decode_attr(value: dict[str, Any]) -> Any:
    """Decode one TF AttrValue from its JSON form (strings are base64, ints are strings)."""
    if "list" in value:
        items = value["list"]
        if "s" in items:
            return [base64.b64decode(s).decode() for s in items["s"]]
        if "i" in items:
            return [int(i) for i in items["i"]]
        if "f" in items:
            return [float(f) for f in items["f"]]
        return []
    if "s" in value:
        return base64.b64decode(value["s"]).decode()
    if "i" in value:
        return int(value["i"])
    if "f" in value:
        return float(value["f"])
    if "b" in value:
        return bool(value["b"])
    if "type" in value:
        return value["type"]
    return value  # shapes and tensors: kept raw, read only where needed


def _placeholder_shape(node: TfjsNode) -> tuple[int, ...]:
    dims = node.attrs.get("shape", {}).get("shape", {}).get("dim", [])
    return tuple(int(d.get("size", -1)) for d in dims)


def _signature_outputs(spec: dict[str, Any], nodes: tuple[TfjsNode, ...]) -> dict[str, str]:
    signature = spec.get("signature") or spec.get("userDefinedMetadata", {}).get("signature", {})
    outputs = signature.get("outputs", {})
    if outputs:
        return {alias: tensor_key(o["name"]) for alias, o in outputs.items()}
    consumed = {i.split(":")[0] for n in nodes for i in n.inputs}
    return {n.name: n.name for n in nodes if n.name not in consumed and n.op != "Const"}


def _read_weights(folder: Path, manifest: list[dict[str, Any]]) -> dict[str, np.ndarray]:
    weights: dict[str, np.ndarray] = {}
    for group in manifest:
        try:
            blob = b"".join((folder / p).read_bytes() for p in group["paths"])
        except OSError as err:
            raise ModelLoadError(f"missing TF.js weight shard in {folder}: {err}") from err
        offset = 0
        for entry in group["weights"]:
            value, size = decode_weight(blob, offset, entry)
            weights[entry["name"]] = value
            offset += size
        if offset != len(blob):
            raise ModelLoadError(f"{folder}: weight shards hold {len(blob)} bytes, "
                                 f"manifest describes {offset}")
    return weights


def decode_weight(blob: bytes, offset: int, entry: dict[str, Any]) -> tuple[np.ndarray, int]:
    """Decode one manifest entry at `offset`; returns (value, bytes consumed).

    Quantised weights are stored as uint8/uint16 (value = q * scale + min) or float16.
    """
    shape = tuple(int(s) for s in entry["shape"])
    count = int(np.prod(shape)) if shape else 1
    dtype = _DTYPES.get(entry["dtype"])
    if dtype is None:
        raise ModelLoadError(f"weight {entry['name']}: dtype {entry['dtype']!r} not supported; "
                             f"supported: {', '.join(_DTYPES)}")
    quant = entry.get("quantization")
    stored = _QUANT_DTYPES.get(quant["dtype"]) if quant else dtype
    if stored is None:
        raise ModelLoadError(f"weight {entry['name']}: quantisation {quant['dtype']!r} not "
                             f"supported; supported: {', '.join(_QUANT_DTYPES)}")
    size = count * np.dtype(stored).itemsize
    if offset + size > len(blob):
        raise ModelLoadError(f"weight {entry['name']} runs past the end of the shards "
                             f"({offset + size} > {len(blob)} bytes): manifest describes more")
    raw = np.frombuffer(blob, dtype=stored, count=count, offset=offset)
    if not quant:
        return raw.reshape(shape).copy(), size
    qtype = stored
    if qtype is np.float16:
        value = raw.astype(np.float32)
    else:
        value = raw.astype(np.float32) * np.float32(quant["scale"]) + np.float32(quant["min"])
    return value.astype(dtype).reshape(shape), size


def prune(graph: TfjsGraph, outputs: list[str]) -> TfjsGraph:
    """Keep only the nodes that `outputs` (tensor keys) depend on, in topological order.

    Outputs that are not asked for (a race head, an identity descriptor) vanish with every
    node and weight only they use.
    """
    by_name = graph._by_name()
    order: list[str] = []
    state: dict[str, int] = {}
    for out in outputs:
        _visit(out.split(":")[0], by_name, state, order)
    kept = tuple(by_name[name] for name in order)
    weights = {n.name: graph.weights[n.name] for n in kept if n.op == "Const"}
    inputs = {n.name: graph.inputs[n.name] for n in kept if n.op == "Placeholder"}
    aliases = {a: k for a, k in graph.outputs.items() if k in outputs}
    return TfjsGraph(kept, weights, inputs, aliases or {k: k for k in outputs})


def _visit(name: str, by_name: dict[str, TfjsNode], state: dict[str, int],
           order: list[str]) -> None:
    # Iterative depth-first search: deep MobileNets would hit Python's recursion limit.
    stack = [(name, False)]
    while stack:
        current, done = stack.pop()
        if done:
            state[current] = 2
            order.append(current)
            continue
        if state.get(current):
            continue
        if current not in by_name:
            raise ModelLoadError(f"graph has no node {current!r}")
        state[current] = 1
        stack.append((current, True))
        for ref in reversed(by_name[current].inputs):
            parent = ref.split(":")[0]
            if not state.get(parent):
                stack.append((parent, False))
