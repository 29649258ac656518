// RUN: gpuos-translate --gpuos-to-cuda %s | FileCheck %s
// RUN: gpuos-translate --gpuos-to-cuda %s | gpuos-cuda-check -
// REQUIRES: nvrtc

// Decode attention scores, q [12, 1, 64] times K^T ([12, 128, 64] with
// transpose_rhs): both operands are contiguous along K, so a warp per output
// reads them coalesced and reduces with shuffles; the 1/sqrt(d) scale is an
// epilogue applied by lane 0.
// CHECK-LABEL: extern "C" __device__ void scores_task0(
// CHECK:        { // stage 0: matmul at {{.*}}, 1536 rows of 64, a warp per row
// CHECK:          for (gpuos_i64 row = 1536 * tile / ntiles + warp; row < row_end; row += nwarps) {
// CHECK-NEXT:       const gpuos_i32 [[B:t[0-9]+]] = ((gpuos_i32)row / 128);
// CHECK-NEXT:       const gpuos_i32 [[N:t[0-9]+]] = (gpuos_i32)row % 128;
// CHECK-NEXT:       float [[ACC:acc[0-9]+]] = 0.0f;
// CHECK-NEXT:       #pragma unroll
// CHECK-NEXT:       for (gpuos_i64 col = lane; col < 64; col += 32) {
// CHECK-NEXT:         const float [[Q:v[0-9]+]] = in0[[[B]] * in0_s0 + col * in0_s2];
// CHECK-NEXT:         const float [[K:v[0-9]+]] = in1[[[B]] * in1_s0 + [[N]] * in1_s1 + col * in1_s2];
// CHECK-NEXT:         const float [[P:p[0-9]+]] = [[Q]] * [[K]];
// CHECK-NEXT:         [[ACC]] += [[P]];
// CHECK-NEXT:       }
// CHECK-NEXT:       const float [[DOT:red[0-9]+]] = gpuos_warp_reduce([[ACC]], gpuos_op_sum());
// CHECK-NEXT:       if (lane == 0) {
// CHECK-NEXT:         const float [[S:v[0-9]+]] = [[DOT]] * 0.125f;
// CHECK-NEXT:         out0[[[B]] * out0_s0 + [[N]] * out0_s2] = [[S]];
// CHECK-NEXT:       }
gpuos.graph @scores(%q: tensor<12x1x64xf32>, %k: tensor<12x128x64xf32>) -> tensor<12x1x128xf32> {
  %r = gpuos.task ins(%q, %k : tensor<12x1x64xf32>, tensor<12x128x64xf32>) -> tensor<12x1x128xf32> {
  ^bb0(%aq: tensor<12x1x64xf32>, %ak: tensor<12x128x64xf32>):
    %s = gpuos.matmul %aq, %ak transpose_rhs : tensor<12x1x64xf32>, tensor<12x128x64xf32> -> tensor<12x1x128xf32>
    %c = gpuos.fill 1.250000e-01 : f32 -> tensor<12x1x128xf32>
    %y = gpuos.mul %s, %c : tensor<12x1x128xf32>, tensor<12x1x128xf32> -> tensor<12x1x128xf32>
    gpuos.yield %y : tensor<12x1x128xf32>
  }
  gpuos.return %r : tensor<12x1x128xf32>
}

