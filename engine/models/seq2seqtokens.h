#pragma once
// The special tokens an encoder–decoder family writes around its text, by their text (the
// architecture table names them per family) and by their ids in one tokenizer.
//   T5:   <pad> = 0, </s> = 1, <unk> = 2, the pieces, then <extra_id_99> … <extra_id_0>; the
//         decoder starts from <pad>; span corruption puts a sentinel where each span was.
//   BART: <s> = 0, <pad> = 1, </s> = 2, <unk> = 3, the pieces, then <mask>; every text is written
//         "<s> … </s>"; the decoder starts from </s>; text infilling puts <mask> where a span was.
// A Hugging Face checkpoint's tokenizer is read as it is and looked up by the same texts.
#include "core/result.h"
#include "text/tokenizer.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lm {

struct Seq2SeqTokens {
    std::vector<std::string> leading; // reserved as ids 0.. in this order when a tokenizer is trained; holds "<unk>"
    std::string pad;                  // padding
    std::string end;                  // after every source and target
    std::string begin;                // before every source and target; empty: none
    std::string start;                // the decoder's first input (the config's "decoder_start")
    std::string mask;                 // text infilling's mask; empty: none
    std::string sentinelPrefix;       // sentinel n is prefix + n + ">" ("<extra_id_" -> "<extra_id_0>"); empty: none
    int sentinels = 0;                // how many

    // The tokens a trained tokenizer reserves after its pieces: the sentinels from the last to the
    // first (as T5's vocabulary ends), then the mask when it is not among `leading`.
    std::vector<std::string> trailing() const;
    std::string sentinel(int n) const { return sentinelPrefix + std::to_string(n) + ">"; }
};

struct Seq2SeqIds {
    std::int32_t pad = 0, end = 1, start = 0;
    std::optional<std::int32_t> begin, mask;
    std::vector<std::int32_t> sentinels; // sentinel n at [n]
};

// The ids of `tokens` in `tokenizer`: every one named, and the sentinels from the first on as far
// as they go (at least <extra_id_0> when the family has sentinels). The error names the first
// token it lacks ("no <extra_id_0> token"), for the caller to prefix with where the tokenizer came
// from.
Result<Seq2SeqIds> findSeq2SeqIds(const Seq2SeqTokens &tokens, const Tokenizer &tokenizer);

} // namespace lm
