#include "text/wordpiece.h"

#include "text/textfile.h"
#include "text/unicodenorm.h"
#include "text/utf8.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <utility>

namespace lm {

namespace {

constexpr std::size_t kMaxTokens = std::size_t(1) << 24;
constexpr int kDefaultVocab = 2000;

// Calls emit(std::string) with each word of steps 2-4 (see the header) of valid UTF-8 `text`.
template <class Emit>
void forEachBasicWord(std::string_view text, const WordPieceOptions &opts, Emit &&emit)
{
    std::u32string word;
    std::string utf8;
    const auto flush = [&] {
        if (word.empty())
            return;
        std::u32string w = opts.lowercase ? lowercase(word) : word;
        if (opts.stripAccents)
            w = stripAccents(w);
        word.clear();
        // Every punctuation character is a word; so is each run between them.
        utf8.clear();
        for (char32_t cp : w) {
            if (isBertPunctuation(cp)) {
                if (!utf8.empty())
                    emit(std::move(utf8));
                utf8.clear();
                appendUtf8(utf8, cp);
                emit(std::move(utf8));
                utf8.clear();
            } else {
                appendUtf8(utf8, cp);
            }
        }
        if (!utf8.empty())
            emit(std::move(utf8));
        utf8.clear();
    };
    for (std::size_t i = 0; i < text.size();) {
        const char32_t cp = nextCodePoint(text, i);
        if (cp == 0 || cp == 0xFFFD || isBertControl(cp))
            continue;
        // BERT turns its whitespace into " " and then splits on Python's whitespace, which also
        // has U+2028/2029 (the other Python whitespace is control and already dropped).
        if (isBertWhitespace(cp) || isSpace(cp)) {
            flush();
        } else if (opts.chineseChars && isBertChineseChar(cp)) {
            flush();
            word.push_back(cp);
            flush();
        } else {
            word.push_back(cp);
        }
    }
    flush();
}

std::size_t countChars(std::string_view text)
{
    std::size_t n = 0;
    for (char c : text)
        n += !isUtf8Continuation(c);
    return n;
}

// True when `text` starts (front) or ends (!front) with a CJK character.
bool cjkAt(std::string_view text, bool front)
{
    if (text.empty())
        return false;
    std::size_t i = 0;
    if (!front) {
        i = text.size() - 1;
        while (i > 0 && isUtf8Continuation(text[i]))
            --i;
    }
    return isCjk(nextCodePoint(text, i));
}

void replaceAll(std::string &s, std::string_view from, std::string_view to)
{
    std::string out;
    std::size_t pos = 0;
    for (std::size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size()) {
        out.append(s, pos, hit - pos);
        out += to;
    }
    if (pos == 0)
        return;
    out.append(s, pos, std::string::npos);
    s.swap(out);
}

// Label of a token for plots: control characters escaped, a space as "␣".
std::string printableToken(std::string_view token)
{
    static const char *digits = "0123456789ABCDEF";
    std::string out;
    for (std::size_t i = 0; i < token.size();) {
        const std::size_t start = i;
        const char32_t cp = nextCodePoint(token, i);
        if (cp == U'\n')
            out += "\\n";
        else if (cp == U'\t')
            out += "\\t";
        else if (cp == U'\r')
            out += "\\r";
        else if (cp == U' ')
            out += "␣";
        else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
            out += std::string("\\x") + digits[(cp >> 4) & 0xF] + digits[cp & 0xF];
        else
            out.append(token, start, i - start);
    }
    return out;
}

std::uint64_t pairKey(std::int32_t a, std::int32_t b)
{
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
}

} // namespace

// ---- construction -------------------------------------------------------------------------

Result<WordPieceTokenizer> WordPieceTokenizer::fromVocab(std::vector<std::string> vocab, const WordPieceOptions &opts,
                                                         const std::string &source)
{
    if (vocab.empty())
        return Error{source + ": empty vocabulary"};
    if (vocab.size() > kMaxTokens)
        return Error{source + ": " + std::to_string(vocab.size()) + " tokens, more than 2^24"};
    WordPieceTokenizer t;
    t.m_opts = opts;
    t.m_idOf.reserve(vocab.size());
    for (std::size_t i = 0; i < vocab.size(); ++i) {
        const std::string &token = vocab[i];
        const std::string where = source + ": token " + std::to_string(i);
        if (token.empty())
            return Error{where + " is empty"};
        if (const auto bad = firstInvalidUtf8(token))
            return Error{where + " is invalid UTF-8 at byte offset " + std::to_string(*bad)};
        if (token.find_first_of("\r\n") != std::string::npos)
            return Error{where + " contains a line break"};
        const auto [it, fresh] = t.m_idOf.emplace(token, static_cast<std::int32_t>(i));
        if (!fresh)
            return Error{where + " (\"" + printableToken(token) + "\") duplicates token " + std::to_string(it->second)};
        t.m_maxTokenBytes = std::max(t.m_maxTokenBytes, token.size());
    }
    for (std::size_t s = 0; s < kSpecialTokens.size(); ++s) {
        const auto it = t.m_idOf.find(kSpecialTokens[s]);
        if (it == t.m_idOf.end())
            return Error{source + ": no " + std::string(kSpecialTokens[s]) + " token"};
        t.m_special[s] = it->second;
    }
    t.m_vocab = std::move(vocab);
    return t;
}

Result<WordPieceTokenizer> WordPieceTokenizer::loadVocabTxt(const std::string &vocabPath,
                                                            const std::string &tokenizerConfigPath)
{
    auto text = readSmallFile(vocabPath);
    if (!text)
        return Error{text.error()};
    const std::string &bytes = text.value();
    if (const auto bad = firstInvalidUtf8(bytes))
        return Error{vocabPath + ":" + std::to_string(lineOfOffset(bytes, *bad)) + ": invalid UTF-8 at byte offset "
                     + std::to_string(*bad)};
    std::vector<std::string> vocab;
    std::unordered_map<std::string_view, std::size_t> lineOf;
    std::size_t line = 0;
    for (std::size_t pos = 0; pos < bytes.size();) {
        ++line;
        std::size_t end = bytes.find('\n', pos);
        const std::size_t next = end == std::string::npos ? bytes.size() : end + 1;
        if (end == std::string::npos)
            end = bytes.size();
        std::string_view token(bytes.data() + pos, end - pos);
        if (!token.empty() && token.back() == '\r')
            token.remove_suffix(1);
        pos = next;
        const std::string where = vocabPath + ":" + std::to_string(line) + ": ";
        if (token.empty())
            return Error{where + "empty line (every line is one token)"};
        if (token.find('\r') != std::string_view::npos)
            return Error{where + "carriage return inside a token"};
        if (vocab.size() >= kMaxTokens)
            return Error{vocabPath + ": more than 2^24 tokens"};
        const auto [it, fresh] = lineOf.emplace(token, line);
        if (!fresh)
            return Error{where + "duplicate token \"" + printableToken(token) + "\" (also on line " + std::to_string(it->second)
                         + ")"};
        vocab.emplace_back(token);
    }
    if (vocab.empty())
        return Error{vocabPath + ": empty vocabulary"};

    WordPieceOptions opts;
    std::error_code ec;
    if (!tokenizerConfigPath.empty() && std::filesystem::exists(tokenizerConfigPath, ec)) {
        auto configText = readSmallFile(tokenizerConfigPath);
        if (!configText)
            return Error{configText.error()};
        nlohmann::json config;
        try {
            config = nlohmann::json::parse(configText.value());
        } catch (const nlohmann::json::parse_error &e) {
            return Error{tokenizerConfigPath + ":" + std::to_string(lineOfOffset(configText.value(), e.byte > 0 ? e.byte - 1 : 0))
                         + ": bad JSON: " + e.what()};
        } catch (const nlohmann::json::exception &e) {
            return Error{tokenizerConfigPath + ": bad JSON: " + e.what()};
        }
        if (!config.is_object())
            return Error{tokenizerConfigPath + ": not a JSON object"};
        const auto flag = [&](const char *name, bool &value, bool allowNull, bool &wasNull) -> std::optional<Error> {
            wasNull = false;
            const auto it = config.find(name);
            if (it == config.end())
                return std::nullopt;
            if (it->is_null() && allowNull) {
                wasNull = true;
                return std::nullopt;
            }
            if (!it->is_boolean())
                return Error{tokenizerConfigPath + ": \"" + name + "\" must be true or false" + (allowNull ? " or null" : "")
                             + ", got " + it->dump()};
            value = it->get<bool>();
            return std::nullopt;
        };
        bool isNull = false, stripNull = true;
        bool strip = true;
        if (auto e = flag("do_lower_case", opts.lowercase, false, isNull))
            return *e;
        if (auto e = flag("tokenize_chinese_chars", opts.chineseChars, false, isNull))
            return *e;
        if (auto e = flag("strip_accents", strip, true, stripNull))
            return *e;
        const bool present = config.contains("strip_accents");
        opts.stripAccents = (present && !stripNull) ? strip : opts.lowercase;
    }
    return fromVocab(std::move(vocab), opts, vocabPath);
}

Result<WordPieceTokenizer> WordPieceTokenizer::fromJson(const nlohmann::json &json)
{
    const std::string where = "tokenizer JSON (wordpiece)";
    if (!json.is_object())
        return Error{where + ": not an object"};
    const auto vocab = json.find("vocab");
    if (vocab == json.end() || !vocab->is_array())
        return Error{where + ": \"vocab\" is missing or not an array"};
    if (vocab->size() > kMaxTokens)
        return Error{where + ": \"vocab\" has more than 2^24 entries"};
    std::vector<std::string> tokens;
    tokens.reserve(vocab->size());
    for (std::size_t i = 0; i < vocab->size(); ++i) {
        if (!(*vocab)[i].is_string())
            return Error{where + ": \"vocab\"[" + std::to_string(i) + "] is not a string"};
        tokens.push_back((*vocab)[i].get<std::string>());
    }
    WordPieceOptions opts;
    for (const auto &[name, field] : {std::pair<const char *, bool *>{"lowercase", &opts.lowercase},
                                      {"strip_accents", &opts.stripAccents},
                                      {"chinese_chars", &opts.chineseChars}}) {
        const auto it = json.find(name);
        if (it == json.end() || !it->is_boolean())
            return Error{where + ": \"" + name + "\" is missing or not true/false"};
        *field = it->get<bool>();
    }
    return fromVocab(std::move(tokens), opts, where);
}

// ---- training -----------------------------------------------------------------------------

WordPieceTokenizer WordPieceTokenizer::train(std::string_view utf8Text, const TokenizerOptions &opts, bool lowercase)
{
    requireUtf8(utf8Text, "WordPieceTokenizer::train");
    const int specials = static_cast<int>(kSpecialTokens.size());
    if (opts.maxVocab < 0 || (opts.maxVocab > 0 && opts.maxVocab <= specials))
        throw std::invalid_argument("WordPiece vocabulary size must be 0 (" + std::to_string(kDefaultVocab) + ") or more than "
                                    + std::to_string(specials) + ", got " + std::to_string(opts.maxVocab));
    if (opts.minCount < 1)
        throw std::invalid_argument("minCount must be at least 1, got " + std::to_string(opts.minCount));
    const std::size_t target = static_cast<std::size_t>(opts.maxVocab == 0 ? kDefaultVocab : opts.maxVocab);
    const WordPieceOptions wopts{lowercase, lowercase, true};

    // Unique words and their counts, in byte order so that the result does not depend on hashing.
    std::unordered_map<std::string, std::int64_t> counted;
    forEachBasicWord(utf8Text, wopts, [&](std::string &&w) {
        if (countChars(w) <= static_cast<std::size_t>(kMaxWordChars))
            ++counted[std::move(w)];
    });
    std::vector<std::pair<std::string, std::int64_t>> words(counted.begin(), counted.end());
    counted.clear();
    std::sort(words.begin(), words.end());

    // The alphabet: each character as a word start and as a "##" continuation, most frequent first
    // when the budget is short.
    std::unordered_map<char32_t, std::int64_t> initial, continuation;
    for (const auto &[w, count] : words) {
        std::size_t i = 0;
        initial[nextCodePoint(w, i)] += count;
        while (i < w.size())
            continuation[nextCodePoint(w, i)] += count;
    }
    struct Char {
        std::int64_t count;
        bool cont;
        char32_t cp;
    };
    std::vector<Char> chars;
    for (const auto &[cp, c] : initial)
        chars.push_back({c, false, cp});
    for (const auto &[cp, c] : continuation)
        chars.push_back({c, true, cp});
    std::sort(chars.begin(), chars.end(), [](const Char &x, const Char &y) {
        if (x.count != y.count)
            return x.count > y.count;
        return x.cont != y.cont ? !x.cont : x.cp < y.cp;
    });
    if (chars.size() > target - specials)
        chars.resize(target - specials);
    std::sort(chars.begin(), chars.end(), [](const Char &x, const Char &y) { return x.cont != y.cont ? !x.cont : x.cp < y.cp; });

    std::vector<std::string> vocab(kSpecialTokens.begin(), kSpecialTokens.end());
    std::unordered_map<std::string, std::int32_t> idOf;
    for (std::size_t i = 0; i < vocab.size(); ++i)
        idOf.emplace(vocab[i], static_cast<std::int32_t>(i));
    for (const Char &c : chars) {
        std::string token = c.cont ? "##" : "";
        appendUtf8(token, c.cp);
        idOf.emplace(token, static_cast<std::int32_t>(vocab.size()));
        vocab.push_back(std::move(token));
    }

    // Each word as piece ids; -1 for a character left out of the alphabet (no pair spans it).
    std::vector<std::vector<std::int32_t>> syms(words.size());
    std::string piece;
    for (std::size_t w = 0; w < words.size(); ++w) {
        const std::string &text = words[w].first;
        for (std::size_t i = 0; i < text.size();) {
            const std::size_t start = i;
            nextCodePoint(text, i);
            piece.assign(start == 0 ? "" : "##");
            piece.append(text, start, i - start);
            const auto it = idOf.find(piece);
            syms[w].push_back(it == idOf.end() ? -1 : it->second);
        }
    }

    // Pair counts kept up to date merge by merge; the queue orders them by count (descending),
    // then by (left, right) ascending.
    std::unordered_map<std::uint64_t, std::int64_t> pairCount;
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> pairWords;
    std::set<std::pair<std::int64_t, std::uint64_t>> queue;
    const auto addPairs = [&](std::uint32_t w, std::int64_t sign) {
        const auto &s = syms[w];
        for (std::size_t i = 0; i + 1 < s.size(); ++i) {
            if (s[i] < 0 || s[i + 1] < 0)
                continue;
            const std::uint64_t key = pairKey(s[i], s[i + 1]);
            std::int64_t &count = pairCount[key];
            if (count > 0)
                queue.erase({-count, key});
            count += sign * words[w].second;
            if (count > 0)
                queue.insert({-count, key});
            else
                pairCount.erase(key);
            if (sign > 0)
                pairWords[key].push_back(w);
        }
    };
    for (std::uint32_t w = 0; w < syms.size(); ++w)
        addPairs(w, +1);

    std::vector<std::int32_t> next;
    while (vocab.size() < target && !queue.empty()) {
        const auto [negCount, key] = *queue.begin();
        if (-negCount < opts.minCount)
            break;
        const auto left = static_cast<std::int32_t>(key >> 32);
        const auto right = static_cast<std::int32_t>(key & 0xFFFFFFFFu);
        const std::string &r = vocab[static_cast<std::size_t>(right)];
        std::string merged = vocab[static_cast<std::size_t>(left)] + (r.rfind("##", 0) == 0 ? r.substr(2) : r);
        std::int32_t id;
        if (const auto it = idOf.find(merged); it != idOf.end()) {
            id = it->second; // the same string reached by another pair: no new token
        } else {
            id = static_cast<std::int32_t>(vocab.size());
            idOf.emplace(merged, id);
            vocab.push_back(std::move(merged));
        }
        std::vector<std::uint32_t> affected = std::move(pairWords[key]);
        pairWords.erase(key);
        std::sort(affected.begin(), affected.end());
        affected.erase(std::unique(affected.begin(), affected.end()), affected.end());
        for (std::uint32_t w : affected) {
            auto &s = syms[w];
            bool has = false;
            for (std::size_t i = 0; i + 1 < s.size() && !has; ++i)
                has = s[i] == left && s[i + 1] == right;
            if (!has)
                continue;
            addPairs(w, -1);
            next.clear();
            for (std::size_t i = 0; i < s.size();) {
                if (i + 1 < s.size() && s[i] == left && s[i + 1] == right) {
                    next.push_back(id);
                    i += 2;
                } else {
                    next.push_back(s[i++]);
                }
            }
            s.swap(next);
            addPairs(w, +1);
        }
    }
    auto result = fromVocab(std::move(vocab), wopts, "WordPieceTokenizer::train");
    if (!result)
        throw std::logic_error(result.error()); // the trainer built an invalid vocabulary: a bug
    return std::move(result).value();
}

// ---- encoding -----------------------------------------------------------------------------

std::vector<std::string> WordPieceTokenizer::basicTokenize(std::string_view utf8Text, const WordPieceOptions &opts)
{
    requireUtf8(utf8Text, "WordPieceTokenizer::basicTokenize");
    std::vector<std::string> words;
    forEachBasicWord(utf8Text, opts, [&](std::string &&w) { words.push_back(std::move(w)); });
    return words;
}

void WordPieceTokenizer::encodeWord(const std::string &word, std::vector<std::int32_t> &out) const
{
    if (countChars(word) > static_cast<std::size_t>(kMaxWordChars)) {
        out.push_back(unkId());
        return;
    }
    const std::size_t first = out.size();
    std::string candidate;
    for (std::size_t start = 0; start < word.size();) {
        const std::size_t prefix = start == 0 ? 0 : 2;
        if (m_maxTokenBytes <= prefix) { // no entry long enough to continue
            out.resize(first);
            out.push_back(unkId());
            return;
        }
        std::size_t end = std::min(word.size(), start + (m_maxTokenBytes - prefix));
        while (end > start && end < word.size() && isUtf8Continuation(word[end]))
            --end;
        std::int32_t found = -1;
        while (end > start) {
            candidate.assign(prefix ? "##" : "");
            candidate.append(word, start, end - start);
            if (const auto it = m_idOf.find(candidate); it != m_idOf.end()) {
                found = it->second;
                break;
            }
            --end;
            while (end > start && isUtf8Continuation(word[end]))
                --end;
        }
        if (found < 0) {
            out.resize(first);
            out.push_back(unkId());
            return;
        }
        out.push_back(found);
        start = end;
    }
}

std::vector<std::int32_t> WordPieceTokenizer::encode(std::string_view utf8Text) const
{
    requireUtf8(utf8Text, "WordPieceTokenizer::encode");
    std::vector<std::int32_t> ids;
    const auto encodeText = [&](std::string_view part) {
        forEachBasicWord(part, m_opts, [&](std::string &&w) { encodeWord(w, ids); });
    };
    // Special tokens written literally are cut out first.
    std::size_t from = 0;
    for (std::size_t pos = utf8Text.find('['); pos != std::string_view::npos; pos = utf8Text.find('[', pos)) {
        std::size_t special = kSpecialTokens.size();
        for (std::size_t s = 0; s < kSpecialTokens.size(); ++s)
            if (utf8Text.substr(pos, kSpecialTokens[s].size()) == kSpecialTokens[s])
                special = s;
        if (special == kSpecialTokens.size()) {
            ++pos;
            continue;
        }
        encodeText(utf8Text.substr(from, pos - from));
        ids.push_back(m_special[special]);
        pos += kSpecialTokens[special].size();
        from = pos;
    }
    encodeText(utf8Text.substr(from));
    return ids;
}

EncodedPair WordPieceTokenizer::encodeForModel(std::string_view a, std::optional<std::string_view> b, int maxLength) const
{
    std::optional<std::vector<std::int32_t>> second;
    if (b)
        second = encode(*b);
    return assembleForModel(encode(a), std::move(second), clsId(), sepId(), maxLength);
}

std::string WordPieceTokenizer::decode(const std::vector<std::int32_t> &ids) const
{
    std::string out;
    std::string_view prev;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        checkId(ids[i]);
        const std::string_view t = m_vocab[static_cast<std::size_t>(ids[i])];
        if (i > 0 && t.size() > 2 && t.substr(0, 2) == "##") {
            out += t.substr(2);
        } else {
            if (i > 0 && !(cjkAt(prev, false) && cjkAt(t, true)))
                out += ' ';
            out += t;
        }
        prev = t;
    }
    // Hugging Face's clean_up_tokenization, in its order.
    for (const auto &[from, to] : {std::pair<std::string_view, std::string_view>{" .", "."}, {" ?", "?"}, {" !", "!"},
                                   {" ,", ","}, {" ' ", "'"}, {" n't", "n't"}, {" 'm", "'m"}, {" 's", "'s"},
                                   {" 've", "'ve"}, {" 're", "'re"}})
        replaceAll(out, from, to);
    return out;
}

std::string WordPieceTokenizer::tokenText(std::int32_t id) const
{
    checkId(id);
    return printableToken(m_vocab[static_cast<std::size_t>(id)]);
}

nlohmann::json WordPieceTokenizer::toJson() const
{
    return {{"kind", "wordpiece"},
            {"version", 1},
            {"vocab", m_vocab},
            {"lowercase", m_opts.lowercase},
            {"strip_accents", m_opts.stripAccents},
            {"chinese_chars", m_opts.chineseChars}};
}

std::optional<std::int32_t> WordPieceTokenizer::find(std::string_view token) const
{
    const auto it = m_idOf.find(token);
    if (it == m_idOf.end())
        return std::nullopt;
    return it->second;
}

} // namespace lm
