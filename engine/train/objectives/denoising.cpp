#include "train/objectives/denoising.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace lm {

namespace {

// Checks the sentences and lists where a run may start: (document, sentence) for every sentence.
Result<std::vector<std::pair<std::size_t, std::size_t>>> runStarts(const std::vector<std::vector<TokenSequence>> &documents)
{
    std::vector<std::pair<std::size_t, std::size_t>> starts;
    for (std::size_t d = 0; d < documents.size(); ++d)
        for (std::size_t s = 0; s < documents[d].size(); ++s) {
            if (documents[d][s].empty())
                return makeError("sentence " + std::to_string(s + 1) + " of document " + std::to_string(d + 1) +
                                 " is empty");
            starts.emplace_back(d, s);
        }
    if (starts.empty())
        return makeError("there is no sentence to learn from");
    return starts;
}

// Consecutive sentences from a random start while they fit `budget` tokens together; the first
// is always taken, cut to the budget when it alone is longer.
std::vector<TokenSequence> drawRun(const std::vector<std::vector<TokenSequence>> &documents,
                                   const std::vector<std::pair<std::size_t, std::size_t>> &starts, Rng &rng,
                                   std::size_t budget)
{
    const auto [d, s] = starts[rng.below(starts.size())];
    const std::vector<TokenSequence> &doc = documents[d];
    std::vector<TokenSequence> run{doc[s]};
    if (run.front().size() > budget)
        run.front().resize(budget);
    std::size_t used = run.front().size();
    for (std::size_t k = s + 1; k < doc.size() && used + doc[k].size() <= budget; ++k) {
        run.push_back(doc[k]);
        used += doc[k].size();
    }
    return run;
}

TokenSequence joined(const std::vector<TokenSequence> &sentences)
{
    TokenSequence out;
    for (const TokenSequence &s : sentences)
        out.insert(out.end(), s.begin(), s.end());
    return out;
}

// `total` items cut into `parts` non-empty runs at random (T5's _random_segmentation).
std::vector<int> randomSegmentation(int total, int parts, Rng &rng)
{
    std::vector<int> cuts(static_cast<std::size_t>(total - 1));
    std::iota(cuts.begin(), cuts.end(), 1);
    for (int i = 0; i < parts - 1; ++i) // a partial Fisher–Yates: the first parts − 1 cuts
        std::swap(cuts[static_cast<std::size_t>(i)], cuts[static_cast<std::size_t>(i) + rng.below(cuts.size() - i)]);
    cuts.resize(static_cast<std::size_t>(parts - 1));
    std::sort(cuts.begin(), cuts.end());
    std::vector<int> lengths;
    int previous = 0;
    for (int c : cuts) {
        lengths.push_back(c - previous);
        previous = c;
    }
    lengths.push_back(total - previous);
    return lengths;
}

// Knuth's method; λ is small (BART's 3).
int poisson(double lambda, Rng &rng)
{
    const double limit = std::exp(-lambda);
    double p = 1.0;
    int k = 0;
    do {
        ++k;
        p *= rng.uniform();
    } while (p > limit && k < 1000);
    return k - 1;
}

struct SpanCounts {
    int noise = 0, spans = 0;
};

SpanCounts spanCounts(int n, double noise, double meanSpan, int sentinels)
{
    if (n < 2)
        return {};
    SpanCounts c;
    c.noise = std::clamp(static_cast<int>(std::lround(n * noise)), 1, n - 1);
    c.spans = std::clamp(static_cast<int>(std::lround(c.noise / meanSpan)), 1,
                         std::min({c.noise, n - c.noise, sentinels}));
    return c;
}

} // namespace

Result<SpanCorruptionObjective> SpanCorruptionObjective::create(std::vector<std::vector<TokenSequence>> documents,
                                                                int seq, const Seq2SeqIds &ids, double noise,
                                                                double meanSpan)
{
    if (seq < 8)
        return makeError("span corruption needs a window of at least 8 tokens");
    if (ids.sentinels.empty())
        return makeError("span corruption needs sentinel tokens, and the tokenizer has none");
    if (!(noise > 0.0 && noise <= 0.9))
        return makeError("the noise density must be in (0, 0.9]");
    if (!(meanSpan >= 1.0))
        return makeError("the mean span length must be at least 1");
    auto starts = runStarts(documents);
    if (!starts)
        return makeError(starts.error());
    SpanCorruptionObjective o;
    o.m_documents = std::move(documents);
    o.m_starts = std::move(starts).value();
    o.m_ids = ids;
    o.m_seq = seq;
    o.m_noise = noise;
    o.m_meanSpan = meanSpan;
    const int sentinels = static_cast<int>(ids.sentinels.size());
    // The longest run whose input (kept tokens, a sentinel per span, the end) and target (a
    // sentinel per span, the spans, the end; the decoder reads the start token before it) fit T.
    for (int n = 2;; ++n) {
        const SpanCounts c = spanCounts(n, noise, meanSpan, sentinels);
        if (n - c.noise + c.spans + 1 > seq || c.noise + c.spans + 1 > seq)
            break;
        o.m_run = n;
    }
    return o;
}

