// Bytes -> corpusFromBytes; on a valid corpus, every tokenizer kind is built with a small
// vocabulary, encodes the text and decodes it back; BPE trains only on short texts because
// each merge rescans the text.
#include "fuzzutil.h"
#include "text/bpe.h"
#include "text/corpus.h"
#include "text/tokenizer.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > fuzz::kMaxInput || size < 1)
        return -1;
    // The first byte picks the options, the rest is the corpus.
    const std::uint8_t knob = data[0];
    auto corpus = lm::corpusFromBytes("fuzz", std::string(fuzz::asView(data + 1, size - 1)));
    if (!corpus)
        return 0;
    const std::string &text = corpus.value().text;
    lm::TokenizerOptions opts;
    opts.maxVocab = knob & 0x3f;  // 0 (no cap) .. 63
    opts.minCount = 1 + (knob >> 6);
    for (const char *kind : {"byte", "char", "word"}) {
        auto tok = lm::buildTokenizer(kind, text, opts);
        if (!tok)
            continue;
        const auto ids = tok.value()->encode(text);
        const std::string back = tok.value()->decode(ids);
        // Byte and char tokenizers trained on the text itself round-trip it exactly (no cap).
        if ((std::string_view(kind) == "byte" || (std::string_view(kind) == "char" && opts.maxVocab == 0 && opts.minCount == 1))
            && back != text)
            std::abort();
        for (int id = 0; id < tok.value()->vocabSize() && id < 64; ++id)
            (void)tok.value()->tokenText(id);
        (void)lm::tokenizerFromJson(tok.value()->toJson());
    }
    if (text.size() <= 2048) {
        lm::TokenizerOptions bpeOpts;
        bpeOpts.maxVocab = 256 + (knob & 0x1f); // up to 31 merges
        bpeOpts.minCount = 1 + (knob >> 6);
        auto bpe = lm::buildTokenizer("bpe", text, bpeOpts);
        if (!bpe)
            std::abort(); // valid UTF-8 and valid options: training must succeed
        const auto ids = bpe.value()->encode(text);
        if (bpe.value()->decode(ids) != text) // byte-level BPE round-trips every valid UTF-8 text
            std::abort();
        auto again = lm::tokenizerFromJson(bpe.value()->toJson());
        if (!again || again.value()->encode(text) != ids)
            std::abort();
    }
    return 0;
}
