#include "inspect/memorymodel.h"

#include "models/recurrent.h"
#include "models/recurrentlm.h"
#include "models/transformer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <sstream>

namespace lm {
namespace {

// The counts below follow the engine op by op. In training every op output is held by a backward
// closure until backward reaches it, so the peak comes as backward starts: every value the
// forward kept (reshape views share theirs), plus the first (N, V) gradient. Further down, each
// closure frees its output and that output's gradient as it allocates its inputs' gradients.
// Without a tape (prefill, infer) only what the code still references is alive, so those parts
// are the largest set of tensors alive at one moment, found by walking the forward.

struct TransformerDims {
    std::int64_t B, T, C, L, H, KV, F, V, N;
    bool gptLayout, rms, swiglu, learned, sinusoidal, rope, tied, chunked;
};

std::int64_t transformerParameters(const TransformerConfig &c)
{
    const std::int64_t C = c.dim, L = c.layers, V = c.vocabSize, F = c.resolvedFfnHidden(),
                       KV = static_cast<std::int64_t>(c.kvHeads > 0 ? c.kvHeads : c.heads) * c.headDim();
    const bool gpt = c.arch == "gpt";
    const std::int64_t norm = c.norm == "rmsnorm" ? C : 2 * C;
    const std::int64_t bias = gpt ? 1 : 0; // the GPT-2 layout has a bias on every projection
    std::int64_t perLayer = 2 * norm;
    perLayer += C * (C + 2 * KV) + bias * (C + 2 * KV); // q, k, v (fused c_attn under gpt)
    perLayer += C * C + bias * C;                       // attention output
    if (c.ffn == "swiglu")
        perLayer += 2 * (C * F + bias * F) + F * C + bias * C;
    else
        perLayer += C * F + bias * F + F * C + bias * C;
    std::int64_t total = V * C + L * perLayer + norm;
    if (c.positions == "learned")
        total += static_cast<std::int64_t>(c.maxSeq) * C;
    if (!c.tiedHead)
        total += V * C;
    return total;
}

std::int64_t recurrentParameters(const RecurrentLmConfig &c)
{
    const std::int64_t d = c.dim, H = c.hidden, V = c.vocabSize, G = gateCount(c.kind);
    std::int64_t total = V * d + V * H + V;
    for (int l = 0; l < c.layers; ++l) {
        const std::int64_t in = l == 0 ? d : H;
        total += G * H * (in + H) + 2 * G * H;
    }
    return total;
}

MemoryParts transformerParts(const TransformerConfig &c, bool chunked, MemoryMode mode, std::int64_t B, std::int64_t T)
{
    TransformerDims d{};
    d.B = B;
    d.T = T;
    d.C = c.dim;
    d.L = c.layers;
    d.H = c.heads;
    d.KV = static_cast<std::int64_t>(c.kvHeads > 0 ? c.kvHeads : c.heads) * c.headDim();
    d.F = c.resolvedFfnHidden();
    d.V = c.vocabSize;
    d.N = B * T;
    d.gptLayout = c.arch == "gpt";
    d.rms = c.norm == "rmsnorm";
    d.swiglu = c.ffn == "swiglu";
    d.learned = c.positions == "learned";
    d.sinusoidal = c.positions == "sinusoidal";
    d.rope = c.positions == "rope";
    d.tied = c.tiedHead;
    d.chunked = chunked;
    const std::int64_t N = d.N, C = d.C, KV = d.KV, F = d.F, V = d.V, QKV = C + 2 * KV;
    MemoryParts p;
    if (mode == MemoryMode::Train) {
        std::int64_t a = N * C; // token embedding
        if (d.learned || d.sinusoidal)
            a += T * C + N * C; // the positions' rows, the sum
        const std::int64_t norm = d.rms ? N * C + N : 2 * N * C + N; // y, x̂ for LayerNorm, 1/σ per row
        const std::int64_t proj = d.gptLayout ? 2 : 1; // Conv1D: matmul and bias add are two ops
        std::int64_t layer = 2 * norm;
        layer += d.gptLayout ? 3 * N * QKV : N * QKV; // fused c_attn, bias, three slices; or q, k, v
        layer += N * QKV;                             // heads split (transposed copies)
        if (d.rope)
            layer += N * (C + KV);
        layer += 2 * N * C;      // attention output, heads merged
        layer += proj * N * C;   // output projection
        layer += 2 * N * C;      // two residual adds
        if (d.swiglu)
            layer += 2 * proj * N * F + 2 * N * F + proj * N * C; // gate, up, silu, ⊙, down
        else
            layer += proj * N * F + N * F + proj * N * C; // fc, gelu, down
        a += d.L * layer;
        a += norm + 3 * N * V; // final norm; logits, softmax kept, the first gradient (N, V)
        p.activations = a;
        p.attention = d.L * (chunked ? d.B * d.H * T : d.B * d.H * T * T);
        return p;
    }
    if (mode == MemoryMode::Prefill) {
        // Moments of the forward (the residual stream x and the normalised xn are alive in each):
        const std::int64_t embed = 2 * N * C + (d.learned || d.sinusoidal ? T * C : 0);
        const std::int64_t normMoment = 3 * N * C + N;
        std::int64_t attn;
        if (d.gptLayout) // x, xn, c_attn output (matmul + bias add, then the three slices)
            attn = 2 * N * C + 2 * N * QKV;
        else // x, xn, q, k, v, and one rotated or transposed copy
            attn = 2 * N * C + N * QKV + N * C;
        std::int64_t ffn;
        if (d.swiglu) // x, xn, gate, silu, up, ⊙, down (+ its bias add)
            ffn = 2 * N * C + 4 * N * F + (d.gptLayout ? 2 : 1) * N * C;
        else // x, xn, fc, gelu, down (+ its bias add)
            ffn = 2 * N * C + 2 * N * F + (d.gptLayout ? 2 : 1) * N * C;
        const std::int64_t head = N * C + N * V;
        p.activations = std::max({embed, normMoment, attn, ffn, head});
        return p;
    }
    // Infer: K and V of every position in every layer. At the peak, the last layer appends the
    // last token: its old (T − 1) and new (T) keys and values are both alive (concat), with the
    // previous token's logits, the token's residual, normalised input and query, and its K/V.
    // Every sequence keeps its cache and its last logits; one sequence at a time is mid-token.
    p.kvCache = B * d.L * 2 * T * KV;
    p.activations = B * V + 2 * KV * (T - 1) + 3 * C + KV;
    return p;
}

MemoryParts recurrentParts(const RecurrentLmConfig &c, MemoryMode mode, std::int64_t B, std::int64_t T)
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

std::int64_t bytes(std::int64_t values, int b) { return values * b; }

MemoryParts scaled(MemoryParts p, int b)
{
    for (std::int64_t *v : {&p.weights, &p.gradients, &p.optimizer, &p.activations, &p.attention, &p.kvCache, &p.state})
        *v = bytes(*v, b);
    return p;
}

} // namespace

Result<std::int64_t> predictParameterCount(const nlohmann::json &config)
{
    if (!config.is_object() || !config.contains("arch") || !config["arch"].is_string())
        return makeError("model config has no \"arch\" string");
    const std::string arch = config["arch"].get<std::string>();
    if (arch == "gpt" || arch == "llama") {
        auto c = TransformerConfig::fromJson(config);
        if (!c)
            return makeError(c.error());
        return transformerParameters(c.value());
    }
    if (cellKindFromName(arch)) {
        auto c = RecurrentLmConfig::fromJson(config);
        if (!c)
            return makeError(c.error());
        return recurrentParameters(c.value());
    }
    return makeError("no memory formula for architecture '" + arch + "'");
}

Result<MemoryParts> predictMemory(const nlohmann::json &config, MemoryMode mode, std::int64_t batch, std::int64_t seqLen,
                                  int bytesPerValue)
{
    if (batch < 1 || seqLen < 1)
        return makeError("batch and sequence length must be at least 1");
    if (bytesPerValue < 1 || bytesPerValue > 8)
        return makeError("bytes per value must be between 1 and 8");
    auto params = predictParameterCount(config);
    if (!params)
        return makeError(params.error());
    const std::string arch = config["arch"].get<std::string>();
    MemoryParts p;
    if (arch == "gpt" || arch == "llama") {
        const TransformerConfig c = TransformerConfig::fromJson(config).value();
        const bool chunked = config.contains("attention") && config["attention"] == "chunked";
        p = transformerParts(c, chunked, mode, batch, seqLen);
    } else {
        p = recurrentParts(RecurrentLmConfig::fromJson(config).value(), mode, batch, seqLen);
    }
    p.weights = params.value();
    if (mode == MemoryMode::Train) {
        p.gradients = params.value();
        p.optimizer = 2 * params.value();
    }
    return scaled(p, bytesPerValue);
}

std::vector<std::string> memoryLabArchitectures() { return {"rnn", "lstm", "gru", "gpt", "llama"}; }

nlohmann::json labModelConfig(const LabModel &m, int seqLen)
{
    if (m.arch == "rnn" || m.arch == "lstm" || m.arch == "gru")
        return {{"arch", m.arch}, {"vocab_size", 256}, {"dim", m.dim}, {"hidden", m.dim}, {"layers", m.layers}};
    if (m.arch == "gpt" || m.arch == "llama") {
        nlohmann::json j = {{"arch", m.arch}, {"vocab_size", 256}, {"dim", m.dim}, {"layers", m.layers},
                            {"heads", m.heads}};
        if (m.arch == "gpt") // learned positions: a row per position (the config allows up to 65536)
            j["max_seq"] = std::clamp(seqLen, 1, 1 << 16);
        if (m.chunkedAttention)
            j["attention"] = "chunked";
        return j;
    }
    throw std::invalid_argument("labModelConfig: the memory lab has no model '" + m.arch + "'");
}

std::vector<NamedConfig> referenceConfigs()
{
    return {
        {"GPT-2 small (124M)",
         {{"arch", "gpt"}, {"vocab_size", 50257}, {"dim", 768}, {"layers", 12}, {"heads", 12}, {"max_seq", 1024}}},
        {"GPT-2 medium (355M)",
         {{"arch", "gpt"}, {"vocab_size", 50257}, {"dim", 1024}, {"layers", 24}, {"heads", 16}, {"max_seq", 1024}}},
        {"Llama 2 7B",
         {{"arch", "llama"}, {"vocab_size", 32000}, {"dim", 4096}, {"layers", 32}, {"heads", 32}, {"ffn_hidden", 11008},
          {"max_seq", 4096}}},
        {"Llama 3 8B (GQA, 8 KV heads)",
         {{"arch", "llama"}, {"vocab_size", 128256}, {"dim", 4096}, {"layers", 32}, {"heads", 32}, {"kv_heads", 8},
          {"ffn_hidden", 14336}, {"max_seq", 8192}}},
    };
}

std::int64_t availableMemoryBytes()
{
    std::ifstream in("/proc/meminfo");
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string key;
        long long kb = 0;
        if (fields >> key >> kb && key == "MemAvailable:")
            return kb * 1024;
    }
    return 0;
}

Status checkFitsInMemory(std::int64_t predicted, std::int64_t available)
{
    if (available > 0 && predicted > available)
        return makeError("this run needs about " + formatBytes(static_cast<double>(predicted)) + " but only " +
                         formatBytes(static_cast<double>(available)) +
                         " of memory is available; choose a shorter length, a smaller batch or a smaller model");
    return Ok{};
}

std::string formatBytes(double bytes)
{
    static const char *const units[] = {"B", "kB", "MB", "GB", "TB", "PB"};
    int u = 0;
    while (std::abs(bytes) >= 1000.0 && u < 5) {
        bytes /= 1000.0;
        ++u;
    }
    char text[32];
    if (u == 0)
        std::snprintf(text, sizeof text, "%.0f %s", bytes, units[u]);
    else
        std::snprintf(text, sizeof text, "%.3g %s", bytes, units[u]);
    return text;
}

} // namespace lm
