// BERT's tokenizer files packed into one input: vocab.txt, then the line "\n--8<--\n", then
// tokenizer_config.json (no separator: no config file). WordPieceTokenizer::loadVocabTxt reads
// them; a tokenizer that loads encodes sample texts and the input itself (when it is UTF-8),
// decodes, names its tokens, and must come back identical through its JSON form. UTF-8 inputs
// of 512 bytes or less also train a small WordPiece vocabulary, which must stay in its budget.
#include "fuzzutil.h"
#include "text/tokenizer.h"
#include "text/utf8.h"
#include "text/wordpiece.h"

#include <cstdlib>

namespace {

// The first half of `text`, cut at a character boundary.
std::string_view firstHalf(std::string_view text)
{
    std::size_t cut = text.size() / 2;
    while (cut > 0 && lm::isUtf8Continuation(text[cut]))
        --cut;
    return text.substr(0, cut);
}

void exercise(const lm::WordPieceTokenizer &t, std::string_view input)
{
    std::vector<std::string_view> texts = {"the [MASK] is red", "Héllo, 世界! unaffable [CLS]a[SEP]", "  \t\n", ""};
    if (!lm::firstInvalidUtf8(input))
        texts.push_back(input);
    auto again = lm::tokenizerFromJson(t.toJson());
    if (!again)
        std::abort(); // a tokenizer that loaded must survive its own JSON form
    for (std::string_view text : texts) {
        const auto ids = t.encode(text);
        if (again.value()->encode(text) != ids)
            std::abort();
        (void)t.decode(ids);
        (void)t.encodeForModel(text, firstHalf(text), 16);
    }
    for (int id = 0; id < t.vocabSize() && id < 64; ++id)
        (void)t.tokenText(id);
    if (t.tokenId("[MASK]") != t.maskId())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > fuzz::kMaxInput)
        return -1;
    static constexpr std::string_view kSeparator = "\n--8<--\n";
    const std::string_view input = fuzz::asView(data, size);
    const std::size_t cut = input.find(kSeparator);
    const std::string vocab = fuzz::writeScratch("vocab.txt", input.substr(0, cut));
    const std::string config = (fuzz::scratchDir() / "tokenizer_config.json").string();
    std::filesystem::remove(config);
    if (cut != std::string_view::npos)
        fuzz::writeScratch("tokenizer_config.json", input.substr(cut + kSeparator.size()));
    auto t = lm::WordPieceTokenizer::loadVocabTxt(vocab, config);
    if (t)
        exercise(t.value(), input);

    if (size <= 512 && !lm::firstInvalidUtf8(input)) {
        lm::TokenizerOptions opts;
        opts.maxVocab = 6 + static_cast<int>(size % 64);
        const auto trained = lm::WordPieceTokenizer::train(input, opts, size % 2 == 0);
        if (trained.vocabSize() > opts.maxVocab)
            std::abort();
        exercise(trained, input);
    }
    return 0;
}
