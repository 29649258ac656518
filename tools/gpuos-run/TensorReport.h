//===- TensorReport.h - what gpuos-run prints about a result ----*- C++ -*-===//
#ifndef GPUOS_TOOLS_GPUOSRUN_TENSORREPORT_H
#define GPUOS_TOOLS_GPUOSRUN_TENSORREPORT_H

#include "gpuos/Reference/Tensor.h"

#include <string>

namespace gpuos::ref {

/// "tensor<4x8xf32> checksum=0x... min=... max=... mean=..." (the statistics
/// print "n/a" for an empty tensor and "nan" when a NaN is present).
std::string summarizeTensor(const Tensor &);

/// The values, nested like numpy prints them, one innermost row per line.
/// Floats print with the fewest digits that read back to the same value in
/// their dtype; i1 prints true / false.
std::string formatValues(const Tensor &);

} // namespace gpuos::ref

#endif // GPUOS_TOOLS_GPUOSRUN_TENSORREPORT_H
