#pragma once
// ImplicitComparePage: the Attention tab's second page. "Train and compare" trains a small
// Transformer and a small model of each state-space family (workers/implicitcompareworker.h) on
// the language-model tab's corpus and traces one text through all of them; a row of heatmaps
// then shows, for the chosen layer, where each one's output draws from: the Transformer's heads
// averaged, RWKV's and Mamba's implicit attention, each row scaled to sum to 1 and all on one
// colour scale. Under each map: its training loss and how far back it looks on average.
#include "workers/implicitcompareworker.h"

#include "base/workerthread.h"

#include <QVector>
#include <QWidget>

#include <functional>
#include <optional>

class HeatmapPlot;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

class ImplicitComparePage final : public QWidget {
    Q_OBJECT

public:
    explicit ImplicitComparePage(QWidget *parent = nullptr);
    ~ImplicitComparePage() override;

    // Where the corpus comes from when a comparison starts (the language-model tab's choice);
    // defaultCorpusSpec() until set.
    void setCorpusSource(std::function<QString()> source) { m_corpusSource = std::move(source); }
    void setText(const QString &text);
    void setSteps(int steps);
    bool isRunning() const { return m_running; }
    // The families compared, in order, and what the last comparison showed for the chosen layer.
    int modelCount() const { return int(m_plots.size()); }
    HeatmapPlot *map(int model) const { return m_plots.value(model); }
    QString modelName(int model) const;
    int layerCount() const;
    // Whether model `model`'s map at the chosen layer is implicit attention (a state-space layer).
    bool isImplicit(int model) const;
    double lookBack(int model) const;       // meanLookBack of the shown map; NaN before a comparison
    double futureWeight(int model) const;   // largestFutureWeight of the shown map; NaN before
    double trainingLoss(int model) const;   // NaN before a comparison

public Q_SLOTS:
    void start();
    void cancel();
    void selectLayer(int layer);

Q_SIGNALS:
    void compared(bool ok); // every model traced (true), or failed or cancelled (false)

private:
    void showModel(int model);
    // Model `model`'s map at the chosen layer; nothing before its trace arrives.
    std::optional<lm::TraceMatrix> shownMap(int model) const;
    void setRunning(bool on);

    ImplicitCompareWorker *m_worker;
    WorkerThread m_thread;
    std::function<QString()> m_corpusSource;
    QLineEdit *m_text;
    QSpinBox *m_steps;
    QPushButton *m_run, *m_stop;
    QProgressBar *m_progress;
    QLabel *m_status;
    QComboBox *m_layer;
    QVector<QLabel *> m_titles, m_stats;
    QVector<HeatmapPlot *> m_plots;
    QVector<ImplicitCompareModel> m_results; // by model; trace null until it arrives
    int m_generation = 0;
    bool m_running = false;
};
