// The encoder's memory formula (see encodermemory.h).
#include "models/encoder/encodermemory.h"

#include <algorithm>

namespace lm {

MemoryParts encoderMemory(const EncoderConfig &c, MemoryMode mode, std::int64_t B, std::int64_t T)
{
    const std::int64_t N = B * T, H = c.dim, E = c.resolvedEmbeddingDim(), F = c.resolvedFfnHidden(),
                       V = c.vocabSize, nh = c.heads, L = c.layers;
    const bool albert = c.layout == EncoderLayout::Albert;
    const bool chunked = c.attention == AttentionKind::Chunked;
    const bool mlm = c.head == EncoderHead::Pretrain;
    MemoryParts p;
    if (mode == MemoryMode::Train) {
        // word, type rows and their sum, the position rows and the sum, LayerNorm (y, x̂, 1/σ)
        std::int64_t a = 2 * N * E + N * E + T * E + N * E + 2 * N * E + N;
        if (albert)
            a += N * H; // E -> H
        // q, k, v; their head-split copies; attention output and its merged copy; output
        // projection; residual add; LayerNorm; FFN in, activation, out; residual add; LayerNorm
        const std::int64_t layer = 16 * N * H + 2 * N * F + 2 * N;
        a += L * layer;
        if (mlm) // rows picked (all N), transform, activation, LayerNorm; logits, + bias, softmax, first gradient
            a += N * H + 2 * N * E + 2 * N * E + N + 4 * N * V;
        else
            a += 3 * N * std::max<std::int64_t>(c.numLabels, 1);
        p.activations = a;
        p.attention = L * (chunked ? B * nh * T : B * nh * T * T);
        return p;
    }
    // Prefill (and infer, which an encoder does as one pass): the largest set alive at once,
    // walking the forward: the embedding sums; a layer's x, q, k, v, their head copies and the
    // probabilities of one (batch, head) unit at a time; the FFN's x, in and activation; the
    // head's rows, transform and logits (+ bias).
    const std::int64_t embed = 4 * N * E + T * E;
    const std::int64_t attn = N * H + 6 * N * H + N * H;
    const std::int64_t ffn = 2 * N * H + 2 * N * F;
    const std::int64_t head = mlm ? N * H + 2 * N * E + 2 * N * V : 2 * N * H;
    p.activations = std::max({embed, attn, ffn, head});
    return p;
}

} // namespace lm
