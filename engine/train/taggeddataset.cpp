#include "train/taggeddataset.h"

#include "models/recurrent/tagger.h"

#include <algorithm>

namespace lm {

Result<TaggedDataset> TaggedDataset::create(std::vector<TaggedSentence> sentences, TagVocabulary vocab)
{
    if (sentences.empty())
        return makeError("no tagged sentences to train on");
    TaggedDataset d;
    d.m_sentences = std::move(sentences);
    d.m_vocab = std::move(vocab);
    for (std::size_t i = 0; i < d.m_sentences.size(); ++i)
        d.m_byLength[d.m_sentences[i].words.size()].push_back(i);
    return d;
}

TokenBatch TaggedDataset::next(Rng &rng, int batch)
{
    // The length is that of a sentence drawn uniformly, so lengths are weighted by frequency.
    const std::size_t length = m_sentences[static_cast<std::size_t>(rng.below(m_sentences.size()))].words.size();
    const std::vector<std::size_t> &pool = m_byLength.at(length);
    std::vector<const TaggedSentence *> rows;
    for (int i = 0; i < batch; ++i)
        rows.push_back(&m_sentences[pool[static_cast<std::size_t>(rng.below(pool.size()))]]);
    return makeTaggedBatch(rows, m_vocab);
}

} // namespace lm
