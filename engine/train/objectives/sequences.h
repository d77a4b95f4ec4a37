#pragma once
// The objectives whose rows are whole sequences rather than windows of a stream:
//   SentencePairObjective   NSP (BERT) or SOP (ALBERT): "[CLS] A [SEP] B [SEP]" and a label
//   SequenceClassification  sentiment, intent …: "[CLS] x [SEP]" and a class
//   SequenceToSequence      translation, summarisation: the source for the encoder, the target
//                           behind a start token for the decoder, the target (and end) as targets
// Rows are padded on the right to the longest row of the batch (at most T): padding gets the pad
// token, paddingMask 0 and, where targets are per token, kIgnore.
#include "core/result.h"
#include "train/trainer.h"

#include <optional>
#include <vector>

namespace lm {

// The special tokens a sequence objective writes.
struct SpecialTokens {
    std::int32_t pad = 0;
    std::int32_t cls = 1;   // [CLS], or a decoder's start token
    std::int32_t sep = 2;   // [SEP], or the end token
};

using TokenSequence = std::vector<std::int32_t>;

// Pairs of segments from documents, each a list of consecutive sentences. As BERT builds them,
// a segment is one or more whole sentences: A is a sentence with those before it while A fills
// at most half the row, B the sentence after A with those after it while B does too (equal
// bounds, so a swapped pair cannot be told by its segments' lengths).
//   NSP: B follows A in its document (label 0) or, half the time, is a run of sentences from a
//        random place in another document (label 1).
//   SOP: A and B are consecutive in that order (label 0) or, half the time, swapped (label 1).
// Token types: 0 for [CLS] A [SEP], 1 for B [SEP]. A single sentence too long for the row is
// cut (the longer segment first) to fit T.
class SentencePairObjective final : public Objective {
public:
    enum class Task { NextSentence, SentenceOrder };
    // Errors: T < 5 (room for three specials and a token of each segment), no document with two
    // segments, an empty segment, NSP with a single document (nowhere else to draw from).
    static Result<SentencePairObjective> create(std::vector<std::vector<TokenSequence>> documents, Task task, int seq,
                                                SpecialTokens special);
    ObjectiveKind kind() const override { return ObjectiveKind::SentencePair; }
    TokenBatch next(Rng &rng, int batch) override;
    Task task() const { return m_task; }

private:
    std::vector<std::vector<TokenSequence>> m_documents;
    std::vector<std::pair<std::size_t, std::size_t>> m_pairs; // (document, segment) with a segment after it
    Task m_task = Task::NextSentence;
    int m_seq = 0;
    SpecialTokens m_special;
};

struct LabelledSequence {
    TokenSequence tokens;
    std::int32_t label = 0;
};

class SequenceClassificationObjective final : public Objective {
public:
    // Errors: no example, an empty example, a label outside [0, classes), T < 3.
    static Result<SequenceClassificationObjective> create(std::vector<LabelledSequence> examples, int classes, int seq,
                                                          SpecialTokens special);
    ObjectiveKind kind() const override { return ObjectiveKind::SequenceClassification; }
    TokenBatch next(Rng &rng, int batch) override;
    int classes() const { return m_classes; }

private:
    std::vector<LabelledSequence> m_examples;
    int m_classes = 0;
    int m_seq = 0;
    SpecialTokens m_special;
};

struct SequencePair {
    TokenSequence source;
    TokenSequence target;
};

// Rows as the encoder and decoder read them: the source (`begin` first when given) and [end] for
// the encoder; [start], `begin` and the target for the decoder, which predicts the target (after
// `begin`) and [end]. Each side is cut to fit T; special.cls is the start, special.sep the end.
TokenBatch packSequencePairs(const std::vector<SequencePair> &rows, int seq, SpecialTokens special,
                             std::optional<std::int32_t> begin = std::nullopt);

class SequenceToSequenceObjective final : public Objective {
public:
    // The encoder reads source + [end]; the decoder reads [start] + target and predicts
    // target + [end] (teacher forcing: each decoder input is the target shifted right). Both
    // sides are cut to fit T (packSequencePairs). Errors: no pair, an empty source or target,
    // T < 2 (3 with `begin`).
    static Result<SequenceToSequenceObjective> create(std::vector<SequencePair> pairs, int seq, SpecialTokens special,
                                                      std::optional<std::int32_t> begin = std::nullopt);
    ObjectiveKind kind() const override { return ObjectiveKind::SequenceToSequence; }
    TokenBatch next(Rng &rng, int batch) override;

private:
    std::vector<SequencePair> m_pairs;
    int m_seq = 0;
    SpecialTokens m_special;
    std::optional<std::int32_t> m_begin;
};

} // namespace lm
