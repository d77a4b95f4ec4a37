#pragma once
// Shared by the family tests: a model of the table trained a few AdamW steps on a repeating
// sequence (0 1 2 3 0 1 …, each token predicting the next), which any working language model
// learns at once. Returns the first and the last step's loss.
#include "core/optim.h"
#include "core/tape.h"
#include "models/languagemodel.h"

#include <utility>

namespace lm::test {

inline std::pair<float, float> firstAndLastLoss(LanguageModel &model, int steps = 60, float lr = 1e-2f)
{
    TokenBatch batch;
    batch.batch = 2;
    batch.time = 8;
    for (int i = 0; i < 16; ++i) {
        batch.inputs.push_back(i % 4);
        batch.targets.push_back((i + 1) % 4);
    }
    auto opt = makeOptimizer("adamw", model.parameters(), lr, 0.0f);
    float first = 0.0f, last = 0.0f;
    for (int step = 0; step < steps; ++step) {
        Tape tape;
        TapeScope scope(tape);
        opt->zeroGrad();
        Tensor loss = model.loss(batch);
        tape.backward(loss);
        opt->step();
        (step == 0 ? first : last) = loss.item();
    }
    return {first, last};
}

} // namespace lm::test
