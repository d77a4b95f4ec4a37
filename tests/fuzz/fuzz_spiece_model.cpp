// SentencePiece's model file (spiece.model, a serialised ModelProto) -> lm::parseSpieceModel, with
// 0 to 3 sentinels by the input's length. A tokenizer that loads encodes sample texts and the
// input itself (when it is UTF-8), decodes, names its tokens, finds its sentinels where T5 puts
// them, and must come back identical through its JSON form.
#include "fuzzutil.h"
#include "text/spiecemodel.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

#include <cstdlib>
#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > fuzz::kMaxInput)
        return -1;
    const std::string_view input = fuzz::asView(data, size);
    const int extraIds = static_cast<int>(size % 4);
    auto loaded = lm::parseSpieceModel(input, "spiece.model", extraIds);
    if (!loaded)
        return 0;
    const lm::UnigramTokenizer &t = loaded.value();
    for (int n = 0; n < extraIds; ++n)
        if (t.tokenId("<extra_id_" + std::to_string(n) + ">") != t.vocabSize() - 1 - n)
            std::abort(); // sentinel 0 is the last id
    auto again = lm::tokenizerFromJson(t.toJson());
    if (!again)
        std::abort(); // a tokenizer that loaded must survive its own JSON form
    std::vector<std::string_view> texts = {"the queen  is red", "  <extra_id_0>x</s> ", "老師每天寫一封信。", ""};
    if (!lm::firstInvalidUtf8(input))
        texts.push_back(input);
    for (std::string_view text : texts) {
        try {
            const auto ids = t.encode(text);
            if (again.value()->encode(text) != ids)
                std::abort();
            for (std::int32_t id : ids)
                if (id < 0 || id >= t.vocabSize())
                    std::abort();
            (void)t.decode(ids);
        } catch (const std::invalid_argument &) {
            // the normalizer grew the text past its limit (documented)
        }
    }
    for (int id = 0; id < t.vocabSize() && id < 64; ++id)
        (void)t.tokenText(id);
    return 0;
}
