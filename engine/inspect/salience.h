#pragma once
// "Why this label": how much each input token moved an encoder classifier's score for a class
// (the class's logit), as a map over the tokens.
//   gradient × input       Σ_e x_te · ∂s/∂x_te over token t's word vector x_t (Shrikumar et al.)
//   integrated gradients   Σ_e x_te · mean over α of ∂s/∂x_te at α·x (baseline: zero word vectors,
//                          positions and token types kept), `steps` midpoints α = (k + ½)/steps
//                          (Sundararajan et al. 2017); the values add up to s(x) − s(0) as steps grow.
#include "models/encoder/encoder.h"

#include <vector>

namespace lm {

enum class SalienceMethod { GradientTimesInput, IntegratedGradients };

struct SalienceMap {
    std::vector<float> values; // (T) one per token of ids, signed: > 0 pushed towards the class
    float score = 0.0f;        // the class's logit at the input
    float baselineScore = 0.0f; // integrated gradients: the logit at the zero baseline
};

// ids: one sequence as the encoder reads it ("[CLS] … [SEP]"). The model needs the classify
// head; label in [0, K). Throws std::invalid_argument otherwise (and as encode() does).
SalienceMap classSalience(EncoderModel &model, const std::vector<std::int32_t> &ids, int label, SalienceMethod method,
                          int steps = 32);

} // namespace lm
