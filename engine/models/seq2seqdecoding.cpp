#include "models/seq2seqdecoding.h"

#include "core/ops.h"
#include "core/ops_nn.h"
#include "core/rng.h"
#include "core/tape.h"
#include "core/trace.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

namespace lm {

namespace {

constexpr float kBanned = -std::numeric_limits<float>::infinity();

// Sets to −∞ every token that would repeat an n-gram of `written` (n = noRepeat).
void banRepeats(const std::vector<std::int32_t> &written, int n, float *logProbs)
{
    if (n <= 0 || static_cast<int>(written.size()) < n - 1)
        return;
    const std::size_t tail = written.size() - static_cast<std::size_t>(n - 1); // where the last n − 1 tokens start
    for (std::size_t i = 0; i + static_cast<std::size_t>(n) <= written.size(); ++i)
        if (std::equal(written.begin() + static_cast<std::ptrdiff_t>(i),
                       written.begin() + static_cast<std::ptrdiff_t>(i) + n - 1,
                       written.begin() + static_cast<std::ptrdiff_t>(tail)))
            logProbs[written[i + static_cast<std::size_t>(n) - 1]] = kBanned;
}

std::int32_t drawToken(const float *logProbs, int V, const DecodingOptions &o, Rng &rng)
{
    std::vector<int> order(static_cast<std::size_t>(V));
    std::iota(order.begin(), order.end(), 0);
    std::size_t keep = o.topK > 0 ? std::min<std::size_t>(static_cast<std::size_t>(o.topK), order.size()) : order.size();
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                      [&](int a, int b) { return logProbs[a] > logProbs[b]; });
    std::vector<double> weight(keep);
    const double top = logProbs[order[0]];
    double total = 0.0;
    for (std::size_t i = 0; i < keep; ++i) {
        weight[i] = std::isinf(logProbs[order[i]]) ? 0.0 : std::exp((logProbs[order[i]] - top) / o.temperature);
        total += weight[i];
    }
    double u = static_cast<double>(rng.uniform()) * total;
    for (std::size_t i = 0; i < keep; ++i) {
        u -= weight[i];
        if (u < 0.0)
            return order[i];
    }
    return order[0];
}

// The last decoder layer's cross-attention at decoder position `row` (batch row 0), averaged over
// heads; empty without such a trace.
std::vector<float> crossRow(const Trace &trace, int row)
{
    int layer = -1;
    while (trace.has("cross.layer" + std::to_string(layer + 1) + ".head0.attention"))
        ++layer;
    std::vector<float> out;
    if (layer < 0)
        return out;
    int heads = 0;
    for (;; ++heads) {
        const TraceMatrix *m = trace.find("cross.layer" + std::to_string(layer) + ".head" + std::to_string(heads) + ".attention");
        if (!m)
            break;
        out.resize(static_cast<std::size_t>(m->cols), 0.0f);
        for (int c = 0; c < m->cols; ++c)
            out[static_cast<std::size_t>(c)] += m->at(row, c);
    }
    for (float &v : out)
        v /= static_cast<float>(heads);
    return out;
}

double ended(double logProb, std::size_t written, float penalty)
{
    return logProb / std::pow(static_cast<double>(written + 1), static_cast<double>(penalty));
}

} // namespace

