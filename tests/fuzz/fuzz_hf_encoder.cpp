// A Hugging Face encoder folder (BERT, ALBERT; also T5, which carries a tokenizer.json) packed into one input: the parts config.json,
// vocab.txt, tokenizer_config.json, tokenizer.json and model.safetensors in that order, separated
// by the line "\n--8<--\n". An empty part leaves its file missing (a BERT folder has vocab.txt and
// no tokenizer.json, an ALBERT folder the reverse). The folder is loaded with loadModelPath and,
// when it loads as an encoder, used the way `lmscope-cli forward` uses it: a short text (and a
// pair) encoded with the folder's tokenizer, and the head's logits of at most 8 of its ids.
// std::invalid_argument (a text the tokenizer rejects, ids the model rejects) is a fine outcome;
// any other exception, like a sanitizer report, is a finding. An encoder–decoder that loads is
// run once (fuzzseq2seq.h).
#include "core/tape.h"
#include "fuzzseq2seq.h"
#include "fuzzutil.h"
#include "io/hfimport.h"
#include "models/encoder/encoder.h"
#include "text/specialtokens.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace {

void useEncoder(lm::EncoderModel &model, const lm::Tokenizer &tokenizer)
{
    const int vocab = model.vocabSize();
    const auto checkIds = [vocab](const std::vector<std::int32_t> &ids) {
        for (std::int32_t id : ids)
            if (id < 0 || id >= vocab)
                __builtin_trap(); // the loader checked the tokenizer against vocab_size
    };
    if (auto specials = lm::findEncoderSpecials(tokenizer); specials.ok()) {
        const lm::EncoderSpecials s = specials.value();
        checkIds({s.pad, s.unk, s.cls, s.sep, s.mask});
    }
    const int maxSeq = model.encoderConfig().maxSeq;
    const lm::EncodedPair one = lm::encodeForEncoder(tokenizer, "The cat sat on the [MASK] mat.", std::nullopt, 0);
    const lm::EncodedPair two =
        lm::encodeForEncoder(tokenizer, "Unaffable cats! 國王很老。", std::string("it was a very  big café"), std::min(maxSeq, 8));
    for (const lm::EncodedPair *e : {&one, &two}) {
        if (e->ids.size() != e->tokenTypes.size())
            __builtin_trap();
        checkIds(e->ids);
        for (std::int32_t id : e->ids)
            (void)tokenizer.tokenText(id);
    }
    std::vector<std::int32_t> ids(one.ids.begin(), one.ids.begin() + std::min<std::ptrdiff_t>(8, std::ssize(one.ids)));
    if (ids.empty())
        return;
    lm::NoGradScope noGrad;
    const lm::Tensor logits = model.sequenceLogits(ids);
    (void)logits;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > fuzz::kMaxInput)
        return -1;
    static constexpr std::string_view kSeparator = "\n--8<--\n";
    static constexpr std::array<const char *, 5> kNames = {"config.json", "vocab.txt", "tokenizer_config.json",
                                                           "tokenizer.json", "model.safetensors"};
    const auto dir = fuzz::scratchDir() / "encoder";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::string_view rest = fuzz::asView(data, size);
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        // The last part takes everything left, so binary weights may contain the separator.
        const std::size_t cut = i + 1 < kNames.size() ? rest.find(kSeparator) : std::string_view::npos;
        const std::string_view part = rest.substr(0, cut);
        if (!part.empty())
            std::ofstream(dir / kNames[i], std::ios::binary).write(part.data(), static_cast<std::streamsize>(part.size()));
        if (cut == std::string_view::npos)
            break;
        rest.remove_prefix(cut + kSeparator.size());
    }
    auto loaded = lm::loadModelPath(dir.string());
    if (!loaded)
        return 0;
    lm::Checkpoint &c = loaded.value();
    if (!c.model || !c.tokenizer)
        __builtin_trap();
    if (auto *encoder = dynamic_cast<lm::EncoderModel *>(c.model.get())) {
        try {
            useEncoder(*encoder, *c.tokenizer);
        } catch (const std::invalid_argument &) {
        }
    }
    fuzz::useIfSeq2Seq(c);
    return 0;
}
