// RUN: gpuos-translate --gpuos-to-cuda %s | FileCheck %s
// RUN: gpuos-translate --gpuos-to-cuda %s | gpuos-cuda-check -
// RUN: gpuos-translate --gpuos-to-cuda --gpuos-cuda-tensor-cores=false %s | FileCheck %s --check-prefix=OFF
// REQUIRES: nvrtc

// Tensor cores: f16 and bf16 matmuls with M, N and K >= 16. An MLP
// projection, [128, 256] x [256, 512] f16 with bias and ReLU: 32x32 output
// tiles (64 of them), both operands staged through ctx->smem in steps of 64
// along K (lhs along k, the row-major rhs along n, for coalesced loads; 16
// elements per thread of a 256-thread block, all loaded before any store),
// one mma.sync fragment per warp, and the epilogue applied to the f32
// accumulators with no bounds checks (the shapes divide the tiles).
// CHECK-LABEL: // Operator proj_task0:
// CHECK:      //   smem: 9216 bytes
// CHECK:        { // stage 0: matmul at {{.*}}, 64 tiles of 32x32 outputs on tensor cores (mma.sync m16n8k16, f32 accumulation), K = 256 in steps of 64
// CHECK:          gpuos_u16* const tiles = (gpuos_u16*)ctx->smem;
// CHECK:            const gpuos_i32 [[M0:t[0-9]+]] = {{t[0-9]+}} * 32;
// CHECK-NEXT:       const gpuos_i32 [[N0:t[0-9]+]] = {{t[0-9]+}} * 32;
// CHECK-NEXT:       for (unsigned unit0 = 0; unit0 < 8; unit0 += nwarps) {
// CHECK-NEXT:         const unsigned unit = unit0 + warp;
// CHECK-NEXT:         const int wm = unit / 4 * 16, wn = unit % 4 * 8;
// CHECK-NEXT:         float acc[1][4] = {};
// CHECK-NEXT:         for (gpuos_i64 k0 = 0; k0 < 256; k0 += 64) {
// CHECK-NEXT:           __syncthreads(); // every warp has read the previous tiles
// CHECK-NEXT:           for (unsigned e0 = threadIdx.x; e0 < 4096; e0 += 16 * blockDim.x) {
// CHECK-NEXT:             gpuos_u16 x[16];
// CHECK:                    if (e < 2048) {
// CHECK-NEXT:                 const int tr = e / 64, tk = e % 64;
// CHECK-NEXT:                 at[j] = tr * 72 + tk;
// CHECK-NEXT:                 const gpuos_i32 [[M:t[0-9]+]] = [[M0]] + tr;
// CHECK-NEXT:                 const gpuos_i32 [[K:t[0-9]+]] = k0 + tk;
// CHECK-NEXT:                 x[j] = in0[[[M]] * in0_s0 + [[K]] * in0_s1];
// CHECK-NEXT:               } else if (e < 4096) {
// CHECK-NEXT:                 const int tk = (e - 2048) / 32, tr = (e - 2048) % 32;
// CHECK-NEXT:                 at[j] = 2304 + tr * 72 + tk;
// CHECK-NEXT:                 const gpuos_i32 [[N:t[0-9]+]] = [[N0]] + tr;
// CHECK-NEXT:                 const gpuos_i32 [[K2:t[0-9]+]] = k0 + tk;
// CHECK-NEXT:                 x[j] = in1[[[K2]] * in1_s0 + [[N]] * in1_s1];
// CHECK:                    tiles[at[j]] = x[j];
// CHECK:                __syncthreads();
// CHECK-NEXT:           if (unit < 8)
// CHECK-NEXT:             gpuos_mma_warp_step<1, 64>(acc, tiles + wm * 72, tiles + (32 + wn) * 72, 72, gpuos_mma_f16());
// CHECK:                  const gpuos_i32 [[OM:t[0-9]+]] = [[M0]] + wm + (lane >> 2) + (h >> 1) * 8;
// CHECK-NEXT:             const gpuos_i32 [[ON:t[0-9]+]] = [[N0]] + wn + f * 8 + (lane & 3) * 2 + (h & 1);
// CHECK-NEXT:             const float [[R:r[0-9]+]] = gpuos_round_f16(acc[f][h]);
// CHECK-NEXT:             const float [[B:v[0-9]+]] = gpuos_f16_to_f32(in2[[[ON]] * in2_s0]);
// CHECK-NEXT:             const float [[H:v[0-9]+]] = gpuos_round_f16([[R]] + [[B]]);
// CHECK-NEXT:             const float [[Y:v[0-9]+]] = gpuos_round_f16(([[H]] < 0.0f ? 0.0f : [[H]]));
// CHECK-NEXT:             out0[[[OM]] * out0_s0 + [[ON]] * out0_s1] = gpuos_f32_to_f16([[Y]]);
// CHECK:          __syncthreads(); // the tiles are read before ctx->smem is reused
// OFF-LABEL: // Operator proj_task0:
// OFF-NOT:   tensor cores
// OFF:       2048 rows of 32 outputs (a lane each), K = 256 split over the warps
// OFF-NOT:   gpuos_mma_warp_step<
gpuos.graph @proj(%x: tensor<128x256xf16>, %w: tensor<256x512xf16>, %b: tensor<512xf16>) -> tensor<128x512xf16> {
  %r = gpuos.task ins(%x, %w, %b : tensor<128x256xf16>, tensor<256x512xf16>, tensor<512xf16>) -> tensor<128x512xf16> {
  ^bb0(%ax: tensor<128x256xf16>, %aw: tensor<256x512xf16>, %ab: tensor<512xf16>):
    %m = gpuos.matmul %ax, %aw : tensor<128x256xf16>, tensor<256x512xf16> -> tensor<128x512xf16>
    %h = gpuos.add %m, %ab : tensor<128x512xf16>, tensor<512xf16> -> tensor<128x512xf16>
    %y = gpuos.relu %h : tensor<128x512xf16>
    gpuos.yield %y : tensor<128x512xf16>
  }
  gpuos.return %r : tensor<128x512xf16>
}

