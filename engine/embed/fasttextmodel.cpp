// Legend: V = vocabulary size, U = n-gram buckets stored, D = dim. A word w has the row list
// R(w) = [w] + [row of each n-gram bucket], duplicates kept as fastText.
#include "embed/fasttextmodel.h"

#include "embed/embedkernels.h"
#include "text/utf8.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

namespace lm {

namespace fasttext_detail {

std::uint32_t fnv1a(std::string_view bytes)
{
    std::uint32_t h = 2166136261u;
    for (char c : bytes) {
        h = h ^ static_cast<std::uint32_t>(static_cast<std::int8_t>(c));
        h = h * 16777619u;
    }
    return h;
}

std::vector<std::int32_t> ngramBuckets(std::string_view word, int minn, int maxn, int bucket)
{
    // Dictionary::computeSubwords over "<word>": every run of minn..maxn UTF-8 characters,
    // except single characters at the boundary ("<" or ">") when minn is 1.
    std::vector<std::int32_t> out;
    if (maxn <= 0 || bucket <= 0)
        return out;
    std::string w;
    w.reserve(word.size() + 2);
    w += '<';
    w += word;
    w += '>';
    std::string ngram;
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (isUtf8Continuation(w[i]))
            continue;
        ngram.clear();
        for (std::size_t j = i, n = 1; j < w.size() && n <= static_cast<std::size_t>(maxn); ++n) {
            ngram.push_back(w[j++]);
            while (j < w.size() && isUtf8Continuation(w[j]))
                ngram.push_back(w[j++]);
            if (n >= static_cast<std::size_t>(minn) && !(n == 1 && (i == 0 || j == w.size())))
                out.push_back(static_cast<std::int32_t>(fnv1a(ngram) % static_cast<std::uint32_t>(bucket)));
        }
    }
    return out;
}

void initialRow(std::uint64_t seed, std::uint64_t key, float *out, int dim)
{
    using embed_detail::FastRng;
    using embed_detail::mix64;
    FastRng rng(mix64(seed) ^ mix64(key + 0x632BE59BD9B4E019ull));
    const float a = 1.0f / static_cast<float>(dim);
    for (int i = 0; i < dim; ++i) {
        const float u = static_cast<float>(rng.next() >> 40) * (1.0f / 16777216.0f); // [0, 1)
        out[i] = (2.0f * u - 1.0f) * a;
    }
}

} // namespace fasttext_detail

using namespace fasttext_detail;

struct FastTextModel::Impl {
    FastTextRows rows;
    std::unordered_map<std::string, std::int32_t> wordIndex;  // word -> word row
    std::unordered_map<std::int32_t, std::int32_t> bucketRow; // bucket id -> n-gram row

    // out (D) = mean of R(word); zero when R(word) is empty.
    void wordVector(std::string_view word, float *out) const
    {
        const int dim = rows.dim;
        std::fill(out, out + dim, 0.0f);
        int count = 0;
        const auto it = wordIndex.find(std::string(word));
        if (it != wordIndex.end()) {
            const float *r = rows.wordRows.data() + static_cast<std::int64_t>(it->second) * dim;
            for (int i = 0; i < dim; ++i)
                out[i] += r[i];
            ++count;
        }
        if (word != kEndOfSentence) {
            std::vector<float> fresh(dim);
            for (std::int32_t b : ngramBuckets(word, rows.minn, rows.maxn, rows.bucket)) {
                const auto row = bucketRow.find(b);
                const float *r;
                if (row != bucketRow.end()) {
                    r = rows.ngramRows.data() + static_cast<std::int64_t>(row->second) * dim;
                } else {
                    initialRow(rows.seed, kBucketKey | static_cast<std::uint64_t>(b), fresh.data(), dim);
                    r = fresh.data();
                }
                for (int i = 0; i < dim; ++i)
                    out[i] += r[i];
                ++count;
            }
        }
        if (count > 0)
            for (int i = 0; i < dim; ++i)
                out[i] /= static_cast<float>(count);
    }
};

FastTextModel::FastTextModel(FastTextRows rows)
{
    const std::size_t dim = static_cast<std::size_t>(std::max(rows.dim, 0));
    if (rows.dim < 1 || rows.wordRows.size() != rows.words.size() * dim || rows.ngramRows.size() != rows.buckets.size() * dim)
        throw std::invalid_argument("FastTextModel: dim " + std::to_string(rows.dim) + ", " +
                                    std::to_string(rows.words.size()) + " words with " +
                                    std::to_string(rows.wordRows.size()) + " values, " +
                                    std::to_string(rows.buckets.size()) + " buckets with " +
                                    std::to_string(rows.ngramRows.size()) + " values");
    auto impl = std::make_shared<Impl>();
    impl->rows = std::move(rows);
    const FastTextRows &r = impl->rows;
    impl->wordIndex.reserve(r.words.size());
    for (std::size_t i = 0; i < r.words.size(); ++i)
        impl->wordIndex.emplace(r.words[i], static_cast<std::int32_t>(i));
    impl->bucketRow.reserve(r.buckets.size());
    for (std::size_t k = 0; k < r.buckets.size(); ++k)
        impl->bucketRow.emplace(r.buckets[k], static_cast<std::int32_t>(k));
    m_impl = std::move(impl);
}

int FastTextModel::dim() const { return m_impl ? m_impl->rows.dim : 0; }

const FastTextRows &FastTextModel::rows() const
{
    static const FastTextRows none;
    return m_impl ? m_impl->rows : none;
}

std::vector<float> FastTextModel::wordVector(std::string_view word) const
{
    std::vector<float> v(static_cast<std::size_t>(dim()), 0.0f);
    if (m_impl)
        m_impl->wordVector(word, v.data());
    return v;
}

WordVectors FastTextModel::vocabularyVectors() const
{
    WordVectors out;
    if (!m_impl)
        return out;
    const FastTextRows &r = m_impl->rows;
    out.dim = r.dim;
    out.words = r.words;
    out.data.resize(r.words.size() * static_cast<std::size_t>(r.dim));
    for (std::size_t i = 0; i < r.words.size(); ++i)
        m_impl->wordVector(r.words[i], out.data.data() + i * r.dim);
    return out;
}

} // namespace lm
