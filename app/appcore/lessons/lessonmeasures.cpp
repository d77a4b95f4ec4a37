#include "lessons/lessonmeasures.h"
#include "lessons/lessonverdict.h"

#include "core/tape.h"
#include "core/tensor.h"
#include "models/attention.h"
#include "models/recurrent/recurrent.h"
#include "models/recurrent/recurrentlm.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <numeric>
#include <stdexcept>

namespace {

using namespace lessonverdict;

std::string percent(double share) { return fixed(100.0 * share, 1) + "%"; }

// The k largest logits of a row (ties: the lower id first, as the sampler orders them).
std::vector<std::int32_t> topIds(const std::vector<float> &row, int k)
{
    std::vector<std::int32_t> ids(row.size());
    std::iota(ids.begin(), ids.end(), 0);
    const auto keep = static_cast<std::ptrdiff_t>(std::min<std::size_t>(static_cast<std::size_t>(k), ids.size()));
    std::partial_sort(ids.begin(), ids.begin() + keep, ids.end(), [&](std::int32_t a, std::int32_t b) {
        return row[static_cast<std::size_t>(a)] > row[static_cast<std::size_t>(b)] ||
               (row[static_cast<std::size_t>(a)] == row[static_cast<std::size_t>(b)] && a < b);
    });
    ids.resize(static_cast<std::size_t>(keep));
    return ids;
}

// Entropy (nats) of the frequencies in `counts` (a total of n).
double countEntropy(const std::map<std::int32_t, int> &counts, int n)
{
    double h = 0.0;
    for (const auto &entry : counts) {
        const double p = static_cast<double>(entry.second) / n;
        h -= p * std::log(p);
    }
    return h;
}

std::string counts(const std::vector<int> &values)
{
    std::string text;
    for (int v : values)
        text += (text.empty() ? "" : " / ") + std::to_string(v);
    return text;
}

} // namespace

TokenSampler engineSampler()
{
    return [](const std::vector<float> &logits, const lm::SamplingOptions &options, lm::Rng &rng) {
        return lm::sampleToken(logits.data(), static_cast<std::int64_t>(logits.size()), options, rng);
    };
}

CheckOutcome judgeGreedy(const LogitRows &rows, const std::vector<std::int32_t> &chosen, const std::vector<std::int32_t> &again)
{
    if (rows.empty() || rows.size() != chosen.size())
        return outcome(false, "沒有可以檢查的貪婪生成", "there is no greedy generation to check");
    std::size_t argmax = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::vector<float> &row = rows[i];
        const auto id = static_cast<std::size_t>(chosen[i]);
        if (id < row.size() && row[id] >= *std::max_element(row.begin(), row.end()) - 1e-4f)
            ++argmax;
    }
    const bool same = again == chosen;
    const bool ok = argmax == rows.size() && same;
    const std::string n = std::to_string(rows.size()), hits = std::to_string(argmax);
    return outcome(ok,
                   n + " 個詞元中有 " + hits + " 個是模型認為最可能的下一個詞元；換一個種子再寫一次" +
                       (same ? "，寫出一樣的文字" : "，寫出了不同的文字"),
                   hits + " of " + n + " tokens were the model's most likely next token; written again with another seed, " +
                       (same ? "the text was the same" : "the text was different"));
}

