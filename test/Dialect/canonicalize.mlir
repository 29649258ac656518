// Folders of the gpuos dialect: algebraic identities (only where no
// broadcast is lost), double negation and views that do nothing or compose;
// CSE of duplicate ops.
// RUN: gpuos-opt %s -canonicalize | FileCheck %s
// RUN: gpuos-opt %s -cse | FileCheck %s --check-prefix=CSE

// x + 0 (a fill) is x.
// CHECK-LABEL: gpuos.graph @add_fill_zero_rhs(
// CHECK-SAME: %[[X:[^:]+]]: tensor<4x8xf32>)
// CHECK-NEXT: gpuos.return %[[X]] : tensor<4x8xf32>
gpuos.graph @add_fill_zero_rhs(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %z = gpuos.fill 0.0 : f32 -> tensor<4x8xf32>
  %0 = gpuos.add %x, %z : tensor<4x8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
  gpuos.return %0 : tensor<4x8xf32>
}

// 0 + x with a broadcasting splat constant is x: x already has the result shape.
// CHECK-LABEL: gpuos.graph @add_constant_zero_lhs(
// CHECK-SAME: %[[X:[^:]+]]: tensor<4x8xf32>)
// CHECK-NEXT: gpuos.return %[[X]] : tensor<4x8xf32>
gpuos.graph @add_constant_zero_lhs(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %z = gpuos.constant dense<0.0> : tensor<8xf32>
  %0 = gpuos.add %z, %x : tensor<8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
  gpuos.return %0 : tensor<4x8xf32>
}

// CHECK-LABEL: gpuos.graph @add_zero_int(
// CHECK-SAME: %[[X:[^:]+]]: tensor<3xi32>)
// CHECK-NEXT: gpuos.return %[[X]] : tensor<3xi32>
gpuos.graph @add_zero_int(%x: tensor<3xi32>) -> tensor<3xi32> {
  %z = gpuos.fill 0 : i32 -> tensor<3xi32>
  %0 = gpuos.add %x, %z : tensor<3xi32>, tensor<3xi32> -> tensor<3xi32>
  gpuos.return %0 : tensor<3xi32>
}

// x + zeros of a bigger shape broadcasts x: it must stay.
// CHECK-LABEL: gpuos.graph @add_zero_broadcasts_up(
// CHECK-SAME: %[[X:[^:]+]]: tensor<8xf32>)
// CHECK-NEXT: %[[Z:.+]] = gpuos.fill 0.000000e+00 : f32 -> tensor<4x8xf32>
// CHECK-NEXT: %[[S:.+]] = gpuos.add %[[X]], %[[Z]] : tensor<8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
// CHECK-NEXT: gpuos.return %[[S]]
gpuos.graph @add_zero_broadcasts_up(%x: tensor<8xf32>) -> tensor<4x8xf32> {
  %z = gpuos.fill 0.0 : f32 -> tensor<4x8xf32>
  %0 = gpuos.add %x, %z : tensor<8xf32>, tensor<4x8xf32> -> tensor<4x8xf32>
  gpuos.return %0 : tensor<4x8xf32>
}

// A non-splat constant is not zero even where most elements are.
// CHECK-LABEL: gpuos.graph @add_nonzero(
// CHECK: gpuos.constant dense<[0.000000e+00, 0.000000e+00, 0.000000e+00, 1.000000e+00]>
// CHECK-NEXT: gpuos.add
gpuos.graph @add_nonzero(%x: tensor<4xf32>) -> tensor<4xf32> {
  %c = gpuos.constant dense<[0.0, 0.0, 0.0, 1.0]> : tensor<4xf32>
  %0 = gpuos.add %x, %c : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  gpuos.return %0 : tensor<4xf32>
}

// CHECK-LABEL: gpuos.graph @sub_zero(
// CHECK-SAME: %[[X:[^:]+]]: tensor<4xf16>)
// CHECK-NEXT: gpuos.return %[[X]] : tensor<4xf16>
gpuos.graph @sub_zero(%x: tensor<4xf16>) -> tensor<4xf16> {
  %z = gpuos.fill 0.0 : f16 -> tensor<4xf16>
  %0 = gpuos.sub %x, %z : tensor<4xf16>, tensor<4xf16> -> tensor<4xf16>
  gpuos.return %0 : tensor<4xf16>
}

// 0 - x is -x, not x.
// CHECK-LABEL: gpuos.graph @zero_sub(
// CHECK-SAME: %[[X:[^:]+]]: tensor<4xf32>)
// CHECK: %[[D:.+]] = gpuos.sub %{{.+}}, %[[X]]
// CHECK-NEXT: gpuos.return %[[D]]
gpuos.graph @zero_sub(%x: tensor<4xf32>) -> tensor<4xf32> {
  %z = gpuos.fill 0.0 : f32 -> tensor<4xf32>
  %0 = gpuos.sub %z, %x : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  gpuos.return %0 : tensor<4xf32>
}

