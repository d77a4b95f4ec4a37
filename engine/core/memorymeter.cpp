#include "core/memorymeter.h"

#include <atomic>

namespace lm::MemoryMeter {
namespace {
std::atomic<std::int64_t> g_live{0};
std::atomic<std::int64_t> g_peak{0};
} // namespace

void onAllocate(std::int64_t bytes)
{
    const std::int64_t now = g_live.fetch_add(bytes, std::memory_order_relaxed) + bytes;
    std::int64_t peak = g_peak.load(std::memory_order_relaxed);
    while (now > peak && !g_peak.compare_exchange_weak(peak, now, std::memory_order_relaxed)) {
    }
}

void onRelease(std::int64_t bytes) { g_live.fetch_sub(bytes, std::memory_order_relaxed); }

std::int64_t liveBytes() { return g_live.load(std::memory_order_relaxed); }
std::int64_t peakBytes() { return g_peak.load(std::memory_order_relaxed); }
void resetPeak() { g_peak.store(g_live.load(std::memory_order_relaxed), std::memory_order_relaxed); }

} // namespace lm::MemoryMeter