// Batched bf16 with both operands transposed and a broadcast rhs batch,
// [3, 72, 40]^T x [1, 24, 72]^T: the transposed lhs is staged along m (its
// contiguous dim), the transposed rhs along k; M, N and K have tails, so
// staged elements and outputs past them are masked.
// CHECK-LABEL: // Operator batched_t_task0:
// CHECK:        { // stage 0: matmul at {{.*}}, 6 tiles of 32x32 outputs on tensor cores
// CHECK:            const gpuos_i32 [[B:t[0-9]+]] = ((gpuos_i32)row / 2);
// CHECK:                    if (e < 2048) {
// CHECK-NEXT:                 const int tk = e / 32, tr = e % 32;
// CHECK:                      if ([[M:t[0-9]+]] < 40 && [[K:t[0-9]+]] < 72) {
// CHECK-NEXT:                   x[j] = in0[[[B]] * in0_s0 + [[K]] * in0_s1 + [[M]] * in0_s2];
// CHECK:                    } else if (e < 4096) {
// CHECK-NEXT:                 const int tr = (e - 2048) / 64, tk = (e - 2048) % 64;
// CHECK:                      if ([[N:t[0-9]+]] < 24 && [[K2:t[0-9]+]] < 72) {
// CHECK-NEXT:                   x[j] = in1[[[N]] * in1_s1 + [[K2]] * in1_s2];
// CHECK:                  gpuos_mma_warp_step<1, 64>(acc, {{.*}}, gpuos_mma_bf16());
// CHECK:                    if ([[OM:t[0-9]+]] < 40 && [[ON:t[0-9]+]] < 24) {
// CHECK-NEXT:                 const float [[R:r[0-9]+]] = gpuos_round_bf16(acc[f][h]);
// CHECK-NEXT:                 out0[[[B]] * out0_s0 + [[OM]] * out0_s1 + [[ON]] * out0_s2] = gpuos_f32_to_bf16([[R]]);
gpuos.graph @batched_t(%a: tensor<3x72x40xbf16>, %b: tensor<1x24x72xbf16>) -> tensor<3x40x24xbf16> {
  %r = gpuos.task ins(%a, %b : tensor<3x72x40xbf16>, tensor<1x24x72xbf16>) -> tensor<3x40x24xbf16> {
  ^bb0(%aa: tensor<3x72x40xbf16>, %ab: tensor<1x24x72xbf16>):
    %m = gpuos.matmul %aa, %ab transpose_lhs transpose_rhs : tensor<3x72x40xbf16>, tensor<1x24x72xbf16> -> tensor<3x40x24xbf16>
    gpuos.yield %m : tensor<3x40x24xbf16>
  }
  gpuos.return %r : tensor<3x40x24xbf16>
}

