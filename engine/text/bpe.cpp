#include "text/bpe.h"

#include "text/utf8.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace lm {

namespace {

constexpr std::size_t kMaxTokens = std::size_t(1) << 24;
constexpr std::int64_t kMaxFileBytes = std::int64_t(64) << 20;

// \s of Python's regex module: Unicode White_Space plus the ASCII separators 0x1C..0x1F.
bool isBpeSpace(char32_t cp)
{
    return isSpace(cp) || cp == 0x85 || (cp >= 0x1C && cp <= 0x1F) || cp == 0x2028 || cp == 0x2029;
}

// \p{N}: decimal digits of the common scripts, superscripts/subscripts, fractions, circled and
// Roman numerals, 〇.
bool isBpeNumber(char32_t cp)
{
    if (cp >= '0' && cp <= '9')
        return true;
    if (cp < 0x80)
        return false;
    return cp == 0xB2 || cp == 0xB3 || cp == 0xB9 || (cp >= 0xBC && cp <= 0xBE) || (cp >= 0x660 && cp <= 0x669)
        || (cp >= 0x6F0 && cp <= 0x6F9) || (cp >= 0x966 && cp <= 0x96F) || (cp >= 0x2070 && cp <= 0x2079 && cp != 0x2071
        && cp != 0x2072 && cp != 0x2073) || (cp >= 0x2080 && cp <= 0x2089) || (cp >= 0x2150 && cp <= 0x2189)
        || (cp >= 0x2460 && cp <= 0x249B) || (cp >= 0x24EA && cp <= 0x24FF) || (cp >= 0x2776 && cp <= 0x2793)
        || cp == 0x3007 || (cp >= 0x3021 && cp <= 0x3029) || (cp >= 0xFF10 && cp <= 0xFF19);
}

// \p{L}: ASCII and Latin-1 letters exactly; above U+00FF everything that is not a number,
// punctuation, space, combining mark, symbol block, emoji, private use or variation selector.
bool isBpeLetter(char32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < 0x100)
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA || (cp >= 0xC0 && cp != 0xD7 && cp != 0xF7);
    if (isBpeNumber(cp) || isBpeSpace(cp) || isPunctuation(cp))
        return false;
    const auto in = [cp](char32_t a, char32_t b) { return cp >= a && cp <= b; };
    return !(in(0x2C2, 0x2C5) || in(0x2D2, 0x2DF) || in(0x2E5, 0x2EB) || in(0x300, 0x36F) || in(0x2000, 0x2BFF)
             || in(0x2E00, 0x2E7F) || in(0x3000, 0x3004) || in(0x3008, 0x3020) || in(0x302A, 0x3030)
             || in(0xD800, 0xF8FF) || in(0xFE00, 0xFE0F) || in(0xFE20, 0xFE6F) || in(0xFF00, 0xFF20)
             || in(0xFF3B, 0xFF40) || in(0xFF5B, 0xFF65) || in(0xFFF0, 0xFFFF) || in(0x1F000, 0x1FAFF)
             || cp >= 0xE0000);
}

enum class CharClass { Letter, Number, Space, Other };

CharClass classify(char32_t cp)
{
    if (isBpeLetter(cp))
        return CharClass::Letter;
    if (isBpeNumber(cp))
        return CharClass::Number;
    if (isBpeSpace(cp))
        return CharClass::Space;
    return CharClass::Other;
}

// Printable label of a token's bytes: escapes as the other tokenizers do; bytes of an incomplete
// UTF-8 sequence as \xNN.
std::string printableBytes(const std::string &bytes)
{
    const char *digits = "0123456789ABCDEF";
    const auto hex = [&](unsigned v) { return std::string("\\x") + digits[(v >> 4) & 0xF] + digits[v & 0xF]; };
    std::string out;
    const bool valid = !firstInvalidUtf8(bytes).has_value();
    for (std::size_t i = 0; i < bytes.size();) {
        const unsigned char b = static_cast<unsigned char>(bytes[i]);
        if (b >= 0x80 && !valid) {
            out += hex(b);
            ++i;
            continue;
        }
        const std::size_t start = i;
        const char32_t cp = nextCodePoint(bytes, i);
        if (cp == '\n')
            out += "\\n";
        else if (cp == '\t')
            out += "\\t";
        else if (cp == '\r')
            out += "\\r";
        else if (cp == ' ')
            out += "␣";
        else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
            out += hex(static_cast<unsigned>(cp));
        else
            out.append(bytes, start, i - start);
    }
    return out;
}

