// Every bad input gives a message naming the file or argument, a non-zero
// exit status, and no output file.

// Valid .npy files to start from, written by gpuos-run itself.
// RUN: rm -rf %t && mkdir -p %t/ref %t/out
// RUN: gpuos-run %s --graph square --output-dir %t/ref
// RUN: cp %t/ref/out0.npy %t/f32.npy
// RUN: gpuos-run %s --graph wide --output-dir %t/ref
// RUN: cp %t/ref/out0.npy %t/i64.npy
// RUN: gpuos-run %s --graph square --input %t/f32.npy --output-dir %t/out
// RUN: ls %t/out | count 1
// RUN: rm %t/out/out0.npy

// RUN: not gpuos-run %s --graph square --input %t/i64.npy --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=DTYPE
// DTYPE: gpuos-run: error: {{.*}}i64.npy: expected dtype f32 (<f4) for graph argument #0 but file has <i8

// RUN: not gpuos-run %s --graph flat --input %t/f32.npy --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=SHAPE
// SHAPE: {{.*}}f32.npy: shape [4, 4] but graph argument #0 expects [2, 8]

// RUN: head -c 100 %t/f32.npy > %t/short-header.npy
// RUN: not gpuos-run %s --graph square --input %t/short-header.npy --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=HEADER
// HEADER: short-header.npy: truncated .npy header (declares 118 bytes, file has 90)

// RUN: head -c 150 %t/f32.npy > %t/short-data.npy
// RUN: not gpuos-run %s --graph square --input %t/short-data.npy --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=DATA
// DATA: short-data.npy: truncated data: shape [4, 4] of f32 needs 64 bytes but the file holds 22

// RUN: cp %t/f32.npy %t/long.npy && echo extra >> %t/long.npy
// RUN: not gpuos-run %s --graph square --input %t/long.npy --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=LONG
// LONG: long.npy: 6 unexpected bytes after the data

// RUN: %python %S/Inputs/rewrite_bytes.py %t/f32.npy %t/fortran.npy False "True "
// RUN: not gpuos-run %s --graph square --input %t/fortran.npy --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=FORTRAN
// FORTRAN: fortran.npy: Fortran-order arrays are not supported

// RUN: %python %S/Inputs/rewrite_bytes.py %t/f32.npy %t/f64.npy "<f4" "<f8"
// RUN: not gpuos-run %s --graph square --input %t/f64.npy --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=F64
// F64: f64.npy: unsupported dtype '<f8' (supported: <f4, <f2, <u2 as bf16, |b1, <i4, <i8)

// RUN: %python %S/Inputs/rewrite_bytes.py %t/f32.npy %t/bad-shape.npy "(4, 4)" "(4, x)"
// RUN: not gpuos-run %s --graph square --input %t/bad-shape.npy --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=BADSHAPE
// BADSHAPE: bad-shape.npy: bad .npy header: header 'shape' holds something other than non-negative integers

// RUN: echo "not numpy" > %t/text.npy
// RUN: not gpuos-run %s --graph square --input %t/text.npy --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=MAGIC
// MAGIC: text.npy: not a .npy file (bad magic string)

// RUN: not gpuos-run %s --graph square --input %t/missing.npy --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=NONPY
// NONPY: missing.npy: cannot open: No such file or directory

// RUN: not gpuos-run %s --graph square --input %t/f32.npy --input %t/f32.npy --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=COUNT
// COUNT: gpuos-run: error: graph @square takes 1 input but 2 --input files were given

// RUN: not gpuos-run %s --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=AMBIGUOUS
// AMBIGUOUS: errors.mlir: the module holds several graphs (@square, @wide, @flat, @pair); choose one with --graph

// RUN: not gpuos-run %s --graph nope --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// UNKNOWN: no graph named @nope (the module has: @square, @wide, @flat, @pair)

// RUN: echo "" | not gpuos-run - 2>&1 | FileCheck %s --check-prefix=NOGRAPH
// NOGRAPH: gpuos-run: error: <stdin>: the module holds no gpuos.graph

