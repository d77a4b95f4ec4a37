#pragma once
// Cosine neighbours and analogies over word vectors (as word2vec's distance and word-analogy).
#include "core/result.h"
#include "embed/wordvectors.h"

#include <string>
#include <vector>

namespace lm {

struct Neighbor {
    std::int32_t id;
    float cosine;
};

// Unit-length copies of the rows, for repeated queries. Zero rows stay zero.
class NormalizedVectors {
public:
    explicit NormalizedVectors(const WordVectors &vectors);
    const WordVectors &vectors() const { return m_unit; }
    // The k rows most similar to `query` (any length; normalised here), best first, skipping
    // the ids in `exclude`.
    std::vector<Neighbor> nearest(const float *query, int k, const std::vector<std::int32_t> &exclude = {}) const;
    // b − a + c over unit vectors (a : b :: c : ?), excluding a, b and c from the answers.
    std::vector<Neighbor> analogy(std::int32_t a, std::int32_t b, std::int32_t c, int k) const;

private:
    WordVectors m_unit;
};

struct AnalogyQuestion {
    std::string section, a, b, c, expected; // a : b :: c : expected
};

// Reads word2vec's questions-words.txt format: ": section" lines and "a b c d" lines, compared
// case-insensitively in ASCII. Errors name the line.
Result<std::vector<AnalogyQuestion>> loadAnalogyQuestions(const std::string &path);

struct AnalogyScore {
    int asked = 0;   // questions whose four words are all in the vocabulary
    int correct = 0; // top-1 answer equals the expected word
    int skipped = 0; // questions with a word outside the vocabulary
    double accuracy() const { return asked ? double(correct) / asked : 0.0; }
};
AnalogyScore scoreAnalogies(const NormalizedVectors &vectors, const std::vector<AnalogyQuestion> &questions);

} // namespace lm
