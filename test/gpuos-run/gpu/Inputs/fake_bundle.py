"""Writes a well-formed bundle whose cubin is only an ELF header: enough for
every check made before the runtime loads it (gpuos_bundle_inspect), never
loadable on a GPU. Its graph is examples/default.mlir's signature.

    fake_bundle.py OUT [--corrupt]   (--corrupt flips one manifest byte)
"""
import json
import sys

from gpuos.runtime import assemble_bundle


def tensor(dtype, shape, index=None):
    strides = [1] * len(shape)
    for i in range(len(shape) - 2, -1, -1):
        strides[i] = strides[i + 1] * shape[i + 1]
    count = 1
    for d in shape:
        count *= d
    entry = {"dtype": dtype, "shape": shape, "strides": strides, "bytes": 4 * count}
    if index is not None:
        entry["index"] = index
    return entry


def main():
    inputs = [[4, 16], [16], [16], [16, 32], [32], [32, 16], [16]]
    manifest = {
        "format": "gpuos-manifest", "version": 1, "device_abi_version": 1,
        "graphs": [{
            "name": "transformer_block",
            "arena": {"bytes": 0, "alignment": 256},
            "inputs": [tensor("f32", s, i) for i, s in enumerate(inputs)],
            "outputs": [tensor("f32", [4, 16], 0)],
            "tasks": [{
                "id": 0, "operator": "t0", "symbol": "gpuos_opptr_t0", "tiles": 1,
                "smem_bytes": 0, "scratch_bytes": 0, "deps": [],
                "args": [dict(tensor("f32", [4, 16]), buffer={"kind": "input", "index": 0}),
                         dict(tensor("f32", [4, 16]), buffer={"kind": "output", "index": 0})]}],
        }],
    }
    cubin = b"\x7fELF\x02\x01\x01" + bytes(57)
    data = bytearray(assemble_bundle(json.dumps(manifest), cubin))
    if "--corrupt" in sys.argv:
        data[100] ^= 0x01
    with open(sys.argv[1], "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
