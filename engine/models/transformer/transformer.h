#pragma once
// Transformer blocks and the decoder-only families built from them.
//   gpt  : GPT-2 layout. Pre-LN (LayerNorm eps 1e-5), learned positions, fused qkv (c_attn),
//          GELU tanh form (gelu_new), tied head; HF names "h.{i}.attn.c_attn.weight" with Conv1D
//          weights stored (in, out), "wte.weight", "wpe.weight", "ln_f.weight".
//   llama: RMSNorm, RoPE (HF rotate-half), SwiGLU, GQA, untied head; HF names
//          "model.layers.{i}.self_attn.q_proj.weight", "model.embed_tokens.weight", "lm_head.weight".
// Options outside an arch's own layout keep its naming: learned positions under llama are
// "model.embed_positions.weight"; SwiGLU under gpt is "mlp.c_fc" (gate), "mlp.c_fc2" (up),
// "mlp.c_proj" (down); GELU under llama is "mlp.up_proj", "mlp.down_proj"; LayerNorm adds ".bias".
// Selectable: pre-LN or post-LN, LayerNorm or RMSNorm, GELU or SwiGLU, positions learned |
// sinusoidal | rope | alibi | none, tied head, dropout. A KV cache makes generation one token per
// step. Both families implement LanguageModel (models/languagemodel.h) and record attention per
// layer and head into a Trace ("layer{l}.head{h}.attention").
#include "models/languagemodel.h"
#include "models/transformer/transformerconfig.h"

#include <memory>

namespace lm {

class Rng;

// Decoder-only language model. Parameter names follow the arch's Hugging Face names (above); the
// arch fixes the names and layouts (gpt: Conv1D (in, out) with biases; llama: Linear (out, in)
// without), the other fields choose the structure. Initialised as GPT-2: weights N(0, 0.02),
// residual projections (attention output, FFN output) N(0, 0.02/√(2L)), biases 0, norms 1.
//   loss            : mean cross-entropy over B·T (−100 ignored); dropout active.
//   nextTokenLogits : keeps per-layer K and V of the last context; a context that extends it only
//                     runs the new tokens. With learned positions a context longer than maxSeq
//                     is cut to its last maxSeq tokens (and recomputed). An empty context gives
//                     zeros (a uniform distribution). The cache is dropped by loss() and
//                     resetState(); call resetState() after changing weights by hand.
//   sequenceLogits  : records "layer{l}.head{h}.attention" (T, T) for every layer and head.
// attention = "chunked" computes loss, logits and generation with chunkedAttention() (memory
// linear in T); a traced sequenceLogits uses attention() either way, as only it has the
// probabilities to record.
// Throws std::invalid_argument on a config that fails validate().
class TransformerLanguageModel;
std::unique_ptr<LanguageModel> makeTransformer(const TransformerConfig &config, Rng &rng);

} // namespace lm
