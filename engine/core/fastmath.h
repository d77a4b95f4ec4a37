#pragma once
// Branch-free float math that GCC vectorises (std::exp does not), shared by the fused recurrent
// and attention kernels.
#include <algorithm>
#include <bit>
#include <cstdint>

namespace lm {

// e^x with Cephes' expf polynomial on [−ln2/2, ln2/2] and 2^n put into the exponent bits;
// within 2 ulp of std::exp for x in [−87, 88] (clamped outside).
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
    const auto bits = static_cast<std::int32_t>(static_cast<std::int32_t>(n) + 127) << 23;
    return p * std::bit_cast<float>(bits);
}

} // namespace lm
