#pragma once
// The masked-LM objective (BERT): windows of a token stream in which 15 % of the ordinary
// tokens are picked; of those, 80 % become [MASK], 10 % a random ordinary token and 10 % stay as
// they were. Targets hold the original token at every picked position and kIgnore elsewhere, so
// the loss counts the picked positions only. Special tokens ([CLS], [SEP], [PAD], …) are never
// picked nor drawn as the random replacement.
#include "core/result.h"
#include "train/trainer.h"

#include <set>
#include <vector>

namespace lm {

struct MaskingRule {
    double pick = 0.15;   // the share of ordinary tokens picked
    double mask = 0.8;    // of the picked: replaced by the mask token
    double random = 0.1;  // of the picked: replaced by a random ordinary token; the rest stays
};

class MaskedLmObjective final : public Objective {
public:
    // ids: the corpus as one stream; seq: T; vocabSize: V (random replacements come from
    // [0, V) minus `special`); maskId: the [MASK] token. Errors: a stream shorter than T, seq < 1,
    // maskId outside the vocabulary, no ordinary token in the vocabulary, a rule whose shares are
    // outside [0, 1] or whose mask + random exceeds 1.
    static Result<MaskedLmObjective> create(std::vector<std::int32_t> ids, int seq, int vocabSize, std::int32_t maskId,
                                            std::set<std::int32_t> special, MaskingRule rule = {});

    ObjectiveKind kind() const override { return ObjectiveKind::MaskedLm; }
    // B random windows of T tokens, corrupted as above; every row has at least one picked
    // position (a window of special tokens only has none).
    TokenBatch next(Rng &rng, int batch) override;
    // One window corrupted by the rule (for views and tests): inputs and targets of length T.
    TokenBatch corrupt(const std::vector<std::int32_t> &window, Rng &rng) const;

private:
    std::vector<std::int32_t> m_ids;
    int m_seq = 0;
    int m_vocabSize = 0;
    std::int32_t m_maskId = 0;
    std::set<std::int32_t> m_special;
    std::vector<std::int32_t> m_ordinary; // [0, V) without the special tokens
    MaskingRule m_rule;
};

} // namespace lm
