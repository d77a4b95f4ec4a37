#pragma once
// Parameter initialisation as PyTorch does it, in one place for every model family:
//   nn.Linear   weight and bias U(−1/√fan_in, 1/√fan_in)
//   nn.Embedding weight N(0, 1)
// The values come from the given Rng, so a seed fixes them.
#include "core/rng.h"
#include "core/tensor.h"

namespace lm {

// Fills t with U(−bound, bound).
void initUniform(Tensor &t, float bound, Rng &rng);
// Fills t with N(mean, stddev).
void initNormal(Tensor &t, float mean, float stddev, Rng &rng);
// A linear layer's weight (out, in) and bias (out, or undefined): U(±1/√in), weight first.
void initLinear(Tensor &weight, Tensor &bias, Rng &rng);

} // namespace lm
