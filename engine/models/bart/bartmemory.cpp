// BART's memory formula (see bartmemory.h).
// Legend: B = batch, T = source = target tokens, N = B·T, d = d_model (also the attention's
// width), nh/nhd = encoder/decoder heads, F/Fd = encoder/decoder FFN width, V = vocabulary,
// Le/Ld = encoder/decoder layers.
#include "models/bart/bartmemory.h"

#include "models/seq2seqmemory.h"

#include <algorithm>

namespace lm {

MemoryParts bartMemory(const BartConfig &c, MemoryMode mode, std::int64_t B, std::int64_t T)
{
    const std::int64_t N = B * T, d = c.dim, nh = c.heads, nhd = c.resolvedDecoderHeads(), F = c.resolvedFfnHidden(),
                       Fd = c.resolvedDecoderFfnHidden(), V = c.vocabSize, Le = c.layers, Ld = c.resolvedDecoderLayers();
    MemoryParts p;
    if (mode == MemoryMode::Infer)
        return seq2seqGeneration(B, T, T, d, d, nhd, Ld, V);
    if (mode == MemoryMode::Train) {
        const std::int64_t norm = 2 * N * d + N; // LayerNorm: y, x̂, 1/σ per row
        // Word rows; the pad branch (flags, ones, 1 − flags, two products, the detached rows, their
        // sum); × √d; the position rows and the sum; LayerNorm.
        const std::int64_t embed = N * d + 4 * N * d + 3 * N + (c.scaleEmbedding ? N * d : 0) + T * d + N * d + norm;
        const auto ffn = [&](std::int64_t width) { return 2 * N * width + N * d; }; // fc1, activation, fc2
        const AttentionCounts encoderSelf = trainedAttention(B, T, T, d, d, nh, false); // no padding
        const AttentionCounts decoderSelf = trainedAttention(B, T, T, d, d, nhd, true); // the causal mask
        const AttentionCounts cross = trainedAttention(B, T, T, d, d, nhd, false);
        // Each attention adds its scaled queries (N·d); each sub-layer a residual sum and a LayerNorm.
        std::int64_t a = embed + Le * (encoderSelf.activations + N * d + ffn(F) + 2 * (N * d + norm));
        a += embed + T * T + Ld * (decoderSelf.activations + cross.activations + 2 * N * d + ffn(Fd) + 3 * (N * d + norm));
        a += 4 * N * V; // logits, + final_logits_bias, softmax kept, first gradient
        p.activations = a;
        p.attention = Le * encoderSelf.probabilities + Ld * (decoderSelf.probabilities + cross.probabilities);
        return p;
    }
    // Prefill: the largest set alive at once, walking the forward without a tape: an attention's
    // x, q, k, v, the values split into heads, the weighted values and their merged copy, scores
    // and probabilities (in the decoder beside the encoder output and the causal mask); a
    // feed-forward's x, fc1 and its activation; the head's encoder and decoder outputs, logits and
    // logits + bias (the loss without a tape keeps no softmax).
    const std::int64_t encoder = std::max(N * d + 6 * N * d + 2 * B * nh * T * T, 2 * N * d + 2 * N * F);
    const std::int64_t decoder =
        N * d + T * T + std::max(N * d + 6 * N * d + 2 * B * nhd * T * T, 2 * N * d + 2 * N * Fd);
    const std::int64_t head = 2 * N * d + 2 * N * V;
    p.activations = std::max({encoder, decoder, head});
    return p;
}

} // namespace lm
