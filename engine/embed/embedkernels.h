#pragma once
// Private to embed/: the row kernels, random numbers, negative sampler and corpus slicing shared
// by the two hand-written trainers (word2vec, fastText) and fastText's model. Not a public contract.
//
// Rows are stored with a padded stride S (dim rounded up to 16 floats, 64-byte aligned); the
// padding starts at zero and stays zero, because every update adds a multiple of another padded
// row. So the kernels below run over whole 16-float chunks with no remainder loop, and plain
// loops compile to AVX-512 / AVX2 FMAs at -O3 -march=native without -ffast-math.
#include "embed/embedprogress.h"
#include "embed/wordcorpus.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

namespace lm::embed_detail {

constexpr int kLanes = 16;

inline int paddedStride(int dim) { return (dim + kLanes - 1) / kLanes * kLanes; }

// A zero-filled, 64-byte aligned float buffer.
struct FreeDeleter {
    void operator()(float *p) const { std::free(p); }
};
using FloatBuffer = std::unique_ptr<float[], FreeDeleter>;
inline FloatBuffer allocateFloats(std::int64_t count)
{
    const std::size_t bytes = (static_cast<std::size_t>(std::max<std::int64_t>(count, 1)) * sizeof(float) + 63) / 64 * 64;
    auto *p = static_cast<float *>(std::aligned_alloc(64, bytes));
    if (!p)
        throw std::bad_alloc();
    std::fill(p, p + bytes / sizeof(float), 0.0f);
    return FloatBuffer(p);
}

// a, b: (n), n a multiple of kLanes. Independent lane accumulators let GCC vectorise the sum
// without reassociating it.
inline float dot(const float *__restrict a, const float *__restrict b, int n)
{
    float acc[kLanes] = {};
    for (int i = 0; i < n; i += kLanes)
        for (int j = 0; j < kLanes; ++j)
            acc[j] += a[i + j] * b[i + j];
    float s = 0.0f;
    for (int j = 0; j < kLanes; ++j)
        s += acc[j];
    return s;
}

// y += a·x
inline void axpy(float a, const float *__restrict x, float *__restrict y, int n)
{
    for (int i = 0; i < n; i += kLanes)
        for (int j = 0; j < kLanes; ++j)
            y[i + j] += a * x[i + j];
}

// The fused output-row step of negative sampling and hierarchical softmax:
//   grad += g·out   (with the old out)      out += g·hidden
inline void outputStep(float g, const float *__restrict hidden, float *__restrict out, float *__restrict grad, int n)
{
    for (int i = 0; i < n; i += kLanes)
        for (int j = 0; j < kLanes; ++j) {
            const float o = out[i + j];
            grad[i + j] += g * o;
            out[i + j] = o + g * hidden[i + j];
        }
}

inline void zero(float *__restrict y, int n)
{
    for (int i = 0; i < n; ++i)
        y[i] = 0.0f;
}

inline void copy(const float *__restrict x, float *__restrict y, int n)
{
    for (int i = 0; i < n; ++i)
        y[i] = x[i];
}

inline void scale(float a, float *__restrict y, int n)
{
    for (int i = 0; i < n; ++i)
        y[i] *= a;
}

// splitmix64's finaliser: a bijective 64-bit mix.
inline std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// splitmix64: small state, good 64-bit output, inlined in the hot loops.
struct FastRng {
    std::uint64_t state;
    explicit FastRng(std::uint64_t seed) : state(mix64(seed + 0x9E3779B97F4A7C15ull)) {}
    std::uint64_t next()
    {
        state += 0x9E3779B97F4A7C15ull;
        return mix64(state);
    }
    // [0, n) from the high 32 bits (multiply-shift; bias below 2^-32·n).
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32); }
};

// Walker's alias method: samples id i with probability weight_i / Σ weight in O(1) from two
// arrays of the vocabulary size (cache-resident, unlike a 1e7..1e8-entry table). It draws from
// exactly the distribution that word2vec's and fastText's tables approximate.
class AliasSampler {
public:
    explicit AliasSampler(const std::vector<double> &weights)
    {
        const std::size_t n = weights.size();
        m_n = static_cast<std::uint32_t>(n);
        m_limit.assign(n, 0);
        m_alias.assign(n, 0);
        double total = 0.0;
        for (double w : weights)
            total += w;
        std::vector<double> p(n);
        std::vector<std::uint32_t> small, large;
        for (std::size_t i = 0; i < n; ++i) {
            p[i] = total > 0.0 ? weights[i] * static_cast<double>(n) / total : 1.0;
            (p[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
        }
        while (!small.empty() && !large.empty()) {
            const std::uint32_t s = small.back(), l = large.back();
            small.pop_back();
            m_limit[s] = static_cast<std::uint64_t>(p[s] * 4294967296.0);
            m_alias[s] = static_cast<std::int32_t>(l);
            p[l] -= 1.0 - p[s];
            if (p[l] < 1.0) {
                large.pop_back();
                small.push_back(l);
            }
        }
        for (std::uint32_t i : large) {
            m_limit[i] = 1ull << 32;
            m_alias[i] = static_cast<std::int32_t>(i);
        }
        for (std::uint32_t i : small) { // rounding leftovers
            m_limit[i] = 1ull << 32;
            m_alias[i] = static_cast<std::int32_t>(i);
        }
    }
    // r: 64 random bits. High half picks the column, low half the coin.
    std::int32_t sample(std::uint64_t r) const
    {
        const auto i = static_cast<std::uint32_t>(((r >> 32) * m_n) >> 32);
        return (r & 0xFFFFFFFFull) < m_limit[i] ? static_cast<std::int32_t>(i) : m_alias[i];
    }

private:
    std::uint32_t m_n = 0;
    std::vector<std::uint64_t> m_limit; // coin threshold, out of 2^32
    std::vector<std::int32_t> m_alias;
};

// Thread t of `threads` takes the lines [first, last): contiguous, with about equal token counts.
inline std::pair<std::int64_t, std::int64_t> lineSlice(const WordCorpus &corpus, int t, int threads)
{
    const std::int64_t lines = static_cast<std::int64_t>(corpus.lineStarts.size()) - 1;
    const std::int64_t tokens = corpus.lineStarts.back();
    auto lineAt = [&](int k) -> std::int64_t {
        if (k <= 0)
            return 0;
        if (k >= threads)
            return lines;
        const std::int64_t target = tokens * k / threads;
        const auto it = std::lower_bound(corpus.lineStarts.begin(), corpus.lineStarts.end() - 1, target);
        return static_cast<std::int64_t>(it - corpus.lineStarts.begin());
    };
    return {lineAt(t), lineAt(t + 1)};
}

// The top `count` rows (unpadded) of a padded matrix with the vocabulary's words, for a snapshot.
inline WordVectors snapshotRows(const Vocabulary &vocab, const float *rows, int dim, int stride, int count)
{
    WordVectors v;
    v.dim = dim;
    count = std::clamp(count, 0, vocab.size());
    v.words.assign(vocab.words.begin(), vocab.words.begin() + count);
    v.data.resize(static_cast<std::size_t>(count) * dim);
    for (int i = 0; i < count; ++i)
        std::copy(rows + static_cast<std::int64_t>(i) * stride, rows + static_cast<std::int64_t>(i) * stride + dim,
                  v.data.begin() + static_cast<std::int64_t>(i) * dim);
    return v;
}

using Clock = std::chrono::steady_clock;
inline double secondsSince(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

} // namespace lm::embed_detail
