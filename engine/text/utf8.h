#pragma once
// UTF-8 <-> code points, strict per RFC 3629, and the character classes the tokenizers need.
#include "core/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lm {

// Byte offset of the first byte that does not start a valid UTF-8 sequence, or nullopt when
// `bytes` is entirely valid. Invalid: stray continuation bytes, 0xC0/0xC1/0xF5..0xFF, overlong
// forms, surrogates U+D800..U+DFFF, code points above U+10FFFF, sequences cut short (by the end
// of input or by a non-continuation byte). For a bad sequence the offset is its lead byte.
std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes);

// Throws std::invalid_argument("<who>: invalid UTF-8 at byte offset N") unless `bytes` is valid.
void requireUtf8(std::string_view bytes, const char *who);

// The code points of `bytes`. Fails with "invalid UTF-8 at byte offset N" (N as above).
// An empty input gives an empty string.
Result<std::u32string> decodeUtf8(std::string_view bytes);

// The engine's one UTF-8 decoder for text already known to be valid (firstInvalidUtf8 found
// nothing): the code point that starts at text[i], with i moved past it. Nothing is checked but
// the end of the text: on invalid input the value is unspecified, and a sequence cut short by the
// end gives U+FFFD and moves i by one byte. i < text.size() is required.
inline char32_t nextCodePoint(std::string_view text, std::size_t &i);

// Bytes in the sequence that `lead` starts, 1..4, from the lead byte alone (for valid text).
inline std::size_t utf8SequenceLength(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

// True for a continuation byte (10xxxxxx), which never starts a character.
inline bool isUtf8Continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// Appends the UTF-8 form of `cp`. Throws std::invalid_argument for a surrogate or a value
// above U+10FFFF (these have no UTF-8 form).
void appendUtf8(std::string &out, char32_t cp);

// The UTF-8 form of `text`; throws std::invalid_argument like appendUtf8.
std::string encodeUtf8(std::u32string_view text);

// True for characters written without spaces between them in Chinese/Japanese text:
// CJK Unified Ideographs (incl. Extension A and the supplementary-plane extensions),
// compatibility ideographs, CJK symbols and punctuation U+3000..U+303F, fullwidth and halfwidth
// forms U+FF00..U+FFEF, Bopomofo (+ extended), Hiragana and Katakana (+ phonetic extensions).
bool isCjk(char32_t cp);

// True for ASCII punctuation (!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~), the punctuation of CJK symbols
// and punctuation U+3001..U+303F (not the letters/numerals 々〆〇 and the like), the fullwidth
// forms of ASCII punctuation (，！？：；（） and so on) and ｡｢｣､･, and the common typographic marks
// ‘ ’ “ ” — … ·.
bool isPunctuation(char32_t cp);

// True for the whitespace the word tokenizer splits on: ASCII space, tab, LF, CR, VT, FF,
// U+00A0, U+3000 (ideographic space) and the other Unicode space separators.
bool isSpace(char32_t cp);

inline char32_t nextCodePoint(std::string_view text, std::size_t &i)
{
    const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[k])); };
    const char32_t c = b(i);
    const std::size_t len = utf8SequenceLength(static_cast<unsigned char>(c));
    if (len > text.size() - i) {
        i += 1;
        return U'\uFFFD';
    }
    char32_t cp;
    switch (len) {
    case 1: cp = c; break;
    case 2: cp = ((c & 0x1F) << 6) | (b(i + 1) & 0x3F); break;
    case 3: cp = ((c & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F); break;
    default: cp = ((c & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) | (b(i + 3) & 0x3F); break;
    }
    i += len;
    return cp;
}

} // namespace lm
