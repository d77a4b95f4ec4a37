#pragma once
// MainWindow: the lab's shell. Tabs for the language model (LanguageModelPage: the loss plot and
// its setup, training and log docks), word vectors, recurrent networks, attention and memory;
// the lesson dock; menus File/View/Lessons/Help. Choices persist through QSettings, training
// autosaves (Autosave) so a crash loses little. Training runs on TrainingController's worker
// thread; the views only receive value snapshots.
#include "workers/trainingcontroller.h"

#include <QMainWindow>

class AttentionView;
class EmbeddingView;
class EncodersView;
class LanguageModelPage;
class LessonPanel;
class LessonPresenter;
struct LessonSnapshot;
class LossPlot;
class MemoryView;
class ModelOptionsPanel;
class RecurrentView;
class RetrievalView;
class CompareView;
class RoutingView;
class TranslationView;
class QDockWidget;
class QMenu;
class QTabWidget;

class MainWindow final : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // For tests, the CLI-free screenshot path and the benchmarks.
    LossPlot *lossPlot() const;
    EmbeddingView *embeddingView() const { return m_embeddingView; }
    RecurrentView *recurrentView() const { return m_recurrentView; }
    AttentionView *attentionView() const { return m_attentionView; }
    MemoryView *memoryView() const { return m_memoryView; }
    EncodersView *encodersView() const { return m_encodersView; } // pre-training and fine-tuning
    RetrievalView *retrievalView() const { return m_retrievalView; }
    TranslationView *translationView() const { return m_translationView; }
    RoutingView *routingView() const { return m_routingView; } // the Experts tab
    CompareView *compareView() const { return m_compareView; } // the Compare tab
    // Chooses the language model by its architecture-table name.
    void setArchitecture(const QString &arch);
    ModelOptionsPanel *modelOptions() const;
    // 0: the language model and its loss; 1: word vectors; 2: recurrent networks; 3: attention;
    // then sentence search, memory and the tabs added after them (tabIndexOf finds one).
    void showTab(int index);
    int tabIndexOf(QWidget *page) const; // -1 when `page` is not a tab
    TrainingController *controller() const { return m_controller; }
    TrainingRequest currentRequest() const;
    void setSteps(int steps);
    void setCorpusSpec(const QString &spec); // selects a built-in or adds a file entry
    QString logText() const;
    QString generatedText() const; // the language-model tab's sample, as far as it has streamed
    // Opens a corpus file as File ▸ Open does (a bad file is reported in a dialog) and puts it
    // first in File ▸ Open recent (at most eight, kept in the settings at once).
    void openCorpusFile(const QString &path);
    QStringList recentCorpora() const;
    LessonPanel *lessonPanel() const { return m_lessonPanel; }
    // Autosave: while training, the model is saved every few seconds (autosavePath()). When
    // LMScope ended during training without closing (a crash, a kill), the next start finds the
    // session marked interrupted: resumeInterruptedSession() continues from the autosave with
    // the same settings; discardInterruptedSession() forgets it.
    static QString autosavePath();
    bool hasInterruptedSession() const;
    int interruptedStep() const; // the step the autosave holds; 0 when unknown
    void resumeInterruptedSession();
    void discardInterruptedSession();
    void setAutosaveInterval(int seconds) { m_autosaveSeconds = seconds; } // for tests
    int currentTab() const;
    // Off for screenshots and other headless runs: the window then writes no settings and no
    // autosave, so what a learner's next start shows is never changed by them.
    void setPersistent(bool on) { m_persistent = on; }
    // View ▸ Reset layout: the docks as on a first start, on the language-model tab.
    void resetLayout();
    // The widget a lesson's `highlight` region names ("loss_plot", "heatmap", …); null if unknown.
    QWidget *lessonRegion(const QString &region) const;

Q_SIGNALS:
    // The learner chose a language in the View menu ("en" or "zh_TW"; already saved). The
    // application rebuilds the window in that language (gui/main.cpp).
    void languageChangeRequested(const QString &code);

public Q_SLOTS:
    void startTraining();
    void pauseTraining();
    void stepTraining();
    void resetTraining();
    void openCorpus();
    void saveCheckpoint();
    void exportHuggingFace();
    void exportLossPlot();
    void sampleText();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildLessonDock();
    void applyLessonStep(const LessonSnapshot &snapshot);
    void highlight(QWidget *target);
    void updateRecentMenu();
    void buildMenus();
    void loadSettings();
    void saveSettings() const;
    void showWorkingLayout(); // the language-model tab with its setup, training and log docks
    TrainingRequest requestWithAutosave(TrainingRequest request) const;

    TrainingController *m_controller;
    LanguageModelPage *m_lm;
    EmbeddingView *m_embeddingView;
    RecurrentView *m_recurrentView;
    AttentionView *m_attentionView;
    MemoryView *m_memoryView;
    EncodersView *m_encodersView = nullptr;
    RetrievalView *m_retrievalView;
    TranslationView *m_translationView = nullptr;
    RoutingView *m_routingView = nullptr;
    CompareView *m_compareView = nullptr;
    QTabWidget *m_tabs;
    LessonPresenter *m_presenter = nullptr;
    LessonPanel *m_lessonPanel = nullptr;
    QDockWidget *m_lessonDock = nullptr;
    int m_autosaveSeconds = 20;
    bool m_persistent = true;
    QByteArray m_defaultLayout; // saveState() before the settings were applied
    QMenu *m_recentMenu = nullptr;
    bool m_generationForAttention = false; // the running generation was asked for by the attention tab
};
