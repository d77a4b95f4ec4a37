#include "train/finetune.h"

#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"
#include "train/objectives/sequences.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace lm {

namespace {

constexpr int kEvalBatch = 32;
constexpr std::size_t kMaxWrong = 200;

// A tagged sentence as the encoder reads it: "[CLS] pieces [SEP]" and the tag of each word at its
// first piece (kIgnore elsewhere), cut to maxLength.
struct PiecedSentence {
    TokenSequence ids, targets;
    std::vector<int> firstPiece; // per word: its first piece's position, −1 when cut off
};

PiecedSentence pieceWords(const Tokenizer &tokenizer, const EncoderSpecials &sp, const std::vector<std::string> &words,
                          const std::vector<int> &tags, int maxLength)
{
    PiecedSentence s;
    s.ids.push_back(sp.cls);
    s.targets.push_back(TokenBatch::kIgnore);
    for (std::size_t w = 0; w < words.size(); ++w) {
        TokenSequence pieces = tokenizer.encode(words[w]);
        if (pieces.empty())
            pieces.push_back(sp.unk);
        if (static_cast<int>(s.ids.size() + pieces.size()) + 1 > maxLength) {
            s.firstPiece.push_back(-1);
            continue;
        }
        s.firstPiece.push_back(static_cast<int>(s.ids.size()));
        for (std::size_t p = 0; p < pieces.size(); ++p) {
            s.ids.push_back(pieces[p]);
            s.targets.push_back(p == 0 && !tags.empty() ? tags[w] : TokenBatch::kIgnore);
        }
    }
    s.ids.push_back(sp.sep);
    s.targets.push_back(TokenBatch::kIgnore);
    return s;
}

// Rows padded to the longest.
TokenBatch padRows(const std::vector<TokenSequence> &inputs, const std::vector<TokenSequence> *targets, std::int32_t pad)
{
    TokenBatch b;
    std::size_t T = 0;
    for (const auto &r : inputs)
        T = std::max(T, r.size());
    b.batch = static_cast<int>(inputs.size());
    b.time = static_cast<int>(T);
    for (std::size_t r = 0; r < inputs.size(); ++r) {
        const std::size_t n = inputs[r].size();
        b.inputs.insert(b.inputs.end(), inputs[r].begin(), inputs[r].end());
        b.inputs.insert(b.inputs.end(), T - n, pad);
        b.paddingMask.insert(b.paddingMask.end(), n, 1);
        b.paddingMask.insert(b.paddingMask.end(), T - n, 0);
        if (targets) {
            b.targets.insert(b.targets.end(), (*targets)[r].begin(), (*targets)[r].end());
            b.targets.insert(b.targets.end(), T - n, TokenBatch::kIgnore);
        }
    }
    return b;
}

class TokenTagObjective final : public Objective {
public:
    explicit TokenTagObjective(std::vector<PiecedSentence> sentences, std::int32_t pad)
        : m_sentences(std::move(sentences)), m_pad(pad)
    {
    }
    ObjectiveKind kind() const override { return ObjectiveKind::TokenClassification; }
    TokenBatch next(Rng &rng, int batch) override
    {
        std::vector<TokenSequence> inputs, targets;
        for (int r = 0; r < batch; ++r) {
            const PiecedSentence &s = m_sentences[rng.below(m_sentences.size())];
            inputs.push_back(s.ids);
            targets.push_back(s.targets);
        }
        return padRows(inputs, &targets, m_pad);
    }

private:
    std::vector<PiecedSentence> m_sentences;
    std::int32_t m_pad;
};

std::vector<int> tagIndices(const std::vector<std::string> &tags, const std::vector<std::string> &labels)
{
    std::vector<int> out;
    for (const auto &t : tags) {
        const auto it = std::find(labels.begin(), labels.end(), t);
        out.push_back(it == labels.end() ? -1 : static_cast<int>(it - labels.begin()));
    }
    return out;
}

// Softmax rows of (B, K) logits.
std::vector<float> softmaxRow(const float *row, std::int64_t K)
{
    const float mx = *std::max_element(row, row + K);
    std::vector<float> p(static_cast<std::size_t>(K));
    float total = 0.0f;
    for (std::int64_t k = 0; k < K; ++k)
        total += p[static_cast<std::size_t>(k)] = std::exp(row[k] - mx);
    for (float &v : p)
        v /= total;
    return p;
}

Tensor headLogits(EncoderModel &model, const TokenBatch &b)
{
    EncoderInput in{b.batch, b.time, b.inputs, {}, b.paddingMask, Tensor()};
    const Tensor hidden = model.encode(in);
    if (model.encoderConfig().head == EncoderHead::Classify)
        return model.classifierLogits(model.pooled(hidden)); // (B, K)
    return model.classifierLogits(hidden);                    // (B, T, K)
}

} // namespace

