#pragma once
// LessonSession: performs a lesson's steps without a window and judges their checks. The CLI's
// `lesson --check` runs every step through it; the app's lesson panel runs the same session on
// a worker thread and shows what it produced in the real views (the loss curve, the traced
// attention, the chosen view, layer, head and token), so a check judges exactly what the
// learner sees.
#include "lessons/lesson.h"

#include "core/cancel.h"
#include "embed/wordvectors.h"
#include "inspect/memorylab.h"
#include "core/trace.h"
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

class LessonSession {
public:
    // `cancel` (may be null) stops long actions between units of work.
    explicit LessonSession(const lm::CancelToken *cancel = nullptr);
    ~LessonSession();

    // Runs the step's actions in order, then its checks. `progress` receives each action's kind
    // ("train", "trace", …) as it starts.
    StepOutcome runStep(const LessonStep &step, const std::function<void(const std::string &)> &progress = {});

    // What the steps so far produced, for the views.
    const std::vector<double> &losses() const { return m_losses; } // every training step, in order
    std::shared_ptr<const lm::Trace> trace() const { return m_trace; }
    const std::string &generated() const { return m_generated; }
    const std::vector<lm::MemoryLabRow> &memoryRows() const { return m_memoryRows; }
    const LessonSelection &selection() const { return m_selection; }
    // Called after every training step of a `train` action, with the loss (on the session's thread).
    void setLossObserver(std::function<void(double)> observer) { m_onLoss = std::move(observer); }
    const std::string &corpusSpec() const { return m_corpusSpec; }
    const lm::ModelChoice &modelChoice() const { return m_choice; }

private:
    void act(const LessonAction &action);
    CheckOutcome check(const LessonCheck &check);
    void ensureSetup();
    double recentLoss() const;

    const lm::CancelToken *m_cancel;
    std::string m_corpusSpec = "builtin:en";
    std::string m_corpusText;
    lm::ModelChoice m_choice;
    lm::TrainConfig m_train;
    std::optional<lm::TrainingSetup> m_setup;
    std::vector<double> m_losses;
    std::shared_ptr<const lm::Trace> m_trace;
    std::string m_generated;
    std::vector<std::string> m_sameSeedTexts; // two generations with one seed, for same_seed_same_text
    std::optional<lm::WordVectors> m_vectors;
    double m_forecastRmse = -1, m_naiveRmse = -1;
    double m_taggerAccuracy = -1;
    std::vector<std::pair<std::string, std::vector<float>>> m_gradients; // cell -> |dL/dh_t|
    std::vector<lm::MemoryLabRow> m_memoryRows;
    LessonSelection m_selection;
    std::function<void(double)> m_onLoss;
};

// Runs every step of `lesson` in a fresh session; `report` gets one line per step and per check
// ("step 2: ok: loss 1.84 < 2.5"). Returns true when every step passed.
bool checkLesson(const Lesson &lesson, const std::function<void(const std::string &)> &report,
                 const lm::CancelToken *cancel = nullptr);
