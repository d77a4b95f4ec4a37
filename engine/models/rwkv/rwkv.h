#pragma once
// RWKV-4: a language model that trains in parallel over the sequence like a Transformer and
// generates like an RNN, with a fixed-size state per layer (REFERENCE.md, RWKV-4).
//
//   x = E[w]                                          (B, T, C); layer 0 first applies pre_ln
//   per layer:
//     h = LN1(x), s = h shifted one token later (the first row sees the carried state or 0)
//     k = W_k(h μ_k + s (1 − μ_k)), v likewise, r = σ(W_r(h μ_r + s (1 − μ_r)))      (B, T, A)
//     x += W_o(r ⊙ wkv(k, v, time_decay, time_first))                                 time-mix
//     h = LN2(x), s = h shifted
//     x += σ(W_r'(h μ'_r + s (1 − μ'_r))) ⊙ W_v'(relu(W_k'(h μ'_k + s (1 − μ'_k)))²)  channel-mix
//   logits = head(LN_out(x))
//
// Two forms of the same numbers: loss() and sequenceLogits() run the parallel form (whole
// sequences, models/rwkv/wkv.h's kernel); nextTokenLogits() runs the recurrent form, one token at
// a time from each layer's state (the WKV numerator, denominator and maximum, and the last
// LN1 and LN2 outputs for the token shift), extending the state when the context extends the last.
//
// Tensor names are Hugging Face's RwkvForCausalLM names: "rwkv.embeddings.weight",
// "rwkv.blocks.{i}.pre_ln.*" (i = 0), "rwkv.blocks.{i}.ln1.*", ".ln2.*",
// ".attention.{time_decay, time_first}" (A), ".attention.time_mix_{key,value,receptance}"
// (1, 1, C), ".attention.{key,value,receptance}.weight" (A, C), ".attention.output.weight" (C, A),
// ".feed_forward.time_mix_{key,receptance}" (1, 1, C), ".feed_forward.key.weight" (F, C),
// ".feed_forward.receptance.weight" (C, C), ".feed_forward.value.weight" (C, F),
// "rwkv.ln_out.*", "head.weight" (V, C; absent when tied).
//
// sequenceLogits records, per layer l: "layer{l}.forward.hidden" (T, A) the WKV output (what the
// state hands the layer at each step), "layer{l}.implicit.attention" (T, T) the implicit attention
// averaged over channels, and "layer{l}.wkv.k" (T, A) the keys (wkvWeights() gives a channel's own).
// Legend: B = batch, T = time, C = width, A = time-mix width, F = channel-mix width, V = vocab.
#include "models/languagemodel.h"
#include "models/rwkv/rwkvconfig.h"

#include <memory>

namespace lm {

class Rng;

// Initialised as RWKV-4: decay speeds from −5 to 3 across channels (faster in later layers), the
// bonus ln 0.3 with a zigzag, mixing ratios from the channel index; matrices N(0, 0.02), the
// output projections N(0, 0.02/√(2L)). Throws std::invalid_argument on a config that fails validate().
std::unique_ptr<LanguageModel> makeRwkv(const RwkvConfig &config, Rng &rng);

} // namespace lm
