#include "text/labelled.h"

#include "text/tokenizer.h"
#include "text/utf8.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>

namespace lm {

namespace {

constexpr std::size_t kMaxLineBytes = 10000;
constexpr std::int64_t kMaxFileBytes = std::int64_t(256) << 20;

std::string at(const std::string &source, int line) { return source + ":" + std::to_string(line) + ": "; }

std::string_view trimSpaces(std::string_view s)
{
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

bool hasWhitespace(std::string_view s)
{
    return s.find_first_of(" \t\r\n\v\f") != std::string_view::npos;
}

std::string joined(const std::vector<std::string> &items)
{
    std::string out;
    for (const auto &s : items)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::vector<std::string_view> splitOn(std::string_view s, char sep, bool skipEmpty)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = s.find(sep, start);
        const std::string_view piece = s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (!skipEmpty || !piece.empty())
            out.push_back(piece);
        if (end == std::string_view::npos)
            return out;
        start = end + 1;
    }
}

// Calls record(lineNo, line) for every line that is not empty or a comment, with the line end
// (LF, CRLF) and a BOM at the start removed. Stops at the first error, of the text or of record.
template <class Record>
std::optional<Error> forEachRecord(const std::string &text, const std::string &source, Record &&record)
{
    if (const auto bad = firstInvalidUtf8(text)) {
        const std::size_t lineStart = *bad == 0 ? 0 : text.rfind('\n', *bad - 1);
        const std::size_t begin = lineStart == std::string::npos || *bad == 0 ? 0 : lineStart + 1;
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(begin), '\n');
        return makeError(at(source, static_cast<int>(line)) + "invalid UTF-8 at byte " + std::to_string(*bad - begin) +
                         " of the line");
    }
    std::string_view rest(text);
    if (rest.starts_with("\xEF\xBB\xBF"))
        rest.remove_prefix(3);
    for (int lineNo = 1; !rest.empty(); ++lineNo) {
        const std::size_t nl = rest.find('\n');
        std::string_view line = rest.substr(0, nl);
        rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.size() > kMaxLineBytes)
            return makeError(at(source, lineNo) + "a line of " + std::to_string(line.size()) + " bytes (at most " +
                             std::to_string(kMaxLineBytes) + ")");
        const std::size_t first = line.find_first_not_of(" \t\r\v\f");
        if (first == std::string_view::npos || line[first] == '#')
            continue;
        if (std::optional<Error> e = record(lineNo, line))
            return e;
    }
    return std::nullopt;
}

Result<std::string> readDatasetFile(const std::string &path)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        return makeError(path + ": is a directory, not a file");
    std::ifstream f(path, std::ios::binary);
    if (!f)
        return makeError(path + ": cannot open the file");
    f.seekg(0, std::ios::end);
    const auto size = static_cast<std::int64_t>(f.tellg());
    if (size < 0)
        return makeError(path + ": cannot read the file");
    if (size > kMaxFileBytes)
        return makeError(path + ": " + std::to_string(size) + " bytes, more than the 256 MB a dataset file may have");
    f.seekg(0);
    std::string text(static_cast<std::size_t>(size), '\0');
    if (size > 0 && !f.read(text.data(), size))
        return makeError(path + ": cannot read the file");
    return text;
}

bool contains(const std::vector<std::string> &list, std::string_view s)
{
    return std::find(list.begin(), list.end(), s) != list.end();
}

std::vector<std::string> sortedDistinct(std::vector<std::string> v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

} // namespace

// ---- sequence classification ---------------------------------------------------------------

int LabelledSet::labelIndex(const std::string &label) const
{
    const auto it = std::lower_bound(labels.begin(), labels.end(), label);
    return it != labels.end() && *it == label ? static_cast<int>(it - labels.begin()) : -1;
}

