#include "text/utf8.h"

#include <stdexcept>

namespace lm {

namespace {

// Length of the valid sequence starting at bytes[i], or 0 if it is invalid. Ranges from
// RFC 3629 section 4 (the second byte's range excludes overlongs and surrogates).
std::size_t validSequenceLength(std::string_view bytes, std::size_t i)
{
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
    const std::size_t n = bytes.size();
    const unsigned char c = b(i);
    if (c < 0x80)
        return 1;
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF; // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;      // overlong
        else if (c == 0xED) hi = 0x9F; // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;      // overlong
        else if (c == 0xF4) hi = 0x8F; // > U+10FFFF
    } else {
        return 0; // continuation byte, C0/C1, F5..FF
    }
    if (i + len > n)
        return 0;
    if (b(i + 1) < lo || b(i + 1) > hi)
        return 0;
    for (std::size_t k = 2; k < len; ++k)
        if ((b(i + k) & 0xC0) != 0x80)
            return 0;
    return len;
}

std::string offsetMessage(std::size_t offset)
{
    return "invalid UTF-8 at byte offset " + std::to_string(offset);
}

} // namespace

std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes)
{
    std::size_t i = 0;
    while (i < bytes.size()) {
        // Fast path for ASCII runs, which is most of any corpus.
        if (static_cast<unsigned char>(bytes[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t len = validSequenceLength(bytes, i);
        if (len == 0)
            return i;
        i += len;
    }
    return std::nullopt;
}

void requireUtf8(std::string_view bytes, const char *who)
{
    if (const auto bad = firstInvalidUtf8(bytes))
        throw std::invalid_argument(std::string(who) + ": " + offsetMessage(*bad));
}

Result<std::u32string> decodeUtf8(std::string_view bytes)
{
    std::u32string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::size_t len = validSequenceLength(bytes, i);
        if (len == 0)
            return Error{offsetMessage(i)};
        out.push_back(nextCodePoint(bytes, i));
    }
    out.shrink_to_fit();
    return out;
}

void appendUtf8(std::string &out, char32_t cp)
{
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        throw std::invalid_argument("appendUtf8: code point " + std::to_string(static_cast<unsigned long>(cp))
                                    + " has no UTF-8 form");
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string encodeUtf8(std::u32string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char32_t cp : text)
        appendUtf8(out, cp);
    return out;
}

bool isCjk(char32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF)     // CJK Unified Ideographs
        || (cp >= 0x3400 && cp <= 0x4DBF)     // Extension A
        || (cp >= 0x20000 && cp <= 0x323AF)   // Extensions B..H
        || (cp >= 0xF900 && cp <= 0xFAFF)     // Compatibility Ideographs
        || (cp >= 0x2F800 && cp <= 0x2FA1F)   // Compatibility Ideographs Supplement
        || (cp >= 0x3000 && cp <= 0x303F)     // CJK Symbols and Punctuation
        || (cp >= 0xFF00 && cp <= 0xFFEF)     // Halfwidth and Fullwidth Forms
        || (cp >= 0x3100 && cp <= 0x312F)     // Bopomofo
        || (cp >= 0x31A0 && cp <= 0x31BF)     // Bopomofo Extended
        || (cp >= 0x3040 && cp <= 0x309F)     // Hiragana
        || (cp >= 0x30A0 && cp <= 0x30FF)     // Katakana
        || (cp >= 0x31F0 && cp <= 0x31FF);    // Katakana Phonetic Extensions
}

bool isPunctuation(char32_t cp)
{
    if (cp < 0x80)
        return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60)
            || (cp >= 0x7B && cp <= 0x7E);
    if (cp >= 0x3001 && cp <= 0x303F)
        return !(cp >= 0x3005 && cp <= 0x3007) // 々〆〇 are letters/numbers, not punctuation
            && !(cp >= 0x3021 && cp <= 0x3029) && !(cp >= 0x3031 && cp <= 0x3035)
            && !(cp >= 0x3038 && cp <= 0x303C);
    if (cp >= 0xFF01 && cp <= 0xFF65) {
        // Fullwidth ASCII punctuation mirrors the ASCII ranges (offset 0xFEE0), then 。「」、・.
        if (cp >= 0xFF5F)
            return true;
        return isPunctuation(cp - 0xFEE0);
    }
    return cp == 0x2014 || cp == 0x2026 || cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D
        || cp == 0x00B7;
}

bool isSpace(char32_t cp)
{
    return cp == U' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F
        || cp == 0x3000;
}

} // namespace lm
