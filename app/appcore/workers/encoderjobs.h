#pragma once
// The values the Encoders tab's workers (workers/pretrainworker.h, workers/finetuneworker.h) take
// and give: requests, progress, a batch as the model sees it, curves' points, results. Copied
// across threads by value in queued signals.
//
// Models travel as EncoderHandle: a shared pointer to an encoder that nobody trains any more
// (a finished run, or one read from a file) with its tokenizer. Several threads may read its
// weights at once (the pre-training page draws batches through it while the fine-tuning page
// copies its encoder); only one thread at a time runs it (EncoderModel's forward is not const).
#include "models/encoder/encoder.h"
#include "text/tokenizer.h"
#include "train/finetune.h"
#include "train/trainer.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <nlohmann/json.hpp>

#include <limits>
#include <memory>

struct EncoderHandle {
    std::shared_ptr<lm::EncoderModel> model;        // trained: no one changes its weights any more
    std::shared_ptr<const lm::Tokenizer> tokenizer; // has [PAD] [UNK] [CLS] [SEP] [MASK]
    QString name;                                   // for the user: "BERT, MLM + NSP, 400 steps" or a file name
    bool valid() const { return model && tokenizer; }
};

// Reads our .safetensors or a Hugging Face BERT/ALBERT folder (lm::loadModelPath) as an encoder.
// Errors are one line naming the path: unreadable, not an encoder, a tokenizer without the five
// special tokens. Runs on a worker thread (a big folder takes a while).
lm::Result<EncoderHandle> openEncoder(const QString &path);

// ---- pre-training -----------------------------------------------------------------------------

// What pre-training learns besides masked words: nothing, next-sentence or sentence-order
// prediction (lm::PairTask, by value so it travels in signals).
enum class PairObjective { None, NextSentence, SentenceOrder };

struct PretrainRequest {
    QString arch;                            // a family of the table with Direction::Bidirectional
    QString corpusSpec;                      // base/corpora.h: documents separated by blank lines
    PairObjective pair = PairObjective::NextSentence;
    nlohmann::json options = nlohmann::json::object(); // the family's options by name
    int vocabSize = 2000;                    // WordPiece vocabulary
    lm::TrainConfig train = defaultTrain();  // seq is the row length T
    int scoreEvery = 10;                     // steps between two points of the curves
    int scoreRows = 128;                     // rows of the fixed probe batch the curves score on
    int batchEvery = 50;                     // steps between two refreshes of the batch view

    static lm::TrainConfig defaultTrain()
    {
        // A quick first run: width 64, 2 layers (the table's defaults) learn the masked words in
        // about four minutes on two cores; the pair tasks need a larger encoder (comparison()).
        lm::TrainConfig t;
        t.steps = 4000;
        t.batch = 32;
        t.seq = 64;
        t.lr = 2e-3f;
        return t;
    }
    // `base` at the size where the built-in documents show NSP against SOP: width 128, 4 layers,
    // 4 heads, learning rate 1e-3 (the steps stay: 4000 by default). Smaller encoders learn
    // neither pair task well (at width 128 with 2 layers NSP reached only about 0.7); at this size
    // NSP reaches about 0.94 and SOP about 0.72 (README, Benchmarks). About seven minutes a run on
    // two cores.
    static PretrainRequest comparison(PretrainRequest base)
    {
        base.options["dim"] = 128;
        base.options["layers"] = 4;
        base.options["heads"] = 4;
        base.train.lr = 1e-3f;
        return base;
    }
};

struct PretrainProgress {
    int step = 0; // 1-based
    int totalSteps = 0;
    double loss = 0.0;
};

// The heads on the fixed probe batch (lm::scorePretraining) after `step` steps (0: untrained).
struct PretrainScore {
    int step = 0;
    double maskedLoss = 0.0;
    double maskedAccuracy = 0.0; // [0, 1]
    double pairAccuracy = std::numeric_limits<double>::quiet_NaN(); // NaN without a pair task
    // The same pair head on the other task's pairs from the same documents (an NSP head on SOP
    // pairs, an SOP head on NSP pairs): NaN without a pair task. An NSP head that only learnt
    // topic stays near chance on swapped pairs, which share their topic.
    double crossPairAccuracy = std::numeric_limits<double>::quiet_NaN();
};

// How one position of a pre-training row came to be.
enum class TokenRole {
    Ordinary, // left alone, not predicted
    Masked,   // replaced by [MASK]; the model predicts the original
    Replaced, // replaced by a random token; the model predicts the original
    Kept,     // left as it was, but the model still predicts it
    Special,  // [CLS], [SEP], [UNK] …: never picked
};

struct BatchToken {
    QString text;     // what the model reads at this position
    QString original; // Masked, Replaced, Kept: the token the model must predict; else empty
    TokenRole role = TokenRole::Ordinary;
    int segment = 0;  // token type: 0 = A (with [CLS] and the first [SEP]), 1 = B
};

struct TokenGuess {
    QString text;
    double probability = 0.0;
};

struct PredictedPosition {
    int position = 0;          // index into MaskedBatch::tokens
    QList<TokenGuess> guesses; // the model's top five, most likely first; probabilities sum <= 1
};

