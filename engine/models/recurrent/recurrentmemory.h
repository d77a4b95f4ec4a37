#pragma once
// A recurrent language model's memory, predicted from its config alone and broken into parts
// (counts of numbers; weights, gradients and optimizer state are the caller's).
// Legend: B = batch, T = sequence length, d = dim, H = hidden, G = gates, L = layers, V = vocabulary.
#include "models/memoryparts.h"
#include "models/recurrent/recurrentlm.h"

namespace lm {

MemoryParts recurrentMemory(const RecurrentLmConfig &config, MemoryMode mode, std::int64_t batch, std::int64_t seqLen);

} // namespace lm
