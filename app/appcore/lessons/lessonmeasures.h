#pragma once
// The measurements behind the lesson checks on decoding, gates and parallelism, and their
// verdicts. Each judge takes plain numbers (logit rows, token ids, a trace, a sampler, a layer's
// rounds) and compares two things (greedy against sampling, a high temperature against a low
// one, top-k against no cut, a recurrent layer against an attention layer), so a check fails
// when the model or the sampler behind it is broken; the tests hand them broken inputs.
//
// Legend: V = vocabulary, N = rows (positions of a generated text), T = sequence length.
#include "lessons/lessonsession.h"

#include "core/rng.h"
#include "models/architecture.h"
#include "models/sampling.h"

#include <cstdint>
#include <functional>
#include <vector>

// One row of next-token logits (V) per position: the distribution each token was drawn from.
using LogitRows = std::vector<std::vector<float>>;
// Draws one token from logits (V) as `options` say.
using TokenSampler = std::function<std::int32_t(const std::vector<float> &logits, const lm::SamplingOptions &options, lm::Rng &rng)>;
// The engine's sampler, lm::sampleToken.
TokenSampler engineSampler();

// ---- greedy decoding ----------------------------------------------------------------------------

// Passes when every chosen[i] is the most likely token of rows[i] (a logit within 1e-4 of the
// row's largest counts as a tie) and `again`, the same request with another seed, chose the
// same tokens.
CheckOutcome judgeGreedy(const LogitRows &rows, const std::vector<std::int32_t> &chosen,
                         const std::vector<std::int32_t> &again);

// The share of the n-token windows of `ids` that already occurred earlier in `ids`: 0 for a text
// that never repeats itself, near 1 for one caught in a loop. 0 when ids has fewer than n + 1
// tokens. Throws std::invalid_argument when n < 1.
double repeatedShare(const std::vector<std::int32_t> &ids, int n);
// Passes when the greedy continuation repeats itself (repeatedShare ≥ minShare) more than a
// sampled one of the same length does.
CheckOutcome judgeRepeats(const std::vector<std::int32_t> &greedy, const std::vector<std::int32_t> &sampled, int n,
                          double minShare);

// ---- temperature -------------------------------------------------------------------------------

// Entropy in nats of softmax(row / temperature), averaged over the rows. temperature > 0.
double meanEntropy(const LogitRows &rows, double temperature);
// The entropy of the tokens `sampler` draws: `draws` tokens per row at `temperature` (no cut),
// the entropy of their frequencies (plug-in estimate), averaged over the rows.
double sampledEntropy(const LogitRows &rows, double temperature, int draws, const TokenSampler &sampler, std::uint64_t seed);
// Passes when the high temperature spreads the next-token distribution more than the low one,
// both in the model's probabilities (entropy of softmax(logits/T)) and in what the sampler
// draws: the sampled entropy must rise by at least half as much as the model's.
CheckOutcome judgeTemperature(const LogitRows &rows, double low, double high, int draws, const TokenSampler &sampler,
                              std::uint64_t seed);

// ---- top-k ---------------------------------------------------------------------------------------

// Draws `draws` tokens per row with `options` (options.topK = k > 0) and as many without the
// cut; passes when no draw with the cut, and no token of `chosen` (one per row, the generated
// text), lies outside the row's k most likely tokens, while some draws without the cut do.
CheckOutcome judgeTopK(const LogitRows &rows, const std::vector<std::int32_t> &chosen, const lm::SamplingOptions &options,
                       int draws, const TokenSampler &sampler);

// ---- gates ---------------------------------------------------------------------------------------

// The gates a recurrent model recorded ("layer{l}.forward.gate.{name}", T × H): passes when there
// is at least one, every value is finite and in its range ([0, 1] for the sigmoid gates i f o r z,
// [−1, 1] for the candidates g and n), and they differ across units and across time: the mean
// over time of their spread (standard deviation) across units, and the mean over units of their
// spread across time, both reach minSpread.
CheckOutcome judgeGates(const lm::Trace &trace, double minSpread);

// ---- parallelism ---------------------------------------------------------------------------------

// How many steps a layer needs one after another, measured on a machine with a processor per
// position: every round computes every position at once, from the layer's inputs and the
// outputs of the round before (all NaN before the first round). NaN never fades, so a position
// is finite only once everything it depends on was computed in an earlier round. `round` maps
// the previous round's outputs (positions × width) to the new ones. Returns the first round r
// whose outputs are all finite and equal to those of round r + 1; maxRounds + 1 when that does
// not happen within maxRounds.
int parallelRounds(int positions, int width, const std::function<std::vector<float>(const std::vector<float> &previous)> &round,
                   int maxRounds);
// parallelRounds for one fresh layer of `family` over `positions` random inputs: a recurrent
// cell (its state at t is an input of step t + 1) or causal self-attention (every position reads
// the layer's inputs). Throws std::invalid_argument for a family with neither.
int layerRounds(const lm::Architecture &family, int positions);
// The families layerRounds measures, from the table.
std::vector<std::string> roundFamilies();
// Passes when the `sequential` family's count grows with the length, the `parallel` one's does
// not, and the sequential count exceeds the parallel one. counts: the rounds at `lengths[i]`.
CheckOutcome judgeSequentialSteps(const std::string &sequential, const std::vector<int> &sequentialCounts,
                                  const std::string &parallel, const std::vector<int> &parallelCounts,
                                  const std::vector<int> &lengths);
