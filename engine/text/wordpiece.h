#pragma once
// WordPiece (kind "wordpiece"), BERT's tokenizer: BasicTokenizer, then greedy longest-match-first
// WordPiece, as Hugging Face's BertTokenizer does it.
//   1. Special tokens [PAD] [UNK] [CLS] [SEP] [MASK] written literally in the text are never split
//      ("the [MASK] is red" gives the id of [MASK]); matching is exact and case-sensitive, before
//      any normalisation. The text between them goes through steps 2-5.
//   2. Clean: U+0000, U+FFFD and control/format characters are dropped, whitespace becomes " ".
//   3. Every Chinese ideograph gets spaces around it (optional, on by default), then the text is
//      split on whitespace.
//   4. Each word is lower-cased (optional) and its accents stripped (NFD, nonspacing marks
//      dropped; optional, by default on exactly when lower-casing), then split so that each
//      punctuation character is a word of its own. The character tables and their limits are
//      those of text/unicodenorm.h (NFD covers Latin-1, Latin Extended-A, Greek, a few Cyrillic
//      letters and Hangul; other precomposed letters keep their accents).
//   5. WordPiece per word: the longest vocabulary entry that starts the word, then repeatedly the
//      longest "##"-prefixed entry that continues it; a word longer than 100 characters, or one
//      that cannot be covered to its end, becomes a single [UNK].
// Vocabulary: token i is a UTF-8 string (no line breaks); the five special tokens must be in it.
// Decoding joins tokens with spaces, glues "##" pieces to the token before them (without the
// "##"), writes CJK characters (text/utf8.h isCjk) next to each other without a space, and then,
// as Hugging Face's clean_up_tokenization_spaces, removes the space before . , ! ? and before
// 's 've 're 'm n't. So decode(encode(s)) is the lower-cased, accent-stripped, re-spaced s:
// "Héllo, 世界!" -> "hello, 世界!".
// JSON form: {"kind":"wordpiece","version":1,"vocab":[token, index = id],"lowercase":bool,
// "strip_accents":bool,"chinese_chars":bool}.
#include "text/encodedpair.h"
#include "text/tokenizer.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lm {

struct WordPieceOptions {
    bool lowercase = true;    // HF do_lower_case
    bool stripAccents = true; // HF strip_accents (null there means: as lowercase)
    bool chineseChars = true; // HF tokenize_chinese_chars
};

class WordPieceTokenizer final : public Tokenizer {
public:
    static constexpr int kMaxWordChars = 100; // HF max_input_chars_per_word
    // The special tokens, in the order of the ids train() gives them ([PAD]=0 ... [MASK]=4).
    static constexpr std::array<std::string_view, 5> kSpecialTokens = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"};

    // A tokenizer with vocabulary `vocab` (id = index). Errors, naming `source` and the id:
    // an empty vocabulary, more than 2^24 tokens, an empty token, a token with "\n" or "\r" or
    // invalid UTF-8, a duplicate token, a missing special token ("<source>: no [MASK] token").
    // Never throws.
    static Result<WordPieceTokenizer> fromVocab(std::vector<std::string> vocab, const WordPieceOptions &opts,
                                                const std::string &source = "WordPiece vocabulary");

    // BERT's files: vocab.txt (one token per line, id = line number - 1; a final line break and
    // CRLF line ends are accepted) and tokenizer_config.json, which is optional (a path that does
    // not exist, or "", gives the defaults): "do_lower_case" (bool, default true),
    // "strip_accents" (bool or null, null = as do_lower_case), "tokenize_chinese_chars" (bool,
    // default true); other fields are ignored. Errors name the file and the line or field:
    // missing or unreadable file, larger than 64 MiB, invalid UTF-8 ("vocab.txt:7: invalid
    // UTF-8"), empty vocabulary, empty line, duplicate token ("vocab.txt:9: duplicate token "a"
    // (also on line 3)"), no [PAD]/[UNK]/[CLS]/[SEP]/[MASK] ("vocab.txt: no [MASK] token"),
    // tokenizer_config.json that is not JSON or not an object, a field of the wrong type.
    // Never throws.
    static Result<WordPieceTokenizer> loadVocabTxt(const std::string &vocabPath, const std::string &tokenizerConfigPath);