DecodingResult decodeSequence(Seq2SeqModel &model, const std::vector<std::int32_t> &source, const Seq2SeqIds &ids,
                              const DecodingOptions &o, const CancelToken *cancel)
{
    if (source.empty())
        throw std::invalid_argument("decodeSequence: the source is empty");
    if (o.beam < 1 || o.maxTokens < 1 || !(o.temperature > 0.0f) || (o.sample && o.beam > 1))
        throw std::invalid_argument("decodeSequence: beam and maxTokens must be at least 1, the temperature positive, "
                                    "and sampling goes with beam 1");
    const int V = model.vocabSize();
    for (std::int32_t id : source)
        if (id < 0 || id >= V)
            throw std::invalid_argument("decodeSequence: token id " + std::to_string(id) + " outside [0, " +
                                        std::to_string(V) + ")");
    NoGradScope noGrad;
    DecodingResult result;
    if (ids.begin)
        result.source.push_back(*ids.begin);
    result.source.insert(result.source.end(), source.begin(), source.end());
    result.source.push_back(ids.end);
    const int Ts = static_cast<int>(result.source.size());
    std::vector<std::int32_t> prompt{ids.start};
    if (ids.begin)
        prompt.push_back(*ids.begin);

    Rng rng(o.seed);
    Seq2SeqInput source1;
    source1.sourceTime = Ts;
    source1.source = result.source;
    source1.decoderTime = 1;
    source1.decoder = {ids.start};
    const Tensor encoded = model.encode(source1); // (1, Ts, d): read once, kept as the cross-attention cache
    DecoderCache cache;
    Trace trace;
    Tensor logits; // (K, V) for the live prefixes' next token
    for (std::size_t p = 0; p < prompt.size(); ++p) {
        trace = Trace();
        logits = model.decodeStep({prompt[p]}, encoded, {}, cache, o.recordSteps ? &trace : nullptr);
    }
    std::vector<Hypothesis> live(1), done;
    for (int step = 0; step < o.maxTokens && !live.empty(); ++step) {
        if (cancel && cancel->isCancelled())
            break;
        const int K = static_cast<int>(live.size());
        const Tensor logProbs = logSoftmax(logits); // (K, V)
        std::vector<float> lp(logProbs.data(), logProbs.data() + static_cast<std::size_t>(K) * V);
        for (int k = 0; k < K; ++k)
            banRepeats(live[static_cast<std::size_t>(k)].tokens, o.noRepeatNgram, lp.data() + static_cast<std::size_t>(k) * V);
        if (o.vocabLimit > 0 && o.vocabLimit < V) // rows without a token are never written
            for (int k = 0; k < K; ++k)
                std::fill(lp.begin() + static_cast<std::ptrdiff_t>(k) * V + o.vocabLimit,
                          lp.begin() + static_cast<std::ptrdiff_t>(k + 1) * V, -std::numeric_limits<float>::infinity());

        DecodingStep record;
        if (o.recordSteps)
            record.cross = crossRow(trace, 0); // what the best prefix looked at to choose
        if (o.beam == 1) {
            Hypothesis &h = live.front();
            const std::int32_t token =
                o.sample ? drawToken(lp.data(), V, o, rng)
                         : static_cast<std::int32_t>(std::max_element(lp.begin(), lp.end()) - lp.begin());
            h.logProb += lp[static_cast<std::size_t>(token)];
            h.parent = 0;
            record.chosen = token;
            if (token == ids.end) {
                h.ended = true;
                h.score = h.logProb;
                done.push_back(h);
                record.beams = {h};
                live.clear();
            } else {
                h.tokens.push_back(token);
                h.score = h.logProb;
                record.beams = {h};
            }
        } else {
            // The 2·beam best continuations of all live prefixes.
            std::vector<std::pair<double, std::size_t>> candidates;
            candidates.reserve(static_cast<std::size_t>(K) * V);
            for (int k = 0; k < K; ++k)
                for (int v = 0; v < V; ++v) {
                    const float x = lp[static_cast<std::size_t>(k) * V + v];
                    if (!std::isinf(x))
                        candidates.emplace_back(live[static_cast<std::size_t>(k)].logProb + x,
                                                static_cast<std::size_t>(k) * V + v);
                }
            const std::size_t take = std::min(candidates.size(), static_cast<std::size_t>(2 * o.beam));
            std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(take), candidates.end(),
                              [](const auto &a, const auto &b) { return a.first > b.first; });
            std::vector<Hypothesis> next, endedNow;
            for (std::size_t c = 0; c < take && static_cast<int>(next.size()) < o.beam; ++c) {
                const int k = static_cast<int>(candidates[c].second / static_cast<std::size_t>(V));
                const auto token = static_cast<std::int32_t>(candidates[c].second % static_cast<std::size_t>(V));
                Hypothesis h = live[static_cast<std::size_t>(k)];
                h.logProb = candidates[c].first;
                h.parent = k;
                if (token == ids.end) {
                    h.ended = true;
                    h.score = ended(h.logProb, h.tokens.size(), o.lengthPenalty);
                    endedNow.push_back(h);
                } else {
                    h.tokens.push_back(token);
                    h.score = h.logProb;
                    next.push_back(std::move(h));
                }
            }
            record.chosen = next.empty() ? ids.end : next.front().tokens.back();
            record.beams = next;
            record.beams.insert(record.beams.end(), endedNow.begin(), endedNow.end());
            done.insert(done.end(), endedNow.begin(), endedNow.end());
            std::sort(done.begin(), done.end(), [](const Hypothesis &a, const Hypothesis &b) { return a.score > b.score; });
            if (static_cast<int>(done.size()) > o.beam)
                done.resize(static_cast<std::size_t>(o.beam));
            live = std::move(next);
            // Done when `beam` prefixes have ended and the best live one, ended now, would not
            // beat the worst of them.
            if (static_cast<int>(done.size()) == o.beam && !live.empty() &&
                done.back().score >= ended(live.front().logProb, live.front().tokens.size() - 1, o.lengthPenalty))
                live.clear();
        }
        if (o.recordSteps)
            result.steps.push_back(std::move(record));
        if (live.empty() || step + 1 == o.maxTokens)
            break;
        // The next step: each live prefix's cache row, then its new token.
        std::vector<int> parents;
        std::vector<std::int32_t> last;
        for (const Hypothesis &h : live) {
            parents.push_back(h.parent);
            last.push_back(h.tokens.back());
        }
        if (parents != std::vector<int>{0})
            cache.keepRows(parents);
        trace = Trace();
        logits = model.decodeStep(last, encoded, {}, cache, o.recordSteps ? &trace : nullptr);
    }
    for (Hypothesis &h : live) { // cut by maxTokens (or cancelled): scored as they stand
        h.score = o.beam == 1 ? h.logProb : ended(h.logProb, h.tokens.size(), o.lengthPenalty);
        done.push_back(h);
    }
    const auto best = std::max_element(done.begin(), done.end(),
                                       [](const Hypothesis &a, const Hypothesis &b) { return a.score < b.score; });
    if (best != done.end()) {
        result.tokens = best->tokens;
        result.logProb = best->logProb;
        result.score = best->score;
        result.ended = best->ended;
    }
    return result;
}

} // namespace lm
