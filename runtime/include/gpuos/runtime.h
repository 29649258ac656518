/* gpuos/runtime.h -- C API of the GPUOS persistent-kernel runtime.
 *
 * Stable and versioned: GPUOS_RUNTIME_API_VERSION grows when calls are added; a call never
 * changes meaning within a major version. Every call returns a gpuos_status_t; after a
 * failure, gpuos_last_error() (this thread's last message) says what went wrong.
 * Handles are opaque; a runtime handle may be used from several threads, except that one
 * graph handle must not be used from two threads at once.
 */
#ifndef GPUOS_RUNTIME_H
#define GPUOS_RUNTIME_H

#include <stddef.h>
#include <stdint.h>

#include "gpuos/device_abi.h"

#ifdef __cplusplus
extern "C" {
#endif

#define GPUOS_RUNTIME_API_VERSION_MAJOR 1
#define GPUOS_RUNTIME_API_VERSION_MINOR 1
#define GPUOS_RUNTIME_API_VERSION (GPUOS_RUNTIME_API_VERSION_MAJOR * 1000 + GPUOS_RUNTIME_API_VERSION_MINOR)

#if defined(_WIN32)
#define GPUOS_API
#else
#define GPUOS_API __attribute__((visibility("default")))
#endif

typedef enum gpuos_status {
  GPUOS_OK = 0,
  GPUOS_PENDING = 1,                 /* a polled graph has not finished yet */
  GPUOS_ERROR_INVALID_ARGUMENT = -1,
  GPUOS_ERROR_NO_DEVICE = -2,        /* no driver or no GPU */
  GPUOS_ERROR_UNSUPPORTED_DEVICE = -3, /* compute capability below the minimum */
  GPUOS_ERROR_CUDA = -4,             /* a driver call failed; the message names it */
  GPUOS_ERROR_OUT_OF_MEMORY = -5,
  GPUOS_ERROR_COMPILE = -6,          /* NVRTC failed; the message holds its log */
  GPUOS_ERROR_LINK = -7,             /* nvJitLink failed; the message holds its log */
  GPUOS_ERROR_SYMBOL_NOT_FOUND = -8, /* a module lacks gpuos_opptr_NAME */
  GPUOS_ERROR_RESOURCE_LIMIT = -9,   /* operator over the register or stack budget */
  GPUOS_ERROR_QUEUE_FULL = -10,      /* back-pressure: no room within the timeout */
  GPUOS_ERROR_TIMEOUT = -11,
  GPUOS_ERROR_SHUTDOWN = -12,        /* the runtime was shut down */
  GPUOS_ERROR_DEVICE_FAULT = -13,    /* the device context died; every later call fails */
  GPUOS_ERROR_GRAPH_FAILED = -14,    /* a task of the graph failed (see gpuos_graph_result) */
  GPUOS_ERROR_UNKNOWN_OP = -15,      /* a task named an operator id with no operator */
  GPUOS_ERROR_BUSY = -16,            /* the object is in use (e.g. graph already in flight) */
  GPUOS_ERROR_INVALID_IMAGE = -17,   /* not a cubin/fatbin the runtime can read */
  GPUOS_ERROR_INTERNAL = -18
} gpuos_status_t;

typedef struct gpuos_runtime_s* gpuos_runtime_t;
typedef struct gpuos_module_s* gpuos_module_t;
typedef struct gpuos_graph_s* gpuos_graph_t;

/* ---- Version and errors -------------------------------------------------------------- */
GPUOS_API uint32_t gpuos_api_version(void);
GPUOS_API const char* gpuos_status_string(gpuos_status_t s);
/* Message of this thread's last failed call ("" if none). Valid until the thread's next call. */
GPUOS_API const char* gpuos_last_error(void);

/* ---- Runtime --------------------------------------------------------------------------- */
typedef struct gpuos_runtime_config {
  uint32_t struct_size;        /* sizeof(gpuos_runtime_config) */
  int32_t device;              /* CUDA device ordinal */
  uint32_t block_threads;      /* threads per worker block (multiple of 32; 0 = 256) */
  uint32_t blocks_per_sm;      /* 0 = as many as occupancy allows */
  uint32_t op_smem_bytes;      /* shared memory handed to operators (0 = 16384) */
  uint32_t scratch_bytes;      /* global scratch per block (0 = 65536) */
  uint32_t queue_capacity;     /* device ready-queue entries, power of two (0 = 1<<22) */
  uint32_t ring_capacity;      /* host->device command ring entries, power of two (0 = 1024) */
  uint32_t max_ops;            /* operator ids 0..max_ops-1 (0 = 1024) */
  uint32_t stack_bytes;        /* per-thread stack limit of the worker kernel (0 = 2048) */
} gpuos_runtime_config;

/* Fill *cfg with defaults. */
GPUOS_API void gpuos_runtime_config_init(gpuos_runtime_config* cfg);
/* Create a runtime on a device and launch its persistent worker kernel. cfg may be NULL. */
GPUOS_API gpuos_status_t gpuos_runtime_create(const gpuos_runtime_config* cfg, gpuos_runtime_t* out);
/* Stop the worker kernel (waits up to timeout_ms for graphs in flight, then stops anyway).
 * Every later call on rt returns GPUOS_ERROR_SHUTDOWN, except gpuos_runtime_destroy. */
GPUOS_API gpuos_status_t gpuos_runtime_shutdown(gpuos_runtime_t rt, uint32_t timeout_ms);
/* Shut down (if not yet) and free everything, modules and graphs included. */
GPUOS_API gpuos_status_t gpuos_runtime_destroy(gpuos_runtime_t rt);

typedef struct gpuos_runtime_info {
  int32_t device;
  int32_t cc_major, cc_minor;
  uint32_t sm_count;
  uint32_t worker_blocks;      /* blocks of the persistent kernel (one of them is the front end) */
  uint32_t block_threads;
  uint32_t register_budget;    /* R: registers each operator may use */
  uint32_t kernel_registers;   /* registers the worker kernel got */
  uint32_t stack_bytes;        /* stack limit per thread */
  uint32_t kernel_frame_bytes; /* the worker kernel's own frame */
  uint32_t op_smem_bytes;
  uint32_t queue_capacity;
  uint32_t max_ops;
} gpuos_runtime_info;
GPUOS_API gpuos_status_t gpuos_runtime_get_info(gpuos_runtime_t rt, gpuos_runtime_info* info);

/* Device memory helpers (synchronous with respect to the host). */
GPUOS_API gpuos_status_t gpuos_mem_alloc(gpuos_runtime_t rt, size_t bytes, void** dptr);
GPUOS_API gpuos_status_t gpuos_mem_free(gpuos_runtime_t rt, void* dptr);
GPUOS_API gpuos_status_t gpuos_memcpy_htod(gpuos_runtime_t rt, void* dst, const void* src, size_t bytes);
GPUOS_API gpuos_status_t gpuos_memcpy_dtoh(gpuos_runtime_t rt, void* dst, const void* src, size_t bytes);
GPUOS_API gpuos_status_t gpuos_memset_d8(gpuos_runtime_t rt, void* dst, unsigned char v, size_t bytes);

/* ---- JIT compilation (needs no GPU and no runtime) ------------------------------------- */
typedef struct gpuos_jit_options {
  uint32_t struct_size;        /* sizeof(gpuos_jit_options) */
  int32_t sm;                  /* target, e.g. 90 (0 = 90) */
  uint32_t max_registers;      /* -maxrregcount (0 = 128) */
  const char* const* extra_options; /* extra NVRTC options, may be NULL */
  uint32_t num_extra_options;
} gpuos_jit_options;
GPUOS_API void gpuos_jit_options_init(gpuos_jit_options* o);
/* CUDA source -> NVRTC (-rdc=true) -> nvJitLink -> final non-LTO cubin. The header
 * "gpuos/device_abi.h" is available to the source. On success *cubin is malloc'ed (free
 * with gpuos_free). On failure the NVRTC or nvJitLink log is in gpuos_last_error() and, if
 * log != NULL, in *log (malloc'ed). name is used in messages. */
GPUOS_API gpuos_status_t gpuos_jit_compile(const gpuos_jit_options* opts, const char* source,
                                           const char* name, void** cubin, size_t* cubin_size,
                                           char** log);
GPUOS_API void gpuos_free(void* p);

/* Resource use of a device function in a cubin, read from its ELF notes. */
typedef struct gpuos_function_resources {
  uint32_t registers;
  uint32_t stack_bytes; /* the larger of its frame and its max stack (call chain) */
  int32_t found;        /* 0 if the image has no notes for the function */
} gpuos_function_resources;
GPUOS_API gpuos_status_t gpuos_cubin_function_resources(const void* cubin, size_t size,
                                                        const char* function,
                                                        gpuos_function_resources* out);

/* ---- Modules ---------------------------------------------------------------------------- */
/* (a) AOT: a cubin or fatbin in memory (copied) or in a file. (b) AOT images embedded in
 * the binary with gpuos_runtime_add_aot_operators() in CMake use the same call. */
GPUOS_API gpuos_status_t gpuos_module_load_image(gpuos_runtime_t rt, const void* image, size_t size,
                                                 gpuos_module_t* out);
GPUOS_API gpuos_status_t gpuos_module_load_file(gpuos_runtime_t rt, const char* path, gpuos_module_t* out);
/* (c) JIT: compile with the runtime's device and register budget, then load. */
GPUOS_API gpuos_status_t gpuos_module_compile(gpuos_runtime_t rt, const char* source, const char* name,
                                              const char* const* extra_options, uint32_t num_extra_options,
                                              gpuos_module_t* out);
/* Drop the caller's reference. The module is unloaded once no operator slot refers to it. */
GPUOS_API gpuos_status_t gpuos_module_release(gpuos_runtime_t rt, gpuos_module_t m);

/* ---- Operators -------------------------------------------------------------------------- */
/* Install operator `name` (exported as gpuos_opptr_<name>) of module m as operator op_id:
 * writes the inactive slot, publishes it and flips the active index while the kernel runs.
 * Fails with GPUOS_ERROR_RESOURCE_LIMIT if the function exceeds the register or stack
 * budget, GPUOS_ERROR_SYMBOL_NOT_FOUND if the module does not export it, GPUOS_ERROR_BUSY
 * if the inactive slot is still in use by running tasks after timeout_ms. */
GPUOS_API gpuos_status_t gpuos_op_set(gpuos_runtime_t rt, uint32_t op_id, gpuos_module_t m,
                                      const char* name, uint32_t timeout_ms);
typedef struct gpuos_op_stats {
  uint32_t generation;   /* number of updates applied (low 16 bits on the device) */
  uint32_t active_slot;
  double last_update_us; /* last gpuos_op_set: from entry to the device's acknowledgement */
  double last_drain_us;  /* ... of which waiting for tasks still using the inactive slot */
  double last_flip_us;   /* ... of which posting the flip and waiting for the device */
} gpuos_op_stats;
GPUOS_API gpuos_status_t gpuos_op_get_stats(gpuos_runtime_t rt, uint32_t op_id, gpuos_op_stats* st);

/* ---- Graphs ----------------------------------------------------------------------------- */
#define GPUOS_TASK_FLAG_USER_SHIFT 16
GPUOS_API gpuos_status_t gpuos_graph_create(gpuos_runtime_t rt, gpuos_graph_t* out);
GPUOS_API gpuos_status_t gpuos_graph_destroy(gpuos_graph_t g);
/* Add a task with ntiles >= 1 tiles; args (nargs <= GPUOS_MAX_ARGS) are copied. */
GPUOS_API gpuos_status_t gpuos_graph_add_task(gpuos_graph_t g, uint32_t op_id, uint32_t ntiles,
                                              const gpuos_arg* args, uint32_t nargs, uint32_t flags,
                                              uint32_t* task_id);
/* `to` starts only after every tile of `from` has finished. Duplicate edges are merged. */
GPUOS_API gpuos_status_t gpuos_graph_add_edge(gpuos_graph_t g, uint32_t from, uint32_t to);
/* Rebind argument `arg` of task `task` to another buffer (takes effect at the next submit). */
GPUOS_API gpuos_status_t gpuos_graph_bind(gpuos_graph_t g, uint32_t task, uint32_t arg, void* data);
/* Check (cycles, sizes) and upload. Implied by the first submit; after it, tasks and edges
 * can no longer be added. */
GPUOS_API gpuos_status_t gpuos_graph_finalize(gpuos_graph_t g);
/* One doorbell for the whole graph. Waits up to timeout_ms for room (back-pressure), then
 * returns GPUOS_ERROR_QUEUE_FULL. GPUOS_ERROR_BUSY if this graph is still in flight. */
GPUOS_API gpuos_status_t gpuos_graph_submit(gpuos_graph_t g, uint32_t timeout_ms);
/* GPUOS_PENDING while running; GPUOS_OK when done; GPUOS_ERROR_GRAPH_FAILED/UNKNOWN_OP... */
GPUOS_API gpuos_status_t gpuos_graph_poll(gpuos_graph_t g);
GPUOS_API gpuos_status_t gpuos_graph_wait(gpuos_graph_t g, uint32_t timeout_ms);
typedef struct gpuos_graph_result {
  gpuos_status_t status;   /* of the last finished submission */
  uint32_t failed_task;    /* first failing task (if status != OK) */
  uint32_t failed_op;
  uint32_t submissions;    /* finished submissions */
  uint32_t ntasks;
  uint64_t total_tiles;
} gpuos_graph_result;
GPUOS_API gpuos_status_t gpuos_graph_get_result(gpuos_graph_t g, gpuos_graph_result* r);

/* ---- Bundles (API 1.1) -------------------------------------------------------------------
 * A bundle (gpuos/bundle_format.h, docs/bundle.md) holds a compiled graph: manifest and
 * operator cubin. Loading registers its operators under free operator ids, builds the
 * graph and allocates its arena; the caller binds the external inputs and outputs. */
typedef struct gpuos_bundle_s* gpuos_bundle_t;
typedef struct gpuos_bundle_info {
  uint32_t format_version, sm, register_budget, device_abi_version;
  uint32_t num_inputs, num_outputs, num_tasks, num_operators;
  uint64_t arena_bytes, cubin_bytes, source_bytes;
  /* Largest shared memory and global scratch of one operator: create the runtime with
   * op_smem_bytes and scratch_bytes at least this large, or loading fails. */
  uint32_t max_smem_bytes;
  uint64_t max_scratch_bytes;
} gpuos_bundle_info;
typedef struct gpuos_bundle_tensor {
  int32_t dtype; /* GPUOS_DTYPE_* */
  int32_t rank;
  int64_t shape[GPUOS_MAX_RANK];
  uint64_t bytes;
} gpuos_bundle_tensor;
/* Validate a bundle in memory without a GPU (header, checksum, manifest). */
GPUOS_API gpuos_status_t gpuos_bundle_inspect(const void* data, size_t size, gpuos_bundle_info* info);
/* Validate, check the architecture, register budget, shared memory and scratch against rt,
 * load the cubin, register the operators under operator ids never installed before, build
 * the graph and allocate the arena. data is copied. */
GPUOS_API gpuos_status_t gpuos_bundle_load(gpuos_runtime_t rt, const void* data, size_t size, gpuos_bundle_t* out);
GPUOS_API gpuos_status_t gpuos_bundle_load_file(gpuos_runtime_t rt, const char* path, gpuos_bundle_t* out);
GPUOS_API gpuos_status_t gpuos_bundle_get_info(gpuos_bundle_t b, gpuos_bundle_info* info);
/* Shape, dtype and size of external input or output `index`. */
GPUOS_API gpuos_status_t gpuos_bundle_input(gpuos_bundle_t b, uint32_t index, gpuos_bundle_tensor* t);
GPUOS_API gpuos_status_t gpuos_bundle_output(gpuos_bundle_t b, uint32_t index, gpuos_bundle_tensor* t);
/* Bind a dense device buffer of exactly the tensor's size in bytes. */
GPUOS_API gpuos_status_t gpuos_bundle_bind_input(gpuos_bundle_t b, uint32_t index, void* dptr, size_t bytes);
GPUOS_API gpuos_status_t gpuos_bundle_bind_output(gpuos_bundle_t b, uint32_t index, void* dptr, size_t bytes);
/* Fails with GPUOS_ERROR_INVALID_ARGUMENT while an input or output is unbound. */
GPUOS_API gpuos_status_t gpuos_bundle_submit(gpuos_bundle_t b, uint32_t timeout_ms);
GPUOS_API gpuos_status_t gpuos_bundle_wait(gpuos_bundle_t b, uint32_t timeout_ms);
/* Frees graph, arena and module reference (the operator ids stay installed). */
GPUOS_API gpuos_status_t gpuos_bundle_destroy(gpuos_bundle_t b);

#ifdef __cplusplus
}
#endif
#endif /* GPUOS_RUNTIME_H */
