// The recurrent language models' memory formula (see recurrentmemory.h).
#include "models/recurrent/recurrentmemory.h"

#include <algorithm>

namespace lm {

// The counts follow the engine op by op, as the Transformer's do (transformermemory.cpp): in
// training every op output is held until backward reaches it; without a tape only what the code
// still references is alive.
MemoryParts recurrentMemory(const RecurrentLmConfig &c, MemoryMode mode, std::int64_t B, std::int64_t T)
{
    const std::int64_t d = c.dim, H = c.hidden, V = c.vocabSize, G = gateCount(c.kind), N = B * T, L = c.layers;
    const bool lstm = c.kind == CellKind::Lstm, gru = c.kind == CellKind::Gru;
    // What one fused layer keeps for its backward (values only: the layer writes its own
    // gradients in Eigen scratch): inputs, gate pre-activations, every h (and c, tanh c, or the
    // GRU's candidate term), and the final state.
    const auto saved = [&](std::int64_t in) {
        std::int64_t s = N * in + N * G * H + (T + 1) * B * H + B * H;
        if (lstm)
            s += (T + 1) * B * H + N * H + B * H;
        if (gru)
            s += N * H;
        return s;
    };
    MemoryParts p;
    if (mode == MemoryMode::Train) {
        std::int64_t a = N * d; // embedding
        for (int l = 0; l < L; ++l)
            a += saved(l == 0 ? d : H) + N * H; // + the layer's output
        a += 3 * N * V;                         // logits, softmax kept, the first gradient (N, V)
        p.activations = a;
        return p;
    }
    if (mode == MemoryMode::Prefill) {
        // Layer l: the embedding, its input, what it keeps, its output. Then: output and logits.
        std::int64_t peak = N * H + N * V;
        for (int l = 0; l < L; ++l)
            peak = std::max(peak, N * d + (l > 0 ? N * H : 0) + saved(l == 0 ? d : H) + N * H);
        p.activations = peak;
        return p;
    }
    // Infer: the cached state of every layer. At the peak the last layer runs one token: besides
    // the cached state, the previous logits, the token's embedding, the layer's input, the new
    // final states of the layers below, what the layer keeps (for T = 1) and its output.
    const std::int64_t s = lstm ? 2 : 1;
    std::int64_t step = V + d + (L > 1 ? H : 0) + (L - 1) * H * s + H;
    step += (L > 1 ? H : d) + G * H + 2 * H + H + (lstm ? 4 * H : 0) + (gru ? H : 0); // saved() at T = 1
    // Or the head: every layer's new final state, the output row and its slice, old and new logits.
    const std::int64_t head = L * H * s + 2 * H + 2 * V;
    // Every sequence keeps its state and its last logits (V, counted in step and head for the one
    // that is mid-token).
    p.state = B * L * H * s;
    p.activations = (B - 1) * V + std::max(step, head);
    return p;
}

} // namespace lm