// CHECK-LABEL: gpuos.graph @mul_fill_one_rhs(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3xbf16>)
// CHECK-NEXT: gpuos.return %[[X]] : tensor<2x3xbf16>
gpuos.graph @mul_fill_one_rhs(%x: tensor<2x3xbf16>) -> tensor<2x3xbf16> {
  %one = gpuos.fill 1.0 : bf16 -> tensor<3xbf16>
  %0 = gpuos.mul %x, %one : tensor<2x3xbf16>, tensor<3xbf16> -> tensor<2x3xbf16>
  gpuos.return %0 : tensor<2x3xbf16>
}

// CHECK-LABEL: gpuos.graph @mul_constant_one_lhs(
// CHECK-SAME: %[[X:[^:]+]]: tensor<5xi64>)
// CHECK-NEXT: gpuos.return %[[X]] : tensor<5xi64>
gpuos.graph @mul_constant_one_lhs(%x: tensor<5xi64>) -> tensor<5xi64> {
  %one = gpuos.constant dense<1> : tensor<5xi64>
  %0 = gpuos.mul %one, %x : tensor<5xi64>, tensor<5xi64> -> tensor<5xi64>
  gpuos.return %0 : tensor<5xi64>
}

// CHECK-LABEL: gpuos.graph @mul_zero(
// CHECK: %[[P:.+]] = gpuos.mul
// CHECK-NEXT: gpuos.return %[[P]]
gpuos.graph @mul_zero(%x: tensor<4xf32>) -> tensor<4xf32> {
  %z = gpuos.fill 0.0 : f32 -> tensor<4xf32>
  %0 = gpuos.mul %x, %z : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  gpuos.return %0 : tensor<4xf32>
}

// CHECK-LABEL: gpuos.graph @mul_one_broadcasts_up(
// CHECK-SAME: %[[X:[^:]+]]: tensor<1x3xf32>)
// CHECK-NEXT: %[[ONE:.+]] = gpuos.constant dense<1.000000e+00> : tensor<2x3xf32>
// CHECK-NEXT: %[[P:.+]] = gpuos.mul %[[X]], %[[ONE]] : tensor<1x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
// CHECK-NEXT: gpuos.return %[[P]]
gpuos.graph @mul_one_broadcasts_up(%x: tensor<1x3xf32>) -> tensor<2x3xf32> {
  %one = gpuos.constant dense<1.0> : tensor<2x3xf32>
  %0 = gpuos.mul %x, %one : tensor<1x3xf32>, tensor<2x3xf32> -> tensor<2x3xf32>
  gpuos.return %0 : tensor<2x3xf32>
}

// CHECK-LABEL: gpuos.graph @div_one(
// CHECK-SAME: %[[X:[^:]+]]: tensor<4xf32>)
// CHECK-NEXT: gpuos.return %[[X]] : tensor<4xf32>
gpuos.graph @div_one(%x: tensor<4xf32>) -> tensor<4xf32> {
  %one = gpuos.constant dense<1.0> : tensor<f32>
  %0 = gpuos.div %x, %one : tensor<4xf32>, tensor<f32> -> tensor<4xf32>
  gpuos.return %0 : tensor<4xf32>
}

// CHECK-LABEL: gpuos.graph @one_div(
// CHECK-SAME: %[[X:[^:]+]]: tensor<4xi32>)
// CHECK: %[[Q:.+]] = gpuos.div %{{.+}}, %[[X]]
// CHECK-NEXT: gpuos.return %[[Q]]
gpuos.graph @one_div(%x: tensor<4xi32>) -> tensor<4xi32> {
  %one = gpuos.fill 1 : i32 -> tensor<4xi32>
  %0 = gpuos.div %one, %x : tensor<4xi32>, tensor<4xi32> -> tensor<4xi32>
  gpuos.return %0 : tensor<4xi32>
}

// CHECK-LABEL: gpuos.graph @neg_neg(
// CHECK-SAME: %[[X:[^:]+]]: tensor<4xf32>)
// CHECK-NEXT: gpuos.return %[[X]] : tensor<4xf32>
gpuos.graph @neg_neg(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = gpuos.neg %x : tensor<4xf32>
  %1 = gpuos.neg %0 : tensor<4xf32>
  gpuos.return %1 : tensor<4xf32>
}

