#include "models/recurrent/tagger.h"
#include "core/init.h"

#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"
#include "models/recurrent/recurrentlm.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace lm {


TokenBatch makeTaggedBatch(const std::vector<const TaggedSentence *> &rows, const TagVocabulary &vocab)
{
    TokenBatch b;
    b.batch = static_cast<int>(rows.size());
    for (const TaggedSentence *s : rows)
        b.time = std::max(b.time, static_cast<int>(s->words.size()));
    b.inputs.assign(static_cast<std::size_t>(b.batch) * b.time, TagVocabulary::kPad);
    b.targets.assign(b.inputs.size(), -100);
    for (int r = 0; r < b.batch; ++r) {
        const TaggedSentence &s = *rows[static_cast<std::size_t>(r)];
        for (std::size_t t = 0; t < s.words.size(); ++t) {
            const std::size_t at = static_cast<std::size_t>(r) * b.time + t;
            b.inputs[at] = vocab.wordId(s.words[t]);
            const std::int32_t tag = t < s.tags.size() ? vocab.tagId(s.tags[t]) : -1;
            b.targets[at] = tag < 0 ? -100 : tag;
        }
    }
    return b;
}

// ---- the model ---------------------------------------------------------------------------------

nlohmann::json TaggerConfig::toJson() const
{
    return {{"arch", std::string(cellName(kind)) + "-tagger"},
            {"vocab_size", vocabSize},
            {"tag_count", tagCount},
            {"dim", dim},
            {"hidden", hidden},
            {"layers", layers},
            {"bidirectional", bidirectional}};
}

Result<TaggerConfig> TaggerConfig::fromJson(const nlohmann::json &j)
{
    if (!j.is_object())
        return makeError("tagger config is not a JSON object");
    TaggerConfig c;
    std::string arch = j.contains("arch") && j["arch"].is_string() ? j["arch"].get<std::string>() : "";
    const std::string suffix = "-tagger";
    const bool hasSuffix = arch.size() > suffix.size() && arch.compare(arch.size() - suffix.size(), suffix.size(), suffix) == 0;
    const auto kind = hasSuffix ? cellKindFromName(arch.substr(0, arch.size() - suffix.size())) : std::nullopt;
    if (!kind)
        return makeError("tagger config: 'arch' must be \"rnn-tagger\", \"lstm-tagger\" or \"gru-tagger\"");
    c.kind = *kind;
    struct Field {
        const char *name;
        int *slot;
        int lo, hi;
    };
    const Field fields[] = {{"vocab_size", &c.vocabSize, 2, 1 << 22}, {"tag_count", &c.tagCount, 1, 4096},
                            {"dim", &c.dim, 1, 4096},                 {"hidden", &c.hidden, 1, 4096},
                            {"layers", &c.layers, 1, 16}};
    for (const Field &f : fields) {
        if (!j.contains(f.name) || !j[f.name].is_number_integer())
            return makeError(std::string("tagger config: '") + f.name + "' must be an integer");
        const auto v = j[f.name].get<std::int64_t>();
        if (v < f.lo || v > f.hi)
            return makeError(std::string("tagger config: '") + f.name + "' = " + std::to_string(v) + " is outside " +
                             std::to_string(f.lo) + ".." + std::to_string(f.hi));
        *f.slot = static_cast<int>(v);
    }
    if (!j.contains("bidirectional") || !j["bidirectional"].is_boolean())
        return makeError("tagger config: 'bidirectional' must be true or false");
    c.bidirectional = j["bidirectional"].get<bool>();
    return c;
}

RecurrentTagger::RecurrentTagger(const TaggerConfig &config, Rng &rng) : m_config(config)
{
    if (config.vocabSize < 2 || config.tagCount < 1 || config.dim < 1 || config.hidden < 1 || config.layers < 1)
        throw std::invalid_argument("RecurrentTagger: bad config " + config.toJson().dump());
    m_embedding = Tensor::zeros({config.vocabSize, config.dim}, true);
    initNormal(m_embedding, 0.0f, 1.0f, rng);
    RecurrentConfig rc;
    rc.kind = config.kind;
    rc.inputSize = config.dim;
    rc.hidden = config.hidden;
    rc.layers = config.layers;
    rc.bidirectional = config.bidirectional;
    m_stack = std::make_unique<RecurrentStack>(rc, rng);
    const int in = m_stack->directions() * config.hidden;
    m_headWeight = Tensor::zeros({config.tagCount, in}, true);
    m_headBias = Tensor::zeros({config.tagCount}, true);
    initLinear(m_headWeight, m_headBias, rng);
}