// An MLP layer, [4, 256] x [256, 512] in bf16 with a bias and SiLU, row-major
// rhs: each block step takes 32 neighbouring outputs, one per lane (coalesced
// rhs reads), and its warps split K; warp 0 sums the partials from ctx->smem
// and applies the epilogue. f32 accumulation rounded once to bf16.
// CHECK-LABEL: // Operator mlp_task0:
// CHECK:      //   smem: 8192 bytes
// CHECK:        { // stage 0: matmul at {{.*}}, 64 rows of 32 outputs (a lane each), K = 256 split over the warps
// CHECK:          for (gpuos_i64 row = 64 * tile / ntiles; row < row_end; row += 1) {
// CHECK-NEXT:       const gpuos_i64 item = row * 32 + lane;
// CHECK-NEXT:       const gpuos_i32 [[M:t[0-9]+]] = ((gpuos_i32)item / 512);
// CHECK-NEXT:       const gpuos_i32 [[N:t[0-9]+]] = (gpuos_i32)item % 512;
// CHECK-NEXT:       float [[ACC:acc[0-9]+]] = 0.0f;
// CHECK-NEXT:       #pragma unroll 16
// CHECK-NEXT:       for (gpuos_i64 col = warp; col < 256; col += nwarps) {
// CHECK-NEXT:         const float [[A:v[0-9]+]] = gpuos_bf16_to_f32(in0[[[M]] * in0_s0 + col * in0_s1]);
// CHECK-NEXT:         const float [[W:v[0-9]+]] = gpuos_bf16_to_f32(in1[col * in1_s0 + [[N]] * in1_s1]);
// CHECK-NEXT:         const float [[P:p[0-9]+]] = [[A]] * [[W]];
// CHECK-NEXT:         [[ACC]] += [[P]];
// CHECK-NEXT:       }
// CHECK-NEXT:       ((float*)ctx->smem)[warp * 32 + lane] = [[ACC]];
// CHECK-NEXT:       __syncthreads();
// CHECK-NEXT:       if (warp == 0) {
// CHECK-NEXT:         float [[SUM:red[0-9]+]] = ((float*)ctx->smem)[lane];
// CHECK-NEXT:         for (unsigned w = 1; w < nwarps; ++w)
// CHECK-NEXT:           [[SUM]] += ((float*)ctx->smem)[w * 32 + lane];
// CHECK-NEXT:         const float [[R:r[0-9]+]] = gpuos_round_bf16([[SUM]]);
// CHECK-NEXT:         const float [[BIAS:v[0-9]+]] = gpuos_bf16_to_f32(in2[[[N]] * in2_s0]);
// CHECK-NEXT:         const float [[H:v[0-9]+]] = gpuos_round_bf16([[R]] + [[BIAS]]);
// CHECK-NEXT:         const float [[S:v[0-9]+]] = gpuos_round_bf16([[H]] / (1.0f + expf(-[[H]])));
// CHECK-NEXT:         out0[[[M]] * out0_s0 + [[N]] * out0_s1] = gpuos_f32_to_bf16([[S]]);
// CHECK-NEXT:       }
// CHECK-NEXT:       __syncthreads(); // the partials are read before the next pass
gpuos.graph @mlp(%x: tensor<4x256xbf16>, %w: tensor<256x512xbf16>, %b: tensor<512xbf16>) -> tensor<4x512xbf16> {
  %r = gpuos.task ins(%x, %w, %b : tensor<4x256xbf16>, tensor<256x512xbf16>, tensor<512xbf16>) -> tensor<4x512xbf16> {
  ^bb0(%ax: tensor<4x256xbf16>, %aw: tensor<256x512xbf16>, %ab: tensor<512xbf16>):
    %m = gpuos.matmul %ax, %aw : tensor<4x256xbf16>, tensor<256x512xbf16> -> tensor<4x512xbf16>
    %h = gpuos.add %m, %ab : tensor<4x512xbf16>, tensor<512xbf16> -> tensor<4x512xbf16>
    %s = gpuos.silu %h : tensor<4x512xbf16>
    gpuos.yield %s : tensor<4x512xbf16>
  }
  gpuos.return %r : tensor<4x512xbf16>
}

