#include "text/encodedpair.h"

#include <stdexcept>
#include <string>

namespace lm {

EncodedPair assembleForModel(std::vector<std::int32_t> a, std::optional<std::vector<std::int32_t>> b,
                             std::optional<std::int32_t> cls, std::optional<std::int32_t> sep, int maxLength)
{
    const bool specials = cls.has_value() && sep.has_value();
    const std::size_t extra = specials ? (b ? 3 : 2) : 0;
    if (maxLength < 0)
        throw std::invalid_argument("encodeForModel: maxLength must be >= 0, got " + std::to_string(maxLength));
    if (maxLength > 0 && static_cast<std::size_t>(maxLength) < extra)
        throw std::invalid_argument("encodeForModel: maxLength " + std::to_string(maxLength) + " leaves no room for the "
                                    + std::to_string(extra) + " special tokens");
    if (maxLength > 0) {
        const std::size_t budget = static_cast<std::size_t>(maxLength) - extra;
        while (a.size() + (b ? b->size() : 0) > budget) {
            if (b && b->size() >= a.size())
                b->pop_back();
            else
                a.pop_back();
        }
    }
    EncodedPair out;
    if (specials)
        out.ids.push_back(*cls);
    out.ids.insert(out.ids.end(), a.begin(), a.end());
    if (specials)
        out.ids.push_back(*sep);
    out.tokenTypes.assign(out.ids.size(), 0);
    if (b) {
        out.ids.insert(out.ids.end(), b->begin(), b->end());
        if (specials)
            out.ids.push_back(*sep);
        out.tokenTypes.resize(out.ids.size(), 1);
    }
    return out;
}

} // namespace lm