// The inverse of bytes_to_unicode.
const std::unordered_map<char32_t, unsigned char> &unicodeToByte()
{
    static const std::unordered_map<char32_t, unsigned char> map = [] {
        std::unordered_map<char32_t, unsigned char> m;
        for (int b = 0; b < 256; ++b)
            m.emplace(BpeTokenizer::byteToUnicode(static_cast<unsigned char>(b)), static_cast<unsigned char>(b));
        return m;
    }();
    return map;
}

// Bytes of a token written in the bytes_to_unicode alphabet; false when a character is outside it
// or the text is not UTF-8.
bool unicodeToBytes(std::string_view text, std::string &out)
{
    out.clear();
    if (firstInvalidUtf8(text))
        return false;
    const auto &map = unicodeToByte();
    for (std::size_t i = 0; i < text.size();) {
        const auto it = map.find(nextCodePoint(text, i));
        if (it == map.end())
            return false;
        out.push_back(static_cast<char>(it->second));
    }
    return true;
}

std::string bytesToUnicode(const std::string &bytes)
{
    std::string out;
    for (char c : bytes)
        appendUtf8(out, BpeTokenizer::byteToUnicode(static_cast<unsigned char>(c)));
    return out;
}

// The whole file, or an Error naming it.
Result<std::string> readSmallFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in)
        return Error{path + ": cannot open"};
    const std::streamoff size = in.tellg();
    if (size < 0)
        return Error{path + ": cannot read"};
    if (size > kMaxFileBytes)
        return Error{path + ": " + std::to_string(size) + " bytes, more than the limit of " + std::to_string(kMaxFileBytes)};
    std::string data(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(data.data(), size))
        return Error{path + ": cannot read"};
    return data;
}

std::size_t lineOfOffset(const std::string &text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

} // namespace

char32_t BpeTokenizer::byteToUnicode(unsigned char b)
{
    // bs = printable ranges '!'..'~', '¡'..'¬', '®'..'ÿ' map to themselves; the other bytes, in
    // increasing order, map to 256, 257, …
    const auto printable = [](int v) { return (v >= 0x21 && v <= 0x7E) || (v >= 0xA1 && v <= 0xAC) || (v >= 0xAE && v <= 0xFF); };
    if (printable(b))
        return b;
    int n = 0;
    for (int v = 0; v < b; ++v)
        if (!printable(v))
            ++n;
    return static_cast<char32_t>(256 + n);
}

BpeTokenizer::BpeTokenizer(std::vector<std::string> tokens, std::vector<Merge> merges)
    : m_tokens(std::move(tokens)), m_merges(std::move(merges))
{
    if (m_tokens.size() > kMaxTokens)
        throw std::invalid_argument("BpeTokenizer: " + std::to_string(m_tokens.size()) + " tokens, more than 2^24");
    m_byteId.fill(-1);
    std::unordered_map<std::string, std::int32_t> idOf;
    idOf.reserve(m_tokens.size());
    for (std::size_t i = 0; i < m_tokens.size(); ++i) {
        const std::string &t = m_tokens[i];
        if (t.empty())
            throw std::invalid_argument("BpeTokenizer: token " + std::to_string(i) + " is empty");
        if (!idOf.emplace(t, static_cast<std::int32_t>(i)).second)
            throw std::invalid_argument("BpeTokenizer: token " + std::to_string(i) + " (\"" + printableBytes(t)
                                        + "\") duplicates token " + std::to_string(idOf[t]));
        if (t.size() == 1)
            m_byteId[static_cast<unsigned char>(t[0])] = static_cast<std::int32_t>(i);
    }
    for (int b = 0; b < 256; ++b)
        if (m_byteId[b] < 0)
            throw std::invalid_argument("BpeTokenizer: no token for byte " + std::to_string(b));
    m_mergeOf.reserve(m_merges.size());
    const auto n = static_cast<std::int32_t>(m_tokens.size());
    for (std::size_t r = 0; r < m_merges.size(); ++r) {
        const auto [a, b] = m_merges[r];
        if (a < 0 || a >= n || b < 0 || b >= n)
            throw std::invalid_argument("BpeTokenizer: merge " + std::to_string(r) + " has an id out of range [0, "
                                        + std::to_string(n) + ")");
        const auto it = idOf.find(m_tokens[a] + m_tokens[b]);
        if (it == idOf.end())
            throw std::invalid_argument("BpeTokenizer: merge " + std::to_string(r) + " makes \""
                                        + printableBytes(m_tokens[a] + m_tokens[b]) + "\", which is not a token");
        if (!m_mergeOf.emplace(key(a, b), MergeInfo{static_cast<std::int32_t>(r), it->second}).second)
            throw std::invalid_argument("BpeTokenizer: merge " + std::to_string(r) + " is a duplicate");
    }
}