Result<LabelledSet> parseLabelledTsv(const std::string &text, const std::string &source,
                                     const std::vector<std::string> *allowedLabels)
{
    LabelledSet set;
    const auto error = forEachRecord(text, source, [&](int lineNo, std::string_view line) -> std::optional<Error> {
        const std::string where = at(source, lineNo);
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos)
            return makeError(where + "no tab between the label and the text (expected LABEL<TAB>TEXT)");
        const std::string_view label = trimSpaces(line.substr(0, tab));
        const std::string_view body = trimSpaces(line.substr(tab + 1));
        if (label.empty())
            return makeError(where + "empty label before the tab");
        if (hasWhitespace(label))
            return makeError(where + "label '" + std::string(label) + "' contains a space");
        if (body.find('\t') != std::string_view::npos)
            return makeError(where + "a second tab in the text (expected LABEL<TAB>TEXT)");
        if (body.empty())
            return makeError(where + "empty text after the label '" + std::string(label) + "'");
        if (allowedLabels && !contains(*allowedLabels, label))
            return makeError(where + "label '" + std::string(label) + "' is not one of " + joined(*allowedLabels));
        set.examples.push_back({std::string(body), std::string(label)});
        return std::nullopt;
    });
    if (error)
        return *error;
    if (set.examples.empty())
        return makeError(source + ": no example (expected lines of LABEL<TAB>TEXT)");
    if (allowedLabels) {
        set.labels = sortedDistinct(*allowedLabels);
    } else {
        for (const auto &e : set.examples)
            set.labels.push_back(e.label);
        set.labels = sortedDistinct(std::move(set.labels));
    }
    return set;
}

Result<LabelledSet> loadLabelledTsv(const std::string &path, const std::vector<std::string> *allowedLabels)
{
    auto text = readDatasetFile(path);
    if (!text)
        return makeError(text.error());
    return parseLabelledTsv(text.value(), path, allowedLabels);
}

// ---- token classification ------------------------------------------------------------------

Result<std::vector<TaggedTokens>> parseTokenTagTsv(const std::string &text, const std::string &source,
                                                   const std::vector<std::string> *allowedTags)
{
    std::vector<TaggedTokens> out;
    const auto error = forEachRecord(text, source, [&](int lineNo, std::string_view line) -> std::optional<Error> {
        const std::string where = at(source, lineNo);
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos)
            return makeError(where + "no tab between the tokens and the tags (expected TOKENS<TAB>TAGS)");
        const std::string_view tagText = line.substr(tab + 1);
        if (tagText.find('\t') != std::string_view::npos)
            return makeError(where + "a second tab (expected TOKENS<TAB>TAGS)");
        const auto tokens = splitOn(line.substr(0, tab), ' ', true);
        const auto tags = splitOn(tagText, ' ', true);
        if (tokens.empty())
            return makeError(where + "no tokens before the tab");
        if (tags.empty())
            return makeError(where + "no tags after the tab");
        if (tokens.size() != tags.size())
            return makeError(where + std::to_string(tokens.size()) + " tokens but " + std::to_string(tags.size()) + " tags");
        TaggedTokens s;
        std::string_view open; // the type of the entity the previous tag leaves open, or empty
        for (std::size_t i = 0; i < tags.size(); ++i) {
            const std::string_view tag = tags[i];
            const std::string token = "token " + std::to_string(i + 1) + " '" + std::string(tokens[i]) + "': ";
            const bool prefixed = tag.size() > 2 && (tag.starts_with("B-") || tag.starts_with("I-"));
            if (tag != "O" && !prefixed)
                return makeError(where + token + "tag '" + std::string(tag) + "' is not O, B-TYPE or I-TYPE");
            if (allowedTags && !contains(*allowedTags, tag))
                return makeError(where + token + "tag '" + std::string(tag) + "' is not one of " + joined(*allowedTags));
            const std::string_view type = prefixed ? tag.substr(2) : std::string_view();
            if (tag.starts_with("I-") && type != open)
                return makeError(where + token + std::string(tag) + " does not continue a " + std::string(type) +
                                 " entity (" + (i == 0 ? std::string("at the start") : "after " + std::string(tags[i - 1])) + ")");
            open = type;
            s.tokens.emplace_back(tokens[i]);
            s.tags.emplace_back(tag);
        }
        out.push_back(std::move(s));
        return std::nullopt;
    });
    if (error)
        return *error;
    if (out.empty())
        return makeError(source + ": no sentence (expected lines of TOKENS<TAB>TAGS)");
    return out;
}

Result<std::vector<TaggedTokens>> loadTokenTagTsv(const std::string &path, const std::vector<std::string> *allowedTags)
{
    auto text = readDatasetFile(path);
    if (!text)
        return makeError(text.error());
    return parseTokenTagTsv(text.value(), path, allowedTags);
}

std::vector<std::string> bioTagSet(const std::vector<std::string> &types)
{
    std::vector<std::string> tags{"O"};
    for (const auto &t : types) {
        tags.push_back("B-" + t);
        tags.push_back("I-" + t);
    }
    return tags;
}

