#pragma once
// Forecasting as an objective: windows of a numeric series for the trainer, the same Trainer and
// optimizer as every other model, then the one-step-ahead report against the naive "next = last
// value" baseline. The one path the CLI, the GUI's forecast page and the lessons take.
#include "core/cancel.h"
#include "core/result.h"
#include "models/recurrent/forecaster.h"
#include "train/trainer.h"

#include <cstdint>
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

// sqrt(mean((a_i − b_i)²)) over the common length; 0 when empty.
double rmse(const std::vector<double> &a, const std::vector<double> &b);

// The forecasting objective: B random windows of window + 1 normalised values; values =
// x[s .. s+W), valueTargets = x[s+1 .. s+W].
class ForecastWindows final : public Objective {
public:
    // normalised: the training part of the series, already scaled; window: W. Throws
    // std::invalid_argument when the series is not longer than the window.
    ForecastWindows(std::vector<float> normalised, int window);
    ObjectiveKind kind() const override { return ObjectiveKind::Forecasting; }
    TokenBatch next(Rng &rng, int batch) override;

private:
    std::vector<float> m_values;
    int m_window = 0;
};

struct ForecastTrainConfig {
    int steps = 400;
    int batch = 32;
    float lr = 3e-3f;           // the trainer's peak learning rate (AdamW, warmup and cosine)
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

// Everything a forecast view shows.
struct ForecastRun {
    ForecastReport report;
    Forecast forecast; // one-step predictions of the test tail and `horizon` values after the end
    // `horizon` values run free from the end of the training part (each fed back as input, the
    // test tail never seen), and over the positions where the tail has the truth: their RMSE and
    // that of a flat line at the last training value.
    std::vector<double> freeRun;
    double freeRunRmse = 0.0, flatRmse = 0.0;
};

// Builds the forecaster `model` describes (seeded by train.seed), trains it on `series` and
// forecasts `horizon` values. Errors: those of trainForecaster, a bad config.
Result<ForecastRun> runForecast(const std::vector<double> &series, const ForecasterConfig &model,
                                const ForecastTrainConfig &train, int horizon, const CancelToken *cancel = nullptr);

} // namespace lm
