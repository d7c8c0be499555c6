"""A small numpy interpreter for TF.js graph models: the oracle the ONNX conversion is checked by.

It follows TensorFlow's own semantics (NHWC, SAME padding with the odd pixel at the end,
HWIO / HWCM kernels) in float64, independently of the ONNX code path, so agreement between
the two is evidence that the conversion is right rather than that one mistake was made twice.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from facevqa.convert.tfjs_graph import TfjsGraph, TfjsNode, prune
from facevqa.errors import ModelLoadError

Array = np.ndarray


def run_reference(graph: TfjsGraph, feeds: dict[str, Array], outputs: list[str]) -> list[Array]:
    """Evaluate `outputs` (tensor keys) of `graph` on `feeds` (placeholder -> NHWC array)."""
    graph = prune(graph, outputs)
    env: dict[str, Array] = {k: np.asarray(v, dtype=np.float64) for k, v in feeds.items()}
    for node in graph.nodes:
        if node.op == "Const":
            value = graph.weights[node.name]
            env[node.name] = value.astype(np.float64) if value.dtype.kind == "f" else value
        elif node.op == "Placeholder":
            if node.name not in env:
                raise ModelLoadError(f"no value fed for input {node.name!r}")
        else:
            env[node.name] = _eval(node, [env[i] for i in node.inputs])
    return [env[o] for o in outputs]


def _eval(node: TfjsNode, args: list[Array]) -> Array:
    fn = _OPS.get(node.op)
    if fn is None:
        raise ModelLoadError(f"reference interpreter has no op {node.op!r}; "
                             f"known: {', '.join(sorted(_OPS))}")
    return fn(node, args)


def same_pads(size: int, k: int, stride: int, dilation: int = 1) -> tuple[int, int]:
    """TF 'SAME' padding for one axis: output ceil(size/stride), odd pixel after."""
    k_eff = (k - 1) * dilation + 1
    out = -(-size // stride)
    total = max((out - 1) * stride + k_eff - size, 0)
    return total // 2, total - total // 2


def _pads(node: TfjsNode, x: Array, k: tuple[int, int], dil: tuple[int, int]) -> list:
    padding = node.attrs.get("padding", "VALID")
    strides = node.attrs.get("strides", [1, 1, 1, 1])
    if padding == "SAME":
        return [same_pads(x.shape[1 + i], k[i], strides[1 + i], dil[i]) for i in range(2)]
    if padding == "EXPLICIT":
        p = node.attrs["explicit_paddings"]
        return [(p[2], p[3]), (p[4], p[5])]
    return [(0, 0), (0, 0)]


def _windows(node: TfjsNode, x: Array, k: tuple[int, int], fill: float) -> Array:
    """Padded sliding windows: (N, Ho, Wo, C, kh, kw) honouring strides and dilations."""
    dil = tuple(node.attrs.get("dilations", [1, 1, 1, 1])[1:3])
    (pt, pb), (pl, pr) = _pads(node, x, k, dil)
    x = np.pad(x, [(0, 0), (pt, pb), (pl, pr), (0, 0)], constant_values=fill)
    span = ((k[0] - 1) * dil[0] + 1, (k[1] - 1) * dil[1] + 1)
    win = sliding_window_view(x, span, axis=(1, 2))
    s = node.attrs.get("strides", [1, 1, 1, 1])
    return win[:, :: s[1], :: s[2], :, :: dil[0], :: dil[1]]


def _conv(node: TfjsNode, args: list[Array]) -> Array:
    x, w = args[0], args[1]
    win = _windows(node, x, w.shape[:2], 0.0)
    if "Depthwise" in node.op:  # w: [kh, kw, C, M], output channel c*M + m
        y = np.einsum("nhwcij,ijcm->nhwcm", win, w, optimize=True)
        y = y.reshape(*y.shape[:3], -1)
    else:  # w: HWIO
        y = np.einsum("nhwcij,ijco->nhwo", win, w, optimize=True)
    return _fused(node, y, args)


def _fused(node: TfjsNode, y: Array, args: list[Array]) -> Array:
    ops = node.attrs.get("fused_ops", [])
    if ops and ops[0] == "BiasAdd":
        y = y + args[2]
    for op in ops[1:]:
        if op == "Prelu":
            y = np.where(y > 0, y, y * args[3])
        else:
            y = _ACTIVATIONS[op](y)
    return y


def _matmul(node: TfjsNode, args: list[Array]) -> Array:
    a, w = args[0], args[1]
    if node.attrs.get("transpose_a"):
        a = a.T
    if node.attrs.get("transpose_b"):
        w = w.T
    return _fused(node, a @ w, args)


def _pool(node: TfjsNode, args: list[Array]) -> Array:
    k = tuple(node.attrs["ksize"][1:3])
    x = args[0]
    if node.op == "MaxPool":
        return _windows(node, x, k, -np.inf).max(axis=(-2, -1))
    total = _windows(node, x, k, 0.0).sum(axis=(-2, -1))
    count = _windows(node, np.ones_like(x), k, 0.0).sum(axis=(-2, -1))
    return total / count  # TF averages over the valid pixels only


def _softmax(x: Array) -> Array:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _reduce(fn: Callable) -> Callable[[TfjsNode, list[Array]], Array]:
    def run(node: TfjsNode, args: list[Array]) -> Array:
        axes = tuple(int(a) for a in np.atleast_1d(args[1]))
        return fn(args[0], axis=axes, keepdims=bool(node.attrs.get("keep_dims", False)))
    return run


def _pad(node: TfjsNode, args: list[Array]) -> Array:
    return np.pad(args[0], [tuple(int(v) for v in p) for p in args[1]])


def _reshape(node: TfjsNode, args: list[Array]) -> Array:
    return args[0].reshape([int(v) for v in args[1]])


def _concat(node: TfjsNode, args: list[Array]) -> Array:
    return np.concatenate(args[:-1], axis=int(args[-1]))


_ACTIVATIONS: dict[str, Callable[[Array], Array]] = {
    "Relu": lambda x: np.maximum(x, 0.0),
    "Relu6": lambda x: np.clip(x, 0.0, 6.0),
    "Sigmoid": lambda x: 1.0 / (1.0 + np.exp(-x)),
    "Tanh": np.tanh,
    "Elu": lambda x: np.where(x > 0, x, np.expm1(np.minimum(x, 0.0))),
}


def _elementwise(fn: Callable) -> Callable[[TfjsNode, list[Array]], Array]:
    return lambda node, args: fn(*args[:2])


def _unary(fn: Callable[[Array], Array]) -> Callable[[TfjsNode, list[Array]], Array]:
    return lambda node, args: fn(args[0])


_OPS: dict[str, Callable[[TfjsNode, list[Array]], Array]] = {
    "Conv2D": _conv, "_FusedConv2D": _conv, "DepthwiseConv2dNative": _conv,
    "FusedDepthwiseConv2dNative": _conv, "MatMul": _matmul, "_FusedMatMul": _matmul,
    "MaxPool": _pool, "AvgPool": _pool,
    "Add": _elementwise(np.add), "AddV2": _elementwise(np.add), "BiasAdd": _elementwise(np.add),
    "Sub": _elementwise(np.subtract), "Mul": _elementwise(np.multiply),
    "RealDiv": _elementwise(np.divide), "Maximum": _elementwise(np.maximum),
    "Minimum": _elementwise(np.minimum),
    "Prelu": lambda node, args: np.where(args[0] > 0, args[0], args[0] * args[1]),
    "Softmax": _unary(_softmax), "Identity": _unary(lambda x: x),
    "Exp": _unary(np.exp), "Sqrt": _unary(np.sqrt), "Neg": _unary(np.negative),
    "Mean": _reduce(np.mean), "Max": _reduce(np.max), "Sum": _reduce(np.sum),
    "Min": _reduce(np.min), "Reshape": _reshape, "Pad": _pad, "ConcatV2": _concat,
    **{op: _unary(fn) for op, fn in _ACTIVATIONS.items()},
}
