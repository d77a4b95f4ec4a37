#pragma once
// Part-of-speech tagging with a bidirectional recurrent encoder: each word is looked up in an
// embedding table, a bidirectional RecurrentStack reads the sentence both ways, and a linear
// layer turns each position's (forward, backward) state into tag logits.
//
//   x_t = E[w_t]                          (dim)
//   h_t = [→h_t ; ←h_t]                   (2H)   RecurrentStack, bidirectional
//   y_t = W h_t + b                       (K)    K = number of tags
//
// Data: text/tagged.h (the format and the vocabularies); batches: train/taggeddataset.h.
//
// Tensor names: embedding.weight (W, dim), rnn.weight_ih_l0 … rnn.bias_hh_l0_reverse (torch.nn
// names), head.weight (K, 2H), head.bias (K).
//
// Legend: B = batch, T = words in a sentence, W = word vocabulary, K = tags, H = hidden.
#include "core/result.h"
#include "core/rng.h"
#include "core/trace.h"
#include "models/languagemodel.h"
#include "models/recurrent/recurrent.h"
#include "text/tagged.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lm {

// Rows of one batch, padded on the right to the longest: inputs word ids (kPad on padding),
// targets tag ids (−100 on padding and on tags the vocabulary lacks, so crossEntropy skips them).
TokenBatch makeTaggedBatch(const std::vector<const TaggedSentence *> &rows, const TagVocabulary &vocab);

struct TaggerConfig {
    CellKind kind = CellKind::Lstm;
    int vocabSize = 2; // W
    int tagCount = 1;  // K
    int dim = 32;
    int hidden = 32;
    int layers = 1;
    bool bidirectional = true;

    // {"arch": "lstm-tagger" | …, "vocab_size", "tag_count", "dim", "hidden", "layers", "bidirectional"}
    nlohmann::json toJson() const;
    // Validates every field; the error names it.
    static Result<TaggerConfig> fromJson(const nlohmann::json &j);
};

class RecurrentTagger final : public TrainableModel {
public:
    // Embedding N(0, 1), recurrent and head weights U(−1/√in, 1/√in) as PyTorch. Throws
    // std::invalid_argument on an out-of-range config.
    RecurrentTagger(const TaggerConfig &config, Rng &rng);

    const TaggerConfig &config() const { return m_config; }
    ParameterList parameters() const override;
    // Mean cross-entropy over the positions whose target is not −100.
    Tensor loss(const TokenBatch &batch) override;
    // inputs: B·T word ids -> tag logits (B, T, K). With a trace, the stack records the first
    // row's hidden states and gates.
    Tensor logits(const std::vector<std::int32_t> &inputs, int batch, int time, Trace *trace = nullptr) const;
    // One sentence's word ids -> the most likely tag id per word (argmax). Runs without a tape.
    std::vector<std::int32_t> predict(const std::vector<std::int32_t> &wordIds) const;

private:
    TaggerConfig m_config;
    Tensor m_embedding; // (W, dim)
    std::unique_ptr<RecurrentStack> m_stack;
    Tensor m_headWeight; // (K, directions·H)
    Tensor m_headBias;   // (K)
};

// The tags of `words` as names.
std::vector<std::string> tagSentence(const RecurrentTagger &tagger, const TagVocabulary &vocab,
                                     const std::vector<std::string> &words);
// Splits a sentence on spaces and tags it ("I book a room ." -> PRON VERB DET NOUN PUNCT).
std::vector<std::string> tagSentence(const RecurrentTagger &tagger, const TagVocabulary &vocab, const std::string &text);

// The fraction of words tagged right (words whose gold tag the vocabulary lacks count as wrong);
// 0 for no words. Runs without a tape, one batch per sentence length.
double taggingAccuracy(const RecurrentTagger &tagger, const TagVocabulary &vocab,
                       const std::vector<TaggedSentence> &sentences);

} // namespace lm