std::vector<std::string_view> BpeTokenizer::preTokenize(std::string_view text)
{
    requireUtf8(text, "BpeTokenizer::preTokenize");
    // Code points with their byte offsets; offsets[k] is where cps[k] starts.
    std::vector<char32_t> cps;
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < text.size();) {
        offsets.push_back(i);
        cps.push_back(nextCodePoint(text, i));
    }
    offsets.push_back(text.size());
    const std::size_t n = cps.size();
    std::vector<CharClass> cls(n);
    for (std::size_t k = 0; k < n; ++k)
        cls[k] = classify(cps[k]);

    std::vector<std::string_view> chunks;
    const auto emit = [&](std::size_t from, std::size_t to) {
        chunks.push_back(text.substr(offsets[from], offsets[to] - offsets[from]));
    };
    std::size_t k = 0;
    while (k < n) {
        // 's|'t|'re|'ve|'m|'ll|'d
        if (cps[k] == U'\'' && k + 1 < n) {
            const char32_t c1 = cps[k + 1];
            if (c1 == U's' || c1 == U't' || c1 == U'm' || c1 == U'd') {
                emit(k, k + 2);
                k += 2;
                continue;
            }
            if (k + 2 < n
                && ((c1 == U'r' && cps[k + 2] == U'e') || (c1 == U'v' && cps[k + 2] == U'e')
                    || (c1 == U'l' && cps[k + 2] == U'l'))) {
                emit(k, k + 3);
                k += 3;
                continue;
            }
        }
        // ` ?\p{L}+`, ` ?\p{N}+`, ` ?[^\s\p{L}\p{N}]+`
        const std::size_t body = (cps[k] == U' ' && k + 1 < n && cls[k + 1] != CharClass::Space) ? k + 1 : k;
        if (cls[body] != CharClass::Space) {
            const CharClass c = cls[body];
            std::size_t end = body + 1;
            while (end < n && cls[end] == c)
                ++end;
            emit(k, end);
            k = end;
            continue;
        }
        // \s+(?!\S) : a whitespace run, leaving its last character to the next chunk when a
        // non-space follows; \s+ : a single whitespace character before a non-space.
        std::size_t end = k;
        while (end < n && cls[end] == CharClass::Space)
            ++end;
        if (end < n && end - k >= 2)
            --end;
        emit(k, end);
        k = end;
    }
    return chunks;
}

void BpeTokenizer::encodeChunk(std::string_view chunk, std::vector<std::int32_t> &out) const
{
    std::vector<std::int32_t> sym(chunk.size());
    for (std::size_t i = 0; i < chunk.size(); ++i)
        sym[i] = m_byteId[static_cast<unsigned char>(chunk[i])];
    std::vector<std::int32_t> next;
    while (sym.size() > 1) {
        std::int32_t bestRank = -1, bestLeft = 0, bestRight = 0, bestResult = 0;
        for (std::size_t i = 0; i + 1 < sym.size(); ++i) {
            const auto it = m_mergeOf.find(key(sym[i], sym[i + 1]));
            if (it != m_mergeOf.end() && (bestRank < 0 || it->second.rank < bestRank)) {
                bestRank = it->second.rank;
                bestLeft = sym[i];
                bestRight = sym[i + 1];
                bestResult = it->second.result;
            }
        }
        if (bestRank < 0)
            break;
        next.clear();
        for (std::size_t i = 0; i < sym.size();) {
            if (i + 1 < sym.size() && sym[i] == bestLeft && sym[i + 1] == bestRight) {
                next.push_back(bestResult);
                i += 2;
            } else {
                next.push_back(sym[i]);
                ++i;
            }
        }
        sym.swap(next);
    }
    out.insert(out.end(), sym.begin(), sym.end());
}

