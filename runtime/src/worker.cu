// The persistent worker kernel of the GPUOS runtime.
//
// Block 0 is the front end: it polls the host command ring (pinned, mapped memory),
// expands submitted graphs (pushes the tiles of their root tasks into the ready queue) and
// applies operator-table flips. Every other block is a worker: it takes one tile at a time
// from the ready queue, runs the operator through the dual-slot table and releases the
// task's successors. A worker that makes a successor ready keeps tile 0 of it and runs it
// itself next (no queue round trip for chains). A task of several tiles whose one successor also
// has several tiles hands the successor's tiles straight to the blocks that ran its own
// (GPUOS_SF_FANOUT): each waits for the task's last tile and runs one, with no queue.
//
// Built into a cubin/fatbin that the host library embeds and loads with cuModuleLoadData.
#include "layout.h"

#ifndef GPUOS_REGISTER_BUDGET
#define GPUOS_REGISTER_BUDGET 128
#endif

#ifndef GPUOS_RESERVE_N
#define GPUOS_RESERVE_N (GPUOS_REGISTER_BUDGET - 16)
#endif

typedef gpuos_u32 u32;
typedef gpuos_u64 u64;
typedef gpuos_i32 i32;

// Timestamps for latency breakdowns, only in builds with GPUOS_STAMPS (the bench reads them
// with gpuos_runtime_debug_stamps): [0, 16) global-timer ns on the one-task path, then
// per chain task 1000..1007 eight SM-clock stamps, then [80, 88) SM clocks summed over the
// tasks of the general path by phase, and their count.
#ifdef GPUOS_STAMPS
extern "C" __device__ u64 gpuos_stamps[128];
__device__ u64 gpuos_stamps[128];
static __device__ __forceinline__ u64 gtime() {
  u64 t;
  asm volatile("mov.u64 %0, %%globaltimer;" : "=l"(t)::"memory");
  return t;
}
#define STAMP_G(i) (gpuos_stamps[i] = gtime())
#define STAMP_C(var) const u64 var = clock64()
#define STAMP_CHAIN(task, k, v) \
  if ((task) - 1000u < 8u) gpuos_stamps[16 + ((task) - 1000u) * 8 + (k)] = (v)
#define STAMP_ACC(i, v) atomicAdd(&gpuos_stamps[80 + (i)], (v))
#else
#define STAMP_G(i) ((void)0)
#define STAMP_C(var) ((void)0)
#define STAMP_CHAIN(task, k, v) ((void)0)
#define STAMP_ACC(i, v) ((void)0)
#endif

// ---------------------------------------------------------------- memory-model helpers
static __device__ __forceinline__ u64 ld_relaxed_u64(const u64* p) {
  u64 v;
  asm volatile("ld.relaxed.gpu.global.u64 %0, [%1];" : "=l"(v) : "l"(p) : "memory");
  return v;
}
static __device__ __forceinline__ u64 ld_acquire_u64(const u64* p) {
  u64 v;
  asm volatile("ld.acquire.gpu.global.u64 %0, [%1];" : "=l"(v) : "l"(p) : "memory");
  return v;
}
static __device__ __forceinline__ u64 atom_add_acq_rel_u64(u64* p, u64 v) {
  u64 r;
  asm volatile("atom.acq_rel.gpu.global.add.u64 %0, [%1], %2;" : "=l"(r) : "l"(p), "l"(v) : "memory");
  return r;
}
static __device__ __forceinline__ u64 atom_exch_acquire_u64(u64* p, u64 v) {
  u64 r;
  asm volatile("atom.acquire.gpu.global.exch.b64 %0, [%1], %2;" : "=l"(r) : "l"(p), "l"(v) : "memory");
  return r;
}
static __device__ __forceinline__ void st_relaxed_u64(u64* p, u64 v) {
  asm volatile("st.relaxed.gpu.global.u64 [%0], %1;" ::"l"(p), "l"(v) : "memory");
}
static __device__ __forceinline__ void st_relaxed_u32(u32* p, u32 v) {
  asm volatile("st.relaxed.gpu.global.u32 [%0], %1;" ::"l"(p), "r"(v) : "memory");
}
static __device__ __forceinline__ void st_release_sys_u64(u64* p, u64 v) {
  asm volatile("st.release.sys.global.u64 [%0], %1;" ::"l"(p), "l"(v) : "memory");
}
static __device__ __forceinline__ void fence_acq_rel_gpu() { asm volatile("fence.acq_rel.gpu;" ::: "memory"); }
static __device__ __forceinline__ u32 atom_add_acq_rel_u32(u32* p, u32 v) {
  u32 r;
  asm volatile("atom.acq_rel.gpu.global.add.u32 %0, [%1], %2;" : "=r"(r) : "l"(p), "r"(v) : "memory");
  return r;
}
static __device__ __forceinline__ u32 atom_add_release_u32(u32* p, u32 v) {
  u32 r;
  asm volatile("atom.release.gpu.global.add.u32 %0, [%1], %2;" : "=r"(r) : "l"(p), "r"(v) : "memory");
  return r;
}
static __device__ __forceinline__ u64 atom_add_relaxed_u64(u64* p, u64 v) {
  u64 r;
  asm volatile("atom.relaxed.gpu.global.add.u64 %0, [%1], %2;" : "=l"(r) : "l"(p), "l"(v) : "memory");
  return r;
}
static __device__ __forceinline__ void cp_async16(void* smem, const void* gmem) {
  const unsigned sa = static_cast<unsigned>(__cvta_generic_to_shared(smem));
  asm volatile("cp.async.cg.shared.global [%0], [%1], 16;" ::"r"(sa), "l"(gmem) : "memory");
}
static __device__ __forceinline__ void cp_async_wait_all() { asm volatile("cp.async.wait_all;" ::: "memory"); }
static __device__ __forceinline__ uint4 ld_volatile_v4(const void* p) {
  uint4 v;
  asm volatile("ld.volatile.global.v4.u32 {%0, %1, %2, %3}, [%4];"
               : "=r"(v.x), "=r"(v.y), "=r"(v.z), "=r"(v.w)
               : "l"(p)
               : "memory");
  return v;
}
static __device__ __forceinline__ void st_volatile_v4(void* p, uint4 v) {
  asm volatile("st.volatile.global.v4.u32 [%0], {%1, %2, %3, %4};" ::"l"(p), "r"(v.x), "r"(v.y), "r"(v.z), "r"(v.w)
               : "memory");
}
static __device__ __forceinline__ void red_add_relaxed_u64(u64* p, u64 v) {
  asm volatile("red.relaxed.gpu.global.add.u64 [%0], %1;" ::"l"(p), "l"(v) : "memory");
}

