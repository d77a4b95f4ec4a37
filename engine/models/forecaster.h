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
// Legend: B = batch (windows), T = window length, H = hidden.
#include "core/cancel.h"
#include "core/optim.h"
#include "core/result.h"
#include "core/rng.h"
#include "models/recurrent/recurrent.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lm {

// n values  y_t = trend·t + sin(2πt / period) + 0.5·sin(2πt / (7·period)) + ε_t,  ε_t ~ N(0, noise²):
// a linear trend, a season of `period` steps, a slower season seven times as long (days in a
// week, for hourly data with period 24), and Gaussian noise from `seed`.
// Throws std::invalid_argument when n < 0, period < 2 or noise < 0.
std::vector<double> generateSeries(int n, std::uint64_t seed, double trend = 0.0, int period = 24, double noise = 0.1);

// The numbers of one column of a CSV file with a header row. `column` is a header name, or a
// 0-based index when no header cell has that name. Fields may be double-quoted; empty lines are
// skipped. Errors name the file and line: an unknown column, a short row, a cell that is not a
// finite number, no rows, more than 10 million rows.
Result<std::vector<double>> loadSeriesCsv(const std::string &path, const std::string &column);

// sqrt(mean((a_i − b_i)²)) over the common length; 0 when empty.
double rmse(const std::vector<double> &a, const std::vector<double> &b);

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

class SeriesForecaster {
public:
    // Weights U(−1/√H, 1/√H) as PyTorch. Throws std::invalid_argument on hidden, layers or
    // window < 1.
    SeriesForecaster(const ForecasterConfig &config, Rng &rng);

    const ForecasterConfig &config() const { return m_config; }
    ParameterList parameters() const;

    // The normalisation: x = (y − mean) / stddev. stddev must be > 0 (throws otherwise).
    void setScale(double mean, double stddev);
    double mean() const { return m_mean; }
    double stddev() const { return m_std; }

    // x: (B, T, 1) normalised -> predictions of the next normalised values (B, T, 1).
    Tensor predict(const Tensor &x) const;
    // Mean squared error of predict(x) against target (B, T, 1); records on the active tape.
    Tensor loss(const Tensor &x, const Tensor &target) const;

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

struct ForecastTrainConfig {
    int steps = 400;
    int batch = 32;
    float lr = 3e-3f;           // Adam
    float clipNorm = 1.0f;      // 0 = no clipping
    double testFraction = 0.2;  // the held-out tail, never trained on
    std::uint64_t seed = 1;
};

struct ForecastReport {
    std::size_t trainSize = 0;         // series[0, trainSize) is trained on, the rest is the test tail
    std::vector<double> losses;        // per step (normalised MSE)
    std::vector<double> testPredictions; // one-step-ahead predictions of series[trainSize …)
    double trainRmse = 0.0, testRmse = 0.0;           // the model, in the series' units
    double naiveTrainRmse = 0.0, naiveTestRmse = 0.0; // "next = last value"
    bool cancelled = false;
};

// Sets the forecaster's scale from the training part, trains on random windows of window + 1
// values from it with Adam, then scores one-step-ahead predictions: train RMSE over the last (at
// most 5000) training positions, test RMSE over the whole tail, each beside the naive baseline
// on the same positions. Errors: a non-finite value, a bad config, a training part shorter than
// window + 2 values or an empty tail. Stops between steps when `cancel` is set.
Result<ForecastReport> trainForecaster(SeriesForecaster &model, const std::vector<double> &series,
                                       const ForecastTrainConfig &config, const CancelToken *cancel = nullptr);

} // namespace lm
