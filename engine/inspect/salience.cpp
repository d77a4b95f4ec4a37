#include "inspect/salience.h"

#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"

#include <stdexcept>

namespace lm {

namespace {

// The class logit at word vectors `x` (1, T, E) and its gradient with respect to them.
float logitAndGradient(EncoderModel &model, const std::vector<std::int32_t> &ids, const Tensor &x, int label,
                       std::vector<float> &gradient)
{
    Tape tape;
    float score = 0.0f;
    {
        TapeScope scope(tape);
        EncoderInput in;
        in.time = static_cast<int>(ids.size());
        in.ids = ids;
        in.wordVectors = x;
        const Tensor logits = model.classifierLogits(model.pooled(model.encode(in))); // (1, K)
        const Tensor s = slice(logits, 1, label, label + 1);
        score = s.data()[0];
        tape.backward(sum(s));
    }
    gradient.assign(x.grad(), x.grad() + x.numel());
    return score;
}

} // namespace

SalienceMap classSalience(EncoderModel &model, const std::vector<std::int32_t> &ids, int label, SalienceMethod method,
                          int steps)
{
    const EncoderConfig &c = model.encoderConfig();
    if (c.head != EncoderHead::Classify)
        throw std::invalid_argument("classSalience: the model has no classification head");
    if (label < 0 || label >= c.numLabels)
        throw std::invalid_argument("classSalience: label " + std::to_string(label) + " outside [0, " +
                                    std::to_string(c.numLabels) + ")");
    if (ids.empty() || steps < 1)
        throw std::invalid_argument("classSalience: no tokens, or fewer than one step");
    const auto T = static_cast<std::int64_t>(ids.size());
    const std::int64_t E = c.resolvedEmbeddingDim();
    // The word vectors as the model looks them up, as a leaf the tape can differentiate by.
    Tensor words;
    {
        NoGradScope noGrad;
        ParameterList params = model.parameters();
        words = embedding(params.front().tensor, ids, {1, T}).clone(); // the word embedding comes first
    }
    std::vector<float> gradient, total(static_cast<std::size_t>(T * E), 0.0f);
    SalienceMap map;
    if (method == SalienceMethod::GradientTimesInput) {
        Tensor x = words.clone();
        x.setRequiresGrad(true);
        map.score = logitAndGradient(model, ids, x, label, gradient);
        total = gradient;
    } else {
        for (int k = 0; k < steps; ++k) {
            const float alpha = (static_cast<float>(k) + 0.5f) / static_cast<float>(steps);
            Tensor x = scale(words, alpha).clone();
            x.setRequiresGrad(true);
            logitAndGradient(model, ids, x, label, gradient);
            for (std::size_t i = 0; i < total.size(); ++i)
                total[i] += gradient[i] / static_cast<float>(steps);
        }
        std::vector<float> unused;
        Tensor x = words.clone();
        x.setRequiresGrad(true);
        map.score = logitAndGradient(model, ids, x, label, unused);
        Tensor zero = Tensor::zeros({1, T, E}, true);
        map.baselineScore = logitAndGradient(model, ids, zero, label, unused);
    }
    map.values.assign(static_cast<std::size_t>(T), 0.0f);
    for (std::int64_t t = 0; t < T; ++t)
        for (std::int64_t e = 0; e < E; ++e)
            map.values[static_cast<std::size_t>(t)] += words.data()[t * E + e] * total[static_cast<std::size_t>(t * E + e)];
    return map;
}

} // namespace lm
