// GloVe, following the GloVe tool (cooccur.c, shuffle.c, glove.c).
// Legend: V = vocabulary size, D = dim, P = number of distinct ordered pairs (i, j).
#include "embed/glove.h"

#include "core/parallel.h"
#include "core/rng.h"

#include <Eigen/Core>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>

namespace lm {

namespace glove_detail {

double weight(double x, double xMax, double alpha) { return x < xMax ? std::pow(x / xMax, alpha) : 1.0; }

namespace {

// Open-addressing hash map (i, j) -> Σ 1/d, linear probing; 16 bytes a slot, at most half full,
// so memory stays proportional to the number of distinct pairs.
class PairCounts {
public:
    PairCounts() { m_slots.resize(1 << 16); }

    void add(std::int32_t i, std::int32_t j, double w)
    {
        const std::uint64_t key = (static_cast<std::uint64_t>(static_cast<std::uint32_t>(i)) << 32) | static_cast<std::uint32_t>(j);
        std::size_t mask = m_slots.size() - 1;
        std::size_t h = hash(key) & mask;
        while (true) {
            Slot &s = m_slots[h];
            if (s.key == key) {
                s.value += w;
                return;
            }
            if (s.key == kEmpty) {
                s.key = key;
                s.value = w;
                if (++m_used * 2 > m_slots.size())
                    grow();
                return;
            }
            h = (h + 1) & mask;
        }
    }

