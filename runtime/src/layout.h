/* Internal layout shared by the worker kernel (worker.cu) and the host (runtime.cpp).
 * Not installed; not part of the public ABI. */
#ifndef GPUOS_RUNTIME_LAYOUT_H
#define GPUOS_RUNTIME_LAYOUT_H

#include "gpuos/device_abi.h"

#define GPUOS_MAX_GRAPHS 256u

/* Ready-queue item: [tag:12][slot:8][task:24][tile:20]. All ones = empty. */
#define GPUOS_ITEM_EMPTY 0xFFFFFFFFFFFFFFFFull
#define GPUOS_ITEM_TILE_BITS 20u
#define GPUOS_ITEM_TASK_BITS 24u
#define GPUOS_ITEM_SLOT_BITS 8u
#define GPUOS_ITEM_TAG_BITS 12u
#define GPUOS_MAX_TILES ((1u << GPUOS_ITEM_TILE_BITS) - 1u)
#define GPUOS_MAX_TASKS (1u << GPUOS_ITEM_TASK_BITS)
#define GPUOS_MAX_TAG ((1u << GPUOS_ITEM_TAG_BITS) - 2u) /* 0xFFF is never used */

#if defined(__CUDACC__) || defined(__CUDACC_RTC__)
#define GPUOS_HD __host__ __device__ __forceinline__
#else
#define GPUOS_HD static inline
#endif

GPUOS_HD gpuos_u64 gpuos_item_make(gpuos_u32 tag, gpuos_u32 slot, gpuos_u32 task, gpuos_u32 tile) {
  return ((gpuos_u64)tag << 52) | ((gpuos_u64)slot << 44) | ((gpuos_u64)task << 20) | (gpuos_u64)tile;
}
GPUOS_HD gpuos_u32 gpuos_item_tile(gpuos_u64 it) { return (gpuos_u32)(it & 0xFFFFFull); }
GPUOS_HD gpuos_u32 gpuos_item_task(gpuos_u64 it) { return (gpuos_u32)((it >> 20) & 0xFFFFFFull); }
GPUOS_HD gpuos_u32 gpuos_item_slot(gpuos_u64 it) { return (gpuos_u32)((it >> 44) & 0xFFull); }
GPUOS_HD gpuos_u32 gpuos_item_tag(gpuos_u64 it) { return (gpuos_u32)((it >> 52) & 0xFFFull); }

/* Operator word: [generation:16][tasks started in this generation:48]. */
#define GPUOS_OPWORD_COUNT_MASK 0x0000FFFFFFFFFFFFull
GPUOS_HD gpuos_u32 gpuos_opword_gen(gpuos_u64 w) { return (gpuos_u32)(w >> 48); }
GPUOS_HD gpuos_u64 gpuos_opword_count(gpuos_u64 w) { return w & GPUOS_OPWORD_COUNT_MASK; }
GPUOS_HD gpuos_u32 gpuos_opword_slot(gpuos_u64 w) { return (gpuos_u32)(w >> 48) & 1u; }

/* Monotonic counters: submission `serial` (1-based) of a graph is complete on a counter that
 * needs `need` arrivals per submission when the arrival that returns old satisfies
 * old + 1 == serial * need (mod 2^32). No reset between submissions. */
GPUOS_HD int gpuos_counter_is_last(gpuos_u32 old, gpuos_u32 serial, gpuos_u32 need) {
  return (gpuos_u32)(old + 1u) == (gpuos_u32)(serial * need);
}

/* Scheduling flags of a task record (sflags). */
#define GPUOS_SF_SUCC_LOCAL_READY 1u /* the single successor has one predecessor: no counter */
/* Successor fan-out: this task has several tiles and one successor of several tiles that waits
 * for nothing else. Its tiles count on the task's fan-out word (not tiles_done), and the blocks
 * that ran them run the successor's tiles without the ready queue. */
#define GPUOS_SF_FANOUT 2u

/* Fan-out word of such a task: [tiles done, monotonic:32][owners this submission:32]. A block
 * finishing a tile adds 1 << 32, plus 1 when it will run a successor tile: its rank among the
 * owners is the low half it read, and owner r runs successor tile r once the high half reaches
 * serial * ntiles. The last tile's block queues the tiles no owner took and clears the low half. */
#define GPUOS_FANOUT_DONE (1ull << 32)

/* Task record header, 48 bytes, followed by nargs gpuos_arg (144 bytes each).
 * Records have a fixed stride within a graph. */
typedef struct gpuos_task_rec {
  gpuos_u32 op;
  gpuos_u32 ntiles;
  gpuos_u32 npred;
  gpuos_u32 nsucc;
  gpuos_u32 succ;        /* nsucc == 1: the successor's id; else index into the succ array */
  gpuos_u32 succ_op;     /* nsucc == 1: successor's op, ntiles and npred */
  gpuos_u32 succ_ntiles;
  gpuos_u32 succ_npred;
  gpuos_u32 nargs;
  gpuos_u32 sflags;
  gpuos_u32 user_flags;
  gpuos_u32 pad;
} gpuos_task_rec;

typedef struct gpuos_succ_ent { /* 16 bytes */
  gpuos_u32 id, op, ntiles, npred;
} gpuos_succ_ent;

