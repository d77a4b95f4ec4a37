#pragma once
// Part-of-speech tagging with a bidirectional recurrent encoder: each word is looked up in an
// embedding table, a bidirectional RecurrentStack reads the sentence both ways, and a linear
// layer turns each position's (forward, backward) state into tag logits.
//
//   x_t = E[w_t]                          (dim)
//   h_t = [→h_t ; ←h_t]                   (2H)   RecurrentStack, bidirectional
//   y_t = W h_t + b                       (K)    K = number of tags
//
// Data: one sentence a line, tokens written word/TAG separated by spaces ("I/PRON book/VERB
// a/DET room/NOUN ./PUNCT"); the tag follows the last '/', so a word may contain '/'. The
// built-in set is resources/corpora/tagged_en.tsv (made by generate_tagged.py).
//
// Tensor names: embedding.weight (W, dim), rnn.weight_ih_l0 … rnn.bias_hh_l0_reverse (torch.nn
// names), head.weight (K, 2H), head.bias (K).
//
// Legend: B = batch, T = words in a sentence, W = word vocabulary, K = tags, H = hidden.
#include "core/result.h"
#include "core/rng.h"
#include "inspect/trace.h"
#include "models/languagemodel.h"
#include "models/recurrent.h"
#include "train/trainer.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace lm {

struct TaggedSentence {
    std::vector<std::string> words;
    std::vector<std::string> tags; // same length as words
};

// Parses the word/TAG format; `source` names the text in errors ("tagged_en.tsv:12: token 3
// 'book' has no /TAG"). Empty lines and lines starting with '#' are skipped. Errors: a token
// without a tag or with an empty word, a line over 1000 tokens, no sentence at all.
Result<std::vector<TaggedSentence>> parseTagged(const std::string &text, const std::string &source = "text");
// Reads and parses a file of at most 256 MB; the error names the file.
Result<std::vector<TaggedSentence>> loadTagged(const std::string &path);

// Word and tag ids. Word 0 is "<pad>", word 1 is "<unk>" (any word not seen in training).
class TagVocabulary {
public:
    static constexpr std::int32_t kPad = 0;
    static constexpr std::int32_t kUnknown = 1;

    // Every word seen at least minCount times, and every tag, in order of first appearance.
    static TagVocabulary build(const std::vector<TaggedSentence> &sentences, int minCount = 1);

    std::int32_t wordId(const std::string &word) const; // kUnknown when unseen
    std::int32_t tagId(const std::string &tag) const;   // −1 when unknown
    std::vector<std::int32_t> encodeWords(const std::vector<std::string> &words) const;
    int wordCount() const { return static_cast<int>(m_words.size()); } // W
    int tagCount() const { return static_cast<int>(m_tags.size()); }   // K
    const std::vector<std::string> &words() const { return m_words; }
    const std::vector<std::string> &tags() const { return m_tags; }

private:
    std::vector<std::string> m_words, m_tags;
    std::map<std::string, std::int32_t> m_wordIds, m_tagIds;
};

// Rows of one batch, padded on the right to the longest: inputs word ids (kPad on padding),
// targets tag ids (−100 on padding and on tags the vocabulary lacks, so crossEntropy skips them).
TokenBatch makeTaggedBatch(const std::vector<const TaggedSentence *> &rows, const TagVocabulary &vocab);

// The trainer's batch source for tagging. Each batch holds sentences of one length, drawn at
// random: without padding the backward direction starts at the last word, as when tagging one
// sentence, instead of reading padding first.
class TaggedDataset final : public BatchSource {
public:
    // Error when there is no sentence.
    static Result<TaggedDataset> create(std::vector<TaggedSentence> sentences, TagVocabulary vocab);
    TokenBatch next(Rng &rng, int batch) override;
    const TagVocabulary &vocabulary() const { return m_vocab; }
    std::size_t size() const { return m_sentences.size(); }

private:
    std::vector<TaggedSentence> m_sentences;
    TagVocabulary m_vocab;
    std::map<std::size_t, std::vector<std::size_t>> m_byLength; // words -> sentence indices
};

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
