#pragma once
// Memory-efficient multi-head attention on the tape ("chunked attention"): the same function as
// lm::attention() (models/attention.h), computed as FlashAttention does on a GPU: keys are walked
// in blocks with a running maximum and a running sum per query row (online softmax), so the
// probabilities (B, H, Tq, Tk) never exist. Memory grows linearly in the sequence length: the op
// keeps its output and the per-row log-sum-exp (B, H, Tq) for backward, which recomputes the
// probabilities block by block. Backward costs one extra Q Kᵀ product over attention().
// Parallel over batch × heads (backward: batch × KV heads) on the thread pool (core/parallel.h);
// each unit is computed by one thread, so the numbers do not depend on the thread count.
//
// Legend: B = batch, Tq = query length, Tk = key length, H = query heads, Hkv = key/value heads
// (H % Hkv == 0), D = head dim.
#include "core/tensor.h"
#include "models/attention.h"

namespace lm {

// q: (B, H, Tq, D), k, v: (B, Hkv, Tk, D) -> (B, H, Tq, D), equal to attention(q, k, v, options)
// up to float rounding (~1e-6): causal aligned to the end, key padding, GQA, cross-attention,
// ALiBi, scale; fully masked rows give zeros. `chunk` keys per block (any chunk >= 1; one larger
// than Tk is one block); per-thread scratch is O(chunk·D + Tq), never O(Tq·Tk).
// options.keyPadding is copied, so it need not outlive the call.
// options.trace and options.tracePrefix are ignored: this path never holds the probabilities,
// so inspection uses attention().
// Throws std::invalid_argument on the shapes attention() refuses (the message starts
// "chunkedAttention:") and on chunk < 1.
Tensor chunkedAttention(const Tensor &q, const Tensor &k, const Tensor &v, const AttentionOptions &options = {},
                        int chunk = 64);

} // namespace lm
