// Every gpuos op and attribute form survives printing and re-parsing, in the
// custom form, the generic form and bytecode; printing is a fixed point.
// RUN: gpuos-opt %s | gpuos-opt | FileCheck %s
// RUN: gpuos-opt %s -mlir-print-op-generic | gpuos-opt | FileCheck %s
// RUN: gpuos-opt %s -emit-bytecode | gpuos-opt | FileCheck %s
// RUN: gpuos-opt %s > %t.1 && gpuos-opt %t.1 > %t.2 && diff %t.1 %t.2
// RUN: gpuos-opt %s -mlir-print-op-generic > %t.g1 && gpuos-opt %t.g1 -mlir-print-op-generic > %t.g2 && diff %t.g1 %t.g2

// CHECK-LABEL: gpuos.graph @binary_f32(
// CHECK-SAME: %[[A0:[^ ,:)]+]]: tensor<4x8xf32>, %[[A1:[^ ,:)]+]]: tensor<8xf32>, %[[A2:[^ ,:)]+]]: tensor<4x1xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>) {
// CHECK-NEXT: %[[V0:[^ ,:)]+]] = gpuos.add %[[A0]], %[[A1]] : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
// CHECK-NEXT: %[[V1:[^ ,:)]+]] = gpuos.sub %[[V0]], %[[A2]] : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xf32>
// CHECK-NEXT: %[[V2:[^ ,:)]+]] = gpuos.mul %[[V1]], %[[A1]] : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
// CHECK-NEXT: %[[V3:[^ ,:)]+]] = gpuos.div %[[V2]], %[[A2]] : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xf32>
// CHECK-NEXT: %[[V4:[^ ,:)]+]] = gpuos.max %[[V3]], %[[A0]] : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
// CHECK-NEXT: %[[V5:[^ ,:)]+]] = gpuos.min %[[V4]], %[[A0]] : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
// CHECK-NEXT: %[[V6:[^ ,:)]+]] = gpuos.pow %[[V5]], %[[A1]] : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
// CHECK-NEXT: gpuos.return %[[V5]], %[[V6]] : tensor<4x8xf32>, tensor<4x8xf32>
// CHECK-NEXT: }
gpuos.graph @binary_f32(%a: tensor<4x8xf32>, %b: tensor<8xf32>, %c: tensor<4x1xf32>) -> (tensor<4x8xf32>, tensor<4x8xf32>) {
  %0 = gpuos.add %a, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
  %1 = gpuos.sub %0, %c : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xf32>
  %2 = gpuos.mul %1, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
  %3 = gpuos.div %2, %c : tensor<4x8xf32>, tensor<4x1xf32> -> tensor<4x8xf32>
  %4 = gpuos.max %3, %a : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
  %5 = gpuos.min %4, %a : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
  %6 = gpuos.pow %5, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
  gpuos.return %5, %6 : tensor<4x8xf32>, tensor<4x8xf32>
}

// CHECK-LABEL: gpuos.graph @binary_int(
// CHECK-SAME: %[[A0:[^ ,:)]+]]: tensor<2x3xi32>, %[[A1:[^ ,:)]+]]: tensor<3xi32>, %[[A2:[^ ,:)]+]]: tensor<5xi64>, %[[A3:[^ ,:)]+]]: tensor<i64>) -> (tensor<2x3xi32>, tensor<5xi64>) {
// CHECK-NEXT: %[[V0:[^ ,:)]+]] = gpuos.add %[[A0]], %[[A1]] : tensor<2x3xi32>, tensor<3xi32> -> tensor<2x3xi32>
// CHECK-NEXT: %[[V1:[^ ,:)]+]] = gpuos.div %[[V0]], %[[A1]] : tensor<2x3xi32>, tensor<3xi32> -> tensor<2x3xi32>
// CHECK-NEXT: %[[V2:[^ ,:)]+]] = gpuos.sub %[[A2]], %[[A3]] : tensor<5xi64>, tensor<i64> -> tensor<5xi64>
// CHECK-NEXT: %[[V3:[^ ,:)]+]] = gpuos.mul %[[A3]], %[[V2]] : tensor<i64>, tensor<5xi64> -> tensor<5xi64>
// CHECK-NEXT: gpuos.return %[[V1]], %[[V3]] : tensor<2x3xi32>, tensor<5xi64>
// CHECK-NEXT: }
gpuos.graph @binary_int(%a: tensor<2x3xi32>, %b: tensor<3xi32>, %c: tensor<5xi64>, %d: tensor<i64>) -> (tensor<2x3xi32>, tensor<5xi64>) {
  %0 = gpuos.add %a, %b : tensor<2x3xi32>, tensor<3xi32> -> tensor<2x3xi32>
  %1 = gpuos.div %0, %b : tensor<2x3xi32>, tensor<3xi32> -> tensor<2x3xi32>
  %2 = gpuos.sub %c, %d : tensor<5xi64>, tensor<i64> -> tensor<5xi64>
  %3 = gpuos.mul %d, %2 : tensor<i64>, tensor<5xi64> -> tensor<5xi64>
  gpuos.return %1, %3 : tensor<2x3xi32>, tensor<5xi64>
}

