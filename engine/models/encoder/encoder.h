#pragma once
// Encoder-only Transformers (Devlin et al. 2019; Lan et al. 2020), as Hugging Face's
// modeling_bert.py / modeling_albert.py compute them:
//   embeddings  word + position + token type, LayerNorm (eps 1e-12); ALBERT embeds in E dims and
//               maps E -> H (encoder.embedding_hidden_mapping_in)
//   layers      post-LN: x = LN(x + attn(x)); x = LN(x + W2 act(W1 x)); attention bidirectional
//               with a key-padding mask; ALBERT applies one layer's weights L times
//   MLM head    dense (H -> E) -> act -> LayerNorm -> x Wordᵀ + bias (tied to the word embeddings)
//   pooler      tanh(dense(h[CLS])); pair head (NSP / SOP) 2-way on the pooled vector
//   classify    classifier (K, H) on the pooled vector; tag: classifier (K, H) on every token
// Parameter names are Hugging Face's (BertForPreTraining, AlbertForPreTraining, *ForSequence-
// Classification, *ForTokenClassification): "bert.embeddings.word_embeddings.weight",
// "bert.encoder.layer.{i}.attention.self.query.weight", "cls.predictions.bias",
// "albert.encoder.albert_layer_groups.0.albert_layers.0.ffn.weight", "predictions.dense.weight",
// "sop_classifier.classifier.weight", "classifier.weight" …; Linear weights are (out, in).
// Initialised as HF does: weights N(0, 0.02), biases 0, LayerNorm 1 and 0.
//
// Legend: B = batch, T = tokens, H = dim, E = embedding dim, V = vocab, K = labels, N = positions
// the MLM head reads.
#include "core/rng.h"
#include "models/encoder/encoderconfig.h"
#include "models/languagemodel.h"

#include <memory>

namespace lm {

// One batch of token sequences as the encoder reads it.
struct EncoderInput {
    int batch = 1;                            // B
    int time = 0;                             // T
    std::vector<std::int32_t> ids;            // (B, T)
    std::vector<std::int32_t> tokenTypes;     // (B, T) 0/1; empty = all 0
    std::vector<std::uint8_t> paddingMask;    // (B, T) 1 = real token, 0 = padding; empty = no padding
    // (B, T, E) used instead of the word-embedding rows of `ids` when defined (salience maps
    // differentiate by these); ids are still checked.
    Tensor wordVectors;
};

class EncoderModel final : public LanguageModel {
public:
    // Throws std::invalid_argument on a config that fails validate().
    EncoderModel(const EncoderConfig &config, Rng &rng);

    const EncoderConfig &encoderConfig() const { return m_config; }
    std::string arch() const override { return m_config.arch(); }
    nlohmann::json config() const override { return m_config.toJson(); }
    int vocabSize() const override { return m_config.vocabSize; }
    ParameterList parameters() const override;

    // The mean loss of the head on one batch (dropout active):
    //   pretrain : cross-entropy of the MLM head over targets != kIgnore, plus, when the batch has
    //              labels and the model a pair head, the pair head's cross-entropy (HF's total_loss)
    //   classify : cross-entropy of labels (B)
    //   tag      : cross-entropy of targets (B, T) over != kIgnore
    // Throws std::invalid_argument on sizes that do not match, T > max_seq, an id outside V.
    Tensor loss(const TokenBatch &batch) override;
    // An encoder has no next token: throws std::logic_error (generation checks the table's traits).
    Tensor nextTokenLogits(const std::vector<std::int32_t> &context) override;
    // One sequence, token types 0: the head's logits at every position — (T, V) the MLM head's
    // guess for each position (pretrain), (T, K) tags (tag), or the class logits (1, K)
    // (classify). Records "layer{l}.head{h}.attention" (T, T) and "layer{l}.hidden" (T, H).
    Tensor sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace = nullptr) override;

    // The last layer's hidden states (B, T, H). `trace` records batch row 0: the attention of
    // every layer and head, and each layer's output "layer{l}.hidden" (T, H) (the embeddings'
    // output, mapped to H, as "embeddings.hidden"). Throws as loss() does.
    Tensor encode(const EncoderInput &input, Trace *trace = nullptr, bool training = false);
    // rows (N, H) of hidden states -> MLM logits (N, V). Needs the pretrain head.
    Tensor maskedLmLogits(const Tensor &rows) const;
    // hidden (B, T, H) -> tanh(dense(h[:, 0])) (B, H). Needs the pooler.
    Tensor pooled(const Tensor &hidden) const;
    // pooled (B, H) -> (B, 2): label 0 = "B follows A" (NSP) / "in order" (SOP). Needs the pair head.
    Tensor pairLogits(const Tensor &pooled) const;
    // classify: pooled (B, H) -> (B, K); tag: hidden (…, H) -> (…, K).
    Tensor classifierLogits(const Tensor &x) const;
    bool hasMaskedLmHead() const { return m_config.head == EncoderHead::Pretrain; }
    bool hasPairHead() const { return m_pairHead.weight.defined(); }

    // The same encoder under another head (fine-tuning): every tensor whose name both models have
    // (with the same shape) is copied from this one; the new head starts from `seed`. `config`
    // must describe the same encoder (layout and sizes); throws std::invalid_argument otherwise.
    std::unique_ptr<EncoderModel> withHead(const EncoderConfig &config, std::uint64_t seed) const;

private:
    struct Linear {
        Tensor weight; // (out, in)
        Tensor bias;   // (out)
    };
    struct Norm {
        Tensor weight, bias;
    };
    struct Layer {
        Linear query, key, value, attentionOut;
        Norm attentionNorm;
        Linear intermediate, output;
        Norm outputNorm;
    };

    Tensor act(const Tensor &x) const;
    Tensor apply(const Linear &l, const Tensor &x) const;
    Tensor normalise(const Norm &n, const Tensor &x) const;
    Tensor maybeDropout(const Tensor &x, bool training);
    Tensor attend(int layer, const Layer &w, const Tensor &x, const std::vector<std::uint8_t> *keyPadding,
                  Trace *trace) const;
    void check(const EncoderInput &input, const char *who) const;
    std::string prefix() const; // "bert." or "albert."

    EncoderConfig m_config;
    Tensor m_wordEmbedding, m_positionEmbedding, m_typeEmbedding; // (V, E), (P, E), (types, E)
    Norm m_embeddingNorm;
    Linear m_mapIn;             // ALBERT: E -> H
    std::vector<Layer> m_layers; // L, or 1 shared (ALBERT)
    Linear m_pooler;
    Linear m_transform;         // MLM: H -> E
    Norm m_transformNorm;
    Tensor m_outputBias;        // (V)
    Linear m_pairHead;          // (2, H)
    Linear m_classifier;        // (K, H)
    Rng m_dropoutRng;
};

std::unique_ptr<EncoderModel> makeEncoder(const EncoderConfig &config, Rng &rng);

} // namespace lm
