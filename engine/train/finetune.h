#pragma once
// Fine-tuning an encoder (models/encoder/encoder.h) on a labelled task, and measuring it:
//   classify : "[CLS] text [SEP]" -> one label (sentiment, intent); accuracy, confusion matrix,
//              per-class precision and recall, the wrong examples
//   tag      : "[CLS] w1 w2 … [SEP]" split into sub-word pieces -> a BIO tag per word, read at
//              each word's first piece (the others are kIgnore, as HF's token-classification
//              recipe does); entity-level precision, recall and F1 (text/labelled.h)
// The same path serves the CLI (finetune), the GUI's fine-tuning page and the lessons. From a
// pre-trained encoder the encoder's weights are copied and a new head starts at random; "from
// scratch" builds the same configuration with every weight at random, for the comparison.
#include "core/cancel.h"
#include "core/result.h"
#include "models/encoder/encoder.h"
#include "text/labelled.h"
#include "text/specialtokens.h"
#include "text/tokenizer.h"
#include "train/trainer.h"

#include <memory>
#include <string>
#include <vector>

namespace lm {

enum class FinetuneKind { Classify, Tag };

// A task's examples, already split: the labels (or tags) fix the head's classes, in this order.
struct FinetuneTask {
    FinetuneKind kind = FinetuneKind::Classify;
    std::vector<std::string> labels;
    std::vector<LabelledText> trainTexts, testTexts; // classify
    std::vector<TaggedTokens> trainTags, testTags;   // tag
};

// One example the fine-tuned model got wrong (classify).
struct WrongExample {
    std::string text;
    int gold = 0, predicted = 0;
    double confidence = 0.0; // the predicted label's probability
};

struct FinetuneReport {
    FinetuneKind kind = FinetuneKind::Classify;
    std::vector<std::string> labels;
    ConfusionMatrix confusion{1};     // classify: (gold, predicted) over the test set
    std::vector<WrongExample> wrong;  // classify: up to 200, most confident first
    EntityScores entities;            // tag: over the test set
    double metric() const;            // accuracy (classify) or entity F1 (tag)
    const char *metricName() const;   // "accuracy" or "f1"
};

struct FinetuneSetup {
    std::unique_ptr<EncoderModel> model;
    std::unique_ptr<Trainer> trainer;
};

// The model to train: `base` under the task's head (its encoder copied unless fromScratch, when
// every weight starts at random from config.seed), with its batches. Errors: an empty train or
// test set, fewer than two labels, a base without [CLS]/[SEP] in the tokenizer, a label or tag
// outside the list (training or test example), a training example that gives no tokens.
Result<FinetuneSetup> prepareFinetuning(const EncoderModel &base, const Tokenizer &tokenizer, const FinetuneTask &task,
                                        const TrainConfig &config, bool fromScratch);

// The test set through the model (no gradients), in batches; cancellable between batches
// (a cancelled run gives the counts so far).
FinetuneReport evaluateFinetuning(EncoderModel &model, const Tokenizer &tokenizer, const FinetuneTask &task,
                                  int maxLength, const CancelToken *cancel = nullptr);

// Class probabilities of one text (classify), or per-word tags (tag: the words split on spaces,
// CJK characters one by one, the predicted tag of each).
std::vector<float> classifyText(EncoderModel &model, const Tokenizer &tokenizer, const std::string &text, int maxLength);
std::vector<int> tagWords(EncoderModel &model, const Tokenizer &tokenizer, const std::vector<std::string> &words,
                          int maxLength);

} // namespace lm
