#include "train/setup.h"

#include "models/architecture.h"

namespace lm {

Result<TrainingSetup> prepareTraining(const std::string &text, const ModelChoice &choice, const TrainConfig &train)
{
    auto range = [](const char *name, long long v, long long lo, long long hi) -> std::string {
        if (v < lo || v > hi)
            return std::string(name) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) +
                   ", got " + std::to_string(v);
        return {};
    };
    for (const std::string &msg : {range("steps", train.steps, 1, 10'000'000), range("batch", train.batch, 1, 4096),
                                   range("seq", train.seq, 1, 8192), range("vocab_size", choice.vocabSize, 0, 1 << 20)})
        if (!msg.empty())
            return makeError(msg);
    if (!(train.lr > 0.0f && train.lr < 10.0f))
        return makeError("lr must be between 0 and 10, got " + std::to_string(train.lr));
    auto arch = architectureOf({{"arch", choice.arch}});
    if (!arch)
        return makeError(arch.error());
    if (!arch.value()->supports(ObjectiveKind::CausalLm))
        return makeError(choice.arch + " is not trained as a language model");
    // Options first, so a bad option is reported before the corpus is tokenised.
    auto options = arch.value()->resolveOptions(choice.options);
    if (!options)
        return makeError(options.error());

    TokenizerOptions topts;
    topts.maxVocab = choice.vocabSize;
    auto tokenizer = buildTokenizer(choice.tokenizer, text, topts);
    if (!tokenizer)
        return makeError(tokenizer.error());
    std::vector<std::int32_t> ids = tokenizer.value()->encode(text);
    const auto tokens = static_cast<std::int64_t>(ids.size());
    auto data = TokenDataset::create(std::move(ids), train.seq);
    if (!data)
        return makeError(data.error());

    auto config = arch.value()->makeConfig(options.value(), tokenizer.value()->vocabSize(), train.seq);
    if (!config)
        return makeError(config.error());
    auto model = arch.value()->create(config.value(), train.seed);
    if (!model)
        return makeError(model.error());

    TrainingSetup setup;
    setup.tokenizer = std::move(tokenizer).value();
    setup.model = std::move(model).value();
    setup.trainer = std::make_unique<Trainer>(*setup.model, std::move(data).value(), train);
    setup.corpusTokens = tokens;
    return setup;
}

} // namespace lm
