#pragma once
// word2vec: skip-gram and CBOW with negative sampling or hierarchical softmax, with the semantics
// of the original C tool (see REFERENCE.md): frequent-word subsampling, a window drawn uniformly
// from 1..window per centre word, alpha decaying linearly to alpha·1e-4, sigmoid from a table over
// [−6, 6], negatives from counts^0.75, Hogwild threads over slices of the corpus.
// Hand-written loops over sparse rows; no autograd tape. Negatives are drawn with Walker's alias
// method over counts^0.75: the exact distribution the C tool's 1e8-entry table approximates, in
// two vocabulary-sized arrays that stay in cache. "</s>" ends a sentence and is not trained on,
// and is never drawn as a negative (as the C tool's id 0).
#include "core/cancel.h"
#include "core/result.h"
#include "embed/embedprogress.h"
#include "embed/wordcorpus.h"
#include "embed/wordvectors.h"

namespace lm {

struct Word2VecOptions {
    bool cbow = false;
    bool hierarchicalSoftmax = false; // false: negative sampling
    int dim = 100;
    int window = 5;
    int negative = 5;
    int epochs = 5;
    double sample = 1e-3;   // subsampling threshold; 0 = off
    float alpha = 0.0f;     // starting learning rate; 0 = 0.025 (skip-gram) or 0.05 (CBOW)
    int threads = 1;
    std::uint64_t seed = 1;
};

// Returns the input vectors (syn0) for every vocabulary word. Errors: bad options (named).
// Cancelled: returns an Error "cancelled".
Result<WordVectors> trainWord2Vec(const WordCorpus &corpus, const Word2VecOptions &options, const CancelToken &cancel,
                                  EmbedObserver *observer = nullptr);

namespace word2vec_detail { // exposed for the unit tests
// Probability of keeping a word with count c among total T words: (sqrt(c/(s·T)) + 1)·(s·T)/c, capped at 1.
double keepProbability(std::int64_t count, std::int64_t total, double sample);
// The unigram^power table of `size` entries (word ids), as word2vec's InitUnigramTable.
std::vector<std::int32_t> unigramTable(const std::vector<std::int64_t> &counts, double power, std::size_t size);
// Huffman codes and points (inner-node ids) per word, as word2vec's CreateBinaryTree.
struct HuffmanTree {
    std::vector<std::vector<std::uint8_t>> codes;
    std::vector<std::vector<std::int32_t>> points;
};
HuffmanTree buildHuffman(const std::vector<std::int64_t> &counts);
} // namespace word2vec_detail

} // namespace lm
