"""ctypes mirror of the structs and calls of gpuos/runtime.h (API 1.1).

Field order and types follow the header exactly; python/tests/test_binding.py
checks sizes and offsets against the C compiler's."""
import ctypes
from ctypes import POINTER, c_char_p, c_int32, c_int64, c_size_t, c_uint32, c_uint64, c_void_p

MAX_RANK = 8  # GPUOS_MAX_RANK
DTYPES = {1: "f32", 2: "f16", 3: "bf16", 4: "i1", 5: "i32", 6: "i64"}  # GPUOS_DTYPE_*


class RuntimeConfig(ctypes.Structure):
    _fields_ = [("struct_size", c_uint32), ("device", c_int32), ("block_threads", c_uint32),
                ("blocks_per_sm", c_uint32), ("op_smem_bytes", c_uint32),
                ("scratch_bytes", c_uint32), ("queue_capacity", c_uint32),
                ("ring_capacity", c_uint32), ("max_ops", c_uint32), ("stack_bytes", c_uint32)]


class RuntimeInfo(ctypes.Structure):
    _fields_ = [("device", c_int32), ("cc_major", c_int32), ("cc_minor", c_int32),
                ("sm_count", c_uint32), ("worker_blocks", c_uint32), ("block_threads", c_uint32),
                ("register_budget", c_uint32), ("kernel_registers", c_uint32),
                ("stack_bytes", c_uint32), ("kernel_frame_bytes", c_uint32),
                ("op_smem_bytes", c_uint32), ("queue_capacity", c_uint32), ("max_ops", c_uint32)]


class BundleInfo(ctypes.Structure):
    _fields_ = [("format_version", c_uint32), ("sm", c_uint32), ("register_budget", c_uint32),
                ("device_abi_version", c_uint32), ("num_inputs", c_uint32),
                ("num_outputs", c_uint32), ("num_tasks", c_uint32), ("num_operators", c_uint32),
                ("arena_bytes", c_uint64), ("cubin_bytes", c_uint64), ("source_bytes", c_uint64),
                ("max_smem_bytes", c_uint32), ("max_scratch_bytes", c_uint64)]


class BundleTensor(ctypes.Structure):
    _fields_ = [("dtype", c_int32), ("rank", c_int32), ("shape", c_int64 * MAX_RANK),
                ("bytes", c_uint64)]


STRUCTS = {"gpuos_runtime_config": RuntimeConfig, "gpuos_runtime_info": RuntimeInfo,
           "gpuos_bundle_info": BundleInfo, "gpuos_bundle_tensor": BundleTensor}

_status = c_int32
_handle = c_void_p
# name -> (result type, argument types)
_CALLS = {
    "gpuos_api_version": (c_uint32, []),
    "gpuos_status_string": (c_char_p, [_status]),
    "gpuos_last_error": (c_char_p, []),
    "gpuos_runtime_config_init": (None, [POINTER(RuntimeConfig)]),
    "gpuos_runtime_create": (_status, [POINTER(RuntimeConfig), POINTER(_handle)]),
    "gpuos_runtime_destroy": (_status, [_handle]),
    "gpuos_runtime_get_info": (_status, [_handle, POINTER(RuntimeInfo)]),
    "gpuos_bundle_inspect": (_status, [c_char_p, c_size_t, POINTER(BundleInfo)]),
    "gpuos_bundle_load": (_status, [_handle, c_char_p, c_size_t, POINTER(_handle)]),
    "gpuos_bundle_load_file": (_status, [_handle, c_char_p, POINTER(_handle)]),
    "gpuos_bundle_get_info": (_status, [_handle, POINTER(BundleInfo)]),
    "gpuos_bundle_input": (_status, [_handle, c_uint32, POINTER(BundleTensor)]),
    "gpuos_bundle_output": (_status, [_handle, c_uint32, POINTER(BundleTensor)]),
    "gpuos_bundle_bind_input": (_status, [_handle, c_uint32, c_void_p, c_size_t]),
    "gpuos_bundle_bind_output": (_status, [_handle, c_uint32, c_void_p, c_size_t]),
    "gpuos_bundle_submit": (_status, [_handle, c_uint32]),
    "gpuos_bundle_wait": (_status, [_handle, c_uint32]),
    "gpuos_bundle_destroy": (_status, [_handle]),
}


def declare(lib):
    """Sets the result and argument types of every call the binding uses."""
    for name, (restype, argtypes) in _CALLS.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes
    return lib
