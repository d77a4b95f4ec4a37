// UnigramTokenizer::train: seeds, hard EM and pruning (see text/unigram.h for the contract).
#include "text/unigram.h"

#include "text/unicodenorm.h"
#include "text/utf8.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <unordered_set>

namespace lm {

namespace {

constexpr int kDefaultVocab = 2000;
constexpr std::size_t kMaxSeedChars = 8;     // longest seed substring, in characters
constexpr std::size_t kMaxSeedWords = 50000; // seeds come from the most frequent words only

// Seeds never mix these classes (sentencepiece's split_by_unicode_script and split_by_number,
// roughly): letters and other symbols, digits, punctuation, CJK, whitespace and controls. "▁" may
// start any seed.
int charClass(char32_t cp)
{
    if (cp == U'\u2581')
        return -1;
    if (cp >= '0' && cp <= '9')
        return 1;
    if (isPunctuation(cp) || isBertPunctuation(cp))
        return 2;
    if (isCjk(cp) || isBertChineseChar(cp))
        return 3;
    if (cp < 0x20 || isSpace(cp))
        return 4;
    return 0;
}

struct Candidate {
    std::string text;
    bool single = false;     // one character: never pruned
    double score = 0.0;      // log-probability
    std::int64_t count = 0;  // in the last Viterbi segmentation
};

struct Word {
    std::string text;
    std::vector<std::size_t> offsets; // byte offset of each character, then text.size()
    std::int64_t count = 0;
};

// One hard-EM step: Viterbi-segments every word with the current scores, counts the pieces used
// (weighted by the word counts), and sets each score to log(count / total) (a count of 0 as 0.1).
void emStep(std::vector<Candidate> &pieces, const std::vector<Word> &words)
{
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> index;
    double minScore = 0.0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        index.emplace(pieces[i].text, i);
        minScore = i == 0 ? pieces[i].score : std::min(minScore, pieces[i].score);
        pieces[i].count = 0;
    }
    const double unkScore = minScore - 10.0;
    constexpr double kNone = -std::numeric_limits<double>::infinity();
    constexpr std::size_t kUnknown = std::numeric_limits<std::size_t>::max();
    std::vector<double> best;
    std::vector<std::size_t> from, piece;
    for (const Word &w : words) {
        const std::size_t n = w.offsets.size() - 1;
        best.assign(n + 1, kNone);
        from.assign(n + 1, 0);
        piece.assign(n + 1, kUnknown);
        best[0] = 0.0;
        for (std::size_t k = 0; k < n; ++k) {
            if (best[k] == kNone)
                continue;
            bool single = false;
            for (std::size_t len = 1; len <= kMaxSeedChars && k + len <= n; ++len) {
                const auto it = index.find(std::string_view(w.text).substr(w.offsets[k], w.offsets[k + len] - w.offsets[k]));
                if (it == index.end())
                    continue;
                single = single || len == 1;
                const double s = best[k] + pieces[it->second].score;
                if (s > best[k + len]) {
                    best[k + len] = s;
                    from[k + len] = k;
                    piece[k + len] = it->second;
                }
            }
            if (!single && best[k] + unkScore > best[k + 1]) {
                best[k + 1] = best[k] + unkScore;
                from[k + 1] = k;
                piece[k + 1] = kUnknown;
            }
        }
        for (std::size_t k = n; k > 0; k = from[k])
            if (piece[k] != kUnknown)
                pieces[piece[k]].count += w.count;
    }
    double total = 0.0;
    for (const Candidate &c : pieces)
        total += static_cast<double>(std::max<std::int64_t>(c.count, 0));
    total = std::max(total, 1.0);
    for (Candidate &c : pieces)
        c.score = std::log((c.count > 0 ? static_cast<double>(c.count) : 0.1) / total);
}

// Keeps the single characters and the `keep` most used multi-character pieces (ties: bytes).
void pruneTo(std::vector<Candidate> &pieces, std::size_t keep)
{
    std::stable_sort(pieces.begin(), pieces.end(), [](const Candidate &x, const Candidate &y) {
        if (x.single != y.single)
            return x.single;
        return x.count != y.count ? x.count > y.count : x.text < y.text;
    });
    std::size_t singles = 0;
    while (singles < pieces.size() && pieces[singles].single)
        ++singles;
    if (pieces.size() - singles > keep)
        pieces.resize(singles + keep);
}

} // namespace

