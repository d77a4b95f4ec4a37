#include "text/unicodenorm.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <cstdint>

namespace lm {

namespace {

struct Range {
    char32_t lo, hi;
};

template <std::size_t N>
bool inRanges(const Range (&ranges)[N], char32_t cp)
{
    // Ranges are sorted and disjoint: binary search on the upper end.
    const auto it = std::lower_bound(std::begin(ranges), std::end(ranges), cp, [](const Range &r, char32_t c) { return r.hi < c; });
    return it != std::end(ranges) && it->lo <= cp;
}

template <std::size_t N>
constexpr bool sortedDisjoint(const Range (&ranges)[N])
{
    for (std::size_t i = 0; i < N; ++i)
        if (ranges[i].lo > ranges[i].hi || (i > 0 && ranges[i - 1].hi >= ranges[i].lo))
            return false;
    return true;
}

template <class T, std::size_t N>
constexpr bool sortedByCp(const T (&entries)[N])
{
    for (std::size_t i = 1; i < N; ++i)
        if (entries[i - 1].cp >= entries[i].cp)
            return false;
    return true;
}

// Unicode P* (Pc Pd Ps Pe Pi Pf Po) above ASCII, the common blocks. Sorted.
constexpr Range kPunctuation[] = {
    {0x00A1, 0x00A1}, {0x00A7, 0x00A7}, {0x00AB, 0x00AB}, {0x00B6, 0x00B7}, {0x00BB, 0x00BB}, {0x00BF, 0x00BF},
    {0x037E, 0x037E}, {0x0387, 0x0387}, {0x055A, 0x055F}, {0x0589, 0x058A}, {0x05BE, 0x05BE}, {0x05C0, 0x05C0},
    {0x05C3, 0x05C3}, {0x05C6, 0x05C6}, {0x05F3, 0x05F4}, {0x0609, 0x060A}, {0x060C, 0x060D}, {0x061B, 0x061B},
    {0x061D, 0x061F}, {0x066A, 0x066D}, {0x06D4, 0x06D4}, {0x0964, 0x0965}, {0x0970, 0x0970}, {0x0E4F, 0x0E4F},
    {0x0E5A, 0x0E5B}, {0x10FB, 0x10FB}, {0x1360, 0x1368}, {0x17D4, 0x17D6}, {0x17D8, 0x17DA}, {0x1800, 0x180A},
    {0x2010, 0x2027}, {0x2030, 0x2043}, {0x2045, 0x2051}, {0x2053, 0x205E}, {0x207D, 0x207E}, {0x208D, 0x208E},
    {0x2308, 0x230B}, {0x2329, 0x232A}, {0x2768, 0x2775}, {0x27C5, 0x27C6}, {0x27E6, 0x27EF}, {0x2983, 0x2998},
    {0x29D8, 0x29DB}, {0x29FC, 0x29FD}, {0x2CF9, 0x2CFC}, {0x2CFE, 0x2CFF}, {0x2E00, 0x2E2E}, {0x2E30, 0x2E4F},
    {0x2E52, 0x2E5D}, {0x3001, 0x3003}, {0x3008, 0x3011}, {0x3014, 0x301F}, {0x3030, 0x3030}, {0x303D, 0x303D},
    {0x30A0, 0x30A0}, {0x30FB, 0x30FB}, {0xFE10, 0xFE19}, {0xFE30, 0xFE52}, {0xFE54, 0xFE61}, {0xFE63, 0xFE63},
    {0xFE68, 0xFE68}, {0xFE6A, 0xFE6B}, {0xFF01, 0xFF03}, {0xFF05, 0xFF0A}, {0xFF0C, 0xFF0F}, {0xFF1A, 0xFF1B},
    {0xFF1F, 0xFF20}, {0xFF3B, 0xFF3D}, {0xFF3F, 0xFF3F}, {0xFF5B, 0xFF5B}, {0xFF5D, 0xFF5D}, {0xFF5F, 0xFF65},
    {0x10100, 0x10102}, {0x1039F, 0x1039F}, {0x16FE2, 0x16FE2}, {0x1E95E, 0x1E95F},
};

// Cf (format) and Co (private use). Sorted.
constexpr Range kFormatOrPrivate[] = {
    {0x00AD, 0x00AD}, {0x0600, 0x0605}, {0x061C, 0x061C}, {0x06DD, 0x06DD}, {0x070F, 0x070F}, {0x08E2, 0x08E2},
    {0x180E, 0x180E}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x2066, 0x206F}, {0xE000, 0xF8FF},
    {0xFEFF, 0xFEFF}, {0xFFF9, 0xFFFB}, {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x1343F},
    {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F}, {0xF0000, 0x10FFFF},
};

// Mn. Sorted.
constexpr Range kNonspacing[] = {
    {0x0300, 0x036F}, {0x0483, 0x0487}, {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2}, {0x05C4, 0x05C5},
    {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
    {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0900, 0x0902}, {0x093A, 0x093A}, {0x093C, 0x093C}, {0x0941, 0x0948},
    {0x094D, 0x094D}, {0x0951, 0x0957}, {0x0962, 0x0963}, {0x0981, 0x0981}, {0x09BC, 0x09BC}, {0x09C1, 0x09C4},
    {0x09CD, 0x09CD}, {0x0A01, 0x0A02}, {0x0A3C, 0x0A3C}, {0x0A41, 0x0A42}, {0x0A47, 0x0A48}, {0x0A4B, 0x0A4D},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x0EB1, 0x0EB1}, {0x0EB4, 0x0EBC}, {0x0EC8, 0x0ECD},
    {0x1AB0, 0x1ABD}, {0x1ABF, 0x1ACE}, {0x1DC0, 0x1DFF}, {0x20D0, 0x20DC}, {0x20E1, 0x20E1}, {0x20E5, 0x20F0},
    {0x302A, 0x302D}, {0x3099, 0x309A}, {0xA66F, 0xA66F}, {0xA674, 0xA67D}, {0xFB1E, 0xFB1E}, {0xFE00, 0xFE0F},
    {0xFE20, 0xFE2F}, {0xE0100, 0xE01EF},
};

// Canonical decompositions: cp -> base + up to two marks (0 = none). Sorted by cp.
struct Decomposition {
    char32_t cp, base, mark1, mark2;
};

// Latin Extended-A: the upper-case letter of each pair (the lower case is cp + 1, base + 0x20).
struct PairEntry {
    char32_t upper;
    char base;
    char32_t mark;
};
constexpr PairEntry kLatinExtA[] = {
    {0x0100, 'A', 0x0304}, {0x0102, 'A', 0x0306}, {0x0104, 'A', 0x0328}, {0x0106, 'C', 0x0301},
    {0x0108, 'C', 0x0302}, {0x010A, 'C', 0x0307}, {0x010C, 'C', 0x030C}, {0x010E, 'D', 0x030C},
    {0x0112, 'E', 0x0304}, {0x0114, 'E', 0x0306}, {0x0116, 'E', 0x0307}, {0x0118, 'E', 0x0328},
    {0x011A, 'E', 0x030C}, {0x011C, 'G', 0x0302}, {0x011E, 'G', 0x0306}, {0x0120, 'G', 0x0307},
    {0x0122, 'G', 0x0327}, {0x0124, 'H', 0x0302}, {0x0128, 'I', 0x0303}, {0x012A, 'I', 0x0304},
    {0x012C, 'I', 0x0306}, {0x012E, 'I', 0x0328}, {0x0134, 'J', 0x0302}, {0x0136, 'K', 0x0327},
    {0x0139, 'L', 0x0301}, {0x013B, 'L', 0x0327}, {0x013D, 'L', 0x030C}, {0x0143, 'N', 0x0301},
    {0x0145, 'N', 0x0327}, {0x0147, 'N', 0x030C}, {0x014C, 'O', 0x0304}, {0x014E, 'O', 0x0306},
    {0x0150, 'O', 0x030B}, {0x0154, 'R', 0x0301}, {0x0156, 'R', 0x0327}, {0x0158, 'R', 0x030C},
    {0x015A, 'S', 0x0301}, {0x015C, 'S', 0x0302}, {0x015E, 'S', 0x0327}, {0x0160, 'S', 0x030C},
    {0x0162, 'T', 0x0327}, {0x0164, 'T', 0x030C}, {0x0168, 'U', 0x0303}, {0x016A, 'U', 0x0304},
    {0x016C, 'U', 0x0306}, {0x016E, 'U', 0x030A}, {0x0170, 'U', 0x030B}, {0x0172, 'U', 0x0328},
    {0x0174, 'W', 0x0302}, {0x0176, 'Y', 0x0302}, {0x0179, 'Z', 0x0301}, {0x017B, 'Z', 0x0307},
    {0x017D, 'Z', 0x030C},
};

// Greek and Cyrillic letters with marks. Sorted by cp.
constexpr Decomposition kGreekCyrillic[] = {
    {0x0386, 0x0391, 0x0301, 0}, {0x0388, 0x0395, 0x0301, 0}, {0x0389, 0x0397, 0x0301, 0},
    {0x038A, 0x0399, 0x0301, 0}, {0x038C, 0x039F, 0x0301, 0}, {0x038E, 0x03A5, 0x0301, 0},
    {0x038F, 0x03A9, 0x0301, 0}, {0x0390, 0x03B9, 0x0308, 0x0301}, {0x03AA, 0x0399, 0x0308, 0},
    {0x03AB, 0x03A5, 0x0308, 0}, {0x03AC, 0x03B1, 0x0301, 0}, {0x03AD, 0x03B5, 0x0301, 0},
    {0x03AE, 0x03B7, 0x0301, 0}, {0x03AF, 0x03B9, 0x0301, 0}, {0x03B0, 0x03C5, 0x0308, 0x0301},
    {0x03CA, 0x03B9, 0x0308, 0}, {0x03CB, 0x03C5, 0x0308, 0}, {0x03CC, 0x03BF, 0x0301, 0},
    {0x03CD, 0x03C5, 0x0301, 0}, {0x03CE, 0x03C9, 0x0301, 0}, {0x0401, 0x0415, 0x0308, 0},
    {0x0407, 0x0406, 0x0308, 0}, {0x040E, 0x0423, 0x0306, 0}, {0x0419, 0x0418, 0x0306, 0},
    {0x0439, 0x0438, 0x0306, 0}, {0x0451, 0x0435, 0x0308, 0}, {0x0457, 0x0456, 0x0308, 0},
    {0x045E, 0x0443, 0x0306, 0},
};

// Latin-1 letters 0xC0..0xDF by (cp & 0x1F): base letter ('\0' = no decomposition) and mark.
constexpr char kLatin1Base[33] = "AAAAAA\0CEEEEIIII\0NOOOOO\0\0UUUUY\0\0";
constexpr std::array<char32_t, 32> kLatin1Mark = {
    0x0300, 0x0301, 0x0302, 0x0303, 0x0308, 0x030A, 0, 0x0327, 0x0300, 0x0301, 0x0302, 0x0308, 0x0300, 0x0301, 0x0302, 0x0308,
    0,      0x0303, 0x0300, 0x0301, 0x0302, 0x0303, 0x0308, 0, 0, 0x0300, 0x0301, 0x0302, 0x0308, 0x0301, 0, 0};

// Compatibility mappings (NFKD/NFKC only): cp -> up to three code points. Sorted by cp.
struct Compat {
    char32_t cp;
    char32_t to[3];
};
constexpr Compat kCompat[] = {
    {0x00A0, {0x20}}, {0x00A8, {0x20, 0x0308}}, {0x00AA, {'a'}}, {0x00AF, {0x20, 0x0304}}, {0x00B2, {'2'}},
    {0x00B3, {'3'}}, {0x00B4, {0x20, 0x0301}}, {0x00B5, {0x03BC}}, {0x00B8, {0x20, 0x0327}}, {0x00B9, {'1'}},
    {0x00BA, {'o'}}, {0x00BC, {'1', 0x2044, '4'}}, {0x00BD, {'1', 0x2044, '2'}}, {0x00BE, {'3', 0x2044, '4'}},
    {0x0132, {'I', 'J'}}, {0x0133, {'i', 'j'}}, {0x013F, {'L', 0x00B7}}, {0x0140, {'l', 0x00B7}},
    {0x0149, {0x02BC, 'n'}}, {0x017F, {'s'}}, {0x2011, {0x2010}}, {0x2024, {'.'}}, {0x2025, {'.', '.'}},
    {0x2026, {'.', '.', '.'}}, {0x202F, {0x20}}, {0x205F, {0x20}}, {0x2070, {'0'}}, {0x2074, {'4'}},
    {0x2075, {'5'}}, {0x2076, {'6'}}, {0x2077, {'7'}}, {0x2078, {'8'}}, {0x2079, {'9'}}, {0x2122, {'T', 'M'}},
    {0x3000, {0x20}}, {0xFB00, {'f', 'f'}}, {0xFB01, {'f', 'i'}}, {0xFB02, {'f', 'l'}}, {0xFB03, {'f', 'f', 'i'}},
    {0xFB04, {'f', 'f', 'l'}}, {0xFB05, {'s', 't'}}, {0xFB06, {'s', 't'}}, {0xFF61, {0x3002}}, {0xFF62, {0x300C}},
    {0xFF63, {0x300D}},
};

static_assert(sortedDisjoint(kPunctuation) && sortedDisjoint(kFormatOrPrivate) && sortedDisjoint(kNonspacing));
static_assert(sortedByCp(kGreekCyrillic) && sortedByCp(kCompat));

// The compatibility mapping of cp into `out`; false when the table has none.
bool appendCompat(std::u32string &out, char32_t cp)
{
    if (cp >= 0xFF01 && cp <= 0xFF5E) { // fullwidth ASCII
        out.push_back(cp - 0xFEE0);
        return true;
    }
    if ((cp >= 0x2000 && cp <= 0x200A)) { // en quad .. hair space
        out.push_back(U' ');
        return true;
    }
    if (cp == 0xFF64) {
        out.push_back(0x3001);
        return true;
    }
    if (cp == 0xFF65) {
        out.push_back(0x30FB);
        return true;
    }
    const auto it = std::lower_bound(std::begin(kCompat), std::end(kCompat), cp, [](const Compat &c, char32_t v) { return c.cp < v; });
    if (it == std::end(kCompat) || it->cp != cp)
        return false;
    for (char32_t t : it->to)
        if (t != 0)
            out.push_back(t);
    return true;
}

} // namespace

