// The state-space families' generation (models/stepwisemodel.h).
#include "models/stepwisemodel.h"

#include "core/tape.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace lm {

void StepwiseLanguageModel::checkIds(const std::vector<std::int32_t> &ids, const char *who) const
{
    for (std::int32_t id : ids)
        if (id < 0 || id >= vocabSize())
            throw std::invalid_argument(std::string(who) + ": token id " + std::to_string(id) + " outside [0, " +
                                        std::to_string(vocabSize()) + ")");
}

void StepwiseLanguageModel::checkBatch(const TokenBatch &batch, const char *who) const
{
    const int B = batch.batch, T = batch.time;
    if (B < 1 || T < 1 || batch.inputs.size() != static_cast<std::size_t>(B) * T ||
        batch.targets.size() != batch.inputs.size())
        throw std::invalid_argument(std::string(who) + ": batch sizes do not match (B, T) = (" + std::to_string(B) +
                                    ", " + std::to_string(T) + ")");
    checkIds(batch.inputs, who);
}

void StepwiseLanguageModel::dropState()
{
    m_stateContext.clear();
    m_stateLogits = Tensor();
    releaseState();
}

Tensor StepwiseLanguageModel::nextTokenLogits(const std::vector<std::int32_t> &context)
{
    NoGradScope noGrad;
    if (context.empty())
        return Tensor::zeros({vocabSize()});
    checkIds(context, "nextTokenLogits");
    const bool extends = !m_stateContext.empty() && context.size() >= m_stateContext.size() &&
                         std::equal(m_stateContext.begin(), m_stateContext.end(), context.begin());
    if (!extends) {
        dropState();
        startState();
        m_stateLogits = Tensor::zeros({vocabSize()});
    }
    for (std::size_t i = extends ? m_stateContext.size() : 0; i < context.size(); ++i) {
        step(context[i], m_stateLogits.data());
        m_stateContext.push_back(context[i]);
    }
    return m_stateLogits.clone();
}

} // namespace lm
