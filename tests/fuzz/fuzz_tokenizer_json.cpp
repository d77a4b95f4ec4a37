// A Hugging Face tokenizer.json -> UnigramTokenizer::loadTokenizerJson. A tokenizer that loads
// encodes sample texts and the input itself (when it is UTF-8), decodes, names its tokens, and
// must come back identical through its JSON form. A normalizer that grows the text too much is
// refused with std::invalid_argument (documented), which is caught. UTF-8 inputs of 512 bytes
// or less also train a small unigram model, which must encode its own training text without
// <unk> when its budget holds every character.
#include "fuzzutil.h"
#include "text/tokenizer.h"
#include "text/unigram.h"
#include "text/utf8.h"

#include <cstdlib>
#include <stdexcept>

namespace {

// The first half of `text`, cut at a character boundary.
std::string_view firstHalf(std::string_view text)
{
    std::size_t cut = text.size() / 2;
    while (cut > 0 && lm::isUtf8Continuation(text[cut]))
        --cut;
    return text.substr(0, cut);
}

void exercise(const lm::UnigramTokenizer &t, std::string_view input)
{
    std::vector<std::string_view> texts = {"the [MASK] is red", "Héllo   ＷＯＲＬＤ <extra_id_0>``x''", "  \t\n", ""};
    if (!lm::firstInvalidUtf8(input))
        texts.push_back(input);
    auto again = lm::tokenizerFromJson(t.toJson());
    if (!again)
        std::abort(); // a tokenizer that loaded must survive its own JSON form
    for (std::string_view text : texts) {
        try {
            const auto ids = t.encode(text);
            if (again.value()->encode(text) != ids)
                std::abort();
            (void)t.decode(ids);
            (void)t.encodeForModel(text, firstHalf(text), 16);
        } catch (const std::invalid_argument &) {
            // the normalizer grew the text past its limit
        }
    }
    for (int id = 0; id < t.vocabSize() && id < 64; ++id)
        (void)t.tokenText(id);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > fuzz::kMaxInput)
        return -1;
    const std::string_view input = fuzz::asView(data, size);
    auto t = lm::UnigramTokenizer::loadTokenizerJson(fuzz::writeScratch("tokenizer.json", input));
    if (t)
        exercise(t.value(), input);

    if (size <= 512 && !lm::firstInvalidUtf8(input)) {
        lm::TokenizerOptions opts;
        opts.maxVocab = 6 + static_cast<int>(size % 128);
        const auto trained = lm::UnigramTokenizer::train(input, opts);
        if (trained.vocabSize() > opts.maxVocab)
            std::abort();
        exercise(trained, input);
        const auto ids = trained.encode(input);
        // Room was left, so every character is a piece (unless the text writes "<unk>" itself).
        if (trained.vocabSize() < opts.maxVocab && input.find("<unk>") == std::string_view::npos)
            for (std::int32_t id : ids)
                if (id == trained.unkId())
                    std::abort();
    }
    return 0;
}
