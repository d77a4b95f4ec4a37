#include "text/tokenizer.h"

#include "text/bpe.h"
#include "text/unigram.h"
#include "text/wordpiece.h"
#include "text/utf8.h"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace lm {

namespace {

constexpr std::int64_t kMaxJsonVocab = std::int64_t(1) << 24;
const char *const kUnkText = "<unk>";

// Calls emit(std::string_view token) for each word token of validated UTF-8 `text`;
// the views point into `text`, so no token is copied.
template <class Emit>
void forEachWord(std::string_view text, Emit &&emit)
{
    std::size_t wordStart = std::string_view::npos;
    const auto flush = [&](std::size_t end) {
        if (wordStart != std::string_view::npos) {
            emit(text.substr(wordStart, end - wordStart));
            wordStart = std::string_view::npos;
        }
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t start = i;
        const char32_t cp = nextCodePoint(text, i);
        if (cp == U'\n') {
            flush(start);
            emit(text.substr(start, 1));
        } else if (isSpace(cp)) {
            flush(start);
        } else if (isPunctuation(cp) || isCjk(cp)) {
            flush(start);
            emit(text.substr(start, i - start));
        } else if (wordStart == std::string_view::npos) {
            wordStart = start;
        }
    }
    flush(text.size());
}

void checkOptions(const TokenizerOptions &opts)
{
    if (opts.maxVocab < 0 || opts.maxVocab == 1)
        throw std::invalid_argument("maxVocab must be 0 (no cap) or at least 2, got " + std::to_string(opts.maxVocab));
    if (opts.minCount < 1)
        throw std::invalid_argument("minCount must be at least 1, got " + std::to_string(opts.minCount));
}

std::string hexByte(unsigned v)
{
    const char *digits = "0123456789ABCDEF";
    return std::string("\\x") + digits[(v >> 4) & 0xF] + digits[v & 0xF];
}

// Escaped label of one code point for plots.
std::string printable(char32_t cp)
{
    switch (cp) {
    case U'\n': return "\\n";
    case U'\t': return "\\t";
    case U'\r': return "\\r";
    case U' ': return "␣";
    default: break;
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
        return hexByte(static_cast<unsigned>(cp));
    std::string s;
    appendUtf8(s, cp);
    return s;
}

// True when decode puts no space between token `a` and the token `b` after it.
bool glued(std::string_view a, std::string_view b)
{
    if (a == "\n" || b == "\n")
        return true;
    const auto isCjkToken = [](std::string_view t) {
        std::size_t i = 0;
        return !t.empty() && isCjk(nextCodePoint(t, i)) && i == t.size();
    };
    if (isCjkToken(a) || isCjkToken(b))
        return true;
    if (b.size() == 1 && std::string_view(",.!?;:)]}").find(b[0]) != std::string_view::npos)
        return true;
    if (a.size() == 1 && std::string_view("([{").find(a[0]) != std::string_view::npos)
        return true;
    return false;
}

// Keeps entries with count >= minCount, sorted by count desc then key asc, at most `cap`.
template <class Key, class Map>
std::vector<Key> rankVocab(const Map &counts, const TokenizerOptions &opts)
{
    std::vector<std::pair<Key, std::int64_t>> ranked;
    ranked.reserve(counts.size());
    for (const auto &[key, count] : counts)
        if (count >= opts.minCount)
            ranked.emplace_back(Key(key), count);
    std::sort(ranked.begin(), ranked.end(), [](const auto &x, const auto &y) {
        return x.second != y.second ? x.second > y.second : x.first < y.first;
    });
    if (opts.maxVocab > 0 && ranked.size() > static_cast<std::size_t>(opts.maxVocab - 1))
        ranked.resize(static_cast<std::size_t>(opts.maxVocab - 1)); // one id is <unk>
    std::vector<Key> keys;
    keys.reserve(ranked.size());
    for (auto &entry : ranked)
        keys.push_back(std::move(entry.first));
    return keys;
}

} // namespace

void Tokenizer::checkId(std::int32_t id) const
{
    if (id < 0 || id >= vocabSize())
        throw std::invalid_argument(kind() + " tokenizer: id " + std::to_string(id) + " out of range [0, "
                                    + std::to_string(vocabSize()) + ")");
}

// ---- byte ---------------------------------------------------------------------------------

std::vector<std::int32_t> ByteTokenizer::encode(std::string_view utf8Text) const
{
    std::vector<std::int32_t> ids(utf8Text.size());
    for (std::size_t i = 0; i < utf8Text.size(); ++i)
        ids[i] = static_cast<unsigned char>(utf8Text[i]);
    return ids;
}

std::string ByteTokenizer::decode(const std::vector<std::int32_t> &ids) const
{
    std::string out(ids.size(), '\0');
    for (std::size_t i = 0; i < ids.size(); ++i) {
        checkId(ids[i]);
        out[i] = static_cast<char>(static_cast<unsigned char>(ids[i]));
    }
    return out;
}

std::string ByteTokenizer::tokenText(std::int32_t id) const
{
    checkId(id);
    if (id >= 0x80) // a lone byte of a multi-byte character is not printable on its own
        return hexByte(static_cast<unsigned>(id));
    return printable(static_cast<char32_t>(id));
}

nlohmann::json ByteTokenizer::toJson() const
{
    return {{"kind", "byte"}, {"version", 1}};
}

// ---- char ---------------------------------------------------------------------------------

CharTokenizer::CharTokenizer(std::vector<char32_t> chars) : m_chars(std::move(chars))
{
    m_idOf.reserve(m_chars.size());
    for (std::size_t i = 0; i < m_chars.size(); ++i) {
        const char32_t cp = m_chars[i];
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            throw std::invalid_argument("CharTokenizer: code point " + std::to_string(static_cast<unsigned long>(cp))
                                        + " is not a Unicode scalar value");
        if (!m_idOf.emplace(cp, static_cast<std::int32_t>(i + 1)).second)
            throw std::invalid_argument("CharTokenizer: duplicate code point " + std::to_string(static_cast<unsigned long>(cp)));
    }
}

CharTokenizer CharTokenizer::train(std::string_view utf8Text, const TokenizerOptions &opts)
{
    checkOptions(opts);
    requireUtf8(utf8Text, "CharTokenizer::train");
    std::unordered_map<char32_t, std::int64_t> counts;
    std::int64_t ascii[128] = {}; // most characters are ASCII; count them without hashing
    for (std::size_t i = 0; i < utf8Text.size();) {
        const char32_t cp = nextCodePoint(utf8Text, i);
        if (cp < 128)
            ++ascii[cp];
        else
            ++counts[cp];
    }
    for (char32_t c = 0; c < 128; ++c)
        if (ascii[c] > 0)
            counts[c] = ascii[c];
    return CharTokenizer(rankVocab<char32_t>(counts, opts));
}

std::vector<std::int32_t> CharTokenizer::encode(std::string_view utf8Text) const
{
    requireUtf8(utf8Text, "CharTokenizer::encode");
    std::vector<std::int32_t> ids;
    ids.reserve(utf8Text.size());
    for (std::size_t i = 0; i < utf8Text.size();) {
        const auto it = m_idOf.find(nextCodePoint(utf8Text, i));
        ids.push_back(it == m_idOf.end() ? kUnkId : it->second);
    }
    return ids;
}

std::string CharTokenizer::decode(const std::vector<std::int32_t> &ids) const
{
    std::string out;
    out.reserve(ids.size());
    for (std::int32_t id : ids) {
        checkId(id);
        if (id == kUnkId)
            out += kUnkText;
        else
            appendUtf8(out, m_chars[static_cast<std::size_t>(id - 1)]);
    }
    return out;
}

std::string CharTokenizer::tokenText(std::int32_t id) const
{
    checkId(id);
    return id == kUnkId ? std::string(kUnkText) : printable(m_chars[static_cast<std::size_t>(id - 1)]);
}

nlohmann::json CharTokenizer::toJson() const
{
    nlohmann::json vocab = nlohmann::json::array();
    vocab.push_back(kUnkText);
    for (char32_t cp : m_chars)
        vocab.push_back(encodeUtf8(std::u32string_view(&cp, 1)));
    return {{"kind", "char"}, {"version", 1}, {"vocab", std::move(vocab)}};
}

std::optional<std::int32_t> CharTokenizer::tokenId(std::string_view token) const
{
    if (token == kUnkText)
        return kUnkId;
    if (token.empty() || firstInvalidUtf8(token))
        return std::nullopt;
    std::size_t i = 0;
    const char32_t cp = nextCodePoint(token, i);
    if (i != token.size())
        return std::nullopt;
    const auto it = m_idOf.find(cp);
    if (it == m_idOf.end())
        return std::nullopt;
    return it->second;
}

// ---- word ---------------------------------------------------------------------------------

WordTokenizer::WordTokenizer(std::vector<std::string> words) : m_words(std::move(words))
{
    m_idOf.reserve(m_words.size());
    for (std::size_t i = 0; i < m_words.size(); ++i) {
        const std::string &w = m_words[i];
        if (auto bad = firstInvalidUtf8(w))
            throw std::invalid_argument("WordTokenizer: entry " + std::to_string(i + 1) + " is invalid UTF-8 at byte offset "
                                        + std::to_string(*bad));
        if (w == kUnkText)
            throw std::invalid_argument("WordTokenizer: \"<unk>\" is reserved for id 0");
        std::size_t pieces = 0;
        bool whole = false;
        forEachWord(w, [&](std::string_view t) { ++pieces; whole = t.size() == w.size(); });
        if (pieces != 1 || !whole)
            throw std::invalid_argument("WordTokenizer: entry " + std::to_string(i + 1)
                                        + " is not a single token (empty, whitespace, or several tokens)");
        if (!m_idOf.emplace(w, static_cast<std::int32_t>(i + 1)).second)
            throw std::invalid_argument("WordTokenizer: duplicate entry \"" + w + "\"");
    }
}

WordTokenizer WordTokenizer::train(std::string_view utf8Text, const TokenizerOptions &opts)
{
    checkOptions(opts);
    requireUtf8(utf8Text, "WordTokenizer::train");
    std::unordered_map<std::string, std::int64_t, Hash, std::equal_to<>> counts;
    forEachWord(utf8Text, [&](std::string_view t) {
        auto it = counts.find(t);
        if (it == counts.end())
            counts.emplace(std::string(t), 1);
        else
            ++it->second;
    });
    return WordTokenizer(rankVocab<std::string>(counts, opts));
}

std::vector<std::string> WordTokenizer::splitWords(std::string_view utf8Text)
{
    requireUtf8(utf8Text, "WordTokenizer::splitWords");
    std::vector<std::string> tokens;
    forEachWord(utf8Text, [&](std::string_view t) { tokens.emplace_back(t); });
    return tokens;
}

std::vector<std::int32_t> WordTokenizer::encode(std::string_view utf8Text) const
{
    requireUtf8(utf8Text, "WordTokenizer::encode");
    std::vector<std::int32_t> ids;
    forEachWord(utf8Text, [&](std::string_view t) {
        const auto it = m_idOf.find(t);
        ids.push_back(it == m_idOf.end() ? kUnkId : it->second);
    });
    return ids;
}

std::string WordTokenizer::decode(const std::vector<std::int32_t> &ids) const
{
    std::string out;
    std::string_view prev;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        checkId(ids[i]);
        const std::string_view t = ids[i] == kUnkId ? std::string_view(kUnkText)
                                                    : std::string_view(m_words[static_cast<std::size_t>(ids[i] - 1)]);
        if (i > 0 && !glued(prev, t))
            out += ' ';
        out += t;
        prev = t;
    }
    return out;
}

