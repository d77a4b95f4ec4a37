#pragma once
// Counts the encoder–decoder families' memory formulas share (models/t5/t5memory.h,
// models/bart/bartmemory.h): what one attention keeps for backward, and what generation keeps
// between tokens. Counts of numbers, as in models/memoryparts.h.
// Legend: B = batch, Tq/Tk = query/key tokens, Ts = source tokens, T = tokens written,
// I = heads · head width, d = model width, nh = heads, L = decoder layers, V = vocabulary.
#include "models/memoryparts.h"

#include <cstdint>

namespace lm {

struct AttentionCounts {
    std::int64_t activations = 0;   // projections and their head-split copies
    std::int64_t probabilities = 0; // the (B, nh, Tq, Tk) tables
};

// Training: one biasedAttention call (models/biasedattention.h) with its projections: q (B·Tq·I)
// and k, v (2·B·Tk·I), their head-split copies (as much again), the weighted values and their
// merged copy (2·B·Tq·I), the output projection (B·Tq·d); the scores, the scores plus the additive
// term when there is one, and the softmax (B·nh·Tq·Tk each).
AttentionCounts trainedAttention(std::int64_t B, std::int64_t Tq, std::int64_t Tk, std::int64_t I, std::int64_t d,
                                 std::int64_t nh, bool additive);

// Generation of T tokens for B sources of Ts tokens, all rows side by side, after the encoder ran
// (its peak is the prefill's, not generation's): the encoder output (B·Ts·d) is kept; each decoder
// layer's cross-attention keys and values are computed once from it (crossCache: L·2·B·Ts·I,
// constant per token) and its self-attention cache grows one position per token (kvCache:
// L·2·B·T·I at the end). The previous token's logits (B·V) stay alive; on top, the largest
// moment of the last token: an attention splitting a cache's keys or values into heads (a copy,
// B·max(Ts, T)·I) beside its scores and probabilities (2·B·nh·max(Ts, T)) and a few (B, d)
// vectors, or the head writing the new logits (B·V, and a second B·V for a bias) beside the old.
MemoryParts seq2seqGeneration(std::int64_t B, std::int64_t Ts, std::int64_t T, std::int64_t d, std::int64_t I,
                              std::int64_t nh, std::int64_t L, std::int64_t V);

} // namespace lm
