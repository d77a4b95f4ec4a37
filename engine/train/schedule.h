#pragma once
// Learning-rate schedule: linear warmup from 0 to peak over `warmup` steps, then a cosine decay
// to minRatio·peak at step `total`; constant afterwards. Steps count from 0.
namespace lm {

struct WarmupCosine {
    float peak = 1e-3f;
    int warmup = 0;
    int total = 1;
    float minRatio = 0.1f;

    float at(int step) const;
};

} // namespace lm