// ---------------------------------------------------------------- register reservation
// Address-taken and never called: ptxas sizes the kernel's indirect call sites for the
// address-taken functions of this module, so this function makes the kernel get
// GPUOS_REGISTER_BUDGET registers, the budget every operator is compiled for.
extern "C" __device__ __noinline__ void gpuos_register_reservation(const gpuos_task_ctx* ctx) {
  volatile float* p = (volatile float*)ctx->scratch;
  float a[GPUOS_RESERVE_N];
#pragma unroll
  for (int i = 0; i < GPUOS_RESERVE_N; ++i) a[i] = p[i];
#pragma unroll
  for (int k = 0; k < 3; ++k) {
#pragma unroll
    for (int i = 0; i < GPUOS_RESERVE_N; ++i)
      a[i] = a[i] * a[(i + 1) % GPUOS_RESERVE_N] + a[(i + 7) % GPUOS_RESERVE_N];
  }
#pragma unroll
  for (int i = 0; i < GPUOS_RESERVE_N; ++i) p[i] = a[i];
}
extern "C" __device__ gpuos_op_fn gpuos_register_reservation_ptr = gpuos_register_reservation;

// ---------------------------------------------------------------- block control state
struct FeEntry {  // front end's cache of one graph slot (valid for the slot's upload tag)
  u32 tagp1, nroots, root_tiles, nsinks;
  const u32* roots;
  const char* root_rec;  // record of the first root
  u32 first_root;
  u32 op;                // the first root's operator
  u32 n16;               // record stride in 16-byte units
  u32 solo;              // one task of one tile: the front end runs it itself
};
static_assert(sizeof(FeEntry) == GPUOS_FE_ENTRY_BYTES, "front-end cache entry size");

struct BlockCtl {
  gpuos_task_ctx ctx[2];  // per record buffer: a chain fills its successor's while it runs
  gpuos_graph_static gs;
  // Prefetched with a continuation's record, per record buffer (a chain writes the next one
  // while the current one may still be read): 16 bytes of the operator words around its op,
  // and the submission state (serial, sinks_left, status, failed_task).
  __align__(16) u64 pre_opw[2][2];
  __align__(16) uint4 pre_dyn[2];
  uint2 link_next[2];  // chain: (successor is a link, its successor), per record buffer
  u64 fn;
  u64 local_item;
  u64 cache_fn;
  u64 q_base;
  u32 gs_key;
  u32 exit;
  u32 have_local;
  u32 prefetched;  // record, state and operator word of the local continuation are in smem
  u32 buf;         // record buffer of the current task (0/1)
  u32 chain;       // this task's successor is certainly the next task of this block
  u32 held;        // the in-flight count of (op, gen) carries over to the continuation
  u32 slot, task, tile, tag;
  u32 serial;
  i32 status;
  u32 run;
  u32 counted;     // opword incremented (or inherited): must add to ended[] eventually
  u32 op, opslot, gen;
  u32 cache_op, cache_gen;
  u32 last;
  i32 claim;
  u64 spec_w;      // operator word read (spec 1) or incremented (spec 2) alongside the record
  u32 spec, spec_op;
  gpuos_cmd cmd;
  u32 fe_exit;
  u32 fe_solo;
  u32 pend_slot, pend_serial, pend_n;
  u64 parked_t;    // ticket + 1 the next take uses: parked before a pause, or kept after a fan-out wait (0: none)
  // An owned successor tile (fan-out): run wait_item once *wait_ctr's high half is wait_target.
  // Meanwhile, after a while, the block takes queue items as a helper (owning and keeping
  // nothing, so that waiting never holds up the tiles waited for).
  u32 wait;
  u32 helper;
  u32 wait_target, wait_task, wait_buf, wait_pre, wait_op;
  u64 wait_item;
  const u64* wait_ctr;
  u32 fe_copy;     // solo: copy the record into the record buffer
  u32 fe_rec_key;  // solo: (slot | tag << 8) + 1 of the record and context in buffer 0
};

static __device__ __forceinline__ void push_tiles(const gpuos_kparams& kp, u32 tag, u32 slot, u32 task,
                                                  u32 t0, u32 t1) {
  if (t1 <= t0) return;
  const u32 n = t1 - t0;
  u64 base = atom_add_relaxed_u64(&kp.st->q_tail, n);
  fence_acq_rel_gpu();
  for (u32 i = 0; i < n; ++i)
    st_relaxed_u64(&kp.q_slots[(base + i) & kp.q_mask], gpuos_item_make(tag, slot, task, t0 + i));
}

static __device__ void graph_fail(const gpuos_kparams& kp, u32 slot, i32 code, u32 task, u32 op) {
  gpuos_graph_dyn* d = &kp.dyn[slot];
  if (atomicCAS((int*)&d->status, 0, code) == 0) {
    atomicExch(&d->failed_task, task);
    atomicExch(&d->failed_op, op);
  }
}

// Submission `serial` of graph `slot` is complete, and this thread has acquired every task's
// stores: write the completion record for the host.
static __device__ __forceinline__ void publish_completion(const gpuos_kparams& kp, u32 slot, u32 serial) {
  STAMP_G(5);
  volatile gpuos_graph_dyn* vd = &kp.dyn[slot];
  const uint4 rec = make_uint4(serial, (u32)vd->status, vd->failed_task, vd->failed_op);
  __threadfence_system();
  STAMP_G(6);
  st_volatile_v4(&kp.host->completions[slot], rec);  // one PCIe write: serial and status together
  STAMP_G(7);
}

// `n` sinks of submission `serial` of graph `slot` are done; the one that brings the count to
// zero publishes the completion.
static __device__ void sink_done(const gpuos_kparams& kp, u32 slot, u32 serial, u32 n) {
  gpuos_graph_dyn* d = &kp.dyn[slot];
  STAMP_G(4);
  u32 old = atom_add_release_u32((u32*)&d->sinks_left, 0u - n);
  if (old == n) {
    fence_acq_rel_gpu();  // acquire: every sink's stores and status before the completion
    publish_completion(kp, slot, serial);
  }
}

// A block counts the sinks it finished locally and adds them to the graph's counter when it
// goes idle or turns to another graph (one release atomic instead of one per sink). Until
// then the submission cannot complete, so the count always belongs to the one in flight.
static __device__ __forceinline__ void flush_sinks(const gpuos_kparams& kp, BlockCtl& c) {
  if (c.pend_n) sink_done(kp, c.pend_slot, c.pend_serial, c.pend_n);
  c.pend_n = 0;
}

