#pragma once
// RoutingView: the Experts tab, for a mixture-of-experts model trained on the language-model tab
// (a family that feeds the table's Routing view). Three things:
//  - a traced text with each token coloured by the expert it went to, a row per routing layer
//    (a row for the first choice, a lighter one below for the second);
//  - each expert's share of the tokens over training, for a chosen routing layer, against the
//    even share 1/E;
//  - the load-balancing loss over training (its smallest value, reached when every expert gets
//    an even share, is the number of experts per token).
// The curves come from the step reports' routing (lm::StepReport::routing); the token colours
// from the trace's "layer{l}.moe.experts".
#include "base/metatypes.h"

#include <QVector>
#include <QWidget>

#include <memory>

class LinePlot;
class QComboBox;
class QLabel;
class QLineEdit;

class RoutingView final : public QWidget {
    Q_OBJECT

public:
    explicit RoutingView(QWidget *parent = nullptr);
    ~RoutingView() override;

    LinePlot *loadPlot() const { return m_load; }
    LinePlot *balancePlot() const { return m_balance; }
    // From the training so far: how many layers route, and experts per layer (0 before any).
    int routingLayers() const { return int(m_layers.size()); }
    int expertCount() const { return m_experts; }
    // The last trace: the first-choice expert of each token in routing layer number `index`
    // (0 = the first routing layer); empty without one.
    QVector<int> tokenExperts(int index) const;
    QString tokenHtml() const; // the coloured tokens, as shown
    QString text() const;

public Q_SLOTS:
    void showTrace(std::shared_ptr<const lm::Trace> trace);
    // Appends the routed reports; a report whose step is not past the last one seen starts afresh
    // (a new run).
    void addReports(const QVector<lm::StepReport> &reports);
    void clearHistory();
    void selectLayer(int index);

Q_SIGNALS:
    void inspectRequested(const QString &text);

private:
    void replot();
    static QColor expertColour(int expert);

    QLineEdit *m_text;
    QLabel *m_note, *m_tokens;
    QComboBox *m_layer;
    LinePlot *m_load, *m_balance;
    std::shared_ptr<const lm::Trace> m_trace;
    QVector<int> m_layers;                 // the model's routing layers
    int m_experts = 0;
    QVector<double> m_steps, m_balanceLoss; // per routed step
    QVector<QVector<QVector<double>>> m_loads; // [routing layer][expert][step]
    int m_lastStep = 0;
};