double repeatedShare(const std::vector<std::int32_t> &ids, int n)
{
    if (n < 1)
        throw std::invalid_argument("repeatedShare: n must be at least 1, got " + std::to_string(n));
    if (ids.size() < static_cast<std::size_t>(n) + 1)
        return 0.0;
    const std::size_t windows = ids.size() - static_cast<std::size_t>(n) + 1;
    std::size_t repeated = 0;
    for (std::size_t i = 1; i < windows; ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (std::equal(ids.begin() + static_cast<std::ptrdiff_t>(i), ids.begin() + static_cast<std::ptrdiff_t>(i) + n,
                           ids.begin() + static_cast<std::ptrdiff_t>(j))) {
                ++repeated;
                break;
            }
    return static_cast<double>(repeated) / static_cast<double>(windows);
}

CheckOutcome judgeRepeats(const std::vector<std::int32_t> &greedy, const std::vector<std::int32_t> &sampled, int n, double minShare)
{
    const double g = repeatedShare(greedy, n), s = repeatedShare(sampled, n);
    const bool ok = g >= minShare && g > s;
    return outcome(ok,
                   "貪婪生成有 " + percent(g) + " 的 " + std::to_string(n) + " 詞元片段重複前文（要至少 " + percent(minShare) +
                       "），取樣生成只有 " + percent(s),
                   percent(g) + " of the greedy text's " + std::to_string(n) + "-token windows repeat an earlier one (wanted at least " +
                       percent(minShare) + "), against " + percent(s) + " for a sampled text");
}

double meanEntropy(const LogitRows &rows, double temperature)
{
    if (rows.empty())
        return 0.0;
    double total = 0.0;
    for (const std::vector<float> &row : rows) {
        const double top = *std::max_element(row.begin(), row.end());
        double z = 0.0, weighted = 0.0;
        for (float logit : row) {
            const double a = (logit - top) / temperature, e = std::exp(a);
            z += e;
            weighted += e * a;
        }
        total += std::log(z) - weighted / z; // H = log Z − E[a]
    }
    return total / static_cast<double>(rows.size());
}

double sampledEntropy(const LogitRows &rows, double temperature, int draws, const TokenSampler &sampler, std::uint64_t seed)
{
    if (rows.empty() || draws < 1)
        return 0.0;
    lm::SamplingOptions options;
    options.temperature = static_cast<float>(temperature);
    lm::Rng rng(seed);
    double total = 0.0;
    for (const std::vector<float> &row : rows) {
        std::map<std::int32_t, int> counts;
        for (int d = 0; d < draws; ++d)
            ++counts[sampler(row, options, rng)];
        total += countEntropy(counts, draws);
    }
    return total / static_cast<double>(rows.size());
}

CheckOutcome judgeTemperature(const LogitRows &rows, double low, double high, int draws, const TokenSampler &sampler,
                              std::uint64_t seed)
{
    if (rows.empty())
        return outcome(false, "還沒有生成文字", "no text has been generated yet");
    const double modelLow = meanEntropy(rows, low), modelHigh = meanEntropy(rows, high);
    const double drawnLow = sampledEntropy(rows, low, draws, sampler, seed);
    const double drawnHigh = sampledEntropy(rows, high, draws, sampler, seed + 1);
    const bool ok = modelHigh > modelLow && drawnHigh - drawnLow >= 0.5 * (modelHigh - modelLow);
    const std::string lo = fixed(low, 1), hi = fixed(high, 1);
    return outcome(ok,
                   "下一個詞元的熵（nat），溫度 " + lo + " 對 " + hi + "：模型的機率 " + fixed(modelLow) + " → " + fixed(modelHigh) +
                       "，抽出的詞元 " + fixed(drawnLow) + " → " + fixed(drawnHigh),
                   "entropy of the next token (nats), temperature " + lo + " against " + hi + ": the model's probabilities " +
                       fixed(modelLow) + " -> " + fixed(modelHigh) + ", the drawn tokens " + fixed(drawnLow) + " -> " +
                       fixed(drawnHigh));
}

CheckOutcome judgeTopK(const LogitRows &rows, const std::vector<std::int32_t> &chosen, const lm::SamplingOptions &options,
                       int draws, const TokenSampler &sampler)
{
    if (rows.empty() || options.topK < 1)
        return outcome(false, "上一次生成沒有用 top-k", "the last generation did not use top-k");
    lm::SamplingOptions uncut = options;
    uncut.topK = 0;
    lm::Rng withCut(options.seed), withoutCut(options.seed);
    long outside = 0, outsideUncut = 0, total = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::vector<std::int32_t> best = topIds(rows[i], options.topK);
        const auto in = [&best](std::int32_t id) { return std::find(best.begin(), best.end(), id) != best.end(); };
        if (i < chosen.size() && !in(chosen[i]))
            ++outside;
        for (int d = 0; d < draws; ++d) {
            outside += in(sampler(rows[i], options, withCut)) ? 0 : 1;
            outsideUncut += in(sampler(rows[i], uncut, withoutCut)) ? 0 : 1;
            ++total;
        }
    }
    const bool ok = outside == 0 && outsideUncut > 0;
    const std::string k = std::to_string(options.topK), n = std::to_string(total);
    return outcome(ok,
                   "top-k = " + k + "：" + n + " 次抽樣和生成的文字裡有 " + std::to_string(outside) + " 個詞元落在最可能的 " + k +
                       " 個之外；不截斷時有 " + std::to_string(outsideUncut) + " 次",
                   "top-k " + k + ": " + std::to_string(outside) + " of " + n + " draws and generated tokens fell outside the " +
                       k + " most likely tokens; without the cut " + std::to_string(outsideUncut) + " did");
}

