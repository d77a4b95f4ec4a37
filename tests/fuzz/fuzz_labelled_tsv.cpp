// The labelled-data formats (text/labelled.h), all fed the same bytes: parseLabelledTsv with free
// labels and with the sentiment list, parseTokenTagTsv with free tags and the NER list,
// parseRetrievalTsv, parseSentencePairsTsv, parseTextPairsTsv, and the loaders on a scratch copy. What parses is also used the way a
// trainer would: label indices, BIO entities and entity F1, a confusion matrix, a TF-IDF index
// searched with the queries and recall@k over its rankings, the pairs' texts indexed and searched,
// text pairs scored against each other with chrF and BLEU as a translator's output would be.
#include "fuzzutil.h"
#include "text/labelled.h"
#include "text/textmetrics.h"

#include <algorithm>

namespace {

void useLabelled(const lm::LabelledSet &set)
{
    lm::ConfusionMatrix m(static_cast<int>(set.labels.size()));
    for (std::size_t i = 0; i < set.examples.size(); ++i) {
        const int gold = set.labelIndex(set.examples[i].label);
        if (gold < 0)
            __builtin_trap(); // every parsed label must be in the set's labels
        m.add(gold, static_cast<int>(i % set.labels.size()));
    }
    (void)m.accuracy();
    (void)m.macroF1();
}

void useTagged(const std::vector<lm::TaggedTokens> &sentences)
{
    std::vector<std::vector<std::string>> gold, shifted;
    for (const auto &s : sentences) {
        if (s.tokens.size() != s.tags.size() || s.tokens.empty())
            __builtin_trap();
        for (const lm::Entity &e : lm::bioEntities(s.tags))
            if (e.begin < 0 || e.begin >= e.end || e.end > static_cast<int>(s.tags.size()))
                __builtin_trap();
        gold.push_back(s.tags);
        shifted.push_back(s.tags);
        std::rotate(shifted.back().begin(), shifted.back().begin() + 1, shifted.back().end());
    }
    if (lm::entityF1(gold, gold).overall.precision != (lm::entityF1(gold, gold).overall.predicted > 0 ? 1.0 : 0.0))
        __builtin_trap();
    (void)lm::entityF1(gold, shifted);
}

void useRetrieval(const lm::RetrievalSet &set)
{
    lm::TfIdfIndex index;
    index.build(set.docs); // the parser checked the UTF-8, so this must not throw
    std::vector<std::vector<int>> rankings;
    for (const std::string &q : set.queries) {
        rankings.emplace_back();
        for (const auto &[doc, score] : index.search(q, 5)) {
            if (doc < 0 || doc >= index.size() || !(score >= 0.0f && score <= 1.0001f))
                __builtin_trap();
            rankings.back().push_back(doc);
        }
    }
    (void)lm::recallAtK(rankings, set.gold, 1);
    (void)lm::meanReciprocalRank(rankings, set.gold);
}

void usePairs(const std::vector<lm::SentencePair> &pairs)
{
    std::vector<std::string> firsts;
    for (const lm::SentencePair &p : pairs) {
        if (p.first.empty() || p.second.empty())
            __builtin_trap();
        firsts.push_back(p.first);
    }
    lm::TfIdfIndex index;
    index.build(firsts); // checked UTF-8: must not throw
    for (const lm::SentencePair &p : pairs)
        (void)index.search(p.second, 3);
}

void useTextPairs(const std::vector<lm::TextPair> &pairs)
{
    std::vector<std::string> sources, targets;
    for (const lm::TextPair &p : pairs) {
        if (p.source.empty() || p.target.empty() || p.source.find('\t') != std::string::npos)
            __builtin_trap();
        sources.push_back(p.source);
        targets.push_back(p.target);
    }
    for (const double score : {lm::corpusChrF(sources, targets), lm::corpusBleu(sources, targets)})
        if (!(score >= 0.0 && score <= 100.0001))
            __builtin_trap();
    // Texts against themselves score 100 (0 when whitespace is all they hold).
    if (const double self = lm::corpusChrF(targets, targets); self != 0.0 && self < 99.999)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > fuzz::kMaxInput)
        return -1;
    const std::string text(fuzz::asView(data, size));
    const std::vector<std::string> sentiment = lm::findBuiltinDataset("sentiment", "en")->labels;
    const std::vector<std::string> nerTags = lm::findBuiltinDataset("ner", "en")->labels;

    for (const auto *allowed : {static_cast<const std::vector<std::string> *>(nullptr), &sentiment})
        if (auto set = lm::parseLabelledTsv(text, "fuzz", allowed); set.ok())
            useLabelled(set.value());
    for (const auto *allowed : {static_cast<const std::vector<std::string> *>(nullptr), &nerTags})
        if (auto tagged = lm::parseTokenTagTsv(text, "fuzz", allowed); tagged.ok())
            useTagged(tagged.value());
    if (auto set = lm::parseRetrievalTsv(text, "fuzz"); set.ok())
        useRetrieval(set.value());
    if (auto pairs = lm::parseSentencePairsTsv(text, "fuzz"); pairs.ok())
        usePairs(pairs.value());
    if (auto pairs = lm::parseTextPairsTsv(text, "fuzz"); pairs.ok())
        useTextPairs(pairs.value());

    const std::string path = fuzz::writeScratch("input.tsv", text);
    (void)lm::loadLabelledTsv(path);
    (void)lm::loadTokenTagTsv(path, &nerTags);
    (void)lm::loadRetrievalTsv(path);
    (void)lm::loadSentencePairsTsv(path);
    (void)lm::loadTextPairsTsv(path);
    return 0;
}
