// RUN: gpuos-translate --gpuos-to-manifest %s | FileCheck %s
// RUN: gpuos-translate --gpuos-to-manifest %s | %python -c "import json, sys; m = json.load(sys.stdin); assert m['version'] == 1 and len(m['graphs'][0]['tasks']) == 2"

// A scheduled, memory-planned graph (attributes as gpuos-schedule and
// gpuos-plan-memory write them): task 0 reads graph input 0 and writes the
// arena at 0; task 1 reads that and writes graph output 0.
// CHECK:      "format": "gpuos-manifest",
// CHECK-NEXT: "version": 1,
// CHECK-NEXT: "device_abi_version": 1,
// CHECK:        "name": "chain",
// CHECK-NEXT:   "arena": {
// CHECK-NEXT:     "bytes": 256,
// CHECK-NEXT:     "alignment": 256
// CHECK:        "inputs": [
// CHECK:            "index": 0,
// CHECK-NEXT:       "dtype": "f16",
// CHECK:            "bytes": 128
// CHECK:        "tasks": [
// CHECK:            "id": 0,
// CHECK-NEXT:       "operator": "chain_task0",
// CHECK-NEXT:       "symbol": "gpuos_opptr_chain_task0",
// CHECK-NEXT:       "tiles": 2,
// CHECK-NEXT:       "priority": 2,
// CHECK-NEXT:       "worker": 0,
// CHECK-NEXT:       "smem_bytes": 0,
// CHECK-NEXT:       "scratch_bytes": 0,
// CHECK-NEXT:       "deps": [],
// CHECK-NEXT:       "args": [
// CHECK-NEXT:         {
// CHECK-NEXT:           "role": "input",
// CHECK-NEXT:           "buffer": {
// CHECK-NEXT:             "kind": "input",
// CHECK-NEXT:             "index": 0
// CHECK-NEXT:           },
// CHECK-NEXT:           "dtype": "f16",
// CHECK-NEXT:           "shape": [
// CHECK-NEXT:             4,
// CHECK-NEXT:             16
// CHECK-NEXT:           ],
// CHECK-NEXT:           "strides": [
// CHECK-NEXT:             16,
// CHECK-NEXT:             1
// CHECK-NEXT:           ],
// CHECK-NEXT:           "bytes": 128
// CHECK-NEXT:         },
// CHECK-NEXT:         {
// CHECK-NEXT:           "role": "result",
// CHECK-NEXT:           "buffer": {
// CHECK-NEXT:             "kind": "arena",
// CHECK-NEXT:             "offset": 0
// CHECK-NEXT:           },
// CHECK-NEXT:           "dtype": "f32",
// CHECK:            "id": 1,
// CHECK-NEXT:       "operator": "chain_task1",
// CHECK:            "smem_bytes": 0,
// CHECK-NEXT:       "scratch_bytes": 0,
// CHECK-NEXT:       "deps": [
// CHECK-NEXT:         0
// CHECK-NEXT:       ],
// CHECK:              "role": "input",
// CHECK-NEXT:         "buffer": {
// CHECK-NEXT:           "kind": "arena",
// CHECK-NEXT:           "offset": 0
// CHECK:              "role": "result",
// CHECK-NEXT:         "buffer": {
// CHECK-NEXT:           "kind": "output",
// CHECK-NEXT:           "index": 0
gpuos.graph @chain(%x: tensor<4x16xf16>) -> tensor<4xf32> attributes {gpuos.arena_alignment = 256 : i64, gpuos.arena_size = 256 : i64, gpuos.num_chains = 1 : i64, gpuos.num_tasks = 2 : i64} {
  %0 = gpuos.task ins(%x : tensor<4x16xf16>) -> tensor<4x16xf32> attributes {gpuos.deps = array<i64>, gpuos.priority = 2 : i64, gpuos.result_offsets = array<i64: 0>, gpuos.result_outputs = array<i64: -1>, gpuos.result_sizes = array<i64: 256>, gpuos.task_id = 0 : i64, gpuos.tiles = 2 : i64, gpuos.worker = 0 : i64} {
  ^bb0(%a: tensor<4x16xf16>):
    %c = gpuos.cast %a : tensor<4x16xf16> -> tensor<4x16xf32>
    gpuos.yield %c : tensor<4x16xf32>
  }
  %1 = gpuos.task ins(%0 : tensor<4x16xf32>) -> tensor<4xf32> attributes {gpuos.deps = array<i64: 0>, gpuos.priority = 1 : i64, gpuos.result_offsets = array<i64: -1>, gpuos.result_outputs = array<i64: 0>, gpuos.result_sizes = array<i64: 16>, gpuos.task_id = 1 : i64, gpuos.tiles = 1 : i64, gpuos.worker = 0 : i64} {
  ^bb0(%a: tensor<4x16xf32>):
    %s = gpuos.reduce sum %a axes = [1] : tensor<4x16xf32> -> tensor<4xf32>
    gpuos.yield %s : tensor<4xf32>
  }
  gpuos.return %1 : tensor<4xf32>
}