    // Sorted by (i, j).
    std::vector<Cooccurrence> sorted() const
    {
        std::vector<Cooccurrence> out;
        out.reserve(m_used);
        for (const Slot &s : m_slots)
            if (s.key != kEmpty)
                out.push_back({static_cast<std::int32_t>(s.key >> 32), static_cast<std::int32_t>(s.key & 0xffffffffu),
                               static_cast<float>(s.value)});
        std::sort(out.begin(), out.end(), [](const Cooccurrence &a, const Cooccurrence &b) {
            return a.i != b.i ? a.i < b.i : a.j < b.j;
        });
        return out;
    }

private:
    static constexpr std::uint64_t kEmpty = ~std::uint64_t(0); // ids are < 2^31, so never a real key
    struct Slot {
        std::uint64_t key = kEmpty;
        double value = 0.0;
    };
    static std::size_t hash(std::uint64_t k) // splitmix64 finaliser
    {
        k ^= k >> 30;
        k *= 0xbf58476d1ce4e5b9ull;
        k ^= k >> 27;
        k *= 0x94d049bb133111ebull;
        k ^= k >> 31;
        return static_cast<std::size_t>(k);
    }
    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        const std::size_t mask = m_slots.size() - 1;
        for (const Slot &s : old) {
            if (s.key == kEmpty)
                continue;
            std::size_t h = hash(s.key) & mask;
            while (m_slots[h].key != kEmpty)
                h = (h + 1) & mask;
            m_slots[h] = s;
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_used = 0;
};

} // namespace

std::vector<Cooccurrence> countCooccurrences(const WordCorpus &corpus, int window)
{
    PairCounts counts;
    const auto &ids = corpus.ids;
    for (std::size_t line = 0; line + 1 < corpus.lineStarts.size(); ++line) {
        const std::int64_t begin = corpus.lineStarts[line];
        const std::int64_t end = corpus.lineStarts[line + 1];
        for (std::int64_t p = begin; p < end; ++p) {
            // As cooccur.c: each word looks back over the window; both orders get 1/d.
            for (std::int64_t d = 1; d <= window && p - d >= begin; ++d) {
                const double w = 1.0 / static_cast<double>(d);
                counts.add(ids[p - d], ids[p], w);
                counts.add(ids[p], ids[p - d], w);
            }
        }
    }
    return counts.sorted();
}

double adagradStep(float *wi, float *wtj, float *bi, float *btj, float *gwi, float *gwtj, float *gbi, float *gbtj, int dim,
                   float x, double xMax, double alpha, float eta)
{
    using Vec = Eigen::Map<Eigen::ArrayXf>;
    Vec w(wi, dim), wt(wtj, dim), gw(gwi, dim), gwt(gwtj, dim);
    // Forward: J_ij = 0.5·f(x)·diff², diff = w_i·w̃_j + b_i + b̃_j − log x.
    const float dot = (w * wt).sum();
    const double diff = static_cast<double>(dot) + *bi + *btj - std::log(static_cast<double>(x));
    const double fdiff = weight(x, xMax, alpha) * diff; // dJ/d(diff)
    if (!std::isfinite(diff) || !std::isfinite(fdiff))
        return 0.0;
    // As glove.c: the gradient is scaled by eta first (temp1 = eta·fdiff·w̃_j[k],
    // temp2 = eta·fdiff·w_i[k], from the old values); the step is temp/sqrt(accumulator), which
    // starts at 1 and gains temp². So the effective step is eta·g/sqrt(1 + eta²·Σg²).
    const float efd = eta * static_cast<float>(fdiff);
    thread_local Eigen::ArrayXf t1, t2; // (D) eta-scaled gradients for w_i and w̃_j
    t1.resize(dim);
    t2.resize(dim);
    t1 = efd * wt;
    t2 = efd * w;
    const float steps = (t1 / gw.sqrt()).sum() + (t2 / gwt.sqrt()).sum();
    if (std::isfinite(steps)) {
        w -= t1 / gw.sqrt();
        wt -= t2 / gwt.sqrt();
        gw += t1.square();
        gwt += t2.square();
    }
    // dJ/db_i = dJ/db̃_j = fdiff.
    const float ubi = efd / std::sqrt(*gbi);
    const float ubtj = efd / std::sqrt(*gbtj);
    if (std::isfinite(ubi) && std::isfinite(ubtj) && std::isfinite(efd * efd)) {
        *bi -= ubi;
        *btj -= ubtj;
        *gbi += efd * efd;
        *gbtj += efd * efd;
    }
    return 0.5 * fdiff * diff;
}

} // namespace glove_detail

namespace {

Status validate(const WordCorpus &corpus, const GloveOptions &o)
{
    auto bad = [](const std::string &what) { return Status(makeError("GloVe: " + what)); };
    if (o.dim < 1 || o.dim > 100000)
        return bad("dim must be between 1 and 100000, got " + std::to_string(o.dim));
    if (o.window < 1 || o.window > 1000)
        return bad("window must be between 1 and 1000, got " + std::to_string(o.window));
    if (o.epochs < 1)
        return bad("epochs must be at least 1, got " + std::to_string(o.epochs));
    if (!(std::isfinite(o.xMax) && o.xMax > 0.0))
        return bad("xMax must be a positive number, got " + std::to_string(o.xMax));
    if (!(std::isfinite(o.alpha) && o.alpha >= 0.0))
        return bad("alpha must be a non-negative number, got " + std::to_string(o.alpha));
    if (!(std::isfinite(o.eta) && o.eta > 0.0f))
        return bad("eta must be a positive number, got " + std::to_string(o.eta));
    if (o.threads < 1 || o.threads > 256)
        return bad("threads must be between 1 and 256, got " + std::to_string(o.threads));
    if (corpus.vocab.size() < 1)
        return bad("the vocabulary is empty");
    if (corpus.lineStarts.empty() || corpus.lineStarts.back() != static_cast<std::int64_t>(corpus.ids.size()))
        return bad("the corpus has no line offsets");
    return Ok{};
}

// Parameters, as glove.c's W and gradsq arrays but split by role.
struct GloveParams {
    std::vector<float> w, wt;   // (V, D) main and context vectors
    std::vector<float> b, bt;   // (V)
    std::vector<float> gw, gwt; // (V, D) Σ g², from 1
    std::vector<float> gb, gbt; // (V)
};

WordVectors sumOfRows(const WordCorpus &corpus, const GloveParams &p, int dim, std::int32_t rows)
{
    WordVectors out;
    out.dim = dim;
    out.words.assign(corpus.vocab.words.begin(), corpus.vocab.words.begin() + rows);
    out.data.resize(static_cast<std::size_t>(rows) * dim);
    for (std::size_t k = 0; k < out.data.size(); ++k)
        out.data[k] = p.w[k] + p.wt[k]; // racy under Hogwild during a snapshot: fine for a picture
    return out;
}

} // namespace

Result<WordVectors> trainGlove(const WordCorpus &corpus, const GloveOptions &options, const CancelToken &cancel,
                               EmbedObserver *observer)
{
    using glove_detail::Cooccurrence;
    if (Status s = validate(corpus, options); !s.ok())
        return makeError(s.error());
    const int dim = options.dim;
    const std::int32_t vocabSize = corpus.vocab.size();

    std::vector<Cooccurrence> pairs = glove_detail::countCooccurrences(corpus, options.window);
    if (pairs.empty())
        return makeError("GloVe: no word pairs within the window (every line holds a single token)");
    if (cancel.isCancelled())
        return makeError("cancelled");

    Rng rng(options.seed);
    for (std::size_t n = pairs.size(); n > 1; --n) // Fisher-Yates, once (as shuffle.c)
        std::swap(pairs[n - 1], pairs[rng.below(n)]);

    GloveParams p;
    const std::size_t cells = static_cast<std::size_t>(vocabSize) * dim;
    auto init = [&](std::vector<float> &v, std::size_t n) {
        v.resize(n);
        for (float &x : v)
            x = (rng.uniform() - 0.5f) / static_cast<float>(dim);
    };
    init(p.w, cells);
    init(p.wt, cells);
    init(p.b, vocabSize);
    init(p.bt, vocabSize);
    p.gw.assign(cells, 1.0f);
    p.gwt.assign(cells, 1.0f);
    p.gb.assign(vocabSize, 1.0f);
    p.gbt.assign(vocabSize, 1.0f);

    const std::int64_t pairCount = static_cast<std::int64_t>(pairs.size());
    const std::int64_t totalWork = pairCount * options.epochs;
    const int threads = static_cast<int>(std::min<std::int64_t>(options.threads, pairCount));
    std::atomic<std::int64_t> pairsDone{0};
    std::atomic<double> lossSum{0.0}; // Σ loss terms over all threads, flushed in batches
    std::atomic<bool> stop{false};

    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto lastReport = start;
    std::int64_t lastDone = 0;
    double lastLoss = 0.0;
    double lastMeanLoss = 0.0; // repeated when a report finds no new pairs (e.g. the final one)
    int currentEpoch = 0;
    const std::int32_t snapshotRows = observer ? std::clamp(observer->snapshotWords(), 0, vocabSize) : 0;

    auto report = [&](bool final) {
        const auto now = Clock::now();
        const std::int64_t done = pairsDone.load(std::memory_order_relaxed);
        const double loss = lossSum.load(std::memory_order_relaxed);
        EmbedProgress pr;
        pr.fraction = final ? 1.0 : std::min(1.0, static_cast<double>(done) / static_cast<double>(totalWork));
        pr.wordsDone = done;
        const double seconds = std::chrono::duration<double>(now - start).count();
        pr.wordsPerSecond = seconds > 0.0 ? static_cast<double>(done) / seconds : 0.0;
        pr.learningRate = options.eta;
        if (done > lastDone)
            lastMeanLoss = (loss - lastLoss) / static_cast<double>(done - lastDone);
        pr.loss = lastMeanLoss;
        pr.epoch = currentEpoch;
        lastReport = now;
        lastDone = done;
        lastLoss = loss;
        observer->onProgress(pr);
        if (snapshotRows > 0 && observer->wantsSnapshot())
            observer->onSnapshot(sumOfRows(corpus, p, dim, snapshotRows));
    };

    // One block of one epoch (Hogwild). Block 0 runs on the caller and is the one that reports.
    auto workSlice = [&](std::int64_t begin, std::int64_t end, bool reporter) {
        constexpr std::int64_t kBatch = 1024;
        std::int64_t n = begin;
        while (n < end && !stop.load(std::memory_order_relaxed)) {
            const std::int64_t batchEnd = std::min(end, n + kBatch);
            double loss = 0.0;
            for (std::int64_t m = n; m < batchEnd; ++m) {
                const Cooccurrence &c = pairs[m];
                const std::size_t ri = static_cast<std::size_t>(c.i) * dim;
                const std::size_t rj = static_cast<std::size_t>(c.j) * dim;
                loss += glove_detail::adagradStep(&p.w[ri], &p.wt[rj], &p.b[c.i], &p.bt[c.j], &p.gw[ri], &p.gwt[rj], &p.gb[c.i],
                                                  &p.gbt[c.j], dim, c.x, options.xMax, options.alpha, options.eta);
            }
            lossSum.fetch_add(loss, std::memory_order_relaxed);
            pairsDone.fetch_add(batchEnd - n, std::memory_order_relaxed);
            n = batchEnd;
            if (cancel.isCancelled())
                stop.store(true, std::memory_order_relaxed);
            if (reporter && observer && Clock::now() - lastReport >= std::chrono::milliseconds(100))
                report(false);
        }
    };

    for (int epoch = 0; epoch < options.epochs && !stop.load(); ++epoch) {
        currentEpoch = epoch + 1;
        parallelFor(pairCount, threads,
                    [&](std::int64_t first, std::int64_t last, int block) { workSlice(first, last, block == 0); });
    }
    if (stop.load() || cancel.isCancelled())
        return makeError("cancelled");
    if (observer)
        report(true);
    return sumOfRows(corpus, p, dim, vocabSize);
}

} // namespace lm
