#include "train/objectives/pretraining.h"

#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"
#include "models/encoder/encoder.h"

#include <cmath>
#include <limits>

namespace lm {

std::vector<std::vector<std::string>> splitDocuments(const std::string &text)
{
    std::vector<std::vector<std::string>> documents(1);
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) {
            if (!documents.back().empty())
                documents.emplace_back();
        } else {
            documents.back().push_back(std::move(line));
        }
        pos = end + 1;
    }
    if (documents.back().empty())
        documents.pop_back();
    return documents;
}

Result<EncoderPretraining> EncoderPretraining::create(const std::vector<std::vector<TokenSequence>> &documents,
                                                      PairTask task, int seq, int vocabSize,
                                                      const PretrainingTokens &tokens, MaskingRule rule)
{
    if (seq < 5)
        return makeError("encoder pre-training needs a window of at least 5 tokens");
    std::vector<std::int32_t> stream;
    for (const auto &d : documents)
        for (const auto &s : d)
            stream.insert(stream.end(), s.begin(), s.end());
    auto masking = MaskedLmObjective::create(std::move(stream), seq - 2, vocabSize, tokens.mask, tokens.special, rule);
    if (!masking)
        return makeError(masking.error());
    EncoderPretraining o;
    o.m_task = task;
    o.m_seq = seq;
    o.m_tokens = tokens;
    o.m_masking = std::make_shared<MaskedLmObjective>(std::move(masking).value());
    if (task != PairTask::None) {
        auto pairs = SentencePairObjective::create(
            documents, task == PairTask::NextSentence ? SentencePairObjective::Task::NextSentence
                                                      : SentencePairObjective::Task::SentenceOrder,
            seq, SpecialTokens{tokens.pad, tokens.cls, tokens.sep});
        if (!pairs)
            return makeError(pairs.error());
        o.m_pairs = std::make_shared<SentencePairObjective>(std::move(pairs).value());
    }
    return o;
}

TokenBatch EncoderPretraining::next(Rng &rng, int batch)
{
    if (m_pairs) {
        TokenBatch b = m_pairs->next(rng, batch);
        const auto T = static_cast<std::size_t>(b.time);
        b.targets.assign(b.inputs.size(), TokenBatch::kIgnore);
        for (std::size_t r = 0; r < static_cast<std::size_t>(b.batch); ++r) {
            const std::vector<std::int32_t> row(b.inputs.begin() + static_cast<std::ptrdiff_t>(r * T),
                                                b.inputs.begin() + static_cast<std::ptrdiff_t>((r + 1) * T));
            const TokenBatch c = m_masking->corrupt(row, rng); // specials and padding never picked
            std::copy(c.inputs.begin(), c.inputs.end(), b.inputs.begin() + static_cast<std::ptrdiff_t>(r * T));
            std::copy(c.targets.begin(), c.targets.end(), b.targets.begin() + static_cast<std::ptrdiff_t>(r * T));
        }
        return b;
    }
    // "[CLS] window [SEP]" rows, all of length T.
    const TokenBatch w = m_masking->next(rng, batch);
    const auto inner = static_cast<std::size_t>(m_seq - 2);
    TokenBatch b;
    b.batch = batch;
    b.time = m_seq;
    for (std::size_t r = 0; r < static_cast<std::size_t>(batch); ++r) {
        b.inputs.push_back(m_tokens.cls);
        b.targets.push_back(TokenBatch::kIgnore);
        b.inputs.insert(b.inputs.end(), w.inputs.begin() + static_cast<std::ptrdiff_t>(r * inner),
                        w.inputs.begin() + static_cast<std::ptrdiff_t>((r + 1) * inner));
        b.targets.insert(b.targets.end(), w.targets.begin() + static_cast<std::ptrdiff_t>(r * inner),
                         w.targets.begin() + static_cast<std::ptrdiff_t>((r + 1) * inner));
        b.inputs.push_back(m_tokens.sep);
        b.targets.push_back(TokenBatch::kIgnore);
    }
    return b;
}

PretrainingScores scorePretraining(EncoderModel &model, const TokenBatch &batch)
{
    NoGradScope noGrad;
    EncoderInput in{batch.batch, batch.time, batch.inputs, batch.tokenTypes, batch.paddingMask, Tensor()};
    const Tensor hidden = model.encode(in);
    const std::int64_t B = batch.batch, T = batch.time, H = hidden.size(2);
    PretrainingScores s;
    s.pairAccuracy = s.pairLoss = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::int32_t> rows, targets;
    for (std::size_t i = 0; i < batch.targets.size(); ++i)
        if (batch.targets[i] != TokenBatch::kIgnore) {
            rows.push_back(static_cast<std::int32_t>(i));
            targets.push_back(batch.targets[i]);
        }
    s.maskedPositions = static_cast<int>(rows.size());
    if (!rows.empty() && model.hasMaskedLmHead()) {
        const Tensor logits = model.maskedLmLogits(
            embedding(reshape(hidden, {B * T, H}), rows, {static_cast<std::int64_t>(rows.size())}));
        s.maskedLoss = crossEntropy(logits, targets).item();
        const std::int64_t V = logits.size(1);
        int right = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const float *row = logits.data() + static_cast<std::int64_t>(i) * V;
            right += std::max_element(row, row + V) - row == targets[i];
        }
        s.maskedAccuracy = static_cast<double>(right) / static_cast<double>(rows.size());
    }
    if (!batch.labels.empty() && model.hasPairHead()) {
        const Tensor logits = model.pairLogits(model.pooled(hidden));
        s.pairLoss = crossEntropy(logits, batch.labels).item();
        int right = 0;
        for (std::int64_t r = 0; r < B; ++r)
            right += (logits.data()[2 * r + 1] > logits.data()[2 * r] ? 1 : 0) == batch.labels[static_cast<std::size_t>(r)];
        s.pairAccuracy = static_cast<double>(right) / static_cast<double>(B);
    }
    return s;
}

} // namespace lm