// CHECK-LABEL: gpuos.graph @neg_neg_neg(
// CHECK-SAME: %[[X:[^:]+]]: tensor<4xi32>)
// CHECK-NEXT: %[[N:.+]] = gpuos.neg %[[X]] : tensor<4xi32>
// CHECK-NEXT: gpuos.return %[[N]] : tensor<4xi32>
gpuos.graph @neg_neg_neg(%x: tensor<4xi32>) -> tensor<4xi32> {
  %0 = gpuos.neg %x : tensor<4xi32>
  %1 = gpuos.neg %0 : tensor<4xi32>
  %2 = gpuos.neg %1 : tensor<4xi32>
  gpuos.return %2 : tensor<4xi32>
}

// cast, reshape, permute, broadcast_to, slice and concat that change nothing.
// CHECK-LABEL: gpuos.graph @identity_views(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3xf32>)
// CHECK-NEXT: gpuos.return %[[X]] : tensor<2x3xf32>
gpuos.graph @identity_views(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = gpuos.cast %x : tensor<2x3xf32> -> tensor<2x3xf32>
  %1 = gpuos.reshape %0 : tensor<2x3xf32> -> tensor<2x3xf32>
  %2 = gpuos.permute %1 [0, 1] : tensor<2x3xf32> -> tensor<2x3xf32>
  %3 = gpuos.broadcast_to %2 : tensor<2x3xf32> -> tensor<2x3xf32>
  %4 = gpuos.slice %3 starts = [0, 0] limits = [2, 3] strides = [1, 1] : tensor<2x3xf32> -> tensor<2x3xf32>
  %5 = gpuos.concat %4 axis = 1 : tensor<2x3xf32> -> tensor<2x3xf32>
  gpuos.return %5 : tensor<2x3xf32>
}

// CHECK-LABEL: gpuos.graph @views_that_stay(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3xf32>)
// CHECK-NEXT: gpuos.cast %[[X]] : tensor<2x3xf32> -> tensor<2x3xf16>
// CHECK-NEXT: gpuos.reshape %[[X]] : tensor<2x3xf32> -> tensor<3x2xf32>
// CHECK-NEXT: gpuos.slice %[[X]] starts = [0, 0] limits = [2, 3] strides = [1, 2]
// CHECK-NEXT: gpuos.broadcast_to %[[X]] : tensor<2x3xf32> -> tensor<4x2x3xf32>
// CHECK-NEXT: gpuos.concat %[[X]], %[[X]] axis = 0
gpuos.graph @views_that_stay(%x: tensor<2x3xf32>) -> (tensor<2x3xf16>, tensor<3x2xf32>, tensor<2x2xf32>, tensor<4x2x3xf32>, tensor<4x3xf32>) {
  %0 = gpuos.cast %x : tensor<2x3xf32> -> tensor<2x3xf16>
  %1 = gpuos.reshape %x : tensor<2x3xf32> -> tensor<3x2xf32>
  %2 = gpuos.slice %x starts = [0, 0] limits = [2, 3] strides = [1, 2] : tensor<2x3xf32> -> tensor<2x2xf32>
  %3 = gpuos.broadcast_to %x : tensor<2x3xf32> -> tensor<4x2x3xf32>
  %4 = gpuos.concat %x, %x axis = 0 : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<4x3xf32>
  gpuos.return %0, %1, %2, %3, %4 : tensor<2x3xf16>, tensor<3x2xf32>, tensor<2x2xf32>, tensor<4x2x3xf32>, tensor<4x3xf32>
}

// CHECK-LABEL: gpuos.graph @reshape_reshape(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[R:.+]] = gpuos.reshape %[[X]] : tensor<2x3x4xf32> -> tensor<4x6xf32>
// CHECK-NEXT: gpuos.return %[[R]] : tensor<4x6xf32>
gpuos.graph @reshape_reshape(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = gpuos.reshape %x : tensor<2x3x4xf32> -> tensor<24xf32>
  %1 = gpuos.reshape %0 : tensor<24xf32> -> tensor<4x6xf32>
  gpuos.return %1 : tensor<4x6xf32>
}

// CHECK-LABEL: gpuos.graph @reshape_reshape_back(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3xf32>)
// CHECK-NEXT: gpuos.return %[[X]] : tensor<2x3xf32>
gpuos.graph @reshape_reshape_back(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = gpuos.reshape %x : tensor<2x3xf32> -> tensor<6xf32>
  %1 = gpuos.reshape %0 : tensor<6xf32> -> tensor<2x3xf32>
  gpuos.return %1 : tensor<2x3xf32>
}

