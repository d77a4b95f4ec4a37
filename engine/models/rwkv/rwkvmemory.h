#pragma once
// RWKV-4's memory formula for the architecture table: the parts of a run (models/memoryparts.h)
// that inspect/memoryprofile.h measures, counted op by op as models/rwkv/rwkv.cpp allocates them.
#include "models/memoryparts.h"
#include "models/rwkv/rwkvconfig.h"

#include <cstdint>

namespace lm {

MemoryParts rwkvMemory(const RwkvConfig &c, MemoryMode mode, std::int64_t batch, std::int64_t seqLen);

} // namespace lm
