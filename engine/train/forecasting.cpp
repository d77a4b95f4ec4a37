#include "train/forecasting.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace lm {

std::vector<double> generateSeries(int n, std::uint64_t seed, double trend, int period, double noise)
{
    if (n < 0 || period < 2 || !(noise >= 0.0))
        throw std::invalid_argument("generateSeries: n >= 0, period >= 2 and noise >= 0 are needed, got n = " +
                                    std::to_string(n) + ", period = " + std::to_string(period) +
                                    ", noise = " + std::to_string(noise));
    Rng rng(seed);
    const double w = 2.0 * std::numbers::pi / period;
    std::vector<double> y(static_cast<std::size_t>(n));
    for (int t = 0; t < n; ++t)
        y[static_cast<std::size_t>(t)] = trend * t + std::sin(w * t) + 0.5 * std::sin(w * t / 7.0) + noise * rng.normal();
    return y;
}

double rmse(const std::vector<double> &a, const std::vector<double> &b)
{
    const std::size_t n = std::min(a.size(), b.size());
    if (n == 0)
        return 0.0;
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        s += (a[i] - b[i]) * (a[i] - b[i]);
    return std::sqrt(s / static_cast<double>(n));
}

ForecastWindows::ForecastWindows(std::vector<float> normalised, int window) : m_values(std::move(normalised)), m_window(window)
{
    if (window < 1 || m_values.size() <= static_cast<std::size_t>(window))
        throw std::invalid_argument("ForecastWindows: " + std::to_string(m_values.size()) +
                                    " values do not hold a window of " + std::to_string(window) + " and its next value");
}

TokenBatch ForecastWindows::next(Rng &rng, int batch)
{
    TokenBatch b;
    b.batch = batch;
    b.time = m_window;
    const auto W = static_cast<std::size_t>(m_window);
    for (int r = 0; r < batch; ++r) {
        const auto s = static_cast<std::ptrdiff_t>(rng.below(m_values.size() - W));
        b.values.insert(b.values.end(), m_values.begin() + s, m_values.begin() + s + m_window);
        b.valueTargets.insert(b.valueTargets.end(), m_values.begin() + s + 1, m_values.begin() + s + 1 + m_window);
    }
    return b;
}


Result<ForecastReport> trainForecaster(SeriesForecaster &model, const std::vector<double> &series,
                                       const ForecastTrainConfig &config, const CancelToken *cancel)
{
    if (config.steps < 1 || config.batch < 1 || !(config.lr > 0.0f) || !(config.testFraction > 0.0) ||
        !(config.testFraction < 1.0))
        return makeError("forecast training needs steps >= 1, batch >= 1, lr > 0 and a test fraction in (0, 1)");
    for (std::size_t i = 0; i < series.size(); ++i)
        if (!std::isfinite(series[i]))
            return makeError("value " + std::to_string(i + 1) + " of the series is not a finite number");
    const std::size_t n = series.size(), W = static_cast<std::size_t>(model.config().window);
    const auto test = std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(n * config.testFraction)));
    if (n < test + W + 2)
        return makeError("the series has " + std::to_string(n) + " values; a window of " + std::to_string(W) +
                         " and a test tail of " + std::to_string(test) + " need at least " + std::to_string(test + W + 2));
    ForecastReport report;
    report.trainSize = n - test;
    const std::size_t trainN = report.trainSize;

    double mean = 0.0, var = 0.0;
    for (std::size_t i = 0; i < trainN; ++i)
        mean += series[i];
    mean /= static_cast<double>(trainN);
    for (std::size_t i = 0; i < trainN; ++i)
        var += (series[i] - mean) * (series[i] - mean);
    const double sd = std::sqrt(var / static_cast<double>(trainN));
    model.setScale(mean, sd > 1e-12 ? sd : 1.0);
    std::vector<float> norm(trainN);
    for (std::size_t i = 0; i < trainN; ++i)
        norm[i] = static_cast<float>((series[i] - model.mean()) / model.stddev());

    TrainConfig tc;
    tc.steps = config.steps;
    tc.batch = config.batch;
    tc.lr = config.lr;
    tc.clipNorm = config.clipNorm;
    tc.seed = config.seed;
    Trainer trainer(model, std::make_unique<ForecastWindows>(std::move(norm), static_cast<int>(W)), tc);
    for (int step = 0; step < config.steps; ++step) {
        if (cancel && cancel->isCancelled()) {
            report.cancelled = true;
            break;
        }
        report.losses.push_back(trainer.step().loss);
    }

    const std::size_t trainFrom = trainN > 5000 + 1 ? trainN - 5000 : 1;
    const std::vector<double> seen(series.begin(), series.begin() + static_cast<std::ptrdiff_t>(trainN));
    const std::vector<double> trainPred = model.oneStepAhead(seen, trainFrom);
    report.testPredictions = model.oneStepAhead(series, trainN);
    auto tail = [&](std::size_t from, std::size_t to) {
        return std::vector<double>(series.begin() + static_cast<std::ptrdiff_t>(from),
                                   series.begin() + static_cast<std::ptrdiff_t>(to));
    };
    report.trainRmse = rmse(trainPred, tail(trainFrom, trainN));
    report.naiveTrainRmse = rmse(tail(trainFrom - 1, trainN - 1), tail(trainFrom, trainN));
    report.testRmse = rmse(report.testPredictions, tail(trainN, n));
    report.naiveTestRmse = rmse(tail(trainN - 1, n - 1), tail(trainN, n));
    return report;
}

Result<ForecastRun> runForecast(const std::vector<double> &series, const ForecasterConfig &model,
                                const ForecastTrainConfig &train, int horizon, const CancelToken *cancel)
{
    if (model.hidden < 1 || model.layers < 1 || model.window < 1)
        return makeError("a forecaster needs hidden, layers and window of at least 1");
    if (horizon < 0)
        return makeError("the horizon must not be negative");
    Rng rng(train.seed);
    SeriesForecaster forecaster(model, rng);
    auto report = trainForecaster(forecaster, series, train, cancel);
    if (!report)
        return makeError(report.error());
    ForecastRun run;
    run.report = std::move(report).value();
    const std::size_t trainN = run.report.trainSize;
    run.forecast = forecaster.forecast(series, horizon, series.size() - trainN);
    const std::vector<double> seen(series.begin(), series.begin() + static_cast<std::ptrdiff_t>(trainN));
    run.freeRun = forecaster.forecast(seen, horizon).continuation;
    const std::size_t overlap = std::min(run.freeRun.size(), series.size() - trainN);
    const std::vector<double> truth(series.begin() + static_cast<std::ptrdiff_t>(trainN),
                                    series.begin() + static_cast<std::ptrdiff_t>(trainN + overlap));
    run.freeRunRmse = rmse(run.freeRun, truth);
    run.flatRmse = rmse(std::vector<double>(overlap, seen.back()), truth);
    return run;
}

} // namespace lm
