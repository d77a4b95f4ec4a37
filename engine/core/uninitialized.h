#pragma once
// Internal to the engine's ops: a tensor whose value buffer is NOT zero-filled.
//
// Tensor::zeros memsets every buffer; an op whose output it overwrites completely (a GEMM, an
// elementwise op, a copy) paid that pass for nothing, ≈5% of a transformer training step. Use
// this only when every element is written before anyone reads it.
#include "core/tensor.h"

namespace lm::detail {

Tensor uninitialized(const Shape &shape, bool requiresGrad = false);

} // namespace lm::detail