// CHECK-LABEL: gpuos.graph @unary_float(
// CHECK-SAME: %[[A0:[^ ,:)]+]]: tensor<16xf32>, %[[A1:[^ ,:)]+]]: tensor<2x8xf16>, %[[A2:[^ ,:)]+]]: tensor<4xbf16>) -> (tensor<16xf32>, tensor<2x8xf16>, tensor<4xbf16>) {
// CHECK-NEXT: %[[V0:[^ ,:)]+]] = gpuos.neg %[[A0]] : tensor<16xf32>
// CHECK-NEXT: %[[V1:[^ ,:)]+]] = gpuos.abs %[[V0]] : tensor<16xf32>
// CHECK-NEXT: %[[V2:[^ ,:)]+]] = gpuos.exp %[[V1]] : tensor<16xf32>
// CHECK-NEXT: %[[V3:[^ ,:)]+]] = gpuos.log %[[V2]] : tensor<16xf32>
// CHECK-NEXT: %[[V4:[^ ,:)]+]] = gpuos.sqrt %[[V3]] : tensor<16xf32>
// CHECK-NEXT: %[[V5:[^ ,:)]+]] = gpuos.rsqrt %[[V4]] : tensor<16xf32>
// CHECK-NEXT: %[[V6:[^ ,:)]+]] = gpuos.tanh %[[V5]] : tensor<16xf32>
// CHECK-NEXT: %[[V7:[^ ,:)]+]] = gpuos.sigmoid %[[V6]] : tensor<16xf32>
// CHECK-NEXT: %[[V8:[^ ,:)]+]] = gpuos.relu %[[V7]] : tensor<16xf32>
// CHECK-NEXT: %[[V9:[^ ,:)]+]] = gpuos.silu %[[V8]] : tensor<16xf32>
// CHECK-NEXT: %[[V10:[^ ,:)]+]] = gpuos.sin %[[V9]] : tensor<16xf32>
// CHECK-NEXT: %[[V11:[^ ,:)]+]] = gpuos.cos %[[V10]] : tensor<16xf32>
// CHECK-NEXT: %[[V12:[^ ,:)]+]] = gpuos.gelu erf %[[V11]] : tensor<16xf32>
// CHECK-NEXT: %[[V13:[^ ,:)]+]] = gpuos.gelu tanh %[[A1]] : tensor<2x8xf16>
// CHECK-NEXT: %[[V14:[^ ,:)]+]] = gpuos.exp %[[A2]] : tensor<4xbf16>
// CHECK-NEXT: gpuos.return %[[V12]], %[[V13]], %[[V14]] : tensor<16xf32>, tensor<2x8xf16>, tensor<4xbf16>
// CHECK-NEXT: }
gpuos.graph @unary_float(%x: tensor<16xf32>, %h: tensor<2x8xf16>, %b: tensor<4xbf16>) -> (tensor<16xf32>, tensor<2x8xf16>, tensor<4xbf16>) {
  %0 = gpuos.neg %x : tensor<16xf32>
  %1 = gpuos.abs %0 : tensor<16xf32>
  %2 = gpuos.exp %1 : tensor<16xf32>
  %3 = gpuos.log %2 : tensor<16xf32>
  %4 = gpuos.sqrt %3 : tensor<16xf32>
  %5 = gpuos.rsqrt %4 : tensor<16xf32>
  %6 = gpuos.tanh %5 : tensor<16xf32>
  %7 = gpuos.sigmoid %6 : tensor<16xf32>
  %8 = gpuos.relu %7 : tensor<16xf32>
  %9 = gpuos.silu %8 : tensor<16xf32>
  %10 = gpuos.sin %9 : tensor<16xf32>
  %11 = gpuos.cos %10 : tensor<16xf32>
  %12 = gpuos.gelu erf %11 : tensor<16xf32>
  %13 = gpuos.gelu tanh %h : tensor<2x8xf16>
  %14 = gpuos.exp %b : tensor<4xbf16>
  gpuos.return %12, %13, %14 : tensor<16xf32>, tensor<2x8xf16>, tensor<4xbf16>
}

// CHECK-LABEL: gpuos.graph @unary_int(
// CHECK-SAME: %[[A0:[^ ,:)]+]]: tensor<3xi32>, %[[A1:[^ ,:)]+]]: tensor<3xi64>) -> (tensor<3xi32>, tensor<3xi64>) {
// CHECK-NEXT: %[[V0:[^ ,:)]+]] = gpuos.neg %[[A0]] : tensor<3xi32>
// CHECK-NEXT: %[[V1:[^ ,:)]+]] = gpuos.abs %[[V0]] : tensor<3xi32>
// CHECK-NEXT: %[[V2:[^ ,:)]+]] = gpuos.relu %[[A1]] : tensor<3xi64>
// CHECK-NEXT: gpuos.return %[[V1]], %[[V2]] : tensor<3xi32>, tensor<3xi64>
// CHECK-NEXT: }
gpuos.graph @unary_int(%a: tensor<3xi32>, %b: tensor<3xi64>) -> (tensor<3xi32>, tensor<3xi64>) {
  %0 = gpuos.neg %a : tensor<3xi32>
  %1 = gpuos.abs %0 : tensor<3xi32>
  %2 = gpuos.relu %b : tensor<3xi64>
  gpuos.return %1, %2 : tensor<3xi32>, tensor<3xi64>
}