double FinetuneReport::metric() const
{
    return kind == FinetuneKind::Classify ? confusion.accuracy() : entities.overall.f1;
}

const char *FinetuneReport::metricName() const { return kind == FinetuneKind::Classify ? "accuracy" : "f1"; }

Result<FinetuneSetup> prepareFinetuning(const EncoderModel &base, const Tokenizer &tokenizer, const FinetuneTask &task,
                                        const TrainConfig &config, bool fromScratch)
{
    if (task.labels.size() < 2)
        return makeError("a task needs at least two labels");
    const bool classify = task.kind == FinetuneKind::Classify;
    if (classify ? task.trainTexts.empty() : task.trainTags.empty())
        return makeError("there is no training example");
    if (classify ? task.testTexts.empty() : task.testTags.empty())
        return makeError("there is no test example");
    auto specials = findEncoderSpecials(tokenizer);
    if (!specials)
        return makeError("the model's tokenizer has " + specials.error());
    const EncoderSpecials &sp = specials.value();
    const int maxLength = std::min(config.seq, base.encoderConfig().maxSeq);
    if (maxLength < 3)
        return makeError("the window must hold at least 3 tokens");

    EncoderConfig c = base.encoderConfig();
    c.head = classify ? EncoderHead::Classify : EncoderHead::Tag;
    c.numLabels = static_cast<int>(task.labels.size());
    c.labels = task.labels;
    c.pooler = classify || c.pooler;
    c.pairHead = false;
    FinetuneSetup setup;
    try {
        if (fromScratch) {
            Rng rng(config.seed);
            setup.model = makeEncoder(c, rng);
        } else {
            setup.model = base.withHead(c, config.seed);
        }
    } catch (const std::exception &e) {
        return makeError(e.what());
    }

    std::unique_ptr<Objective> objective;
    if (classify) {
        std::vector<LabelledSequence> examples;
        for (std::size_t i = 0; i < task.trainTexts.size(); ++i) {
            const auto &e = task.trainTexts[i];
            const auto it = std::find(task.labels.begin(), task.labels.end(), e.label);
            if (it == task.labels.end())
                return makeError("training example " + std::to_string(i + 1) + " has label '" + e.label +
                                 "', not one of the task's labels");
            TokenSequence ids = tokenizer.encode(e.text);
            if (ids.empty())
                return makeError("training example " + std::to_string(i + 1) + " gives no tokens");
            examples.push_back({std::move(ids), static_cast<std::int32_t>(it - task.labels.begin())});
        }
        auto o = SequenceClassificationObjective::create(std::move(examples), c.numLabels, maxLength,
                                                         SpecialTokens{sp.pad, sp.cls, sp.sep});
        if (!o)
            return makeError(o.error());
        objective = std::make_unique<SequenceClassificationObjective>(std::move(o).value());
    } else {
        std::vector<PiecedSentence> sentences;
        for (std::size_t i = 0; i < task.trainTags.size(); ++i) {
            const std::vector<int> tags = tagIndices(task.trainTags[i].tags, task.labels);
            if (std::find(tags.begin(), tags.end(), -1) != tags.end())
                return makeError("training sentence " + std::to_string(i + 1) + " has a tag outside the task's tags");
            sentences.push_back(pieceWords(tokenizer, sp, task.trainTags[i].tokens, tags, maxLength));
        }
        objective = std::make_unique<TokenTagObjective>(std::move(sentences), sp.pad);
    }
    // The test set's labels too: evaluateFinetuning would leave such an example out, quietly.
    for (std::size_t i = 0; classify && i < task.testTexts.size(); ++i)
        if (std::find(task.labels.begin(), task.labels.end(), task.testTexts[i].label) == task.labels.end())
            return makeError("test example " + std::to_string(i + 1) + " has label '" + task.testTexts[i].label +
                             "', not one of the task's labels");
    for (std::size_t i = 0; !classify && i < task.testTags.size(); ++i) {
        const std::vector<int> tags = tagIndices(task.testTags[i].tags, task.labels);
        if (std::find(tags.begin(), tags.end(), -1) != tags.end())
            return makeError("test sentence " + std::to_string(i + 1) + " has a tag outside the task's tags");
    }
    setup.trainer = std::make_unique<Trainer>(*setup.model, std::move(objective), config);
    return setup;
}

