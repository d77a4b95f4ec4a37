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
#include "core/result.h"
#include "models/languagemodel.h"

#include <memory>
#include <string>
#include <vector>

namespace lm {

class Rng;

// The structural choices, parsed once from their config strings (the names below) and from
// the architecture table's options; the model code switches on these, never on strings.
enum class TransformerLayout { Gpt2, Llama }; // tensor names and layouts (see above); the "arch"
enum class NormKind { LayerNorm, RmsNorm };
enum class FfnKind { Gelu, SwiGlu };
enum class PositionKind { Learned, Sinusoidal, Rope, Alibi, None };
enum class AttentionKind { Standard, Chunked }; // chunked: models/chunkedattention.h

// The config strings of each enum, in enum order ("layernorm", "rmsnorm"; …).
const std::vector<std::string> &layoutNames();
const std::vector<std::string> &normNames();
const std::vector<std::string> &ffnNames();
const std::vector<std::string> &positionNames();
const std::vector<std::string> &attentionNames();

struct TransformerConfig {
    TransformerLayout layout = TransformerLayout::Gpt2;
    int vocabSize = 256;
    int dim = 128;                  // C
    int layers = 4;
    int heads = 4;
    int kvHeads = 0;                // 0 = heads (no GQA)
    int ffnHidden = 0;              // 0 = 4·C (gelu) or the Llama rule ⌈(8/3·C)/multiple⌉·multiple
    int maxSeq = 1024;              // learned positions
    NormKind norm = NormKind::LayerNorm;
    FfnKind ffn = FfnKind::Gelu;
    PositionKind positions = PositionKind::Learned;
    bool preNorm = true;
    bool tiedHead = true;
    float dropout = 0.0f;
    float normEps = 1e-5f;
    float ropeTheta = 10000.0f;
    // How attention is computed; the same numbers either way (up to float rounding).
    AttentionKind attention = AttentionKind::Standard;
    int attentionChunk = 64;            // keys per block of the chunked path

    // The family name: layoutNames()[layout].
    const std::string &arch() const;
    // The defaults of a layout's family (see fromJson), every other field as given.
    static TransformerConfig forLayout(TransformerLayout layout);
    // ffnHidden with 0 resolved: 4·C for gelu; for swiglu the Llama rule
    // m·⌈⌊2·4C/3⌋ / m⌉ with m = 32.
    int resolvedFfnHidden() const;
    // C / heads.
    int headDim() const { return heads > 0 ? dim / heads : 0; }
    // The same checks as fromJson; empty when the config is usable, else a message naming the field.
    std::string validate() const;
    // The exact parameter count of the model this config builds, computed without allocating.
    // Needs a config that passes validate().
    std::int64_t parameterCount() const;

    // Every field in snake_case ("vocab_size", "kv_heads", "ffn_hidden", "pre_norm", "attention",
    // "attention_chunk", …), with kv_heads and ffn_hidden resolved.
    nlohmann::json toJson() const;
    // Validates every field; the error names it. The arch sets defaults for the fields it omits:
    //   gpt  : layernorm, gelu, learned positions, tied head, pre-norm, eps 1e-5
    //   llama: rmsnorm, swiglu, rope, untied head, pre-norm, eps 1e-6, ffn_hidden by the Llama rule
    // Both default to "attention": "standard" (so configs written before the key existed load).
    static Result<TransformerConfig> fromJson(const nlohmann::json &j);
};

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
