#pragma once
// BART's memory formula for the architecture table (models/memoryparts.h), counted op by op as
// models/bart/bart.cpp allocates. As for T5 (models/t5/t5memory.h), the memory lab's runs give
// source and target the same length T; the random tokens of its batches hold the pad token
// (almost surely, for B·T in the hundreds), so the embedding's pad branch is counted.
#include "models/bart/bartconfig.h"
#include "models/memoryparts.h"

namespace lm {

MemoryParts bartMemory(const BartConfig &config, MemoryMode mode, std::int64_t batch, std::int64_t seqLen);

} // namespace lm
