//===- ImpliedDeps.h - drop dependencies that a path already implies -----===//
//
// An edge u -> v of the task graph is implied when v also depends on some w
// that (transitively) depends on u: dropping it keeps every ordering, and the
// runtime then sees fewer counters and more single-predecessor successors
// (which it starts without a counter, and whose tiles it can hand over
// directly). gpuos-schedule and gpuos-plan-memory both call this after
// writing `gpuos.deps`.
//
//===----------------------------------------------------------------------===//

#ifndef GPUOS_TRANSFORMS_IMPLIEDDEPS_H
#define GPUOS_TRANSFORMS_IMPLIEDDEPS_H

#include "gpuos/Dialect/GPUOSOps.h"

namespace gpuos {

/// Rewrites the `gpuos.deps` of the graph's numbered tasks without the
/// implied edges. Returns the number of edges dropped.
int64_t dropImpliedDeps(GraphOp graph);

} // namespace gpuos

#endif
