#pragma once
// Tokenizers: text <-> token ids. Three kinds live here (others in their own files: "bpe" in
// text/bpe.h, "wordpiece" in text/wordpiece.h, "unigram" in text/unigram.h):
//   byte  256 ids, one per byte; any byte string round-trips.
//   char  one id per Unicode code point seen in training; id 0 is <unk>.
//   word  whitespace-separated words, each punctuation mark and each CJK character its own
//         token, "\n" kept as a token; id 0 is <unk>.
// A tokenizer is immutable after construction, so const methods are safe from several threads.
// Its JSON form (toJson) is stored in checkpoint metadata; tokenizerFromJson reads it back.
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lm {

struct TokenizerOptions {
    int maxVocab = 0; // cap on vocabSize() including <unk>; 0 = no cap. Ignored by "byte".
    int minCount = 1; // tokens seen fewer times in training are left out. Ignored by "byte".
    // "unigram" only (the others refuse them): the added tokens to reserve instead of ALBERT's
    // five. leadingSpecials take ids 0.. in order and must hold "<unk>"; trailingSpecials follow
    // the learnt pieces (T5's sentinels). Both count towards maxVocab.
    std::vector<std::string> leadingSpecials, trailingSpecials;
};

class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    // "byte", "char", "word", "bpe", "wordpiece" or "unigram"; the value of "kind" in toJson().
    virtual std::string kind() const = 0;
    // Number of ids; valid ids are 0 .. vocabSize() - 1.
    virtual int vocabSize() const = 0;
    // Ids of `utf8Text`. Text the vocabulary does not cover maps to <unk> (char, word).
    // char/word throw std::invalid_argument("... invalid UTF-8 at byte offset N") for
    // invalid UTF-8; validate first (loadCorpus does). byte accepts any bytes.
    virtual std::vector<std::int32_t> encode(std::string_view utf8Text) const = 0;
    // Text of `ids`; throws std::invalid_argument naming the first id outside 0 .. vocabSize()-1.
    virtual std::string decode(const std::vector<std::int32_t> &ids) const = 0;
    // Printable label of one id for plots and tables: control characters and bytes that are
    // not printable ASCII are escaped ("\\n", "\\t", "\\x0B", "\\xC3"), a space is "␣", id 0 of
    // char/word is "<unk>". Throws std::invalid_argument for an id out of range.
    virtual std::string tokenText(std::int32_t id) const = 0;
    // Everything needed to rebuild this tokenizer: {"kind": ..., "version": 1, ...}.
    virtual nlohmann::json toJson() const = 0;
    // The id of one vocabulary entry written as text, e.g. "[MASK]", "##ing", "▁the" (wordpiece,
    // unigram), a word or "<unk>" (word), one character (char), the token's bytes (bpe); nullopt
    // when there is no such entry or the kind has no lookup (byte).
    virtual std::optional<std::int32_t> tokenId(std::string_view token) const
    {
        (void)token;
        return std::nullopt;
    }

protected:
    void checkId(std::int32_t id) const; // throws std::invalid_argument when out of range
};

// Bytes as tokens: encode(s) is the bytes of s, decode(encode(s)) == s for every byte string.
class ByteTokenizer final : public Tokenizer {
public:
    std::string kind() const override { return "byte"; }
    int vocabSize() const override { return 256; }
    std::vector<std::int32_t> encode(std::string_view utf8Text) const override;
    std::string decode(const std::vector<std::int32_t> &ids) const override;
    std::string tokenText(std::int32_t id) const override;
    nlohmann::json toJson() const override;
};

// Code points as tokens. decode(encode(s)) == s exactly when s is valid UTF-8 and every code
// point of s is in the vocabulary; an unknown code point encodes to 0 and decodes to "<unk>".
class CharTokenizer final : public Tokenizer {
public:
    static constexpr std::int32_t kUnkId = 0;

    // chars[i] is the code point of id i + 1. Throws std::invalid_argument for a duplicate,
    // a surrogate or a value above U+10FFFF.
    explicit CharTokenizer(std::vector<char32_t> chars);

    // Vocabulary of `utf8Text`: code points by count (descending), ties by code point, those
    // seen fewer than minCount times dropped, capped at maxVocab ids including <unk>.
    // Throws std::invalid_argument for invalid UTF-8 or invalid options.
    static CharTokenizer train(std::string_view utf8Text, const TokenizerOptions &opts);

    std::string kind() const override { return "char"; }
    int vocabSize() const override { return static_cast<int>(m_chars.size()) + 1; }
    std::vector<std::int32_t> encode(std::string_view utf8Text) const override;
    std::string decode(const std::vector<std::int32_t> &ids) const override;
    std::string tokenText(std::int32_t id) const override;
    nlohmann::json toJson() const override; // "vocab": ["<unk>", "e", " ", ...], index = id
    std::optional<std::int32_t> tokenId(std::string_view token) const override; // one code point, or "<unk>"