// CHECK-LABEL: gpuos.graph @compare(
// CHECK-SAME: %[[A0:[^ ,:)]+]]: tensor<4x8xf32>, %[[A1:[^ ,:)]+]]: tensor<8xf32>, %[[A2:[^ ,:)]+]]: tensor<3xi32>) -> (tensor<4x8xi1>, tensor<3xi1>) {
// CHECK-NEXT: %[[V0:[^ ,:)]+]] = gpuos.cmp eq, %[[A0]], %[[A1]] : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xi1>
// CHECK-NEXT: %[[V1:[^ ,:)]+]] = gpuos.cmp ne, %[[A0]], %[[A1]] : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xi1>
// CHECK-NEXT: %[[V2:[^ ,:)]+]] = gpuos.cmp lt, %[[A0]], %[[A0]] : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xi1>
// CHECK-NEXT: %[[V3:[^ ,:)]+]] = gpuos.cmp le, %[[A1]], %[[A0]] : tensor<8xf32>, tensor<4x8xf32> -> tensor<4x8xi1>
// CHECK-NEXT: %[[V4:[^ ,:)]+]] = gpuos.cmp gt, %[[A2]], %[[A2]] : tensor<3xi32>, tensor<3xi32> -> tensor<3xi1>
// CHECK-NEXT: %[[V5:[^ ,:)]+]] = gpuos.cmp ge, %[[A2]], %[[A2]] : tensor<3xi32>, tensor<3xi32> -> tensor<3xi1>
// CHECK-NEXT: %[[V6:[^ ,:)]+]] = gpuos.cmp eq, %[[V4]], %[[V5]] : tensor<3xi1>, tensor<3xi1> -> tensor<3xi1>
// CHECK-NEXT: gpuos.return %[[V0]], %[[V6]] : tensor<4x8xi1>, tensor<3xi1>
// CHECK-NEXT: }
gpuos.graph @compare(%a: tensor<4x8xf32>, %b: tensor<8xf32>, %i: tensor<3xi32>) -> (tensor<4x8xi1>, tensor<3xi1>) {
  %0 = gpuos.cmp eq, %a, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xi1>
  %1 = gpuos.cmp ne, %a, %b : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xi1>
  %2 = gpuos.cmp lt, %a, %a : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xi1>
  %3 = gpuos.cmp le, %b, %a : tensor<8xf32>, tensor<4x8xf32> -> tensor<4x8xi1>
  %4 = gpuos.cmp gt, %i, %i : tensor<3xi32>, tensor<3xi32> -> tensor<3xi1>
  %5 = gpuos.cmp ge, %i, %i : tensor<3xi32>, tensor<3xi32> -> tensor<3xi1>
  %6 = gpuos.cmp eq, %4, %5 : tensor<3xi1>, tensor<3xi1> -> tensor<3xi1>
  gpuos.return %0, %6 : tensor<4x8xi1>, tensor<3xi1>
}

// CHECK-LABEL: gpuos.graph @select_cast(
// CHECK-SAME: %[[A0:[^ ,:)]+]]: tensor<4x1xi1>, %[[A1:[^ ,:)]+]]: tensor<8xf32>, %[[A2:[^ ,:)]+]]: tensor<4x8xf32>) -> (tensor<4x8xf16>, tensor<4x8xi32>, tensor<4x8xi1>, tensor<4x8xbf16>, tensor<4x8xi64>) {
// CHECK-NEXT: %[[V0:[^ ,:)]+]] = gpuos.select %[[A0]], %[[A1]], %[[A2]] : tensor<4x1xi1>, tensor<8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
// CHECK-NEXT: %[[V1:[^ ,:)]+]] = gpuos.cast %[[V0]] : tensor<4x8xf32> -> tensor<4x8xf16>
// CHECK-NEXT: %[[V2:[^ ,:)]+]] = gpuos.cast %[[V0]] : tensor<4x8xf32> -> tensor<4x8xi32>
// CHECK-NEXT: %[[V3:[^ ,:)]+]] = gpuos.cast %[[V2]] : tensor<4x8xi32> -> tensor<4x8xi1>
// CHECK-NEXT: %[[V4:[^ ,:)]+]] = gpuos.cast %[[V1]] : tensor<4x8xf16> -> tensor<4x8xbf16>
// CHECK-NEXT: %[[V5:[^ ,:)]+]] = gpuos.cast %[[V3]] : tensor<4x8xi1> -> tensor<4x8xi64>
// CHECK-NEXT: gpuos.return %[[V1]], %[[V2]], %[[V3]], %[[V4]], %[[V5]] : tensor<4x8xf16>, tensor<4x8xi32>, tensor<4x8xi1>, tensor<4x8xbf16>, tensor<4x8xi64>
// CHECK-NEXT: }
gpuos.graph @select_cast(%c: tensor<4x1xi1>, %a: tensor<8xf32>, %b: tensor<4x8xf32>) -> (tensor<4x8xf16>, tensor<4x8xi32>, tensor<4x8xi1>, tensor<4x8xbf16>, tensor<4x8xi64>) {
  %0 = gpuos.select %c, %a, %b : tensor<4x1xi1>, tensor<8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
  %1 = gpuos.cast %0 : tensor<4x8xf32> -> tensor<4x8xf16>
  %2 = gpuos.cast %0 : tensor<4x8xf32> -> tensor<4x8xi32>
  %3 = gpuos.cast %2 : tensor<4x8xi32> -> tensor<4x8xi1>
  %4 = gpuos.cast %1 : tensor<4x8xf16> -> tensor<4x8xbf16>
  %5 = gpuos.cast %3 : tensor<4x8xi1> -> tensor<4x8xi64>
  gpuos.return %1, %2, %3, %4, %5 : tensor<4x8xf16>, tensor<4x8xi32>, tensor<4x8xi1>, tensor<4x8xbf16>, tensor<4x8xi64>
}

