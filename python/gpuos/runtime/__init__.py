"""Python binding of the GPUOS runtime's C API (runtime/include/gpuos/runtime.h).

ctypes over the shared library libgpuos_runtime.so: no compiled extension, no
package to install on the GPU machine, and the same process (and CUDA primary
context) as PyTorch. Bundles take torch CUDA tensors, or raw device pointers,
as inputs and outputs without copies:

    from gpuos.runtime import Runtime
    with Runtime() as rt:
        bundle = rt.load_bundle("model.bundle")
        y = torch.empty(bundle.outputs[0].shape, device="cuda")
        bundle.bind(inputs=[x], outputs=[y])
        bundle.run()            # submit + wait; raises GpuosError on failure

The library is found through GPUOS_RUNTIME_LIBRARY (a path), else in a build
folder of this checkout (build*/runtime/), else on the loader's path."""
import ctypes
import ctypes.util
import glob
import os
import struct

from ._abi import (BundleInfo, BundleTensor, RuntimeConfig, RuntimeInfo, declare, DTYPES,
                   MAX_RANK)

__all__ = ["Runtime", "Bundle", "TensorSpec", "GpuosError", "NoDeviceError",
           "LibraryNotFound", "library", "inspect", "assemble_bundle", "STATUS"]

STATUS = {0: "OK", 1: "PENDING", -1: "INVALID_ARGUMENT", -2: "NO_DEVICE",
          -3: "UNSUPPORTED_DEVICE", -4: "CUDA", -5: "OUT_OF_MEMORY", -6: "COMPILE", -7: "LINK",
          -8: "SYMBOL_NOT_FOUND", -9: "RESOURCE_LIMIT", -10: "QUEUE_FULL", -11: "TIMEOUT",
          -12: "SHUTDOWN", -13: "DEVICE_FAULT", -14: "GRAPH_FAILED", -15: "UNKNOWN_OP",
          -16: "BUSY", -17: "INVALID_IMAGE", -18: "INTERNAL"}
_NO_DEVICE = -2


class LibraryNotFound(RuntimeError):
    pass


class GpuosError(RuntimeError):
    """A failed runtime call: `status` (int), `status_name` and the runtime's message."""

    def __init__(self, status, message):
        self.status = status
        self.status_name = STATUS.get(status, str(status))
        self.message = message
        super().__init__(f"{self.status_name}: {message}")


class NoDeviceError(GpuosError):
    """No CUDA driver or no GPU (GPUOS_ERROR_NO_DEVICE)."""


_lib = None


def _candidates():
    env = os.environ.get("GPUOS_RUNTIME_LIBRARY")
    if env:
        return [env]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))))
    found = sorted(glob.glob(os.path.join(root, "build*", "runtime", "libgpuos_runtime.so")),
                   key=os.path.getmtime, reverse=True)
    system = ctypes.util.find_library("gpuos_runtime")
    return found + ([system] if system else [])


def library():
    """The loaded runtime library (loaded on first use)."""
    global _lib
    if _lib is None:
        tried = _candidates()
        for path in tried:
            try:
                lib = ctypes.CDLL(path)
            except OSError:
                continue
            _lib = declare(lib)
            break
        else:
            raise LibraryNotFound(
                "libgpuos_runtime.so not found (tried: " + (", ".join(tried) or "nothing") +
                "); build it with -DGPUOS_ENABLE_RUNTIME=ON or set GPUOS_RUNTIME_LIBRARY")
    return _lib


def _check(status):
    if status != 0:
        message = library().gpuos_last_error().decode(errors="replace")
        raise (NoDeviceError if status == _NO_DEVICE else GpuosError)(status, message)


class TensorSpec:
    """dtype ('f32', ...), shape and size in bytes of a bundle input or output."""

    def __init__(self, raw):
        self.dtype = DTYPES[raw.dtype]
        self.shape = tuple(raw.shape[i] for i in range(raw.rank))
        self.bytes = raw.bytes

    def __repr__(self):
        return f"TensorSpec({self.dtype}, {self.shape}, {self.bytes} bytes)"


def _info_dict(raw):
    return {name: getattr(raw, name) for name, _ in raw._fields_}


