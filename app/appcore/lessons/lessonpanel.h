#pragma once
// LessonPanel: the lesson dock. A learner picks a lesson, reads a step, presses "Do this step":
// the step's actions run in a LessonSession on a worker thread (the panel shows which action is
// running, and Stop cancels it), then the check results appear (✓ or ✗ with what was measured)
// and the main window shows what the step produced (stepDone). Back and Next move freely; the
// learner may wander through the app and come back. The step reached in each lesson is saved.
#include "lessons/lessonhandout.h"
#include "lessons/lessonsession.h"
#include "base/workerthread.h"

#include <QElapsedTimer>
#include <QWidget>

#include <memory>

class QButtonGroup;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTextBrowser;
class QVBoxLayout;

// What a finished step hands to the main window (copied out of the worker's session; the
// results' shared objects are never changed once handed over).
struct LessonSnapshot {
    LessonResults results; // everything the steps so far produced
    LessonSelection selection;
    QString corpusSpec; // "builtin:en"
    QString arch;       // the model the steps train
};
Q_DECLARE_METATYPE(LessonSnapshot)

// Runs steps of one lesson in order on its own thread; lives in that thread.
class LessonWorker final : public QObject {
    Q_OBJECT

public:
    void cancel() { m_cancel.cancel(); }
    void restart(); // a fresh session (another lesson, or the same from the start)
    // Runs `steps` in order in the session, stopping at the first that cannot run; reports the
    // last one run (its error then says which step failed).
    void runSteps(const std::vector<LessonStep> &steps);

Q_SIGNALS:
    void actionStarted(const QString &kind);
    // While a step trains: the losses of the steps done since the last report (about 10 per
    // second), of run `run` (an index into LessonResults::runs) of family `arch`.
    void trainingProgress(int run, const QString &arch, const QVector<double> &newLosses);
    void stepFinished(const StepOutcome &outcome, const LessonSnapshot &snapshot);

private:
    void flushLosses(); // emits trainingProgress for the pending losses, if any

    lm::CancelToken m_cancel;
    std::unique_ptr<LessonSession> m_session;
    QVector<double> m_pendingLosses;
    int m_pendingRun = -1; // the run m_pendingLosses belong to
    QElapsedTimer m_sinceReport;
};
Q_DECLARE_METATYPE(StepOutcome)

class LessonPanel final : public QWidget {
    Q_OBJECT

public:
    explicit LessonPanel(QWidget *parent = nullptr);
    ~LessonPanel() override;

    // The lessons built into the binary (lessons/*.json), in file-name order. A file that fails
    // to load is listed by its error in the log, not offered.
    int lessonCount() const { return static_cast<int>(m_lessons.size()); }
    const Lesson &lesson(int index) const { return m_lessons.at(static_cast<std::size_t>(index)); }
    int currentLesson() const { return m_lesson; }
    int currentStep() const { return m_step; }
    bool isRunning() const { return m_running; }
    // The last run's check lines as shown ("✓ loss 1.84 < 2.50").
    QStringList checkLines() const;
    bool lastRunPassed() const { return m_lastPassed; }

    // The handout of the open lesson: what each step run in this window left (its figure, set by
    // the main window with setStepFigure, and its check results), in either language.
    std::map<int, HandoutFigure> handoutFigures(bool chinese) const;
    // Writes the open lesson's handout (lessons/lessonhandout.h); an empty string on success,
    // else the reason (also when no lesson is open).
    QString exportHandout(const QString &pdfPath, bool chinese) const;

public Q_SLOTS:
    void openLesson(int index); // resumes at the step reached last time
    // The view the step just run showed, for the handout (kept per lesson and step).
    void setStepFigure(const QImage &image);
    void goToStep(int step);
    void runStep();
    void stop();

Q_SIGNALS:
    void stepDone(const LessonSnapshot &snapshot);
    // A step is training run `run` of family `arch`: the main window draws these losses as they
    // come (step numbers follow on within a run).
    void trainingProgress(int run, const QString &arch, const QVector<double> &newLosses);
    // The steps about to run start from a fresh session (the first step, or going back): what
    // the views show of an earlier session is about to be replaced.
    void sessionStarted();
    // The step being shown changed (the main window may highlight nothing any more).
    void stepShown(int lesson, int step);

private:
    void showStep();
    void onFinished(const StepOutcome &outcome, const LessonSnapshot &snapshot);
    void answer();
    bool chinese() const;
    QString t(const LessonText &text) const;

    std::vector<Lesson> m_lessons;
    // Per (lesson, step) run in this window: the figure and the checks' messages in both languages.
    struct StepRecord {
        QImage figure;
        std::vector<std::pair<bool, LessonText>> checks;
    };
    std::map<std::pair<int, int>, StepRecord> m_records;
    int m_lesson = -1, m_step = 0;
    int m_stepsRunThrough = 0; // steps of this lesson already run in the session, in order
    bool m_running = false, m_lastPassed = false;

    QComboBox *m_choice;
    QLabel *m_stepLabel;
    QProgressBar *m_progress;
    QTextBrowser *m_text;
    QPushButton *m_run, *m_stop, *m_back, *m_next;
    QLabel *m_status;
    QListWidget *m_checks;
    QWidget *m_questionBox;
    QLabel *m_questionPrompt;
    QVBoxLayout *m_choicesLayout;
    QButtonGroup *m_choices;
    QPushButton *m_answer;
    QLabel *m_explanation;

    LessonWorker *m_worker = nullptr; // owned by m_thread
    WorkerThread m_thread;
};