std::vector<std::int32_t> BpeTokenizer::encode(std::string_view utf8Text) const
{
    requireUtf8(utf8Text, "BpeTokenizer::encode");
    std::vector<std::int32_t> ids;
    ids.reserve(utf8Text.size() / 2);
    for (std::string_view chunk : preTokenize(utf8Text))
        encodeChunk(chunk, ids);
    return ids;
}

std::string BpeTokenizer::decode(const std::vector<std::int32_t> &ids) const
{
    std::string out;
    for (std::int32_t id : ids) {
        checkId(id);
        out += m_tokens[static_cast<std::size_t>(id)];
    }
    return out;
}

std::string BpeTokenizer::tokenText(std::int32_t id) const
{
    checkId(id);
    return printableBytes(m_tokens[static_cast<std::size_t>(id)]);
}

std::optional<std::int32_t> BpeTokenizer::tokenId(std::string_view token) const
{
    for (std::size_t i = 0; i < m_tokens.size(); ++i)
        if (m_tokens[i] == token)
            return static_cast<std::int32_t>(i);
    return std::nullopt;
}

nlohmann::json BpeTokenizer::toJson() const
{
    nlohmann::json vocab = nlohmann::json::array();
    for (const std::string &t : m_tokens)
        vocab.push_back(bytesToUnicode(t));
    nlohmann::json merges = nlohmann::json::array();
    for (const auto &[a, b] : m_merges)
        merges.push_back({a, b});
    return {{"kind", "bpe"}, {"version", 1}, {"vocab", std::move(vocab)}, {"merges", std::move(merges)}};
}

BpeTokenizer BpeTokenizer::train(std::string_view utf8Text, const TokenizerOptions &opts)
{
    requireUtf8(utf8Text, "BpeTokenizer::train");
    if (opts.maxVocab < 0 || (opts.maxVocab > 0 && opts.maxVocab < 256))
        throw std::invalid_argument("BPE vocabulary size must be 0 (512) or at least 256, got " + std::to_string(opts.maxVocab));
    if (opts.minCount < 1)
        throw std::invalid_argument("minCount must be at least 1, got " + std::to_string(opts.minCount));
    const std::size_t target = opts.maxVocab == 0 ? 512 : static_cast<std::size_t>(opts.maxVocab);

    // Unique chunks with their counts; a std::map keeps the order (and so the result) fixed.
    std::map<std::string_view, std::int64_t> chunkCounts;
    for (std::string_view c : preTokenize(utf8Text))
        ++chunkCounts[c];
    std::vector<std::vector<std::int32_t>> words;
    std::vector<std::int64_t> counts;
    words.reserve(chunkCounts.size());
    for (const auto &[chunk, count] : chunkCounts) {
        std::vector<std::int32_t> w(chunk.size());
        for (std::size_t i = 0; i < chunk.size(); ++i)
            w[i] = static_cast<unsigned char>(chunk[i]);
        words.push_back(std::move(w));
        counts.push_back(count);
    }

    std::vector<std::string> tokens(256);
    for (int b = 0; b < 256; ++b)
        tokens[b] = std::string(1, static_cast<char>(b));
    std::vector<Merge> merges;
    std::unordered_map<std::uint64_t, std::int64_t> pairCounts;
    std::vector<std::int32_t> next;
    while (tokens.size() < target) {
        pairCounts.clear();
        for (std::size_t w = 0; w < words.size(); ++w)
            for (std::size_t i = 0; i + 1 < words[w].size(); ++i)
                pairCounts[key(words[w][i], words[w][i + 1])] += counts[w];
        std::uint64_t best = 0;
        std::int64_t bestCount = 0;
        for (const auto &[k, c] : pairCounts)
            if (c > bestCount || (c == bestCount && k < best)) {
                best = k;
                bestCount = c;
            }
        if (bestCount < std::max<std::int64_t>(1, opts.minCount))
            break;
        const auto left = static_cast<std::int32_t>(best >> 32);
        const auto right = static_cast<std::int32_t>(best & 0xFFFFFFFFu);
        const auto id = static_cast<std::int32_t>(tokens.size());
        tokens.push_back(tokens[left] + tokens[right]);
        merges.emplace_back(left, right);
        for (auto &w : words) {
            if (w.size() < 2)
                continue;
            next.clear();
            for (std::size_t i = 0; i < w.size();) {
                if (i + 1 < w.size() && w[i] == left && w[i + 1] == right) {
                    next.push_back(id);
                    i += 2;
                } else {
                    next.push_back(w[i++]);
                }
            }
            w.swap(next);
        }
    }
    return BpeTokenizer(std::move(tokens), std::move(merges));
}

