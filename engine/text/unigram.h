#pragma once
// SentencePiece's unigram language model (kind "unigram") as Hugging Face serialises it in
// tokenizer.json (ALBERT, T5, XLNet).
//   Vocabulary: pieces with log-probability scores, id = index; model.unk_id names the unknown.
//   Added tokens ("[CLS]", "<pad>", "</s>", "<extra_id_0>", …) are matched literally in the raw
//   text first (leftmost, longest), as if their "normalized" were false; "lstrip"/"rstrip"
//   swallow the whitespace on that side; "single_word" is ignored. Their ids may extend the
//   vocabulary (T5's extra ids).
//   The text between added tokens is normalised, pre-tokenised into words, and each word is cut
//   by Viterbi: the segmentation into pieces with the highest summed score. A character no piece
//   covers costs (lowest score - 10) and becomes the unknown id; consecutive unknown characters
//   fuse into one unknown, as sentencepiece does.
// Normalizers supported (a "Sequence" of them, nested at most 8 deep):
//   Replace      pattern {"String": s} (every occurrence, left to right), or {"Regex": r} where r
//                is a run of spaces: " {N,}" or " +" (nothing else); "content" replaces it.
//   NFD, NFKD, NFKC, NFC, StripAccents, Lowercase: over the tables of text/unicodenorm.h (NFC
//                is the identity: text is taken as precomposed).
//   Strip        "strip_left"/"strip_right" remove whitespace at the ends.
//   Precompiled  the identity: sentencepiece's compiled charsmap (an NFKC variant) is not
//                interpreted, so fullwidth forms and the like reach the model unchanged.
// Pre-tokenizers: Metaspace ("replacement", one character, usually "▁"; "prepend_scheme"
// "always"/"first"/"never", or the older "add_prefix_space"; "split", default true: the text is
// cut before each replacement), WhitespaceSplit, Sequence of these; null = the whole text is
// one word.
// Decoding joins pieces and added tokens, turns the replacement character into a space and drops
// one leading space: decode(encode(s)) == s for text of known characters, single spaces, no
// leading space and no normalisation that changes it.
// JSON form (toJson): {"kind":"unigram","version":1} plus the fields "model", "added_tokens",
// "normalizer", "pre_tokenizer" of tokenizer.json as this class understands them (a
// Precompiled normalizer without its charsmap).
#include "text/encodedpair.h"
#include "text/tokenizer.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lm {

class UnigramTokenizer final : public Tokenizer {
public:
    struct Piece {
        std::string text; // UTF-8, not empty
        double score;     // log-probability; higher is more likely
    };
    struct AddedToken {
        std::string content; // matched literally
        std::int32_t id = 0;
        bool special = true;
        bool lstrip = false; // swallow whitespace before it
        bool rstrip = false; // swallow whitespace after it
    };

    // A Hugging Face tokenizer.json whose model.type is "Unigram". Errors name the file and the
    // field: unreadable or larger than 64 MiB, not JSON, not an object, model missing or not
    // Unigram, model.vocab missing or empty or an entry that is not [string, number] (or an
    // empty, duplicate or invalid UTF-8 piece), model.unk_id missing or out of range,
    // byte_fallback true (not supported), an added token without string content or integer id,
    // with an id that disagrees with model.vocab or leaves a gap after it, an unsupported
    // normalizer or pre-tokenizer type or pattern, a field of the wrong type. Never throws.
    static Result<UnigramTokenizer> loadTokenizerJson(const std::string &path);

    // The same from a parsed tokenizer.json (or the toJson form); `source` starts each error.
    static Result<UnigramTokenizer> fromHfJson(const nlohmann::json &root, const std::string &source);

    // The tokenizer of a toJson() value. Never throws.
    static Result<UnigramTokenizer> fromJson(const nlohmann::json &json);

