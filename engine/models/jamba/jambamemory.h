#pragma once
// Jamba's memory formula for the architecture table: the parts of a run (models/memoryparts.h)
// that inspect/memoryprofile.h measures, counted op by op as models/jamba/jamba.cpp allocates them.
#include "models/jamba/jambaconfig.h"
#include "models/memoryparts.h"

#include <cstdint>

namespace lm {

MemoryParts jambaMemory(const JambaConfig &c, MemoryMode mode, std::int64_t batch, std::int64_t seqLen);

} // namespace lm
