// A Hugging Face folder with a byte-level BPE tokenizer (GPT-2, BART) packed into one input: the
// parts config.json, vocab.json, merges.txt and model.safetensors in that order, separated by the
// line "\n--8<--\n" (a missing part leaves its file missing). The folder is then loaded with
// loadModelPath; an encoder–decoder that loads is run once (fuzzseq2seq.h), a causal model (GPT-2,
// RWKV) the way `forward` and `generate` run it: the logits of a few ids in parallel, then the same
// ids one at a time through nextTokenLogits (the KV cache or the recurrent state).
#include "fuzzseq2seq.h"
#include "fuzzutil.h"
#include "io/hfimport.h"
#include "models/architecture.h"

#include <algorithm>
#include <array>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size > fuzz::kMaxInput)
        return -1;
    static constexpr std::string_view kSeparator = "\n--8<--\n";
    static constexpr std::array<const char *, 4> kNames = {"config.json", "vocab.json", "merges.txt", "model.safetensors"};
    const auto dir = fuzz::scratchDir() / "folder";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::string_view rest = fuzz::asView(data, size);
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        // The last part takes everything left, so binary weights may contain the separator.
        const std::size_t cut = i + 1 < kNames.size() ? rest.find(kSeparator) : std::string_view::npos;
        const std::string_view part = rest.substr(0, cut);
        std::ofstream(dir / kNames[i], std::ios::binary).write(part.data(), static_cast<std::streamsize>(part.size()));
        if (cut == std::string_view::npos)
            break;
        rest.remove_prefix(cut + kSeparator.size());
    }
    auto loaded = lm::loadModelPath(dir.string());
    if (!loaded)
        return 0;
    lm::Checkpoint &c = loaded.value();
    fuzz::useIfSeq2Seq(c);
    const lm::Architecture *family = lm::findArchitecture(c.model->arch());
    if (!family || family->traits.direction != lm::Direction::Causal)
        return 0;
    std::vector<std::int32_t> ids = c.tokenizer->encode("The cat sat on the mat.");
    // At most 6 ids, and no more than a model with learned positions has rows for (sequenceLogits
    // refuses a longer sequence by contract, as forward does).
    std::size_t longest = 6;
    if (const nlohmann::json config = c.model->config(); config.contains("max_seq") && config["max_seq"].is_number_integer())
        longest = std::min<std::size_t>(longest, config["max_seq"].get<std::size_t>());
    ids.resize(std::min(ids.size(), longest));
    if (ids.empty())
        return 0;
    for (std::int32_t id : ids)
        if (id < 0 || id >= c.model->vocabSize())
            __builtin_trap(); // the loader checked the tokenizer against vocab_size
    lm::NoGradScope noGrad;
    (void)c.model->sequenceLogits(ids);
    for (std::size_t t = 1; t <= ids.size(); ++t)
        (void)c.model->nextTokenLogits({ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(t)});
    return 0;
}
