// RUN: gpuos-opt %s --gpuos-pipeline | gpuos-opt | FileCheck %s
// RUN: gpuos-opt %s --gpuos-pipeline="keep=softmax cost-model=bytes num-sms=4 horizontal=false" | FileCheck %s --check-prefix=OPTS
// RUN: gpuos-opt %s --gpuos-pipeline -mlir-print-ir-after-all -o /dev/null 2>&1 | FileCheck %s --check-prefix=DUMP

// After the pipeline a graph holds tasks and the return only, every task
// carrying the attributes the code generator and the runtime read. The
// whole single-token attention is one task over (head, query row).
// CHECK-LABEL: gpuos.graph @attention_row
// CHECK-SAME:  gpuos.arena_alignment = 256 : i64, gpuos.arena_size = 0 : i64, gpuos.num_chains = 0 : i64, gpuos.num_tasks = 1 : i64
// CHECK-NEXT:  gpuos.task {{.*}}attributes {gpuos.deps = array<i64>, gpuos.domain = array<i64: 4, 1>, gpuos.priority = 4 : i64, gpuos.result_offsets = array<i64: -1>, gpuos.result_outputs = array<i64: 0>, gpuos.result_sizes = array<i64: 1024>, gpuos.rows_per_tile = 1 : i64, gpuos.task_id = 0 : i64, gpuos.tiles = 4 : i64}
// CHECK:         gpuos.fill
// CHECK-NEXT:    gpuos.matmul
// CHECK-NEXT:    gpuos.mul
// CHECK-NEXT:    gpuos.reduce max
// CHECK-NEXT:    gpuos.sub
// CHECK-NEXT:    gpuos.exp
// CHECK-NEXT:    gpuos.reduce sum
// CHECK-NEXT:    gpuos.div
// CHECK-NEXT:    gpuos.matmul
// CHECK-NEXT:    gpuos.yield
// CHECK-NEXT:  }
// CHECK-NEXT:  gpuos.return
// OPTS-LABEL:  gpuos.graph @attention_row
// OPTS:        gpuos.softmax
// DUMP: IR Dump After Canonicalizer
// DUMP: IR Dump After GPUOSDecompose
// DUMP: IR Dump After GPUOSFuse
// DUMP: IR Dump After GPUOSTile
// DUMP: IR Dump After GPUOSSchedule
// DUMP: IR Dump After GPUOSPlanMemory
gpuos.graph @attention_row(%q: tensor<4x1x64xf32>, %k: tensor<4x128x64xf32>, %v: tensor<4x128x64xf32>) -> tensor<4x1x64xf32> {
  %s = gpuos.matmul %q, %k transpose_rhs : tensor<4x1x64xf32>, tensor<4x128x64xf32> -> tensor<4x1x128xf32>
  %c = gpuos.fill 1.250000e-01 : f32 -> tensor<f32>
  %t = gpuos.mul %s, %c : tensor<4x1x128xf32>, tensor<f32> -> tensor<4x1x128xf32>
  %p = gpuos.softmax %t axis = 2 : tensor<4x1x128xf32>
  %o = gpuos.matmul %p, %v : tensor<4x1x128xf32>, tensor<4x128x64xf32> -> tensor<4x1x64xf32>
  gpuos.return %o : tensor<4x1x64xf32>
}