    // A vocabulary learnt from `utf8Text` (split by steps 2-4, lower-casing and accent stripping
    // as `lowercase`, Chinese characters split): ids 0..4 are the special tokens, then every
    // character seen, word-initial forms (sorted by code point) before "##" forms (the same),
    // then merges: the pair of adjacent pieces (within a word) with the highest count becomes a
    // new piece (left + right without its "##"; ties: the lowest ids), as Hugging Face's
    // WordPiece trainer does through BPE, until opts.maxVocab tokens (0 = 2000) or no pair occurs
    // opts.minCount times. When the characters alone exceed the budget, the most frequent are
    // kept. Deterministic. Throws std::invalid_argument for invalid UTF-8, maxVocab in 1..5 or
    // < 0, minCount < 1.
    static WordPieceTokenizer train(std::string_view utf8Text, const TokenizerOptions &opts, bool lowercase = true);

    // The tokenizer of a toJson() value, every field checked (as fromVocab, plus missing or
    // mistyped fields). Never throws.
    static Result<WordPieceTokenizer> fromJson(const nlohmann::json &json);

    // Steps 2-4 on `utf8Text` (no special-token matching): the words WordPiece would see.
    // Throws std::invalid_argument for invalid UTF-8.
    static std::vector<std::string> basicTokenize(std::string_view utf8Text, const WordPieceOptions &opts);

    std::string kind() const override { return "wordpiece"; }
    int vocabSize() const override { return static_cast<int>(m_vocab.size()); }
    // No special tokens are added (see encodeForModel). Throws std::invalid_argument("... invalid
    // UTF-8 at byte offset N") for invalid UTF-8.
    std::vector<std::int32_t> encode(std::string_view utf8Text) const override;
    std::string decode(const std::vector<std::int32_t> &ids) const override;
    // The token as written in the vocabulary ("##ing", "[MASK]"), control characters escaped.
    std::string tokenText(std::int32_t id) const override;
    nlohmann::json toJson() const override;
    std::optional<std::int32_t> tokenId(std::string_view token) const override { return find(token); }

    // Id of a vocabulary entry written as in vocab.txt ("##ing", "[MASK]"), or nullopt.
    std::optional<std::int32_t> find(std::string_view token) const;

    std::int32_t padId() const { return m_special[0]; }
    std::int32_t unkId() const { return m_special[1]; }
    std::int32_t clsId() const { return m_special[2]; }
    std::int32_t sepId() const { return m_special[3]; }
    std::int32_t maskId() const { return m_special[4]; }

    // "[CLS] A [SEP]" or "[CLS] A [SEP] B [SEP]" with token types 0/1, truncated longest-first
    // to maxLength ids (0 = no limit); see assembleForModel (text/encodedpair.h) for the rule
    // and the exceptions. Throws std::invalid_argument for invalid UTF-8 as encode.
    EncodedPair encodeForModel(std::string_view a, std::optional<std::string_view> b, int maxLength) const;

    const std::vector<std::string> &vocab() const { return m_vocab; }
    const WordPieceOptions &options() const { return m_opts; }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    WordPieceTokenizer() = default;
    void encodeWord(const std::string &word, std::vector<std::int32_t> &out) const;

    std::vector<std::string> m_vocab;                                             // token of id i
    std::unordered_map<std::string, std::int32_t, Hash, std::equal_to<>> m_idOf; // inverse of m_vocab
    std::array<std::int32_t, 5> m_special{};                                     // ids of kSpecialTokens
    std::size_t m_maxTokenBytes = 0;                                             // longest entry, for the match loop
    WordPieceOptions m_opts;
};

} // namespace lm
