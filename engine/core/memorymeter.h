#pragma once
// MemoryMeter: counts the bytes of every live tensor buffer (values and gradients) in the process,
// and the peak since the last reset. Storage updates it on allocation and release; the trainer and
// the memory lab read it. Thread-safe (atomics), cheap enough to stay on in release builds.
#include <cstdint>

namespace lm::MemoryMeter {

void onAllocate(std::int64_t bytes);
void onRelease(std::int64_t bytes);

std::int64_t liveBytes();
std::int64_t peakBytes();
// Sets the peak to the current live bytes, so a later peakBytes() covers only what follows.
void resetPeak();

} // namespace lm::MemoryMeter
