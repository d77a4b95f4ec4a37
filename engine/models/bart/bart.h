#pragma once
// BART (Lewis et al. 2020), the denoising encoder–decoder as Hugging Face's modeling_bart.py
// computes it:
//   embeddings  shared (V, d) word vectors (× √d when scale_embedding) + a learned position table
//               per stack indexed at position + 2, then layernorm_embedding
//   layers      post-LN, biases on every projection:
//                 encoder  x = LN(x + SelfAttention(x));                  x = LN(x + fc2(act(fc1 x)))
//                 decoder  x = LN(x + causal SelfAttention(x));  x = LN(x + CrossAttention(x, enc));
//                          x = LN(x + fc2(act(fc1 x)))
//               q scaled by head_dim^-½ after its bias; no final layer norm on either stack
//   head        logits = h sharedᵀ + final_logits_bias (tied)
// The pad token's word vector gets no gradient from the lookups (nn.Embedding's padding_idx).
// final_logits_bias is a buffer Hugging Face never trains; here it is a parameter like the others
// (zero at initialisation), so fine-tuning may move it.
// Parameter names are Hugging Face's (BartForConditionalGeneration): "model.shared.weight",
// "model.encoder.embed_positions.weight", "model.encoder.layernorm_embedding.weight",
// "model.encoder.layers.{i}.self_attn.q_proj.weight", "model.decoder.layers.{i}.encoder_attn.k_proj.bias",
// "…self_attn_layer_norm", "…fc1", "…final_layer_norm", "final_logits_bias"; Linear weights are
// (out, in). Initialised as HF does (init_std 0.02, biases 0, norms 1 and 0, the pad row 0).
//
// Legend: B = batch, Ts = source tokens, Td = decoder tokens, d = dim, V = vocab, F = FFN width.
#include "core/rng.h"
#include "models/bart/bartconfig.h"
#include "models/seq2seqmodel.h"

namespace lm {

class BartModel final : public Seq2SeqModel {
public:
    // Throws std::invalid_argument on a config that fails validate().
    BartModel(const BartConfig &config, Rng &rng);

    const BartConfig &bartConfig() const { return m_config; }
    std::string arch() const override { return BartConfig::arch(); }
    nlohmann::json config() const override { return m_config.toJson(); }
    int vocabSize() const override { return m_config.vocabSize; }
    ParameterList parameters() const override;

    // models/seq2seqmodel.h: the encoder's output (B, Ts, d), the decoder's (B, Td, d), the head.
    std::int32_t decoderStart() const override { return m_config.decoderStart; }
    Tensor encode(const Seq2SeqInput &input, Trace *trace = nullptr, bool training = false) override;
    Tensor decode(const Seq2SeqInput &input, const Tensor &encoded, Trace *trace = nullptr, bool training = false) override;
    Tensor logits(const Tensor &hidden) const override;
    Tensor decodeStep(const std::vector<std::int32_t> &tokens, const Tensor &encoded,
                      const std::vector<std::uint8_t> &paddingMask, DecoderCache &cache, Trace *trace = nullptr) override;

private:
    struct Linear {
        Tensor weight, bias; // (out, in), (out)
    };
    struct Norm {
        Tensor weight, bias;
    };
    struct Attention {
        Linear q, k, v, out;
    };
    struct Layer {
        Attention self;
        Norm selfNorm;
        Attention cross; // decoder only
        Norm crossNorm;
        Linear fc1, fc2;
        Norm finalNorm;
    };
    struct Stack {
        Tensor positions; // (max_seq + 2, d)
        Norm embeddingNorm;
        std::vector<Layer> layers;
        int heads = 1;
    };

    // ids (B, T) at positions from … from + T − 1.
    Tensor embed(const Stack &stack, const std::vector<std::int32_t> &ids, int B, int T, bool training, int from = 0);
    // `slot`: incremental decoding (cachedKeysValues; `fixed` for cross-attention).
    Tensor attend(const Attention &w, int heads, const Tensor &x, const Tensor &memory, const Tensor &additive, Trace *trace,
                  const std::string &tracePrefix, bool training, KvSlot *slot = nullptr, bool fixed = false);
    Tensor feedForward(const Layer &w, const Tensor &x, bool training);
    Tensor normalise(const Norm &n, const Tensor &x) const;
    Tensor maybeDropout(const Tensor &x, bool training);

    BartConfig m_config;
    Tensor m_shared;     // (V, d)
    Stack m_encoder, m_decoder;
    Tensor m_logitsBias; // (1, V)
    Rng m_dropoutRng;
};

} // namespace lm