// CHECK-LABEL: gpuos.graph @reductions(
// CHECK-SAME: %[[A0:[^ ,:)]+]]: tensor<2x3x4xf32>, %[[A1:[^ ,:)]+]]: tensor<5x6xi64>) -> (tensor<3xf32>, tensor<2x1x4xf32>, tensor<1x1x1xf32>, tensor<f32>, tensor<5x1xi64>) {
// CHECK-NEXT: %[[V0:[^ ,:)]+]] = gpuos.reduce sum %[[A0]] axes = [0, 2] : tensor<2x3x4xf32> -> tensor<3xf32>
// CHECK-NEXT: %[[V1:[^ ,:)]+]] = gpuos.reduce mean %[[A0]] axes = [1] keepdim : tensor<2x3x4xf32> -> tensor<2x1x4xf32>
// CHECK-NEXT: %[[V2:[^ ,:)]+]] = gpuos.reduce max %[[A0]] axes = [0, 1, 2] keepdim : tensor<2x3x4xf32> -> tensor<1x1x1xf32>
// CHECK-NEXT: %[[V3:[^ ,:)]+]] = gpuos.reduce min %[[A0]] axes = [0, 1, 2] : tensor<2x3x4xf32> -> tensor<f32>
// CHECK-NEXT: %[[V4:[^ ,:)]+]] = gpuos.reduce prod %[[A1]] axes = [1] keepdim : tensor<5x6xi64> -> tensor<5x1xi64>
// CHECK-NEXT: gpuos.return %[[V0]], %[[V1]], %[[V2]], %[[V3]], %[[V4]] : tensor<3xf32>, tensor<2x1x4xf32>, tensor<1x1x1xf32>, tensor<f32>, tensor<5x1xi64>
// CHECK-NEXT: }
gpuos.graph @reductions(%x: tensor<2x3x4xf32>, %i: tensor<5x6xi64>) -> (tensor<3xf32>, tensor<2x1x4xf32>, tensor<1x1x1xf32>, tensor<f32>, tensor<5x1xi64>) {
  %0 = gpuos.reduce sum %x axes = [0, 2] : tensor<2x3x4xf32> -> tensor<3xf32>
  %1 = gpuos.reduce mean %x axes = [1] keepdim : tensor<2x3x4xf32> -> tensor<2x1x4xf32>
  %2 = gpuos.reduce max %x axes = [0, 1, 2] keepdim : tensor<2x3x4xf32> -> tensor<1x1x1xf32>
  %3 = gpuos.reduce min %x axes = [0, 1, 2] : tensor<2x3x4xf32> -> tensor<f32>
  %4 = gpuos.reduce prod %i axes = [1] keepdim : tensor<5x6xi64> -> tensor<5x1xi64>
  gpuos.return %0, %1, %2, %3, %4 : tensor<3xf32>, tensor<2x1x4xf32>, tensor<1x1x1xf32>, tensor<f32>, tensor<5x1xi64>
}

