#pragma once
// TrainableModel: what the trainer needs from any model on the tape (language models, taggers).
// LanguageModel: what the trainer, the checkpoint code and the app need from every model family.
#include "core/optim.h"
#include "core/tensor.h"
#include "core/trace.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

// A batch as every objective builds it (engine/train/objectives/). Causal LM: targets[b][t] is
// the token after inputs[b][t]. Masked LM: targets hold the original token at the corrupted
// positions and kIgnore elsewhere. Token classification: a tag per token. Sequence
// classification and sentence pairs: one label per row. Sequence-to-sequence: the encoder reads
// inputs, the decoder reads decoderInputs (the target behind a start token) and predicts
// targets (B, T'). Forecasting: real values instead of tokens. Fields an objective does not use
// stay empty.
struct TokenBatch {
    static constexpr std::int32_t kIgnore = -100; // a target no loss counts

    int batch = 0;                             // B
    int time = 0;                              // T
    std::vector<std::int32_t> inputs;          // (B, T) row-major
    std::vector<std::int32_t> targets;         // (B, T), or (B, T') for sequence-to-sequence
    std::vector<std::int32_t> labels;          // (B) one class per row; empty when per-token
    std::vector<std::int32_t> tokenTypes;      // (B, T) segment 0 or 1; empty = all 0
    std::vector<std::uint8_t> paddingMask;     // (B, T) 1 = a real token, 0 = padding; empty = none
    int decoderTime = 0;                       // T'
    std::vector<std::int32_t> decoderInputs;   // (B, T')
    std::vector<float> values;                 // (B, T) real-valued inputs (forecasting)
    std::vector<float> valueTargets;           // (B, T) the value after each input (forecasting)
};

class TrainableModel {
public:
    virtual ~TrainableModel() = default;

    // The trainable tensors with their PyTorch names, in a stable order. Handles share storage
    // with the model: updating them updates the model.
    virtual ParameterList parameters() const = 0;
    // The mean loss over the batch; records on the active tape.
    virtual Tensor loss(const TokenBatch &batch) = 0;

    // Truncated backpropagation through time: when on, a stateful model starts each loss() from
    // the (detached) final state of the previous call, provided the batch shape matches. Models
    // without state ignore both calls.
    virtual void setCarryState(bool on) { (void)on; }
    // Forgets any carried or cached state.
    virtual void resetState() {}
};

class LanguageModel : public TrainableModel {
public:
    virtual std::string arch() const = 0;
    // Everything needed to rebuild the model: {"arch": ..., "vocab_size": ..., ...}.
    virtual nlohmann::json config() const = 0;
    virtual int vocabSize() const = 0;

    // loss(batch) is the mean cross-entropy over the batch's predicted positions.

    // Logits (V) for the token that follows `context` (ids in [0, V); may be empty).
    virtual Tensor nextTokenLogits(const std::vector<std::int32_t> &context) = 0;
    // Logits (T, V) at every position of one sequence (row t predicts the token after ids[t]),
    // recording what the model saw into `trace` when given (see core/trace.h). Throws
    // std::invalid_argument on an empty sequence or an id outside the vocabulary.
    virtual Tensor sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace = nullptr) = 0;

    std::int64_t parameterCount() const;
};

} // namespace lm
