#pragma once
// The encoder's memory formula for the architecture table (models/memoryparts.h): what a run
// keeps, counted op by op as engine/models/encoder/encoder.cpp allocates it. The memory lab's
// training batch has a target at every position, so the MLM head reads all B·T positions. An
// encoder keeps no KV cache: infer is not a mode it has (it reads whole sentences), so it is
// predicted as prefill.
#include "models/encoder/encoderconfig.h"
#include "models/memoryparts.h"

namespace lm {

MemoryParts encoderMemory(const EncoderConfig &config, MemoryMode mode, std::int64_t batch, std::int64_t seqLen);

} // namespace lm
