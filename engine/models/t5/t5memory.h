#pragma once
// T5's memory formula for the architecture table (models/memoryparts.h), counted op by op as
// models/t5/t5.cpp allocates. The memory lab's runs give source and target the same length T:
// training and prefill read (B, T) sources and (B, T) decoder inputs; infer encodes a (B, T)
// source and writes T tokens with the caches (models/seq2seqmemory.h).
#include "models/memoryparts.h"
#include "models/t5/t5config.h"

namespace lm {

MemoryParts t5Memory(const T5Config &config, MemoryMode mode, std::int64_t batch, std::int64_t seqLen);

} // namespace lm
