#include "text/textmetrics.h"

#include "text/utf8.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace lm {

namespace {

void requireSameLength(const std::vector<std::string> &h, const std::vector<std::string> &r, const char *who)
{
    if (h.size() != r.size())
        throw std::invalid_argument(std::string(who) + ": " + std::to_string(h.size()) + " hypotheses against " +
                                    std::to_string(r.size()) + " references");
}

template <class Unit>
std::map<std::vector<Unit>, int> ngrams(const std::vector<Unit> &units, std::size_t n)
{
    std::map<std::vector<Unit>, int> counts;
    for (std::size_t i = 0; i + n <= units.size(); ++i)
        ++counts[std::vector<Unit>(units.begin() + static_cast<std::ptrdiff_t>(i),
                                   units.begin() + static_cast<std::ptrdiff_t>(i + n))];
    return counts;
}

// Matches (clipped), hypothesis n-grams and reference n-grams of one order.
template <class Unit>
void countOrder(const std::vector<Unit> &hyp, const std::vector<Unit> &ref, std::size_t n, double &match,
                double &hypCount, double &refCount)
{
    const auto h = ngrams(hyp, n), r = ngrams(ref, n);
    for (const auto &[gram, c] : h) {
        hypCount += c;
        if (const auto it = r.find(gram); it != r.end())
            match += std::min(c, it->second);
    }
    for (const auto &[gram, c] : r)
        refCount += c;
}

std::vector<char32_t> charactersWithoutSpace(const std::string &text)
{
    requireUtf8(text, "chrF");
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t cp = nextCodePoint(text, i);
        if (!isSpace(cp))
            out.push_back(cp);
    }
    return out;
}

} // namespace

std::vector<std::string> bleuWords(const std::string &text)
{
    requireUtf8(text, "BLEU");
    std::vector<std::string> words;
    std::string word;
    const auto flush = [&] {
        if (!word.empty())
            words.push_back(std::move(word));
        word.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const char32_t cp = nextCodePoint(text, i);
        if (isSpace(cp)) {
            flush();
        } else if (isCjk(cp) || isPunctuation(cp)) {
            flush();
            appendUtf8(word, cp);
            flush();
        } else {
            appendUtf8(word, cp);
        }
    }
    flush();
    return words;
}

double corpusChrF(const std::vector<std::string> &hypotheses, const std::vector<std::string> &references)
{
    requireSameLength(hypotheses, references, "chrF");
    constexpr std::size_t kOrder = 6;
    constexpr double kBetaSquared = 4.0;
    double match[kOrder] = {}, hyp[kOrder] = {}, ref[kOrder] = {};
    for (std::size_t i = 0; i < hypotheses.size(); ++i) {
        const auto h = charactersWithoutSpace(hypotheses[i]), r = charactersWithoutSpace(references[i]);
        for (std::size_t n = 1; n <= kOrder; ++n)
            countOrder(h, r, n, match[n - 1], hyp[n - 1], ref[n - 1]);
    }
    double total = 0.0;
    int orders = 0;
    for (std::size_t n = 0; n < kOrder; ++n) {
        if (hyp[n] == 0.0 || ref[n] == 0.0)
            continue;
        ++orders;
        const double p = match[n] / hyp[n], r = match[n] / ref[n];
        if (p + r > 0.0)
            total += (1.0 + kBetaSquared) * p * r / (kBetaSquared * p + r);
    }
    return orders == 0 ? 0.0 : 100.0 * total / orders;
}

double corpusBleu(const std::vector<std::string> &hypotheses, const std::vector<std::string> &references)
{
    requireSameLength(hypotheses, references, "BLEU");
    constexpr std::size_t kOrder = 4;
    double match[kOrder] = {}, hyp[kOrder] = {}, ref[kOrder] = {};
    double hypLength = 0.0, refLength = 0.0;
    for (std::size_t i = 0; i < hypotheses.size(); ++i) {
        const auto h = bleuWords(hypotheses[i]), r = bleuWords(references[i]);
        hypLength += static_cast<double>(h.size());
        refLength += static_cast<double>(r.size());
        for (std::size_t n = 1; n <= kOrder; ++n)
            countOrder(h, r, n, match[n - 1], hyp[n - 1], ref[n - 1]);
    }
    if (hypLength == 0.0)
        return 0.0;
    double logSum = 0.0;
    for (std::size_t n = 0; n < kOrder; ++n) {
        if (match[n] == 0.0)
            return 0.0;
        logSum += std::log(match[n] / hyp[n]);
    }
    const double brevity = std::exp(std::min(0.0, 1.0 - refLength / hypLength));
    return 100.0 * brevity * std::exp(logSum / kOrder);
}

} // namespace lm