ParameterList RecurrentTagger::parameters() const
{
    ParameterList p{{"embedding.weight", m_embedding}};
    for (auto &r : m_stack->parameters("rnn."))
        p.push_back(r);
    p.push_back({"head.weight", m_headWeight});
    p.push_back({"head.bias", m_headBias});
    return p;
}

Tensor RecurrentTagger::logits(const std::vector<std::int32_t> &inputs, int batch, int time, Trace *trace) const
{
    if (batch < 1 || time < 1 || inputs.size() != static_cast<std::size_t>(batch) * time)
        throw std::invalid_argument("RecurrentTagger::logits: " + std::to_string(inputs.size()) +
                                    " ids do not make (B, T) = (" + std::to_string(batch) + ", " + std::to_string(time) +
                                    ")");
    Tensor x = embedding(m_embedding, inputs, {batch, time});    // (B, T, dim)
    RecurrentOutput out = m_stack->forward(x, RecurrentState{}, trace); // (B, T, D·H)
    return linear(out.output, m_headWeight, m_headBias);              // (B, T, K)
}

Tensor RecurrentTagger::loss(const TokenBatch &batch)
{
    if (batch.targets.size() != batch.inputs.size())
        throw std::invalid_argument("RecurrentTagger::loss: inputs and targets differ in size");
    Tensor y = logits(batch.inputs, batch.batch, batch.time);
    return crossEntropy(reshape(y, {static_cast<std::int64_t>(batch.batch) * batch.time, m_config.tagCount}),
                        batch.targets);
}

std::vector<std::int32_t> RecurrentTagger::predict(const std::vector<std::int32_t> &wordIds) const
{
    if (wordIds.empty())
        return {};
    NoGradScope noGrad;
    const Tensor y = logits(wordIds, 1, static_cast<int>(wordIds.size())); // (1, T, K)
    const int K = m_config.tagCount;
    std::vector<std::int32_t> tags;
    for (std::size_t t = 0; t < wordIds.size(); ++t) {
        const float *row = y.data() + t * static_cast<std::size_t>(K);
        tags.push_back(static_cast<std::int32_t>(std::max_element(row, row + K) - row));
    }
    return tags;
}

std::vector<std::string> tagSentence(const RecurrentTagger &tagger, const TagVocabulary &vocab,
                                     const std::vector<std::string> &words)
{
    std::vector<std::string> out;
    for (std::int32_t id : tagger.predict(vocab.encodeWords(words)))
        out.push_back(id < vocab.tagCount() ? vocab.tags()[static_cast<std::size_t>(id)] : "?");
    return out;
}

std::vector<std::string> tagSentence(const RecurrentTagger &tagger, const TagVocabulary &vocab, const std::string &text)
{
    return tagSentence(tagger, vocab, splitOnSpaces(text));
}

double taggingAccuracy(const RecurrentTagger &tagger, const TagVocabulary &vocab,
                       const std::vector<TaggedSentence> &sentences)
{
    NoGradScope noGrad;
    std::map<std::size_t, std::vector<const TaggedSentence *>> byLength;
    for (const auto &s : sentences)
        if (!s.words.empty())
            byLength[s.words.size()].push_back(&s);
    std::int64_t right = 0, total = 0;
    const int K = tagger.config().tagCount;
    for (const auto &[length, rows] : byLength) {
        const TokenBatch b = makeTaggedBatch(rows, vocab);
        const Tensor y = tagger.logits(b.inputs, b.batch, b.time); // (B, T, K)
        for (std::size_t i = 0; i < b.targets.size(); ++i) {
            const float *row = y.data() + i * static_cast<std::size_t>(K);
            const auto guess = static_cast<std::int32_t>(std::max_element(row, row + K) - row);
            right += b.targets[i] >= 0 && guess == b.targets[i];
            ++total;
        }
    }
    return total ? static_cast<double>(right) / static_cast<double>(total) : 0.0;
}

} // namespace lm
