"""Reads a bundle as docs/bundle.md describes it, independently of the runtime,
checks its header, sections and checksum, and prints a summary for FileCheck."""
import json
import struct
import sys

HEADER = struct.Struct("<8sIIIIIIQQQQQQQQ")

data = open(sys.argv[1], "rb").read()
(magic, version, header_bytes, sm, registers, abi, flags, total, checksum,
 man_off, man_len, cub_off, cub_len, src_off, src_len) = HEADER.unpack_from(data)
assert magic == b"GPUOSBDL", magic
assert header_bytes == HEADER.size == 96
assert total == len(data), (total, len(data))
h = 14695981039346656037
for b in data[header_bytes:]:
    h = ((h ^ b) * 1099511628211) & (2**64 - 1)
assert h == checksum, "checksum"
for off, n in ((man_off, man_len), (cub_off, cub_len), (src_off, src_len)):
    assert n == 0 or (off >= header_bytes and off % 16 == 0 and off + n <= total)
manifest = json.loads(data[man_off:man_off + man_len])
cubin = data[cub_off:cub_off + cub_len]
assert cubin[:4] == b"\x7fELF"
print(f"version {version} sm_{sm} registers {registers} abi {abi} flags {flags}")
print(f"manifest {manifest['format']} v{manifest['version']}")
for graph in manifest["graphs"]:
    print(f"graph {graph['name']} arena {graph['arena']['bytes']}")
    for task in graph["tasks"]:
        exported = task["symbol"].encode() in cubin
        print(f"task {task['id']} {task['operator']} tiles {task['tiles']} "
              f"exported {exported}")
print(f"source {src_len > 0}")
if src_len:
    print(data[src_off:src_off + src_len].decode())