CheckOutcome judgeGates(const lm::Trace &trace, double minSpread)
{
    int gates = 0;
    bool finite = true, inRange = true;
    double acrossUnits = 0.0, acrossTime = 0.0;
    for (const auto &entry : trace.matrices) {
        const std::string &name = entry.first;
        const auto &m = entry.second; // a plain reference: Clang 14 cannot capture a structured binding
        const auto at = name.find(".forward.gate.");
        if (at == std::string::npos || m.rows < 2 || m.cols < 2)
            continue;
        const std::string gate = name.substr(at + 14);
        const double lo = gate == "g" || gate == "n" ? -1.0 : 0.0; // candidates are tanh, the rest sigmoids
        ++gates;
        for (float v : m.values) {
            finite = finite && std::isfinite(v);
            inRange = inRange && v >= lo && v <= 1.0f;
        }
        // Mean over rows of the spread across columns, and the other way round.
        const auto spread = [&m](bool overColumns) {
            const int outer = overColumns ? m.rows : m.cols, inner = overColumns ? m.cols : m.rows;
            double sum = 0.0;
            for (int o = 0; o < outer; ++o) {
                double mean = 0.0, square = 0.0;
                for (int i = 0; i < inner; ++i) {
                    const double v = overColumns ? m.at(o, i) : m.at(i, o);
                    mean += v;
                    square += v * v;
                }
                mean /= inner;
                sum += std::sqrt(std::max(0.0, square / inner - mean * mean));
            }
            return sum / outer;
        };
        acrossUnits += spread(true); // rows are time steps, columns units
        acrossTime += spread(false);
    }
    if (gates == 0)
        return outcome(false, "追蹤裡沒有閘門（先訓練並追蹤一個有閘門的模型）", "the trace has no gates (trace a model with gates first)");
    acrossUnits /= gates;
    acrossTime /= gates;
    const bool ok = finite && inRange && acrossUnits >= minSpread && acrossTime >= minSpread;
    const std::string n = std::to_string(gates);
    return outcome(ok,
                   n + " 個閘門" + (finite ? "" : "有非有限值，") + (inRange ? "都在範圍內" : "有值超出範圍") + "；各單元之間的差異 " +
                       fixed(acrossUnits, 3) + "，各時間步之間 " + fixed(acrossTime, 3) + "（要至少 " + fixed(minSpread, 3) + "）",
                   n + " gates recorded, " + (finite ? "" : "some not finite, ") + (inRange ? "all in range" : "some out of range") +
                       "; spread across units " + fixed(acrossUnits, 3) + ", across time " + fixed(acrossTime, 3) +
                       " (wanted at least " + fixed(minSpread, 3) + ")");
}

int parallelRounds(int positions, int width, const std::function<std::vector<float>(const std::vector<float> &)> &round,
                   int maxRounds)
{
    const std::size_t size = static_cast<std::size_t>(positions) * static_cast<std::size_t>(width);
    std::vector<float> previous(size, std::numeric_limits<float>::quiet_NaN());
    for (int r = 1; r <= maxRounds; ++r) {
        std::vector<float> next = round(previous);
        if (next.size() != size)
            throw std::invalid_argument("parallelRounds: a round gave " + std::to_string(next.size()) + " values, expected " +
                                        std::to_string(size));
        const bool finite = std::all_of(next.begin(), next.end(), [](float v) { return std::isfinite(v); });
        // Round r is final when round r + 1 changes nothing.
        if (finite && r > 1 && next == previous)
            return r - 1;
        previous = std::move(next);
    }
    return maxRounds + 1;
}

std::vector<std::string> roundFamilies()
{
    std::vector<std::string> names;
    for (const lm::Architecture *a : lm::architectures())
        if ((a->feeds(lm::View::HiddenStates) && lm::cellKindFromName(a->name)) || a->feeds(lm::View::Attention))
            names.push_back(a->name);
    return names;
}