// Result dim i of the pair is x dim inner[outer[i]] = [1, 2, 0].
// CHECK-LABEL: gpuos.graph @permute_permute(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[P:.+]] = gpuos.permute %[[X]] [1, 2, 0] : tensor<2x3x4xf32> -> tensor<3x4x2xf32>
// CHECK-NEXT: gpuos.return %[[P]] : tensor<3x4x2xf32>
gpuos.graph @permute_permute(%x: tensor<2x3x4xf32>) -> tensor<3x4x2xf32> {
  %0 = gpuos.permute %x [2, 0, 1] : tensor<2x3x4xf32> -> tensor<4x2x3xf32>
  %1 = gpuos.permute %0 [2, 0, 1] : tensor<4x2x3xf32> -> tensor<3x4x2xf32>
  gpuos.return %1 : tensor<3x4x2xf32>
}

// CHECK-LABEL: gpuos.graph @permute_permute_identity(
// CHECK-SAME: %[[X:[^:]+]]: tensor<2x3x4xf32>)
// CHECK-NEXT: gpuos.return %[[X]] : tensor<2x3x4xf32>
gpuos.graph @permute_permute_identity(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = gpuos.permute %x [2, 0, 1] : tensor<2x3x4xf32> -> tensor<4x2x3xf32>
  %1 = gpuos.permute %0 [1, 2, 0] : tensor<4x2x3xf32> -> tensor<2x3x4xf32>
  gpuos.return %1 : tensor<2x3x4xf32>
}

// CHECK-LABEL: gpuos.graph @folds_inside_task(
// CHECK: gpuos.task
// CHECK-NEXT: ^bb0(%[[A:[^:]+]]: tensor<4xf32>):
// CHECK-NEXT: gpuos.yield %[[A]] : tensor<4xf32>
gpuos.graph @folds_inside_task(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = gpuos.task ins(%x : tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    %z = gpuos.fill 0.0 : f32 -> tensor<4xf32>
    %s = gpuos.add %a, %z : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
    %n = gpuos.neg %s : tensor<4xf32>
    %m = gpuos.neg %n : tensor<4xf32>
    gpuos.yield %m : tensor<4xf32>
  }
  gpuos.return %0 : tensor<4xf32>
}

// CSE merges identical ops, commuted operands included.
// CSE-LABEL: gpuos.graph @duplicates(
// CSE-SAME: %[[X:[^:]+]]: tensor<4xf32>, %[[Y:[^:]+]]: tensor<4xf32>)
// CSE-NEXT: %[[S:.+]] = gpuos.add %[[X]], %[[Y]]
// CSE-NEXT: %[[E:.+]] = gpuos.exp %[[S]]
// CSE-NEXT: gpuos.return %[[E]], %[[E]], %[[S]], %[[S]]
gpuos.graph @duplicates(%x: tensor<4xf32>, %y: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %0 = gpuos.add %x, %y : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  %1 = gpuos.add %x, %y : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  %2 = gpuos.exp %0 : tensor<4xf32>
  %3 = gpuos.exp %1 : tensor<4xf32>
  %4 = gpuos.add %y, %x : tensor<4xf32>, tensor<4xf32> -> tensor<4xf32>
  gpuos.return %2, %3, %4, %1 : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}

// Both the canonicalizer and CSE keep one copy of equal fills.
// CHECK-LABEL: gpuos.graph @duplicate_constants(
// CHECK-NEXT: %[[C:.+]] = gpuos.fill 2.000000e+00 : f32 -> tensor<4xf32>
// CHECK-NEXT: gpuos.return %[[C]], %[[C]]
// CSE-LABEL: gpuos.graph @duplicate_constants(
// CSE-NEXT: %[[C:.+]] = gpuos.fill 2.000000e+00 : f32 -> tensor<4xf32>
// CSE-NEXT: gpuos.return %[[C]], %[[C]]
gpuos.graph @duplicate_constants() -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = gpuos.fill 2.0 : f32 -> tensor<4xf32>
  %1 = gpuos.fill 2.0 : f32 -> tensor<4xf32>
  gpuos.return %0, %1 : tensor<4xf32>, tensor<4xf32>
}

// Ops that differ only in attributes are not duplicates.
// CSE-LABEL: gpuos.graph @different_attrs_stay(
// CSE-NEXT: %[[S:.+]] = gpuos.reduce sum
// CSE-NEXT: %[[M:.+]] = gpuos.reduce max
// CSE-NEXT: gpuos.return %[[S]], %[[M]]
gpuos.graph @different_attrs_stay(%x: tensor<4x8xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  %0 = gpuos.reduce sum %x axes = [1] : tensor<4x8xf32> -> tensor<4xf32>
  %1 = gpuos.reduce max %x axes = [1] : tensor<4x8xf32> -> tensor<4xf32>
  gpuos.return %0, %1 : tensor<4xf32>, tensor<4xf32>
}
