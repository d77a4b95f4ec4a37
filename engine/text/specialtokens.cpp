#include "text/specialtokens.h"

namespace lm {

Result<EncoderSpecials> findEncoderSpecials(const Tokenizer &tokenizer)
{
    EncoderSpecials s;
    const auto find = [&](std::initializer_list<const char *> names, std::int32_t &out) -> bool {
        for (const char *n : names)
            if (const auto id = tokenizer.tokenId(n)) {
                out = *id;
                return true;
            }
        return false;
    };
    if (!find({"[PAD]", "<pad>"}, s.pad))
        return makeError("no [PAD] token");
    if (!find({"[UNK]", "<unk>"}, s.unk))
        return makeError("no [UNK] token");
    if (!find({"[CLS]"}, s.cls))
        return makeError("no [CLS] token");
    if (!find({"[SEP]"}, s.sep))
        return makeError("no [SEP] token");
    if (!find({"[MASK]"}, s.mask))
        return makeError("no [MASK] token");
    return s;
}

EncodedPair encodeForEncoder(const Tokenizer &tokenizer, const std::string &a, const std::optional<std::string> &b,
                             int maxLength)
{
    std::optional<std::vector<std::int32_t>> second;
    if (b)
        second = tokenizer.encode(*b);
    return assembleForModel(tokenizer.encode(a), std::move(second), tokenizer.tokenId("[CLS]"), tokenizer.tokenId("[SEP]"),
                            maxLength);
}

} // namespace lm
