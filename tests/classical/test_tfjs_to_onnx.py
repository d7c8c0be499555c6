"""The TF.js -> ONNX converter, checked against the numpy reference on hand-made graphs."""

from __future__ import annotations

import numpy as np
import onnxruntime as ort
import pytest
from tfjs_fixtures import every_op_model, node, write_model

from facevqa.convert.tfjs_graph import decode_weight, load_tfjs_graph, prune
from facevqa.convert.tfjs_reference import run_reference, same_pads
from facevqa.convert.tfjs_to_onnx import convert
from facevqa.errors import ModelLoadError


def _session(model):
    return ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])


def test_every_op_matches_reference(tmp_path):
    graph = load_tfjs_graph(every_op_model(tmp_path))
    outputs = {"p": "probs", "s": "sig", "e": "elu"}
    sess = _session(convert(graph, outputs))
    x = np.random.default_rng(1).normal(size=(3, 8, 8, 3)).astype(np.float32)  # batch 3
    got = sess.run(list(outputs), {"x": x})
    want = run_reference(graph, {"x": x}, list(outputs.values()))
    for g, w in zip(got, want):
        assert g.shape == w.shape
        np.testing.assert_allclose(g, w, atol=1e-5)
    np.testing.assert_allclose(got[0].sum(1), 1.0, atol=1e-5)


def test_symbolic_batch_dimension(tmp_path):
    model = convert(load_tfjs_graph(every_op_model(tmp_path)), {"p": "probs"})
    dims = model.graph.input[0].type.tensor_type.shape.dim
    assert dims[0].dim_param == "N" and [d.dim_value for d in dims[1:]] == [8, 8, 3]


def test_reference_conv_by_hand():
    # 1x3x3x1 input, 2x2 kernel of ones, VALID: each output is the sum of a 2x2 window.
    x = np.arange(9, dtype=np.float64).reshape(1, 3, 3, 1)
    w = np.ones((2, 2, 1, 1))
    n = node("c", "Conv2D", ["x", "w"], strides=[1, 1, 1, 1], padding="VALID")
    from facevqa.convert.tfjs_graph import TfjsGraph, _parse_node

    graph = TfjsGraph((_parse_node(n),), {"w": w}, {"x": (1, 3, 3, 1)}, {"c": "c"})
    graph = TfjsGraph((_parse_node({"name": "x", "op": "Placeholder"}),
                       _parse_node({"name": "w", "op": "Const"}), *graph.nodes),
                      graph.weights, graph.inputs, graph.outputs)
    (y,) = run_reference(graph, {"x": x}, ["c"])
    assert y[0, :, :, 0].tolist() == [[8, 12], [20, 24]]


@pytest.mark.parametrize("size,k,stride,dilation,want", [
    (4, 3, 2, 1, (0, 1)),   # even input, odd kernel, stride 2: TF pads the extra pixel after
    (5, 3, 2, 1, (1, 1)),   # odd input: symmetric
    (8, 1, 1, 1, (0, 0)),   # 1x1 kernel needs no padding
    (4, 3, 1, 2, (2, 2)),   # dilation 2 makes a 3-tap kernel span 5
])
def test_same_padding_like_tensorflow(size, k, stride, dilation, want):
    assert same_pads(size, k, stride, dilation) == want


def test_weight_decoding_float16_and_uint8():
    f16 = np.array([0.5, -1.25], dtype=np.float16)
    value, size = decode_weight(f16.tobytes(), 0, {"name": "a", "shape": [2], "dtype": "float32",
                                                   "quantization": {"dtype": "float16"}})
    assert size == 4 and value.dtype == np.float32 and value.tolist() == [0.5, -1.25]
    q = np.array([0, 10, 255], dtype=np.uint8)
    entry = {"name": "b", "shape": [3], "dtype": "float32",
             "quantization": {"dtype": "uint8", "scale": 0.5, "min": -2.0}}
    value, size = decode_weight(b"xx" + q.tobytes(), 2, entry)
    assert size == 3 and value.tolist() == [-2.0, 3.0, 125.5]  # q * scale + min


def test_shards_and_manifest_size_checked(tmp_path):
    path = every_op_model(tmp_path)
    shard = tmp_path / "group1-shard2of2.bin"
    shard.write_bytes(shard.read_bytes()[:-4])
    with pytest.raises(ModelLoadError, match="manifest describes"):
        load_tfjs_graph(path)


def test_unrequested_heads_are_pruned(tmp_path):
    # Two heads on one trunk: converting only "keep" drops "drop" and its private weights.
    w = {"wk": np.ones((4, 2), np.float32), "wd": np.ones((4, 3), np.float32)}
    x = {"name": "x", "op": "Placeholder",
         "attr": {"shape": {"shape": {"dim": [{"size": "-1"}, {"size": "4"}]}}}}
    nodes = [x, node("keep", "MatMul", ["x", "wk"]), node("drop", "MatMul", ["x", "wd"])]
    graph = load_tfjs_graph(write_model(tmp_path, nodes, w, shards=1))
    pruned = prune(graph, ["keep"])
    assert {n.name for n in pruned.nodes} == {"x", "wk", "keep"} and set(pruned.weights) == {"wk"}
    model = convert(graph, {"out": "keep"})
    names = {i.name for i in model.graph.initializer} | {n.name for n in model.graph.node}
    assert not any("wd" in n or "drop" in n for n in names)
    assert [o.name for o in model.graph.output] == ["out"]


def test_unsupported_op_names_the_supported_ones(tmp_path):
    nodes = [{"name": "x", "op": "Placeholder", "attr": {}}, node("y", "Cumsum", ["x"])]
    graph = load_tfjs_graph(write_model(tmp_path, nodes, {"z": np.ones(1, np.float32)}, shards=1))
    with pytest.raises(ModelLoadError, match="not supported; supported: .*Conv2D"):
        convert(graph, {"out": "y"})


def test_output_name_clash_is_refused(tmp_path):
    graph = load_tfjs_graph(every_op_model(tmp_path))
    with pytest.raises(ModelLoadError, match="clashes"):
        convert(graph, {"fm": "probs"})  # fm is a node that probs needs