std::vector<Entity> bioEntities(const std::vector<std::string> &tags)
{
    std::vector<Entity> out;
    bool open = false;
    for (std::size_t i = 0; i < tags.size(); ++i) {
        const std::string &tag = tags[i];
        const bool b = tag.size() > 2 && tag.starts_with("B-");
        const bool in = tag.size() > 2 && tag.starts_with("I-");
        const int pos = static_cast<int>(i);
        if (in && open && out.back().type == std::string_view(tag).substr(2)) {
            out.back().end = pos + 1;
        } else if (b || in) {
            out.push_back({tag.substr(2), pos, pos + 1});
            open = true;
        } else {
            open = false;
        }
    }
    return out;
}

namespace {

void finish(PrecisionRecall &s)
{
    s.precision = s.predicted > 0 ? double(s.correct) / double(s.predicted) : 0.0;
    s.recall = s.gold > 0 ? double(s.correct) / double(s.gold) : 0.0;
    s.f1 = s.precision + s.recall > 0 ? 2.0 * s.precision * s.recall / (s.precision + s.recall) : 0.0;
}

} // namespace

EntityScores entityF1(const std::vector<std::vector<std::string>> &gold,
                      const std::vector<std::vector<std::string>> &predicted)
{
    if (gold.size() != predicted.size())
        throw std::invalid_argument("entityF1: " + std::to_string(gold.size()) + " gold sentences but " +
                                    std::to_string(predicted.size()) + " predicted");
    EntityScores scores;
    for (std::size_t s = 0; s < gold.size(); ++s) {
        if (gold[s].size() != predicted[s].size())
            throw std::invalid_argument("entityF1: sentence " + std::to_string(s) + " has " + std::to_string(gold[s].size()) +
                                        " gold tags but " + std::to_string(predicted[s].size()) + " predicted");
        const std::vector<Entity> g = bioEntities(gold[s]);
        const std::vector<Entity> p = bioEntities(predicted[s]);
        for (const Entity &e : g) {
            ++scores.perType[e.type].gold;
            ++scores.overall.gold;
        }
        for (const Entity &e : p) {
            PrecisionRecall &t = scores.perType[e.type];
            ++t.predicted;
            ++scores.overall.predicted;
            if (std::find(g.begin(), g.end(), e) != g.end()) {
                ++t.correct;
                ++scores.overall.correct;
            }
        }
    }
    finish(scores.overall);
    for (auto &[type, s] : scores.perType)
        finish(s);
    return scores;
}

// ---- classification scores -----------------------------------------------------------------

ConfusionMatrix::ConfusionMatrix(int classes) : m_k(classes)
{
    if (classes < 1)
        throw std::invalid_argument("ConfusionMatrix: " + std::to_string(classes) + " classes (at least 1)");
    m_counts.assign(static_cast<std::size_t>(classes) * static_cast<std::size_t>(classes), 0);
}

std::int64_t ConfusionMatrix::count(int gold, int predicted) const
{
    if (gold < 0 || gold >= m_k || predicted < 0 || predicted >= m_k)
        throw std::invalid_argument("ConfusionMatrix: class (" + std::to_string(gold) + ", " + std::to_string(predicted) +
                                    ") outside 0.." + std::to_string(m_k - 1));
    return m_counts[static_cast<std::size_t>(gold) * static_cast<std::size_t>(m_k) + static_cast<std::size_t>(predicted)];
}

void ConfusionMatrix::add(int gold, int predicted)
{
    (void)count(gold, predicted); // range check
    ++m_counts[static_cast<std::size_t>(gold) * static_cast<std::size_t>(m_k) + static_cast<std::size_t>(predicted)];
    ++m_total;
}

double ConfusionMatrix::accuracy() const
{
    std::int64_t diagonal = 0;
    for (int c = 0; c < m_k; ++c)
        diagonal += count(c, c);
    return m_total > 0 ? double(diagonal) / double(m_total) : 0.0;
}

double ConfusionMatrix::precision(int c) const
{
    std::int64_t column = 0;
    for (int g = 0; g < m_k; ++g)
        column += count(g, c);
    return column > 0 ? double(count(c, c)) / double(column) : 0.0;
}

double ConfusionMatrix::recall(int c) const
{
    std::int64_t row = 0;
    for (int p = 0; p < m_k; ++p)
        row += count(c, p);
    return row > 0 ? double(count(c, c)) / double(row) : 0.0;
}

double ConfusionMatrix::f1(int c) const
{
    const double p = precision(c), r = recall(c);
    return p + r > 0 ? 2.0 * p * r / (p + r) : 0.0;
}

