#include "models/tagger.h"
#include "core/init.h"

#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"
#include "models/recurrentlm.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace lm {

namespace {

std::vector<std::string> splitSpaces(const std::string &line)
{
    std::vector<std::string> out;
    std::istringstream in(line);
    std::string token;
    while (in >> token)
        out.push_back(token);
    return out;
}

} // namespace

Result<std::vector<TaggedSentence>> parseTagged(const std::string &text, const std::string &source)
{
    std::vector<TaggedSentence> sentences;
    std::istringstream in(text);
    std::string line;
    for (int lineNo = 1; std::getline(in, line); ++lineNo) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const std::vector<std::string> tokens = splitSpaces(line);
        if (tokens.empty() || tokens.front()[0] == '#')
            continue;
        const std::string where = source + ":" + std::to_string(lineNo) + ": ";
        if (tokens.size() > 1000)
            return makeError(where + "a sentence of " + std::to_string(tokens.size()) + " tokens (at most 1000)");
        TaggedSentence s;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const std::string &tok = tokens[i];
            const std::size_t slash = tok.rfind('/');
            if (slash == std::string::npos || slash + 1 == tok.size())
                return makeError(where + "token " + std::to_string(i + 1) + " '" + tok + "' has no /TAG");
            if (slash == 0)
                return makeError(where + "token " + std::to_string(i + 1) + " '" + tok + "' has no word before the /");
            s.words.push_back(tok.substr(0, slash));
            s.tags.push_back(tok.substr(slash + 1));
        }
        sentences.push_back(std::move(s));
    }
    if (sentences.empty())
        return makeError(source + ": no tagged sentence (expected lines of word/TAG tokens)");
    return sentences;
}

Result<std::vector<TaggedSentence>> loadTagged(const std::string &path)
{
    std::ifstream f(path, std::ios::binary);
    if (!f)
        return makeError(path + ": cannot open the file");
    f.seekg(0, std::ios::end);
    const auto size = static_cast<std::int64_t>(f.tellg());
    if (size < 0)
        return makeError(path + ": cannot read the file");
    if (size > (std::int64_t(256) << 20))
        return makeError(path + ": " + std::to_string(size >> 20) + " MB is more than the 256 MB a tagged file may have");
    f.seekg(0);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (!f.read(text.data(), size))
        return makeError(path + ": cannot read the file");
    return parseTagged(text, path);
}

// ---- vocabulary and batches --------------------------------------------------------------------

TagVocabulary TagVocabulary::build(const std::vector<TaggedSentence> &sentences, int minCount)
{
    std::map<std::string, int> counts;
    std::vector<std::string> order;
    TagVocabulary v;
    v.m_words = {"<pad>", "<unk>"};
    for (const auto &s : sentences) {
        for (const auto &w : s.words)
            if (counts[w]++ == 0)
                order.push_back(w);
        for (const auto &t : s.tags)
            if (v.m_tagIds.emplace(t, static_cast<std::int32_t>(v.m_tags.size())).second)
                v.m_tags.push_back(t);
    }
    for (const auto &w : order)
        if (counts[w] >= minCount)
            v.m_words.push_back(w);
    for (std::size_t i = 0; i < v.m_words.size(); ++i)
        v.m_wordIds.emplace(v.m_words[i], static_cast<std::int32_t>(i));
    return v;
}

std::int32_t TagVocabulary::wordId(const std::string &word) const
{
    const auto it = m_wordIds.find(word);
    return it == m_wordIds.end() || it->second == kPad ? kUnknown : it->second;
}

std::int32_t TagVocabulary::tagId(const std::string &tag) const
{
    const auto it = m_tagIds.find(tag);
    return it == m_tagIds.end() ? -1 : it->second;
}

std::vector<std::int32_t> TagVocabulary::encodeWords(const std::vector<std::string> &words) const
{
    std::vector<std::int32_t> ids;
    ids.reserve(words.size());
    for (const auto &w : words)
        ids.push_back(wordId(w));
    return ids;
}

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

Result<TaggedDataset> TaggedDataset::create(std::vector<TaggedSentence> sentences, TagVocabulary vocab)
{
    if (sentences.empty())
        return makeError("no tagged sentences to train on");
    TaggedDataset d;
    d.m_sentences = std::move(sentences);
    d.m_vocab = std::move(vocab);
    for (std::size_t i = 0; i < d.m_sentences.size(); ++i)
        d.m_byLength[d.m_sentences[i].words.size()].push_back(i);
    return d;
}

TokenBatch TaggedDataset::next(Rng &rng, int batch)
{
    // The length is that of a sentence drawn uniformly, so lengths are weighted by frequency.
    const std::size_t length = m_sentences[static_cast<std::size_t>(rng.below(m_sentences.size()))].words.size();
    const std::vector<std::size_t> &pool = m_byLength.at(length);
    std::vector<const TaggedSentence *> rows;
    for (int i = 0; i < batch; ++i)
        rows.push_back(&m_sentences[pool[static_cast<std::size_t>(rng.below(pool.size()))]]);
    return makeTaggedBatch(rows, m_vocab);
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
    return tagSentence(tagger, vocab, splitSpaces(text));
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
