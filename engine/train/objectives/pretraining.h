#pragma once
// Encoder pre-training as BERT and ALBERT do it: masked-LM on every row, and with a pair task
// each row is "[CLS] A [SEP] B [SEP]" with the pair's label (NSP: B follows A, or comes from
// another document; SOP: A and B in order, or swapped — train/objectives/sequences.h), its
// ordinary tokens corrupted by the masking rule (train/objectives/maskedlm.h). Without a pair
// task the rows are windows "[CLS] … [SEP]" of the whole text. The model's loss adds the MLM
// cross-entropy and the pair head's (EncoderModel::loss).
#include "core/result.h"
#include "train/objectives/maskedlm.h"
#include "train/objectives/sequences.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lm {

class EncoderModel;

// The objectives' names on the command line and in lessons: "mlm", "nsp", "sop".
enum class PairTask { None, NextSentence, SentenceOrder };

// Documents (separated by blank lines) of sentences (one per non-empty line), as the built-in
// documents_*.txt corpora are written. Lines are kept as they are (no trimming beyond "\r").
std::vector<std::vector<std::string>> splitDocuments(const std::string &text);

struct PretrainingTokens {
    std::int32_t pad = 0, cls = 2, sep = 3, mask = 4;
    std::set<std::int32_t> special; // never masked nor drawn as a replacement (includes the four)
};

class EncoderPretraining final : public Objective {
public:
    // documents: token ids of each sentence of each document. Errors: those of
    // SentencePairObjective::create (with a pair task) and MaskedLmObjective::create (the text as
    // one stream must hold a window of seq − 2 tokens), a seq below 5.
    static Result<EncoderPretraining> create(const std::vector<std::vector<TokenSequence>> &documents, PairTask task,
                                             int seq, int vocabSize, const PretrainingTokens &tokens,
                                             MaskingRule rule = {});
    ObjectiveKind kind() const override { return ObjectiveKind::MaskedLm; }
    PairTask task() const { return m_task; }
    TokenBatch next(Rng &rng, int batch) override;

private:
    PairTask m_task = PairTask::None;
    int m_seq = 0;
    PretrainingTokens m_tokens;
    std::shared_ptr<MaskedLmObjective> m_masking;   // corrupts rows; draws windows without a pair task
    std::shared_ptr<SentencePairObjective> m_pairs; // with a pair task
};

// How well a pre-trained encoder does on one batch (no gradients): the share of masked
// positions whose top guess is the original token, and the share of pair labels right (NaN
// without labels or a pair head). Also the mean losses of both heads.
struct PretrainingScores {
    double maskedAccuracy = 0.0;
    double pairAccuracy = 0.0;
    double maskedLoss = 0.0;
    double pairLoss = 0.0;
    int maskedPositions = 0;
};
PretrainingScores scorePretraining(EncoderModel &model, const TokenBatch &batch);

} // namespace lm
