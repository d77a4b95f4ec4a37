#pragma once
// Recurrent layers on the tape with PyTorch's semantics (torch.nn.RNN / LSTM / GRU, batch_first):
//   RNN : h' = tanh(W_ih x + b_ih + W_hh h + b_hh)                      (nonlinearity tanh)
//   LSTM: i, f, g, o = row blocks of W_ih x + b_ih + W_hh h + b_hh;  c' = σ(f)c + σ(i)tanh(g);
//         h' = σ(o) tanh(c')
//   GRU : r, z, n blocks; r = σ(·), z = σ(·), n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn));
//         h' = (1 − z) ⊙ n + z ⊙ h
// One layer over the whole sequence is one tape op: the input projection for all steps is one
// GEMM, each step one GEMM with W_hh plus fused gate math, and the backward pass runs
// backpropagation through time inside one closure. Bidirectional stacks run the reversed
// direction with the `_reverse` weights and concatenate (forward, backward) per step.
//
// Legend: B = batch, T = time, I = input size, H = hidden size, G = gates (RNN 1, LSTM 4, GRU 3).
#include "core/optim.h"
#include "core/tensor.h"
#include "core/trace.h"

#include <string>
#include <vector>

namespace lm {

class Rng;

enum class CellKind { Rnn, Lstm, Gru };
int gateCount(CellKind kind); // G
const char *cellName(CellKind kind); // the arch name: rnn, lstm, gru

// The weights of one direction of one layer, with torch.nn names ("weight_ih_l0",
// "weight_hh_l0_reverse", …).
struct RecurrentWeights {
    Tensor weightIh; // (G·H, I)
    Tensor weightHh; // (G·H, H)
    Tensor biasIh;   // (G·H)
    Tensor biasHh;   // (G·H)
};

struct RecurrentConfig {
    CellKind kind = CellKind::Lstm;
    int inputSize = 0;
    int hidden = 0;
    int layers = 1;
    bool bidirectional = false;
};

// Initial (and final) states of every layer and direction: h (and c for LSTM), each (B, H),
// ordered layer-major then direction, as torch's h_n (layers·directions, B, H).
struct RecurrentState {
    std::vector<Tensor> h;
    std::vector<Tensor> c; // LSTM only
    bool empty() const { return h.empty(); }
};

struct RecurrentOutput {
    Tensor output;         // (B, T, directions·H): the last layer's hidden states
    RecurrentState final;  // h_n (and c_n) for each layer·direction
};

// A stack of recurrent layers. Parameters are created uniform(−1/√H, 1/√H) as PyTorch does.
class RecurrentStack {
public:
    RecurrentStack(const RecurrentConfig &config, Rng &rng);

    const RecurrentConfig &config() const { return m_config; }
    int directions() const { return m_config.bidirectional ? 2 : 1; }
    // torch.nn names without a prefix: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, then
    // the _reverse ones for layer 0, then layer 1 …, exactly torch's parameter order.
    ParameterList parameters(const std::string &prefix = "") const;
    const RecurrentWeights &weights(int layer, int direction) const;

    // x: (B, T, I). initial: empty (zeros) or one (B, H) per layer·direction (and as many c for
    // LSTM; c is ignored for RNN and GRU). With a trace, the first batch row's hidden states and
    // gates are recorded under "layer{l}.{forward|backward}.…" (time in natural order for both
    // directions) and the backward pass adds "….grad_norm" (T, 1): the L2 norm over batch and
    // units of dL/dh_t, counting what flows back through time and from the layer above. The
    // trace is written by the tape's backward closures, so it must outlive Tape::backward (or
    // the tape). Throws std::invalid_argument on a shape that does not fit.
    RecurrentOutput forward(const Tensor &x, const RecurrentState &initial = {}, Trace *trace = nullptr) const;

private:
    RecurrentConfig m_config;
    std::vector<RecurrentWeights> m_weights; // layer-major, then direction
};

// One direction of one layer, the tape op the stack is made of. x: (B, T, I); h0, c0: (B, H) or
// undefined (zeros; c0 only for LSTM); reverse: run t = T−1 … 0. Returns fresh tensors: the
// hidden states (B, T, H) in natural time order and the final h (and c), i.e. after t = 0 for
// the reverse direction. Records one backward closure when a tape is active and any input or
// weight requires a gradient; it accumulates (+=) into x, h0, c0 and the four weights, and
// consumes its saved activations (a tape runs each closure once). Trace names:
// tracePrefix + "hidden", "gate.i" … (see forward above) and, at backward, "grad_norm"; `trace`
// must stay valid until the tape's backward has run. Throws std::invalid_argument on bad shapes.
// Exposed for the gradient checks and for models that wire layers themselves.
struct LayerResult {
    Tensor hidden; // (B, T, H)
    Tensor hT;     // (B, H)
    Tensor cT;     // (B, H), LSTM only
};
LayerResult recurrentLayer(CellKind kind, const Tensor &x, const RecurrentWeights &w, const Tensor &h0, const Tensor &c0,
                           bool reverse, Trace *trace = nullptr, const std::string &tracePrefix = "");

} // namespace lm
