#include "train/objectives/contrastive.h"

#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"
#include "models/encoder/encoder.h"
#include "text/specialtokens.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>

namespace lm {

Tensor maskedMeanPool(const Tensor &hidden, const std::vector<std::uint8_t> &mask)
{
    if (hidden.shape().size() != 3)
        throw std::invalid_argument("maskedMeanPool: hidden must be (B, T, H)");
    const std::int64_t B = hidden.shape()[0], T = hidden.shape()[1], H = hidden.shape()[2];
    if (!mask.empty() && static_cast<std::int64_t>(mask.size()) != B * T)
        throw std::invalid_argument("maskedMeanPool: the mask has " + std::to_string(mask.size()) + " entries, not B·T = " +
                                    std::to_string(B * T));
    // weights (B, 1, T): 1/count at real tokens, so weights · hidden is each row's mean.
    std::vector<float> w(static_cast<std::size_t>(B * T), 0.0f);
    for (std::int64_t b = 0; b < B; ++b) {
        int count = 0;
        for (std::int64_t t = 0; t < T; ++t)
            count += mask.empty() || mask[static_cast<std::size_t>(b * T + t)] ? 1 : 0;
        for (std::int64_t t = 0; t < T && count > 0; ++t)
            if (mask.empty() || mask[static_cast<std::size_t>(b * T + t)])
                w[static_cast<std::size_t>(b * T + t)] = 1.0f / float(count);
    }
    const Tensor weights = Tensor::fromVector({B, 1, T}, w);
    return reshape(matmul(weights, hidden), {B, H});
}

Result<ContrastivePairs> ContrastivePairs::create(
    std::vector<std::pair<std::vector<std::int32_t>, std::vector<std::int32_t>>> pairs, std::int32_t pad, int seq,
    float temperature)
{
    if (pairs.size() < 2)
        return makeError("contrastive training needs at least 2 sentence pairs (got " + std::to_string(pairs.size()) + ")");
    if (!(temperature > 0.0f))
        return makeError("the contrastive temperature must be above 0");
    for (std::size_t i = 0; i < pairs.size(); ++i)
        for (const auto *s : {&pairs[i].first, &pairs[i].second}) {
            if (s->empty())
                return makeError("sentence pair " + std::to_string(i + 1) + " has an empty sentence");
            if (static_cast<int>(s->size()) > seq)
                return makeError("sentence pair " + std::to_string(i + 1) + " has a sentence of " +
                                 std::to_string(s->size()) + " tokens, longer than " + std::to_string(seq));
        }
    ContrastivePairs o;
    o.m_pairs = std::move(pairs);
    o.m_pad = pad;
    o.m_seq = seq;
    o.m_temperature = temperature;
    return o;
}

TokenBatch ContrastivePairs::next(Rng &rng, int batch)
{
    const int B = std::min<int>(batch, static_cast<int>(m_pairs.size()));
    // B distinct pairs: a partial Fisher–Yates draw over the pair indices.
    std::vector<std::size_t> picked;
    picked.reserve(static_cast<std::size_t>(B));
    std::vector<std::size_t> order(m_pairs.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    for (int i = 0; i < B; ++i) {
        const std::size_t j = static_cast<std::size_t>(i) + rng.below(order.size() - static_cast<std::size_t>(i));
        std::swap(order[static_cast<std::size_t>(i)], order[j]);
        picked.push_back(order[static_cast<std::size_t>(i)]);
    }
    std::size_t T = 0;
    for (std::size_t k : picked)
        T = std::max({T, m_pairs[k].first.size(), m_pairs[k].second.size()});
    TokenBatch out;
    out.batch = 2 * B;
    out.time = static_cast<int>(T);
    const auto append = [&](const std::vector<std::int32_t> &row) {
        out.inputs.insert(out.inputs.end(), row.begin(), row.end());
        out.inputs.insert(out.inputs.end(), T - row.size(), m_pad);
        out.paddingMask.insert(out.paddingMask.end(), row.size(), 1);
        out.paddingMask.insert(out.paddingMask.end(), T - row.size(), 0);
    };
    for (std::size_t k : picked)
        append(m_pairs[k].first);
    for (std::size_t k : picked)
        append(m_pairs[k].second);
    return out;
}

Result<ContrastivePairs> makeContrastivePairs(const Tokenizer &tokenizer, const std::vector<SentencePair> &pairs, int seq,
                                              float temperature)
{
    const auto sp = findEncoderSpecials(tokenizer);
    if (!sp)
        return makeError("the tokenizer has " + sp.error());
    if (seq < 3)
        return makeError("contrastive rows need seq >= 3 (got " + std::to_string(seq) + ")");
    std::vector<std::pair<std::vector<std::int32_t>, std::vector<std::int32_t>>> rows;
    rows.reserve(pairs.size());
    for (std::size_t i = 0; i < pairs.size(); ++i) {
        try {
            rows.emplace_back(encodeForEncoder(tokenizer, pairs[i].first, std::nullopt, seq).ids,
                              encodeForEncoder(tokenizer, pairs[i].second, std::nullopt, seq).ids);
        } catch (const std::exception &e) {
            return makeError("sentence pair " + std::to_string(i + 1) + ": " + e.what());
        }
    }
    return ContrastivePairs::create(std::move(rows), sp.value().pad, seq, temperature);
}

namespace {

// (2B, H) pooled rows -> the similarity logits (B, B): unit rows, a_i · b_j / τ.
Tensor similarityLogits(EncoderModel &encoder, const TokenBatch &batch, float temperature, bool training)
{
    if (batch.batch % 2 != 0 || batch.batch < 2)
        throw std::invalid_argument("contrastive batch: " + std::to_string(batch.batch) + " rows, not 2·B");
    EncoderInput in;
    in.batch = batch.batch;
    in.time = batch.time;
    in.ids = batch.inputs;
    in.paddingMask = batch.paddingMask;
    const Tensor pooled = maskedMeanPool(encoder.encode(in, nullptr, training), batch.paddingMask);
    const std::int64_t H = pooled.shape()[1], B = batch.batch / 2;
    // rmsNorm with unit weights gives x·√H/‖x‖, so a row dot product over H is the cosine.
    const Tensor unit = rmsNorm(pooled, Tensor::full({H}, 1.0f), 1e-12f);
    const Tensor a = slice(unit, 0, 0, B), b = slice(unit, 0, B, 2 * B);
    return scale(matmul(a, b, true), 1.0f / (float(H) * temperature));
}

std::vector<std::int32_t> diagonal(std::int64_t B)
{
    std::vector<std::int32_t> t(static_cast<std::size_t>(B));
    std::iota(t.begin(), t.end(), 0);
    return t;
}

} // namespace

Tensor ContrastivePairs::loss(TrainableModel &model, const TokenBatch &batch)
{
    auto *encoder = dynamic_cast<EncoderModel *>(&model);
    if (!encoder)
        throw std::invalid_argument("contrastive training needs an encoder-only model");
    const Tensor logits = similarityLogits(*encoder, batch, m_temperature, true);
    const auto targets = diagonal(logits.shape()[0]);
    return scale(add(crossEntropy(logits, targets), crossEntropy(transpose(logits, 0, 1), targets)), 0.5f);
}

ContrastiveScores scoreContrastive(EncoderModel &model, const TokenBatch &batch, float temperature)
{
    NoGradScope noGrad;
    const Tensor logits = similarityLogits(model, batch, temperature, false);
    const std::int64_t B = logits.shape()[0];
    const auto targets = diagonal(B);
    ContrastiveScores s;
    s.loss = 0.5 * (double(crossEntropy(logits, targets).item()) +
                    double(crossEntropy(transpose(logits, 0, 1), targets).item()));
    int right = 0;
    for (std::int64_t i = 0; i < B; ++i) {
        const float *row = logits.data() + i * B;
        right += std::max_element(row, row + B) - row == i ? 1 : 0;
    }
    s.accuracy = double(right) / double(B);
    return s;
}

} // namespace lm
