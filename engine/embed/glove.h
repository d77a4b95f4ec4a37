#pragma once
// GloVe: co-occurrence counts in a symmetric window, each pair weighted 1/distance; then AdaGrad
// on Σ f(X_ij)(w_i·w̃_j + b_i + b̃_j − log X_ij)² with f(x) = (x/x_max)^α below x_max, else 1.
// Gradient accumulators start at 1 and gain (eta·g)², as glove.c, so a step is
// eta·g/sqrt(1 + eta²·Σg²); non-finite updates are skipped.
// The output is W + W̃. Threads split the shuffled co-occurrence list (Hogwild).
#include "core/cancel.h"
#include "core/result.h"
#include "embed/embedprogress.h"
#include "embed/wordcorpus.h"
#include "embed/wordvectors.h"

namespace lm {

struct GloveOptions {
    int dim = 100;
    int window = 10;
    int epochs = 25;
    double xMax = 100.0; // 10 suits small corpora
    double alpha = 0.75;
    float eta = 0.05f;   // AdaGrad step
    int threads = 1;
    std::uint64_t seed = 1;
};

// Returns W + W̃ for every vocabulary word, in vocabulary order. Errors: bad options (named, e.g.
// "GloVe: dim must be between 1 and 100000, got 0"), a corpus without any pair in the window;
// cancelled: Error "cancelled". Memory: 16–32 bytes per distinct pair while counting, 12 after.
Result<WordVectors> trainGlove(const WordCorpus &corpus, const GloveOptions &options, const CancelToken &cancel,
                               EmbedObserver *observer = nullptr);

namespace glove_detail { // exposed for the unit tests
double weight(double x, double xMax, double alpha); // f(x)
struct Cooccurrence {
    std::int32_t i, j;
    float x;
};
// Symmetric window counts weighted 1/d, within lines; one entry per ordered pair (i, j).
std::vector<Cooccurrence> countCooccurrences(const WordCorpus &corpus, int window);
// One AdaGrad step on the pair (i, j) as the GloVe tool does it; returns the pair's loss term.
// w, wt: (V, dim) main and context vectors; b, bt: biases; gw, gwt, gb, gbt: squared-gradient sums.
double adagradStep(float *wi, float *wtj, float *bi, float *btj, float *gwi, float *gwtj, float *gbi, float *gbtj, int dim,
                   float x, double xMax, double alpha, float eta);
} // namespace glove_detail

} // namespace lm
