#pragma once
// CompareView: the Compare tab. Every family of the architecture table trained at about one
// parameter budget on one text (the zoo, inspect/zoo.h, on its own worker thread:
// workers/zooworker.h), shown three ways: a table of every measure, one measure per family as
// bars, and quality against training speed as a scatter; each exports as PNG, SVG, PDF and CSV.
// A comparison is cached per corpus and options, so opening it again is instant ("Train again"
// replaces it). Below, one sentence through every model: for a chosen layer, each family's
// attention (or implicit attention, or hidden-state similarity) over the sentence, all on one
// colour scale from 0 to 1, and what it predicts (the next token, the masked word, a translation).
#include "base/workerthread.h"
#include "workers/zooworker.h"

#include <QWidget>

class HeatmapPlot;
class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class ZooBarPlot;
class ZooScatterPlot;

class CompareView final : public QWidget {
    Q_OBJECT

public:
    explicit CompareView(QWidget *parent = nullptr);
    ~CompareView() override; // cancels a running comparison and waits for the worker thread

    // The controls as a job, and back (every family; cacheRoot and useCache are the view's).
    ZooJob job() const;
    void setJob(const ZooJob &job);
    bool isBusy() const { return m_busy; }
    const ZooOutcome &outcome() const { return m_outcome; }
    const SentenceReadings &readings() const { return m_readings; }
    QTableWidget *table() const { return m_table; }
    ZooBarPlot *barPlot() const { return m_bars; }
    ZooScatterPlot *scatterPlot() const { return m_scatter; }
    // Shows a comparison made elsewhere (a lesson step, by a ZooWorker, saved in outcome.folder)
    // as if made here; this view's worker reads sentences from its saved models. Returns false
    // while this view is busy.
    bool replayRun(const ZooOutcome &outcome);
    // The sentence box's text.
    void setSentence(const QString &text);

public Q_SLOTS:
    // Runs the controls' job, every family (from the cache when it holds it; `retrain` replaces
    // the cache).
    void run(bool retrain = false);
    // Runs `job` as given (its families, cacheRoot and useCache too).
    void runJob(const ZooJob &job);
    void cancel();
    // Reads the sentence box's text through every model of the comparison at the chosen layer.
    void readSentence();
    void exportTableWithDialog();

Q_SIGNALS:
    void finished(bool ok);
    void sentenceRead();

private:
    QWidget *buildSetup();
    QWidget *buildResults();
    void setBusy(bool busy);
    void onFinished(const ZooOutcome &outcome);
    void showTable();
    void showBars();
    void showScatter();
    void showReadings(const SentenceReadings &readings);

    ZooWorker *m_worker = nullptr;
    WorkerThread m_thread;
    bool m_busy = false;
    QString m_cacheRoot; // where the controls' comparisons are cached: the user's cache folder
    ZooOutcome m_outcome;
    SentenceReadings m_readings;
    int m_generation = 0;

    QComboBox *m_corpus = nullptr;
    QSpinBox *m_budget = nullptr, *m_steps = nullptr, *m_layers = nullptr;
    QCheckBox *m_translation = nullptr;
    QPushButton *m_run = nullptr, *m_retrain = nullptr, *m_cancel = nullptr, *m_export = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    QComboBox *m_measure = nullptr;
    ZooBarPlot *m_bars = nullptr;
    ZooScatterPlot *m_scatter = nullptr;
    QLineEdit *m_sentence = nullptr;
    QSpinBox *m_layer = nullptr;
    QPushButton *m_read = nullptr;
    QGridLayout *m_grid = nullptr;
    QList<QWidget *> m_cells;
};
