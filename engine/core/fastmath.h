#pragma once
// Fast float math: branch-free functions that GCC vectorises (std::exp does not), shared by the
// fused recurrent and attention kernels, and the sigmoid table of the word-vector trainers.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

namespace lm {

// e^x with Cephes' expf polynomial on [−ln2/2, ln2/2] and 2^n put into the exponent bits;
// within 2 ulp of std::exp for x in [−87, 88] (clamped outside). NaN gives NaN (a model whose
// weights or activations went NaN), without converting NaN to an integer, which is undefined.
inline float expApprox(float x)
{
    x = std::min(std::max(x, -87.0f), 88.0f);
    const float shifter = 12582912.0f; // 1.5·2^23: adding it rounds to an integer
    const float n = (x * 1.44269504088896341f + shifter) - shifter;
    const float r = (x - n * 0.693359375f) + n * 2.12194440e-4f; // x − n ln2 in two parts
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    const float nFinite = n == n ? n : 0.0f; // NaN stays in p
    const auto bits = static_cast<std::int32_t>(static_cast<std::int32_t>(nFinite) + 127) << 23;
    return p * std::bit_cast<float>(bits);
}

// σ(x) = 1 / (1 + e^−x) and −log σ(x) looked up at Size + 1 points evenly spread over
// [−Range, Range]: the table word2vec (1000 over [−6, 6]) and fastText (512 over [−8, 8]) train
// with, each with its own size. index(x) truncates as both tools do and is valid for
// |x| < Range; what happens outside differs between the tools, so callers handle it. −log σ at
// the mirrored point Size − k gives −log(1 − σ) = −log σ(−x), the loss of a negative.
template <int Size, int Range>
struct SigmoidTable {
    static constexpr int kSize = Size;
    static constexpr float kMax = static_cast<float>(Range);

    float sigmoid[Size + 1];
    float negLogSigmoid[Size + 1];

    SigmoidTable()
    {
        for (int i = 0; i <= Size; ++i) {
            const double x = (static_cast<double>(i) / Size * 2.0 - 1.0) * Range;
            sigmoid[i] = static_cast<float>(1.0 / (1.0 + std::exp(-x)));
            negLogSigmoid[i] = static_cast<float>(std::log1p(std::exp(-x)));
        }
    }
    static int index(float x) { return static_cast<int>((x + kMax) * (Size / kMax / 2)); }
};

} // namespace lm
