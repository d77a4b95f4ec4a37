#include "models/forecaster.h"
#include "core/init.h"

#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/tape.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
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

// ---- CSV -----------------------------------------------------------------------------------------

namespace {

// One CSV line -> fields; "a ""quoted"" field" keeps its inner quotes once. Surrounding spaces
// are trimmed from unquoted fields.
std::vector<std::string> splitCsv(const std::string &line)
{
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false, wasQuoted = false;
    auto finish = [&] {
        if (!wasQuoted) {
            const auto b = field.find_first_not_of(" \t");
            const auto e = field.find_last_not_of(" \t");
            field = b == std::string::npos ? std::string() : field.substr(b, e - b + 1);
        }
        fields.push_back(field);
        field.clear();
        wasQuoted = false;
    };
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                field += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"' && field.find_first_not_of(" \t") == std::string::npos) {
            field.clear();
            quoted = wasQuoted = true;
        } else if (c == ',') {
            finish();
        } else {
            field += c;
        }
    }
    finish();
    return fields;
}

bool parseNumber(const std::string &s, double &out)
{
    if (s.empty())
        return false;
    errno = 0;
    char *end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && errno != ERANGE && std::isfinite(out);
}

} // namespace

Result<std::vector<double>> loadSeriesCsv(const std::string &path, const std::string &column)
{
    constexpr std::size_t kMaxRows = 10'000'000;
    std::ifstream f(path, std::ios::binary);
    if (!f)
        return makeError(path + ": cannot open the file");
    std::string line;
    int lineNo = 0;
    std::vector<std::string> header;
    while (header.empty() && std::getline(f, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") != std::string::npos)
            header = splitCsv(line);
    }
    if (header.empty())
        return makeError(path + ": the file is empty (a header row and numbers were expected)");
    std::size_t index = header.size();
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == column) {
            index = i;
            break;
        }
    if (index == header.size() && !column.empty() && column.find_first_not_of("0123456789") == std::string::npos &&
        column.size() < 7)
        index = static_cast<std::size_t>(std::stoul(column));
    if (index >= header.size()) {
        std::string names;
        for (const auto &h : header)
            names += (names.empty() ? "" : ", ") + h;
        return makeError(path + ":" + std::to_string(lineNo) + ": no column '" + column + "' in the header (" + names +
                         ")");
    }
    const std::string name = "column '" + header[index] + "'";
    std::vector<double> values;
    while (std::getline(f, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        const std::string where = path + ":" + std::to_string(lineNo) + ": ";
        if (values.size() == kMaxRows)
            return makeError(where + "more than " + std::to_string(kMaxRows) + " rows");
        const std::vector<std::string> fields = splitCsv(line);
        if (fields.size() <= index)
            return makeError(where + "the row has " + std::to_string(fields.size()) + " fields; " + name + " is field " +
                             std::to_string(index + 1));
        double v = 0.0;
        if (!parseNumber(fields[index], v))
            return makeError(where + "'" + fields[index].substr(0, 40) + "' in " + name + " is not a finite number");
        values.push_back(v);
    }
    if (f.bad())
        return makeError(path + ": read error");
    if (values.empty())
        return makeError(path + ": no values under " + name);
    return values;
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

// ---- the model -----------------------------------------------------------------------------------

SeriesForecaster::SeriesForecaster(const ForecasterConfig &config, Rng &rng) : m_config(config)
{
    if (config.hidden < 1 || config.layers < 1 || config.window < 1)
        throw std::invalid_argument("SeriesForecaster: hidden, layers and window must be >= 1, got " +
                                    std::to_string(config.hidden) + ", " + std::to_string(config.layers) + ", " +
                                    std::to_string(config.window));
    RecurrentConfig rc;
    rc.kind = config.kind;
    rc.inputSize = 1;
    rc.hidden = config.hidden;
    rc.layers = config.layers;
    m_stack = std::make_unique<RecurrentStack>(rc, rng);
    m_headWeight = Tensor::zeros({1, config.hidden}, true);
    m_headBias = Tensor::zeros({1}, true);
    initLinear(m_headWeight, m_headBias, rng);
}

ParameterList SeriesForecaster::parameters() const
{
    ParameterList p = m_stack->parameters("rnn.");
    p.push_back({"head.weight", m_headWeight});
    p.push_back({"head.bias", m_headBias});
    return p;
}

void SeriesForecaster::setScale(double mean, double stddev)
{
    if (!(stddev > 0.0) || !std::isfinite(stddev) || !std::isfinite(mean))
        throw std::invalid_argument("SeriesForecaster::setScale: needs a finite mean and stddev > 0");
    m_mean = mean;
    m_std = stddev;
}

Tensor SeriesForecaster::predict(const Tensor &x) const
{
    if (x.dim() != 3 || x.size(2) != 1)
        throw std::invalid_argument("SeriesForecaster::predict: x must be (B, T, 1), got " + shapeString(x.shape()));
    RecurrentOutput out = m_stack->forward(x);              // (B, T, H)
    return add(x, linear(out.output, m_headWeight, m_headBias)); // ŷ = x + w·h + b: (B, T, 1)
}

Tensor SeriesForecaster::loss(const Tensor &x, const Tensor &target) const
{
    if (target.shape() != x.shape())
        throw std::invalid_argument("SeriesForecaster::loss: target " + shapeString(target.shape()) + " differs from x " +
                                    shapeString(x.shape()));
    Tensor d = sub(predict(x), target);
    return lm::mean(mul(d, d));
}

std::vector<double> SeriesForecaster::predictAfter(const std::vector<double> &contexts, std::size_t rows,
                                                   std::size_t time) const
{
    NoGradScope noGrad;
    constexpr std::size_t kChunk = 256;
    const auto T = static_cast<std::int64_t>(time);
    std::vector<double> out;
    out.reserve(rows);
    for (std::size_t r0 = 0; r0 < rows; r0 += kChunk) {
        const auto n = static_cast<std::int64_t>(std::min(kChunk, rows - r0));
        Tensor x = Tensor::zeros({n, T, 1});
        for (std::int64_t i = 0; i < n * T; ++i)
            x.data()[i] = static_cast<float>((contexts[r0 * time + static_cast<std::size_t>(i)] - m_mean) / m_std);
        RecurrentOutput o = m_stack->forward(x);
        Tensor last = slice(o.output, 1, T - 1, T);                              // (n, 1, H)
        Tensor change = linear(last, m_headWeight, m_headBias);                  // (n, 1, 1)
        for (std::int64_t i = 0; i < n; ++i)
            out.push_back((x.data()[i * T + T - 1] + change.data()[i]) * m_std + m_mean);
    }
    return out;
}

std::vector<double> SeriesForecaster::oneStepAhead(const std::vector<double> &history, std::size_t from) const
{
    if (from < 1)
        throw std::invalid_argument("SeriesForecaster::oneStepAhead: from must be >= 1");
    const auto W = static_cast<std::size_t>(m_config.window);
    std::vector<double> out;
    std::size_t t = from;
    for (; t < history.size() && t < W; ++t) // a shorter context at the very start
        out.push_back(predictAfter(std::vector<double>(history.begin(), history.begin() + static_cast<std::ptrdiff_t>(t)),
                                   1, t)[0]);
    if (t < history.size()) {
        const std::size_t rows = history.size() - t;
        std::vector<double> contexts;
        contexts.reserve(rows * W);
        for (std::size_t s = t; s < history.size(); ++s)
            contexts.insert(contexts.end(), history.begin() + static_cast<std::ptrdiff_t>(s - W),
                            history.begin() + static_cast<std::ptrdiff_t>(s));
        const std::vector<double> rest = predictAfter(contexts, rows, W);
        out.insert(out.end(), rest.begin(), rest.end());
    }
    return out;
}

Forecast SeriesForecaster::forecast(const std::vector<double> &history, int horizon, std::size_t heldOut) const
{
    if (history.empty() || heldOut >= history.size())
        throw std::invalid_argument("SeriesForecaster::forecast: " + std::to_string(history.size()) +
                                    " values cannot hold out " + std::to_string(heldOut));
    Forecast f;
    f.first = history.size() - heldOut;
    if (heldOut > 0)
        f.oneStep = oneStepAhead(history, f.first);
    const auto W = static_cast<std::size_t>(m_config.window);
    std::vector<double> context(history.end() - static_cast<std::ptrdiff_t>(std::min(W, history.size())), history.end());
    for (int i = 0; i < horizon; ++i) {
        const double next = predictAfter(context, 1, context.size())[0];
        f.continuation.push_back(next);
        context.push_back(next);
        if (context.size() > W)
            context.erase(context.begin());
    }
    return f;
}

// ---- training ------------------------------------------------------------------------------------

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

    const ParameterList params = model.parameters();
    Adam::Options opt;
    opt.lr = config.lr;
    Adam adam(params, opt);
    Rng rng(config.seed);
    const auto B = static_cast<std::int64_t>(config.batch), T = static_cast<std::int64_t>(W);
    for (int step = 0; step < config.steps; ++step) {
        if (cancel && cancel->isCancelled()) {
            report.cancelled = true;
            break;
        }
        // B windows of W + 1 values: x = norm[s .. s+W), target = norm[s+1 .. s+W].
        Tensor x = Tensor::zeros({B, T, 1}), y = Tensor::zeros({B, T, 1});
        for (std::int64_t b = 0; b < B; ++b) {
            const auto s = static_cast<std::size_t>(rng.below(trainN - W));
            std::copy_n(norm.begin() + static_cast<std::ptrdiff_t>(s), W, x.data() + b * T);
            std::copy_n(norm.begin() + static_cast<std::ptrdiff_t>(s + 1), W, y.data() + b * T);
        }
        adam.zeroGrad();
        Tape tape;
        {
            TapeScope scope(tape);
            Tensor loss = model.loss(x, y);
            report.losses.push_back(loss.item());
            tape.backward(loss);
        }
        const float norm2 = clipGradNorm(params, config.clipNorm);
        if (std::isfinite(report.losses.back()) && std::isfinite(norm2))
            adam.step();
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

} // namespace lm