    const std::vector<char32_t> &chars() const { return m_chars; }

private:
    std::vector<char32_t> m_chars;                       // code point of id i + 1
    std::unordered_map<char32_t, std::int32_t> m_idOf;   // inverse of m_chars
};

// Words as tokens.
// Segmentation (splitWords): whitespace separates tokens and is dropped, except "\n", which is
// a token; every punctuation character (isPunctuation) and every CJK character (isCjk) is a
// token of its own; any other run of characters is one word. So "It's 3.5!" gives
// It ' s 3 . 5 ! and "國王很老。" gives 國 王 很 老 。.
// Joining (decode): tokens are joined with one space, except no space next to "\n", none next
// to a CJK token (characters and CJK punctuation), none before , . ! ? ; : ) ] } and none after
// ( [ {. <unk> decodes to the text "<unk>".
// Round trip: decode(encode(s)) == s exactly when s is valid UTF-8, every token of s is in the
// vocabulary, and s is spaced as decode spaces it: single spaces only where decode puts one, no
// other whitespace than those spaces and "\n", no space at the start or end of a line. Example:
// "The king is old.\n國王很老。\n". Not round-tripping: "don't" (becomes "don ' t"), "3.5"
// ("3. 5"), double spaces, tabs, "\r".
class WordTokenizer final : public Tokenizer {
public:
    static constexpr std::int32_t kUnkId = 0;

    // words[i] is the token of id i + 1. Throws std::invalid_argument for a duplicate, an
    // empty string, "<unk>", invalid UTF-8, or a string that splitWords would not give back
    // as a single token.
    explicit WordTokenizer(std::vector<std::string> words);

    // Vocabulary of `utf8Text`: tokens by count (descending), ties by byte order of the text,
    // those seen fewer than minCount times dropped, capped at maxVocab ids including <unk>.
    // Throws std::invalid_argument for invalid UTF-8 or invalid options.
    static WordTokenizer train(std::string_view utf8Text, const TokenizerOptions &opts);

    // Tokens of `utf8Text` as described above, as copies. Throws
    // std::invalid_argument for invalid UTF-8.
    static std::vector<std::string> splitWords(std::string_view utf8Text);

    std::string kind() const override { return "word"; }
    int vocabSize() const override { return static_cast<int>(m_words.size()) + 1; }
    std::vector<std::int32_t> encode(std::string_view utf8Text) const override;
    std::string decode(const std::vector<std::int32_t> &ids) const override;
    std::string tokenText(std::int32_t id) const override;
    nlohmann::json toJson() const override; // "vocab": ["<unk>", "\n", ".", "the", ...], index = id
    std::optional<std::int32_t> tokenId(std::string_view token) const override { return find(token); }

    // Id of `word`, or nullopt when it is not in the vocabulary ("<unk>" gives kUnkId).
    std::optional<std::int32_t> find(std::string_view word) const;
    const std::vector<std::string> &words() const { return m_words; }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::vector<std::string> m_words;                                              // token of id i + 1
    std::unordered_map<std::string, std::int32_t, Hash, std::equal_to<>> m_idOf;   // inverse of m_words
};

// The tokenizer described by `json` (as written by toJson). Every field is checked: a JSON
// value that is not an object, a missing or unknown "kind", an unsupported "version", a
// "vocab" that is missing, not an array of strings, empty, without "<unk>" first, with
// duplicates, invalid UTF-8 or entries the kind cannot produce, or more than 2^24 entries,
// gives an Error naming the problem. Never throws.
Result<std::unique_ptr<Tokenizer>> tokenizerFromJson(const nlohmann::json &json);

// "bpe" is checked the same way: "vocab" (tokens in GPT-2's bytes_to_unicode alphabet, index = id)
// and "merges" (pairs of ids in rank order) must describe a valid BpeTokenizer (text/bpe.h);
// "wordpiece" and "unigram" by WordPieceTokenizer::fromJson and UnigramTokenizer::fromJson.
//
// A tokenizer of `kind` ("byte", "char", "word", "bpe", "wordpiece" or "unigram") trained on
// `trainingText`; for "bpe" opts.maxVocab is the target vocabulary size (0 = 512, else >= 256),
// for "wordpiece" and "unigram" too (0 = 2000, else >= 6; wordpiece lower-cases). Errors: an unknown
// kind (the message lists the valid kinds), invalid UTF-8 in the training text (char, word),
// maxVocab < 0 or == 1, minCount < 1. Training text with no tokens gives a vocabulary of only
// <unk>. Never throws.
Result<std::unique_ptr<Tokenizer>> buildTokenizer(const std::string &kind, std::string_view trainingText,
                                                  const TokenizerOptions &opts = {});

} // namespace lm