/* Per graph slot, written by the host at upload (80 bytes). */
typedef struct gpuos_graph_static {
  const char* recs;           /* ntasks * rec_stride bytes */
  const gpuos_succ_ent* succ;
  gpuos_u32* arrivals;        /* per task, monotonic */
  gpuos_u32* tiles_done;      /* per task, monotonic */
  const gpuos_u32* roots;     /* nroots task ids */
  const gpuos_u32* root_prefix; /* nroots+1 exclusive prefix of root tiles */
  gpuos_u32 rec_stride;
  gpuos_u32 nroots;
  gpuos_u32 root_tiles;
  gpuos_u32 nsinks;
  gpuos_u64* fanout;          /* per task, the fan-out word of GPUOS_SF_FANOUT tasks */
  gpuos_u64 pad;
} gpuos_graph_static;

/* Per graph slot, per submission (32 bytes), written by the device. */
typedef struct gpuos_graph_dyn {
  gpuos_u32 serial;
  gpuos_i32 sinks_left;
  gpuos_i32 status;
  gpuos_u32 failed_task;
  gpuos_u32 failed_op;
  gpuos_u32 pad[3];
} gpuos_graph_dyn;

/* Host -> device command ring entry (16 bytes): kind = kind | tag << 8 | flags, a, b, and c = the
 * entry's index + 1, written last (the device polls the entry itself). */
#define GPUOS_CMD_NOP 0u
#define GPUOS_CMD_SUBMIT 1u  /* a = slot, b = serial, tag in kind */
#define GPUOS_CMD_FLIP 2u    /* a = op */
#define GPUOS_CMD_SHUTDOWN 3u
#define GPUOS_CMD_PAUSE 4u   /* park and exit; the host relaunches the kernel later */
#define GPUOS_CMD_RECS_CHANGED 0x80000000u /* SUBMIT: task records were rewritten since the last one */
typedef struct gpuos_cmd {
  gpuos_u32 kind, a, b, c;
} gpuos_cmd;

/* Completion record per graph slot, in pinned host memory (16 bytes). */
typedef struct gpuos_completion {
  gpuos_u32 serial; /* written last */
  gpuos_i32 status;
  gpuos_u32 failed_task;
  gpuos_u32 failed_op;
} gpuos_completion;

/* Pinned, mapped host memory shared with the kernel. */
typedef struct gpuos_host_shared {
  gpuos_u64 ring_head;       /* host writes: commands posted */
  gpuos_u64 pad0[15];
  gpuos_u64 ring_consumed;   /* device writes: commands processed */
  gpuos_u64 flip_gen;        /* device writes: generation after the last FLIP */
  gpuos_u32 kernel_started;  /* device: front end running */
  gpuos_u32 blocks_exited;
  gpuos_u64 pad1[13];
  gpuos_completion completions[GPUOS_MAX_GRAPHS];
  /* followed by the command ring */
} gpuos_host_shared;

/* Device-global state (device memory). */
typedef struct gpuos_dev_state {
  gpuos_u64 q_head;          /* consumer tickets */
  gpuos_u64 pad0[15];
  gpuos_u64 q_tail;          /* producer reservations */
  gpuos_u64 pad1[15];
  gpuos_u32 stop;             /* shut down: every block exits */
  gpuos_u32 pause;            /* pause: blocks park their state and exit; relaunch resumes */
  gpuos_u64 fe_next;          /* front end: next command index (kept across relaunches) */
  gpuos_u32 pad2[28];
} gpuos_dev_state;

/* Kernel parameters, passed by value. */
typedef struct gpuos_kparams {
  gpuos_dev_state* st;
  gpuos_u64* q_slots;
  gpuos_u64 q_mask;
  gpuos_host_shared* host;   /* device pointer to the mapped host area */
  gpuos_cmd* ring;           /* device pointer to the mapped ring */
  gpuos_u64 ring_mask;
  gpuos_u64* opword;         /* [max_ops] */
  gpuos_u64* opfn;           /* [max_ops][2] */
  gpuos_u64* ended;          /* [max_ops][2] */
  gpuos_u64* started;        /* [max_ops][2] */
  gpuos_graph_static* graphs;/* [GPUOS_MAX_GRAPHS] */
  gpuos_graph_dyn* dyn;      /* [GPUOS_MAX_GRAPHS] */
  char* scratch;             /* scratch_bytes per block */
  gpuos_u64 scratch_bytes;
  gpuos_u32 max_ops;
  gpuos_u32 op_smem_offset;  /* operator smem starts here in dynamic smem */
  gpuos_u32 op_smem_bytes;
  gpuos_u32 rec_buf_offset;  /* record buffer in dynamic smem */
  gpuos_u64* parked;         /* [gridDim.x]: ticket+1 a paused block held (0: none), then
                                [gridDim.x][2]: the successor tile it waited for (item, and
                                target << 32 | GPUOS_PARKED_WAIT | predecessor task; 0: none) */
  gpuos_u32 flags;           /* GPUOS_KF_* */
  gpuos_u32 fe_cache_offset; /* front end's per-slot submission cache in dynamic smem */
} gpuos_kparams;
#define GPUOS_PARKED_WAIT 0x80000000u
#define GPUOS_KF_NO_HOLD 1u  /* release the operator count after every task (except chains) */
#define GPUOS_KF_SPIN 2u     /* idle workers poll without sleeping */
#define GPUOS_KF_SINK_EACH 4u /* every finished sink updates the graph's counter at once */

#define GPUOS_REC_BUF_BYTES (48u + GPUOS_MAX_ARGS * 144u)
#define GPUOS_REC_BUFS 2u /* double-buffered: the next chain task is prefetched while one runs */
#define GPUOS_CTL_BYTES 1024u
#define GPUOS_FE_ENTRY_BYTES 48u
#define GPUOS_FE_CACHE_BYTES (GPUOS_MAX_GRAPHS * GPUOS_FE_ENTRY_BYTES)

#endif
