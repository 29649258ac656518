/* gpuos/device_abi.h -- the device-side operator ABI of the GPUOS runtime.
 *
 * Every operator is a CUDA device function with C linkage and this signature:
 *
 *     extern "C" __device__ void NAME(const gpuos_task_ctx* ctx);
 *
 * and the module that holds it exports its address in a __device__ pointer variable
 * named gpuos_opptr_NAME (use GPUOS_EXPORT_OP(NAME)). The runtime reads that variable
 * after loading the module and writes the pointer into its operator table.
 *
 * One call handles one tile of one task and is made by every thread of the worker
 * block (blockDim.x threads, 1-D). Operators must not use static __shared__ memory, must
 * not call __syncthreads() in divergent code, and must return from every thread. They get
 * shared memory only through ctx->smem (ctx->smem_bytes bytes, 16-byte aligned, private to
 * the block for the duration of the call).
 *
 * This header compiles under NVRTC with no system headers, under nvcc and as plain C/C++.
 * The layout is part of the ABI: GPUOS_DEVICE_ABI_VERSION changes whenever it does.
 */
#ifndef GPUOS_DEVICE_ABI_H
#define GPUOS_DEVICE_ABI_H

#define GPUOS_DEVICE_ABI_VERSION 1

/* Fixed-width integers without <stdint.h> (NVRTC has no system headers). */
typedef signed char gpuos_i8;
typedef unsigned char gpuos_u8;
typedef short gpuos_i16;
typedef unsigned short gpuos_u16;
typedef int gpuos_i32;
typedef unsigned int gpuos_u32;
typedef long long gpuos_i64;
typedef unsigned long long gpuos_u64;

/* Limits. */
#define GPUOS_MAX_RANK 8 /* dimensions of one argument */
#define GPUOS_MAX_ARGS 16 /* arguments of one task */

/* Element types (gpuos_arg.dtype). Values are stable. */
#define GPUOS_DTYPE_INVALID 0
#define GPUOS_DTYPE_F32 1
#define GPUOS_DTYPE_F16 2
#define GPUOS_DTYPE_BF16 3
#define GPUOS_DTYPE_I1 4 /* one byte per element, 0 or 1 */
#define GPUOS_DTYPE_I32 5
#define GPUOS_DTYPE_I64 6

/* One argument: a strided view of a device buffer. shape and strides are in elements;
 * entries at index >= rank are zero. 144 bytes, 8-byte aligned. */
typedef struct gpuos_arg {
  void* data;                       /* device address of element [0,...,0] */
  gpuos_i32 dtype;                  /* GPUOS_DTYPE_* */
  gpuos_i32 rank;                   /* 0..GPUOS_MAX_RANK */
  gpuos_i64 shape[GPUOS_MAX_RANK];
  gpuos_i64 strides[GPUOS_MAX_RANK];
} gpuos_arg;

/* The task context handed to an operator. It lives in the worker block's shared memory;
 * args points to a shared-memory copy of the task's argument descriptors. */
typedef struct gpuos_task_ctx {
  const gpuos_arg* args;   /* nargs descriptors */
  void* smem;              /* operator's part of the kernel's dynamic shared memory */
  void* scratch;           /* per-block global scratch (scratch_bytes), not preserved between calls */
  gpuos_u64 scratch_bytes;
  gpuos_u32 nargs;
  gpuos_u32 tile;          /* this call's tile, 0..ntiles-1 */
  gpuos_u32 ntiles;        /* tiles of this task */
  gpuos_u32 smem_bytes;
  gpuos_u32 task;          /* task index within its graph */
  gpuos_u32 graph;         /* graph slot of the submission */
  gpuos_u32 op;            /* operator id */
  gpuos_u32 flags;         /* task flags given at creation (user bits 16..31) */
} gpuos_task_ctx;

typedef void (*gpuos_op_fn)(const gpuos_task_ctx* ctx);

#if defined(__CUDACC__) || defined(__CUDACC_RTC__)
/* Export operator NAME: defines the pointer variable the runtime reads, and a kernel that is
 * never launched and calls NAME through that pointer. The device linkers (nvlink, nvJitLink)
 * keep only what a kernel reaches: without one they drop the internal subroutines NAME calls
 * (the float division slow path, for one) and leave those calls jumping to address 0. */
#define GPUOS_EXPORT_OP(NAME) \
  extern "C" __device__ gpuos_op_fn gpuos_opptr_##NAME = NAME; \
  extern "C" __global__ void gpuos_keep_##NAME(const gpuos_task_ctx* ctx) { gpuos_opptr_##NAME(ctx); } \
  typedef int gpuos_keep_##NAME##_declared
#define GPUOS_OP(NAME) extern "C" __device__ void NAME(const gpuos_task_ctx* ctx)
#endif

#define GPUOS_OPPTR_PREFIX "gpuos_opptr_"

#endif /* GPUOS_DEVICE_ABI_H */