Result<BpeTokenizer> BpeTokenizer::loadGpt2(const std::string &vocabPath, const std::string &mergesPath)
{
    auto vocabText = readSmallFile(vocabPath);
    if (!vocabText)
        return Error{vocabText.error()};
    nlohmann::json vocab;
    try {
        vocab = nlohmann::json::parse(vocabText.value());
    } catch (const nlohmann::json::parse_error &e) {
        return Error{vocabPath + ":" + std::to_string(lineOfOffset(vocabText.value(), e.byte > 0 ? e.byte - 1 : 0))
                     + ": bad JSON: " + e.what()};
    } catch (const nlohmann::json::exception &e) { // out_of_range: a number beyond double ("1e999999")
        return Error{vocabPath + ": bad JSON: " + e.what()};
    }
    if (!vocab.is_object())
        return Error{vocabPath + ":1: not a JSON object {\"token\": id}"};
    if (vocab.size() > kMaxTokens)
        return Error{vocabPath + ": " + std::to_string(vocab.size()) + " tokens, more than 2^24"};
    std::vector<std::string> tokens(vocab.size());
    std::vector<bool> seen(vocab.size(), false);
    std::string bytes;
    for (const auto &[name, idJson] : vocab.items()) {
        if (!idJson.is_number_integer())
            return Error{vocabPath + ": token \"" + name + "\": id is not an integer"};
        const std::int64_t id = idJson.get<std::int64_t>();
        if (id < 0 || id >= static_cast<std::int64_t>(tokens.size()))
            return Error{vocabPath + ": token \"" + name + "\": id " + std::to_string(id) + " is outside 0.."
                         + std::to_string(tokens.size() - 1) + " (ids must be exactly 0..n-1)"};
        if (seen[static_cast<std::size_t>(id)])
            return Error{vocabPath + ": token \"" + name + "\": id " + std::to_string(id) + " is used twice"};
        if (!unicodeToBytes(name, bytes) || bytes.empty())
            return Error{vocabPath + ": token \"" + name + "\" is not in GPT-2's byte-to-unicode alphabet"};
        seen[static_cast<std::size_t>(id)] = true;
        tokens[static_cast<std::size_t>(id)] = bytes;
    }

    std::unordered_map<std::string, std::int32_t> idOf;
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (!idOf.emplace(tokens[i], static_cast<std::int32_t>(i)).second)
            return Error{vocabPath + ": id " + std::to_string(i) + " duplicates id " + std::to_string(idOf[tokens[i]])};

    auto mergesText = readSmallFile(mergesPath);
    if (!mergesText)
        return Error{mergesText.error()};
    std::vector<Merge> merges;
    std::istringstream lines(mergesText.value());
    std::string line, a, b;
    std::size_t lineNo = 0;
    while (std::getline(lines, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || (lineNo == 1 && line.rfind("#version", 0) == 0))
            continue;
        const std::string where = mergesPath + ":" + std::to_string(lineNo) + ": ";
        const auto space = line.find(' ');
        if (space == std::string::npos || space == 0 || space + 1 == line.size()
            || line.find(' ', space + 1) != std::string::npos)
            return Error{where + "expected two tokens separated by one space"};
        std::int32_t ids[2];
        for (int side = 0; side < 2; ++side) {
            const std::string part = side == 0 ? line.substr(0, space) : line.substr(space + 1);
            const auto it = unicodeToBytes(part, bytes) ? idOf.find(bytes) : idOf.end();
            if (it == idOf.end())
                return Error{where + "unknown token \"" + part + "\""};
            ids[side] = it->second;
        }
        if (!idOf.count(tokens[ids[0]] + tokens[ids[1]]))
            return Error{where + "the merged token is not in " + vocabPath};
        merges.emplace_back(ids[0], ids[1]);
    }
    try {
        return BpeTokenizer(std::move(tokens), std::move(merges));
    } catch (const std::invalid_argument &e) {
        return Error{vocabPath + " / " + mergesPath + ": " + e.what()};
    }
}

} // namespace lm