// Attention output, probabilities [12, 1, 128] times V [12, 128, 64], with a
// transposed lhs on a broadcast batch ([1, 8, 3] against [2, 8, 5]) in a
// second, independent stage; integers accumulate in their own type.
// CHECK-LABEL: extern "C" __device__ void pv_task0(
// CHECK:        { // stage 0: matmul at {{.*}}, 24 rows of 32 outputs (a lane each), K = 128 split over the warps
// CHECK:            const float {{v[0-9]+}} = in0[{{t[0-9]+}} * in0_s0 + col * in0_s2];
// CHECK-NEXT:       const float {{v[0-9]+}} = in1[{{t[0-9]+}} * in1_s0 + col * in1_s1 + {{t[0-9]+}} * in1_s2];
// CHECK:        { // stage 1: matmul at {{.*}}, 30 rows of 8, a thread per row
// CHECK:            const gpuos_i32 [[B:t[0-9]+]] = ((gpuos_i32)row / 15);
// CHECK-NEXT:       const gpuos_i32 [[M:t[0-9]+]] = ((gpuos_i32)row / 5) % 3;
// CHECK-NEXT:       const gpuos_i32 [[N:t[0-9]+]] = (gpuos_i32)row % 5;
// CHECK-NEXT:       gpuos_i32 [[ACC:acc[0-9]+]] = 0;
// CHECK:              const gpuos_i32 [[A:v[0-9]+]] = in2[col * in2_s1 + [[M]] * in2_s2];
// CHECK-NEXT:         const gpuos_i32 [[W:v[0-9]+]] = in3[[[B]] * in3_s0 + col * in3_s1 + [[N]] * in3_s2];
// CHECK-NEXT:         const gpuos_i32 [[P:p[0-9]+]] = [[A]] * [[W]];
// CHECK-NEXT:         [[ACC]] += [[P]];
gpuos.graph @pv(%p: tensor<12x1x128xf32>, %v: tensor<12x128x64xf32>, %a: tensor<1x8x3xi32>, %b: tensor<2x8x5xi32>) -> (tensor<12x1x64xf32>, tensor<2x3x5xi32>) {
  %r:2 = gpuos.task ins(%p, %v, %a, %b : tensor<12x1x128xf32>, tensor<12x128x64xf32>, tensor<1x8x3xi32>, tensor<2x8x5xi32>) -> tensor<12x1x64xf32>, tensor<2x3x5xi32> {
  ^bb0(%ap: tensor<12x1x128xf32>, %av: tensor<12x128x64xf32>, %aa: tensor<1x8x3xi32>, %ab: tensor<2x8x5xi32>):
    %o = gpuos.matmul %ap, %av : tensor<12x1x128xf32>, tensor<12x128x64xf32> -> tensor<12x1x64xf32>
    %i = gpuos.matmul %aa, %ab transpose_lhs : tensor<1x8x3xi32>, tensor<2x8x5xi32> -> tensor<2x3x5xi32>
    gpuos.yield %o, %i : tensor<12x1x64xf32>, tensor<2x3x5xi32>
  }
  gpuos.return %r#0, %r#1 : tensor<12x1x64xf32>, tensor<2x3x5xi32>
}

// A matmul operand computed by a longer chain is stored once by its own
// stage (into scratch) rather than recomputed for each of the 64 outputs
// that read it; the matmul waits for it, and both split by domain rows.
// CHECK-LABEL: // Operator gelu_proj_task0:
// CHECK:      //   tiles: {{[0-9]+}} (from size); tiles take whole rows of the domain [4]
// CHECK-NEXT: //   scratch: 512 bytes
// CHECK:        { // stage 0: elementwise over [4, 32]
// CHECK:            tmp0[{{t[0-9]+}} * 32 + {{t[0-9]+}}] = {{v[0-9]+}};
// CHECK:        __syncthreads(); // earlier stages stored what later ones read
// CHECK-NEXT:   { // stage 1: matmul
// CHECK:              const float {{v[0-9]+}} = tmp0[{{t[0-9]+}} * 32 + col];
gpuos.graph @gelu_proj(%x: tensor<4x32xf32>, %b: tensor<32xf32>, %w: tensor<32x64xf32>) -> tensor<4x64xf32> {
  %r = gpuos.task ins(%x, %b, %w : tensor<4x32xf32>, tensor<32xf32>, tensor<32x64xf32>) -> tensor<4x64xf32> {
  ^bb0(%ax: tensor<4x32xf32>, %ab: tensor<32xf32>, %aw: tensor<32x64xf32>):
    %h = gpuos.add %ax, %ab : tensor<4x32xf32>, tensor<32xf32> -> tensor<4x32xf32>
    %g = gpuos.gelu erf %h : tensor<4x32xf32>
    %m = gpuos.matmul %g, %aw : tensor<4x32xf32>, tensor<32x64xf32> -> tensor<4x64xf32>
    gpuos.yield %m : tensor<4x64xf32>
  }
  gpuos.return %r : tensor<4x64xf32>
}
