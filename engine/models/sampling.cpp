#include "models/sampling.h"

#include "models/architecture.h"

#include "core/tape.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace lm {

std::int32_t sampleToken(const float *logits, std::int64_t vocab, const SamplingOptions &o, Rng &rng)
{
    if (vocab <= 0)
        throw std::invalid_argument("sampleToken: no logits");
    if (!(o.temperature >= 0.0f) || o.topK < 0 || !(o.topP > 0.0f && o.topP <= 1.0f))
        throw std::invalid_argument("sampleToken: temperature must be >= 0, top-k >= 0 and top-p in (0, 1]");
    if (o.temperature == 0.0f)
        return static_cast<std::int32_t>(std::max_element(logits, logits + vocab) - logits);
    // Candidates sorted by logit, best first; cut by top-k, then softmax at the temperature.
    std::vector<std::int32_t> order(static_cast<std::size_t>(vocab));
    std::iota(order.begin(), order.end(), 0);
    const std::size_t keepK = o.topK > 0 ? std::min<std::size_t>(static_cast<std::size_t>(o.topK), order.size()) : order.size();
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keepK), order.end(),
                      [&](std::int32_t a, std::int32_t b) { return logits[a] > logits[b] || (logits[a] == logits[b] && a < b); });
    order.resize(keepK);
    std::vector<double> p(order.size());
    const double top = logits[order.front()];
    double total = 0.0;
    for (std::size_t i = 0; i < order.size(); ++i)
        total += (p[i] = std::exp((logits[order[i]] - top) / o.temperature));
    // Nucleus: the shortest prefix whose mass reaches topP.
    std::size_t keep = order.size();
    if (o.topP < 1.0f) {
        double mass = 0.0;
        for (std::size_t i = 0; i < order.size(); ++i) {
            mass += p[i] / total;
            if (mass >= o.topP) {
                keep = i + 1;
                break;
            }
        }
    }
    double kept = 0.0;
    for (std::size_t i = 0; i < keep; ++i)
        kept += p[i];
    double u = rng.uniform() * kept;
    for (std::size_t i = 0; i < keep; ++i) {
        u -= p[i];
        if (u < 0.0)
            return order[i];
    }
    return order[keep - 1];
}

std::vector<std::int32_t> generateTokens(LanguageModel &model, const std::vector<std::int32_t> &prompt, int maxNew,
                                         const SamplingOptions &options, const std::function<bool(std::int32_t)> &onToken)
{
    // Writing one token after another needs a model that reads causally (the table's traits).
    if (const Architecture *family = findArchitecture(model.arch()); family && family->traits.direction != Direction::Causal)
        throw std::invalid_argument(model.arch() + " reads the whole text at once and does not generate text token by token");
    NoGradScope noGrad;
    Rng rng(options.seed);
    std::vector<std::int32_t> ids = prompt, out;
    for (int i = 0; i < maxNew; ++i) {
        const Tensor logits = model.nextTokenLogits(ids);
        const std::int32_t next = sampleToken(logits.data(), logits.numel(), options, rng);
        ids.push_back(next);
        out.push_back(next);
        if (onToken && !onToken(next))
            break;
    }
    return out;
}

std::string generateText(LanguageModel &model, const Tokenizer &tokenizer, const std::string &prompt, int maxNew,
                         const SamplingOptions &options)
{
    return tokenizer.decode(generateTokens(model, tokenizer.encode(prompt), maxNew, options));
}

} // namespace lm
