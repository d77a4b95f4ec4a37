#pragma once
// Byte-level BPE (kind "bpe"), as GPT-2 does it.
//   Vocabulary: token i is a byte string; every single byte has a token, so any UTF-8 text
//   encodes and decode(encode(s)) == s for every valid UTF-8 s (Chinese, emoji included).
//   Merges: an ordered list of id pairs (left, right); rank = position in the list; the merged
//   token is tokens[left] + tokens[right] and must be in the vocabulary.
//   Encoding: the text is cut into chunks (preTokenize), each chunk starts as its bytes and the
//   adjacent pair with the lowest rank is merged everywhere in the chunk (left to right) until no
//   pair has a merge; chunks never merge across their borders.
// Two sources: train() (ids 0..255 are the bytes, merge k creates id 256 + k) and loadGpt2()
// (Hugging Face vocab.json + merges.txt, tokens written in GPT-2's bytes_to_unicode alphabet).
// JSON form: {"kind":"bpe","version":1,"vocab":[token in the bytes_to_unicode alphabet, index =
// id], "merges":[[left, right], ...]}.
#include "text/tokenizer.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lm {

class BpeTokenizer final : public Tokenizer {
public:
    using Merge = std::pair<std::int32_t, std::int32_t>;

    // tokens[i] is the bytes of id i, merges in rank order. Throws std::invalid_argument for an
    // empty or duplicate token, a byte without a single-byte token, a merge id out of range, a
    // merge whose result is not a token, a duplicate merge, or more than 2^24 tokens.
    BpeTokenizer(std::vector<std::string> tokens, std::vector<Merge> merges);

    // Trains on `utf8Text`: starts from the 256 bytes and adds the most frequent adjacent pair
    // within chunks (counts over all chunks) until vocabSize() == opts.maxVocab (0 = 512) or no
    // pair occurs at least opts.minCount times. Ties: the smallest (left id, right id).
    // Deterministic. Throws std::invalid_argument for invalid UTF-8, maxVocab in 1..255 or < 0,
    // minCount < 1.
    static BpeTokenizer train(std::string_view utf8Text, const TokenizerOptions &opts);

    // GPT-2's tokenizer from a Hugging Face vocab.json ({"token": id}) and merges.txt ("#version"
    // line optional, then "left right" per line). Errors name the file and the line (or key):
    // unreadable file, larger than 64 MiB, bad JSON, ids not exactly 0..n-1, a character outside
    // the bytes_to_unicode alphabet, a merge line that is not two tokens, a merge naming an
    // unknown token or producing one. Never throws.
    static Result<BpeTokenizer> loadGpt2(const std::string &vocabJsonPath, const std::string &mergesTxtPath);

    // GPT-2's pre-tokenisation, by hand over code points, as its regex
    //   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
    // Letters and numbers are approximated (isBpeLetter/isBpeNumber): exact for ASCII and Latin-1,
    // close for the rest (CJK and other scripts are letters, emoji and symbols are "other").
    // Views point into `utf8Text`, which must be valid UTF-8 (throws std::invalid_argument).
    static std::vector<std::string_view> preTokenize(std::string_view utf8Text);

    // GPT-2's bytes_to_unicode: the printable code point that stands for byte b in vocab files.
    static char32_t byteToUnicode(unsigned char b);

    std::string kind() const override { return "bpe"; }
    int vocabSize() const override { return static_cast<int>(m_tokens.size()); }
    // Throws std::invalid_argument("... invalid UTF-8 at byte offset N") for invalid UTF-8.
    std::vector<std::int32_t> encode(std::string_view utf8Text) const override;
    std::string decode(const std::vector<std::int32_t> &ids) const override;
    std::string tokenText(std::int32_t id) const override;
    nlohmann::json toJson() const override;
    // The id of the token whose bytes are `token` (not the bytes_to_unicode spelling); a linear
    // search, for occasional lookups.
    std::optional<std::int32_t> tokenId(std::string_view token) const override;

    const std::vector<std::string> &tokens() const { return m_tokens; }
    const std::vector<Merge> &merges() const { return m_merges; }

private:
    struct MergeInfo {
        std::int32_t rank;
        std::int32_t result;
    };
    static std::uint64_t key(std::int32_t a, std::int32_t b)
    {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(a)) << 32) | static_cast<std::uint32_t>(b);
    }
    void encodeChunk(std::string_view chunk, std::vector<std::int32_t> &out) const;

    std::vector<std::string> m_tokens;                     // bytes of id i
    std::vector<Merge> m_merges;                           // rank order
    std::unordered_map<std::uint64_t, MergeInfo> m_mergeOf; // key(left, right) -> rank, result
    std::array<std::int32_t, 256> m_byteId{};              // id of the single-byte token b
};

} // namespace lm