bool isBertWhitespace(char32_t cp)
{
    return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == 0xA0 || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool isBertControl(char32_t cp)
{
    if (cp == U'\t' || cp == U'\n' || cp == U'\r')
        return false;
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return true;
    return inRanges(kFormatOrPrivate, cp);
}

bool isBertPunctuation(char32_t cp)
{
    if (cp < 0x80)
        return (cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126);
    return inRanges(kPunctuation, cp);
}

bool isBertChineseChar(char32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

bool isNonspacingMark(char32_t cp)
{
    return cp >= 0x300 && inRanges(kNonspacing, cp);
}

void appendLowercase(std::u32string &out, char32_t cp)
{
    const auto in = [cp](char32_t a, char32_t b) { return cp >= a && cp <= b; };
    char32_t lower = cp;
    if (in('A', 'Z') || (in(0xC0, 0xDE) && cp != 0xD7))
        lower = cp + 0x20;
    else if (cp == 0x130) { // İ: Python gives "i̇"
        out.push_back(U'i');
        out.push_back(0x307);
        return;
    } else if ((in(0x100, 0x137) || in(0x14A, 0x177)) && cp % 2 == 0)
        lower = cp + 1;
    else if ((in(0x139, 0x148) || in(0x179, 0x17E)) && cp % 2 == 1)
        lower = cp + 1;
    else if (cp == 0x178)
        lower = 0xFF;
    else if (cp == 0x386)
        lower = 0x3AC;
    else if (in(0x388, 0x38A))
        lower = cp + 37;
    else if (cp == 0x38C)
        lower = 0x3CC;
    else if (in(0x38E, 0x38F))
        lower = cp + 63;
    else if (in(0x391, 0x3AB) && cp != 0x3A2)
        lower = cp + 32;
    else if (in(0x400, 0x40F))
        lower = cp + 80;
    else if (in(0x410, 0x42F))
        lower = cp + 32;
    else if ((in(0x460, 0x481) || in(0x48A, 0x4BF) || in(0x4D0, 0x52F)) && cp % 2 == 0)
        lower = cp + 1;
    else if (in(0x531, 0x556))
        lower = cp + 48;
    else if (cp == 0x1E9E)
        lower = 0xDF;
    else if ((in(0x1E00, 0x1E95) || in(0x1EA0, 0x1EFF)) && cp % 2 == 0)
        lower = cp + 1;
    else if (in(0xFF21, 0xFF3A))
        lower = cp + 32;
    out.push_back(lower);
}

void appendNfd(std::u32string &out, char32_t cp)
{
    if (cp < 0xC0) {
        out.push_back(cp);
        return;
    }
    if (cp < 0x100) {
        const char base = kLatin1Base[cp & 0x1F];
        if (cp == 0xFF) { // ÿ
            out.push_back(U'y');
            out.push_back(0x308);
        } else if (base == '\0' || cp == 0xD7 || cp == 0xF7) {
            out.push_back(cp);
        } else {
            out.push_back(static_cast<char32_t>(base) + (cp >= 0xE0 ? 0x20 : 0));
            out.push_back(kLatin1Mark[cp & 0x1F]);
        }
        return;
    }
    if (cp < 0x180) {
        if (cp == 0x178) { // Ÿ
            out.push_back(U'Y');
            out.push_back(0x308);
            return;
        }
        if (cp == 0x130) { // İ
            out.push_back(U'I');
            out.push_back(0x307);
            return;
        }
        for (const PairEntry &e : kLatinExtA) {
            if (e.upper == cp || e.upper + 1 == cp) {
                out.push_back(static_cast<char32_t>(e.base) + (cp == e.upper ? 0 : 0x20));
                out.push_back(e.mark);
                return;
            }
        }
        out.push_back(cp);
        return;
    }
    if (cp >= 0xAC00 && cp <= 0xD7A3) { // Hangul syllable -> L V (T) jamo
        const char32_t s = cp - 0xAC00;
        out.push_back(0x1100 + s / (21 * 28));
        out.push_back(0x1161 + (s % (21 * 28)) / 28);
        if (s % 28 != 0)
            out.push_back(0x11A7 + s % 28);
        return;
    }
    const auto it = std::lower_bound(std::begin(kGreekCyrillic), std::end(kGreekCyrillic), cp,
                                     [](const Decomposition &d, char32_t v) { return d.cp < v; });
    if (it != std::end(kGreekCyrillic) && it->cp == cp) {
        out.push_back(it->base);
        out.push_back(it->mark1);
        if (it->mark2 != 0)
            out.push_back(it->mark2);
        return;
    }
    out.push_back(cp);
}

void appendNfkd(std::u32string &out, char32_t cp)
{
    std::u32string mapped;
    if (!appendCompat(mapped, cp)) {
        appendNfd(out, cp);
        return;
    }
    for (char32_t c : mapped)
        appendNfd(out, c);
}

void appendNfkc(std::u32string &out, char32_t cp)
{
    if (!appendCompat(out, cp))
        out.push_back(cp);
}

std::u32string stripAccents(std::u32string_view text)
{
    std::u32string decomposed;
    decomposed.reserve(text.size() + 4);
    for (char32_t cp : text)
        appendNfd(decomposed, cp);
    std::u32string out;
    out.reserve(decomposed.size());
    for (char32_t cp : decomposed)
        if (!isNonspacingMark(cp))
            out.push_back(cp);
    return out;
}

std::u32string lowercase(std::u32string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    for (char32_t cp : text)
        appendLowercase(out, cp);
    return out;
}

} // namespace lm
