#pragma once
// LanguageModelPage: the language-model tab and the docks that work it. The tab itself is the
// live loss plot; the "Corpus and model" dock chooses the text, the tokens, the family and its
// options; the "Training" dock holds the training settings, Start, Pause, Step and Reset, and a
// prompt with "Let it write" over the model's text as it streams in; the "Log" dock lists what
// happened. Tokens/s, tensor memory and progress sit in the window's status bar. Training runs on
// the TrainingController's worker thread: the page merges bursts of its step reports with a
// short timer and replots once.
//
// The window decides what surrounds a training (the autosave, the clipping plot on the recurrent
// tab, the recent files): the Start, Step and Open buttons ask it through startRequested(),
// stepRequested() and openCorpusRequested(), and stopped() tells it a run ended.
#include "workers/trainingcontroller.h"

#include <QObject>
#include <QTimer>
#include <QVector>

class LossPlot;
class ModelOptionsPanel;
class QCheckBox;
class QComboBox;
class QDockWidget;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QMainWindow;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSettings;
class QSpinBox;
class QWidget;

class LanguageModelPage final : public QObject {
    Q_OBJECT

public:
    // Builds the plot (a child of `window`; the window puts it in its tabs), adds the three docks
    // to `window`'s left and bottom areas and its status-bar widgets, and follows `controller`.
    LanguageModelPage(QMainWindow *window, TrainingController *controller);
    ~LanguageModelPage() override;

    LossPlot *lossPlot() const { return m_lossPlot; }
    // The setup, training and log docks: shown with the language-model tab only.
    const QList<QDockWidget *> &docks() const { return m_docks; }
    QDockWidget *setupDock() const { return m_setupDock; }
    QLabel *generatedLabel() const { return m_generated; }
    ModelOptionsPanel *modelOptions() const { return m_model; }

    // The choices in the docks. The autosave fields stay empty: the window fills them.
    TrainingRequest request() const;
    void setSteps(int steps);
    void setArchitecture(const QString &arch); // an architecture-table name
    void setCorpusSpec(const QString &spec);   // selects a built-in or adds a file entry
    QString corpusSpec() const;
    QString logText() const;
    void appendLog(const QString &line);
    QString generatedText() const; // as far as it has streamed
    void setGeneratedText(const QString &text);
    // Every step report of the current run, and the clipping threshold (0 = off), for the
    // recurrent tab's clipping plot.
    const QVector<lm::StepReport> &history() const { return m_history; }
    double clipNorm() const;

    // The "train/*" settings: corpus, tokens, family and its options (kept per family), and the
    // training settings. A saved corpus file that no longer exists is skipped.
    void loadSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

    // Starts (or resumes, or steps once) as TrainingController::start; a run that begins afresh
    // clears the plot and the history.
    void start(const TrainingRequest &request, bool stepOnly = false);
    // Forgets the model: the next start builds a fresh one.
    void reset();
    // Lets the model write 80 tokens after the prompt (or a word the chosen built-in corpus uses a
    // lot, in its language, when the prompt is empty).
    void sample();

Q_SIGNALS:
    void startRequested();
    void stepRequested();
    // "Open text file…": the window opens it as File ▸ Open does (it checks the file and keeps
    // the recent list).
    void openCorpusRequested();
    // A run ended (not paused): finished, cancelled or diverged.
    void stopped(TrainingWorker::Stop why);

private:
    QDockWidget *buildSetupDock();
    QDockWidget *buildControlsDock();
    QDockWidget *buildLogDock();
    void onStateChanged(TrainingController::State state);
    void onProgress(const QVector<lm::StepReport> &reports);
    void flushProgress();
    void onStopped(TrainingWorker::Stop why, const QString &message);
    void syncFamilyControls();
    int m_knownVocabulary = 0; // the tokenizer's vocabulary in the last run on this corpus; 0 = unknown
    void showMessage(const QString &text);

    QMainWindow *m_window;
    TrainingController *m_controller;
    LossPlot *m_lossPlot;
    QList<QDockWidget *> m_docks;
    QDockWidget *m_setupDock = nullptr;
    QPlainTextEdit *m_log = nullptr;

    QComboBox *m_corpus = nullptr;
    QComboBox *m_tokenizer = nullptr;
    ModelOptionsPanel *m_model = nullptr;
    QDoubleSpinBox *m_clip = nullptr;
    QCheckBox *m_tbptt = nullptr;
    QSpinBox *m_batch = nullptr;
    QSpinBox *m_seq = nullptr;
    QSpinBox *m_steps = nullptr;
    QDoubleSpinBox *m_lr = nullptr;
    QSpinBox *m_seed = nullptr;
    QSpinBox *m_threads = nullptr;
    QLineEdit *m_prompt = nullptr;
    QLabel *m_generated = nullptr; // the model's text as it streams in

    QPushButton *m_startButton = nullptr;
    QPushButton *m_pauseButton = nullptr;
    QPushButton *m_stepButton = nullptr;
    QPushButton *m_resetButton = nullptr;
    QPushButton *m_sampleButton = nullptr;

    QProgressBar *m_progress = nullptr;
    QLabel *m_speed = nullptr;
    QLabel *m_memory = nullptr;

    // Reports that arrived since the last replot; merged by m_flushTimer.
    QVector<lm::StepReport> m_pending;
    QTimer m_flushTimer;
    lm::StepReport m_last;
    QVector<lm::StepReport> m_history; // every step of the current run
};
