#pragma once
// Filling plots from a model's Trace and from the gradient probe: shared by the recurrent view
// and by `lmscope-cli plot hidden|gates|gradients`, so both draw the same thing.
#include "core/trace.h"

#include <QString>
#include <QStringList>

class HeatmapPlot;
class LinePlot;

// "layer0", "layer1", … for every layer whose hidden states the trace holds, in order (a hybrid's
// attention layers hold none, so the list may skip them).
QStringList traceLayers(const lm::Trace &trace);
// The trace's tokens, or empty when they do not match `count` positions.
QStringList traceTokens(const lm::Trace &trace, int count);

// Units × time heatmap of "{layer}.{direction}.hidden", coloured over [−1, 1] (tanh states) or
// over ±its largest size when that is more (a state-space layer's output); false when the trace
// has none.
bool plotHiddenStates(HeatmapPlot &plot, const lm::Trace &trace, const QString &layer, const QString &direction);
// Units × time heatmap of "{layer}.forward.gate.{gate}" ([0, 1] for sigmoid gates, [−1, 1] for
// the candidates g and n); false when the trace has no such gate.
bool plotGate(HeatmapPlot &plot, const lm::Trace &trace, const QString &layer, const QString &gate);
// The gates present in a layer, in the order i f g o r z n.
QStringList traceGates(const lm::Trace &trace, const QString &layer);
// One unit of "{layer}.{direction}.hidden" over time, forward and backward when both exist.
void plotUnit(LinePlot &plot, const lm::Trace &trace, const QString &layer, int unit);
// |dL/dh_t| through time for fresh RNN, LSTM and GRU stacks (inspect/gradientprobe.h), log scale.
void plotGradientProbe(LinePlot &plot, int steps, int hidden, double weightScale);
