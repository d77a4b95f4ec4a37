#include "train/setup.h"

#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"
#include "models/registry.h"

#include <algorithm>
#include <cmath>

namespace lm {

// Learned position tables cover at least this many tokens unless told otherwise, so a model
// trained on short windows can still read (and be traced over) a paragraph.
constexpr int kDefaultMaxSeq = 512;

Result<TrainingSetup> prepareTraining(const std::string &text, const ModelChoice &choice, const TrainConfig &train)
{
    auto range = [](const char *name, long long v, long long lo, long long hi) -> std::string {
        if (v < lo || v > hi)
            return std::string(name) + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) +
                   ", got " + std::to_string(v);
        return {};
    };
    const bool recurrent = choice.arch == "rnn" || choice.arch == "lstm" || choice.arch == "gru";
    const bool transformer = choice.arch == "gpt" || choice.arch == "llama";
    for (const std::string &msg : {range("--steps", train.steps, 1, 10'000'000), range("--batch", train.batch, 1, 4096),
                                   range("--seq", train.seq, 1, 8192), range("--vocab-size", choice.vocabSize, 0, 1 << 20),
                                   range("--dim", choice.dim, 1, 4096),
                                   range("--hidden", choice.hidden, transformer ? 0 : 1, recurrent ? 4096 : 16384),
                                   range("--layers", choice.layers, 1, transformer ? 64 : 16),
                                   range("--heads", choice.heads, 1, 256), range("--kv-heads", choice.kvHeads, 0, 256),
                                   range("--max-seq", choice.maxSeq, 0, 1 << 16)})
        if (!msg.empty())
            return makeError(msg);
    if (!(train.lr > 0.0f && train.lr < 10.0f))
        return makeError("--lr must be between 0 and 10, got " + std::to_string(train.lr));
    if (choice.bidirectional)
        return makeError("--bidirectional does not fit a language model: its backward direction would read the very "
                         "tokens it has to predict");
    if (choice.arch == "mlp" && train.seq < choice.context)
        return makeError("--seq (" + std::to_string(train.seq) + ") must be at least the MLP context (" +
                         std::to_string(choice.context) + ")");

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

    nlohmann::json config;
    if (choice.arch == "mlp")
        config = {{"arch", "mlp"},
                  {"vocab_size", tokenizer.value()->vocabSize()},
                  {"context", choice.context},
                  {"dim", choice.dim},
                  {"hidden", choice.hidden}};
    else if (recurrent)
        config = {{"arch", choice.arch},
                  {"vocab_size", tokenizer.value()->vocabSize()},
                  {"dim", choice.dim},
                  {"hidden", choice.hidden},
                  {"layers", choice.layers},
                  {"bidirectional", false}};
    else if (transformer) {
        config = {{"arch", choice.arch},
                  {"vocab_size", tokenizer.value()->vocabSize()},
                  {"dim", choice.dim},
                  {"layers", choice.layers},
                  {"heads", choice.heads},
                  {"kv_heads", choice.kvHeads},
                  {"ffn_hidden", choice.hidden},
                  {"max_seq", choice.maxSeq > 0 ? std::max(choice.maxSeq, train.seq) : std::max(train.seq, kDefaultMaxSeq)},
                  {"attention", choice.chunkedAttention ? "chunked" : "standard"}};
        if (choice.dim % choice.heads != 0)
            return makeError("--dim (" + std::to_string(choice.dim) + ") must be a multiple of --heads (" +
                             std::to_string(choice.heads) + ")");
    } else
        config = {{"arch", choice.arch}};
    auto model = createModel(config, train.seed);
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