// M = 16 takes 16x64 tiles, K < 64 steps of 32; a cast prologue is
// computed while staging (rounded to f16, so storing its bits is exact) and
// the cast epilogue writes f32.
// CHECK-LABEL: // Operator cast_in_task0:
// CHECK:        { // stage 0: matmul at {{.*}}, 1 tile of 16x64 outputs on tensor cores
// CHECK:                      x[j] = gpuos_f32_to_f16({{v[0-9]+}});
// CHECK:                  gpuos_mma_warp_step<1, 32>(acc, tiles + wm * 40, tiles + (16 + wn) * 40, 40, gpuos_mma_f16());
// CHECK:                      out0[{{.*}}] = {{v[0-9]+}};
gpuos.graph @cast_in(%x: tensor<16x48xf32>, %w: tensor<48x40xf16>) -> tensor<16x40xf32> {
  %r = gpuos.task ins(%x, %w : tensor<16x48xf32>, tensor<48x40xf16>) -> tensor<16x40xf32> {
  ^bb0(%ax: tensor<16x48xf32>, %aw: tensor<48x40xf16>):
    %c = gpuos.cast %ax : tensor<16x48xf32> -> tensor<16x48xf16>
    %m = gpuos.matmul %c, %aw : tensor<16x48xf16>, tensor<48x40xf16> -> tensor<16x40xf16>
    %o = gpuos.cast %m : tensor<16x40xf16> -> tensor<16x40xf32>
    gpuos.yield %o : tensor<16x40xf32>
  }
  gpuos.return %r : tensor<16x40xf32>
}

// Not on tensor cores: M < 16 (a decode GEMV) and K < 16.
// CHECK-LABEL: // Operator small_m_task0:
// CHECK-NOT:    tensor cores
// CHECK:        { // stage 0: matmul at {{.*}}, 128 rows of 32 outputs (a lane each), K = 256 split over the warps
// CHECK:        { // stage 1: matmul at {{.*}}, 1024 rows of 8, a thread per row
// CHECK-NOT:    gpuos_mma_warp_step<
gpuos.graph @small_m(%x: tensor<8x256xf16>, %w: tensor<256x512xf16>, %y: tensor<32x8xf16>, %v: tensor<8x32xf16>) -> (tensor<8x512xf16>, tensor<32x32xf16>) {
  %r:2 = gpuos.task ins(%x, %w, %y, %v : tensor<8x256xf16>, tensor<256x512xf16>, tensor<32x8xf16>, tensor<8x32xf16>) -> tensor<8x512xf16>, tensor<32x32xf16> {
  ^bb0(%ax: tensor<8x256xf16>, %aw: tensor<256x512xf16>, %ay: tensor<32x8xf16>, %av: tensor<8x32xf16>):
    %m = gpuos.matmul %ax, %aw : tensor<8x256xf16>, tensor<256x512xf16> -> tensor<8x512xf16>
    %k = gpuos.matmul %ay, %av : tensor<32x8xf16>, tensor<8x32xf16> -> tensor<32x32xf16>
    gpuos.yield %m, %k : tensor<8x512xf16>, tensor<32x32xf16>
  }
  gpuos.return %r#0, %r#1 : tensor<8x512xf16>, tensor<32x32xf16>
}

// Not on tensor cores: f32.
// CHECK-LABEL: // Operator f32_mm_task0:
// CHECK-NOT:    gpuos_mma_warp_step<
// CHECK:        { // stage 0: matmul at {{.*}}, 128 rows of 32 outputs (a lane each), K = 64 split over the warps
// CHECK-NOT:    gpuos_mma_warp_step<
gpuos.graph @f32_mm(%x: tensor<64x64xf32>, %w: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %r = gpuos.task ins(%x, %w : tensor<64x64xf32>, tensor<64x64xf32>) -> tensor<64x64xf32> {
  ^bb0(%ax: tensor<64x64xf32>, %aw: tensor<64x64xf32>):
    %m = gpuos.matmul %ax, %aw : tensor<64x64xf32>, tensor<64x64xf32> -> tensor<64x64xf32>
    gpuos.yield %m : tensor<64x64xf32>
  }
  gpuos.return %r : tensor<64x64xf32>
}

// Tile choice: the largest tile that still gives 128 tiles; 64x64 here
// (four n8 fragments per warp), 32x64 below (two). Both keep steps of 32:
// steps of 64 would need more than 16 KiB of shared memory (64x64) or more
// than 16 staging registers per thread (32x64).
// CHECK-LABEL: // Operator wide_task0:
// CHECK:      //   smem: 10240 bytes
// CHECK:        { // stage 0: matmul at {{.*}}, 128 tiles of 64x64 outputs on tensor cores
// CHECK:          const int wm = unit / 2 * 16, wn = unit % 2 * 32;
// CHECK-NEXT:     float acc[4][4] = {};
// CHECK:          gpuos_mma_warp_step<4, 32>(acc, tiles + wm * 40, tiles + (64 + wn) * 40, 40, gpuos_mma_f16());
gpuos.graph @wide(%x: tensor<256x64xf16>, %w: tensor<64x2048xf16>) -> tensor<256x2048xf16> {
  %r = gpuos.task ins(%x, %w : tensor<256x64xf16>, tensor<64x2048xf16>) -> tensor<256x2048xf16> {
  ^bb0(%ax: tensor<256x64xf16>, %aw: tensor<64x2048xf16>):
    %m = gpuos.matmul %ax, %aw : tensor<256x64xf16>, tensor<64x2048xf16> -> tensor<256x2048xf16>
    gpuos.yield %m : tensor<256x2048xf16>
  }
  gpuos.return %r : tensor<256x2048xf16>
}

