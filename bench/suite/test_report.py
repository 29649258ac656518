"""Checks the suite's report writer (no GPU, no PyTorch): the markdown table
from synthetic results, speedups, failures, and the missing-plot path; and
the reuse of a prepared export (--prepare / --bundles) on stand-in tensors.

    python3 bench/suite/test_report.py
"""
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_suite  # noqa: E402

META = {"command": "PYTHONPATH=python python3 bench/suite/run_suite.py --reps 5",
        "date": "2026-01-01 00:00 UTC", "device": "TEST GPU", "torch": "0", "python": "3",
        "warmup": 1, "reps": 5}
ROWS = [
    {"workload": "b1", "time_us": {"eager": 400.0, "cuda_graph": 40.0, "compile": 100.0,
                                   "compile_ro": 20.0, "gpuos": 10.0},
     "kernels": {"eager": 32, "cuda_graph": 32, "compile": 3, "compile_ro": 3}, "tasks": 2,
     "rel_error": 1.5e-7, "reference": "float64", "errors": {}},
    {"workload": "b3", "time_us": {"eager": 300.0}, "kernels": {"eager": 50}, "tasks": None,
     "rel_error": None, "reference": None,
     "errors": {"gpuos": "GpuosError: DEVICE_FAULT: illegal address"}},
]


class ReportTests(unittest.TestCase):
    def test_table_rows_and_speedups(self):
        text = run_suite.markdown(ROWS, META)
        self.assertIn(META["command"], text)
        b1 = next(line for line in text.splitlines() if line.startswith("| b1 |"))
        cells = [c.strip() for c in b1.strip("|").split("|")]
        self.assertEqual(cells[1:6], ["400.0", "40.0", "100.0", "20.0", "10.0"])
        self.assertEqual(cells[6:10], ["40.00", "4.00", "10.00", "2.00"])
        self.assertEqual(cells[10:], ["32, 32, 3, 3", "2", "1.50e-07"])
        header = next(line for line in text.splitlines() if line.startswith("| workload"))
        self.assertEqual(header.count("|"), b1.count("|"))
        b3 = next(line for line in text.splitlines() if line.startswith("| b3 |"))
        self.assertIn("| 300.0 | n/a |", b3)
        self.assertIn("- b3, GPUOS: GpuosError: DEVICE_FAULT: illegal address", text)

    def test_write_report_without_plot(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "bench.md")
            png = os.path.join(tmp, "bench.png")
            run_suite.write_report(ROWS, META, out, png)
            with open(out) as f:
                text = f.read()
            self.assertTrue(text.startswith("# Benchmarks"))
            self.assertEqual(os.path.exists(png), "![GPUOS speedups](bench.png)" in text)

    def test_bad_arguments(self):
        with self.assertRaises(SystemExit):
            run_suite.parse_args(["--reps", "0"])
        args = run_suite.parse_args(["--build", "/b", "--workloads", "b1,b2"])
        self.assertEqual((args.tools, args.workloads), ("/b/bin", ["b1", "b2"]))


class FakeTensor:
    def __init__(self, *shape):
        self.shape = tuple(shape)


class FakeModule:
    """named_parameters / named_buffers, as torch.nn.Module gives them."""

    def __init__(self, params, buffers=()):
        self.params, self.buffers = params, buffers

    def named_parameters(self):
        return iter(self.params)

    def named_buffers(self):
        return iter(self.buffers)


def export_info(*inputs):
    return {"name": "w", "outputs": [[[4], "f32"]],
            "inputs": [{"name": n, "kind": k, "target": t, "shape": list(sh), "dtype": "f32"}
                       for n, k, t, sh in inputs]}


class StoredExportTests(unittest.TestCase):
    def stored(self, info, module, example):
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, "w.export.json"), "w") as f:
                json.dump(info, f)
            return run_suite.stored_export(tmp, "w", module, example)

    def test_binds_inputs_in_order_and_state_by_name(self):
        x, y, w, b = FakeTensor(4, 8), FakeTensor(4, 8), FakeTensor(8, 4), FakeTensor(4)
        info = export_info(("x", "user_input", "x", (4, 8)), ("p_w", "parameter", "w", (8, 4)),
                           ("y", "user_input", "y", (4, 8)), ("b_b", "buffer", "b", (4,)))
        export = self.stored(info, FakeModule([("w", w)], [("b", b)]), (x, y))
        self.assertEqual([a.tensor for a in export.inputs], [x, w, y, b])
        self.assertEqual(export.outputs, [((4,), "f32")])
        self.assertTrue(export.path.endswith("w.mlir"))

    def test_mismatch_and_constants_are_errors(self):
        info = export_info(("x", "user_input", "x", (4, 9)))
        with self.assertRaisesRegex(RuntimeError, "does not match this module"):
            self.stored(info, FakeModule([]), (FakeTensor(4, 8),))
        info = export_info(("p_v", "parameter", "v", (3,)))
        with self.assertRaisesRegex(RuntimeError, "does not match this module"):
            self.stored(info, FakeModule([]), ())
        info = export_info(("c_0", "constant", "lifted_tensor_0", (3,)))
        with self.assertRaisesRegex(RuntimeError, "re-export on this machine"):
            self.stored(info, FakeModule([]), ())

    def test_no_prepared_export(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.assertIsNone(run_suite.stored_export(tmp, "w", FakeModule([]), ()))


if __name__ == "__main__":
    unittest.main()
