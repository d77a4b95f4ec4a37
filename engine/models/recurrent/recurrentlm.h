#pragma once
// Recurrent language models (an Elman RNN, an LSTM or a GRU): each token is looked up in an embedding
// table, a stack of unidirectional recurrent layers reads the sequence, and a linear head gives
// the logits of the next token at every position.
//
//   x_t = E[w_t]                       (dim)
//   h_t = stack(x_t, h_{t−1})          (hidden)   RecurrentStack, torch.nn.RNN/LSTM/GRU semantics
//   y_t = W h_t + b                    (V)
//
// Tensor names: embedding.weight (V, dim), rnn.weight_ih_l0 … (torch.nn.LSTM's names with the
// prefix "rnn.", so the rnn.* tensors load into torch.nn.LSTM(dim, hidden, layers,
// batch_first=True)), head.weight (V, hidden), head.bias (V).
//
// Legend: B = batch, T = time, V = vocabulary, H = hidden.
#include "core/result.h"
#include "core/trace.h"
#include "models/languagemodel.h"
#include "models/recurrent/recurrent.h"

#include <memory>
#include <optional>
#include <string>

namespace lm {

class Rng;

struct RecurrentLmConfig {
    CellKind kind = CellKind::Lstm; // the arch: cellName(kind)
    int vocabSize = 256;
    int dim = 32;    // embedding width = the stack's input size
    int hidden = 128;
    int layers = 1;
    bool bidirectional = false; // always false for a language model; kept so the config says so

    // embedding (V, dim), per layer G·H·(in + H) weights and 2·G·H biases, head (V, H) + (V)
    std::int64_t parameterCount() const;
    // {"arch", "vocab_size", "dim", "hidden", "layers", "bidirectional": false}
    nlohmann::json toJson() const;
    // Validates every field (ranges, types); the error names the field. "layers" (default 1) and
    // "bidirectional" (default false) may be missing; bidirectional = true is an error, since the
    // backward direction would read the tokens the model has to predict.
    static Result<RecurrentLmConfig> fromJson(const nlohmann::json &j);
};

class RecurrentLanguageModel final : public LanguageModel {
public:
    // Initialised as PyTorch would: embedding N(0, 1), recurrent and head weights
    // U(−1/√H, 1/√H). Throws std::invalid_argument on an out-of-range or bidirectional config.
    RecurrentLanguageModel(const RecurrentLmConfig &config, Rng &rng);

    std::string arch() const override { return cellName(m_config.kind); }
    nlohmann::json config() const override { return m_config.toJson(); }
    ParameterList parameters() const override;
    int vocabSize() const override { return m_config.vocabSize; }

    // Every position is scored: mean cross-entropy over B·T targets (−100 targets are ignored).
    // With carried state on, starts from the previous call's final state when B is the same.
    Tensor loss(const TokenBatch &batch) override;
    // Runs the context from the zero state; when `context` extends the previous call's context
    // (the usual "one more token" of generation) only the new tokens are run from the cached
    // state. An empty context gives the head's output for the zero state. The cache is dropped
    // by loss() and resetState(); call resetState() after changing weights by hand.
    Tensor nextTokenLogits(const std::vector<std::int32_t> &context) override;

    void setCarryState(bool on) override;
    void resetState() override;
    bool carriesState() const { return m_carry; }

    // One sequence for the app: ids (T ≥ 1, each in [0, V)) -> logits (T, V). With a trace, the
    // stack records its hidden states and gates ("layer0.forward.hidden", …; see recurrent.h).
    // Does not touch the carried or cached state. Throws std::invalid_argument on empty ids.
    Tensor logitsWithTrace(const std::vector<std::int32_t> &ids, Trace *trace);
    Tensor sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace = nullptr) override
    {
        return logitsWithTrace(ids, trace);
    }

    const RecurrentStack &stack() const { return *m_stack; }

private:
    // ids (B·T) -> embeddings (B, T, dim)
    Tensor embed(const std::vector<std::int32_t> &ids, std::int64_t rows, std::int64_t time) const;
    // hidden: (N, H) -> logits (N, V)
    Tensor head(const Tensor &hidden) const;

    RecurrentLmConfig m_config;
    Tensor m_embedding;  // (V, dim)
    std::unique_ptr<RecurrentStack> m_stack;
    Tensor m_headWeight; // (V, H)
    Tensor m_headBias;   // (V)

    bool m_carry = false;
    RecurrentState m_carried;                   // final state of the last loss(), detached
    std::vector<std::int32_t> m_cachedContext;  // what m_cachedState has read
    RecurrentState m_cachedState;
    Tensor m_cachedLogits;                      // (V) after m_cachedContext
};

// cellName(kind) -> kind; nullopt for another name.
std::optional<CellKind> cellKindFromName(const std::string &name);

// The state with every tensor copied and detached from the tape (no gradient flows back).
RecurrentState detachedCopy(const RecurrentState &state);

} // namespace lm
