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

// The code points of `bytes`. Fails with "invalid UTF-8 at byte offset N" (N as above).
// An empty input gives an empty string.
Result<std::u32string> decodeUtf8(std::string_view bytes);

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

} // namespace lm
