#pragma once
// StepwiseLanguageModel: what the state-space families (RWKV, Mamba) share. Training and traces
// run the whole sequence at once (the subclass's loss() and sequenceLogits()); generation runs one
// token at a time through the recurrent form, from a fixed-size state that is kept and extended
// while each context extends the last one read (the way `generate` and the memory lab call it).
#include "models/languagemodel.h"

#include <cstdint>
#include <vector>

namespace lm {

class StepwiseLanguageModel : public LanguageModel {
public:
    // Logits (V) after `context`: the state read so far is extended when the context extends it,
    // else started afresh. An empty context gives zeros (a uniform distribution).
    Tensor nextTokenLogits(const std::vector<std::int32_t> &context) final;
    void resetState() final { dropState(); }

protected:
    // A fresh state: as before the first token.
    virtual void startState() = 0;
    // Frees the state (after resetState, or before the weights change).
    virtual void releaseState() = 0;
    // One token through the recurrent form: advances the state and writes the next token's logits (V).
    virtual void step(std::int32_t id, float *logits) = 0;

    // Throws std::invalid_argument naming `who` when an id is outside [0, vocabSize()).
    void checkIds(const std::vector<std::int32_t> &ids, const char *who) const;
    // Throws std::invalid_argument naming `who` when the batch's sizes disagree or an id is out of range.
    void checkBatch(const TokenBatch &batch, const char *who) const;
    // Forgets the context read and frees the state.
    void dropState();

private:
    std::vector<std::int32_t> m_stateContext; // what the state has read
    Tensor m_stateLogits;                     // (V) after m_stateContext
};

} // namespace lm