int layerRounds(const lm::Architecture &family, int positions)
{
    constexpr int kInput = 8, kHidden = 16, kHeads = 2, kHeadDim = 8;
    const int T = positions;
    lm::NoGradScope noGrad;
    lm::Rng rng(7);
    const auto random = [&rng](std::size_t n) {
        std::vector<float> v(n);
        for (float &x : v)
            x = rng.normal();
        return v;
    };
    if (const auto kind = lm::cellKindFromName(family.name); kind && family.feeds(lm::View::HiddenStates)) {
        const lm::RecurrentStack stack(lm::RecurrentConfig{*kind, kInput, kHidden, 1, false}, rng);
        // All T positions at once: T sequences of one step each, position t starting from the
        // state (h, and c where the cell has one) that the previous round gave position t − 1.
        const lm::Tensor x = lm::Tensor::fromVector({T, 1, kInput}, random(static_cast<std::size_t>(T) * kInput));
        const auto round = [&](const std::vector<float> &previous) {
            std::vector<float> h0(static_cast<std::size_t>(T) * kHidden, 0.0f), c0(h0.size(), 0.0f);
            for (int t = 1; t < T; ++t)
                for (int u = 0; u < kHidden; ++u) {
                    h0[static_cast<std::size_t>(t * kHidden + u)] = previous[static_cast<std::size_t>((t - 1) * 2 * kHidden + u)];
                    c0[static_cast<std::size_t>(t * kHidden + u)] =
                        previous[static_cast<std::size_t>((t - 1) * 2 * kHidden + kHidden + u)];
                }
            const bool cellState = *kind == lm::CellKind::Lstm; // h and c; the other cells carry h only
            const lm::LayerResult r = lm::recurrentLayer(*kind, x, stack.weights(0, 0), lm::Tensor::fromVector({T, kHidden}, h0),
                                                         cellState ? lm::Tensor::fromVector({T, kHidden}, c0) : lm::Tensor(), false);
            std::vector<float> out(static_cast<std::size_t>(T) * 2 * kHidden, 0.0f);
            for (int t = 0; t < T; ++t)
                for (int u = 0; u < kHidden; ++u) {
                    out[static_cast<std::size_t>(t * 2 * kHidden + u)] = r.hT.data()[t * kHidden + u];
                    if (r.cT.defined())
                        out[static_cast<std::size_t>(t * 2 * kHidden + kHidden + u)] = r.cT.data()[t * kHidden + u];
                }
            return out;
        };
        return parallelRounds(T, 2 * kHidden, round, T + 2);
    }
    if (family.feeds(lm::View::Attention)) {
        // Causal self-attention over fixed inputs: each position's queries, keys and values come
        // from the layer below, not from this layer's own outputs.
        const std::size_t n = static_cast<std::size_t>(kHeads) * static_cast<std::size_t>(T) * kHeadDim;
        const lm::Tensor q = lm::Tensor::fromVector({1, kHeads, T, kHeadDim}, random(n));
        const lm::Tensor k = lm::Tensor::fromVector({1, kHeads, T, kHeadDim}, random(n));
        const lm::Tensor v = lm::Tensor::fromVector({1, kHeads, T, kHeadDim}, random(n));
        lm::AttentionOptions options;
        options.causal = true;
        const auto round = [&](const std::vector<float> &) {
            const lm::Tensor out = lm::attention(q, k, v, options);
            return std::vector<float>(out.data(), out.data() + out.numel());
        };
        return parallelRounds(T, kHeads * kHeadDim, round, T + 2);
    }
    throw std::invalid_argument("layerRounds: " + family.name + " has neither a recurrent cell nor attention");
}

CheckOutcome judgeSequentialSteps(const std::string &sequential, const std::vector<int> &sequentialCounts,
                                  const std::string &parallel, const std::vector<int> &parallelCounts, const std::vector<int> &lengths)
{
    const bool shaped = !lengths.empty() && sequentialCounts.size() == lengths.size() && parallelCounts.size() == lengths.size();
    bool grows = shaped && lengths.size() > 1, flat = shaped, more = shaped;
    for (std::size_t i = 0; shaped && i < lengths.size(); ++i) {
        if (i > 0) {
            grows = grows && sequentialCounts[i] > sequentialCounts[i - 1];
            flat = flat && parallelCounts[i] == parallelCounts[i - 1];
        }
        more = more && sequentialCounts[i] > parallelCounts[i];
    }
    const bool ok = grows && flat && more;
    const std::string tokens = counts(lengths);
    return outcome(ok,
                   "讀 " + tokens + " 個詞元，一層要一步接一步算幾輪：" + sequential + " " + counts(sequentialCounts) + "，" + parallel +
                       " " + counts(parallelCounts),
                   "rounds one layer needs one after another to read " + tokens + " tokens: " + sequential + " " +
                       counts(sequentialCounts) + ", " + parallel + " " + counts(parallelCounts));
}