UnigramTokenizer UnigramTokenizer::train(std::string_view utf8Text, const TokenizerOptions &opts)
{
    requireUtf8(utf8Text, "UnigramTokenizer::train");
    // The added tokens: ALBERT's five unless the caller names others.
    const std::vector<std::string> specials =
        opts.leadingSpecials.empty() ? std::vector<std::string>{"<pad>", "<unk>", "[CLS]", "[SEP]", "[MASK]"}
                                     : opts.leadingSpecials;
    const auto unk = std::find(specials.begin(), specials.end(), "<unk>");
    if (unk == specials.end())
        throw std::invalid_argument("the special tokens of a unigram tokenizer must include <unk>");
    const int reserved = static_cast<int>(specials.size() + opts.trailingSpecials.size());
    if (opts.maxVocab < 0 || (opts.maxVocab > 0 && opts.maxVocab <= reserved))
        throw std::invalid_argument("Unigram vocabulary size must be 0 (" + std::to_string(kDefaultVocab) + ") or more than "
                                    + std::to_string(reserved) + ", got " + std::to_string(opts.maxVocab));
    if (opts.minCount < 1)
        throw std::invalid_argument("minCount must be at least 1, got " + std::to_string(opts.minCount));
    const std::size_t target =
        static_cast<std::size_t>(opts.maxVocab == 0 ? std::max(kDefaultVocab, 2 * reserved) : opts.maxVocab);

    // The skeleton: the leading special tokens as added tokens ([MASK] and <mask> swallow the
    // space before them, as ALBERT's and BART's do), Metaspace as pre-tokenizer.
    UnigramTokenizer t;
    const auto isMask = [](const std::string &s) { return s == "[MASK]" || s == "<mask>"; };
    for (std::size_t i = 0; i < specials.size(); ++i) {
        t.m_pieces.push_back({specials[i], 0.0});
        t.m_added.push_back({specials[i], static_cast<std::int32_t>(i), true, isMask(specials[i]), false});
    }
    t.m_modelSize = static_cast<std::int32_t>(specials.size());
    t.m_unkId = static_cast<std::int32_t>(unk - specials.begin());
    t.m_pre.push_back(PreStep{});

    // Unique words (in byte order, so nothing depends on hashing) and their characters.
    std::unordered_map<std::string, std::int64_t> counted;
    for (Unit &u : t.preTokenize(utf8Text))
        if (u.added < 0)
            ++counted[std::move(u.word)];
    std::vector<Word> words;
    words.reserve(counted.size());
    for (auto &[text, count] : counted)
        words.push_back({text, {}, count});
    counted.clear();
    std::sort(words.begin(), words.end(), [](const Word &x, const Word &y) { return x.text < y.text; });
    std::unordered_map<char32_t, std::int64_t> charCount;
    for (Word &w : words) {
        for (std::size_t i = 0; i < w.text.size();) {
            w.offsets.push_back(i);
            charCount[nextCodePoint(w.text, i)] += w.count;
        }
        w.offsets.push_back(w.text.size());
    }

    // The alphabet: every character, or the most frequent ones when the budget is short.
    std::vector<std::pair<std::int64_t, char32_t>> chars;
    for (const auto &[cp, c] : charCount)
        chars.emplace_back(-c, cp);
    std::sort(chars.begin(), chars.end());
    if (chars.size() > target - reserved)
        chars.resize(target - reserved);
    std::unordered_set<char32_t> alphabet;
    std::vector<Candidate> pieces;
    double total = 0.0;
    for (const auto &[negCount, cp] : chars) {
        alphabet.insert(cp);
        Candidate c;
        appendUtf8(c.text, cp);
        c.single = true;
        c.count = -negCount;
        total += static_cast<double>(c.count);
        pieces.push_back(std::move(c));
    }
    const std::size_t multiBudget = target - reserved - chars.size();

    // Seeds: substrings of 2..8 alphabet characters of the most frequent words, by count x length.
    std::vector<const Word *> seedWords;
    for (const Word &w : words)
        seedWords.push_back(&w);
    if (seedWords.size() > kMaxSeedWords) {
        std::stable_sort(seedWords.begin(), seedWords.end(), [](const Word *x, const Word *y) { return x->count > y->count; });
        seedWords.resize(kMaxSeedWords);
    }
    std::unordered_map<std::string, std::int64_t> subCount;
    for (const Word *w : seedWords) {
        const std::size_t n = w->offsets.size() - 1;
        for (std::size_t k = 0; k < n; ++k) {
            std::size_t i = w->offsets[k];
            const char32_t first = nextCodePoint(w->text, i);
            if (!alphabet.count(first))
                continue;
            int cls = charClass(first); // -1 until the first character after "▁"
            for (std::size_t len = 2; len <= kMaxSeedChars && k + len <= n; ++len) {
                std::size_t j = w->offsets[k + len - 1];
                const char32_t cp = nextCodePoint(w->text, j);
                const int c = charClass(cp);
                if (!alphabet.count(cp) || c < 0 || (cls >= 0 && c != cls))
                    break;
                cls = c;
                subCount[w->text.substr(w->offsets[k], w->offsets[k + len] - w->offsets[k])] += w->count;
            }
        }
    }
    std::vector<Candidate> seeds;
    for (auto &[text, count] : subCount) {
        if (count < opts.minCount)
            continue;
        Candidate c;
        c.text = text;
        c.count = count;
        seeds.push_back(std::move(c));
    }
    subCount.clear();
    const auto charsOf = [](const std::string &s) {
        return static_cast<std::int64_t>(std::count_if(s.begin(), s.end(), [](char ch) { return !isUtf8Continuation(ch); }));
    };
    std::sort(seeds.begin(), seeds.end(), [&](const Candidate &x, const Candidate &y) {
        const std::int64_t sx = x.count * charsOf(x.text), sy = y.count * charsOf(y.text);
        return sx != sy ? sx > sy : x.text < y.text;
    });
    if (seeds.size() > 4 * multiBudget)
        seeds.resize(4 * multiBudget);
    for (Candidate &c : seeds) {
        total += static_cast<double>(c.count);
        pieces.push_back(std::move(c));
    }
    for (Candidate &c : pieces)
        c.score = std::log(static_cast<double>(c.count) / std::max(total, 1.0));

    // Hard EM and pruning: a quarter of the multi-character pieces at a time.
    std::size_t multi = pieces.size() - chars.size();
    while (multi > multiBudget) {
        emStep(pieces, words);
        emStep(pieces, words);
        const std::size_t keep = std::max(multiBudget, multi - std::max<std::size_t>(1, multi / 4));
        pruneTo(pieces, keep);
        multi = pieces.size() - chars.size();
    }
    emStep(pieces, words);
    emStep(pieces, words);
    // With minCount > 1, pieces the final segmentation uses fewer than minCount times go; the rest
    // are re-scored.
    const auto rare = [&](const Candidate &c) { return opts.minCount > 1 && !c.single && c.count < opts.minCount; };
    if (std::any_of(pieces.begin(), pieces.end(), rare)) {
        pieces.erase(std::remove_if(pieces.begin(), pieces.end(), rare), pieces.end());
        emStep(pieces, words);
    }

    std::sort(pieces.begin(), pieces.end(), [](const Candidate &x, const Candidate &y) {
        return x.score != y.score ? x.score > y.score : x.text < y.text;
    });
    for (Candidate &c : pieces)
        if (!std::count(specials.begin(), specials.end(), c.text) &&
            !std::count(opts.trailingSpecials.begin(), opts.trailingSpecials.end(), c.text))
            t.m_pieces.push_back({std::move(c.text), c.score});
    t.m_modelSize = static_cast<std::int32_t>(t.m_pieces.size());
    for (const std::string &s : opts.trailingSpecials) {
        const auto id = static_cast<std::int32_t>(t.m_pieces.size());
        t.m_pieces.push_back({s, 0.0});
        t.m_added.push_back({s, id, true, isMask(s), false});
    }
    if (auto e = t.finish("UnigramTokenizer::train"))
        throw std::logic_error(e->message); // the trainer built an invalid vocabulary: a bug
    return t;
}

} // namespace lm
