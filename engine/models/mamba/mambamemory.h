#pragma once
// Mamba's memory formula for the architecture table: the parts of a run (models/memoryparts.h)
// that inspect/memoryprofile.h measures, counted op by op as models/mamba/mamba.cpp allocates them.
#include "models/mamba/mambaconfig.h"
#include "models/memoryparts.h"

#include <cstdint>

namespace lm {

MemoryParts mambaMemory(const MambaConfig &c, MemoryMode mode, std::int64_t batch, std::int64_t seqLen);

} // namespace lm
