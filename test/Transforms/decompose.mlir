// RUN: gpuos-opt %s -gpuos-decompose -split-input-file | FileCheck %s
// RUN: gpuos-opt %s -gpuos-decompose=keep=softmax,layer_norm,rms_norm,gelu,mean -split-input-file | FileCheck %s --check-prefix=KEEP
// RUN: gpuos-opt %s -gpuos-decompose=half-in-f32=false -split-input-file | FileCheck %s --check-prefix=HALF
// RUN: not gpuos-opt %s -gpuos-decompose=keep=matmul -split-input-file 2>&1 | FileCheck %s --check-prefix=BADKEEP

// BADKEEP: error: gpuos-decompose: unknown composite 'matmul' in keep

// CHECK-LABEL: gpuos.graph @softmax
// CHECK:      %[[MAX:.*]] = gpuos.reduce max %arg0 axes = [1] keepdim : tensor<4x8xf32> -> tensor<4x1xf32>
// CHECK-NEXT: %[[SH:.*]] = gpuos.sub %arg0, %[[MAX]] : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xf32>
// CHECK-NEXT: %[[EXP:.*]] = gpuos.exp %[[SH]] : tensor<4x8xf32>
// CHECK-NEXT: %[[SUM:.*]] = gpuos.reduce sum %[[EXP]] axes = [1] keepdim : tensor<4x8xf32> -> tensor<4x1xf32>
// CHECK-NEXT: %[[DIV:.*]] = gpuos.div %[[EXP]], %[[SUM]] : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xf32>
// CHECK-NEXT: gpuos.return %[[DIV]]
// KEEP-LABEL: gpuos.graph @softmax
// KEEP: gpuos.softmax
gpuos.graph @softmax(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %y = gpuos.softmax %x axis = 1 : tensor<4x8xf32>
  gpuos.return %y : tensor<4x8xf32>
}

// -----

// The mean and the variance are sums divided by the row length (8 * 16).
// CHECK-LABEL: gpuos.graph @layer_norm
// CHECK-NOT:  gpuos.layer_norm
// CHECK:      %[[S:.*]] = gpuos.reduce sum %arg0 axes = [1, 2] keepdim : tensor<2x8x16xf32> -> tensor<2x1x1xf32>
// CHECK:      %[[N:.*]] = gpuos.fill 1.280000e+02 : f32 -> tensor<f32>
// CHECK:      %[[MEAN:.*]] = gpuos.div %[[S]], %[[N]]
// CHECK:      %[[C:.*]] = gpuos.sub %arg0, %[[MEAN]]
// CHECK:      %[[SQ:.*]] = gpuos.mul %[[C]], %[[C]]
// CHECK:      gpuos.reduce sum %[[SQ]] axes = [1, 2] keepdim
// CHECK:      gpuos.fill 9.99999974E-6 : f32
// CHECK:      %[[R:.*]] = gpuos.rsqrt
// CHECK:      %[[Y:.*]] = gpuos.mul %[[C]], %[[R]]
// CHECK:      %[[W:.*]] = gpuos.mul %[[Y]], %arg1 : tensor<2x8x16xf32>, tensor<8x16xf32> -> tensor<2x8x16xf32>
// CHECK:      %[[B:.*]] = gpuos.add %[[W]], %arg2 : tensor<2x8x16xf32>, tensor<8x16xf32> -> tensor<2x8x16xf32>
// CHECK:      gpuos.return %[[B]]
// KEEP-LABEL: gpuos.graph @layer_norm
// KEEP: gpuos.layer_norm
gpuos.graph @layer_norm(%x: tensor<2x8x16xf32>, %w: tensor<8x16xf32>, %b: tensor<8x16xf32>) -> tensor<2x8x16xf32> {
  %y = gpuos.layer_norm %x weight(%w : tensor<8x16xf32>) bias(%b : tensor<8x16xf32>) dims = 2 eps = 1.000000e-05 : tensor<2x8x16xf32>
  gpuos.return %y : tensor<2x8x16xf32>
}

// -----

