#include "models/recurrent/recurrentlm.h"
#include "core/init.h"

#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/rng.h"
#include "core/tape.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace lm {

std::optional<CellKind> cellKindFromName(const std::string &name)
{
    for (CellKind k : {CellKind::Rnn, CellKind::Lstm, CellKind::Gru})
        if (name == cellName(k))
            return k;
    return std::nullopt;
}

RecurrentState detachedCopy(const RecurrentState &state)
{
    RecurrentState out;
    for (const Tensor &h : state.h)
        out.h.push_back(h.clone());
    for (const Tensor &c : state.c)
        out.c.push_back(c.clone());
    return out;
}

std::int64_t RecurrentLmConfig::parameterCount() const
{
    const std::int64_t d = dim, H = hidden, V = vocabSize, G = gateCount(kind);
    std::int64_t total = V * d + V * H + V;
    for (int l = 0; l < layers; ++l) {
        const std::int64_t in = l == 0 ? d : H;
        total += G * H * (in + H) + 2 * G * H;
    }
    return total;
}

nlohmann::json RecurrentLmConfig::toJson() const
{
    return {{"arch", cellName(kind)}, {"vocab_size", vocabSize}, {"dim", dim},
            {"hidden", hidden},       {"layers", layers},        {"bidirectional", bidirectional}};
}

Result<RecurrentLmConfig> RecurrentLmConfig::fromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return makeError("recurrent config is not a JSON object");
    RecurrentLmConfig c;
    const auto kind = j.contains("arch") && j["arch"].is_string() ? cellKindFromName(j["arch"].get<std::string>())
                                                                  : std::nullopt;
    if (!kind)
        return makeError("recurrent config: 'arch' must be \"rnn\", \"lstm\" or \"gru\"");
    c.kind = *kind;
    const std::string who = std::string(cellName(c.kind)) + " config: '";
    struct Field {
        const char *name;
        int *slot;
        int lo, hi;
        bool required;
    };
    const Field fields[] = {{"vocab_size", &c.vocabSize, 2, 1 << 20, true},
                            {"dim", &c.dim, 1, 4096, true},
                            {"hidden", &c.hidden, 1, 4096, true},
                            {"layers", &c.layers, 1, 16, false}};
    for (const Field &f : fields) {
        if (!j.contains(f.name) && !f.required)
            continue;
        if (!j.contains(f.name) || !j[f.name].is_number_integer())
            return makeError(who + f.name + "' must be an integer");
        const auto v = j[f.name].get<std::int64_t>();
        if (v < f.lo || v > f.hi)
            return makeError(who + f.name + "' = " + std::to_string(v) + " is outside " + std::to_string(f.lo) + ".." +
                             std::to_string(f.hi));
        *f.slot = static_cast<int>(v);
    }
    if (j.contains("bidirectional")) {
        if (!j["bidirectional"].is_boolean())
            return makeError(who + "bidirectional' must be true or false");
        if (j["bidirectional"].get<bool>())
            return makeError(who + "bidirectional' must be false: a bidirectional language model would see the "
                                   "future tokens it has to predict");
    }
    return c;
}

RecurrentLanguageModel::RecurrentLanguageModel(const RecurrentLmConfig &config, Rng &rng) : m_config(config)
{
    const int V = config.vocabSize, d = config.dim, H = config.hidden;
    if (V < 2 || d < 1 || H < 1 || config.layers < 1)
        throw std::invalid_argument("RecurrentLanguageModel: bad config " + config.toJson().dump());
    if (config.bidirectional)
        throw std::invalid_argument("RecurrentLanguageModel: a language model cannot be bidirectional");
    m_embedding = Tensor::zeros({V, d}, true);
    initNormal(m_embedding, 0.0f, 1.0f, rng);
    RecurrentConfig rc;
    rc.kind = config.kind;
    rc.inputSize = d;
    rc.hidden = H;
    rc.layers = config.layers;
    rc.bidirectional = false;
    m_stack = std::make_unique<RecurrentStack>(rc, rng);
    m_headWeight = Tensor::zeros({V, H}, true);
    m_headBias = Tensor::zeros({V}, true);
    initLinear(m_headWeight, m_headBias, rng);
}