    // A unigram model of `utf8Text`: no normalizer, Metaspace ("▁", always, split) as
    // pre-tokenizer, so newlines and tabs stay inside words and are pieces of their own. Ids 0..4
    // are the added tokens <pad> <unk> [CLS] [SEP] [MASK] (ALBERT's; unk_id 1, [MASK] with
    // lstrip), or opts.leadingSpecials in their order (unk_id: "<unk>"); opts.trailingSpecials
    // come after the learnt pieces (T5's "<extra_id_N>"). [MASK] and <mask> take lstrip. Seeds: every character plus the most frequent substrings of 2..8 characters of the
    // words (count x length, at most 4 x the target) that do not mix letters, digits,
    // punctuation, CJK and whitespace ("▁" may lead any of them); then rounds of hard EM
    // (Viterbi counts -> log-probabilities, an unused piece counted as 0.1) and pruning of the
    // least used multi-character pieces (a quarter per round) until opts.maxVocab pieces
    // (0 = 2000) remain, or fewer when the text has fewer seeds; single characters are always
    // kept (the most frequent, if they alone exceed the budget). With opts.minCount > 1, pieces
    // the last segmentation uses fewer than minCount times are dropped. Deterministic. Throws
    // std::invalid_argument for invalid UTF-8, maxVocab > 0 but not above the special tokens' count
    // or < 0, minCount < 1, leading specials without "<unk>".
    static UnigramTokenizer train(std::string_view utf8Text, const TokenizerOptions &opts);

    std::string kind() const override { return "unigram"; }
    int vocabSize() const override { return static_cast<int>(m_pieces.size()); }
    // Throws std::invalid_argument for invalid UTF-8, or when a normalizer grows the text past
    // 64 x its size + 4096 bytes (a malicious Replace chain).
    std::vector<std::int32_t> encode(std::string_view utf8Text) const override;
    std::string decode(const std::vector<std::int32_t> &ids) const override;
    // The piece as written in the vocabulary ("▁the", "[CLS]"), control characters escaped.
    std::string tokenText(std::int32_t id) const override;
    nlohmann::json toJson() const override;
    // The id of a piece or added token, written as in tokenizer.json.
    std::optional<std::int32_t> tokenId(std::string_view token) const override;

    // ALBERT's input: "[CLS] A [SEP]" or "[CLS] A [SEP] B [SEP]" with token types 0/1 when the
    // vocabulary has "[CLS]" and "[SEP]"; without them the encodings are just concatenated (types
    // 0 then 1). Truncation and exceptions as assembleForModel (text/encodedpair.h).
    EncodedPair encodeForModel(std::string_view a, std::optional<std::string_view> b, int maxLength) const;

    std::int32_t unkId() const { return m_unkId; }
    const std::vector<Piece> &pieces() const { return m_pieces; }
    const std::vector<AddedToken> &addedTokens() const { return m_added; }

    // Normalizer and pre-tokenizer steps (parsed from tokenizer.json).
    struct NormStep {
        enum class Kind { Replace, SpaceRun, Nfd, Nfkd, Nfkc, Nfc, StripAccents, Lowercase, Strip, Precompiled };
        Kind kind = Kind::Replace;
        std::u32string pattern, content; // Replace: literal pattern; Replace/SpaceRun: content
        int minRun = 1;                  // SpaceRun: the shortest run of spaces replaced
        bool left = true, right = true;  // Strip
    };
    struct PreStep {
        enum class Kind { Metaspace, WhitespaceSplit };
        enum class Prepend { Always, First, Never };
        Kind kind = Kind::Metaspace;
        char32_t replacement = U'\u2581';
        Prepend prepend = Prepend::Always;
        bool split = true;
    };

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using IdMap = std::unordered_map<std::string, std::int32_t, Hash, std::equal_to<>>;

    UnigramTokenizer() = default;
    // One unit of the pre-tokenised text: an added token's id, or a word for Viterbi.
    struct Unit {
        std::int32_t added = -1; // >= 0: this added token
        std::string word;        // else: the word, UTF-8
    };
    // Added tokens cut out, the rest normalised and pre-tokenised, in text order. Valid UTF-8.
    std::vector<Unit> preTokenize(std::string_view text) const;
    // Viterbi over one word (UTF-8), appending ids (and the fused unknowns).
    void encodeWord(std::string_view word, std::vector<std::int32_t> &out) const;
    std::u32string normalize(std::u32string text) const;
    std::optional<Error> finish(const std::string &source); // builds the lookups; checks pieces and added tokens

    std::vector<Piece> m_pieces;                            // id = index (added tokens beyond the model included)
    std::int32_t m_modelSize = 0;                           // pieces from model.vocab; the rest are added-only
    std::int32_t m_unkId = 0;
    std::vector<AddedToken> m_added;
    std::vector<NormStep> m_norm;
    std::vector<PreStep> m_pre;                             // empty: each section is one word
    IdMap m_idOf;                                           // model pieces -> id (Viterbi)
    IdMap m_addedOf;                                        // added content -> id
    std::vector<std::pair<std::string, std::int32_t>> m_sorted; // model pieces by bytes, for the prefix search
    double m_unkScore = -10.0;
};

} // namespace lm
