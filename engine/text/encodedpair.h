#pragma once
// The input of an encoder model (BERT, ALBERT) for one text or a pair of texts:
//   one text   [CLS] A [SEP]            token types 0 ... 0
//   a pair     [CLS] A [SEP] B [SEP]    token types 0 for [CLS] A [SEP], 1 for B [SEP]
// Shared by the WordPiece and Unigram tokenizers (text/wordpiece.h, text/unigram.h).
#include <cstdint>
#include <optional>
#include <vector>

namespace lm {

struct EncodedPair {
    std::vector<std::int32_t> ids;        // (T) token ids
    std::vector<std::int32_t> tokenTypes; // (T) 0 for the first segment, 1 for the second
};

// Joins the ids of A (and B) with the special tokens as above, after truncating longest-first
// so that the result has at most `maxLength` ids (0 = no limit): one id at a time is removed
// from the end of the longer of A and B (from B when they are equal), as Hugging Face's
// "longest_first" strategy does. Without `cls` or `sep` (either nullopt) no special tokens are
// added and the segments are simply concatenated (types 0 then 1).
// Throws std::invalid_argument for maxLength < 0, or a maxLength smaller than the special
// tokens alone (2 for one text, 3 for a pair).
EncodedPair assembleForModel(std::vector<std::int32_t> a, std::optional<std::vector<std::int32_t>> b,
                             std::optional<std::int32_t> cls, std::optional<std::int32_t> sep, int maxLength);

} // namespace lm
