#pragma once
// The Transformer's memory, predicted from its config alone and broken into parts (counts of
// numbers; weights, gradients and optimizer state are the caller's): what the engine keeps op by
// op, so inspect/memoryprofile.h's measurements can check it.
// Legend: B = batch, T = sequence length, C = dim, L = layers, H = heads, KV = kv_heads·head_dim,
// F = FFN hidden, V = vocabulary, N = B·T.
#include "models/memoryparts.h"
#include "models/transformer/transformer.h"

namespace lm {

MemoryParts transformerMemory(const TransformerConfig &config, MemoryMode mode, std::int64_t batch, std::int64_t seqLen);

} // namespace lm
