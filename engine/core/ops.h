#pragma once
// Differentiable tensor ops: shape, broadcast arithmetic, products and reductions.
// Neural-network ops (activations, norms, softmax, losses, embedding) are in ops_nn.h.
//
// Every op returns a new tensor. When a Tape is active and an input requires a gradient, the op
// records its backward pass (see tape.h) and the output requires a gradient. Misuse (shapes that
// do not fit) throws std::invalid_argument with the shapes in the message.
//
// Legend: B = batch dims, M/K/N = matrix dims, C = channels (last dimension).
#include "core/tensor.h"

#include <vector>

namespace lm {

// ---- broadcast arithmetic (NumPy/PyTorch broadcasting rules) ----
Tensor add(const Tensor &a, const Tensor &b);
Tensor sub(const Tensor &a, const Tensor &b);
Tensor mul(const Tensor &a, const Tensor &b);
Tensor scale(const Tensor &x, float factor); // x * factor

// ---- products ----
// a: (B..., M, K), b: (K, N)          -> (B..., M, N)   one GEMM over all of a's rows
// a: (B..., M, K), b: (B..., K, N)    -> (B..., M, N)   one GEMM per batch entry
// With transposeB, b is given as (N, K) or (B..., N, K) and used as its transpose.
Tensor matmul(const Tensor &a, const Tensor &b, bool transposeB = false);
// x: (B..., in), weight: (out, in) as torch.nn.Linear stores it, bias: (out) or undefined
// -> (B..., out) = x weightᵀ + bias
Tensor linear(const Tensor &x, const Tensor &weight, const Tensor &bias = Tensor());

// ---- shape ----
// newShape may hold one -1, inferred from the element count. Shares the value buffer.
Tensor reshape(const Tensor &x, Shape newShape);
// Swaps two dimensions (negative counts from the end); the result is a contiguous copy.
Tensor transpose(const Tensor &x, int dim0, int dim1);
// All parts have the same shape except along dim.
Tensor concat(const std::vector<Tensor> &parts, int dim);
// Elements start <= i < end along dim.
Tensor slice(const Tensor &x, int dim, std::int64_t start, std::int64_t end);

// ---- masking and reductions ----
// mask broadcasts to x's shape; where mask != 0 the output is `value` and no gradient flows.
Tensor maskedFill(const Tensor &x, const Tensor &mask, float value);
Tensor sum(const Tensor &x);                                 // -> scalar ()
Tensor mean(const Tensor &x);                                // -> scalar ()
Tensor sum(const Tensor &x, int dim, bool keepDim = false);  // reduces one dimension
Tensor mean(const Tensor &x, int dim, bool keepDim = false);

// The broadcast shape of a and b; throws std::invalid_argument when they do not broadcast.
Shape broadcastShape(const Shape &a, const Shape &b);

} // namespace lm
