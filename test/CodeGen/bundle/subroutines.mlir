// REQUIRES: nvrtc
// Operators call internal subroutines (the slow paths of float division and
// square root, 64-bit integer division). The device linker keeps only what a
// kernel reaches; GPUOS_EXPORT_OP adds a never-launched kernel per operator so
// those subroutines stay in the linked cubin. Without them the calls jump to
// address 0 and fault on the GPU the first time a slow path is taken.
// RUN: gpuos-opt --gpuos-pipeline %s -o %t.mlir
// RUN: gpuos-translate --gpuos-to-bundle %t.mlir -o %t.bundle
// RUN: %python -c "import struct, sys; b = open(sys.argv[1], 'rb').read(); o, n = struct.unpack_from('<QQ', b, 64); sys.stdout.buffer.write(b[o:o + n])" %t.bundle > %t.cubin
// RUN: %python -c "import re, sys; print('\n'.join(sorted(set(m.decode() for m in re.findall(rb'__cuda_[a-z0-9_]+', open(sys.argv[1], 'rb').read())))))" %t.cubin | FileCheck %s

// CHECK-DAG: __cuda_sm20_div_s64
// CHECK-DAG: __cuda_sm20_sqrt_rn_f32_slowpath
// CHECK-DAG: __cuda_sm3x_div_rn_noftz_f32_slowpath

gpuos.graph @slow_paths(%a: tensor<64xf32>, %b: tensor<64xf32>, %i: tensor<64xi64>, %j: tensor<64xi64>)
    -> (tensor<64xf32>, tensor<64xi64>) {
  %d = gpuos.div %a, %b : tensor<64xf32>, tensor<64xf32> -> tensor<64xf32>
  %s = gpuos.sqrt %d : tensor<64xf32>
  %n = gpuos.div %i, %j : tensor<64xi64>, tensor<64xi64> -> tensor<64xi64>
  gpuos.return %s, %n : tensor<64xf32>, tensor<64xi64>
}
