#pragma once
// Sentence embeddings and retrieval: one vector per sentence, from an encoder (the mean of its
// last layer over the sentence's tokens, or the [CLS] vector) or from averaged word vectors
// (word2vec, GloVe, fastText: the mean of the vectors of the sentence's known words), searched
// by cosine similarity; and recall@k of each on a query set (text/labelled.h RetrievalSet), as
// the retrieval view and `lmscope-cli search` show them side by side with TF-IDF.
#include "core/cancel.h"
#include "embed/wordvectors.h"
#include "models/encoder/encoder.h"
#include "text/labelled.h"
#include "text/tokenizer.h"

#include <string>
#include <utility>
#include <vector>

namespace lm {

enum class SentencePooling { Mean, Cls };

using SentenceVectors = std::vector<std::vector<float>>; // (N, dim), each of unit length (or zero)

// Each sentence as "[CLS] s [SEP]" cut to maxLength, in batches of 32; mean pooling averages
// every non-padding position including [CLS] and [SEP] (as Sentence-BERT's mean pooling does).
// A cancelled call returns the sentences done so far.
SentenceVectors encoderSentenceVectors(EncoderModel &model, const Tokenizer &tokenizer,
                                       const std::vector<std::string> &sentences, SentencePooling pooling, int maxLength,
                                       const CancelToken *cancel = nullptr);
// The mean of the vectors of the sentence's words (WordTokenizer::splitWords, tried as written
// and lower-cased; unknown words skipped); zero when none is known.
SentenceVectors averagedWordVectors(const WordVectors &vectors, const std::vector<std::string> &sentences);

// The min(k, N) rows most similar to `query` (cosine; rows are unit length), best first, ties by
// lower index.
std::vector<std::pair<int, float>> nearestSentences(const SentenceVectors &rows, const std::vector<float> &query, int k);

// Rankings (every doc, best first) of each query against the docs.
std::vector<std::vector<int>> rankAll(const SentenceVectors &docs, const SentenceVectors &queries);

struct RetrievalScores {
    double recallAt1 = 0.0, recallAt5 = 0.0, mrr = 0.0;
};
RetrievalScores scoreRankings(const std::vector<std::vector<int>> &rankings, const std::vector<int> &gold);

} // namespace lm
