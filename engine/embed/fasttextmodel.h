#pragma once
// The trained fastText subword model: a row per vocabulary word and a row per character n-gram
// bucket that the vocabulary uses, enough to give any word a vector. trainFastText
// (embed/fasttext.h) makes one; io/fasttextfile.h saves and loads it.
//
// Only the rows the vocabulary's n-grams hash to are stored (fastText allocates all `bucket`);
// a bucket no vocabulary word uses keeps its initial value, uniform(−1/dim, 1/dim) drawn from a
// hash of (seed, bucket), so it is rebuilt exactly when an unseen word needs it.
// Legend: V = vocabulary size, U = n-gram buckets stored, D = dim.
#include "embed/wordvectors.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lm {

// What a fastText model stores, as the trainer leaves it and the file holds it.
struct FastTextRows {
    int dim = 0;
    int minn = 0, maxn = 0;            // n-gram lengths in UTF-8 characters; maxn 0: no n-grams
    int bucket = 0;                    // hash buckets (0 without n-grams)
    std::uint64_t seed = 0;            // rebuilds the initial rows of untouched buckets
    std::vector<std::string> words;    // V vocabulary words
    std::vector<std::int32_t> buckets; // U bucket ids: the bucket of n-gram row k
    std::vector<float> wordRows;       // (V, D)
    std::vector<float> ngramRows;      // (U, D)
};

class FastTextModel {
public:
    FastTextModel() = default; // no model: dim() is 0 and every vector empty
    // Takes the rows and indexes them. Throws std::invalid_argument when the sizes disagree
    // (wordRows not V·D, ngramRows not U·D, dim < 1); checking the content (distinct words,
    // buckets in range) is the loader's job.
    explicit FastTextModel(FastTextRows rows);

    int dim() const;
    // The stored rows; empty rows when there is no model.
    const FastTextRows &rows() const;
    // The vector of any word: for a vocabulary word the mean of its row and its n-gram rows; for
    // an unseen word the mean of its n-gram rows (zero when it has none). "</s>" has no n-grams.
    std::vector<float> wordVector(std::string_view word) const;
    // wordVector() of every vocabulary word, for the .vec file.
    WordVectors vocabularyVectors() const;

private:
    struct Impl;
    std::shared_ptr<const Impl> m_impl; // immutable once built, so copies share it
};

namespace fasttext_detail { // shared by the model and the trainer; exposed for the unit tests
std::uint32_t fnv1a(std::string_view bytes); // h ^= uint32(int8(c)); h *= 16777619, from 2166136261
// The bucket ids (not offset by the vocabulary size) of the n-grams of "<word>".
std::vector<std::int32_t> ngramBuckets(std::string_view word, int minn, int maxn, int bucket);

inline constexpr std::string_view kEndOfSentence = "</s>"; // has no n-grams
inline constexpr std::uint64_t kBucketKey = 1ull << 62;
// out (dim) = the initial value of an input row, uniform(−1/dim, 1/dim) as fastText, from a hash
// of (seed, key); key: word id w -> w, bucket b -> b | kBucketKey.
void initialRow(std::uint64_t seed, std::uint64_t key, float *out, int dim);
} // namespace fasttext_detail

} // namespace lm
