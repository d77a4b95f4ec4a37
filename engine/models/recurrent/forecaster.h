#pragma once
// Time-series forecasting with a recurrent network: the values of a window, normalised, go
// through a RecurrentStack (rnn, lstm or gru); at every step a linear head predicts the change
// to the next value, so the prediction is
//
//   ŷ_{t+1} = x_t + w·h_t + b          (x normalised: (y − mean) / std of the training part)
//
// and an untrained head (w·h + b ≈ 0) starts from the naive "last value" forecast that the
// report compares against. Loss: mean squared error over every position of every window.
//
// Tensor names: rnn.weight_ih_l0 … (torch.nn names, input size 1), head.weight (1, H),
// head.bias (1).
//
// Training, the series and the report: engine/train/forecasting.h.
//
// Legend: B = batch (windows), T = window length, H = hidden.
#include "core/optim.h"
#include "core/rng.h"
#include "models/languagemodel.h"
#include "models/recurrent/recurrent.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lm {

struct ForecasterConfig {
    CellKind kind = CellKind::Lstm;
    int hidden = 32;
    int layers = 1;
    int window = 48; // T: values the network reads before each prediction
};

// What forecast() gives.
struct Forecast {
    std::size_t first = 0;            // the index in history of oneStep[0]
    std::vector<double> oneStep;      // oneStep[i] predicts history[first + i] from the values before it
    std::vector<double> continuation; // `horizon` values after the history, each fed back as input
};

class SeriesForecaster final : public TrainableModel {
public:
    // Weights U(−1/√H, 1/√H) as PyTorch. Throws std::invalid_argument on hidden, layers or
    // window < 1.
    SeriesForecaster(const ForecasterConfig &config, Rng &rng);

    const ForecasterConfig &config() const { return m_config; }
    ParameterList parameters() const override;

    // The normalisation: x = (y − mean) / stddev. stddev must be > 0 (throws otherwise).
    void setScale(double mean, double stddev);
    double mean() const { return m_mean; }
    double stddev() const { return m_std; }

    // x: (B, T, 1) normalised -> predictions of the next normalised values (B, T, 1).
    Tensor predict(const Tensor &x) const;
    // Mean squared error of predict(x) against target (B, T, 1); records on the active tape.
    Tensor loss(const Tensor &x, const Tensor &target) const;
    // The same for a forecasting batch: its (B, T) normalised values and value targets.
    Tensor loss(const TokenBatch &batch) override;

    // One-step-ahead predictions of history[from …): each from the `window` values before it
    // (fewer at the very start). from >= 1. De-normalised. Runs without a tape.
    std::vector<double> oneStepAhead(const std::vector<double> &history, std::size_t from) const;
    // One-step-ahead predictions of the last `heldOut` values (0 = none) and an autoregressive
    // continuation of `horizon` values after the end. Throws std::invalid_argument when history
    // is empty or heldOut >= history.size().
    Forecast forecast(const std::vector<double> &history, int horizon, std::size_t heldOut = 0) const;

private:
    // contexts: N rows of `time` raw values -> the normalised prediction after each row (N).
    std::vector<double> predictAfter(const std::vector<double> &contexts, std::size_t rows, std::size_t time) const;

    ForecasterConfig m_config;
    std::unique_ptr<RecurrentStack> m_stack;
    Tensor m_headWeight; // (1, H)
    Tensor m_headBias;   // (1)
    double m_mean = 0.0, m_std = 1.0;
};

} // namespace lm