std::string WordTokenizer::tokenText(std::int32_t id) const
{
    checkId(id);
    if (id == kUnkId)
        return kUnkText;
    const std::string &w = m_words[static_cast<std::size_t>(id - 1)];
    return w == "\n" ? std::string("\\n") : w;
}

nlohmann::json WordTokenizer::toJson() const
{
    nlohmann::json vocab = nlohmann::json::array();
    vocab.push_back(kUnkText);
    for (const std::string &w : m_words)
        vocab.push_back(w);
    return {{"kind", "word"}, {"version", 1}, {"vocab", std::move(vocab)}};
}

std::optional<std::int32_t> WordTokenizer::find(std::string_view word) const
{
    if (word == kUnkText)
        return kUnkId;
    const auto it = m_idOf.find(word);
    if (it == m_idOf.end())
        return std::nullopt;
    return it->second;
}

// ---- factories ----------------------------------------------------------------------------

namespace {

// The vocab strings after "<unk>", or an Error naming the first bad entry.
Result<std::vector<std::string>> readVocab(const nlohmann::json &json, const std::string &kind)
{
    const std::string where = "tokenizer JSON (" + kind + "): ";
    const auto it = json.find("vocab");
    if (it == json.end())
        return Error{where + "missing \"vocab\""};
    if (!it->is_array())
        return Error{where + "\"vocab\" is not an array"};
    if (it->empty())
        return Error{where + "\"vocab\" is empty"};
    if (static_cast<std::int64_t>(it->size()) > kMaxJsonVocab)
        return Error{where + "\"vocab\" has " + std::to_string(it->size()) + " entries, more than "
                     + std::to_string(kMaxJsonVocab)};
    std::vector<std::string> entries;
    entries.reserve(it->size() - 1);
    for (std::size_t i = 0; i < it->size(); ++i) {
        const nlohmann::json &e = (*it)[i];
        if (!e.is_string())
            return Error{where + "\"vocab\"[" + std::to_string(i) + "] is not a string"};
        const auto &s = e.get_ref<const std::string &>();
        if (auto bad = firstInvalidUtf8(s))
            return Error{where + "\"vocab\"[" + std::to_string(i) + "] is invalid UTF-8 at byte offset "
                         + std::to_string(*bad)};
        if (i == 0) {
            if (s != kUnkText)
                return Error{where + "\"vocab\"[0] must be \"<unk>\""};
        } else {
            entries.push_back(s);
        }
    }
    return entries;
}

// A BPE tokenizer from {"vocab": [token in the bytes_to_unicode alphabet], "merges": [[l, r]]}.
Result<std::unique_ptr<Tokenizer>> bpeFromJson(const nlohmann::json &json)
{
    const std::string where = "tokenizer JSON (bpe): ";
    const auto vocab = json.find("vocab");
    if (vocab == json.end() || !vocab->is_array() || vocab->empty())
        return Error{where + "\"vocab\" is missing, not an array, or empty"};
    if (static_cast<std::int64_t>(vocab->size()) > kMaxJsonVocab)
        return Error{where + "\"vocab\" has " + std::to_string(vocab->size()) + " entries, more than "
                     + std::to_string(kMaxJsonVocab)};
    std::unordered_map<char32_t, char> byteOf;
    for (int b = 0; b < 256; ++b)
        byteOf.emplace(BpeTokenizer::byteToUnicode(static_cast<unsigned char>(b)), static_cast<char>(b));
    std::vector<std::string> tokens;
    tokens.reserve(vocab->size());
    for (std::size_t i = 0; i < vocab->size(); ++i) {
        const nlohmann::json &e = (*vocab)[i];
        const auto bad = [&] { return Error{where + "\"vocab\"[" + std::to_string(i) + "] is not a token in the bytes_to_unicode alphabet"}; };
        if (!e.is_string())
            return bad();
        const auto cps = decodeUtf8(e.get_ref<const std::string &>());
        if (!cps.ok())
            return bad();
        std::string bytes;
        for (char32_t cp : cps.value()) {
            const auto it = byteOf.find(cp);
            if (it == byteOf.end())
                return bad();
            bytes.push_back(it->second);
        }
        tokens.push_back(std::move(bytes));
    }
    const auto merges = json.find("merges");
    if (merges == json.end() || !merges->is_array())
        return Error{where + "\"merges\" is missing or not an array"};
    std::vector<BpeTokenizer::Merge> pairs;
    pairs.reserve(merges->size());
    for (std::size_t r = 0; r < merges->size(); ++r) {
        const nlohmann::json &m = (*merges)[r];
        if (!m.is_array() || m.size() != 2 || !m[0].is_number_integer() || !m[1].is_number_integer())
            return Error{where + "\"merges\"[" + std::to_string(r) + "] is not a pair of ids"};
        const auto a = m[0].get<std::int64_t>(), b = m[1].get<std::int64_t>();
        const auto n = static_cast<std::int64_t>(tokens.size());
        if (a < 0 || a >= n || b < 0 || b >= n)
            return Error{where + "\"merges\"[" + std::to_string(r) + "] has an id out of range"};
        pairs.emplace_back(static_cast<std::int32_t>(a), static_cast<std::int32_t>(b));
    }
    return std::unique_ptr<Tokenizer>(std::make_unique<BpeTokenizer>(std::move(tokens), std::move(pairs)));
}

} // namespace

