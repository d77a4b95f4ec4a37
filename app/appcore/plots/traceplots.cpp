#include "plots/traceplots.h"

#include "plots/heatmapplot.h"
#include "plots/lineplot.h"

#include "inspect/gradientprobe.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

namespace {
const lm::TraceMatrix *matrix(const lm::Trace &trace, const QString &name) { return trace.find(name.toStdString()); }

// (T, H) as a units × time matrix (H, T).
QVector<float> transposed(const lm::TraceMatrix &m)
{
    QVector<float> out(qsizetype(m.rows) * m.cols);
    for (int t = 0; t < m.rows; ++t)
        for (int u = 0; u < m.cols; ++u)
            out[qsizetype(u) * m.rows + t] = m.at(t, u);
    return out;
}

QStringList unitLabels(int count)
{
    QStringList labels;
    for (int u = 0; u < count; ++u)
        labels << QString::number(u);
    return labels;
}

} // namespace

QStringList traceLayers(const lm::Trace &trace)
{
    // Not every layer need have one: a hybrid's attention layers sit between its state-space ones.
    std::vector<int> found;
    for (const auto &[name, m] : trace.matrices) {
        int layer = -1;
        char rest[32] = {};
        if (std::sscanf(name.c_str(), "layer%d.%31s", &layer, rest) == 2 && layer >= 0 &&
            std::string(rest) == "forward.hidden")
            found.push_back(layer);
    }
    std::sort(found.begin(), found.end());
    QStringList layers;
    for (int l : found)
        layers << QStringLiteral("layer%1").arg(l);
    return layers;
}

QStringList traceTokens(const lm::Trace &trace, int count)
{
    QStringList tokens;
    if (static_cast<int>(trace.tokens.size()) != count)
        return tokens;
    for (const auto &t : trace.tokens)
        tokens << QString::fromStdString(t);
    return tokens;
}

bool plotHiddenStates(HeatmapPlot &plot, const lm::Trace &trace, const QString &layer, const QString &direction)
{
    const lm::TraceMatrix *h = matrix(trace, layer + QLatin1Char('.') + direction + QStringLiteral(".hidden"));
    if (!h)
        return false;
    plot.setAxisTitles(direction == QStringLiteral("backward") ? QCoreApplication::translate("TracePlots", "unit (backward direction)") : QCoreApplication::translate("TracePlots", "unit"),
                       QCoreApplication::translate("TracePlots", "time (token)"));
    plot.setValueTitle(QStringLiteral("h"));
    // tanh states lie in [−1, 1]; a state-space layer's output is unbounded: widen to its largest size.
    float largest = 1.0f;
    for (float v : h->values)
        if (std::isfinite(v))
            largest = std::max(largest, std::abs(v));
    plot.setRange(-largest, largest);
    plot.setMatrix(h->cols, h->rows, transposed(*h), unitLabels(h->cols), traceTokens(trace, h->rows));
    return true;
}

QStringList traceGates(const lm::Trace &trace, const QString &layer)
{
    QStringList gates;
    for (const char *g : {"i", "f", "g", "o", "r", "z", "n"})
        if (matrix(trace, layer + QStringLiteral(".forward.gate.") + QLatin1String(g)))
            gates << QString::fromLatin1(g);
    return gates;
}

bool plotGate(HeatmapPlot &plot, const lm::Trace &trace, const QString &layer, const QString &gate)
{
    const lm::TraceMatrix *g = matrix(trace, layer + QStringLiteral(".forward.gate.") + gate);
    if (!g)
        return false;
    const bool candidate = gate == QStringLiteral("g") || gate == QStringLiteral("n");
    plot.setAxisTitles(QCoreApplication::translate("TracePlots", "unit"), QCoreApplication::translate("TracePlots", "time (token)"));
    plot.setValueTitle(gate);
    plot.setRange(candidate ? -1.0 : 0.0, 1.0);
    plot.setMatrix(g->cols, g->rows, transposed(*g), unitLabels(g->cols), traceTokens(trace, g->rows));
    return true;
}

void plotUnit(LinePlot &plot, const lm::Trace &trace, const QString &layer, int unit)
{
    plot.clear();
    plot.setAxisLabels(QCoreApplication::translate("TracePlots", "time (token)"), QCoreApplication::translate("TracePlots", "activation"));
    int steps = 0;
    for (const char *dir : {"forward", "backward"}) {
        const lm::TraceMatrix *h = matrix(trace, layer + QLatin1Char('.') + QLatin1String(dir) + QStringLiteral(".hidden"));
        if (!h || unit < 0 || unit >= h->cols)
            continue;
        QVector<double> x, y;
        for (int t = 0; t < h->rows; ++t) {
            x << t;
            y << h->at(t, unit);
        }
        steps = h->rows;
        plot.addSeries(QCoreApplication::translate("TracePlots", "unit %1 (%2)").arg(unit).arg(QString::fromLatin1(dir)), x, y);
    }
    plot.setXTickLabels(traceTokens(trace, steps));
}

void plotGradientProbe(LinePlot &plot, int steps, int hidden, double weightScale)
{
    plot.clear();
    plot.setAxisLabels(QCoreApplication::translate("TracePlots", "time step (the loss is at the right end)"), QCoreApplication::translate("TracePlots", "|dL/dh_t|"));
    plot.setLogY(true);
    const struct {
        lm::CellKind kind;
        const char *name;
    } kinds[] = {{lm::CellKind::Rnn, "RNN"}, {lm::CellKind::Lstm, "LSTM"}, {lm::CellKind::Gru, "GRU"}};
    for (const auto &k : kinds) {
        lm::GradientProbe p;
        p.kind = k.kind;
        p.steps = steps;
        p.hidden = hidden;
        p.weightScale = static_cast<float>(weightScale);
        const std::vector<float> norms = lm::gradientThroughTime(p);
        QVector<double> x, y;
        for (std::size_t t = 0; t < norms.size(); ++t) {
            x << double(t);
            y << double(norms[t]);
        }
        plot.addSeries(QString::fromLatin1(k.name), x, y);
    }
}
