"""npy_formats.py write DIR: writes the inputs of npy_formats.mlir in several
.npy format versions; npy_formats.py check DIR: loads what gpuos-run wrote
back with NumPy and compares with the inputs."""
import io
import os
import sys

import numpy as np

ARRAYS = {
    "v2": (np.arange(6, dtype=np.float32).reshape(2, 3), (2, 0)),
    "v3": (np.array([-1, 0, 2**40], dtype=np.int64), (3, 0)),
    "scalar": (np.array(0.5, dtype=np.float16), (1, 0)),
    "empty": (np.zeros((0, 4), dtype=np.int32), (1, 0)),
    "bool": (np.array([True, False, False, True]), (1, 0)),
    # bf16 bit patterns of 1.0, -2.5 and 2^-7.
    "bf16": (np.array([0x3F80, 0xC020, 0x3C00], dtype=np.uint16), (1, 0)),
}

mode, folder = sys.argv[1:3]
for i, (name, (array, version)) in enumerate(ARRAYS.items()):
    if mode == "write":
        with open(os.path.join(folder, name + ".npy"), "wb") as f:
            np.lib.format.write_array(f, array, version=version)
        continue
    path = os.path.join(folder, "out", "out%d.npy" % i)
    got = np.load(path)
    if got.dtype != array.dtype or got.shape != array.shape or not np.array_equal(got, array):
        raise SystemExit("out%d.npy: got %r, expected %r" % (i, got, array))
    # Byte for byte what numpy.save writes (format 1.0, same header padding).
    expected = io.BytesIO()
    np.save(expected, array)
    if open(path, "rb").read() != expected.getvalue():
        raise SystemExit("out%d.npy differs from numpy.save's bytes" % i)
