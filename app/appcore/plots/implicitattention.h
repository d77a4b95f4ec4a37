#pragma once
// Reading attention maps out of a Trace the same way for every family: a Transformer layer's
// heads ("layer{l}.head{h}.attention", rows sum to 1) and a state-space layer's implicit attention
// ("layer{l}.implicit.attention": RWKV's normalised decay weights, Mamba's mean |α| over channels),
// brought to one scale so they can be drawn side by side: each row scaled to sum to 1.
#include "core/trace.h"

#include <optional>
#include <string>

// "layer{l}.implicit.attention".
std::string implicitAttentionKey(int layer);
// `m` with each row divided by its sum (a row of zeros stays zero).
lm::TraceMatrix rowsSummingToOne(const lm::TraceMatrix &m);
// Layer `layer`'s map, (T, T) with rows summing to 1: its heads' attention averaged, or its
// implicit attention; nothing when the trace has neither for that layer.
std::optional<lm::TraceMatrix> layerAttentionMap(const lm::Trace &trace, int layer);
// How many layers, from 0, have a map.
int attentionMapLayers(const lm::Trace &trace);
// How far back a row looks, on average: Σ_r Σ_s w[r][s]·(r − s) / T, in tokens.
double meanLookBack(const lm::TraceMatrix &map);
// The largest weight above the diagonal (w[r][s], s > r): 0 for a model that never sees the future.
double largestFutureWeight(const lm::TraceMatrix &map);