// Half-precision composites are expanded in f32 between casts.
// CHECK-LABEL: gpuos.graph @rms_norm
// CHECK:      %[[X:.*]] = gpuos.cast %arg0 : tensor<4x64xf16> -> tensor<4x64xf32>
// CHECK-NEXT: %[[SQ:.*]] = gpuos.mul %[[X]], %[[X]] : tensor<4x64xf32>
// CHECK-NEXT: %[[S:.*]] = gpuos.reduce sum %[[SQ]] axes = [1] keepdim : tensor<4x64xf32> -> tensor<4x1xf32>
// CHECK-NEXT: %[[N:.*]] = gpuos.fill 6.400000e+01 : f32 -> tensor<f32>
// CHECK-NEXT: %[[MS:.*]] = gpuos.div %[[S]], %[[N]]
// CHECK-NEXT: %[[W:.*]] = gpuos.cast %arg1 : tensor<64xf16> -> tensor<64xf32>
// CHECK-NEXT: %[[EPS:.*]] = gpuos.fill {{.*}} : f32 -> tensor<f32>
// CHECK-NEXT: %[[A:.*]] = gpuos.add %[[MS]], %[[EPS]]
// CHECK-NEXT: %[[R:.*]] = gpuos.rsqrt %[[A]] : tensor<4x1xf32>
// CHECK-NEXT: %[[Y:.*]] = gpuos.mul %[[X]], %[[R]]
// CHECK-NEXT: %[[YW:.*]] = gpuos.mul %[[Y]], %[[W]] : tensor<4x64xf32>, tensor<64xf32> -> tensor<4x64xf32>
// CHECK-NEXT: %[[OUT:.*]] = gpuos.cast %[[YW]] : tensor<4x64xf32> -> tensor<4x64xf16>
// CHECK-NEXT: gpuos.return %[[OUT]]
// CHECK-NOT:  gpuos.rms_norm
// HALF-LABEL: gpuos.graph @rms_norm
// HALF:       %[[SQ:.*]] = gpuos.mul %arg0, %arg0 : tensor<4x64xf16>
// HALF-NEXT:  gpuos.reduce sum %[[SQ]] axes = [1] keepdim : tensor<4x64xf16> -> tensor<4x1xf16>
// HALF-NEXT:  gpuos.fill 6.400000e+01 : f16 -> tensor<f16>
// HALF-NOT:   gpuos.cast
// HALF:       gpuos.return
gpuos.graph @rms_norm(%x: tensor<4x64xf16>, %w: tensor<64xf16>) -> tensor<4x64xf16> {
  %y = gpuos.rms_norm %x weight(%w : tensor<64xf16>) dims = 1 eps = 1.000000e-05 : tensor<4x64xf16>
  gpuos.return %y : tensor<4x64xf16>
}

// -----

// gelu with tanh becomes primitives; gelu with erf has none and stays.
// CHECK-LABEL: gpuos.graph @gelu
// CHECK-DAG:  gpuos.fill 4.471500e-02
// CHECK-DAG:  gpuos.fill 0.797884583
// CHECK:      gpuos.tanh
// CHECK:      %[[T:.*]] = gpuos.mul %{{.*}}, %{{.*}} : tensor<8xf32>, tensor<8xf32>
// CHECK-NEXT: gpuos.gelu erf %[[T]]
// CHECK-NOT:  gpuos.gelu tanh
gpuos.graph @gelu(%x: tensor<8xf32>) -> tensor<8xf32> {
  %t = gpuos.gelu tanh %x : tensor<8xf32>
  %e = gpuos.gelu erf %t : tensor<8xf32>
  gpuos.return %e : tensor<8xf32>
}

// -----

// Integer mean: a sum and a truncating division, as the op defines it.
// CHECK-LABEL: gpuos.graph @mean
// CHECK:      %[[S:.*]] = gpuos.reduce sum %arg0 axes = [0, 2] : tensor<3x4x5xi32> -> tensor<4xi32>
// CHECK-NEXT: %[[N:.*]] = gpuos.fill 15 : i32 -> tensor<i32>
// CHECK-NEXT: %[[M:.*]] = gpuos.div %[[S]], %[[N]] : tensor<4xi32>, tensor<i32> -> tensor<4xi32>
// CHECK-NEXT: gpuos.return %[[M]]
// Other reductions stay.
// CHECK-LABEL: gpuos.graph @max_stays
// CHECK: gpuos.reduce max
gpuos.graph @mean(%x: tensor<3x4x5xi32>) -> tensor<4xi32> {
  %m = gpuos.reduce mean %x axes = [0, 2] : tensor<3x4x5xi32> -> tensor<4xi32>
  gpuos.return %m : tensor<4xi32>
}
gpuos.graph @max_stays(%x: tensor<3x4xf32>) -> tensor<3xf32> {
  %m = gpuos.reduce max %x axes = [1] : tensor<3x4xf32> -> tensor<3xf32>
  gpuos.return %m : tensor<3xf32>
}
