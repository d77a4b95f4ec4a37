#pragma once
// fastText: skip-gram or CBOW with negative sampling where a word's input vector is the mean of
// its own row and the rows of its character n-grams (minn..maxn UTF-8 characters of "<word>"),
// hashed with FNV-1a (bytes sign-extended, as fastText) into `bucket` rows. "</s>" has no n-grams.
// Defaults and learning-rate schedule as fastText 0.9.2 (REFERENCE.md). A word never seen in
// training still gets a vector: the mean of its n-gram rows.
//
// Only the rows the vocabulary's n-grams hash to are stored (embed/fasttextmodel.h). Negatives come
// from an alias table over counts^0.5 (fastText's 1e7-entry table approximates the same
// distribution); σ from fastText's 512-entry table over [−8, 8]. sample 0 keeps every word.
#include "core/cancel.h"
#include "core/result.h"
#include "embed/embedprogress.h"
#include "embed/fasttextmodel.h"
#include "embed/wordcorpus.h"

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

// Returns the subword model (embed/fasttextmodel.h; io/fasttextfile.h saves it). Errors: bad
// options (named). Cancelled: returns an Error "cancelled".
Result<FastTextModel> trainFastText(const WordCorpus &corpus, const FastTextOptions &options, const CancelToken &cancel,
                                    EmbedObserver *observer = nullptr);

} // namespace lm
