// Graphviz accepts what --gpuos-to-dot writes, for every op of the dialect.
// REQUIRES: dot
// RUN: gpuos-translate --gpuos-to-dot %gpuos_src/test/Dialect/roundtrip.mlir > %t.roundtrip.dot
// RUN: dot -Tsvg %t.roundtrip.dot -o %t.roundtrip.svg
// RUN: gpuos-translate --gpuos-to-dot -split-input-file %S/dot.mlir -o %t.golden.dot
// RUN: dot -Tsvg %t.golden.dot -o %t.golden.svg
// RUN: FileCheck %s --input-file=%t.roundtrip.svg
// The graphs of the round-trip test became drawn clusters, tasks nested.
// CHECK: <title>cluster_g0</title>
// CHECK: <title>cluster_g12</title>
// CHECK: <title>cluster_g12_n0</title>
// CHECK: <title>cluster_g13</title>
