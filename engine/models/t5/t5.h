#pragma once
// T5 (Raffel et al. 2020), the encoder–decoder as Hugging Face's modeling_t5.py computes it:
//   embeddings  one table `shared` (V, d) for both stacks, no positions added
//   blocks      pre-norm with T5's RMS norm (no mean, no bias):
//                 encoder  x += SelfAttention(norm(x));                      x += FF(norm(x))
//                 decoder  x += causal SelfAttention(norm(x));  x += CrossAttention(norm(x), enc);
//                          x += FF(norm(x))
//               each stack ends with final_layer_norm
//   attention   q, k, v (heads · d_kv, d) and o (d, heads · d_kv), no biases, no 1/√d scaling;
//               a learned bias per head and relative-position bucket (bidirectional buckets in
//               the encoder, causal ones in the decoder) added to the logits, held by block 0 of
//               each stack and reused by every later block; cross-attention has none
//   head        tied: logits = (d^-0.5 · h) sharedᵀ; untied: h lm_headᵀ
// Parameter names are Hugging Face's (T5ForConditionalGeneration): "shared.weight",
// "encoder.block.{i}.layer.0.SelfAttention.q.weight", "decoder.block.{i}.layer.1.EncDecAttention.k.weight",
// "encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight", "…DenseReluDense.wi.weight"
// (gated: wi_0, wi_1), "encoder.final_layer_norm.weight", "lm_head.weight"; Linear weights are
// (out, in). Initialised as HF's _init_weights does (factor 1).
//
// Legend: B = batch, Ts = source tokens, Td = decoder tokens, d = dim, nh = heads, dk = d_kv,
// I = nh · dk, F = FFN width, V = vocab, nb = buckets.
#include "core/rng.h"
#include "models/seq2seqmodel.h"
#include "models/t5/t5config.h"

#include <memory>

namespace lm {

// HF's _relative_position_bucket: the bucket of `relative` = key position − query position.
// Bidirectional: half the buckets for keys after the query. Each half: exact buckets for
// |relative| < nb/4 (nb/2 when causal), then logarithmically wider ones up to maxDistance, the
// last bucket for anything beyond. Causal: keys after the query all fall in bucket 0.
int t5RelativeBucket(int relative, bool bidirectional, int buckets, int maxDistance);

class T5Model final : public Seq2SeqModel {
public:
    // Throws std::invalid_argument on a config that fails validate().
    T5Model(const T5Config &config, Rng &rng);

    const T5Config &t5Config() const { return m_config; }
    std::string arch() const override { return T5Config::arch(); }
    nlohmann::json config() const override { return m_config.toJson(); }
    int vocabSize() const override { return m_config.vocabSize; }
    ParameterList parameters() const override;

    // models/seq2seqmodel.h: the encoder's output after its final norm (B, Ts, d), the decoder's
    // (B, Td, d), and the head.
    std::int32_t decoderStart() const override { return m_config.decoderStart; }
    Tensor encode(const Seq2SeqInput &input, Trace *trace = nullptr, bool training = false) override;
    Tensor decode(const Seq2SeqInput &input, const Tensor &encoded, Trace *trace = nullptr, bool training = false) override;
    Tensor logits(const Tensor &hidden) const override;
    Tensor decodeStep(const std::vector<std::int32_t> &tokens, const Tensor &encoded,
                      const std::vector<std::uint8_t> &paddingMask, DecoderCache &cache, Trace *trace = nullptr) override;

private:
    struct Attention {
        Tensor q, k, v, o; // (I, d), (I, d), (I, d), (d, I)
    };
    struct FeedForward {
        Tensor wi, wi1, wo; // relu: wi (F, d), wo (d, F); gated: wi = wi_0, wi1 = wi_1
    };
    struct Block {
        Attention self;
        Tensor selfNorm;
        Attention cross; // decoder only
        Tensor crossNorm;
        FeedForward ffn;
        Tensor ffnNorm;
    };

    // `slot`: incremental decoding (cachedKeysValues; `fixed` for cross-attention).
    Tensor attend(const Attention &w, const Tensor &x, const Tensor &memory, const Tensor &additive, Trace *trace,
                  const std::string &tracePrefix, bool training, KvSlot *slot = nullptr, bool fixed = false);
    Tensor feedForward(const FeedForward &w, const Tensor &x, bool training);
    Tensor norm(const Tensor &weight, const Tensor &x) const;
    Tensor maybeDropout(const Tensor &x, bool training);
    // (1, nh, Tq, Tk): the bucket biases of `table` (nb, nh) for every query/key pair, the
    // queries at positions queryFrom … queryFrom + Tq − 1.
    Tensor positionBias(const Tensor &table, int Tq, int Tk, bool bidirectional, int queryFrom = 0) const;

    T5Config m_config;
    Tensor m_shared;                      // (V, d)
    std::vector<Block> m_encoder, m_decoder;
    Tensor m_encoderBias, m_decoderBias;  // (nb, nh)
    Tensor m_encoderNorm, m_decoderNorm;  // (d)
    Tensor m_lmHead;                      // (V, d) when untied
    Rng m_dropoutRng;
};

} // namespace lm
