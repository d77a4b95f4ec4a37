// Legend: V = number of words, D = dim, B = a block of queries.
#include "inspect/neighbors.h"

#include "text/utf8.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <unordered_map>

namespace lm {

namespace {

using RowMajorMatrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ConstRowsMap = Eigen::Map<const RowMajorMatrix>;

ConstRowsMap rowsOf(const WordVectors &v) { return ConstRowsMap(v.data.data(), v.size(), v.dim); }

void normalize(float *x, int dim)
{
    double sq = 0.0;
    for (int k = 0; k < dim; ++k)
        sq += static_cast<double>(x[k]) * x[k];
    if (sq > 0.0) {
        const float inv = static_cast<float>(1.0 / std::sqrt(sq));
        for (int k = 0; k < dim; ++k)
            x[k] *= inv;
    }
}

// The k best of `scores` (V), best first, ties by id; excluded ids are skipped.
std::vector<Neighbor> topK(const Eigen::Ref<const Eigen::VectorXf> &scores, int k, const std::vector<std::int32_t> &exclude)
{
    std::vector<Neighbor> all;
    all.reserve(static_cast<std::size_t>(scores.size()));
    for (Eigen::Index i = 0; i < scores.size(); ++i)
        if (std::find(exclude.begin(), exclude.end(), static_cast<std::int32_t>(i)) == exclude.end())
            all.push_back({static_cast<std::int32_t>(i), scores[i]});
    const auto better = [](const Neighbor &a, const Neighbor &b) { return a.cosine != b.cosine ? a.cosine > b.cosine : a.id < b.id; };
    const std::size_t n = std::min(all.size(), static_cast<std::size_t>(std::max(k, 0)));
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), better);
    all.resize(n);
    return all;
}

// u_b − u_a + u_c, normalised (as word2vec's word-analogy). -> (D)
Eigen::VectorXf analogyQuery(const WordVectors &unit, std::int32_t a, std::int32_t b, std::int32_t c)
{
    const ConstRowsMap m = rowsOf(unit);
    Eigen::VectorXf q = m.row(b).transpose() - m.row(a).transpose() + m.row(c).transpose();
    normalize(q.data(), unit.dim);
    return q;
}