// ---------------------------------------------------------------- front end (block 0)
// A graph of one task of one tile: the front end runs it and writes the completion itself
// (no queue item, no worker hand-off, no sink counter). All threads.
// The solo task's function, from the operator word taken when the command was read (thread 0).
static __device__ __forceinline__ void solo_fn(const gpuos_kparams& kp, BlockCtl& c, u32 op) {
  u64 fn = 0;
  if (op < kp.max_ops) {
    c.gen = gpuos_opword_gen(c.spec_w);
    c.opslot = c.gen & 1u;
    if (c.cache_op != op || c.cache_gen != c.gen) {
      c.cache_fn = __ldcg(&kp.opfn[op * 2 + c.opslot]);
      c.cache_op = op;
      c.cache_gen = c.gen;
    }
    fn = c.cache_fn;
  }
  c.fn = fn;
}

static __device__ void fe_run_solo(const gpuos_kparams& kp, BlockCtl& c, char* smem, const FeEntry* fe, u32 slot,
                                   u32 serial) {
  const u32 tid = threadIdx.x;
  char* rb = smem + kp.rec_buf_offset;
  const u32 op = fe->op;
  if (c.fe_copy) {  // else the record and context are in place and thread 0 has found the function
    const uint4* src = reinterpret_cast<const uint4*>(fe->root_rec);
    for (u32 i = tid; i < fe->n16; i += blockDim.x) reinterpret_cast<uint4*>(rb)[i] = __ldcg(src + i);
    if (tid == 0) {
      const uint4 h2 = __ldcg(src + 2);  // nargs, sflags, user_flags (thread 2 copies them to smem)
      gpuos_task_ctx& x = c.ctx[0];
      x.args = reinterpret_cast<const gpuos_arg*>(rb + sizeof(gpuos_task_rec));
      x.nargs = h2.x;
      x.tile = 0;
      x.ntiles = 1;
      x.task = fe->first_root;
      x.graph = slot;
      x.op = op;
      x.flags = h2.z;
      solo_fn(kp, c, op);
    }
    __syncthreads();
  }
  const u64 fn = c.fn;
  if (fn) reinterpret_cast<gpuos_op_fn>(fn)(&c.ctx[0]);
  __syncthreads();
  if (tid == 0) {
    if (op < kp.max_ops) red_add_relaxed_u64(&kp.ended[op * 2 + c.opslot], 1);
    const uint4 rec = fn ? make_uint4(serial, 0u, 0xFFFFFFFFu, 0xFFFFFFFFu)
                         : make_uint4(serial, (u32)/*GPUOS_ERROR_UNKNOWN_OP*/ -15, fe->first_root, op);
    st_volatile_v4(&kp.dyn[slot], make_uint4(serial, 0u, rec.y, rec.z));
    kp.dyn[slot].failed_op = rec.w;
    STAMP_G(5);
    __threadfence_system();  // the operator's stores (all threads, ordered by the barrier) before the completion
    STAMP_G(6);
    st_volatile_v4(&kp.host->completions[slot], rec);
    STAMP_G(7);
  }
}

