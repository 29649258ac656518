// Golden Graphviz output of --gpuos-to-dot. Node names depend only on
// positions: g<graph>_in<i> / _out<i> for graph inputs and outputs,
// g<graph>_n<k> for the k-th operation, g<graph>_n<k>_in<i> / _out<i> for the
// ports of a task drawn as cluster_g<graph>_n<k>. Edges follow the clusters,
// one per SSA use, labelled with the value's shape and element type.
// RUN: gpuos-translate --gpuos-to-dot -split-input-file %s | FileCheck %s
// RUN: gpuos-translate --gpuos-to-dot -split-input-file %s > %t.1
// RUN: gpuos-translate --gpuos-to-dot -split-input-file %s > %t.2
// RUN: diff %t.1 %t.2

// CHECK-LABEL: digraph gpuos {
// CHECK-NEXT: graph [fontname="monospace", fontsize=11];
// CHECK-NEXT: node [fontname="monospace", fontsize=10];
// CHECK-NEXT: edge [fontname="monospace", fontsize=9];
// CHECK-NEXT: subgraph cluster_g0 {
// CHECK-NEXT: label="@mlp";
// CHECK-NEXT: g0_in0 [shape=invhouse, style=filled, fillcolor="#d6eaf8", label="input #0\n4x8xf32"];
// CHECK-NEXT: g0_in1 [shape=invhouse, style=filled, fillcolor="#d6eaf8", label="input #1\n16x8xf32"];
// CHECK-NEXT: g0_in2 [shape=invhouse, style=filled, fillcolor="#d6eaf8", label="input #2\n16xf32"];
// CHECK-NEXT: g0_n0 [shape=box, label="gpuos.matmul\n4x16xf32\ntranspose_rhs"];
// CHECK-NEXT: subgraph cluster_g0_n1 {
// CHECK-NEXT: label="gpuos.task\ngpuos.priority = 2\ngpuos.tiles = 4";
// CHECK-NEXT: style=rounded;
// CHECK-NEXT: g0_n1_in0 [shape=invtriangle, label="in #0\n4x16xf32"];
// CHECK-NEXT: g0_n1_in1 [shape=invtriangle, label="in #1\n16xf32"];
// CHECK-NEXT: g0_n2 [shape=box, label="gpuos.add\n4x16xf32"];
// CHECK-NEXT: g0_n3 [shape=box, label="gpuos.gelu tanh\n4x16xf32"];
// CHECK-NEXT: g0_n1_out0 [shape=triangle, label="out #0\n4x16xf32"];
// CHECK-NEXT: }
// CHECK-NEXT: g0_out0 [shape=house, style=filled, fillcolor="#fdebd0", label="output #0\n4x16xf32"];
// CHECK-NEXT: }
// CHECK-NEXT: g0_in0 -> g0_n0 [label="4x8xf32"];
// CHECK-NEXT: g0_in1 -> g0_n0 [label="16x8xf32"];
// CHECK-NEXT: g0_n0 -> g0_n1_in0 [label="4x16xf32"];
// CHECK-NEXT: g0_in2 -> g0_n1_in1 [label="16xf32"];
// CHECK-NEXT: g0_n1_in0 -> g0_n2 [label="4x16xf32"];
// CHECK-NEXT: g0_n1_in1 -> g0_n2 [label="16xf32"];
// CHECK-NEXT: g0_n2 -> g0_n3 [label="4x16xf32"];
// CHECK-NEXT: g0_n3 -> g0_n1_out0 [label="4x16xf32"];
// CHECK-NEXT: g0_n1_out0 -> g0_out0 [label="4x16xf32"];
// CHECK-NEXT: }
gpuos.graph @mlp(%x: tensor<4x8xf32>, %w: tensor<16x8xf32>, %b: tensor<16xf32>) -> tensor<4x16xf32> {
  %0 = gpuos.matmul %x, %w transpose_rhs : tensor<4x8xf32>, tensor<16x8xf32> -> tensor<4x16xf32>
  %1 = gpuos.task ins(%0, %b : tensor<4x16xf32>, tensor<16xf32>) -> tensor<4x16xf32> attributes {gpuos.priority = 2 : i64, gpuos.tiles = 4 : i32} {
  ^bb0(%a: tensor<4x16xf32>, %c: tensor<16xf32>):
    %s = gpuos.add %a, %c : tensor<4x16xf32>, tensor<16xf32> -> tensor<4x16xf32>
    %r = gpuos.gelu tanh %s : tensor<4x16xf32>
    gpuos.yield %r : tensor<4x16xf32>
  }
  gpuos.return %1 : tensor<4x16xf32>
}