double ConfusionMatrix::macroF1() const
{
    double sum = 0.0;
    int present = 0;
    for (int c = 0; c < m_k; ++c) {
        std::int64_t seen = 0;
        for (int o = 0; o < m_k; ++o)
            seen += count(c, o) + count(o, c);
        if (seen == 0)
            continue;
        sum += f1(c);
        ++present;
    }
    return present > 0 ? sum / present : 0.0;
}

// ---- retrieval -----------------------------------------------------------------------------

Result<RetrievalSet> parseRetrievalTsv(const std::string &text, const std::string &source)
{
    RetrievalSet set;
    std::unordered_map<std::string, std::pair<int, int>> docs; // id -> (index, line)
    std::vector<std::pair<std::string, int>> pending;          // per query: (doc id, line)
    const auto error = forEachRecord(text, source, [&](int lineNo, std::string_view line) -> std::optional<Error> {
        const std::string where = at(source, lineNo);
        const auto fields = splitOn(line, '\t', false);
        if (fields.size() != 3)
            return makeError(where + std::to_string(fields.size()) + " fields (expected doc|query<TAB>ID<TAB>TEXT)");
        const std::string_view kind = trimSpaces(fields[0]);
        const std::string id(trimSpaces(fields[1]));
        const std::string_view body = trimSpaces(fields[2]);
        if (kind != "doc" && kind != "query")
            return makeError(where + "kind '" + std::string(kind) + "' is not doc or query");
        if (id.empty())
            return makeError(where + "empty id");
        if (body.empty())
            return makeError(where + "empty text");
        if (kind == "doc") {
            const auto [it, fresh] = docs.emplace(id, std::make_pair(static_cast<int>(set.docs.size()), lineNo));
            if (!fresh)
                return makeError(where + "doc id '" + id + "' is already used on line " + std::to_string(it->second.second));
            set.docIds.push_back(id);
            set.docs.emplace_back(body);
        } else {
            set.queries.emplace_back(body);
            pending.emplace_back(id, lineNo);
        }
        return std::nullopt;
    });
    if (error)
        return *error;
    if (set.docs.empty())
        return makeError(source + ": no doc line (expected doc<TAB>ID<TAB>TEXT)");
    if (set.queries.empty())
        return makeError(source + ": no query line (expected query<TAB>ID<TAB>TEXT)");
    for (const auto &[id, lineNo] : pending) {
        const auto it = docs.find(id);
        if (it == docs.end())
            return makeError(at(source, lineNo) + "the query names doc '" + id + "', which no doc line has");
        set.gold.push_back(it->second.first);
    }
    return set;
}

Result<RetrievalSet> loadRetrievalTsv(const std::string &path)
{
    auto text = readDatasetFile(path);
    if (!text)
        return makeError(text.error());
    return parseRetrievalTsv(text.value(), path);
}

namespace {

// How a two-text format names its parts in errors.
struct TwoTextWords {
    const char *expected;               // "TEXT<TAB>TEXT"
    const char *emptyFirst, *emptySecond; // "the first text is empty"
    const char *what;                   // "sentence pair"
};

// TEXT<TAB>TEXT lines, spaces around each text dropped: the parser of sentence and text pairs.
Result<std::vector<std::pair<std::string, std::string>>> parseTwoTexts(const std::string &text, const std::string &source,
                                                                       const TwoTextWords &words)
{
    std::vector<std::pair<std::string, std::string>> pairs;
    const auto error = forEachRecord(text, source, [&](int lineNo, std::string_view line) -> std::optional<Error> {
        const std::string where = at(source, lineNo);
        const auto fields = splitOn(line, '\t', false);
        if (fields.size() != 2)
            return makeError(where + std::to_string(fields.size()) + " fields (expected " + words.expected + ")");
        const std::string_view first = trimSpaces(fields[0]), second = trimSpaces(fields[1]);
        if (first.empty() || second.empty())
            return makeError(where + (first.empty() ? words.emptyFirst : words.emptySecond));
        pairs.emplace_back(std::string(first), std::string(second));
        return std::nullopt;
    });
    if (error)
        return *error;
    if (pairs.empty())
        return makeError(source + ": no " + words.what + " (expected " + words.expected + " lines)");
    return pairs;
}

} // namespace