static __device__ void front_end(const gpuos_kparams& kp, BlockCtl& c, char* smem) {
  const u32 tid = threadIdx.x, T = blockDim.x;
  // Per-slot cache of what a submission needs, in its own shared memory: a repeated
  // submission reads no graph data (the operator area stays free for solo graphs).
  FeEntry* cache = reinterpret_cast<FeEntry*>(smem + kp.fe_cache_offset);
  for (u32 i = tid; i < GPUOS_MAX_GRAPHS; i += T) cache[i].tagp1 = 0;
  u64 next = __ldcg(&kp.st->fe_next);
  if (tid == 0) {
    volatile gpuos_host_shared* h = kp.host;
    h->kernel_started = 1u;
    __threadfence_system();
    c.fe_exit = 0;
    c.fe_rec_key = 0;
    c.cache_op = 0xFFFFFFFFu;
    c.cache_gen = 0xFFFFFFFFu;
    c.ctx[0].smem = smem + kp.op_smem_offset;
    c.ctx[0].smem_bytes = kp.op_smem_bytes;
    c.ctx[0].scratch = kp.scratch + (u64)blockIdx.x * kp.scratch_bytes;
    c.ctx[0].scratch_bytes = kp.scratch_bytes;
  }
  __syncthreads();
  for (;;) {
    if (tid == 0) {
      // One 16-byte read per poll: the entry carries its own sequence number (c = index + 1).
      const void* ep = &kp.ring[next & kp.ring_mask];
      uint4 e;
      for (;;) {
        e = ld_volatile_v4(ep);
        if (e.w == (u32)(next + 1)) break;
      }
      c.cmd.kind = e.x & 0xFFu;
      c.cmd.c = e.x >> 8;  // tag and flags
      c.cmd.a = e.y;
      c.cmd.b = e.z;
      STAMP_G(0);
    }
    __syncthreads();
    const gpuos_cmd cmd = c.cmd;
    if (cmd.kind == GPUOS_CMD_SUBMIT) {
      const u32 slot = cmd.a, serial = cmd.b, tag = cmd.c & 0xFFFu;
      const gpuos_graph_static* gsp = &kp.graphs[slot];
      FeEntry* fe = &cache[slot];
      if (tid == 0) {
        if (fe->tagp1 != tag + 1u) {
          fe->nroots = __ldcg(&gsp->nroots);
          fe->root_tiles = __ldcg(&gsp->root_tiles);
          fe->nsinks = __ldcg(&gsp->nsinks);
          fe->roots = reinterpret_cast<const u32*>(__ldcg(reinterpret_cast<const unsigned long long*>(&gsp->roots)));
          fe->first_root = fe->nroots ? __ldcg(fe->roots) : 0u;
          const u32 stride = __ldcg(&gsp->rec_stride);
          fe->n16 = stride / 16u;
          fe->root_rec = reinterpret_cast<const char*>(__ldcg(reinterpret_cast<const unsigned long long*>(&gsp->recs))) +
                         (u64)fe->first_root * stride;
          const uint4 h0 = __ldcg(reinterpret_cast<const uint4*>(fe->root_rec));  // op, ntiles, npred, nsucc
          fe->op = h0.x;
          // Every task is reachable from a root: one root without successors is the whole graph.
          fe->solo = (fe->nroots == 1 && fe->root_tiles == 1 && h0.y == 1u && h0.w == 0u) ? 1u : 0u;
          fe->tagp1 = tag + 1u;
        }
        c.fe_solo = fe->solo;
        if (fe->solo) {
          // Count the operator as running first (the answer is needed last), and keep the
          // record in shared memory from the slot's last solo run unless the host rewrote it.
          if (fe->op < kp.max_ops) c.spec_w = atom_add_relaxed_u64(&kp.opword[fe->op], 1);
          const u32 key = (slot | tag << 8) + 1u;
          c.fe_copy = (c.fe_rec_key != key || (cmd.c & (GPUOS_CMD_RECS_CHANGED >> 8))) ? 1u : 0u;
          c.fe_rec_key = key;
          if (!c.fe_copy) solo_fn(kp, c, fe->op);
        } else {
          gpuos_graph_dyn* d = &kp.dyn[slot];
          const u64 base = atom_add_relaxed_u64(&kp.st->q_tail, fe->root_tiles);  // overlaps the stores below
          st_volatile_v4(d, make_uint4(serial, fe->nsinks, 0u, 0xFFFFFFFFu));
          d->failed_op = 0xFFFFFFFFu;
          c.q_base = base;
          fence_acq_rel_gpu();
          if (fe->nroots == 1 && fe->root_tiles == 1)  // the common one-root case: no second pass
            st_relaxed_u64(&kp.q_slots[base & kp.q_mask], gpuos_item_make(tag, slot, fe->first_root, 0));
          STAMP_G(1);
        }
      }
      __syncthreads();
      const u64 base = c.q_base;
      const u32 nroots = fe->nroots, root_tiles = fe->root_tiles;
      const u32* roots = fe->roots;
      if (c.fe_solo) {
        fe_run_solo(kp, c, smem, fe, slot, serial);
      } else if (nroots == 1 && root_tiles == 1) {
        // done above
      } else if (root_tiles == nroots) {  // all roots have one tile
        for (u32 r = tid; r < nroots; r += T)
          st_relaxed_u64(&kp.q_slots[(base + r) & kp.q_mask], gpuos_item_make(tag, slot, __ldcg(roots + r), 0));
      } else {
        const u32* prefix =
            reinterpret_cast<const u32*>(__ldcg(reinterpret_cast<const unsigned long long*>(&gsp->root_prefix)));
        for (u32 r = tid; r < nroots; r += T) {
          const u32 id = __ldcg(roots + r), p0 = __ldcg(prefix + r), p1 = __ldcg(prefix + r + 1);
          for (u32 k = p0; k < p1; ++k)
            st_relaxed_u64(&kp.q_slots[(base + k) & kp.q_mask], gpuos_item_make(tag, slot, id, k - p0));
        }
      }
    } else if (cmd.kind == GPUOS_CMD_FLIP) {
      if (tid == 0) {
        const u32 op = cmd.a;
        fence_acq_rel_gpu();
        u64 cur = ld_relaxed_u64(&kp.opword[op]);
        u64 old;
        for (;;) {  // exchange to (gen+1, count 0); retry if a task raced in between
          const u64 nw = (u64)((gpuos_opword_gen(cur) + 1u) & 0xFFFFu) << 48;
          old = atomicCAS((unsigned long long*)&kp.opword[op], cur, nw);
          if (old == cur) break;
          cur = old;
        }
        const u32 og = gpuos_opword_gen(old);
        st_relaxed_u64(&kp.started[op * 2 + (og & 1u)], gpuos_opword_count(old));
        fence_acq_rel_gpu();
        volatile gpuos_host_shared* h = kp.host;
        h->flip_gen = (og + 1u) & 0xFFFFu;
      }
    } else if (cmd.kind == GPUOS_CMD_SHUTDOWN) {
      if (tid == 0) {
        st_relaxed_u32(&kp.st->stop, 1u);
        c.fe_exit = 1;
      }
    } else if (cmd.kind == GPUOS_CMD_PAUSE) {
      if (tid == 0) {
        st_relaxed_u32(&kp.st->pause, 1u);
        st_relaxed_u64(&kp.st->fe_next, next + 1);
        c.fe_exit = 1;
      }
    }
    __syncthreads();
    ++next;
    if (tid == 0) {
      // The host reads nothing after a SUBMIT's or NOP's acknowledgement (it only frees the
      // ring entry): no fences. A FLIP's flip_gen and the stop/pause flags go first.
      if (cmd.kind == GPUOS_CMD_SUBMIT || cmd.kind == GPUOS_CMD_NOP) {
        volatile gpuos_host_shared* h = kp.host;
        h->ring_consumed = next;
      } else {
        __threadfence_system();
        st_release_sys_u64(&kp.host->ring_consumed, next);
      }
      STAMP_G(8);
    }
    if (c.fe_exit) break;  // read after the barrier above; written only by thread 0 before it
  }
}

static_assert(sizeof(BlockCtl) <= GPUOS_CTL_BYTES, "control block fits its shared-memory area");

// Resolve the operator of the task whose record is `rec` (thread 0): the active slot is read
// once per task. A continuation of the same operator inherits the in-flight count of its
// predecessor while the generation has not changed (the slot cannot be reused meanwhile).
static __device__ __forceinline__ void resolve(const gpuos_kparams& kp, BlockCtl& c, const gpuos_task_rec* rec,
                                               char* rb) {
  const u32 op = rec->op;
  u64 fn = 0;
  u32 counted = 0;
  if (c.held) {
    // The block still counts as running (c.op, c.gen): keep that while the generation holds
    // (a plain read, no atomic on the hot operator word), else release it.
    u32 cur = 0xFFFFFFFFu;
    if (op == c.op)
      cur = c.prefetched ? gpuos_opword_gen(c.pre_opw[c.buf][op & 1u])
            : c.spec == 1 ? gpuos_opword_gen(c.spec_w)
                          : gpuos_opword_gen(ld_relaxed_u64(&kp.opword[op]));
    if (cur == c.gen) {
      counted = 1;
      fn = c.cache_fn;
    } else {
      red_add_relaxed_u64(&kp.ended[c.op * 2 + c.opslot], 1);
    }
    c.held = 0;
  }
  if (c.spec == 2 && !(counted == 0 && op == c.spec_op)) {  // guessed wrong (or not needed): end the guess
    red_add_relaxed_u64(&kp.ended[c.spec_op * 2 + gpuos_opword_slot(c.spec_w)], 1);
  }
  if (!counted && op < kp.max_ops) {
    const u64 w = (c.spec == 2 && op == c.spec_op) ? c.spec_w : atom_add_relaxed_u64(&kp.opword[op], 1);
    counted = 1;
    c.gen = gpuos_opword_gen(w);
    c.opslot = c.gen & 1u;
    if (c.cache_op == op && c.cache_gen == c.gen) {
      fn = c.cache_fn;
    } else {
      fn = __ldcg(&kp.opfn[op * 2 + c.opslot]);
      c.cache_op = op;
      c.cache_gen = c.gen;
      c.cache_fn = fn;
    }
  }
  c.spec = 0;
  c.counted = counted;
  c.op = op;
  c.fn = fn;
  if (fn == 0) graph_fail(kp, c.slot, /*GPUOS_ERROR_UNKNOWN_OP*/ -15, c.task, op);
  c.run = (fn != 0 && c.status == 0) ? 1u : 0u;
  c.chain = (rec->ntiles == 1 && rec->nsucc == 1 && (rec->sflags & GPUOS_SF_SUCC_LOCAL_READY)) ? 1u : 0u;
  gpuos_task_ctx& x = c.ctx[c.buf];
  x.args = reinterpret_cast<const gpuos_arg*>(rb + sizeof(gpuos_task_rec));
  x.nargs = rec->nargs;
  x.tile = c.tile;
  x.ntiles = rec->ntiles;
  x.task = c.task;
  x.graph = c.slot;
  x.op = op;
  x.flags = rec->user_flags;
}