// -----

// CHECK-LABEL: digraph gpuos {
// CHECK-NEXT: graph [fontname="monospace", fontsize=11];
// CHECK-NEXT: node [fontname="monospace", fontsize=10];
// CHECK-NEXT: edge [fontname="monospace", fontsize=9];
// CHECK-NEXT: subgraph cluster_g0 {
// CHECK-NEXT: label="@shared_values";
// CHECK-NEXT: g0_in0 [shape=invhouse, style=filled, fillcolor="#d6eaf8", label="input #0\n8xf32"];
// CHECK-NEXT: g0_in1 [shape=invhouse, style=filled, fillcolor="#d6eaf8", label="input #1\n2x8xf32"];
// CHECK-NEXT: g0_n0 [shape=box, label="gpuos.mul\n8xf32"];
// CHECK-NEXT: subgraph cluster_g0_n1 {
// CHECK-NEXT: label="gpuos.task";
// CHECK-NEXT: style=rounded;
// CHECK-NEXT: g0_n1_in0 [shape=invtriangle, label="in #0\n8xf32"];
// CHECK-NEXT: g0_n1_in1 [shape=invtriangle, label="in #1\n2x8xf32"];
// CHECK-NEXT: g0_n2 [shape=box, label="gpuos.exp\n8xf32"];
// CHECK-NEXT: g0_n3 [shape=box, label="gpuos.sub\n2x8xf32"];
// CHECK-NEXT: g0_n1_out0 [shape=triangle, label="out #0\n8xf32"];
// CHECK-NEXT: g0_n1_out1 [shape=triangle, label="out #1\n2x8xf32"];
// CHECK-NEXT: }
// CHECK-NEXT: subgraph cluster_g0_n4 {
// CHECK-NEXT: label="gpuos.task";
// CHECK-NEXT: style=rounded;
// CHECK-NEXT: }
// CHECK-NEXT: g0_out0 [shape=house, style=filled, fillcolor="#fdebd0", label="output #0\n8xf32"];
// CHECK-NEXT: g0_out1 [shape=house, style=filled, fillcolor="#fdebd0", label="output #1\n2x8xf32"];
// CHECK-NEXT: g0_out2 [shape=house, style=filled, fillcolor="#fdebd0", label="output #2\n8xf32"];
// CHECK-NEXT: }
// CHECK-NEXT: subgraph cluster_g1 {
// CHECK-NEXT: label="@second";
// CHECK-NEXT: g1_in0 [shape=invhouse, style=filled, fillcolor="#d6eaf8", label="input #0\nf32"];
// CHECK-NEXT: g1_n0 [shape=box, label="gpuos.neg\nf32"];
// CHECK-NEXT: g1_out0 [shape=house, style=filled, fillcolor="#fdebd0", label="output #0\nf32"];
// CHECK-NEXT: }
// CHECK-NEXT: g0_in0 -> g0_n0 [label="8xf32"];
// CHECK-NEXT: g0_in0 -> g0_n0 [label="8xf32"];
// CHECK-NEXT: g0_n0 -> g0_n1_in0 [label="8xf32"];
// CHECK-NEXT: g0_in1 -> g0_n1_in1 [label="2x8xf32"];
// CHECK-NEXT: g0_n1_in0 -> g0_n2 [label="8xf32"];
// CHECK-NEXT: g0_n1_in1 -> g0_n3 [label="2x8xf32"];
// CHECK-NEXT: g0_n2 -> g0_n3 [label="8xf32"];
// CHECK-NEXT: g0_n2 -> g0_n1_out0 [label="8xf32"];
// CHECK-NEXT: g0_n3 -> g0_n1_out1 [label="2x8xf32"];
// CHECK-NEXT: g0_n1_out0 -> g0_out0 [label="8xf32"];
// CHECK-NEXT: g0_n1_out1 -> g0_out1 [label="2x8xf32"];
// CHECK-NEXT: g0_n0 -> g0_out2 [label="8xf32"];
// CHECK-NEXT: g1_in0 -> g1_n0 [label="f32"];
// CHECK-NEXT: g1_n0 -> g1_out0 [label="f32"];
// CHECK-NEXT: }
gpuos.graph @shared_values(%x: tensor<8xf32>, %y: tensor<2x8xf32>) -> (tensor<8xf32>, tensor<2x8xf32>, tensor<8xf32>) {
  %sq = gpuos.mul %x, %x : tensor<8xf32>, tensor<8xf32> -> tensor<8xf32>
  %t:2 = gpuos.task ins(%sq, %y : tensor<8xf32>, tensor<2x8xf32>) -> tensor<8xf32>, tensor<2x8xf32> {
  ^bb0(%a: tensor<8xf32>, %b: tensor<2x8xf32>):
    %e = gpuos.exp %a : tensor<8xf32>
    %p = gpuos.sub %b, %e : tensor<2x8xf32>, tensor<8xf32> -> tensor<2x8xf32>
    gpuos.yield %e, %p : tensor<8xf32>, tensor<2x8xf32>
  }
  gpuos.task {
  }
  gpuos.return %t#0, %t#1, %sq : tensor<8xf32>, tensor<2x8xf32>, tensor<8xf32>
}
gpuos.graph @second(%x: tensor<f32>) -> tensor<f32> {
  %n = gpuos.neg %x : tensor<f32>
  gpuos.return %n : tensor<f32>
}

