#pragma once
// HeadStepView: one attention head's computation redone step by step from the head's traced
// inputs ("layer{l}.head{h}.q/.k/.v", "layer{l}.scale", "layer{l}.causal", see
// engine/models/attention.h), one small matrix per step:
//   1 Q  2 K  3 V  4 QKᵀ  5 ÷ √d  6 mask (masked cells NaN, drawn grey)  7 softmax  8 × V
// Step 7 is computed here from q and k and shown beside the recorded "….attention" matrix, with
// their largest difference. Beside the steps a fixed panel compares a dictionary lookup with
// attention's soft lookup, with the selected query token's top-3 keys as the example.
#include "base/metatypes.h"

#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>

#include <memory>

class HeatmapPlot;
class QComboBox;
class QLabel;
class QPushButton;

class HeadStepView final : public QWidget
{
    Q_OBJECT

public:
    explicit HeadStepView(QWidget *parent = nullptr);
    ~HeadStepView() override;

    // Shows head `head` of layer `layer` of `trace` (null clears) at step 0, query = the last
    // token. A trace without the head's q, k and v (older traces, other families) shows a note
    // and empty plots.
    void setHead(std::shared_ptr<const lm::Trace> trace, int layer, int head);
    bool hasHead() const { return m_tq > 0; }

    // Steps 0..stepCount()−1 (0 = Q … 7 = × V); setStep clamps.
    int step() const { return m_step; }
    void setStep(int step);
    int stepCount() const { return 8; }

    // The query token the analogy panel explains (clamped; −1 without a head). A click on a
    // row of a query × … matrix selects it too.
    int query() const { return m_query; }
    void setQuery(int query);

    // For tests and the lead's wiring.
    HeatmapPlot *plot() const { return m_plot; }
    HeatmapPlot *recordedPlot() const { return m_recordedPlot; } // visible at step 7 only
    QString stepTitle() const;
    QString explanation() const;
    QString analogyText() const;
    // Largest |computed softmax − recorded attention| (NaN without both).
    double recordedDifference() const { return m_difference; }

Q_SIGNALS:
    void stepChanged(int step);
    void queryChanged(int query);

private:
    void compute();
    void showStep();
    void updateAnalogy();
    QString keyLabel(int j) const;
    QString queryLabel(int i) const;

    std::shared_ptr<const lm::Trace> m_trace;
    int m_layer = 0, m_head = 0, m_step = 0, m_query = -1;
    int m_tq = 0, m_tk = 0, m_d = 0;
    float m_scale = 1.0f;
    bool m_causal = false, m_hasRecorded = false;
    double m_difference = 0.0;
    QStringList m_queryTokens, m_keyTokens; // empty when the trace's tokens do not fit
    // (Tq, D), (Tk, D), (Tk, D), (Tq, Tk) ×4, (Tq, Tk), (Tq, D), all row-major
    QVector<float> m_q, m_k, m_v, m_scores, m_scaled, m_masked, m_probs, m_recorded, m_out;

    QLabel *m_title = nullptr;
    QLabel *m_text = nullptr;
    HeatmapPlot *m_plot = nullptr;
    HeatmapPlot *m_recordedPlot = nullptr;
    QLabel *m_check = nullptr;
    QPushButton *m_previous = nullptr;
    QPushButton *m_next = nullptr;
    QLabel *m_counter = nullptr;
    QComboBox *m_queryBox = nullptr;
    QLabel *m_analogy = nullptr;
};
