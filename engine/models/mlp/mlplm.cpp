#include "models/mlp/mlplm.h"
#include "core/init.h"

#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/result.h"
#include "core/rng.h"

#include <cmath>
#include <stdexcept>

namespace lm {

std::int64_t LanguageModel::parameterCount() const
{
    std::int64_t n = 0;
    for (const auto &p : parameters())
        n += p.tensor.numel();
    return n;
}

const char *const kMlpName = "mlp";

std::int64_t MlpConfig::parameterCount() const
{
    const std::int64_t V = vocabSize, d = dim, H = hidden, n = context;
    return V * d + H * n * d + H + V * H + V;
}

std::string MlpLanguageModel::arch() const { return kMlpName; }

nlohmann::json MlpConfig::toJson() const
{
    return {{"arch", kMlpName}, {"vocab_size", vocabSize}, {"context", context}, {"dim", dim}, {"hidden", hidden}};
}

Result<MlpConfig> MlpConfig::fromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return makeError("mlp config is not a JSON object");
    MlpConfig c;
    struct Field {
        const char *name;
        int *slot;
        int lo, hi;
    };
    const Field fields[] = {{"vocab_size", &c.vocabSize, 2, 1 << 20},
                            {"context", &c.context, 1, 64},
                            {"dim", &c.dim, 1, 4096},
                            {"hidden", &c.hidden, 1, 16384}};
    for (const Field &f : fields) {
        if (!j.contains(f.name) || !j[f.name].is_number_integer())
            return makeError(std::string("mlp config: '") + f.name + "' must be an integer");
        const auto v = j[f.name].get<std::int64_t>();
        if (v < f.lo || v > f.hi)
            return makeError(std::string("mlp config: '") + f.name + "' = " + std::to_string(v) + " is outside " +
                             std::to_string(f.lo) + ".." + std::to_string(f.hi));
        *f.slot = static_cast<int>(v);
    }
    return c;
}

MlpLanguageModel::MlpLanguageModel(const MlpConfig &config, Rng &rng) : m_config(config)
{
    const int V = config.vocabSize, n = config.context, d = config.dim, H = config.hidden;
    if (V < 2 || n < 1 || d < 1 || H < 1)
        throw std::invalid_argument("MlpLanguageModel: bad config " + config.toJson().dump());
    m_embedding = Tensor::zeros({V, d}, true);
    m_hiddenWeight = Tensor::zeros({H, n * d}, true);
    m_hiddenBias = Tensor::zeros({H}, true);
    m_outputWeight = Tensor::zeros({V, H}, true);
    m_outputBias = Tensor::zeros({V}, true);
    initNormal(m_embedding, 0.0f, 1.0f, rng);
    initLinear(m_hiddenWeight, m_hiddenBias, rng);
    initLinear(m_outputWeight, m_outputBias, rng);
}

ParameterList MlpLanguageModel::parameters() const
{
    return {{"embedding.weight", m_embedding},
            {"hidden.weight", m_hiddenWeight},
            {"hidden.bias", m_hiddenBias},
            {"output.weight", m_outputWeight},
            {"output.bias", m_outputBias}};
}

Tensor MlpLanguageModel::logits(const std::vector<std::int32_t> &contexts, std::int64_t rows)
{
    const std::int64_t n = m_config.context, d = m_config.dim;
    Tensor e = embedding(m_embedding, contexts, {rows, n}); // (N, n, d)
    Tensor x = reshape(e, {rows, n * d});                   // (N, n·d)
    Tensor h = tanh(linear(x, m_hiddenWeight, m_hiddenBias)); // (N, hidden)
    return linear(h, m_outputWeight, m_outputBias);         // (N, V)
}

Tensor MlpLanguageModel::loss(const TokenBatch &batch)
{
    const int n = m_config.context, T = batch.time;
    if (static_cast<int>(batch.inputs.size()) != batch.batch * T || batch.targets.size() != batch.inputs.size())
        throw std::invalid_argument("MlpLanguageModel::loss: batch sizes do not match (B, T)");
    if (T < n)
        throw std::invalid_argument("MlpLanguageModel::loss: sequence length " + std::to_string(T) +
                                    " is shorter than the context " + std::to_string(n));
    // One row per position with a full context: the n inputs ending at t predict targets[t].
    std::vector<std::int32_t> contexts, targets;
    const std::int64_t perRow = T - n + 1;
    contexts.reserve(static_cast<std::size_t>(batch.batch * perRow * n));
    for (int b = 0; b < batch.batch; ++b)
        for (int t = n - 1; t < T; ++t) {
            const auto *row = batch.inputs.data() + b * T;
            contexts.insert(contexts.end(), row + t - n + 1, row + t + 1);
            targets.push_back(batch.targets[static_cast<std::size_t>(b * T + t)]);
        }
    return crossEntropy(logits(contexts, static_cast<std::int64_t>(targets.size())), targets);
}

Tensor MlpLanguageModel::sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace)
{
    if (ids.empty())
        throw std::invalid_argument("MlpLanguageModel::sequenceLogits: empty sequence");
    (void)trace;
    const int n = m_config.context;
    std::vector<std::int32_t> contexts;
    contexts.reserve(ids.size() * static_cast<std::size_t>(n));
    for (std::size_t t = 0; t < ids.size(); ++t)
        for (int k = n - 1; k >= 0; --k)
            contexts.push_back(t >= static_cast<std::size_t>(k) ? ids[t - static_cast<std::size_t>(k)] : 0);
    return logits(contexts, static_cast<std::int64_t>(ids.size()));
}

Tensor MlpLanguageModel::nextTokenLogits(const std::vector<std::int32_t> &context)
{
    const int n = m_config.context;
    std::vector<std::int32_t> window(static_cast<std::size_t>(n), 0);
    const int have = std::min<int>(n, static_cast<int>(context.size()));
    std::copy(context.end() - have, context.end(), window.end() - have);
    return reshape(logits(window, 1), {m_config.vocabSize});
}

} // namespace lm
