#pragma once
// From a corpus and a few choices to a ready trainer: the path that the GUI and the CLI share.
//   text -> tokenizer -> token stream -> model -> Trainer
#include "core/result.h"
#include "models/languagemodel.h"
#include "text/tokenizer.h"
#include "train/trainer.h"

#include <memory>
#include <string>

namespace lm {

struct ModelChoice {
    std::string arch = "mlp";
    std::string tokenizer = "char"; // byte | char | word
    int vocabSize = 0;              // cap for char/word vocabularies; 0 = keep every token seen
    int dim = 32;
    int hidden = 128;               // recurrent hidden size; gpt / llama: FFN hidden (ffn_hidden)
    int context = 5;                // the MLP's n
    int layers = 1;                 // rnn / lstm / gru: stacked recurrent layers; gpt / llama: blocks
    int heads = 4;                  // gpt / llama: attention heads (dim % heads == 0)
    int kvHeads = 0;                // gpt / llama: key/value heads; 0 = heads
    int maxSeq = 0;                 // gpt / llama: learned positions; 0 = max(--seq, 512)
    bool chunkedAttention = false;  // gpt / llama: attention "chunked" (memory linear in --seq)
    bool bidirectional = false;     // refused for a language model (it would see the future)
};

struct TrainingSetup {
    std::unique_ptr<Tokenizer> tokenizer;
    std::unique_ptr<LanguageModel> model;
    std::unique_ptr<Trainer> trainer;
    std::int64_t corpusTokens = 0;
};

// Errors are sentences for the user: an empty text, a text shorter than one window, an option
// out of range ("--dim must be between 1 and 4096").
Result<TrainingSetup> prepareTraining(const std::string &text, const ModelChoice &model, const TrainConfig &train);

} // namespace lm
