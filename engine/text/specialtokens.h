#pragma once
// The special tokens an encoder reads ([PAD] [UNK] [CLS] [SEP] [MASK]), found by their text in any
// tokenizer's vocabulary (WordPiece's "[PAD]", SentencePiece's "<pad>"), and the input of one
// text or a pair built from them (text/encodedpair.h).
#include "core/result.h"
#include "text/encodedpair.h"
#include "text/tokenizer.h"

#include <optional>
#include <string>

namespace lm {

struct EncoderSpecials {
    std::int32_t pad = 0, unk = 1, cls = 2, sep = 3, mask = 4;
};

// The five ids; pad and unk also under "<pad>" / "<unk>". The error names the first missing one
// ("no [MASK] token"), for the caller to prefix with the file it read.
Result<EncoderSpecials> findEncoderSpecials(const Tokenizer &tokenizer);

// "[CLS] A [SEP]" or "[CLS] A [SEP] B [SEP]" with token types 0 / 1, truncated longest-first to
// maxLength (0 = no limit); without [CLS] or [SEP] in the vocabulary the segments are joined bare.
// Throws as assembleForModel does, and std::invalid_argument for invalid UTF-8.
EncodedPair encodeForEncoder(const Tokenizer &tokenizer, const std::string &a, const std::optional<std::string> &b,
                             int maxLength);

} // namespace lm
