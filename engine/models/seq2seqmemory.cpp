// Shared counts of the encoder–decoder memory formulas (see seq2seqmemory.h).
#include "models/seq2seqmemory.h"

#include <algorithm>

namespace lm {

AttentionCounts trainedAttention(std::int64_t B, std::int64_t Tq, std::int64_t Tk, std::int64_t I, std::int64_t d,
                                 std::int64_t nh, bool additive)
{
    const std::int64_t Nq = B * Tq, Nk = B * Tk;
    return {4 * Nq * I + 4 * Nk * I + Nq * d, (additive ? 3 : 2) * B * nh * Tq * Tk};
}

MemoryParts seq2seqGeneration(std::int64_t B, std::int64_t Ts, std::int64_t T, std::int64_t d, std::int64_t I,
                              std::int64_t nh, std::int64_t L, std::int64_t V)
{
    MemoryParts p;
    p.crossCache = L * 2 * B * Ts * I;
    p.kvCache = L * 2 * B * T * I;
    const std::int64_t keys = std::max(Ts, T);
    p.activations = B * Ts * d + B * V + std::max(B * keys * I + 2 * B * nh * keys + 4 * B * d, 2 * B * V + B * d);
    return p;
}

} // namespace lm