// ---------------------------------------------------------------- chains
// Runs the chain that starts with the current task (a chain link, resolved, runnable) on this
// block: no queue, no counters, no operator atomics. Every thread keeps the chain's state in
// registers; while a link runs, its successor's record, the submission state and the
// operator word are copied into the other record buffer, and thread 0 fills the successor's
// context from its own copy of the header, so one barrier per link remains. Stops at the
// first successor that is not a link of the same operator generation (or if the submission
// failed) and leaves it, prefetched, to the general path as the block's local item.
static __device__ void run_chain(const gpuos_kparams& kp, BlockCtl& c, char* recbuf) {
  const u32 tid = threadIdx.x, T = blockDim.x;
  const u64 fn = c.fn;
  const u32 op = c.op, gen = c.gen, slot = c.slot, tag = c.tag;
  const char* recs = c.gs.recs;
  const u32 stride = c.gs.rec_stride, n16 = stride / 16u;
  u32 b = c.buf, task = c.task;
  const gpuos_task_rec* rec0 = reinterpret_cast<const gpuos_task_rec*>(recbuf + b * GPUOS_REC_BUF_BYTES);
  u32 s = rec0->succ, succ_ntiles = rec0->succ_ntiles;
  for (;;) {
    STAMP_C(k0);
    char* nb = recbuf + (b ^ 1u) * GPUOS_REC_BUF_BYTES;
    const uint4* src = reinterpret_cast<const uint4*>(recs + (u64)s * stride);
    if (tid == 0) {
      for (u32 i = 0; i < 3u; ++i) cp_async16(nb + 16u * i, src + i);  // the header
      cp_async16(&c.pre_dyn[b ^ 1u], &kp.dyn[slot]);
      cp_async16(c.pre_opw[b ^ 1u], &kp.opword[op & ~1u]);
    } else {
      for (u32 i = tid + 2u; i < n16; i += T - 1u) cp_async16(nb + 16u * i, src + i);
    }
    STAMP_C(k2);
    reinterpret_cast<gpuos_op_fn>(fn)(&c.ctx[b]);
    STAMP_C(k3);
    cp_async_wait_all();
    if (tid == 0) {  // the successor's context and whether it continues the chain, from this thread's copies
      if (succ_ntiles > 1u) push_tiles(kp, tag, slot, s, 1, succ_ntiles);  // it shares its other tiles
      const gpuos_task_rec* nr = reinterpret_cast<const gpuos_task_rec*>(nb);
      gpuos_task_ctx& x = c.ctx[b ^ 1u];
      x.args = reinterpret_cast<const gpuos_arg*>(nb + sizeof(gpuos_task_rec));
      x.nargs = nr->nargs;
      x.tile = 0;
      x.ntiles = nr->ntiles;
      x.task = s;
      x.graph = slot;
      x.op = nr->op;
      x.flags = nr->user_flags;
      const bool link = nr->op == op && nr->ntiles == 1u && nr->nsucc == 1u &&
                        (nr->sflags & GPUOS_SF_SUCC_LOCAL_READY) &&
                        gpuos_opword_gen(c.pre_opw[b ^ 1u][op & 1u]) == gen && c.pre_dyn[b ^ 1u].z == 0u;
      c.link_next[b ^ 1u] = make_uint2(link ? nr->succ_ntiles : 0u, nr->succ);
    }
    __syncthreads();
#ifdef GPUOS_STAMPS
    if (tid == 0) {
      const u64 k4 = clock64();
      STAMP_CHAIN(task, 0, k0);
      STAMP_CHAIN(task, 1, k0);
      STAMP_CHAIN(task, 2, k2);
      STAMP_CHAIN(task, 3, k3);
      STAMP_CHAIN(task, 4, k4);
      STAMP_CHAIN(task, 5, k4);
    }
#endif
    b ^= 1u;
    task = s;
    const uint2 ln = c.link_next[b];  // x: 0 if the successor ends the chain, else its successor's tiles
    if (!ln.x) break;
    succ_ntiles = ln.x;
    s = ln.y;
  }
  __syncthreads();  // every thread has read the control block before thread 0 rewrites it
  if (tid == 0) {  // as after the general path's completion of a link: the successor is local
    c.held = 1;     // the count of (op, gen) carries over; resolve() releases it if it cannot
    c.local_item = gpuos_item_make(tag, slot, task, 0);
    c.have_local = 1;
    c.prefetched = 1;
    c.buf = b;
    c.task = task;
  }
  __syncthreads();
}

// ---------------------------------------------------------------- fan-out waits
// Going idle (thread 0): stop counting as running the last operator, count the finished sinks.
static __device__ __forceinline__ void go_idle(const gpuos_kparams& kp, BlockCtl& c) {
  if (c.held) red_add_relaxed_u64(&kp.ended[c.op * 2 + c.opslot], 1);
  c.held = 0;
  flush_sinks(kp, c);
}

// Count the block as running `op` now, while it waits for the tile it owns (the operator word's
// round trip and the function's load then stay off the path from the predecessor's last tile to
// the owned tile's start): the count of the last operator is released, and resolve() finds the
// new one held with the function cached.
static __device__ void count_ahead(const gpuos_kparams& kp, BlockCtl& c, u32 op) {
  if (op >= kp.max_ops || (c.held && c.op == op)) return;
  if (c.held) red_add_relaxed_u64(&kp.ended[c.op * 2 + c.opslot], 1);
  const u64 w = atom_add_relaxed_u64(&kp.opword[op], 1);
  c.op = op;
  c.gen = gpuos_opword_gen(w);
  c.opslot = c.gen & 1u;
  if (c.cache_op != op || c.cache_gen != c.gen) {
    c.cache_fn = __ldcg(&kp.opfn[op * 2 + c.opslot]);
    c.cache_op = op;
    c.cache_gen = c.gen;
  }
  c.held = 1;
}

