// T5's memory formula (see t5memory.h).
// Legend: B = batch, T = source = target tokens, N = B·T, d = d_model, I = heads · d_kv,
// nh = heads, F = d_ff, V = vocabulary, Le/Ld = encoder/decoder blocks.
#include "models/t5/t5memory.h"

#include "models/seq2seqmemory.h"

#include <algorithm>

namespace lm {

MemoryParts t5Memory(const T5Config &c, MemoryMode mode, std::int64_t B, std::int64_t T)
{
    const std::int64_t N = B * T, d = c.dim, I = c.inner(), nh = c.heads, F = c.resolvedFfnHidden(), V = c.vocabSize,
                       Le = c.layers, Ld = c.resolvedDecoderLayers();
    const bool gated = c.feedForward == T5FeedForward::GatedGelu;
    MemoryParts p;
    if (mode == MemoryMode::Infer)
        return seq2seqGeneration(B, T, T, d, I, nh, Ld, V);
    if (mode == MemoryMode::Train) {
        const std::int64_t norm = N * d + N;                                   // RMSNorm: y, 1/rms per row
        const std::int64_t ffn = (gated ? 4 * N * F : 2 * N * F) + N * d;     // wi (and wi_1, ⊙), activation, wo
        const std::int64_t bias = 3 * T * T * nh;                              // bucket rows, two transposed copies
        const AttentionCounts self = trainedAttention(B, T, T, I, d, nh, true);
        const AttentionCounts cross = trainedAttention(B, T, T, I, d, nh, false); // no padding: no additive term
        std::int64_t a = N * d + bias + Le * (2 * norm + self.activations + 2 * N * d + ffn) + norm; // encoder
        a += N * d + bias + T * T + T * T * nh; // decoder embedding, biases, causal mask and their sum
        a += Ld * (3 * norm + self.activations + cross.activations + 3 * N * d + ffn) + norm;
        a += (c.tiedHead ? N * d : 0) + 3 * N * V; // d^-½ scaling; logits, softmax kept, first gradient
        p.activations = a;
        p.attention = Le * self.probabilities + Ld * (self.probabilities + cross.probabilities);
        return p;
    }
    // Prefill: the largest set alive at once, walking the forward without a tape. In a decoder
    // block the encoder output, the residual x, the self-attention's normalised input h (alive to
    // the end of the block) and the sub-layer's own normalised input are alive, with the position
    // biases (nh·T²). The cross-attention then holds q, k, v, the values split into heads, the
    // weighted values and their merged copy (6·N·I), the scores and the probabilities; the
    // feed-forward its hidden layers (ReLU: in and out; gated: both projections, the GELU, the
    // product). The head: encoder and decoder outputs (the tied head's scaled copy) and the logits;
    // the loss without a tape keeps no softmax. The encoder's moments are the decoder's less one
    // (N, d).
    const std::int64_t bias = nh * T * T;
    const std::int64_t attention = 4 * N * d + 6 * N * I + 2 * B * nh * T * T + bias;
    const std::int64_t ffn = 4 * N * d + (gated ? 4 : 2) * N * F + bias;
    const std::int64_t head = (c.tiedHead ? 3 : 2) * N * d + N * V;
    p.activations = std::max({attention, ffn, head});
    return p;
}

} // namespace lm
