#pragma once
// The token-classification objective's batches for the trainer: tagged sentences (text/tagged.h)
// as word ids and tag ids, −100 where nothing is scored.
#include "core/rng.h"
#include "text/tagged.h"
#include "train/trainer.h"

#include <map>
#include <vector>

namespace lm {

// The trainer's batch source for tagging. Each batch holds sentences of one length, drawn at
// random: without padding the backward direction starts at the last word, as when tagging one
// sentence, instead of reading padding first.
class TaggedDataset final : public Objective {
public:
    // Error when there is no sentence.
    static Result<TaggedDataset> create(std::vector<TaggedSentence> sentences, TagVocabulary vocab);
    TokenBatch next(Rng &rng, int batch) override;
    ObjectiveKind kind() const override { return ObjectiveKind::TokenClassification; }
    const TagVocabulary &vocabulary() const { return m_vocab; }
    std::size_t size() const { return m_sentences.size(); }

private:
    std::vector<TaggedSentence> m_sentences;
    TagVocabulary m_vocab;
    std::map<std::size_t, std::vector<std::size_t>> m_byLength; // words -> sentence indices
};

} // namespace lm
