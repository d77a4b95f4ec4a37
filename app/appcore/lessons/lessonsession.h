#pragma once
// LessonSession: performs a lesson's steps without a window and judges their checks. The CLI's
// `lesson --check` runs every step through it; the app's lesson panel runs the same session on
// a worker thread and shows what it produced in the real views (the loss curves, the traced
// attention or hidden states, the word vectors, the forecast, the tagger's output, the gradient
// probe, the chosen view, layer, head and token), so a check judges exactly what the learner
// sees.
#include "lessons/lesson.h"

#include "core/cancel.h"
#include "core/trace.h"
#include "embed/wordvectors.h"
#include "inspect/memorylab.h"
#include "models/recurrent/forecaster.h"
#include "models/recurrent/tagger.h"
#include "models/sampling.h"
#include "train/setup.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct CheckOutcome {
    bool passed = false;
    LessonText message; // what was measured, in both languages ("loss 1.84 < 2.5")
};

struct StepOutcome {
    std::string error;                // an action that could not run (then no check ran)
    std::vector<CheckOutcome> checks; // one per check, in order
    bool passed() const;              // no error and every check passed
};

// Where the views should look after a step (the GUI applies it; headless it is only recorded).
struct LessonSelection {
    std::string view;      // "" = unchanged, else one of lessonViews()
    int layer = -1, head = -1, token = -1, unit = -1; // -1 = unchanged
    std::string highlight; // a region name, "" = none
};

// One model the lesson built and trained: a `model` action (or a new corpus) starts the next.
struct LessonRun {
    std::string arch;           // the family's table name
    std::vector<double> losses; // every training step, in order
};

// The word vectors of the last `embed` action, and the words its checks asked about.
struct LessonVectors {
    std::string method; // skipgram | cbow | glove | fasttext
    lm::WordVectors vectors;
    std::vector<std::string> analogy; // a, b, c of the step's first analogy check; empty = none
    std::string word;                 // the word of its first neighbour check; empty = none
};

// The last `forecast` action: the generated series and what the forecaster made of it.
struct LessonForecast {
    std::string arch;                    // the cell
    lm::ForecasterConfig model;          // the forecaster's configuration
    int steps = 0;                       // training steps asked for
    std::uint64_t seriesSeed = 1;        // the series: generateSeries(series.size(), seriesSeed)
    double seconds = 0;                  // how long training took, for the view's status line
    std::vector<double> series;          // series[0, trainSize) trained on, the rest held out
    std::size_t trainSize = 0;
    std::vector<double> testPredictions; // one step ahead, of series[trainSize …)
    std::vector<double> continuation;    // from trainSize on, reading only the training part, each
                                         // prediction fed back as the next input
    double trainRmse = 0, naiveTrainRmse = 0, testRmse = 0, naiveTestRmse = 0;
    double continuationRmse = 0, flatRmse = 0; // over the held-out values the continuation covers;
                                               // flat: the last training value repeated
    std::vector<double> losses;          // per training step (normalised MSE)
};

// The last `tag` action: the tagger's held-out accuracy and its tags for a few sentences.
struct LessonTagging {
    struct Sentence {
        std::vector<std::string> words, tags;
    };
    lm::TaggerConfig config; // the tagger's configuration
    int steps = 0;           // training steps
    double accuracy = 0; // on the held-out sentences, in [0, 1]
    int testSentences = 0, testWords = 0;
    std::vector<Sentence> examples; // sentences whose words need their neighbours ("I book a room .")
    std::shared_ptr<const lm::Trace> trace; // the tagger's hidden states over the first example
};

// The last `gradients` action: |dL/dh_t| for t = 0 … T−1 (the loss at T−1) of fresh cells.
struct LessonGradients {
    double scale = 1;
    std::vector<std::pair<std::string, std::vector<float>>> norms; // cell -> norms
};

// The last `generate` action, as token ids, for the checks on decoding.
struct LessonGeneration {
    std::vector<std::int32_t> prompt, continuation;
    std::vector<std::int32_t> again; // the same request once more (the same seed)
    lm::SamplingOptions options;
};