// CHECK-LABEL: gpuos.graph @normalization(
// CHECK-SAME: %[[A0:[^ ,:)]+]]: tensor<8x768xf32>, %[[A1:[^ ,:)]+]]: tensor<768xf32>, %[[A2:[^ ,:)]+]]: tensor<768xf32>, %[[A3:[^ ,:)]+]]: tensor<2x4x16xf16>, %[[A4:[^ ,:)]+]]: tensor<4x16xf16>) -> (tensor<8x768xf32>, tensor<8x768xf32>, tensor<8x768xf32>, tensor<8x768xf32>, tensor<2x4x16xf16>, tensor<2x4x16xf16>, tensor<2x4x16xf16>) {
// CHECK-NEXT: %[[V0:[^ ,:)]+]] = gpuos.softmax %[[A0]] axis = 1 : tensor<8x768xf32>
// CHECK-NEXT: %[[V1:[^ ,:)]+]] = gpuos.layer_norm %[[A0]] weight(%[[A1]] : tensor<768xf32>) bias(%[[A2]] : tensor<768xf32>) dims = 1 eps = 1.000000e-05 : tensor<8x768xf32>
// CHECK-NEXT: %[[V2:[^ ,:)]+]] = gpuos.layer_norm %[[A0]] weight(%[[A1]] : tensor<768xf32>) dims = 1 eps = 1.000000e-05 : tensor<8x768xf32>
// CHECK-NEXT: %[[V3:[^ ,:)]+]] = gpuos.layer_norm %[[A0]] bias(%[[A2]] : tensor<768xf32>) dims = 1 eps = 0.000000e+00 : tensor<8x768xf32>
// CHECK-NEXT: %[[V4:[^ ,:)]+]] = gpuos.layer_norm %[[A3]] dims = 3 eps = 9.9999999999999995E-7 : tensor<2x4x16xf16>
// CHECK-NEXT: %[[V5:[^ ,:)]+]] = gpuos.rms_norm %[[A3]] weight(%[[A4]] : tensor<4x16xf16>) dims = 2 eps = 9.9999999999999995E-7 : tensor<2x4x16xf16>
// CHECK-NEXT: %[[V6:[^ ,:)]+]] = gpuos.rms_norm %[[A3]] dims = 1 eps = 9.9999999999999995E-7 : tensor<2x4x16xf16>
// CHECK-NEXT: gpuos.return %[[V0]], %[[V1]], %[[V2]], %[[V3]], %[[V4]], %[[V5]], %[[V6]] : tensor<8x768xf32>, tensor<8x768xf32>, tensor<8x768xf32>, tensor<8x768xf32>, tensor<2x4x16xf16>, tensor<2x4x16xf16>, tensor<2x4x16xf16>
// CHECK-NEXT: }
gpuos.graph @normalization(%x: tensor<8x768xf32>, %w: tensor<768xf32>, %b: tensor<768xf32>, %h: tensor<2x4x16xf16>, %hw: tensor<4x16xf16>) -> (tensor<8x768xf32>, tensor<8x768xf32>, tensor<8x768xf32>, tensor<8x768xf32>, tensor<2x4x16xf16>, tensor<2x4x16xf16>, tensor<2x4x16xf16>) {
  %0 = gpuos.softmax %x axis = 1 : tensor<8x768xf32>
  %1 = gpuos.layer_norm %x weight(%w : tensor<768xf32>) bias(%b : tensor<768xf32>) dims = 1 eps = 1.000000e-05 : tensor<8x768xf32>
  %2 = gpuos.layer_norm %x weight(%w : tensor<768xf32>) dims = 1 eps = 1.000000e-05 : tensor<8x768xf32>
  %3 = gpuos.layer_norm %x bias(%b : tensor<768xf32>) dims = 1 eps = 0.000000e+00 : tensor<8x768xf32>
  %4 = gpuos.layer_norm %h dims = 3 eps = 9.9999999999999995E-7 : tensor<2x4x16xf16>
  %5 = gpuos.rms_norm %h weight(%hw : tensor<4x16xf16>) dims = 2 eps = 1.000000e-06 : tensor<2x4x16xf16>
  %6 = gpuos.rms_norm %h dims = 1 eps = 1.000000e-06 : tensor<2x4x16xf16>
  gpuos.return %0, %1, %2, %3, %4, %5, %6 : tensor<8x768xf32>, tensor<8x768xf32>, tensor<8x768xf32>, tensor<8x768xf32>, tensor<2x4x16xf16>, tensor<2x4x16xf16>, tensor<2x4x16xf16>
}

// CHECK-LABEL: gpuos.graph @matmuls(
// CHECK-SAME: %[[A0:[^ ,:)]+]]: tensor<4x8xf32>, %[[A1:[^ ,:)]+]]: tensor<8x16xf32>, %[[A2:[^ ,:)]+]]: tensor<8x4xf32>, %[[A3:[^ ,:)]+]]: tensor<16x8xf32>, %[[A4:[^ ,:)]+]]: tensor<2x1x4x8xbf16>, %[[A5:[^ ,:)]+]]: tensor<3x8x5xbf16>, %[[A6:[^ ,:)]+]]: tensor<2x3xi32>, %[[A7:[^ ,:)]+]]: tensor<3x2xi32>) -> (tensor<4x16xf32>, tensor<4x16xf32>, tensor<4x16xf32>, tensor<4x16xf32>, tensor<2x3x4x5xbf16>, tensor<2x2xi32>) {
// CHECK-NEXT: %[[V0:[^ ,:)]+]] = gpuos.matmul %[[A0]], %[[A1]] : tensor<4x8xf32>, tensor<8x16xf32> -> tensor<4x16xf32>
// CHECK-NEXT: %[[V1:[^ ,:)]+]] = gpuos.matmul %[[A2]], %[[A1]] transpose_lhs : tensor<8x4xf32>, tensor<8x16xf32> -> tensor<4x16xf32>
// CHECK-NEXT: %[[V2:[^ ,:)]+]] = gpuos.matmul %[[A0]], %[[A3]] transpose_rhs : tensor<4x8xf32>, tensor<16x8xf32> -> tensor<4x16xf32>
// CHECK-NEXT: %[[V3:[^ ,:)]+]] = gpuos.matmul %[[A2]], %[[A3]] transpose_lhs transpose_rhs : tensor<8x4xf32>, tensor<16x8xf32> -> tensor<4x16xf32>
// CHECK-NEXT: %[[V4:[^ ,:)]+]] = gpuos.matmul %[[A4]], %[[A5]] : tensor<2x1x4x8xbf16>, tensor<3x8x5xbf16> -> tensor<2x3x4x5xbf16>
// CHECK-NEXT: %[[V5:[^ ,:)]+]] = gpuos.matmul %[[A6]], %[[A7]] : tensor<2x3xi32>, tensor<3x2xi32> -> tensor<2x2xi32>
// CHECK-NEXT: gpuos.return %[[V0]], %[[V1]], %[[V2]], %[[V3]], %[[V4]], %[[V5]] : tensor<4x16xf32>, tensor<4x16xf32>, tensor<4x16xf32>, tensor<4x16xf32>, tensor<2x3x4x5xbf16>, tensor<2x2xi32>
// CHECK-NEXT: }
gpuos.graph @matmuls(%a: tensor<4x8xf32>, %b: tensor<8x16xf32>, %at: tensor<8x4xf32>, %bt: tensor<16x8xf32>, %ba: tensor<2x1x4x8xbf16>, %bb: tensor<3x8x5xbf16>, %ia: tensor<2x3xi32>, %ib: tensor<3x2xi32>) -> (tensor<4x16xf32>, tensor<4x16xf32>, tensor<4x16xf32>, tensor<4x16xf32>, tensor<2x3x4x5xbf16>, tensor<2x2xi32>) {
  %0 = gpuos.matmul %a, %b : tensor<4x8xf32>, tensor<8x16xf32> -> tensor<4x16xf32>
  %1 = gpuos.matmul %at, %b transpose_lhs : tensor<8x4xf32>, tensor<8x16xf32> -> tensor<4x16xf32>
  %2 = gpuos.matmul %a, %bt transpose_rhs : tensor<4x8xf32>, tensor<16x8xf32> -> tensor<4x16xf32>
  %3 = gpuos.matmul %at, %bt transpose_lhs transpose_rhs : tensor<8x4xf32>, tensor<16x8xf32> -> tensor<4x16xf32>
  %4 = gpuos.matmul %ba, %bb : tensor<2x1x4x8xbf16>, tensor<3x8x5xbf16> -> tensor<2x3x4x5xbf16>
  %5 = gpuos.matmul %ia, %ib : tensor<2x3xi32>, tensor<3x2xi32> -> tensor<2x2xi32>
  gpuos.return %0, %1, %2, %3, %4, %5 : tensor<4x16xf32>, tensor<4x16xf32>, tensor<4x16xf32>, tensor<4x16xf32>, tensor<2x3x4x5xbf16>, tensor<2x2xi32>
}

