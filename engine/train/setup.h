#pragma once
// From a corpus and a few choices to a ready trainer: the path that the GUI, the CLI and the
// lessons share.
//   text -> tokenizer -> token stream -> model (architecture table) -> Trainer
#include "core/result.h"
#include "models/languagemodel.h"
#include "text/tokenizer.h"
#include "train/trainer.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace lm {

struct ModelChoice {
    std::string arch;               // a family of the architecture table (models/architecture.h)
    std::string tokenizer = "char"; // byte | char | word | bpe | wordpiece | unigram
    int vocabSize = 0;              // cap for char/word vocabularies; 0 = keep every token seen
    // The family's options by name ({"dim": 64, "norm": "rmsnorm"}); the rest keep the table's
    // defaults.
    nlohmann::json options = nlohmann::json::object();
    // What it learns: "causal" (next token), an encoder's "mlm", "mlm,nsp", "mlm,sop", or an
    // encoder–decoder's "span" (T5) or "infill" with an optional "permute" (BART). Empty = the
    // family's first objective in the table (causal for decoders, mlm for encoders, span or infill).
    std::vector<std::string> objectives;
};

struct TrainingSetup {
    std::unique_ptr<Tokenizer> tokenizer;
    std::unique_ptr<LanguageModel> model;
    std::unique_ptr<Trainer> trainer;
    std::int64_t corpusTokens = 0;
    // Encoder pre-training: another copy of the trainer's objective, to draw batches from for
    // scorePretraining (train/objectives/pretraining.h) without moving the trainer's; else null.
    std::unique_ptr<Objective> probe;
    // Encoder pre-training with a pair task: the other pair task (SOP for NSP, NSP for SOP) over
    // the same documents, so the pair head can be scored on pairs it was not trained on (a head
    // that learnt topic alone stays near chance on swapped pairs); else null.
    std::unique_ptr<Objective> crossProbe;
};

// Causal: the text as one token stream. mlm (+ nsp | sop), span, infill (+ permute): the text as
// documents separated by blank lines, one sentence a line (train/objectives/pretraining.h). mlm
// needs a tokenizer with [PAD] [UNK] [CLS] [SEP] [MASK] (wordpiece and unigram have them); span
// and infill (train/objectives/denoising.h) train a unigram tokenizer holding the family's
// special tokens (Architecture::seq2seqTokens) and set the config's decoder_start and pad_token
// from it.
// Errors are sentences for the user in terms of the config's fields and the family's options:
// an unknown family, an empty text, a text shorter than one window, an option out of range
// ("dim must be an integer between 1 and 4096, got 0"), a training field out of range ("steps
// must be between 1 and 10000000, got 0"), a tokenizer that cannot hold the special tokens.
Result<TrainingSetup> prepareTraining(const std::string &text, const ModelChoice &model, const TrainConfig &train);

} // namespace lm
