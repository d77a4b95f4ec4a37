#pragma once
// What every encoder–decoder family (Direction::EncoderDecoder in the architecture table) offers
// beyond LanguageModel: a source and a decoder input in, the decoder's logits out, with the three
// kinds of attention recorded. The CLI and the app use this, never a family's own class.
//
// Legend: B = batch, Ts = source tokens, Td = decoder tokens, V = vocab.
#include "models/languagemodel.h"

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

namespace lm {

// A source and a decoder input, batched.
struct Seq2SeqInput {
    int batch = 1;                          // B
    int sourceTime = 0;                     // Ts
    std::vector<std::int32_t> source;       // (B, Ts)
    std::vector<std::uint8_t> paddingMask;  // (B, Ts) 1 = real token, 0 = padding; empty = none
    int decoderTime = 0;                    // Td
    std::vector<std::int32_t> decoder;      // (B, Td): the start token, then the target so far
};

// What incremental decoding keeps between steps: per decoder layer the self-attention's keys and
// values of the tokens read so far (growing by one position a step) and the cross-attention's
// keys and values of the source (computed at the first step, then reused).
struct KvSlot {
    Tensor keys, values; // (B, t, I); undefined until first filled
};
struct DecoderCache {
    int length = 0;                  // decoder tokens read so far
    std::vector<KvSlot> self, cross; // one per decoder layer
    // Beam search: row r becomes the old row rows[r] (rows may repeat or grow the batch).
    void keepRows(const std::vector<int> &rows);
    // The bytes the cache holds (self-attention grows with length; cross-attention stays put).
    std::int64_t selfBytes() const;
    std::int64_t crossBytes() const;
};

// Keys and values through a cache slot, for a family's attention: without a slot, k() and v() of
// the memory; a cross-attention slot (`fixed`) computes them once and then reuses them; a
// self-attention slot appends the new positions' k() and v() to what it holds.
std::pair<Tensor, Tensor> cachedKeysValues(KvSlot *slot, bool fixed, const std::function<Tensor()> &k,
                                           const std::function<Tensor()> &v);

class Seq2SeqModel : public LanguageModel {
public:
    // The token the decoder starts from (Hugging Face's decoder_start_token_id).
    virtual std::int32_t decoderStart() const = 0;
    // (B, Ts, d): the encoder stack's output. `trace` records batch row 0's self-attention as
    // "layer{l}.head{h}.attention" (Ts, Ts) and each layer's output as "layer{l}.hidden".
    virtual Tensor encode(const Seq2SeqInput &input, Trace *trace = nullptr, bool training = false) = 0;
    // (B, Td, d): the decoder stack's output over `encoded`. `trace` records the self-attention as
    // "decoder.layer{l}.head{h}.attention" (Td, Td) and the cross-attention as
    // "cross.layer{l}.head{h}.attention" (Td, Ts).
    virtual Tensor decode(const Seq2SeqInput &input, const Tensor &encoded, Trace *trace = nullptr,
                          bool training = false) = 0;
    // hidden (…, d) -> logits (…, V).
    virtual Tensor logits(const Tensor &hidden) const = 0;
    // One decoder step without gradients: `tokens` (B) are each row's next decoder input (position
    // cache.length), `encoded` the encoder's output (B', Ts, d) with its padding mask (empty: none),
    // read only while the cache has no cross-attention keys yet (then B' = B). Returns the logits
    // (B, V) for the position after; extends the cache. The same numbers as decode() over the whole
    // prefix. `trace` records, for batch row 0, "decoder.layer{l}.head{h}.attention" (1, t + 1) and
    // "cross.layer{l}.head{h}.attention" (1, Ts). Throws std::invalid_argument as decode does.
    virtual Tensor decodeStep(const std::vector<std::int32_t> &tokens, const Tensor &encoded,
                              const std::vector<std::uint8_t> &paddingMask, DecoderCache &cache,
                              Trace *trace = nullptr) = 0;

    // encode, decode and logits without gradients: (B, Td, V). Throws std::invalid_argument on
    // sizes that do not match or an id outside V (the families' encode/decode check).
    Tensor forward(const Seq2SeqInput &input, Trace *trace = nullptr);
    // A sequence-to-sequence batch (train/objectives/sequences.h): inputs (B, T) and paddingMask
    // for the encoder, decoderInputs (B, T'), targets (B, T') with kIgnore where nothing is
    // predicted -> the mean cross-entropy (dropout active).
    Tensor loss(const TokenBatch &batch) override;
    // An encoder–decoder writes a target for a source: throws std::logic_error.
    Tensor nextTokenLogits(const std::vector<std::int32_t> &context) override;
    // The encoder reads `ids`; the decoder reads the start token and ids[0 .. T−2] and row t is
    // its guess for ids[t] (reconstructing the source, as a denoising model is pre-trained to):
    // (T, V), with the trace of forward().
    Tensor sequenceLogits(const std::vector<std::int32_t> &ids, Trace *trace = nullptr) override;

protected:
    // Throws std::invalid_argument naming `who` on sizes that do not match (B, Ts, Td), an id
    // outside [0, vocab), or (maxTokens > 0) a side longer than maxTokens.
    static void checkInput(const Seq2SeqInput &input, int vocab, int maxTokens, const char *who);
};

} // namespace lm