// CHECK-LABEL: gpuos.graph @views(
// CHECK-SAME: %[[A0:[^ ,:)]+]]: tensor<2x3x4xf32>, %[[A1:[^ ,:)]+]]: tensor<2x5x4xf32>, %[[A2:[^ ,:)]+]]: tensor<2x1x4xf32>, %[[A3:[^ ,:)]+]]: tensor<3x1xi1>) -> (tensor<6x4xf32>, tensor<4x2x3xf32>, tensor<1x2x2xf32>, tensor<5x2x3x4xf32>, tensor<2x9x4xf32>, tensor<2x3x4xf32>, tensor<3x7xi1>) {
// CHECK-NEXT: %[[V0:[^ ,:)]+]] = gpuos.reshape %[[A0]] : tensor<2x3x4xf32> -> tensor<6x4xf32>
// CHECK-NEXT: %[[V1:[^ ,:)]+]] = gpuos.permute %[[A0]] [2, 0, 1] : tensor<2x3x4xf32> -> tensor<4x2x3xf32>
// CHECK-NEXT: %[[V2:[^ ,:)]+]] = gpuos.slice %[[A0]] starts = [1, 0, 1] limits = [2, 3, 4] strides = [1, 2, 2] : tensor<2x3x4xf32> -> tensor<1x2x2xf32>
// CHECK-NEXT: %[[V3:[^ ,:)]+]] = gpuos.broadcast_to %[[A0]] : tensor<2x3x4xf32> -> tensor<5x2x3x4xf32>
// CHECK-NEXT: %[[V4:[^ ,:)]+]] = gpuos.concat %[[A0]], %[[A1]], %[[A2]] axis = 1 : tensor<2x3x4xf32>, tensor<2x5x4xf32>, tensor<2x1x4xf32> -> tensor<2x9x4xf32>
// CHECK-NEXT: %[[V5:[^ ,:)]+]] = gpuos.concat %[[A0]] axis = 0 : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
// CHECK-NEXT: %[[V6:[^ ,:)]+]] = gpuos.broadcast_to %[[A3]] : tensor<3x1xi1> -> tensor<3x7xi1>
// CHECK-NEXT: gpuos.return %[[V0]], %[[V1]], %[[V2]], %[[V3]], %[[V4]], %[[V5]], %[[V6]] : tensor<6x4xf32>, tensor<4x2x3xf32>, tensor<1x2x2xf32>, tensor<5x2x3x4xf32>, tensor<2x9x4xf32>, tensor<2x3x4xf32>, tensor<3x7xi1>
// CHECK-NEXT: }
gpuos.graph @views(%x: tensor<2x3x4xf32>, %y: tensor<2x5x4xf32>, %z: tensor<2x1x4xf32>, %m: tensor<3x1xi1>) -> (tensor<6x4xf32>, tensor<4x2x3xf32>, tensor<1x2x2xf32>, tensor<5x2x3x4xf32>, tensor<2x9x4xf32>, tensor<2x3x4xf32>, tensor<3x7xi1>) {
  %0 = gpuos.reshape %x : tensor<2x3x4xf32> -> tensor<6x4xf32>
  %1 = gpuos.permute %x [2, 0, 1] : tensor<2x3x4xf32> -> tensor<4x2x3xf32>
  %2 = gpuos.slice %x starts = [1, 0, 1] limits = [2, 3, 4] strides = [1, 2, 2] : tensor<2x3x4xf32> -> tensor<1x2x2xf32>
  %3 = gpuos.broadcast_to %x : tensor<2x3x4xf32> -> tensor<5x2x3x4xf32>
  %4 = gpuos.concat %x, %y, %z axis = 1 : tensor<2x3x4xf32>, tensor<2x5x4xf32>, tensor<2x1x4xf32> -> tensor<2x9x4xf32>
  %5 = gpuos.concat %x axis = 0 : tensor<2x3x4xf32> -> tensor<2x3x4xf32>
  %6 = gpuos.broadcast_to %m : tensor<3x1xi1> -> tensor<3x7xi1>
  gpuos.return %0, %1, %2, %3, %4, %5, %6 : tensor<6x4xf32>, tensor<4x2x3xf32>, tensor<1x2x2xf32>, tensor<5x2x3x4xf32>, tensor<2x9x4xf32>, tensor<2x3x4xf32>, tensor<3x7xi1>
}

