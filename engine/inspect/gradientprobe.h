#pragma once
// How far back a gradient reaches: run a recurrent stack over a random sequence, put the loss on
// the last step only, and read |dL/dh_t| for every earlier step t from the backward pass. A
// vanilla RNN's norms shrink (or grow) geometrically with the distance; an LSTM's and a GRU's
// gates let them carry much further. That is the vanishing / exploding gradient problem, measured.
#include "models/recurrent/recurrent.h"

#include <vector>

namespace lm {

struct GradientProbe {
    CellKind kind = CellKind::Rnn;
    int steps = 100;        // T
    int hidden = 64;        // H
    int inputSize = 16;     // I
    int layers = 1;
    float weightScale = 1.0f; // multiplies W_hh after PyTorch's init: > 1 pushes towards exploding
    float forgetBias = 1.0f;  // LSTM only: added to the forget gate's bias, the usual practice
                              // (Jozefowicz et al. 2015); 0 keeps PyTorch's init
    std::uint64_t seed = 1;
};

// |dL/dh_t| of the last layer for t = 0 … T−1 (the loss sits at T−1). Throws
// std::invalid_argument for non-positive sizes.
std::vector<float> gradientThroughTime(const GradientProbe &probe);

} // namespace lm