// Thread 0 of a block that owns a successor tile: the next item. Polls the predecessor's
// fan-out word until its last tile is done and returns the owned tile. After kHelpAfter polls
// the block also takes a ticket and, if an item arrives there first, returns it to run as a
// helper (so blocks that wait can never hold up the tiles they wait for). Returns
// GPUOS_ITEM_EMPTY to exit (stop, or pause: the wait and the ticket are parked).
static __device__ u64 wait_take(const gpuos_kparams& kp, BlockCtl& c) {
  constexpr u32 kHelpAfter = 32;  // about 20 us of polls
  u64* s = nullptr;
  u64 t = 0;
  const u32 first = c.helper ? kHelpAfter : 1u;
  for (u32 polls = first;; ++polls) {
    // The pause flag is read with the first poll too: a chain of fan-out tasks whose waits are
    // short would otherwise run on through a pause to the end of the graph.
    const bool check_stop = polls == first || (polls & 63u) == 0u;
    const u64 sp = check_stop ? ld_relaxed_u64(reinterpret_cast<const u64*>(&kp.st->stop)) : 0;  // stop | pause << 32
    const u64 done = ld_acquire_u64(c.wait_ctr);  // issued before sp is used: one round trip for both
    if (sp) {
      if (!(sp & 0xFFFFFFFFull)) {  // pause: park the wait (and the ticket) for the relaunch
        go_idle(kp, c);
        u64* pw = kp.parked + gridDim.x + 2u * blockIdx.x;
        st_relaxed_u64(pw, c.wait_item);
        st_relaxed_u64(pw + 1, (u64)c.wait_target << 32 | GPUOS_PARKED_WAIT | c.wait_task);
        // The ticket taken to help, or one kept from an earlier wait (a lost ticket would
        // strand the item that lands on it).
        const u64 keep = s ? t + 1 : c.parked_t;
        if (keep) st_relaxed_u64(&kp.parked[blockIdx.x], keep);
        c.parked_t = 0;
      }
      return GPUOS_ITEM_EMPTY;
    }
    if ((u32)(done >> 32) == c.wait_target) {
      if (s) c.parked_t = t + 1;  // the ticket is used by the next take
      c.wait = 0;
      c.helper = 0;
      c.buf = c.wait_buf;
      c.prefetched = c.wait_pre;
      return c.wait_item;
    }
    if (polls == first && !c.helper) count_ahead(kp, c, c.wait_op);  // not done at once: time to spare
    if (polls == kHelpAfter) {
      go_idle(kp, c);
      if (c.parked_t) {
        t = c.parked_t - 1;
        c.parked_t = 0;
      } else {
        t = atom_add_relaxed_u64(&kp.st->q_head, 1);
      }
      s = &kp.q_slots[t & kp.q_mask];
    }
    if (s && ld_relaxed_u64(s) != GPUOS_ITEM_EMPTY) {
      const u64 v = atom_exch_acquire_u64(s, GPUOS_ITEM_EMPTY);
      if (v != GPUOS_ITEM_EMPTY) {
        c.helper = 1;
        c.buf = c.wait_buf ^ 1u;  // the owned tile's prefetched record stays in its buffer
        c.prefetched = 0;
        return v;
      }
    }
    if (polls > kHelpAfter && !(kp.flags & GPUOS_KF_SPIN)) __nanosleep(64);
  }
}