Result<std::vector<SentencePair>> parseSentencePairsTsv(const std::string &text, const std::string &source)
{
    auto parsed = parseTwoTexts(text, source, {"TEXT<TAB>TEXT", "the first text is empty", "the second text is empty",
                                               "sentence pair"});
    if (!parsed)
        return makeError(parsed.error());
    std::vector<SentencePair> pairs;
    for (auto &[first, second] : parsed.value())
        pairs.push_back({std::move(first), std::move(second)});
    return pairs;
}

Result<std::vector<SentencePair>> loadSentencePairsTsv(const std::string &path)
{
    auto text = readDatasetFile(path);
    if (!text)
        return makeError(text.error());
    return parseSentencePairsTsv(text.value(), path);
}

Result<std::vector<TextPair>> parseTextPairsTsv(const std::string &text, const std::string &source)
{
    auto parsed = parseTwoTexts(text, source, {"SOURCE<TAB>TARGET", "empty source", "empty target", "text pair"});
    if (!parsed)
        return makeError(parsed.error());
    std::vector<TextPair> pairs;
    for (auto &[from, to] : parsed.value())
        pairs.push_back({std::move(from), std::move(to)});
    return pairs;
}

Result<std::vector<TextPair>> loadTextPairsTsv(const std::string &path)
{
    auto text = readDatasetFile(path);
    if (!text)
        return makeError(text.error());
    return parseTextPairsTsv(text.value(), path);
}

namespace {

void checkRankings(const char *who, const std::vector<std::vector<int>> &rankings, const std::vector<int> &gold)
{
    if (gold.empty())
        throw std::invalid_argument(std::string(who) + ": no query");
    if (rankings.size() != gold.size())
        throw std::invalid_argument(std::string(who) + ": " + std::to_string(rankings.size()) + " rankings but " +
                                    std::to_string(gold.size()) + " gold docs");
}

} // namespace

double recallAtK(const std::vector<std::vector<int>> &rankings, const std::vector<int> &gold, int k)
{
    if (k < 1)
        throw std::invalid_argument("recallAtK: k = " + std::to_string(k) + " (at least 1)");
    checkRankings("recallAtK", rankings, gold);
    int hits = 0;
    for (std::size_t q = 0; q < gold.size(); ++q) {
        const auto &r = rankings[q];
        const auto end = r.begin() + std::min<std::ptrdiff_t>(k, static_cast<std::ptrdiff_t>(r.size()));
        hits += std::find(r.begin(), end, gold[q]) != end ? 1 : 0;
    }
    return double(hits) / double(gold.size());
}

double meanReciprocalRank(const std::vector<std::vector<int>> &rankings, const std::vector<int> &gold)
{
    checkRankings("meanReciprocalRank", rankings, gold);
    double sum = 0.0;
    for (std::size_t q = 0; q < gold.size(); ++q) {
        const auto &r = rankings[q];
        const auto it = std::find(r.begin(), r.end(), gold[q]);
        if (it != r.end())
            sum += 1.0 / double(it - r.begin() + 1);
    }
    return sum / double(gold.size());
}

// ---- TF-IDF --------------------------------------------------------------------------------

std::vector<std::string> TfIdfIndex::terms(const std::string &text)
{
    std::vector<std::string> out;
    for (std::string &t : WordTokenizer::splitWords(text)) {
        std::size_t i = 0;
        const char32_t first = nextCodePoint(t, i);
        if (t == "\n" || (i == t.size() && isPunctuation(first)))
            continue;
        for (char &c : t)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        out.push_back(std::move(t));
    }
    return out;
}

namespace {

// Counts of the known terms of `terms`, by term id.
std::map<int, int> termCounts(const std::vector<std::string> &terms, const std::unordered_map<std::string, int> &ids)
{
    std::map<int, int> counts;
    for (const auto &t : terms)
        if (const auto it = ids.find(t); it != ids.end())
            ++counts[it->second];
    return counts;
}

TfIdfIndex::SparseVector weighted(const std::map<int, int> &counts, const std::vector<float> &idf)
{
    TfIdfIndex::SparseVector v;
    double norm = 0.0;
    for (const auto &[id, n] : counts) {
        const double w = double(n) * double(idf[static_cast<std::size_t>(id)]);
        v.emplace_back(id, static_cast<float>(w));
        norm += w * w;
    }
    norm = std::sqrt(norm);
    for (auto &[id, w] : v)
        w = static_cast<float>(double(w) / norm);
    return v;
}

} // namespace

