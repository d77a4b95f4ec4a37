#pragma once
// A neural probabilistic language model in the manner of Bengio et al. (2003): the previous n
// tokens are looked up in a shared embedding table, concatenated, passed through one tanh hidden
// layer, and a linear layer gives the logits of the next token.
//
//   x = [C(w_{t-n+1}); …; C(w_t)]      (n·d)
//   h = tanh(H x + b_h)                 (hidden)
//   y = U h + b_y                       (V)
//
// Tensor names follow torch.nn: embedding.weight (V, d), hidden.weight (hidden, n·d),
// hidden.bias, output.weight (V, hidden), output.bias.
#include "core/result.h"
#include "models/languagemodel.h"

namespace lm {

class Rng;

struct MlpConfig {
    int vocabSize = 256;
    int context = 5;  // n: tokens the model sees
    int dim = 32;     // d: embedding width
    int hidden = 128;

    // embedding (V, d), hidden (H, n·d) + (H), output (V, H) + (V)
    std::int64_t parameterCount() const;
    nlohmann::json toJson() const;
    // Validates every field (ranges, integer types); the error names the field.
    static Result<MlpConfig> fromJson(const nlohmann::json &j);
};

class MlpLanguageModel final : public LanguageModel {
public:
    // Initialised as PyTorch would: embedding N(0, 1), linear U(−1/√in, 1/√in).
    MlpLanguageModel(const MlpConfig &config, Rng &rng);

    std::string arch() const override;
    nlohmann::json config() const override { return m_config.toJson(); }
    ParameterList parameters() const override;
    int vocabSize() const override { return m_config.vocabSize; }

    // Positions t < n − 1 of each row lack a full context and are not scored.
    Tensor loss(const TokenBatch &batch) override;
    // Contexts shorter than n are padded on the left with token 0.
    Tensor nextTokenLogits(const std::vector<std::int32_t> &context) override;
    // Row t sees ids[t−n+1 .. t], padded on the left with token 0. The MLP has no states over
    // time to trace; the trace only receives the tokens.
    Tensor sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace = nullptr) override;

    // contexts: N·n ids -> logits (N, V)
    Tensor logits(const std::vector<std::int32_t> &contexts, std::int64_t rows);

private:
    MlpConfig m_config;
    Tensor m_embedding;    // (V, d)
    Tensor m_hiddenWeight; // (hidden, n·d)
    Tensor m_hiddenBias;   // (hidden)
    Tensor m_outputWeight; // (V, hidden)
    Tensor m_outputBias;   // (V)
};

} // namespace lm