def inspect(data):
    """Validates a bundle (bytes) without a GPU; returns its gpuos_bundle_info as a dict."""
    data = bytes(data)
    info = BundleInfo()
    _check(library().gpuos_bundle_inspect(data, len(data), ctypes.byref(info)))
    return _info_dict(info)


def assemble_bundle(manifest, cubin, source=b"", sm=90, register_budget=128,
                    device_abi_version=1):
    """A bundle file's bytes (docs/bundle.md, format 1), as gpuos::assemble_bundle makes them."""
    body = b""
    sections = []
    for section in (manifest, cubin, source):
        section = section.encode() if isinstance(section, str) else bytes(section)
        if not section:
            sections += [0, 0]
            continue
        body += b"\0" * (-len(body) % 16)
        sections += [96 + len(body), len(section)]
        body += section
    checksum = 14695981039346656037
    for byte in body:
        checksum = ((checksum ^ byte) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    header = struct.pack("<8sIIIIIIQQ6Q", b"GPUOSBDL", 1, 96, sm, register_budget,
                         device_abi_version, 0, 96 + len(body), checksum, *sections)
    return header + body


def _device_pointer(obj, spec, what, device):
    """(pointer, keep-alive) of a torch CUDA tensor or a raw device pointer (int)."""
    if isinstance(obj, int):
        return obj, None
    if not hasattr(obj, "data_ptr"):
        raise TypeError(f"{what}: expected a torch CUDA tensor or a device pointer (int), "
                        f"got {type(obj).__name__}")
    if not obj.is_cuda:
        raise ValueError(f"{what}: the tensor is on {obj.device}, not on a CUDA device")
    if obj.device.index is not None and obj.device.index != device:
        raise ValueError(f"{what}: the tensor is on cuda:{obj.device.index}, "
                         f"the runtime on cuda:{device}")
    if not obj.is_contiguous():
        raise ValueError(f"{what}: the tensor is not contiguous (bind dense tensors only)")
    dtype = str(obj.dtype).replace("torch.", "")
    want = {"f32": "float32", "f16": "float16", "bf16": "bfloat16", "i1": "bool",
            "i32": "int32", "i64": "int64"}[spec.dtype]
    if dtype != want or tuple(obj.shape) != spec.shape:
        raise ValueError(f"{what}: the tensor is {dtype}{list(obj.shape)}, the bundle expects "
                         f"{want}{list(spec.shape)}")
    return obj.data_ptr(), obj


class Bundle:
    """A loaded bundle: its graph, arena and operators (gpuos_bundle_t)."""

    def __init__(self, runtime, handle):
        self._runtime = runtime
        self._handle = handle
        lib = library()
        raw = BundleInfo()
        _check(lib.gpuos_bundle_get_info(handle, ctypes.byref(raw)))
        self.info = _info_dict(raw)
        self.inputs = [self._spec(lib.gpuos_bundle_input, i) for i in range(raw.num_inputs)]
        self.outputs = [self._spec(lib.gpuos_bundle_output, i) for i in range(raw.num_outputs)]
        self._bound = {}  # keeps bound tensors alive while the bundle may use them
        self._torch_bound = False

    def _spec(self, call, index):
        raw = BundleTensor()
        _check(call(self._handle, index, ctypes.byref(raw)))
        return TensorSpec(raw)

    def _live(self):
        if not self._handle:
            raise GpuosError(-1, "the bundle was destroyed")
        return self._handle

    def _bind(self, kind, index, obj, nbytes):
        specs = self.inputs if kind == "input" else self.outputs
        if not 0 <= index < len(specs):
            raise IndexError(f"{kind} {index}: the bundle has {len(specs)} {kind}s")
        spec = specs[index]
        ptr, keep = _device_pointer(obj, spec, f"{kind} {index}", self._runtime.device)
        call = library().gpuos_bundle_bind_input if kind == "input" \
            else library().gpuos_bundle_bind_output
        _check(call(self._live(), index, ctypes.c_void_p(ptr),
                    spec.bytes if nbytes is None else nbytes))
        self._bound[(kind, index)] = keep
        self._torch_bound |= keep is not None

    def bind_input(self, index, tensor_or_pointer, nbytes=None):
        """Binds input `index` to a dense torch CUDA tensor of its dtype and shape, or to a
        device pointer (int) of nbytes (default: the input's size). No copy is made."""
        self._bind("input", index, tensor_or_pointer, nbytes)

    def bind_output(self, index, tensor_or_pointer, nbytes=None):
        self._bind("output", index, tensor_or_pointer, nbytes)

    def bind(self, inputs=(), outputs=()):
        for i, t in enumerate(inputs):
            self.bind_input(i, t)
        for i, t in enumerate(outputs):
            self.bind_output(i, t)

    def submit(self, timeout_ms=10000, sync_torch=True):
        """Starts one run. With torch tensors bound, first waits for PyTorch's current
        stream (the runtime's kernel reads the inputs outside PyTorch's stream order);
        sync_torch=False skips that when the inputs are known to be ready."""
        if sync_torch and self._torch_bound:
            import torch
            torch.cuda.current_stream(self._runtime.device).synchronize()
        _check(library().gpuos_bundle_submit(self._live(), timeout_ms))

    def wait(self, timeout_ms=10000):
        """Waits for the run; raises GpuosError (e.g. GRAPH_FAILED, TIMEOUT) on failure.
        The outputs are then complete and visible to later PyTorch work."""
        _check(library().gpuos_bundle_wait(self._live(), timeout_ms))

    def run(self, timeout_ms=10000, sync_torch=True):
        self.submit(timeout_ms, sync_torch)
        self.wait(timeout_ms)

    def destroy(self):
        if self._handle:
            handle, self._handle = self._handle, None
            self._bound.clear()
            _check(library().gpuos_bundle_destroy(handle))


class Runtime:
    """A runtime on one CUDA device (gpuos_runtime_t), with its persistent kernel running.

    Keyword arguments set gpuos_runtime_config fields (block_threads, blocks_per_sm,
    op_smem_bytes, scratch_bytes, queue_capacity, ring_capacity, max_ops, stack_bytes).
    While it is open its persistent kernel runs on the device, by default on every SM
    (docs/gpu-run.md): PyTorch kernels launched meanwhile may not start until it is
    closed (blocks_per_sm=1 leaves room on the H100), and torch.cuda.synchronize(),
    which waits for every kernel, would wait for it: synchronize PyTorch's stream
    instead (torch.cuda.current_stream().synchronize())."""

    def __init__(self, device=0, **config):
        lib = library()
        cfg = RuntimeConfig()
        lib.gpuos_runtime_config_init(ctypes.byref(cfg))
        cfg.device = device
        for name, value in config.items():
            if name in ("struct_size", "device") or not hasattr(cfg, name):
                raise TypeError(f"unknown runtime config field '{name}'")
            setattr(cfg, name, value)
        handle = ctypes.c_void_p()
        _check(lib.gpuos_runtime_create(ctypes.byref(cfg), ctypes.byref(handle)))
        self._handle = handle
        self.device = device
        self._bundles = []

    def _live(self):
        if not self._handle:
            raise GpuosError(-12, "the runtime was closed")
        return self._handle

    def info(self):
        raw = RuntimeInfo()
        _check(library().gpuos_runtime_get_info(self._live(), ctypes.byref(raw)))
        return _info_dict(raw)

    def load_bundle(self, path_or_bytes):
        """Loads a bundle from a file path or from bytes."""
        handle = ctypes.c_void_p()
        if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
            data = bytes(path_or_bytes)
            _check(library().gpuos_bundle_load(self._live(), data, len(data),
                                               ctypes.byref(handle)))
        else:
            _check(library().gpuos_bundle_load_file(self._live(), os.fsencode(path_or_bytes),
                                                    ctypes.byref(handle)))
        bundle = Bundle(self, handle)
        self._bundles.append(bundle)
        return bundle

    def close(self):
        """Destroys the bundles, stops the kernel and frees the runtime."""
        if self._handle:
            for bundle in self._bundles:
                bundle.destroy()
            handle, self._handle = self._handle, None
            _check(library().gpuos_runtime_destroy(handle))

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


def api_version():
    return library().gpuos_api_version()


def status_string(status):
    return library().gpuos_status_string(status).decode()


__all__ += ["api_version", "status_string", "MAX_RANK"]
