#pragma once
// One Mamba mixer: the body of a Mamba block between its RMSNorm and its residual add, as
// transformers' MambaMixer computes it (models/mamba/mamba.h has the formulas). Mamba stacks
// them; Jamba interleaves them with attention.
// Legend: B = batch, T = time, H = width, D = inner channels, N = state size, K = kernel width,
// R = Δ's rank.
#include "core/optim.h"
#include "core/tensor.h"
#include "core/trace.h"

#include <string>

namespace lm {

class Rng;

struct MambaMixerShape {
    int dim = 0;        // H
    int innerDim = 0;   // D
    int stateSize = 0;  // N
    int convKernel = 0; // K
    int dtRank = 0;     // R (resolved)
    bool projBias = false, convBias = true;
};

class MambaMixer {
public:
    MambaMixer() = default;
    // Initialised as the Mamba paper's code (mamba.h); out_proj N(0, 0.02/√layers).
    MambaMixer(const MambaMixerShape &shape, int layers, Rng &rng);

    // Appends the tensors under `prefix` ("backbone.layers.0.mixer."): A_log, D, conv1d.*,
    // in_proj.*, x_proj.weight, dt_proj.*, out_proj.*.
    void addParameters(ParameterList &p, const std::string &prefix) const;
    const Tensor &aLog() const { return m_aLog; }

    // h: the normalised input (B, T, H) -> (B, T, H). With a trace, records row 0's scan output
    // under "{prefix}forward.hidden" (T, D), the scan's input (after the convolution and SiLU)
    // under "{prefix}ssm.input" (T, D), and its implicit attention averaged over channels
    // (mean |α|) under "{prefix}implicit.attention" (T, T).
    Tensor forward(const Tensor &h, Trace *trace = nullptr, const std::string &tracePrefix = {}) const;

    // The implicit attention of row 0 of h (B, T, H): (D, T, T), mambaops.h's scanImplicitAttention.
    std::vector<float> implicitAttention(const Tensor &h) const;

    // The recurrent form's state (Tensors: the memory meter counts them).
    struct State {
        Tensor window; // (K − 1, D): the last convolution inputs, oldest first
        Tensor ssm;    // (D, N)
    };
    State startState() const;
    // One token: the normalised input h (H) -> out (H), advancing `state`.
    void step(const float *h, State &state, float *out) const;

private:
    MambaMixerShape m_shape;
    Tensor m_inProj, m_inBias;     // (2D, H), (2D)
    Tensor m_conv, m_convBias;     // (D, 1, K), (D)
    Tensor m_xProj;                // (R + 2N, D)
    Tensor m_dtProj, m_dtBias;     // (D, R), (D)
    Tensor m_aLog, m_skip;         // (D, N), (D)
    Tensor m_outProj, m_outBias;   // (H, D), (H)
};

} // namespace lm
