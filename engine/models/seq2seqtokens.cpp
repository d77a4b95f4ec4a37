#include "models/seq2seqtokens.h"

#include <algorithm>

namespace lm {

std::vector<std::string> Seq2SeqTokens::trailing() const
{
    std::vector<std::string> out;
    for (int n = sentinels - 1; n >= 0; --n)
        out.push_back(sentinel(n));
    if (!mask.empty() && std::find(leading.begin(), leading.end(), mask) == leading.end())
        out.push_back(mask);
    return out;
}

Result<Seq2SeqIds> findSeq2SeqIds(const Seq2SeqTokens &tokens, const Tokenizer &tokenizer)
{
    std::string missing;
    const auto id = [&](const std::string &text) -> std::int32_t {
        const auto found = tokenizer.tokenId(text);
        if (!found && missing.empty())
            missing = text;
        return found.value_or(0);
    };
    Seq2SeqIds ids;
    ids.pad = id(tokens.pad);
    ids.end = id(tokens.end);
    ids.start = id(tokens.start);
    if (!tokens.begin.empty())
        ids.begin = id(tokens.begin);
    if (!tokens.mask.empty())
        ids.mask = id(tokens.mask);
    // Sentinels 0, 1, … as far as the vocabulary has them (a small checkpoint may keep a few);
    // the first one must be there.
    for (int n = 0; n < tokens.sentinels; ++n) {
        const auto found = tokenizer.tokenId(tokens.sentinel(n));
        if (!found)
            break;
        ids.sentinels.push_back(*found);
    }
    if (tokens.sentinels > 0 && ids.sentinels.empty() && missing.empty())
        missing = tokens.sentinel(0);
    if (!missing.empty())
        return makeError("no " + missing + " token");
    return ids;
}

} // namespace lm
