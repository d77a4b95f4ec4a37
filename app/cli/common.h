#pragma once
// Pieces the CLI commands share.
#include "core/cancel.h"
#include "io/checkpoint.h"
#include "train/trainer.h"

#include <string>
#include <vector>

namespace lm {
class EncoderModel;
}

// While alive, Ctrl-C (SIGINT) and SIGTERM cancel `token` instead of killing the process, so a
// long command stops between units of work and can say what it did not write.
class InterruptScope {
public:
    explicit InterruptScope(lm::CancelToken &token);
    ~InterruptScope();
    InterruptScope(const InterruptScope &) = delete;
    InterruptScope &operator=(const InterruptScope &) = delete;
};

// Throws InputError when the directory that would hold `path` is missing or `path` is a
// directory, so a long run does not end in a failed write. `option` names the flag ("out").
void checkOutputPath(const std::string &option, const std::string &path);

// M (our .safetensors or a Hugging Face folder) loaded as an encoder, its tokenizer holding the
// five special tokens; `encoder` points into the returned checkpoint. InputError otherwise.
lm::Checkpoint loadEncoderCheckpoint(const std::string &path, lm::EncoderModel *&encoder);
// The same for a checkpoint already loaded from `path`.
lm::Checkpoint asEncoderCheckpoint(lm::Checkpoint c, const std::string &path, lm::EncoderModel *&encoder);

// "step,loss,lr" then a line per step, written whole or not at all (--log of train-like commands).
void writeLossLog(const std::string &path, const std::vector<lm::StepReport> &steps);
