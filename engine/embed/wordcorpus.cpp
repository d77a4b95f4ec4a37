#include "embed/wordcorpus.h"

#include "text/utf8.h"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace lm {

std::int32_t Vocabulary::find(std::string_view word) const
{
    const auto it = index.find(std::string(word));
    return it == index.end() ? -1 : it->second;
}

namespace {

// Calls f(token) for every token of `line` (no newline inside), in order.
template <class F>
void forEachToken(std::string_view line, TokenUnit unit, F &&f)
{
    std::size_t i = 0;
    const std::size_t n = line.size();
    auto isAsciiSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; };
    if (unit == TokenUnit::Words) {
        while (i < n) {
            while (i < n && isAsciiSpace(line[i]))
                ++i;
            const std::size_t start = i;
            while (i < n && !isAsciiSpace(line[i]))
                ++i;
            if (i > start)
                f(line.substr(start, i - start));
        }
        return;
    }
    while (i < n) {
        const std::size_t len = utf8SequenceLength(static_cast<unsigned char>(line[i])); // text is valid UTF-8
        if (!isAsciiSpace(line[i]) && !(len == 3 && line.substr(i, 3) == "\xE3\x80\x80")) // U+3000 ideographic space
            f(line.substr(i, len));
        i += len;
    }
}

} // namespace

std::string normalizeWordText(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if (c < 0x80 && std::ispunct(c) && c != '\'' && c != '-') { // keep "don't", "well-known"
            out += ' ';
            out += ch;
            out += ' ';
        } else {
            out += ch;
        }
    }
    return out;
}

Result<WordCorpus> buildWordCorpus(std::string_view text, const WordCorpusOptions &options)
{
    if (options.minCount < 1)
        return makeError("min-count must be at least 1, got " + std::to_string(options.minCount));
    if (options.maxLineTokens < 1)
        return makeError("maxLineTokens must be at least 1");
    if (const auto bad = firstInvalidUtf8(text))
        return makeError("invalid UTF-8 at byte offset " + std::to_string(*bad));
    static const std::string kEos = "</s>";

    // Pass 1: counts, in order of first appearance.
    std::unordered_map<std::string_view, std::int64_t> countOf;
    std::vector<std::string_view> firstSeen;
    std::int64_t tokensRead = 0;
    auto countToken = [&](std::string_view t) {
        auto [it, inserted] = countOf.try_emplace(t, 0);
        if (inserted)
            firstSeen.push_back(t);
        ++it->second;
        ++tokensRead;
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        bool any = false;
        forEachToken(text.substr(pos, end - pos), options.unit, [&](std::string_view t) {
            countToken(t);
            any = true;
        });
        if (any && options.endOfSentence)
            countToken(kEos);
        pos = end + 1;
    }

    // The vocabulary: count >= minCount, most frequent first, ties by first appearance.
    std::vector<std::size_t> order(firstSeen.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return countOf[firstSeen[a]] > countOf[firstSeen[b]]; });
    WordCorpus corpus;
    corpus.tokensRead = tokensRead;
    for (std::size_t k : order) {
        const std::int64_t c = countOf[firstSeen[k]];
        if (c < options.minCount)
            break;
        corpus.vocab.index.emplace(std::string(firstSeen[k]), corpus.vocab.size());
        corpus.vocab.words.emplace_back(firstSeen[k]);
        corpus.vocab.counts.push_back(c);
        corpus.vocab.totalCount += c;
    }
    const bool onlyEos = corpus.vocab.size() == 1 && corpus.vocab.words[0] == kEos;
    if (corpus.vocab.size() == 0 || onlyEos)
        return makeError(tokensRead == 0 ? std::string("the text has no tokens")
                                         : "no token occurs " + std::to_string(options.minCount) +
                                               " times or more; lower --min-count");

    // Pass 2: ids line by line; long lines are cut into pieces of maxLineTokens.
    corpus.ids.reserve(static_cast<std::size_t>(corpus.vocab.totalCount));
    corpus.lineStarts.push_back(0);
    auto closeLine = [&] {
        if (static_cast<std::int64_t>(corpus.ids.size()) > corpus.lineStarts.back())
            corpus.lineStarts.push_back(static_cast<std::int64_t>(corpus.ids.size()));
    };
    const std::int32_t eosId = corpus.vocab.find(kEos);
    pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        bool any = false;
        forEachToken(text.substr(pos, end - pos), options.unit, [&](std::string_view t) {
            any = true;
            const auto it = countOf.find(t);
            if (it->second < options.minCount)
                return;
            corpus.ids.push_back(corpus.vocab.find(t));
            if (static_cast<std::int64_t>(corpus.ids.size()) - corpus.lineStarts.back() >= options.maxLineTokens)
                closeLine();
        });
        if (any && options.endOfSentence && eosId >= 0)
            corpus.ids.push_back(eosId);
        closeLine();
        pos = end + 1;
    }
    return corpus;
}

} // namespace lm
