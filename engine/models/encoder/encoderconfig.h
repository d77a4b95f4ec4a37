#pragma once
// An encoder-only Transformer's configuration (models/encoder/encoder.h): BERT's layout or
// ALBERT's (factorised embeddings, one layer shared by all layers), the sizes, and which head
// sits on top: pre-training (masked LM + a sentence-pair classifier), sequence classification or
// token classification. Validated, and read from / written to a checkpoint's config JSON.
#include "core/result.h"
#include "models/transformer/transformerconfig.h" // AttentionKind, attentionNames()

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

enum class EncoderLayout { Bert, Albert };
// The activation of the feed-forward layers and of the MLM head's transform:
// gelu = 0.5 x (1 + erf(x/√2)) (BERT's "gelu"); gelu_new = the tanh form (ALBERT's default).
enum class EncoderActivation { Gelu, GeluNew };
// What the encoder is trained for: the head on top of it.
//   pretrain : masked-LM head (tied to the word embeddings) and, with a pooler, a 2-way
//              sentence-pair head (NSP for BERT, SOP for ALBERT)
//   classify : a classifier over the pooled [CLS] vector (num_labels classes)
//   tag      : a classifier over every token's vector (num_labels tags)
enum class EncoderHead { Pretrain, Classify, Tag };

const std::vector<std::string> &encoderLayoutNames();     // the archs, in enum order
const std::vector<std::string> &encoderActivationNames(); // "gelu", "gelu_new"
const std::vector<std::string> &encoderHeadNames();       // "pretrain", "classify", "tag"

struct EncoderConfig {
    EncoderLayout layout = EncoderLayout::Bert;
    int vocabSize = 256;        // V
    int dim = 128;              // H: the hidden width
    int embeddingDim = 0;       // E: the embedding width (ALBERT); 0 = H. BERT needs E = H.
    int layers = 4;             // L
    int heads = 4;
    int ffnHidden = 0;          // F; 0 = 4·H
    int maxSeq = 512;           // rows of the position table
    int typeVocab = 2;          // token types (segments A and B)
    float normEps = 1e-12f;
    EncoderActivation activation = EncoderActivation::Gelu;
    float dropout = 0.0f;
    AttentionKind attention = AttentionKind::Standard;
    int attentionChunk = 64;
    EncoderHead head = EncoderHead::Pretrain;
    bool pooler = true;         // dense + tanh on [CLS] (needed by the pair head and classify)
    bool pairHead = true;       // pretrain: the 2-way NSP/SOP classifier on the pooled vector
    int numLabels = 2;          // classify / tag: K
    std::vector<std::string> labels; // classify / tag: the class or tag names (K of them, or empty)

    const std::string &arch() const;          // encoderLayoutNames()[layout]
    static EncoderConfig forLayout(EncoderLayout layout); // the family's defaults
    int resolvedEmbeddingDim() const { return embeddingDim > 0 ? embeddingDim : dim; }
    int resolvedFfnHidden() const { return ffnHidden > 0 ? ffnHidden : 4 * dim; }
    int headDim() const { return heads > 0 ? dim / heads : 0; }
    // Empty when usable, else a message naming the field.
    std::string validate() const;
    // Exact, without allocating; needs a config that passes validate().
    std::int64_t parameterCount() const;
    // snake_case fields ("vocab_size", "embedding_dim", "ffn_hidden", "max_seq", "type_vocab",
    // "norm_eps", "activation", "head", "pooler", "pair_head", "num_labels", "labels", …), all
    // resolved.
    nlohmann::json toJson() const;
    // Validates every field, the error names it. Omitted fields take the arch's defaults:
    //   bert  : gelu, E = H, eps 1e-12
    //   albert: gelu_new, E = 128 capped at H, eps 1e-12
    static Result<EncoderConfig> fromJson(const nlohmann::json &j);
};

} // namespace lm