CorruptedText SpanCorruptionObjective::corrupt(const TokenSequence &text, Rng &rng) const
{
    CorruptedText out;
    out.original = text;
    const int n = static_cast<int>(text.size());
    const SpanCounts c = spanCounts(n, m_noise, m_meanSpan, static_cast<int>(m_ids.sentinels.size()));
    if (c.spans == 0) {
        out.input = text;
        return out;
    }
    const std::vector<int> noise = randomSegmentation(c.noise, c.spans, rng);
    const std::vector<int> kept = randomSegmentation(n - c.noise, c.spans, rng);
    int at = 0;
    for (int i = 0; i < c.spans; ++i) {
        out.input.insert(out.input.end(), text.begin() + at, text.begin() + at + kept[static_cast<std::size_t>(i)]);
        at += kept[static_cast<std::size_t>(i)];
        const std::int32_t sentinel = m_ids.sentinels[static_cast<std::size_t>(i)];
        const int length = noise[static_cast<std::size_t>(i)];
        out.spans.push_back({at, length, static_cast<int>(out.input.size()), static_cast<int>(out.target.size())});
        out.input.push_back(sentinel);
        out.target.push_back(sentinel);
        out.target.insert(out.target.end(), text.begin() + at, text.begin() + at + length);
        at += length;
    }
    return out;
}

CorruptedText SpanCorruptionObjective::draw(Rng &rng) const
{
    TokenSequence text = joined(drawRun(m_documents, m_starts, rng, static_cast<std::size_t>(m_run)));
    return corrupt(text, rng);
}

TokenBatch SpanCorruptionObjective::next(Rng &rng, int batch)
{
    std::vector<SequencePair> rows;
    for (int r = 0; r < batch; ++r) {
        CorruptedText c = draw(rng);
        rows.push_back({std::move(c.input), std::move(c.target)});
    }
    return packSequencePairs(rows, m_seq, {m_ids.pad, m_ids.start, m_ids.end}, m_ids.begin);
}

Result<TextInfillingObjective> TextInfillingObjective::create(std::vector<std::vector<TokenSequence>> documents, int seq,
                                                              const Seq2SeqIds &ids, bool permute, double ratio,
                                                              double lambda)
{
    if (seq < 4)
        return makeError("text infilling needs a window of at least 4 tokens");
    if (!ids.mask)
        return makeError("text infilling needs a mask token, and the tokenizer has none");
    if (!(ratio > 0.0 && ratio <= 0.9))
        return makeError("the mask ratio must be in (0, 0.9]");
    if (!(lambda > 0.0))
        return makeError("the mean span length must be positive");
    auto starts = runStarts(documents);
    if (!starts)
        return makeError(starts.error());
    TextInfillingObjective o;
    o.m_documents = std::move(documents);
    o.m_starts = std::move(starts).value();
    o.m_ids = ids;
    o.m_seq = seq;
    o.m_permute = permute;
    o.m_ratio = ratio;
    o.m_lambda = lambda;
    return o;
}

CorruptedText TextInfillingObjective::corrupt(const std::vector<TokenSequence> &sentences, Rng &rng) const
{
    CorruptedText out;
    out.original = joined(sentences);
    std::vector<TokenSequence> shown = sentences;
    if (m_permute) {
        out.sentenceOrder.resize(sentences.size());
        std::iota(out.sentenceOrder.begin(), out.sentenceOrder.end(), 0);
        for (std::size_t i = sentences.size(); i > 1; --i)
            std::swap(out.sentenceOrder[i - 1], out.sentenceOrder[rng.below(i)]);
        for (std::size_t i = 0; i < sentences.size(); ++i)
            shown[i] = sentences[static_cast<std::size_t>(out.sentenceOrder[i])];
    }
    const TokenSequence text = joined(shown);
    const std::size_t n = text.size();
    out.target = out.original;
    if (n == 0)
        return out;
    // Spans at random starts until they cover ceil(n · ratio) tokens; a zero-length span marks an
    // insertion before its start.
    std::vector<char> covered(n, 0), inserted(n, 0);
    const std::size_t wanted = static_cast<std::size_t>(std::ceil(static_cast<double>(n) * m_ratio));
    std::size_t count = 0;
    for (std::size_t tries = 0; count < wanted && tries < 8 * n + 16; ++tries) {
        const std::size_t length = static_cast<std::size_t>(poisson(m_lambda, rng));
        const std::size_t start = rng.below(n);
        if (length == 0) {
            inserted[start] = 1;
            continue;
        }
        for (std::size_t i = start; i < std::min(n, start + length); ++i)
            if (!covered[i]) {
                covered[i] = 1;
                ++count;
            }
    }
    for (std::size_t i = 0; i < n;) {
        if (covered[i]) {
            std::size_t j = i;
            while (j < n && covered[j])
                ++j;
            out.spans.push_back({static_cast<int>(i), static_cast<int>(j - i), static_cast<int>(out.input.size()), -1});
            out.input.push_back(*m_ids.mask);
            i = j;
            continue;
        }
        if (inserted[i] && (i == 0 || !covered[i - 1])) {
            out.spans.push_back({static_cast<int>(i), 0, static_cast<int>(out.input.size()), -1});
            out.input.push_back(*m_ids.mask);
        }
        out.input.push_back(text[i]);
        ++i;
    }
    return out;
}

CorruptedText TextInfillingObjective::draw(Rng &rng) const
{
    // The target, "<s> text </s>", and the decoder's input, "[start] <s> text", fit T; an input
    // that inserted masks made longer is cut by packSequencePairs.
    const std::size_t budget = static_cast<std::size_t>(m_seq) - (m_ids.begin ? 2 : 1);
    return corrupt(drawRun(m_documents, m_starts, rng, budget), rng);
}

TokenBatch TextInfillingObjective::next(Rng &rng, int batch)
{
    std::vector<SequencePair> rows;
    for (int r = 0; r < batch; ++r) {
        CorruptedText c = draw(rng);
        rows.push_back({std::move(c.input), std::move(c.target)});
    }
    return packSequencePairs(rows, m_seq, {m_ids.pad, m_ids.start, m_ids.end}, m_ids.begin);
}

} // namespace lm