FinetuneReport evaluateFinetuning(EncoderModel &model, const Tokenizer &tokenizer, const FinetuneTask &task,
                                  int maxLength, const CancelToken *cancel)
{
    NoGradScope noGrad;
    FinetuneReport r;
    r.kind = task.kind;
    r.labels = task.labels;
    const auto K = static_cast<int>(task.labels.size());
    r.confusion = ConfusionMatrix(std::max(K, 1));
    const EncoderSpecials sp = findEncoderSpecials(tokenizer).value();
    maxLength = std::min(maxLength, model.encoderConfig().maxSeq);
    if (task.kind == FinetuneKind::Classify) {
        for (std::size_t first = 0; first < task.testTexts.size(); first += kEvalBatch) {
            if (cancel && cancel->isCancelled())
                break;
            const std::size_t last = std::min(task.testTexts.size(), first + kEvalBatch);
            std::vector<TokenSequence> rows;
            for (std::size_t i = first; i < last; ++i)
                rows.push_back(encodeForEncoder(tokenizer, task.testTexts[i].text, std::nullopt, maxLength).ids);
            const Tensor logits = headLogits(model, padRows(rows, nullptr, sp.pad)); // (B, K)
            for (std::size_t i = first; i < last; ++i) {
                const auto p = softmaxRow(logits.data() + static_cast<std::int64_t>(i - first) * K, K);
                const int predicted = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
                const auto it = std::find(task.labels.begin(), task.labels.end(), task.testTexts[i].label);
                if (it == task.labels.end())
                    continue;
                const int gold = static_cast<int>(it - task.labels.begin());
                r.confusion.add(gold, predicted);
                if (gold != predicted)
                    r.wrong.push_back({task.testTexts[i].text, gold, predicted, p[static_cast<std::size_t>(predicted)]});
            }
        }
        std::stable_sort(r.wrong.begin(), r.wrong.end(),
                         [](const WrongExample &a, const WrongExample &b) { return a.confidence > b.confidence; });
        if (r.wrong.size() > kMaxWrong)
            r.wrong.resize(kMaxWrong);
        return r;
    }
    std::vector<std::vector<std::string>> gold, predicted;
    for (std::size_t first = 0; first < task.testTags.size(); first += kEvalBatch) {
        if (cancel && cancel->isCancelled())
            break;
        const std::size_t last = std::min(task.testTags.size(), first + kEvalBatch);
        std::vector<PiecedSentence> pieced;
        std::vector<TokenSequence> rows;
        for (std::size_t i = first; i < last; ++i) {
            pieced.push_back(pieceWords(tokenizer, sp, task.testTags[i].tokens, {}, maxLength));
            rows.push_back(pieced.back().ids);
        }
        const TokenBatch b = padRows(rows, nullptr, sp.pad);
        const Tensor logits = headLogits(model, b); // (B, T, K)
        for (std::size_t i = first; i < last; ++i) {
            const PiecedSentence &s = pieced[i - first];
            std::vector<std::string> tags;
            for (int pos : s.firstPiece) {
                if (pos < 0) {
                    tags.push_back("O");
                    continue;
                }
                const float *row = logits.data() + (static_cast<std::int64_t>(i - first) * b.time + pos) * K;
                tags.push_back(task.labels[static_cast<std::size_t>(std::max_element(row, row + K) - row)]);
            }
            gold.push_back(task.testTags[i].tags);
            predicted.push_back(std::move(tags));
        }
    }
    r.entities = entityF1(gold, predicted);
    return r;
}

std::vector<float> classifyText(EncoderModel &model, const Tokenizer &tokenizer, const std::string &text, int maxLength)
{
    NoGradScope noGrad;
    const EncoderSpecials sp = findEncoderSpecials(tokenizer).value();
    const auto ids = encodeForEncoder(tokenizer, text, std::nullopt, std::min(maxLength, model.encoderConfig().maxSeq)).ids;
    const Tensor logits = headLogits(model, padRows({ids}, nullptr, sp.pad));
    return softmaxRow(logits.data(), logits.size(-1));
}

std::vector<int> tagWords(EncoderModel &model, const Tokenizer &tokenizer, const std::vector<std::string> &words,
                          int maxLength)
{
    NoGradScope noGrad;
    const EncoderSpecials sp = findEncoderSpecials(tokenizer).value();
    const PiecedSentence s = pieceWords(tokenizer, sp, words, {}, std::min(maxLength, model.encoderConfig().maxSeq));
    const TokenBatch b = padRows({s.ids}, nullptr, sp.pad);
    const Tensor logits = headLogits(model, b);
    const std::int64_t K = logits.size(-1);
    std::vector<int> tags;
    for (int pos : s.firstPiece) {
        if (pos < 0) {
            tags.push_back(-1);
            continue;
        }
        const float *row = logits.data() + static_cast<std::int64_t>(pos) * K;
        tags.push_back(static_cast<int>(std::max_element(row, row + K) - row));
    }
    return tags;
}

} // namespace lm