// ---------------------------------------------------------------- workers
extern "C" __global__ void gpuos_worker_kernel(gpuos_kparams kp) {
  extern __shared__ __align__(16) char smem[];
  BlockCtl& c = *reinterpret_cast<BlockCtl*>(smem);
  char* recbuf = smem + kp.rec_buf_offset;
  const u32 tid = threadIdx.x, T = blockDim.x;

  if (blockIdx.x == 0) {
    front_end(kp, c, smem);
    return;
  }
  if (tid == 0) {
    c.gs_key = 0xFFFFFFFFu;
    c.exit = 0;
    c.have_local = 0;
    c.prefetched = 0;
    c.buf = 0;
    c.held = 0;
    c.spec = 0;
    c.pend_n = 0;
    c.parked_t = __ldcg(&kp.parked[blockIdx.x]);
    if (c.parked_t) st_relaxed_u64(&kp.parked[blockIdx.x], 0);
    c.wait = 0;
    c.helper = 0;
    u64* pw = kp.parked + gridDim.x + 2u * blockIdx.x;
    const u64 w1 = __ldcg(pw + 1);
    if (w1 & GPUOS_PARKED_WAIT) {  // a wait parked before a pause (its record is loaded again)
      c.wait_item = __ldcg(pw);
      c.wait_target = (u32)(w1 >> 32);
      c.wait_task = (u32)w1 & (GPUOS_MAX_TASKS - 1u);
      const u64* fan = reinterpret_cast<const u64*>(
          __ldcg(reinterpret_cast<const unsigned long long*>(&kp.graphs[gpuos_item_slot(c.wait_item)].fanout)));
      c.wait_ctr = fan + c.wait_task;
      c.wait_buf = 0;
      c.wait_pre = 0;
      c.wait_op = 0xFFFFFFFFu;  // found again from the record
      c.wait = 1;
      st_relaxed_u64(pw + 1, 0);
    }
    c.cache_op = 0xFFFFFFFFu;
    c.cache_gen = 0xFFFFFFFFu;
    for (int i = 0; i < 2; ++i) {
      c.ctx[i].smem = smem + kp.op_smem_offset;
      c.ctx[i].smem_bytes = kp.op_smem_bytes;
      c.ctx[i].scratch = kp.scratch + (u64)blockIdx.x * kp.scratch_bytes;
      c.ctx[i].scratch_bytes = kp.scratch_bytes;
    }
  }
  for (;;) {
    STAMP_C(k0);
#ifdef GPUOS_STAMPS
    u64 ka = 0;
#endif
    // 1. Take an item: the local continuation, else a ticket of the ready queue.
    if (tid == 0) {
      u64 item;
#ifdef GPUOS_STAMPS
      u32 spins_taken = 0, from_queue = 0;
#define STAMP_SET(var, v) (var = (v))
#else
#define STAMP_SET(var, v) ((void)0)
#endif
      if (c.wait) {
        item = wait_take(kp, c);
      } else if (c.have_local) {
        item = c.local_item;
        c.have_local = 0;
      } else {
        c.prefetched = 0;
        // A ticket parked by this block before a pause is used first (read at launch).
        u64 t;
        if (c.parked_t) {
          t = c.parked_t - 1;
          c.parked_t = 0;
        } else {
          t = atom_add_relaxed_u64(&kp.st->q_head, 1);
        }
        u64* s = &kp.q_slots[t & kp.q_mask];
        u32 spins = 0;
        STAMP_SET(from_queue, 1u);
        // Another block can reach the same slot a full lap later (its ticket is t + capacity)
        // while the producer of position t is still writing: take the item with an exchange.
        // The first try expects the item to be there (one round trip when busy).
        u64 first = atom_exch_acquire_u64(s, GPUOS_ITEM_EMPTY);
        if (first == GPUOS_ITEM_EMPTY && (c.held || c.pend_n)) go_idle(kp, c);
        item = first;
        while (item == GPUOS_ITEM_EMPTY) {
          u64 v = ld_relaxed_u64(s);
          if (v != GPUOS_ITEM_EMPTY) {
            v = atom_exch_acquire_u64(s, GPUOS_ITEM_EMPTY);
            if (v != GPUOS_ITEM_EMPTY) {
              item = v;
              STAMP_G(2);
              break;
            }
          }
          ++spins;
          if (spins > 64u && !(kp.flags & GPUOS_KF_SPIN)) __nanosleep(32);  // idle: leave L2 to the blocks that work
          STAMP_SET(spins_taken, spins);
          if ((spins & 255u) == 0u) {
            const u64 sp = ld_relaxed_u64(reinterpret_cast<const u64*>(&kp.st->stop));  // stop | pause << 32
            if (sp) {
              if (!(sp & 0xFFFFFFFFull)) st_relaxed_u64(&kp.parked[blockIdx.x], t + 1);  // pause: keep the ticket
              item = GPUOS_ITEM_EMPTY;
              break;
            }
          }
        }
      }
#ifdef GPUOS_STAMPS
      ka = clock64();
      if (from_queue && item != GPUOS_ITEM_EMPTY) {  // queue takes: item present at once, or waited for
        STAMP_ACC(8 + (spins_taken ? 1 : 0), ka - k0);
        STAMP_ACC(10 + (spins_taken ? 1 : 0), 1ull);
      }
#endif
      if (item == GPUOS_ITEM_EMPTY) {
        c.exit = 1;
      } else {
        c.slot = gpuos_item_slot(item);
        c.task = gpuos_item_task(item);
        c.tile = gpuos_item_tile(item);
        c.tag = gpuos_item_tag(item);
        if (c.pend_n && c.slot != c.pend_slot) flush_sinks(kp, c);
        const u32 key = c.slot | (c.tag << 8);
        if (key != c.gs_key) {
          const uint4* src = reinterpret_cast<const uint4*>(&kp.graphs[c.slot]);
          uint4* dst = reinterpret_cast<uint4*>(&c.gs);
#pragma unroll
          for (int i = 0; i < (int)(sizeof(gpuos_graph_static) / 16); ++i) dst[i] = __ldcg(src + i);
          c.gs_key = key;
        }
      }
      if (!c.exit && c.prefetched) {  // a prefetched chain successor: resolve it right away
        c.serial = c.pre_dyn[c.buf].x;
        c.status = (i32)c.pre_dyn[c.buf].z;
        char* rb = recbuf + c.buf * GPUOS_REC_BUF_BYTES;
        resolve(kp, c, reinterpret_cast<const gpuos_task_rec*>(rb), rb);
      }
    }
    __syncthreads();
    if (c.exit) break;
    STAMP_C(k1);

    // 2. Otherwise the task record (header + argument descriptors) and the submission state
    //    are loaded now by all threads, and the operator resolved.
    char* rb = recbuf + c.buf * GPUOS_REC_BUF_BYTES;
    const gpuos_task_rec* rec = reinterpret_cast<const gpuos_task_rec*>(rb);
    if (!c.prefetched) {
      const uint4* src = reinterpret_cast<const uint4*>(c.gs.recs + (u64)c.task * c.gs.rec_stride);
      uint4* dst = reinterpret_cast<uint4*>(rb);
      const u32 n16 = c.gs.rec_stride / 16u;
      if (tid == 0) {
        // Guess the operator (the block's last one) and read or take its word now, in the same
        // round trip as the record and the submission state (every load is issued before the
        // first result is stored); resolve() checks the guess.
        u64 w = 0;
        u32 spec = 0;
        const u32 spec_op = c.held ? c.op : c.cache_op;
        if (c.held) {
          w = ld_relaxed_u64(&kp.opword[spec_op]);
          spec = 1;
        } else if (spec_op < kp.max_ops) {
          w = atom_add_relaxed_u64(&kp.opword[spec_op], 1);
          spec = 2;
        }
        const uint4 d = __ldcg(reinterpret_cast<const uint4*>(&kp.dyn[c.slot]));
        for (u32 i = 0; i < n16; i += T) dst[i] = __ldcg(src + i);
        c.spec_w = w;
        c.spec = spec;
        c.spec_op = spec_op;
        c.serial = d.x;
        c.status = (i32)d.z;
      } else {
        for (u32 i = tid; i < n16; i += T) dst[i] = __ldcg(src + i);
      }
      __syncthreads();
      if (tid == 0) resolve(kp, c, rec, rb);
      __syncthreads();
      if (tid == 0) STAMP_G(3);
    }
    STAMP_C(kb);

    // 3. A chain link (one tile, one successor that waits for nothing else) runs its chain
    //    here while the links keep the operator and its generation.
    if (c.chain && c.run && !c.helper) {
      run_chain(kp, c, recbuf);
      continue;
    }

    // 4. Run one tile. For a chain, the successor's record, the submission state and the
    //    operator word are copied into shared memory while the operator runs; so they are for
    //    a fan-out successor, whose tile this block may own. A helper prefetches nothing (the
    //    other buffer holds its owned tile's record).
    const u32 chain = c.chain && !c.helper;
    const u32 fan = (rec->sflags & GPUOS_SF_FANOUT) && !c.helper;
    if (chain || fan) {
      const u32 s = rec->succ;
      const uint4* src = reinterpret_cast<const uint4*>(c.gs.recs + (u64)s * c.gs.rec_stride);
      uint4* dst = reinterpret_cast<uint4*>(recbuf + (c.buf ^ 1u) * GPUOS_REC_BUF_BYTES);
      const u32 n16 = c.gs.rec_stride / 16u;
      for (u32 i = tid; i < n16; i += T) cp_async16(dst + i, src + i);
      if (tid == 0) {
        cp_async16(&c.pre_dyn[c.buf ^ 1u], &kp.dyn[c.slot]);
        const u32 sop = rec->succ_op < kp.max_ops ? rec->succ_op : 0u;
        cp_async16(c.pre_opw[c.buf ^ 1u], &kp.opword[sop & ~1u]);
      }
    }
    STAMP_C(k2);
    if (c.run) reinterpret_cast<gpuos_op_fn>(c.fn)(&c.ctx[c.buf]);
    STAMP_C(k3);
    if (chain || fan) cp_async_wait_all();
    __syncthreads();
    STAMP_C(k4);

    // 5. Completion: tile counter, successors, graph completion.
    const u32 nsucc = rec->nsucc;
    if (tid == 0) {
      if (c.counted) {  // held: released by the next task if it cannot inherit, or when idle
        if ((kp.flags & GPUOS_KF_NO_HOLD) && !(chain && rec->succ_op == c.op))
          red_add_relaxed_u64(&kp.ended[c.op * 2 + c.opslot], 1);
        else
          c.held = 1;
      }
      const u32 ntiles = rec->ntiles;
      const u32 fan_rec = rec->sflags & GPUOS_SF_FANOUT;
      const u32 own = c.helper ? 0u : 1u;  // a helper owns no successor tile and keeps nothing local
      u32 last = 1, rank = 0;
      if (ntiles > 1) {
        // The acq_rel atomic is the release of every thread's stores (ordered by the barrier
        // above; ptxas emits it as MEMBAR.GPU + ATOM): no separate fence, which measured 0.35 us
        // per dependent hop on the H100.
        if (fan_rec) {
          const u64 old = atom_add_acq_rel_u64(&c.gs.fanout[c.task], GPUOS_FANOUT_DONE | own);
          last = gpuos_counter_is_last((u32)(old >> 32), c.serial, ntiles);
          rank = (u32)old;
        } else {
          last = gpuos_counter_is_last(atom_add_acq_rel_u32(&c.gs.tiles_done[c.task], 1), c.serial, ntiles);
        }
      }
      c.last = last;
      c.claim = c.helper ? 1 : 0;
      if (fan_rec) {
        // Owner r runs successor tile r; the last tile's block queues the tiles nobody owns.
        const u32 s = rec->succ, m = rec->succ_ntiles, owners = rank + own;
        if (last) {
          if (owners) red_add_relaxed_u64(&c.gs.fanout[c.task], 0ull - owners);  // ranks restart at 0
          push_tiles(kp, c.tag, c.slot, s, owners < m ? owners : m, m);
          if (own && rank < m) {
            c.local_item = gpuos_item_make(c.tag, c.slot, s, rank);
            c.have_local = 1;
            c.prefetched = 1;
            c.buf ^= 1u;
          }
        } else if (own && rank < m) {
          c.wait = 1;
          c.wait_ctr = &c.gs.fanout[c.task];
          c.wait_target = c.serial * ntiles;
          c.wait_task = c.task;
          c.wait_item = gpuos_item_make(c.tag, c.slot, s, rank);
          c.wait_buf = c.buf ^ 1u;
          c.wait_pre = 1;
          c.wait_op = rec->succ_op;
        }
      } else if (last) {
        if (nsucc == 0) {
          if (c.gs.nsinks == 1) {
            // The only sink: every task is its ancestor, so its last tile has acquired all of
            // their stores (through the counters) and completes the graph without a count.
            publish_completion(kp, c.slot, c.serial);
          } else if (kp.flags & GPUOS_KF_SINK_EACH) {
            sink_done(kp, c.slot, c.serial, 1);
          } else {
            if (c.pend_n && c.pend_slot != c.slot) flush_sinks(kp, c);
            c.pend_slot = c.slot;
            c.pend_serial = c.serial;
            ++c.pend_n;
          }
        } else if (nsucc == 1) {
          const u32 s = rec->succ;
          u32 ready = 1;
          if (!(rec->sflags & GPUOS_SF_SUCC_LOCAL_READY))
            ready = gpuos_counter_is_last(atom_add_acq_rel_u32(&c.gs.arrivals[s], 1), c.serial, rec->succ_npred);
          if (ready) {
            if (own) {
              c.local_item = gpuos_item_make(c.tag, c.slot, s, 0);
              c.have_local = 1;
              c.prefetched = chain;
              if (chain) c.buf ^= 1u;
            }
            push_tiles(kp, c.tag, c.slot, s, own, rec->succ_ntiles);
          }
        }
      }
      if (!c.have_local) c.prefetched = 0;
#ifdef GPUOS_STAMPS
      const u64 k5 = clock64();
      STAMP_ACC(0, ka - k0);
      STAMP_ACC(1, k1 - ka);
      STAMP_ACC(2, kb - k1);
      STAMP_ACC(3, k2 - kb);
      STAMP_ACC(4, k3 - k2);
      STAMP_ACC(5, k4 - k3);
      STAMP_ACC(6, k5 - k4);
      STAMP_ACC(7, 1ull);
      STAMP_CHAIN(c.task, 0, k0);
      STAMP_CHAIN(c.task, 1, k1);
      STAMP_CHAIN(c.task, 2, k2);
      STAMP_CHAIN(c.task, 3, k3);
      STAMP_CHAIN(c.task, 4, k4);
      STAMP_CHAIN(c.task, 5, k5);
#endif
    }
    if (nsucc > 1) {
      __syncthreads();
      if (c.last) {
        const gpuos_succ_ent* se = c.gs.succ + rec->succ;
        for (u32 j = tid; j < nsucc; j += T) {
          const uint4 e = __ldcg(reinterpret_cast<const uint4*>(se + j));  // id, op, ntiles, npred
          u32 ready = 1;
          if (e.w != 1u) ready = gpuos_counter_is_last(atom_add_acq_rel_u32(&c.gs.arrivals[e.x], 1), c.serial, e.w);
          if (ready) {
            u32 first = 0;
            if (atomicCAS(&c.claim, 0, 1) == 0) {
              c.local_item = gpuos_item_make(c.tag, c.slot, e.x, 0);
              c.have_local = 1;
              first = 1;
            }
            push_tiles(kp, c.tag, c.slot, e.x, first, e.z);
          }
        }
      }
      __syncthreads();  // thread 0 must not start the next task while others read c here
    }
    // With at most one successor only thread 0 touched the control block after the barrier
    // above, so the next iteration's barrier is enough.
  }
}