// CHECK-LABEL: // Operator mid_task0:
// CHECK:      //   smem: 7680 bytes
// CHECK:        { // stage 0: matmul at {{.*}}, 128 tiles of 32x64 outputs on tensor cores
// CHECK:          gpuos_mma_warp_step<2, 32>(acc, tiles + wm * 40, tiles + (32 + wn) * 40, 40, gpuos_mma_bf16());
gpuos.graph @mid(%x: tensor<256x64xbf16>, %w: tensor<64x1024xbf16>) -> tensor<256x1024xbf16> {
  %r = gpuos.task ins(%x, %w : tensor<256x64xbf16>, tensor<64x1024xbf16>) -> tensor<256x1024xbf16> {
  ^bb0(%ax: tensor<256x64xbf16>, %aw: tensor<64x1024xbf16>):
    %m = gpuos.matmul %ax, %aw : tensor<256x64xbf16>, tensor<64x1024xbf16> -> tensor<256x1024xbf16>
    gpuos.yield %m : tensor<256x1024xbf16>
  }
  gpuos.return %r : tensor<256x1024xbf16>
}

// Two dependent matmuls in one task, the first the costlier: on tensor
// cores only tile 0 could run them (an output tile spans domain rows), so the
// task keeps the CUDA-core paths, which split both stages by domain rows.
// CHECK-LABEL: // Operator chain_task0:
// CHECK:      //   tiles: {{[0-9]+}} (from size); tiles take whole rows of the domain [64]
// CHECK-NOT:    tensor cores
// CHECK:        { // stage 0: matmul at {{.*}}, 1024 rows of 32 outputs (a lane each), K = 256 split over the warps
// CHECK:        { // stage 1: matmul at {{.*}}, 128 rows of 32 outputs (a lane each), K = 512 split over the warps
// CHECK-NOT:    gpuos_mma_warp_step<
gpuos.graph @chain(%x: tensor<64x256xf16>, %w1: tensor<256x512xf16>, %w2: tensor<512x64xf16>) -> tensor<64x64xf16> {
  %r = gpuos.task ins(%x, %w1, %w2 : tensor<64x256xf16>, tensor<256x512xf16>, tensor<512x64xf16>) -> tensor<64x64xf16> {
  ^bb0(%ax: tensor<64x256xf16>, %aw1: tensor<256x512xf16>, %aw2: tensor<512x64xf16>):
    %h = gpuos.matmul %ax, %aw1 : tensor<64x256xf16>, tensor<256x512xf16> -> tensor<64x512xf16>
    %m = gpuos.matmul %h, %aw2 : tensor<64x512xf16>, tensor<512x64xf16> -> tensor<64x64xf16>
    gpuos.yield %m : tensor<64x64xf16>
  }
  gpuos.return %r : tensor<64x64xf16>
}

// A costly prologue (bias and GELU) is stored once into scratch by its own
// stage; every tile recomputes it (it is cheap next to the matmul), then the
// tensor-core stage stages the stored operand.
// CHECK-LABEL: // Operator prologue_task0:
// CHECK:      //   scratch: 12288 bytes
// CHECK:        { // stage 0: elementwise over [64, 96]
// CHECK:        __syncthreads(); // earlier stages stored what later ones read
// CHECK-NEXT:   { // stage 1: matmul at {{.*}} on tensor cores
// CHECK:                      const float [[H:v[0-9]+]] = gpuos_f16_to_f32(tmp0[{{t[0-9]+}} * 96 + {{t[0-9]+}}]);
// CHECK-NEXT:                 x[j] = gpuos_f32_to_f16([[H]]);
gpuos.graph @prologue(%x: tensor<64x96xf16>, %b: tensor<96xf16>, %w: tensor<96x80xf16>) -> tensor<64x80xf16> {
  %r = gpuos.task ins(%x, %b, %w : tensor<64x96xf16>, tensor<96xf16>, tensor<96x80xf16>) -> tensor<64x80xf16> {
  ^bb0(%ax: tensor<64x96xf16>, %ab: tensor<96xf16>, %aw: tensor<96x80xf16>):
    %h = gpuos.add %ax, %ab : tensor<64x96xf16>, tensor<96xf16> -> tensor<64x96xf16>
    %g = gpuos.gelu erf %h : tensor<64x96xf16>
    %m = gpuos.matmul %g, %aw : tensor<64x96xf16>, tensor<96x80xf16> -> tensor<64x80xf16>
    gpuos.yield %m : tensor<64x80xf16>
  }
  gpuos.return %r : tensor<64x80xf16>
}
