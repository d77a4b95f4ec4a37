#include "inspect/sentencevectors.h"

#include "core/tape.h"
#include "text/specialtokens.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>

namespace lm {

namespace {

void normalise(std::vector<float> &v)
{
    double n = 0.0;
    for (float x : v)
        n += double(x) * x;
    if (n > 0.0)
        for (float &x : v)
            x = static_cast<float>(x / std::sqrt(n));
}

float dot(const std::vector<float> &a, const std::vector<float> &b)
{
    float s = 0.0f;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        s += a[i] * b[i];
    return s;
}

} // namespace

SentenceVectors encoderSentenceVectors(EncoderModel &model, const Tokenizer &tokenizer,
                                       const std::vector<std::string> &sentences, SentencePooling pooling, int maxLength,
                                       const CancelToken *cancel)
{
    NoGradScope noGrad;
    const EncoderSpecials sp = findEncoderSpecials(tokenizer).value();
    maxLength = std::min(maxLength, model.encoderConfig().maxSeq);
    const std::int64_t H = model.encoderConfig().dim;
    SentenceVectors out;
    constexpr std::size_t kBatch = 32;
    for (std::size_t first = 0; first < sentences.size(); first += kBatch) {
        if (cancel && cancel->isCancelled())
            break;
        const std::size_t last = std::min(sentences.size(), first + kBatch);
        std::vector<std::vector<std::int32_t>> rows;
        std::size_t T = 0;
        for (std::size_t i = first; i < last; ++i) {
            rows.push_back(encodeForEncoder(tokenizer, sentences[i], std::nullopt, maxLength).ids);
            T = std::max(T, rows.back().size());
        }
        EncoderInput in;
        in.batch = static_cast<int>(rows.size());
        in.time = static_cast<int>(T);
        for (const auto &r : rows) {
            in.ids.insert(in.ids.end(), r.begin(), r.end());
            in.ids.insert(in.ids.end(), T - r.size(), sp.pad);
            in.paddingMask.insert(in.paddingMask.end(), r.size(), 1);
            in.paddingMask.insert(in.paddingMask.end(), T - r.size(), 0);
        }
        const Tensor hidden = model.encode(in); // (B, T, H)
        for (std::size_t b = 0; b < rows.size(); ++b) {
            std::vector<float> v(static_cast<std::size_t>(H), 0.0f);
            const std::size_t n = pooling == SentencePooling::Cls ? 1 : rows[b].size();
            for (std::size_t t = 0; t < n; ++t) {
                const float *h = hidden.data() + (static_cast<std::int64_t>(b * T + t)) * H;
                for (std::int64_t c = 0; c < H; ++c)
                    v[static_cast<std::size_t>(c)] += h[c] / static_cast<float>(n);
            }
            normalise(v);
            out.push_back(std::move(v));
        }
    }
    return out;
}

SentenceVectors averagedWordVectors(const WordVectors &vectors, const std::vector<std::string> &sentences)
{
    SentenceVectors out;
    for (const std::string &s : sentences) {
        std::vector<float> v(static_cast<std::size_t>(vectors.dim), 0.0f);
        for (const std::string &w : WordTokenizer::splitWords(s)) {
            std::int32_t id = vectors.find(w);
            if (id < 0) {
                std::string lower = w;
                std::transform(lower.begin(), lower.end(), lower.begin(),
                               [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
                id = vectors.find(lower);
            }
            if (id < 0)
                continue;
            const float *row = vectors.row(id);
            for (int c = 0; c < vectors.dim; ++c)
                v[static_cast<std::size_t>(c)] += row[c];
        }
        normalise(v);
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<std::pair<int, float>> nearestSentences(const SentenceVectors &rows, const std::vector<float> &query, int k)
{
    std::vector<std::pair<int, float>> all;
    for (std::size_t i = 0; i < rows.size(); ++i)
        all.emplace_back(static_cast<int>(i), dot(rows[i], query));
    const auto n = static_cast<std::size_t>(std::clamp(k, 0, static_cast<int>(all.size())));
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    all.resize(n);
    return all;
}

std::vector<std::vector<int>> rankAll(const SentenceVectors &docs, const SentenceVectors &queries)
{
    std::vector<std::vector<int>> rankings;
    for (const auto &q : queries) {
        std::vector<int> order;
        for (const auto &[i, score] : nearestSentences(docs, q, static_cast<int>(docs.size())))
            order.push_back(i);
        rankings.push_back(std::move(order));
    }
    return rankings;
}

RetrievalScores scoreRankings(const std::vector<std::vector<int>> &rankings, const std::vector<int> &gold)
{
    return {recallAtK(rankings, gold, 1), recallAtK(rankings, gold, 5), meanReciprocalRank(rankings, gold)};
}

} // namespace lm