ParameterList RecurrentLanguageModel::parameters() const
{
    ParameterList p{{"embedding.weight", m_embedding}};
    for (auto &r : m_stack->parameters("rnn."))
        p.push_back(r);
    p.push_back({"head.weight", m_headWeight});
    p.push_back({"head.bias", m_headBias});
    return p;
}

Tensor RecurrentLanguageModel::embed(const std::vector<std::int32_t> &ids, std::int64_t rows, std::int64_t time) const
{
    return embedding(m_embedding, ids, {rows, time}); // (B, T, dim)
}

Tensor RecurrentLanguageModel::head(const Tensor &hidden) const { return linear(hidden, m_headWeight, m_headBias); }

Tensor RecurrentLanguageModel::loss(const TokenBatch &batch)
{
    const int B = batch.batch, T = batch.time;
    if (B < 1 || T < 1 || batch.inputs.size() != static_cast<std::size_t>(B) * T ||
        batch.targets.size() != batch.inputs.size())
        throw std::invalid_argument("RecurrentLanguageModel::loss: batch sizes do not match (B, T) = (" +
                                    std::to_string(B) + ", " + std::to_string(T) + ")");
    m_cachedContext.clear(); // the weights are about to change
    m_cachedState = {};
    const bool resume = m_carry && !m_carried.empty() && m_carried.h.front().size(0) == B;
    RecurrentOutput out = m_stack->forward(embed(batch.inputs, B, T), resume ? m_carried : RecurrentState{});
    if (m_carry)
        m_carried = detachedCopy(out.final);
    Tensor logits = head(reshape(out.output, {static_cast<std::int64_t>(B) * T, m_config.hidden})); // (B·T, V)
    return crossEntropy(logits, batch.targets);
}

Tensor RecurrentLanguageModel::nextTokenLogits(const std::vector<std::int32_t> &context)
{
    NoGradScope noGrad;
    const bool extends = !m_cachedContext.empty() && m_cachedLogits.defined() && context.size() >= m_cachedContext.size() &&
                         std::equal(m_cachedContext.begin(), m_cachedContext.end(), context.begin());
    if (extends && context.size() == m_cachedContext.size())
        return m_cachedLogits.clone();
    if (context.empty())
        return head(Tensor::zeros({1, m_config.hidden})).viewAs({m_config.vocabSize});
    const std::size_t from = extends ? m_cachedContext.size() : 0;
    const std::vector<std::int32_t> fresh(context.begin() + static_cast<std::ptrdiff_t>(from), context.end());
    const auto n = static_cast<std::int64_t>(fresh.size());
    RecurrentOutput out = m_stack->forward(embed(fresh, 1, n), extends ? m_cachedState : RecurrentState{});
    Tensor last = slice(reshape(out.output, {n, m_config.hidden}), 0, n - 1, n); // (1, H)
    m_cachedLogits = head(last).viewAs({m_config.vocabSize});
    m_cachedState = detachedCopy(out.final);
    m_cachedContext = context;
    return m_cachedLogits.clone();
}

void RecurrentLanguageModel::setCarryState(bool on)
{
    m_carry = on;
    m_carried = {};
}

void RecurrentLanguageModel::resetState()
{
    m_carried = {};
    m_cachedContext.clear();
    m_cachedState = {};
    m_cachedLogits = Tensor();
}

Tensor RecurrentLanguageModel::logitsWithTrace(const std::vector<std::int32_t> &ids, Trace *trace)
{
    if (ids.empty())
        throw std::invalid_argument("RecurrentLanguageModel::logitsWithTrace: no tokens");
    const auto T = static_cast<std::int64_t>(ids.size());
    RecurrentOutput out = m_stack->forward(embed(ids, 1, T), RecurrentState{}, trace);
    return head(reshape(out.output, {T, m_config.hidden})); // (T, V)
}

} // namespace lm
