#include "train/schedule.h"

#include <algorithm>
#include <cmath>

namespace lm {

float WarmupCosine::at(int step) const
{
    if (warmup > 0 && step < warmup)
        return peak * static_cast<float>(step + 1) / static_cast<float>(warmup);
    const int span = std::max(1, total - warmup);
    const float progress = std::clamp(static_cast<float>(step - warmup) / static_cast<float>(span), 0.0f, 1.0f);
    const float cosine = 0.5f * (1.0f + std::cos(3.14159265358979f * progress)); // 1 -> 0
    return peak * (minRatio + (1.0f - minRatio) * cosine);
}

} // namespace lm