// -----

// CHECK-LABEL: digraph gpuos {
// CHECK-NEXT: graph [fontname="monospace", fontsize=11];
// CHECK-NEXT: node [fontname="monospace", fontsize=10];
// CHECK-NEXT: edge [fontname="monospace", fontsize=9];
// CHECK-NEXT: subgraph cluster_g0 {
// CHECK-NEXT: label="@attributes";
// CHECK-NEXT: g0_in0 [shape=invhouse, style=filled, fillcolor="#d6eaf8", label="input #0\n2x3xf32"];
// CHECK-NEXT: g0_in1 [shape=invhouse, style=filled, fillcolor="#d6eaf8", label="input #1\n2x3xi32"];
// CHECK-NEXT: g0_n0 [shape=box, label="gpuos.constant\n2x3xf32\nvalue = dense<{{\[\[}}1.000000e+00, 2.000000e+00, 3.000000e+00..."];
// CHECK-NEXT: g0_n1 [shape=box, label="gpuos.cmp lt\n2x3xi1"];
// CHECK-NEXT: g0_n2 [shape=box, label="gpuos.reduce sum\n3xi32\naxes = [0]\ngpuos.note = \"say \\22hi\\22 \\\\ bye\""];
// CHECK-NEXT: g0_n3 [shape=box, label="gpuos.fill\n2x2xf32\nvalue = 5.000000e-01"];
// CHECK-NEXT: g0_n4 [shape=box, label="gpuos.constant\n64xf32\nvalue = dense<[0.000000e+00, 1.000000e+00, 2.000000e+00,..."];
// CHECK-NEXT: g0_out0 [shape=house, style=filled, fillcolor="#fdebd0", label="output #0\n2x3xi1"];
// CHECK-NEXT: g0_out1 [shape=house, style=filled, fillcolor="#fdebd0", label="output #1\n3xi32"];
// CHECK-NEXT: g0_out2 [shape=house, style=filled, fillcolor="#fdebd0", label="output #2\n2x2xf32"];
// CHECK-NEXT: g0_out3 [shape=house, style=filled, fillcolor="#fdebd0", label="output #3\n64xf32"];
// CHECK-NEXT: }
// CHECK-NEXT: g0_in0 -> g0_n1 [label="2x3xf32"];
// CHECK-NEXT: g0_n0 -> g0_n1 [label="2x3xf32"];
// CHECK-NEXT: g0_in1 -> g0_n2 [label="2x3xi32"];
// CHECK-NEXT: g0_n1 -> g0_out0 [label="2x3xi1"];
// CHECK-NEXT: g0_n2 -> g0_out1 [label="3xi32"];
// CHECK-NEXT: g0_n3 -> g0_out2 [label="2x2xf32"];
// CHECK-NEXT: g0_n4 -> g0_out3 [label="64xf32"];
// CHECK-NEXT: }
gpuos.graph @attributes(%x: tensor<2x3xf32>, %i: tensor<2x3xi32>) -> (tensor<2x3xi1>, tensor<3xi32>, tensor<2x2xf32>, tensor<64xf32>) {
  %c = gpuos.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %m = gpuos.cmp lt, %x, %c : tensor<2x3xf32>, tensor<2x3xf32> -> tensor<2x3xi1>
  %s = gpuos.reduce sum %i axes = [0] {gpuos.note = "say \"hi\" \\ bye"} : tensor<2x3xi32> -> tensor<3xi32>
  %f = gpuos.fill 5.0e-01 : f32 -> tensor<2x2xf32>
  %big = gpuos.constant dense<[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0, 20.0, 21.0, 22.0, 23.0, 24.0, 25.0, 26.0, 27.0, 28.0, 29.0, 30.0, 31.0, 32.0, 33.0, 34.0, 35.0, 36.0, 37.0, 38.0, 39.0, 40.0, 41.0, 42.0, 43.0, 44.0, 45.0, 46.0, 47.0, 48.0, 49.0, 50.0, 51.0, 52.0, 53.0, 54.0, 55.0, 56.0, 57.0, 58.0, 59.0, 60.0, 61.0, 62.0, 63.0]> : tensor<64xf32>
  gpuos.return %m, %s, %f, %big : tensor<2x3xi1>, tensor<3xi32>, tensor<2x2xf32>, tensor<64xf32>
}