Result<std::unique_ptr<Tokenizer>> tokenizerFromJson(const nlohmann::json &json)
{
    using Ptr = std::unique_ptr<Tokenizer>;
    if (!json.is_object())
        return Error{"tokenizer JSON: not an object"};
    const auto kindIt = json.find("kind");
    if (kindIt == json.end() || !kindIt->is_string())
        return Error{"tokenizer JSON: missing or non-string \"kind\""};
    const std::string kind = kindIt->get<std::string>();
    if (const auto v = json.find("version"); v != json.end() && !(v->is_number_integer() && *v == 1))
        return Error{"tokenizer JSON: unsupported \"version\" " + v->dump() + " (expected 1)"};

    try {
        if (kind == "byte")
            return Ptr(std::make_unique<ByteTokenizer>());
        if (kind == "char") {
            auto entries = readVocab(json, kind);
            if (!entries.ok())
                return Error{entries.error()};
            std::vector<char32_t> chars;
            chars.reserve(entries.value().size());
            for (std::size_t i = 0; i < entries.value().size(); ++i) {
                const auto cps = decodeUtf8(entries.value()[i]);
                if (!cps.ok() || cps.value().size() != 1)
                    return Error{"tokenizer JSON (char): \"vocab\"[" + std::to_string(i + 1)
                                 + "] is not exactly one character"};
                chars.push_back(cps.value()[0]);
            }
            return Ptr(std::make_unique<CharTokenizer>(std::move(chars)));
        }
        if (kind == "word") {
            auto entries = readVocab(json, kind);
            if (!entries.ok())
                return Error{entries.error()};
            return Ptr(std::make_unique<WordTokenizer>(std::move(entries).value()));
        }
        if (kind == "bpe")
            return bpeFromJson(json);
        if (kind == "wordpiece") {
            auto t = WordPieceTokenizer::fromJson(json);
            if (!t)
                return Error{t.error()};
            return Ptr(std::make_unique<WordPieceTokenizer>(std::move(t).value()));
        }
        if (kind == "unigram") {
            auto t = UnigramTokenizer::fromJson(json);
            if (!t)
                return Error{t.error()};
            return Ptr(std::make_unique<UnigramTokenizer>(std::move(t).value()));
        }
    } catch (const std::exception &e) {
        // Constructors reject duplicates and impossible tokens by throwing; report, do not crash.
        return Error{std::string("tokenizer JSON (") + kind + "): " + e.what()};
    }
    return Error{"tokenizer JSON: unknown \"kind\" \"" + kind + "\" (valid: byte, char, word, bpe, wordpiece, unigram)"};
}