// RUN: not gpuos-run %t/nope.mlir --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=NOFILE
// NOFILE: gpuos-run: error: cannot open '{{.*}}nope.mlir': No such file or directory

// RUN: not gpuos-run %S/Inputs/malformed.mlir --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=SYNTAX
// SYNTAX: malformed.mlir:3:18: error: expected ':'
// SYNTAX: gpuos-run: error: {{.*}}malformed.mlir: cannot parse or verify the module

// RUN: not gpuos-run %S/Inputs/invalid.mlir --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=VERIFY
// VERIFY: invalid.mlir:2:8: error: 'gpuos.add' op operand 'rhs' of shape [3] does not broadcast

// A missing output directory is created, but not inside a file.
// RUN: gpuos-run %s --graph square --output-dir %t/new/dir
// RUN: ls %t/new/dir | FileCheck %s --check-prefix=NEWDIR
// NEWDIR: out0.npy
// RUN: not gpuos-run %s --graph square --output-dir %t/f32.npy/dir 2>&1 | FileCheck %s --check-prefix=NODIR
// NODIR: gpuos-run: error: cannot create output directory '{{.*}}f32.npy/dir': Not a directory
// RUN: not gpuos-run %s --graph square --output-dir %t/f32.npy 2>&1 | FileCheck %s --check-prefix=NOTDIR
// NOTDIR: gpuos-run: error: output path '{{.*}}f32.npy' is not a directory

// Tensors beyond 2^28 elements are refused before anything is allocated.
// RUN: not gpuos-run %S/Inputs/huge.mlir --graph huge --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=HUGE
// HUGE: huge.mlir:2:8: error: 'gpuos.broadcast_to' op result 'tensor<100000x100000x4xf32>' has more than 2^28 elements
// HUGE: gpuos-run: error: graph @huge failed to run
// RUN: not gpuos-run %S/Inputs/huge.mlir --graph hugearg --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=HUGEARG
// HUGEARG: gpuos-run: error: graph argument #0 of @hugearg has more than 2^28 elements

// RUN: not gpuos-run %S/Inputs/f64_argument.mlir --output-dir %t/out 2>&1 | FileCheck %s --check-prefix=F64ARG
// F64ARG: gpuos-run: error: graph argument #0 of @g has type tensor<4xf64>; inputs can be f32, f16, bf16, i1, i32 or i64 tensors

// A write that fails part way removes the outputs already written: out1.npy
// is a folder here, so out0.npy is written, then out1.npy fails.
// RUN: mkdir -p %t/partial/out1.npy
// RUN: not gpuos-run %s --graph pair --output-dir %t/partial 2>&1 | FileCheck %s --check-prefix=PARTIAL
// PARTIAL: gpuos-run: error: {{.*}}out1.npy: cannot write: Is a directory
// RUN: ls %t/partial | FileCheck %s --check-prefix=LEFT --implicit-check-not=out0 --implicit-check-not=tmp
// LEFT: out1.npy

// None of the failures above left a file behind.
// RUN: ls %t/out | count 0

gpuos.graph @square(%x: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %0 = gpuos.relu %x : tensor<4x4xf32>
  gpuos.return %0 : tensor<4x4xf32>
}

gpuos.graph @wide(%x: tensor<4x4xi64>) -> tensor<4x4xi64> {
  %0 = gpuos.abs %x : tensor<4x4xi64>
  gpuos.return %0 : tensor<4x4xi64>
}

gpuos.graph @flat(%x: tensor<2x8xf32>) -> tensor<2x8xf32> {
  %0 = gpuos.neg %x : tensor<2x8xf32>
  gpuos.return %0 : tensor<2x8xf32>
}

gpuos.graph @pair(%x: tensor<2xi32>) -> (tensor<2xi32>, tensor<2xi32>) {
  %0 = gpuos.neg %x : tensor<2xi32>
  gpuos.return %x, %0 : tensor<2xi32>, tensor<2xi32>
}