std::string asciiLower(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

NormalizedVectors::NormalizedVectors(const WordVectors &vectors) : m_unit(vectors)
{
    if (m_unit.dim < 1 || m_unit.data.size() != m_unit.words.size() * static_cast<std::size_t>(m_unit.dim))
        throw std::invalid_argument("NormalizedVectors: " + std::to_string(m_unit.words.size()) + " words of dim " +
                                    std::to_string(m_unit.dim) + " but " + std::to_string(m_unit.data.size()) + " values");
    for (std::int32_t i = 0; i < m_unit.size(); ++i)
        normalize(m_unit.row(i), m_unit.dim);
}

std::vector<Neighbor> NormalizedVectors::nearest(const float *query, int k, const std::vector<std::int32_t> &exclude) const
{
    Eigen::VectorXf q = Eigen::Map<const Eigen::VectorXf>(query, m_unit.dim);
    normalize(q.data(), m_unit.dim);
    Eigen::VectorXf scores(m_unit.size()); // (V) cosines
    scores.noalias() = rowsOf(m_unit) * q;
    return topK(scores, k, exclude);
}

std::vector<Neighbor> NormalizedVectors::analogy(std::int32_t a, std::int32_t b, std::int32_t c, int k) const
{
    const std::int32_t n = m_unit.size();
    if (a < 0 || a >= n || b < 0 || b >= n || c < 0 || c >= n)
        throw std::invalid_argument("analogy: ids " + std::to_string(a) + ", " + std::to_string(b) + ", " + std::to_string(c) +
                                    " outside 0.." + std::to_string(n - 1));
    const Eigen::VectorXf q = analogyQuery(m_unit, a, b, c);
    return nearest(q.data(), k, {a, b, c});
}

Result<std::vector<AnalogyQuestion>> loadAnalogyQuestions(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(path + ": cannot open");
    auto fail = [&](std::int64_t line, const std::string &what) {
        return Result<std::vector<AnalogyQuestion>>(makeError(path + ":" + std::to_string(line) + ": " + what));
    };
    constexpr std::size_t kMaxLine = 4096;
    constexpr std::streamoff kMaxFile = std::streamoff(64) << 20; // questions-words.txt is 600 KB
    in.seekg(0, std::ios::end);
    if (in.tellg() > kMaxFile)
        return makeError(path + ": larger than 64 MiB; not a questions file");
    in.seekg(0, std::ios::beg);
    std::vector<AnalogyQuestion> out;
    std::string section;
    std::string line;
    std::int64_t lineNo = 0;
    while (std::getline(in, line)) { // lines are bounded by the file-size cap
        ++lineNo;
        if (line.size() > kMaxLine)
            return fail(lineNo, "line longer than " + std::to_string(kMaxLine) + " bytes");
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (firstInvalidUtf8(line))
            return fail(lineNo, "invalid UTF-8");
        std::vector<std::string> words;
        // Fields split on ASCII spaces and tabs, locale-free.
        std::string_view rest = line.empty() || line.front() != ':' ? std::string_view(line) : std::string_view(line).substr(1);
        std::size_t i = 0;
        while (i < rest.size()) {
            while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t'))
                ++i;
            const std::size_t start = i;
            while (i < rest.size() && rest[i] != ' ' && rest[i] != '\t')
                ++i;
            if (i > start)
                words.emplace_back(rest.substr(start, i - start));
        }
        if (!line.empty() && line.front() == ':') {
            if (words.empty())
                return fail(lineNo, "a section line \":\" without a name");
            std::string name;
            for (const std::string &w : words)
                name += (name.empty() ? "" : " ") + w;
            section = name;
            continue;
        }
        if (words.empty())
            continue;
        if (words.size() != 4)
            return fail(lineNo, "expected four words \"a b c d\", found " + std::to_string(words.size()));
        out.push_back({section, asciiLower(words[0]), asciiLower(words[1]), asciiLower(words[2]), asciiLower(words[3])});
    }
    if (in.bad())
        return makeError(path + ": read error");
    if (out.empty())
        return makeError(path + ": no questions");
    return out;
}

AnalogyScore scoreAnalogies(const NormalizedVectors &vectors, const std::vector<AnalogyQuestion> &questions)
{
    const WordVectors &unit = vectors.vectors();
    // Lower-cased word -> id; the first (most frequent, in a frequency-sorted vocabulary) wins.
    std::unordered_map<std::string, std::int32_t> idOf;
    idOf.reserve(unit.words.size());
    for (std::int32_t i = 0; i < unit.size(); ++i)
        idOf.try_emplace(asciiLower(unit.words[i]), i);
    auto find = [&](const std::string &w) {
        const auto it = idOf.find(asciiLower(w));
        return it == idOf.end() ? -1 : it->second;
    };

    struct Asked {
        std::int32_t a, b, c, expected;
    };
    AnalogyScore score;
    std::vector<Asked> asked;
    for (const AnalogyQuestion &q : questions) {
        const Asked ids{find(q.a), find(q.b), find(q.c), find(q.expected)};
        if (ids.a < 0 || ids.b < 0 || ids.c < 0 || ids.expected < 0)
            ++score.skipped;
        else
            asked.push_back(ids);
    }
    score.asked = static_cast<int>(asked.size());
    if (asked.empty())
        return score;

    // Blocks of queries: scores (V, B) = U (V, D) · Q (D, B), capped near 16M floats.
    const Eigen::Index V = unit.size();
    const Eigen::Index blockSize = std::clamp<Eigen::Index>((Eigen::Index(1) << 24) / std::max<Eigen::Index>(V, 1), 1, 512);
    const ConstRowsMap u = rowsOf(unit);
    Eigen::MatrixXf q(unit.dim, blockSize);
    Eigen::MatrixXf scores(V, blockSize);
    for (std::size_t first = 0; first < asked.size(); first += static_cast<std::size_t>(blockSize)) {
        const Eigen::Index n = std::min<Eigen::Index>(blockSize, static_cast<Eigen::Index>(asked.size() - first));
        for (Eigen::Index t = 0; t < n; ++t) {
            const Asked &a = asked[first + static_cast<std::size_t>(t)];
            q.col(t) = analogyQuery(unit, a.a, a.b, a.c);
        }
        scores.leftCols(n).noalias() = u * q.leftCols(n);
        for (Eigen::Index t = 0; t < n; ++t) {
            const Asked &a = asked[first + static_cast<std::size_t>(t)];
            std::int32_t best = -1;
            float bestScore = -std::numeric_limits<float>::infinity();
            for (Eigen::Index i = 0; i < V; ++i) {
                const auto id = static_cast<std::int32_t>(i);
                if (id == a.a || id == a.b || id == a.c)
                    continue;
                if (scores(i, t) > bestScore) {
                    bestScore = scores(i, t);
                    best = id;
                }
            }
            if (best == a.expected)
                ++score.correct;
        }
    }
    return score;
}

} // namespace lm