Result<std::unique_ptr<Tokenizer>> buildTokenizer(const std::string &kind, std::string_view trainingText,
                                                  const TokenizerOptions &opts)
{
    using Ptr = std::unique_ptr<Tokenizer>;
    if (kind != "unigram" && (!opts.leadingSpecials.empty() || !opts.trailingSpecials.empty()))
        return Error{"the " + kind + " tokenizer cannot reserve special tokens such as \"" +
                     (opts.leadingSpecials.empty() ? opts.trailingSpecials : opts.leadingSpecials).front() +
                     "\": use the unigram tokenizer"};
    try {
        if (kind == "byte")
            return Ptr(std::make_unique<ByteTokenizer>());
        if (kind == "char")
            return Ptr(std::make_unique<CharTokenizer>(CharTokenizer::train(trainingText, opts)));
        if (kind == "word")
            return Ptr(std::make_unique<WordTokenizer>(WordTokenizer::train(trainingText, opts)));
        if (kind == "bpe")
            return Ptr(std::make_unique<BpeTokenizer>(BpeTokenizer::train(trainingText, opts)));
        if (kind == "wordpiece")
            return Ptr(std::make_unique<WordPieceTokenizer>(WordPieceTokenizer::train(trainingText, opts)));
        if (kind == "unigram")
            return Ptr(std::make_unique<UnigramTokenizer>(UnigramTokenizer::train(trainingText, opts)));
    } catch (const std::invalid_argument &e) {
        return Error{"cannot build " + kind + " tokenizer: " + e.what()};
    }
    return Error{"unknown tokenizer kind \"" + kind + "\" (valid: byte, char, word, bpe, wordpiece, unigram)"};
}

} // namespace lm
