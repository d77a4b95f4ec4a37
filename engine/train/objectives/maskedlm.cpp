#include "train/objectives/maskedlm.h"

#include <algorithm>

namespace lm {

Result<MaskedLmObjective> MaskedLmObjective::create(std::vector<std::int32_t> ids, int seq, int vocabSize,
                                                    std::int32_t maskId, std::set<std::int32_t> special, MaskingRule rule)
{
    if (seq < 1)
        return makeError("the window must hold at least one token");
    if (ids.size() < static_cast<std::size_t>(seq))
        return makeError("the text has " + std::to_string(ids.size()) + " tokens, fewer than one window of " +
                         std::to_string(seq));
    if (maskId < 0 || maskId >= vocabSize)
        return makeError("the mask token " + std::to_string(maskId) + " is outside the vocabulary");
    const auto share = [](double v) { return v >= 0.0 && v <= 1.0; };
    if (!share(rule.pick) || !share(rule.mask) || !share(rule.random) || rule.mask + rule.random > 1.0)
        return makeError("masking shares must lie in [0, 1], with mask + random at most 1");
    special.insert(maskId);
    MaskedLmObjective o;
    o.m_ids = std::move(ids);
    o.m_seq = seq;
    o.m_vocabSize = vocabSize;
    o.m_maskId = maskId;
    o.m_special = std::move(special);
    o.m_rule = rule;
    for (std::int32_t t = 0; t < vocabSize; ++t)
        if (!o.m_special.count(t))
            o.m_ordinary.push_back(t);
    if (o.m_ordinary.empty())
        return makeError("the vocabulary has no ordinary token to mask");
    return o;
}

TokenBatch MaskedLmObjective::corrupt(const std::vector<std::int32_t> &window, Rng &rng) const
{
    TokenBatch b;
    b.batch = 1;
    b.time = static_cast<int>(window.size());
    b.inputs = window;
    b.targets.assign(window.size(), TokenBatch::kIgnore);
    std::vector<std::size_t> candidates;
    for (std::size_t t = 0; t < window.size(); ++t)
        if (!m_special.count(window[t]))
            candidates.push_back(t);
    bool any = false;
    for (std::size_t t : candidates) {
        if (rng.uniform() >= m_rule.pick)
            continue;
        any = true;
        b.targets[t] = window[t];
        const double u = rng.uniform();
        if (u < m_rule.mask)
            b.inputs[t] = m_maskId;
        else if (u < m_rule.mask + m_rule.random)
            b.inputs[t] = m_ordinary[rng.below(m_ordinary.size())];
    }
    if (!any && !candidates.empty()) { // a short window still teaches something
        const std::size_t t = candidates[rng.below(candidates.size())];
        b.targets[t] = window[t];
        b.inputs[t] = m_maskId;
    }
    return b;
}

TokenBatch MaskedLmObjective::next(Rng &rng, int batch)
{
    TokenBatch b;
    b.batch = batch;
    b.time = m_seq;
    const std::size_t starts = m_ids.size() - static_cast<std::size_t>(m_seq) + 1;
    for (int r = 0; r < batch; ++r) {
        const std::size_t s = rng.below(starts);
        const std::vector<std::int32_t> window(m_ids.begin() + static_cast<std::ptrdiff_t>(s),
                                               m_ids.begin() + static_cast<std::ptrdiff_t>(s) + m_seq);
        const TokenBatch row = corrupt(window, rng);
        b.inputs.insert(b.inputs.end(), row.inputs.begin(), row.inputs.end());
        b.targets.insert(b.targets.end(), row.targets.begin(), row.targets.end());
    }
    return b;
}

} // namespace lm
