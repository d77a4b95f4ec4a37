#pragma once
// Rng: a small, seedable generator (xoshiro256**, seeded through splitmix64) with the same output
// on every platform and compiler, unlike std::normal_distribution. Same seed -> same numbers.
#include <cstdint>

namespace lm {

class Rng {
public:
    explicit Rng(std::uint64_t seed = 0) { reseed(seed); }
    void reseed(std::uint64_t seed);

    std::uint64_t next();                    // 64 random bits
    float uniform();                         // [0, 1)
    float uniform(float lo, float hi);       // [lo, hi)
    float normal(float mean = 0.0f, float stddev = 1.0f); // Box-Muller
    std::uint64_t below(std::uint64_t n);    // [0, n), n > 0, without modulo bias

private:
    std::uint64_t m_s[4];
    bool m_hasSpare = false;
    float m_spare = 0.0f;
};

} // namespace lm