// -----

// CHECK-LABEL: digraph gpuos {
// CHECK-NEXT: graph [fontname="monospace", fontsize=11];
// CHECK-NEXT: node [fontname="monospace", fontsize=10];
// CHECK-NEXT: edge [fontname="monospace", fontsize=9];
// CHECK-NEXT: subgraph cluster_g0 {
// CHECK-NEXT: label="@nothing";
// CHECK-NEXT: }
// CHECK-NEXT: }
gpuos.graph @nothing() {
  gpuos.return
}

// -----

// CHECK-LABEL: digraph gpuos {
// CHECK-NEXT: graph [fontname="monospace", fontsize=11];
// CHECK-NEXT: node [fontname="monospace", fontsize=10];
// CHECK-NEXT: edge [fontname="monospace", fontsize=9];
// CHECK-NEXT: subgraph cluster_g0 {
// CHECK-NEXT: label="@nested";
// CHECK-NEXT: g0_in0 [shape=invhouse, style=filled, fillcolor="#d6eaf8", label="input #0\n4xf32"];
// CHECK-NEXT: subgraph cluster_g0_n0 {
// CHECK-NEXT: label="gpuos.task\nlevel = 0";
// CHECK-NEXT: style=rounded;
// CHECK-NEXT: g0_n0_in0 [shape=invtriangle, label="in #0\n4xf32"];
// CHECK-NEXT: subgraph cluster_g0_n1 {
// CHECK-NEXT: label="gpuos.task\nlevel = 1";
// CHECK-NEXT: style=rounded;
// CHECK-NEXT: g0_n1_in0 [shape=invtriangle, label="in #0\n4xf32"];
// CHECK-NEXT: g0_n2 [shape=box, label="gpuos.relu\n4xf32"];
// CHECK-NEXT: g0_n1_out0 [shape=triangle, label="out #0\n4xf32"];
// CHECK-NEXT: }
// CHECK-NEXT: g0_n0_out0 [shape=triangle, label="out #0\n4xf32"];
// CHECK-NEXT: }
// CHECK-NEXT: g0_out0 [shape=house, style=filled, fillcolor="#fdebd0", label="output #0\n4xf32"];
// CHECK-NEXT: }
// CHECK-NEXT: g0_in0 -> g0_n0_in0 [label="4xf32"];
// CHECK-NEXT: g0_n0_in0 -> g0_n1_in0 [label="4xf32"];
// CHECK-NEXT: g0_n1_in0 -> g0_n2 [label="4xf32"];
// CHECK-NEXT: g0_n2 -> g0_n1_out0 [label="4xf32"];
// CHECK-NEXT: g0_n1_out0 -> g0_n0_out0 [label="4xf32"];
// CHECK-NEXT: g0_n0_out0 -> g0_out0 [label="4xf32"];
// CHECK-NEXT: }
gpuos.graph @nested(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = gpuos.task ins(%x : tensor<4xf32>) -> tensor<4xf32> attributes {level = 0 : i64} {
  ^bb0(%a: tensor<4xf32>):
    %1 = gpuos.task ins(%a : tensor<4xf32>) -> tensor<4xf32> attributes {level = 1 : i64} {
    ^bb0(%b: tensor<4xf32>):
      %2 = gpuos.relu %b : tensor<4xf32>
      gpuos.yield %2 : tensor<4xf32>
    }
    gpuos.yield %1 : tensor<4xf32>
  }
  gpuos.return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: digraph gpuos {
// CHECK-NEXT: graph [fontname="monospace", fontsize=11];
// CHECK-NEXT: node [fontname="monospace", fontsize=10];
// CHECK-NEXT: edge [fontname="monospace", fontsize=9];
// CHECK-NEXT: subgraph cluster_g0 {
// CHECK-NEXT: label="@scheduled\ngpuos.arena_size = 256\ngpuos.num_tasks = 1";
// CHECK-NEXT: g0_in0 [shape=invhouse, style=filled, fillcolor="#d6eaf8", label="input #0\n8xf32"];
// CHECK-NEXT: subgraph cluster_g0_n0 {
// CHECK-NEXT: label="gpuos.task\ngpuos.deps = []\ngpuos.domain = [8]\ngpuos.task_id = 0\ngpuos.tiles = 1";
// CHECK-NEXT: style=rounded;
// CHECK-NEXT: g0_n0_in0 [shape=invtriangle, label="in #0\n8xf32"];
// CHECK-NEXT: g0_n1 [shape=box, label="gpuos.sigmoid\n8xf32"];
// CHECK-NEXT: g0_n0_out0 [shape=triangle, label="out #0\n8xf32"];
// CHECK-NEXT: }
// CHECK-NEXT: g0_out0 [shape=house, style=filled, fillcolor="#fdebd0", label="output #0\n8xf32"];
// CHECK-NEXT: }
// CHECK-NEXT: g0_in0 -> g0_n0_in0 [label="8xf32"];
// CHECK-NEXT: g0_n0_in0 -> g0_n1 [label="8xf32"];
// CHECK-NEXT: g0_n1 -> g0_n0_out0 [label="8xf32"];
// CHECK-NEXT: g0_n0_out0 -> g0_out0 [label="8xf32"];
// CHECK-NEXT: }
gpuos.graph @scheduled(%x: tensor<8xf32>) -> tensor<8xf32> attributes {gpuos.arena_size = 256 : i64, gpuos.num_tasks = 1 : i64} {
  %0 = gpuos.task ins(%x : tensor<8xf32>) -> tensor<8xf32> attributes {gpuos.deps = array<i64>, gpuos.domain = array<i64: 8>, gpuos.task_id = 0 : i64, gpuos.tiles = 1 : i64} {
  ^bb0(%a: tensor<8xf32>):
    %1 = gpuos.sigmoid %a : tensor<8xf32>
    gpuos.yield %1 : tensor<8xf32>
  }
  gpuos.return %0 : tensor<8xf32>
}
