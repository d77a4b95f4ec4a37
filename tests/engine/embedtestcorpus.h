#pragma once
// A generated corpus with planted analogies, shared by tst_word2vec and tst_fasttext.
//
// Gender pairs (king/queen, man/woman, …): each sentence holds one person word, two context
// words of its role (shared by both genders), two of its gender (he/him/his or she/her/hers) and
// two fillers, in random order. Country/capital pairs: a country word with two "nation" words, or
// its capital with two "city" words, plus two words of the pair. So every word vector is roughly
// role + gender (or pair + kind), and b − a + c lands on d for a:b :: c:d.
#include "embed/wordvectors.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

namespace embedtest {

struct Analogy {
    std::string a, b, c, d;
};

inline const std::vector<std::pair<std::string, std::string>> &genderPairs()
{
    static const std::vector<std::pair<std::string, std::string>> p = {
        {"king", "queen"}, {"man", "woman"},     {"boy", "girl"},   {"prince", "princess"},
        {"father", "mother"}, {"son", "daughter"}, {"uncle", "aunt"}, {"brother", "sister"}};
    return p;
}

inline const std::vector<std::pair<std::string, std::string>> &capitalPairs()
{
    static const std::vector<std::pair<std::string, std::string>> p = {
        {"france", "paris"}, {"germany", "berlin"}, {"italy", "rome"},    {"spain", "madrid"},
        {"japan", "tokyo"},  {"china", "beijing"},  {"russia", "moscow"}, {"egypt", "cairo"}};
    return p;
}

// `lines` sentences, deterministic for a seed.
inline std::string plantedCorpus(int lines, unsigned seed = 7)
{
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    const std::vector<std::string> he = {"he", "him", "his"}, she = {"she", "her", "hers"};
    const std::vector<std::string> nation = {"nation", "border", "flag"}, city = {"city", "mayor", "streets"};
    std::string out;
    std::vector<std::string> s;
    for (int l = 0; l < lines; ++l) {
        s.clear();
        if (pick(2) == 0) {
            const int r = pick(static_cast<int>(genderPairs().size()));
            const bool female = pick(2) == 1;
            s.push_back(female ? genderPairs()[r].second : genderPairs()[r].first);
            s.push_back("role" + std::to_string(r) + "a");
            s.push_back("role" + std::to_string(r) + "b");
            const auto &g = female ? she : he;
            s.push_back(g[pick(3)]);
            s.push_back(g[pick(3)]);
        } else {
            const int r = pick(static_cast<int>(capitalPairs().size()));
            const bool capital = pick(2) == 1;
            s.push_back(capital ? capitalPairs()[r].second : capitalPairs()[r].first);
            s.push_back("land" + std::to_string(r) + "a");
            s.push_back("land" + std::to_string(r) + "b");
            const auto &k = capital ? city : nation;
            s.push_back(k[pick(3)]);
            s.push_back(k[pick(3)]);
        }
        s.push_back("filler" + std::to_string(pick(30)));
        s.push_back("filler" + std::to_string(pick(30)));
        std::shuffle(s.begin(), s.end(), rng);
        for (std::size_t i = 0; i < s.size(); ++i) {
            out += s[i];
            out += i + 1 < s.size() ? ' ' : '\n';
        }
    }
    return out;
}

inline std::vector<Analogy> plantedAnalogies()
{
    std::vector<Analogy> q;
    for (const auto *pairs : {&genderPairs(), &capitalPairs()})
        for (std::size_t i = 0; i < pairs->size(); ++i)
            for (std::size_t j = 0; j < pairs->size(); ++j)
                if (i != j)
                    q.push_back({(*pairs)[i].first, (*pairs)[i].second, (*pairs)[j].first, (*pairs)[j].second});
    return q;
}

// Top-1 accuracy of b − a + c over unit vectors, excluding a, b and c (as word2vec's
// compute-accuracy); a question with a word missing counts as wrong.
inline double analogyAccuracy(const lm::WordVectors &v, const std::vector<Analogy> &questions)
{
    const int n = v.size(), d = v.dim;
    std::vector<float> unit(v.data.size());
    for (int i = 0; i < n; ++i) {
        double norm = 0.0;
        for (int k = 0; k < d; ++k)
            norm += double(v.row(i)[k]) * v.row(i)[k];
        const float inv = norm > 0.0 ? float(1.0 / std::sqrt(norm)) : 0.0f;
        for (int k = 0; k < d; ++k)
            unit[std::size_t(i) * d + k] = v.row(i)[k] * inv;
    }
    int correct = 0;
    std::vector<float> target(d);
    for (const auto &q : questions) {
        const int a = v.find(q.a), b = v.find(q.b), c = v.find(q.c), want = v.find(q.d);
        if (a < 0 || b < 0 || c < 0 || want < 0)
            continue;
        for (int k = 0; k < d; ++k)
            target[k] = unit[std::size_t(b) * d + k] - unit[std::size_t(a) * d + k] + unit[std::size_t(c) * d + k];
        int best = -1;
        float bestScore = -1e30f;
        for (int i = 0; i < n; ++i) {
            if (i == a || i == b || i == c)
                continue;
            float s = 0.0f;
            for (int k = 0; k < d; ++k)
                s += unit[std::size_t(i) * d + k] * target[k];
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        correct += best == want;
    }
    return questions.empty() ? 0.0 : double(correct) / double(questions.size());
}

} // namespace embedtest