// One row of a pre-training batch as the model reads it, with what it guesses.
struct MaskedBatch {
    QList<BatchToken> tokens;             // padding left out
    QList<PredictedPosition> predictions; // every picked position, in order
    PairObjective pair = PairObjective::None;
    int pairLabel = -1;                   // 0: B follows A / in order, 1: random B / swapped; -1 none
    double pairFirstProbability = std::numeric_limits<double>::quiet_NaN(); // the model's P(label 0)
    int step = 0;                         // steps the model had trained when it read the row
    bool guessed = false;                 // false: the model has no masked-LM head
};

struct PretrainResult {
    EncoderHandle encoder; // valid in every emitted result
    PairObjective pair = PairObjective::None;
    PretrainScore last;    // the last point of the curves
    int stepsDone = 0;
    bool cancelled = false; // Cancel was pressed: the encoder is the one trained so far
    double seconds = 0.0;
};

// ---- fine-tuning ------------------------------------------------------------------------------

struct FinetuneRequest {
    EncoderHandle base;   // valid
    QString task;         // "sentiment", "intent", "ner", or empty for tsvPath
    QString language;     // "en" or "zh_TW" for a built-in task
    QString tsvPath;      // LABEL<TAB>TEXT or TOKENS<TAB>TAGS; every seventh line is held out
    lm::TrainConfig train = defaultTrain();
    int evalEvery = 50;     // steps between two points of the test curve
    int evalExamples = 200; // the test curve's subset (the first examples of the test set)
    int trainExamples = 0;  // 0: every training example; else the first N (tests)
    int testExamples = 0;   // 0: every test example; else the first N
    bool fromPretrained = true; // run 0: the base's encoder under a new head
    bool fromScratch = true;    // run 1: the same configuration, every weight at random

    static lm::TrainConfig defaultTrain()
    {
        lm::TrainConfig t;
        t.steps = 300;
        t.batch = 32;
        t.seq = 64;
        t.lr = 1e-3f;
        return t;
    }
};

enum class FinetuneRun { Pretrained = 0, Scratch = 1 };

struct FinetuneProgress {
    FinetuneRun run = FinetuneRun::Pretrained;
    int step = 0;
    int totalSteps = 0;
    double loss = 0.0;         // of this step's batch
    double smoothedLoss = 0.0; // an exponential moving average of every step's loss (0.9)
};

// Accuracy (classify) or entity F1 (tag) on the test subset after `step` steps.
struct FinetuneEval {
    FinetuneRun run = FinetuneRun::Pretrained;
    int step = 0;
    double metric = 0.0;
};

struct FinetuneResult {
    FinetuneRun run = FinetuneRun::Pretrained;
    lm::FinetuneReport report;  // on the test set (testExamples of it)
    EncoderHandle model;        // the fine-tuned model, for "Why this label"
    // Tag tasks: the first test sentences' words, their gold tags and the model's, to show tagged.
    QList<QStringList> testWords, testGoldTags, testPredictedTags;
    int testSize = 0;           // examples (classify) or sentences (tag) scored
    int stepsDone = 0;
    bool cancelled = false;
    double seconds = 0.0;
};

// "Why this label" for a classifier, or the tags of a sentence for a tagger.
struct ExplainRequest {
    EncoderHandle model;  // fine-tuned (classify or tag head)
    QString text;
    bool integratedGradients = false; // else gradient × input
    int label = -1;       // the class to explain; -1: the predicted one
    int generation = 0;   // echoed back, so the page drops answers to replaced requests
};

struct Explanation {
    QStringList labels;          // the head's classes or tags
    // classify
    QVector<double> probabilities; // one per label, summing to 1
    int predicted = -1;
    int explained = -1;          // the label the salience speaks of
    QStringList tokens;          // the pieces the model read, [CLS] and [SEP] included
    QVector<double> salience;    // one per token, signed: > 0 pushed towards `explained`
    bool integratedGradients = false;
    // tag
    QStringList words;
    QStringList tags;            // one per word
    QString error;               // empty on success
    int generation = 0;
};

// Words of a sentence as the tagger reads them: split at spaces, every CJK character a word of
// its own, and . , ! ? ; : and the full-width ，。！？；： split off.
QStringList splitWords(const QString &text);

Q_DECLARE_METATYPE(EncoderHandle)
Q_DECLARE_METATYPE(PretrainRequest)
Q_DECLARE_METATYPE(PretrainProgress)
Q_DECLARE_METATYPE(PretrainScore)
Q_DECLARE_METATYPE(MaskedBatch)
Q_DECLARE_METATYPE(PretrainResult)
Q_DECLARE_METATYPE(FinetuneRequest)
Q_DECLARE_METATYPE(FinetuneProgress)
Q_DECLARE_METATYPE(FinetuneEval)
Q_DECLARE_METATYPE(FinetuneResult)
Q_DECLARE_METATYPE(ExplainRequest)
Q_DECLARE_METATYPE(Explanation)

// Registers every type above with Qt's meta-type system (idempotent).
void registerEncoderJobTypes();
