#pragma once
// fastText: skip-gram or CBOW with negative sampling where a word's input vector is the mean of
// its own row and the rows of its character n-grams (minn..maxn UTF-8 characters of "<word>"),
// hashed with FNV-1a (bytes sign-extended, as fastText) into `bucket` rows. "</s>" has no n-grams.
// Defaults and learning-rate schedule as fastText 0.9.2 (REFERENCE.md). A word never seen in
// training still gets a vector: the mean of its n-gram rows.
//
// Only the rows the vocabulary's n-grams hash to are stored (fastText allocates all `bucket');
// a bucket no vocabulary word uses keeps its initial value, uniform(−1/dim, 1/dim) drawn from a
// hash of (seed, bucket), so it is rebuilt exactly when an unseen word needs it. Negatives come
// from an alias table over counts^0.5 (fastText's 1e7-entry table approximates the same
// distribution); σ from fastText's 512-entry table over [−8, 8]. sample 0 keeps every word.
#include "core/cancel.h"
#include "core/result.h"
#include "embed/embedprogress.h"
#include "embed/wordcorpus.h"
#include "embed/wordvectors.h"

#include <memory>
#include <string>

namespace lm {

struct FastTextOptions {
    bool cbow = false;
    int dim = 100;
    int window = 5;
    int negative = 5;
    int epochs = 5;
    int minn = 3;
    int maxn = 6;            // 0 disables n-grams (plain word vectors)
    int bucket = 2'000'000;
    double sample = 1e-4;    // fastText's t; 0 keeps every word
    float lr = 0.05f;
    int lrUpdateRate = 100;
    int threads = 1;
    std::uint64_t seed = 1;
};

// The trained subword model: enough to give any word a vector.
class FastTextModel {
public:
    int dim() const;
    // The vector of any word: for a vocabulary word the mean of its row and its n-gram rows; for
    // an unseen word the mean of its n-gram rows (zero when it has none).
    std::vector<float> wordVector(std::string_view word) const;
    // wordVector() of every vocabulary word, for the .vec file.
    WordVectors vocabularyVectors() const;

    // Saves the rows that training touched (vocabulary rows and used n-gram buckets) with the
    // options as safetensors, atomically; loads it back. Errors name the file.
    Status save(const std::string &path) const;
    static Result<FastTextModel> load(const std::string &path);

    struct Impl;
    std::shared_ptr<const Impl> impl;
};

Result<FastTextModel> trainFastText(const WordCorpus &corpus, const FastTextOptions &options, const CancelToken &cancel,
                                    EmbedObserver *observer = nullptr);

namespace fasttext_detail { // exposed for the unit tests
std::uint32_t fnv1a(std::string_view bytes); // h ^= uint32(int8(c)); h *= 16777619, from 2166136261
// The bucket ids (not offset by the vocabulary size) of the n-grams of "<word>".
std::vector<std::int32_t> ngramBuckets(std::string_view word, int minn, int maxn, int bucket);
} // namespace fasttext_detail

} // namespace lm
