#pragma once
// The input of the word-vector methods: a text cut into tokens, a vocabulary of the tokens seen
// at least min-count times, and the corpus as vocabulary ids, line by line.
//
// Tokens are whitespace-separated words (as word2vec and fastText read), or, for Chinese and
// other unsegmented scripts, single characters (every non-space code point is a token). Each
// line ends with the end-of-sentence token "</s>", as in word2vec and fastText.
#include "core/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lm {

struct Vocabulary {
    std::vector<std::string> words;   // by count, most frequent first; ties in order of first appearance
    std::vector<std::int64_t> counts; // parallel to words
    std::int64_t totalCount = 0;      // Σ counts (tokens of the corpus that are in the vocabulary)

    // The id of `word`, or -1.
    std::int32_t find(std::string_view word) const;
    std::int32_t size() const { return static_cast<std::int32_t>(words.size()); }

    std::unordered_map<std::string, std::int32_t> index; // word -> id
};

enum class TokenUnit { Words, Characters };

struct WordCorpusOptions {
    int minCount = 5;
    TokenUnit unit = TokenUnit::Words;
    int maxLineTokens = 1024; // longer lines are cut into pieces, as fastText does
    bool endOfSentence = true; // append "</s>" to every line
};

struct WordCorpus {
    Vocabulary vocab;
    std::vector<std::int32_t> ids;            // kept tokens, all lines concatenated
    std::vector<std::int64_t> lineStarts;     // offsets into ids; lineStarts.back() == ids.size()
    std::int64_t tokensRead = 0;              // tokens before dropping those under min-count
};

// Lower-cases ASCII letters and sets ASCII punctuation apart with spaces ("Paris is the capital
// of France." -> "paris is the capital of france ."), so that a word is one token whatever its
// case or the mark after it. Other bytes, CJK included, pass unchanged.
std::string normalizeWordText(std::string_view text);

// Errors: text not valid UTF-8 (with the byte offset), minCount < 1, and a vocabulary left empty
// by min-count ("no word occurs 5 times or more; lower --min-count").
Result<WordCorpus> buildWordCorpus(std::string_view text, const WordCorpusOptions &options);

} // namespace lm