void TfIdfIndex::build(const std::vector<std::string> &sentences)
{
    std::vector<std::vector<std::string>> docTerms;
    docTerms.reserve(sentences.size());
    for (const auto &s : sentences)
        docTerms.push_back(terms(s)); // throws before anything changes
    m_termIds.clear();
    std::vector<int> df;
    for (const auto &ts : docTerms) {
        std::set<int> seen;
        for (const auto &t : ts) {
            const auto [it, fresh] = m_termIds.emplace(t, static_cast<int>(df.size()));
            if (fresh)
                df.push_back(0);
            if (seen.insert(it->second).second)
                ++df[static_cast<std::size_t>(it->second)];
        }
    }
    const double n = double(sentences.size());
    m_idf.resize(df.size());
    for (std::size_t t = 0; t < df.size(); ++t)
        m_idf[t] = static_cast<float>(std::log((1.0 + n) / (1.0 + df[t])) + 1.0);
    m_docs.clear();
    m_postings.assign(df.size(), {});
    for (std::size_t d = 0; d < docTerms.size(); ++d) {
        m_docs.push_back(weighted(termCounts(docTerms[d], m_termIds), m_idf));
        for (const auto &[id, w] : m_docs.back())
            m_postings[static_cast<std::size_t>(id)].emplace_back(static_cast<int>(d), w);
    }
}

TfIdfIndex::SparseVector TfIdfIndex::vectorize(const std::string &text) const
{
    return weighted(termCounts(terms(text), m_termIds), m_idf);
}

std::vector<std::pair<int, float>> TfIdfIndex::search(const std::string &query, int k) const
{
    if (k < 0)
        throw std::invalid_argument("TfIdfIndex::search: k = " + std::to_string(k) + " (at least 0)");
    const SparseVector q = vectorize(query);
    std::vector<float> score(m_docs.size(), 0.0f);
    for (const auto &[id, qw] : q)
        for (const auto &[doc, dw] : m_postings[static_cast<std::size_t>(id)])
            score[static_cast<std::size_t>(doc)] += qw * dw;
    std::vector<int> order(m_docs.size());
    std::iota(order.begin(), order.end(), 0);
    const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(k), order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(), [&](int a, int b) {
        const float sa = score[static_cast<std::size_t>(a)], sb = score[static_cast<std::size_t>(b)];
        return sa != sb ? sa > sb : a < b;
    });
    std::vector<std::pair<int, float>> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        out.emplace_back(order[i], score[static_cast<std::size_t>(order[i])]);
    return out;
}

// ---- built-in sets -------------------------------------------------------------------------

const std::vector<BuiltinDataset> &builtinDatasets()
{
    static const std::vector<BuiltinDataset> sets = [] {
        const std::vector<std::string> sentiment{"negative", "positive"};
        const std::vector<std::string> intents{"alarm", "greeting", "music", "restaurant", "timer", "translate", "weather"};
        const std::vector<std::string> ner = sortedDistinct(bioTagSet({"DATE", "LOC", "ORG", "PER"}));
        std::vector<BuiltinDataset> out;
        for (const char *language : {"en", "zh_TW"}) {
            out.push_back({"sentiment", language, DatasetFormat::Classification, sentiment});
            out.push_back({"intent", language, DatasetFormat::Classification, intents});
            out.push_back({"ner", language, DatasetFormat::TokenTags, ner});
            out.push_back({"retrieval", language, DatasetFormat::Retrieval, {}});
            out.push_back({"paraphrase", language, DatasetFormat::SentencePairs, {}});
            out.push_back({"summary", language, DatasetFormat::TextPairs, {}});
        }
        std::stable_sort(out.begin(), out.end(), [](const BuiltinDataset &a, const BuiltinDataset &b) {
            static const std::vector<std::string> order{"sentiment", "intent", "ner", "retrieval", "paraphrase",
                                                        "summary"};
            return std::find(order.begin(), order.end(), a.task) < std::find(order.begin(), order.end(), b.task);
        });
        return out;
    }();
    return sets;
}

const BuiltinDataset *findBuiltinDataset(const std::string &task, const std::string &language)
{
    for (const BuiltinDataset &s : builtinDatasets())
        if (s.task == task && s.language == language)
            return &s;
    return nullptr;
}

std::string builtinDatasetFile(const BuiltinDataset &set, DatasetSplit split)
{
    if (set.format == DatasetFormat::Retrieval || set.format == DatasetFormat::SentencePairs)
        return set.name() + ".tsv";
    return set.name() + (split == DatasetSplit::Train ? "_train.tsv" : "_test.tsv");
}

} // namespace lm
