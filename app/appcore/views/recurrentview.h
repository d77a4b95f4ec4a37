#pragma once
// RecurrentView: inside a recurrent network. For the model trained on the language-model tab
// (RNN, LSTM or GRU): the hidden states as a units × time heatmap with the tokens under it
// (forward and backward halves side by side for a bidirectional stack), one unit's trace as a
// line, and the gates over time. Beside them the gradient through time: how much of a loss on the
// last step reaches each earlier step, for fresh RNN, LSTM and GRU cells; and what clipping did
// to the gradient norms while the model trained. The sequence tasks (tagging, forecasting) have
// their own pages.
#include "base/metatypes.h"
#include "train/trainer.h"

#include <QWidget>

#include <memory>

class HeatmapPlot;
class LinePlot;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QWidget;

// One curve of a gradient probe measured elsewhere (a lesson): a cell's |dL/dh_t| for
// t = 0 … T−1, the loss at T−1.
struct GradientCurve {
    QString name;
    QVector<double> norms;
};

class RecurrentView final : public QWidget {
    Q_OBJECT

public:
    explicit RecurrentView(QWidget *parent = nullptr);
    ~RecurrentView() override;

    // Pages, for tests and lessons.
    HeatmapPlot *hiddenPlot() const { return m_hidden; }
    HeatmapPlot *backwardHiddenPlot() const { return m_hiddenBackward; }
    HeatmapPlot *gatePlot() const { return m_gates; }
    LinePlot *unitPlot() const { return m_unit; }
    LinePlot *gradientPlot() const { return m_gradients; }
    LinePlot *clippingPlot() const { return m_clipping; }
    void addPage(QWidget *page, const QString &title); // the sequence-task pages
    QStringList layerNames() const; // the layers of the last trace that hold a state ("layer0" …)

public Q_SLOTS:
    // A trace of the language model over a text (from the training worker).
    void showTrace(std::shared_ptr<const lm::Trace> trace);
    // The training history of the language-model tab, for the clipping plot.
    void showTrainingHistory(const QVector<lm::StepReport> &reports, double clipNorm);
    void showUnit(int unit);
    void runGradientProbe();
    // Shows a probe measured elsewhere on the gradients page (which it brings to the front),
    // with the steps and weight scale it used in the page's controls.
    void showGradientProbe(const QList<GradientCurve> &curves, double weightScale);

Q_SIGNALS:
    // The user asked to trace this text through the current language model.
    void inspectRequested(const QString &text);

private:
    void showGate();

    QTabWidget *m_pages;
    QLineEdit *m_text = nullptr;
    QLabel *m_traceNote = nullptr;
    HeatmapPlot *m_hidden = nullptr;
    HeatmapPlot *m_hiddenBackward = nullptr;
    LinePlot *m_unit = nullptr;
    QComboBox *m_layer = nullptr;
    QComboBox *m_gate = nullptr;
    HeatmapPlot *m_gates = nullptr;
    QSpinBox *m_steps = nullptr, *m_probeHidden = nullptr;
    QDoubleSpinBox *m_scale = nullptr;
    QWidget *m_gradientPage = nullptr;
    LinePlot *m_gradients = nullptr;
    LinePlot *m_clipping = nullptr;

    std::shared_ptr<const lm::Trace> m_trace;
    int m_selectedUnit = 0;
};
