"""Tests of the Python binding of the runtime (gpuos.runtime).

    PYTHONPATH=python python3 python/tests/test_binding.py host   # any machine
    PYTHONPATH=python python3 python/tests/test_binding.py gpu    # exits 77 without a GPU

host: the ctypes structs match the C compiler's layout of gpuos/runtime.h,
the binding checks tensors (dtype, shape, device, contiguity) before the runtime,
bundles assembled in Python pass the runtime's reader and damaged ones fail
with its message, and creating a runtime without a GPU raises NoDeviceError.
gpu: a bundle compiled from test/gpuos-run/gpu/Inputs/two_outputs.mlir runs
on torch CUDA tensors bound without copies, in PyTorch's process and context.
Needs GPUOS_RUNTIME_LIBRARY (or a build*/runtime folder) and, for gpu,
GPUOS_TOOLS_DIR holding gpuos-opt and gpuos-translate (default build/bin)."""
import ctypes
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import gpuos.runtime as rt
from gpuos.runtime import _abi

SKIP = 77
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def has_gpu():
    try:
        return subprocess.call(["nvidia-smi", "-L"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL) == 0
    except OSError:
        return False


def c_layout(struct_name, fields):
    """sizeof and offsetof of each field, as the C compiler lays out the struct."""
    compiler = os.environ.get("CC") or shutil.which("cc") or shutil.which("clang-22")
    if not compiler:
        raise unittest.SkipTest("no C compiler (set CC)")
    lines = ["#include <stddef.h>", "#include <stdio.h>", '#include "gpuos/runtime.h"',
             "int main(void) {", f'  printf("%zu\\n", sizeof({struct_name}));']
    lines += [f'  printf("%zu\\n", offsetof({struct_name}, {f}));' for f in fields]
    lines += ["  return 0;", "}"]
    with tempfile.TemporaryDirectory() as tmp:
        src, exe = os.path.join(tmp, "layout.c"), os.path.join(tmp, "layout")
        with open(src, "w") as f:
            f.write("\n".join(lines) + "\n")
        subprocess.check_call([compiler, "-I", os.path.join(ROOT, "runtime", "include"),
                               src, "-o", exe])
        return [int(v) for v in subprocess.check_output([exe]).split()]


def fake_manifest():
    """One task from input 0 (4x16 f32) to output 0 (4 f32); never run."""
    arg = {"dtype": "f32", "shape": [4, 16], "strides": [16, 1], "bytes": 256}
    out = {"dtype": "f32", "shape": [4], "strides": [1], "bytes": 16}
    return json.dumps({
        "format": "gpuos-manifest", "version": 1, "device_abi_version": 1,
        "graphs": [{
            "name": "g", "arena": {"bytes": 0, "alignment": 256},
            "inputs": [dict(arg, index=0)], "outputs": [dict(out, index=0)],
            "tasks": [{"id": 0, "operator": "g_task0", "symbol": "gpuos_opptr_g_task0",
                       "tiles": 3, "smem_bytes": 512, "scratch_bytes": 4096, "deps": [],
                       "args": [dict(arg, buffer={"kind": "input", "index": 0}),
                                dict(out, buffer={"kind": "output", "index": 0})]}]}]})


FAKE_CUBIN = b"\x7fELF\x02\x01\x01" + bytes(57)


class HostTests(unittest.TestCase):
    def test_struct_layouts_match_the_header(self):
        for c_name, py_struct in _abi.STRUCTS.items():
            names = [name for name, _ in py_struct._fields_]
            want = c_layout(c_name, names)
            got = [ctypes.sizeof(py_struct)] + [getattr(py_struct, n).offset for n in names]
            self.assertEqual(got, want, c_name)

    def test_version_and_status_strings(self):
        self.assertGreaterEqual(rt.api_version(), 1001)  # bundles arrived in API 1.1
        self.assertNotEqual(rt.status_string(-2), rt.status_string(0))

    def test_inspect_reads_an_assembled_bundle(self):
        info = rt.inspect(rt.assemble_bundle(fake_manifest(), FAKE_CUBIN))
        self.assertEqual((info["format_version"], info["sm"], info["register_budget"]),
                         (1, 90, 128))
        self.assertEqual((info["num_inputs"], info["num_outputs"], info["num_tasks"]), (1, 1, 1))
        self.assertEqual((info["max_smem_bytes"], info["max_scratch_bytes"]), (512, 4096))
        self.assertEqual(info["cubin_bytes"], len(FAKE_CUBIN))

    def test_inspect_rejects_damage_with_the_runtime_message(self):
        data = bytearray(rt.assemble_bundle(fake_manifest(), FAKE_CUBIN))
        data[120] ^= 0x20
        with self.assertRaises(rt.GpuosError) as caught:
            rt.inspect(data)
        self.assertEqual(caught.exception.status_name, "INVALID_IMAGE")
        self.assertIn("checksum mismatch", str(caught.exception))
        with self.assertRaises(rt.GpuosError) as caught:
            rt.inspect(rt.assemble_bundle(fake_manifest(), FAKE_CUBIN, device_abi_version=99))
        self.assertIn("device ABI version", caught.exception.message)

    def test_unknown_config_field_is_refused(self):
        with self.assertRaises(TypeError):
            rt.Runtime(block_thread=128)

    def test_bind_checks_tensors_before_the_runtime(self):
        class FakeDevice:
            def __init__(self, kind, index):
                self.type, self.index = kind, index

            def __str__(self):
                return f"{self.type}:{self.index}"

        class FakeTensor:  # the part of torch.Tensor the binding reads
            def __init__(self, dtype="torch.float32", shape=(4, 16), cuda=True, index=0,
                         contiguous=True):
                self.dtype, self.shape, self.is_cuda = dtype, shape, cuda
                self.device = FakeDevice("cuda" if cuda else "cpu", index if cuda else None)
                self._contiguous = contiguous

            def is_contiguous(self):
                return self._contiguous

            def data_ptr(self):
                return 0x1000

        spec = rt.TensorSpec(_abi.BundleTensor(1, 2, (4, 16, 0, 0, 0, 0, 0, 0), 256))
        self.assertEqual((spec.dtype, spec.shape, spec.bytes), ("f32", (4, 16), 256))
        good = FakeTensor()
        self.assertEqual(rt._device_pointer(good, spec, "input 0", 0), (0x1000, good))
        self.assertEqual(rt._device_pointer(0x2000, spec, "input 0", 0), (0x2000, None))
        for bad, message in ((FakeTensor(dtype="torch.float16"), "float16[4, 16]"),
                             (FakeTensor(shape=(16, 4)), "expects float32[4, 16]"),
                             (FakeTensor(cuda=False), "not on a CUDA device"),
                             (FakeTensor(index=1), "cuda:1"),
                             (FakeTensor(contiguous=False), "not contiguous")):
            with self.assertRaises(ValueError) as caught:
                rt._device_pointer(bad, spec, "input 0", 0)
            self.assertIn(message, str(caught.exception))
        with self.assertRaises(TypeError):
            rt._device_pointer("x", spec, "input 0", 0)

    @unittest.skipIf(has_gpu(), "a GPU is present")
    def test_no_device(self):
        with self.assertRaises(rt.NoDeviceError) as caught:
            rt.Runtime()
        self.assertEqual(caught.exception.status, -2)
        self.assertTrue(caught.exception.message)


def compile_bundle(mlir, out_dir):
    tools = os.environ.get("GPUOS_TOOLS_DIR", os.path.join(ROOT, "build", "bin"))
    planned, bundle = os.path.join(out_dir, "planned.mlir"), os.path.join(out_dir, "g.bundle")
    subprocess.check_call([os.path.join(tools, "gpuos-opt"), "--gpuos-pipeline", mlir,
                           "-o", planned])
    subprocess.check_call([os.path.join(tools, "gpuos-translate"), "--gpuos-to-bundle",
                           planned, "-o", bundle])
    return bundle


class GpuTests(unittest.TestCase):
    """While the runtime is open its persistent kernel may hold every SM, and a device-wide
    synchronize would wait for it: every tensor is made, and every expected value computed,
    before the runtime starts; results are compared on the host."""

    @classmethod
    def setUpClass(cls):
        import torch
        cls.torch = torch
        cls.tmp = tempfile.mkdtemp()
        cls.path = compile_bundle(
            os.path.join(ROOT, "test", "gpuos-run", "gpu", "Inputs", "two_outputs.mlir"), cls.tmp)
        cls.a = torch.linspace(-2, 2, 64, device="cuda").reshape(8, 8)
        cls.b = torch.rand(8, 8, device="cuda") + 0.25
        cls.a_f16, cls.a_host = cls.a.to(torch.float16), cls.a.cpu()
        cls.want = [torch.tanh(cls.a * cls.b).cpu(),
                    (cls.a + cls.b).sum(dim=1, keepdim=True).cpu()]
        # Poisoned (NaN) so an output the graph did not write cannot match.
        cls.out_sets = [[torch.full(shape, float("nan"), device="cuda")
                         for shape in ((8, 8), (8, 1))] for _ in range(3)]
        torch.cuda.synchronize()
        cls.runtime = rt.Runtime()

    @classmethod
    def tearDownClass(cls):
        cls.runtime.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def assert_outputs(self, outs):
        for got, want in zip(outs, self.want):
            self.torch.testing.assert_close(got.cpu(), want, rtol=1e-5, atol=1e-5)

    def test_runs_in_place_on_torch_tensors(self):
        bundle = self.runtime.load_bundle(self.path)
        self.assertEqual([s.shape for s in bundle.inputs], [(8, 8), (8, 8)])
        self.assertEqual([s.shape for s in bundle.outputs], [(8, 8), (8, 1)])
        outs = self.out_sets[0]
        pointers = [o.data_ptr() for o in outs]
        bundle.bind(inputs=[self.a, self.b], outputs=outs)
        bundle.run()
        self.assertEqual([o.data_ptr() for o in outs], pointers)
        self.assert_outputs(outs)
        bundle.destroy()

    def test_rebinding_and_raw_pointers(self):
        with open(self.path, "rb") as f:
            bundle = self.runtime.load_bundle(f.read())
        outs = self.out_sets[1]
        bundle.bind(inputs=[self.b, self.a], outputs=outs)   # swapped: a*b, a+b unchanged
        bundle.run()
        self.assert_outputs(outs)
        other = self.out_sets[2]
        bundle.bind_output(0, other[0].data_ptr())
        bundle.bind_output(1, other[1].data_ptr(), other[1].numel() * 4)
        bundle.run()
        self.assert_outputs(other)
        bundle.destroy()

    def test_bind_and_submit_errors(self):
        bundle = self.runtime.load_bundle(self.path)
        with self.assertRaises(rt.GpuosError) as caught:
            bundle.submit()  # nothing bound yet
        self.assertEqual(caught.exception.status_name, "INVALID_ARGUMENT")
        with self.assertRaises(ValueError):
            bundle.bind_input(0, self.a_f16)
        with self.assertRaises(ValueError):
            bundle.bind_input(0, self.a.t())  # not contiguous
        with self.assertRaises(ValueError):
            bundle.bind_input(0, self.a_host)
        with self.assertRaises(IndexError):
            bundle.bind_input(2, self.a)
        with self.assertRaises(rt.GpuosError):
            bundle.bind_input(0, self.a.data_ptr(), 4)  # wrong size
        bundle.destroy()


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "host"
    if mode not in ("host", "gpu"):
        sys.exit(f"usage: {sys.argv[0]} host|gpu")
    try:
        rt.library()
    except rt.LibraryNotFound as e:
        print(f"SKIP: {e}")
        sys.exit(SKIP)
    if mode == "gpu":
        try:
            import torch
        except ImportError:
            print("SKIP: PyTorch is not installed")
            sys.exit(SKIP)
        if not has_gpu() or not torch.cuda.is_available():
            print("SKIP: no CUDA GPU")
            sys.exit(SKIP)
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(
        HostTests if mode == "host" else GpuTests)
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    sys.exit(0 if result.wasSuccessful() else 1)


if __name__ == "__main__":
    main()
