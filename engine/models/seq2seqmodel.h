#pragma once
// What every encoder–decoder family (Direction::EncoderDecoder in the architecture table) offers
// beyond LanguageModel: a source and a decoder input in, the decoder's logits out, with the three
// kinds of attention recorded. The CLI and the app use this, never a family's own class.
//
// Legend: B = batch, Ts = source tokens, Td = decoder tokens, V = vocab.
#include "models/languagemodel.h"

#include <cstdint>
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

class Seq2SeqModel : public LanguageModel {
public:
    // The token the decoder starts from (Hugging Face's decoder_start_token_id).
    virtual std::int32_t decoderStart() const = 0;
    // The decoder's logits (B, Td, V) for `input`, without gradients. `trace` records batch row
    // 0: the encoder's self-attention "layer{l}.head{h}.attention" (Ts, Ts), the decoder's
    // self-attention "decoder.layer{l}.head{h}.attention" (Td, Td) and its cross-attention
    // "cross.layer{l}.head{h}.attention" (Td, Ts). Throws std::invalid_argument on sizes that do
    // not match or an id outside V.
    virtual Tensor forward(const Seq2SeqInput &input, Trace *trace = nullptr) = 0;
};

} // namespace lm