struct LessonPretraining;
struct LessonFinetuning;
struct LessonContextual;
struct LessonRetrieval;
struct LessonTranslation;
struct LessonCorruption;
struct LessonZoo;

// What the steps so far produced. An action that produces a result again replaces it with a new
// object, so a view can tell a new result from one it already shows by the pointer.
struct LessonResults {
    std::vector<LessonRun> runs; // the last is the current model's
    std::shared_ptr<const lm::Trace> trace;
    std::string generated;
    std::vector<lm::MemoryLabRow> memoryRows;
    std::shared_ptr<const LessonVectors> vectors;
    std::shared_ptr<const LessonForecast> forecast;
    std::shared_ptr<const LessonTagging> tagging;
    std::shared_ptr<const LessonGradients> gradients;
    // Encoders and encoder–decoders (lessons/lessontasks.h): every pre-training in order (a
    // check may compare two), the last fine-tuning, contextual vectors, retrieval, translation
    // and corruption samples.
    std::vector<std::shared_ptr<const LessonPretraining>> pretrainings;
    std::shared_ptr<const LessonFinetuning> finetuning;
    std::shared_ptr<const LessonContextual> contextual;
    std::shared_ptr<const LessonRetrieval> retrieval;
    std::shared_ptr<const LessonTranslation> translation;
    std::shared_ptr<const LessonCorruption> corruption;
    std::shared_ptr<const LessonZoo> zoo;
};

class LessonSession {
public:
    // `cancel` (may be null) stops long actions between units of work.
    explicit LessonSession(const lm::CancelToken *cancel = nullptr);
    ~LessonSession();

    // Runs the step's actions in order, then its checks. `progress` receives each action's kind
    // ("train", "trace", …) as it starts.
    StepOutcome runStep(const LessonStep &step, const std::function<void(const std::string &)> &progress = {});

    const LessonResults &results() const { return m_results; }
    // The current model's training losses (empty before it trains).
    const std::vector<double> &losses() const;
    const LessonSelection &selection() const { return m_selection; }
    // Called after every training step of a `train` action with the run's index in
    // results().runs and the loss (on the session's thread).
    void setLossObserver(std::function<void(std::size_t run, double loss)> observer) { m_onLoss = std::move(observer); }
    const std::string &corpusSpec() const { return m_corpusSpec; }
    const lm::ModelChoice &modelChoice() const { return m_choice; }

private:
    void act(const LessonAction &action);
    CheckOutcome check(const LessonCheck &check);
    // The encoder and encoder–decoder actions and checks (lessons/lessontasks.h); false when
    // `kind` is not one of them.
    bool actOnTask(const LessonAction &action);
    std::optional<CheckOutcome> checkTask(const LessonCheck &check);
    void ensureSetup();
    const std::string &corpusText();
    double recentLoss() const;
    // The model's next-token logits at every position of the last generation (one row per
    // generated token: the distribution it was drawn from).
    std::vector<std::vector<float>> generationLogits();

    const lm::CancelToken *m_cancel;
    std::string m_corpusSpec = "builtin:en";
    std::string m_corpusText;
    lm::ModelChoice m_choice;
    lm::TrainConfig m_train;
    std::optional<lm::TrainingSetup> m_setup;
    LessonResults m_results;
    std::optional<LessonGeneration> m_generation;
    std::shared_ptr<LessonVectors> m_vectors; // the last embed's; published in m_results after its step's checks
    bool m_freshVectors = false;              // m_vectors came from this step: its checks may name words
    double m_forecastRmse = -1, m_naiveRmse = -1;
    double m_taggerAccuracy = -1;
    LessonSelection m_selection;
    std::function<void(std::size_t, double)> m_onLoss;
};

// Runs every step of `lesson` in a fresh session; `report` gets one line per step and per check
// ("step 2: ok: loss 1.84 < 2.5"). Returns true when every step passed.
// `stepsPassed`, when given, gets one entry per step: whether it ran and every check held.
bool checkLesson(const Lesson &lesson, const std::function<void(const std::string &)> &report,
                 const lm::CancelToken *cancel = nullptr, std::vector<bool> *stepsPassed = nullptr);
