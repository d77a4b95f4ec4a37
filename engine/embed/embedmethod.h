#pragma once
// The word-vector methods by name, and the one call that trains any of them. The CLI (`embed`),
// the Word vectors tab and the lessons' "embed" action all go through trainWordVectors, so a
// method and its options are mapped onto word2vec, GloVe or fastText in one place.
#include "core/cancel.h"
#include "core/result.h"
#include "embed/embedprogress.h"
#include "embed/fasttextmodel.h"
#include "embed/wordcorpus.h"
#include "embed/wordvectors.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace lm {

enum class EmbedMethod { SkipGram, Cbow, Glove, FastText };

// "skipgram", "cbow", "glove", "fasttext", in that order: the names the CLI, the GUI and the
// lesson files use.
std::span<const std::string_view> embedMethodNames();
std::string_view embedMethodName(EmbedMethod method);
std::optional<EmbedMethod> parseEmbedMethod(std::string_view name); // nullopt for any other name

// The options of every method in one struct; each method reads the fields that apply to it.
struct EmbedOptions {
    EmbedMethod method = EmbedMethod::SkipGram;
    int dim = 100;
    int window = 5;
    int epochs = 5;
    int threads = 1;
    std::uint64_t seed = 1;
    float learningRate = 0.025f;      // word2vec's alpha, fastText's lr, GloVe's AdaGrad eta
    double sample = 1e-3;             // word2vec, fastText: subsampling threshold; 0 keeps every word
    int negative = 5;                 // word2vec, fastText: negatives per target
    bool hierarchicalSoftmax = false; // skip-gram, CBOW: instead of (or, with negative > 0, beside) negatives
    bool fastTextCbow = false;        // fastText: CBOW instead of skip-gram
    int minn = 3, maxn = 6;           // fastText: n-gram lengths; maxn 0 turns n-grams off
    int bucket = 2'000'000;           // fastText: n-gram hash buckets
    double xMax = 100.0;              // GloVe: the count where the weight reaches 1 (10 suits small corpora)
};

// The original tools' defaults for `method`: window 5 and 5 epochs (GloVe: 10 and 25), learning
// rate 0.025 (CBOW 0.05, fastText 0.05, GloVe 0.05), sample 1e-3 (fastText 1e-4).
EmbedOptions embedDefaults(EmbedMethod method);

struct TrainedWordVectors {
    WordVectors vectors;                   // every vocabulary word, in vocabulary order
    std::optional<FastTextModel> subwords; // fastText's model, which also answers for unseen words
};

// Trains options.method on `corpus`. Errors: the method's own, naming the bad option (e.g.
// "word2vec: dim must be in 1..10000, got 0"); cancelled: Error "cancelled". The observer sees
// progress and snapshots as the method reports them.
Result<TrainedWordVectors> trainWordVectors(const WordCorpus &corpus, const EmbedOptions &options,
                                            const CancelToken &cancel, EmbedObserver *observer = nullptr);

} // namespace lm
