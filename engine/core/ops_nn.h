#pragma once
// Neural-network ops on the tape: embedding, activations, normalisation, softmax, losses, dropout.
// Same contract as ops.h: new output, backward recorded when a tape is active, shape misuse throws
// std::invalid_argument. C = channels (last dimension), V = vocabulary, N = rows.
#include "core/tensor.h"

#include <cstdint>
#include <vector>

namespace lm {

class Rng;

// weight: (V, C), ids: numel(idsShape) values in [0, V) -> (idsShape..., C).
// Backward scatter-adds each output row into its weight row. Throws on an id out of range.
Tensor embedding(const Tensor &weight, const std::vector<std::int32_t> &ids, const Shape &idsShape);

// Elementwise activations.
Tensor relu(const Tensor &x);
Tensor tanh(const Tensor &x);
Tensor sigmoid(const Tensor &x);
Tensor silu(const Tensor &x);      // x * sigmoid(x)
Tensor gelu(const Tensor &x);      // 0.5 x (1 + erf(x / sqrt 2))           (torch "none")
Tensor geluTanh(const Tensor &x);  // 0.5 x (1 + tanh(sqrt(2/pi)(x + 0.044715 x^3)))  (gelu_new)

// Over the last dimension.
Tensor softmax(const Tensor &x);
Tensor logSoftmax(const Tensor &x);

// x: (..., C); weight, bias: (C) or undefined. Biased variance, as torch.nn.LayerNorm.
Tensor layerNorm(const Tensor &x, const Tensor &weight, const Tensor &bias, float eps = 1e-5f);
// x / sqrt(mean(x^2) + eps) * weight; weight (C) or undefined.
Tensor rmsNorm(const Tensor &x, const Tensor &weight, float eps = 1e-6f);

// logits: (N, V), targets: N ids in [0, V) or ignoreIndex -> scalar mean over the rows not
// ignored (NaN when every row is ignored, as PyTorch). Throws on a target out of range.
Tensor crossEntropy(const Tensor &logits, const std::vector<std::int32_t> &targets, std::int32_t ignoreIndex = -100);

// Zeroes each element with probability p and scales the rest by 1/(1-p) when training;
// returns x itself when !training or p == 0. Throws unless 0 <= p < 1.
Tensor dropout(const Tensor &x, float p, Rng &rng, bool training = true);

} // namespace lm