// CHECK-LABEL: gpuos.graph @constants(
// CHECK-SAME: ) -> (tensor<4xf32>, tensor<2x2xf32>, tensor<3xbf16>, tensor<2xbf16>, tensor<4xi1>, tensor<2xi1>, tensor<2xf16>, tensor<3xi32>, tensor<i64>) {
// CHECK-NEXT: %[[V0:[^ ,:)]+]] = gpuos.constant dense<1.500000e+00> : tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ,:)]+]] = gpuos.constant dense<{{\[\[}}1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
// CHECK-NEXT: %[[V2:[^ ,:)]+]] = gpuos.constant dense<2.500000e-01> : tensor<3xbf16>
// CHECK-NEXT: %[[V3:[^ ,:)]+]] = gpuos.constant dense<[1.000000e+00, -2.000000e+00]> : tensor<2xbf16>
// CHECK-NEXT: %[[V4:[^ ,:)]+]] = gpuos.constant dense<true> : tensor<4xi1>
// CHECK-NEXT: %[[V5:[^ ,:)]+]] = gpuos.constant dense<[true, false]> : tensor<2xi1>
// CHECK-NEXT: %[[V6:[^ ,:)]+]] = gpuos.constant dense<[5.000000e-01, 0x7C00]> : tensor<2xf16>
// CHECK-NEXT: %[[V7:[^ ,:)]+]] = gpuos.constant dense<[1, -2, 3]> : tensor<3xi32>
// CHECK-NEXT: %[[V8:[^ ,:)]+]] = gpuos.constant dense<42> : tensor<i64>
// CHECK-NEXT: gpuos.return %[[V0]], %[[V1]], %[[V2]], %[[V3]], %[[V4]], %[[V5]], %[[V6]], %[[V7]], %[[V8]] : tensor<4xf32>, tensor<2x2xf32>, tensor<3xbf16>, tensor<2xbf16>, tensor<4xi1>, tensor<2xi1>, tensor<2xf16>, tensor<3xi32>, tensor<i64>
// CHECK-NEXT: }
gpuos.graph @constants() -> (tensor<4xf32>, tensor<2x2xf32>, tensor<3xbf16>, tensor<2xbf16>, tensor<4xi1>, tensor<2xi1>, tensor<2xf16>, tensor<3xi32>, tensor<i64>) {
  %0 = gpuos.constant dense<1.500000e+00> : tensor<4xf32>
  %1 = gpuos.constant dense<[[1.000000e+00, 2.000000e+00], [3.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
  %2 = gpuos.constant dense<2.500000e-01> : tensor<3xbf16>
  %3 = gpuos.constant dense<[1.000000e+00, -2.000000e+00]> : tensor<2xbf16>
  %4 = gpuos.constant dense<true> : tensor<4xi1>
  %5 = gpuos.constant dense<[true, false]> : tensor<2xi1>
  %6 = gpuos.constant dense<[0.5, 0x7C00]> : tensor<2xf16>
  %7 = gpuos.constant dense<[1, -2, 3]> : tensor<3xi32>
  %8 = gpuos.constant dense<42> : tensor<i64>
  gpuos.return %0, %1, %2, %3, %4, %5, %6, %7, %8 : tensor<4xf32>, tensor<2x2xf32>, tensor<3xbf16>, tensor<2xbf16>, tensor<4xi1>, tensor<2xi1>, tensor<2xf16>, tensor<3xi32>, tensor<i64>
}

// CHECK-LABEL: gpuos.graph @fills(
// CHECK-SAME: ) -> (tensor<4xf32>, tensor<2x3xf16>, tensor<2xbf16>, tensor<3xi32>, tensor<2x2xi64>, tensor<5xi1>) {
// CHECK-NEXT: %[[V0:[^ ,:)]+]] = gpuos.fill 2.000000e+00 : f32 -> tensor<4xf32>
// CHECK-NEXT: %[[V1:[^ ,:)]+]] = gpuos.fill -1.250000e-01 : f16 -> tensor<2x3xf16>
// CHECK-NEXT: %[[V2:[^ ,:)]+]] = gpuos.fill 3.000000e+00 : bf16 -> tensor<2xbf16>
// CHECK-NEXT: %[[V3:[^ ,:)]+]] = gpuos.fill 7 : i32 -> tensor<3xi32>
// CHECK-NEXT: %[[V4:[^ ,:)]+]] = gpuos.fill -9 : i64 -> tensor<2x2xi64>
// CHECK-NEXT: %[[V5:[^ ,:)]+]] = gpuos.fill true -> tensor<5xi1>
// CHECK-NEXT: gpuos.return %[[V0]], %[[V1]], %[[V2]], %[[V3]], %[[V4]], %[[V5]] : tensor<4xf32>, tensor<2x3xf16>, tensor<2xbf16>, tensor<3xi32>, tensor<2x2xi64>, tensor<5xi1>
// CHECK-NEXT: }
gpuos.graph @fills() -> (tensor<4xf32>, tensor<2x3xf16>, tensor<2xbf16>, tensor<3xi32>, tensor<2x2xi64>, tensor<5xi1>) {
  %0 = gpuos.fill 2.000000e+00 : f32 -> tensor<4xf32>
  %1 = gpuos.fill -1.250000e-01 : f16 -> tensor<2x3xf16>
  %2 = gpuos.fill 3.000000e+00 : bf16 -> tensor<2xbf16>
  %3 = gpuos.fill 7 : i32 -> tensor<3xi32>
  %4 = gpuos.fill -9 : i64 -> tensor<2x2xi64>
  %5 = gpuos.fill true -> tensor<5xi1>
  gpuos.return %0, %1, %2, %3, %4, %5 : tensor<4xf32>, tensor<2x3xf16>, tensor<2xbf16>, tensor<3xi32>, tensor<2x2xi64>, tensor<5xi1>
}

// CHECK-LABEL: gpuos.graph @tasks(
// CHECK-SAME: %[[A0:[^ ,:)]+]]: tensor<8xf32>, %[[A1:[^ ,:)]+]]: tensor<8xf32>, %[[A2:[^ ,:)]+]]: tensor<4x8xf32>) -> (tensor<8xf32>, tensor<4x8xf32>) {
// CHECK-NEXT: %[[V0:[^ ,:)]+]]:2 = gpuos.task ins(%[[A0]], %[[A1]], %[[A2]] : tensor<8xf32>, tensor<8xf32>, tensor<4x8xf32>) -> tensor<8xf32>, tensor<4x8xf32> attributes {deps = [0, 1], priority = 2 : i64, tiles = 4 : i32} {
// CHECK-NEXT: ^bb0(%[[A3:[^ ,:)]+]]: tensor<8xf32>, %[[A4:[^ ,:)]+]]: tensor<8xf32>, %[[A5:[^ ,:)]+]]: tensor<4x8xf32>):
// CHECK-NEXT: %[[V2:[^ ,:)]+]] = gpuos.add %[[A3]], %[[A4]] : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
// CHECK-NEXT: %[[V3:[^ ,:)]+]] = gpuos.mul %[[A5]], %[[V2]] : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
// CHECK-NEXT: gpuos.yield %[[V2]], %[[V3]] : tensor<8xf32>, tensor<4x8xf32>
// CHECK-NEXT: }
// CHECK-NEXT: %[[V1:[^ ,:)]+]] = gpuos.task ins(%[[V0]]#0 : tensor<8xf32>) -> tensor<8xf32> {
// CHECK-NEXT: ^bb0(%[[A3:[^ ,:)]+]]: tensor<8xf32>):
// CHECK-NEXT: %[[V2:[^ ,:)]+]] = gpuos.relu %[[A3]] : tensor<8xf32>
// CHECK-NEXT: gpuos.yield %[[V2]] : tensor<8xf32>
// CHECK-NEXT: }
// CHECK-NEXT: gpuos.task {
// CHECK-NEXT: }
// CHECK-NEXT: gpuos.return %[[V1]], %[[V0]]#1 : tensor<8xf32>, tensor<4x8xf32>
// CHECK-NEXT: }
gpuos.graph @tasks(%a: tensor<8xf32>, %b: tensor<8xf32>, %c: tensor<4x8xf32>) -> (tensor<8xf32>, tensor<4x8xf32>) {
  %0:2 = gpuos.task ins(%a, %b, %c : tensor<8xf32>, tensor<8xf32>, tensor<4x8xf32>) -> tensor<8xf32>, tensor<4x8xf32> attributes {deps = [0, 1], priority = 2 : i64, tiles = 4 : i32} {
  ^bb0(%x: tensor<8xf32>, %y: tensor<8xf32>, %z: tensor<4x8xf32>):
    %s = gpuos.add %x, %y : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
    %t = gpuos.mul %z, %s : tensor<4x8xf32>, tensor<8xf32> -> tensor<4x8xf32>
    gpuos.yield %s, %t : tensor<8xf32>, tensor<4x8xf32>
  }
  %1 = gpuos.task ins(%0#0 : tensor<8xf32>) -> tensor<8xf32> {
  ^bb0(%x: tensor<8xf32>):
    %r = gpuos.relu %x : tensor<8xf32>
    gpuos.yield %r : tensor<8xf32>
  }
  gpuos.task {
  }
  gpuos.return %1, %0#1 : tensor<8xf32>, tensor<4x8xf32>
}

// CHECK-LABEL: gpuos.graph private @attrs(
// CHECK-SAME: %[[A0:[^ ,:)]+]]: tensor<2xf32> {gpuos.name = "x"}) -> (tensor<2xf32> {gpuos.name = "y"}) attributes {gpuos.source = "torch"} {
// CHECK-NEXT: gpuos.return %[[A0]] : tensor<2xf32>
// CHECK-NEXT: }
gpuos.graph private @attrs(%x: tensor<2xf32> {gpuos.name = "x"}) -> (tensor<2xf32> {gpuos.name = "y"}) attributes {gpuos.source = "torch"} {
  gpuos.return %x : tensor<2xf32>
}

// CHECK-LABEL: gpuos.graph @empty(
// CHECK-SAME: ) {
// CHECK-NEXT: gpuos.return
// CHECK-NEXT: }
gpuos.graph @empty() {
  gpuos.return
}
