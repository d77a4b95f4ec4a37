#pragma once
// The character classes and normalisations that BERT's BasicTokenizer and Hugging Face's
// normalizers apply, by hand over small tables (the engine carries no Unicode database).
//
// Exact where it matters most and documented where it stops:
//   classes        BERT's _is_whitespace / _is_control / _is_punctuation / _is_chinese_char:
//                  exact for ASCII, Latin-1 and the CJK ranges; P* (punctuation) and Cf
//                  (format) by a table of the common blocks, Cn (unassigned) not detected.
//   lowercase      Python's str.lower() for ASCII, Latin-1, Latin Extended-A, Latin Extended
//                  Additional, Greek, Cyrillic (basic + common), Armenian and fullwidth Latin;
//                  other characters are left as they are.
//   decomposition  NFD for Latin-1, Latin Extended-A, accented Greek, Й/й Ё/ё Ї/ї Ў/ў and the
//                  Hangul syllables (algorithmic); other precomposed letters (Vietnamese,
//                  Latin Extended-B, kana with dakuten) are left composed, so stripping accents
//                  does not reach them. NFKD adds the compatibility forms of fullwidth ASCII,
//                  the Unicode spaces, ligatures ﬀ..ﬆ, superscript digits, vulgar fractions,
//                  ª º µ, Ĳ ĳ Ŀ ŀ ŉ ſ, … and halfwidth CJK punctuation.
//   strip accents  NFD, then drop every nonspacing mark (Mn) of a table of the combining blocks.
// All functions take and return code points; UTF-8 handling is the caller's (text/utf8.h).
#include <string>
#include <string_view>

namespace lm {

// ' ', \t, \n, \r and the space separators Zs (U+00A0, U+1680, U+2000..U+200A, U+202F,
// U+205F, U+3000). As BERT: \v, \f, U+0085 and U+2028/2029 are not whitespace here.
bool isBertWhitespace(char32_t cp);

// Control (Cc) and format (Cf) characters and private use (Co), except \t \n \r, which BERT
// counts as whitespace. BERT's _clean_text drops these (and U+0000, U+FFFD).
bool isBertControl(char32_t cp);

// BERT's _is_punctuation: every ASCII non-alphanumeric printable (33-47, 58-64, 91-96,
// 123-126, so also $ + < = > ^ ` |) and the Unicode punctuation categories P* of the common
// blocks: Latin-1, Greek, Armenian, Hebrew, Arabic, Devanagari, Thai, General Punctuation,
// brackets of the math/dingbat blocks, Supplemental Punctuation, CJK Symbols and Punctuation
// (only its P* members: 、。〃〈〉《》「」『』【】〔〕〖〗〘〙〚〛〜〝〞〟〰〽), the vertical and small
// forms, and the fullwidth/halfwidth forms' P* members (！＂＃％＆＇（）＊，－．／：；？＠［＼］＿｛｝｟｠｡｢｣､･).
bool isBertPunctuation(char32_t cp);

// BERT's _is_chinese_char: CJK Unified Ideographs and Extension A..E, Compatibility
// Ideographs (+ Supplement). Not kana, not Hangul, not CJK punctuation.
bool isBertChineseChar(char32_t cp);

// Nonspacing combining marks (Mn) of the common blocks: U+0300..036F, 0483..0487, Hebrew and
// Arabic points, the Devanagari and Thai vowel signs and viramas, U+1AB0..1AFF, 1DC0..1DFF,
// 20D0..20DC, 20E1, 20E5..20F0, 302A..302D, 3099..309A, FE00..FE0F, FE20..FE2F.
bool isNonspacingMark(char32_t cp);

// Python's str.lower() of `cp` appended to `out` (one code point, except U+0130 İ, which
// lowers to "i" + U+0307 as in Python). Characters outside the covered scripts are appended
// unchanged.
void appendLowercase(std::u32string &out, char32_t cp);

// The canonical decomposition (NFD) of `cp` within the covered set, appended to `out`;
// anything else is appended unchanged.
void appendNfd(std::u32string &out, char32_t cp);

// The compatibility decomposition (NFKD) of `cp`: its compatibility mapping (if the table has
// one), each resulting character then decomposed as appendNfd does.
void appendNfkd(std::u32string &out, char32_t cp);

// NFKC within the table: the compatibility mapping only, precomposed letters kept composed.
// Decomposed input (a letter followed by a combining mark) is not composed.
void appendNfkc(std::u32string &out, char32_t cp);

// BERT's _run_strip_accents: NFD, then every nonspacing mark dropped. "Héllo" -> "Hello".
std::u32string stripAccents(std::u32string_view text);

// The whole string lowercased by appendLowercase.
std::u32string lowercase(std::u32string_view text);

} // namespace lm
