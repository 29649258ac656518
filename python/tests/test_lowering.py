"""Checks the ATen lowering without PyTorch, on stand-in FX graphs
(fakefx.py) shaped like torch.export's: ops the exported fixtures do not
reach, dtype and error handling, and that a failed export writes nothing.

    python3 python/tests/test_lowering.py OUT_DIR

writes OUT_DIR/coverage.mlir (to verify and run with gpuos-opt / gpuos-run)
and prints each error message it provoked."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from fakefx import Graph  # noqa: E402
from gpuos.export.mlir import ExportError, write_atomically  # noqa: E402

INT64_MAX = 9223372036854775807


def coverage_graph():
    """Ops beyond the fixtures, each as torch.export spells it."""
    g = Graph()
    x = g.input("x", [4, 6])
    i = g.input("i", [4, 6], "int64")
    w = g.input("w", [5, 6])
    v = g.input("v", [6])
    outs = []
    lin = g.call("aten.linear.default", (x, w, g.input("bias", [5])), [4, 5])
    outs.append(g.call("aten.addmm.default", (g.input("c", [5]), x,
                                              g.call("aten.t.default", (w,), [6, 5])),
                       [4, 5], beta=0.5, alpha=2.0))
    outs.append(g.call("aten.matmul.default", (x, v), [4]))
    outs.append(g.call("aten.baddbmm.default", (g.input("c3", [2, 4, 4]), g.input("l3", [2, 4, 3]),
                                                g.input("r3", [2, 3, 4])), [2, 4, 4]))
    outs.append(g.call("aten.clamp_min.default", (lin, 0.25), [4, 5]))
    vm = g.call("aten.var_mean.correction", (x, [-1]), tuple_of=[([4], "float32"),
                                                                  ([4], "float32")],
                correction=1, keepdim=False)
    outs += [g.item(vm, 0), g.item(vm, 1)]
    sp = g.call("aten.split_with_sizes.default", (x, [2, 4], -1),
                tuple_of=[([4, 2], "float32"), ([4, 4], "float32")])
    outs.append(g.item(sp, 1))
    ub = g.call("aten.unbind.int", (x, 0), tuple_of=[([6], "float32")] * 4)
    outs.append(g.item(ub, 3))
    outs.append(g.call("aten.arange.start_step", (0, 10, 3), [4], "int64"))
    mask = g.call("aten.lt.Tensor", (i, g.input("zero", [], "int64")), [4, 6], "bool")
    notmask = g.call("aten.logical_not.default", (mask,), [4, 6], "bool")
    outs.append(g.call("aten.masked_fill.Scalar", (x, notmask, float("-inf")), [4, 6]))
    outs.append(g.call("aten.where.self", (i, x, 2.5), [4, 6]))
    outs.append(g.call("aten.div.Tensor_mode", (i, 3), [4, 6], "int64", rounding_mode="trunc"))
    outs.append(g.call("aten.rsub.Scalar", (x, 1.0), [4, 6]))
    outs.append(g.call("aten.div.Tensor", (i, 4), [4, 6]))  # int / int is float
    outs.append(g.call("aten._log_softmax.default", (x, 0, False), [4, 6]))
    outs.append(g.call("aten._safe_softmax.default", (x, -1), [4, 6]))
    at = g.call("aten._scaled_dot_product_flash_attention_for_cpu.default",
                (g.input("q", [1, 2, 3, 8]), g.input("k", [1, 2, 5, 8]), g.input("vv", [1, 2, 5, 8])),
                tuple_of=[([1, 2, 3, 8], "float32"), ([1, 2, 3], "float32")], is_causal=True)
    outs.append(g.item(at, 0))
    drop = g.call("aten.native_dropout.default", (x, 0.1, False),
                  tuple_of=[([4, 6], "float32"), ([4, 6], "bool")])
    outs.append(g.item(drop, 0))
    empty = g.call("aten.empty.memory_format", ([2, 3],), [2, 3], "bfloat16")
    outs.append(g.call("aten.fill.Scalar", (empty, 1.5), [2, 3], "bfloat16"))
    outs.append(g.call("aten.full.default", ([3], True), [3], "bool"))
    outs.append(g.call("aten.mul.Tensor", (i, INT64_MAX), [4, 6], "int64"))
    outs.append(g.call("aten.slice.Tensor", (x, -1, -5, INT64_MAX, 3), [4, 2]))
    outs.append(g.call("aten.prod.dim_int", (x, -2, True), [1, 6]))
    outs.append(g.call("aten.gelu.default", (x,), [4, 6], approximate="tanh"))
    outs.append(g.call("aten._to_copy.default", (x,), [4, 6], "float16", dtype="torch.float16"))
    g.outputs = outs
    return g.lower("coverage")


def expect_error(build, *fragments):
    try:
        build()
    except ExportError as e:
        message = str(e)
    else:
        raise AssertionError(f"no error for {fragments}")
    for fragment in fragments:
        assert fragment in message, f"'{fragment}' not in: {message}"
    print(f"error: {message}")


def unsupported_op():
    g = Graph()
    x = g.input("x", [4])
    g.outputs = [g.call("aten.cumsum.default", (x, -1), [4])]
    return g.lower("bad")


def float64_result():
    g = Graph()
    x = g.input("x", [4])
    g.outputs = [g.call("aten._to_copy.default", (x,), [4], "float64")]
    return g.lower("bad")


def used_mean_of_layer_norm():
    g = Graph()
    x = g.input("x", [2, 4])
    ln = g.call("aten.native_layer_norm.default", (x, [4], None, None, 1e-5),
                tuple_of=[([2, 4], "float32"), ([2, 1], "float32"), ([2, 1], "float32")])
    mean = g.item(ln, 1)
    g.outputs = [g.call("aten.neg.default", (mean,), [2, 1])]
    return g.lower("bad")


def training_dropout():
    g = Graph()
    x = g.input("x", [4])
    g.outputs = [g.call("aten.dropout.default", (x, 0.5, True), [4])]
    return g.lower("bad")


def floor_division():
    g = Graph()
    x = g.input("x", [4])
    g.outputs = [g.call("aten.div.Tensor_mode", (x, 2.0), [4], rounding_mode="floor")]
    return g.lower("bad")


def main(out):
    os.makedirs(out, exist_ok=True)
    text = coverage_graph()
    write_atomically(os.path.join(out, "coverage.mlir"), text)
    print(text)
    expect_error(unsupported_op, "unsupported ATen op aten.cumsum.default used by node %cumsum_1 "
                 "(from model.py:8 in forward: y = cumsum_1(x))")
    expect_error(float64_result, "unsupported dtype torch.float64")
    expect_error(used_mean_of_layer_norm, "the mean of native_layer_norm is used")
    expect_error(training_dropout, "dropout in training mode")
    expect_error(floor_division, "rounding_mode='floor'")

    # A failed write leaves the previous file and no temporary behind.
    target = os.path.join(out, "kept.mlir")
    with open(target, "w") as f:
        f.write("old\n")

    try:
        write_atomically(target, None)
    except TypeError:
        pass
    assert open(target).read() == "old\n"
    assert sorted(os.listdir(out)) == ["coverage.mlir", "kept.mlir"], os.listdir(out)
    print("lowering checks passed")


if __name__ == "__main__":
    main(sys.argv[1])
