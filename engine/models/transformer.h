#pragma once
// Transformer blocks and the decoder-only families built from them.
//   gpt  : GPT-2 layout. Pre-LN (LayerNorm eps 1e-5), learned positions, fused qkv (c_attn),
//          GELU tanh form (gelu_new), tied head; HF names "h.{i}.attn.c_attn.weight" with Conv1D
//          weights stored (in, out), "wte.weight", "wpe.weight", "ln_f.weight".
//   llama: RMSNorm, RoPE (HF rotate-half), SwiGLU, GQA, untied head; HF names
//          "model.layers.{i}.self_attn.q_proj.weight", "model.embed_tokens.weight", "lm_head.weight".
// Selectable: pre-LN or post-LN, LayerNorm or RMSNorm, GELU or SwiGLU, positions learned |
// sinusoidal | rope | alibi | none, tied head, dropout. A KV cache makes generation one token per
// step. Both families implement LanguageModel (models/languagemodel.h) and record attention per
// layer and head into a Trace ("layer{l}.head{h}.attention").
#include "core/result.h"
#include "models/languagemodel.h"

#include <memory>
#include <string>

namespace lm {

class Rng;

struct TransformerConfig {
    std::string arch = "gpt";       // "gpt" | "llama"
    int vocabSize = 256;
    int dim = 128;                  // C
    int layers = 4;
    int heads = 4;
    int kvHeads = 0;                // 0 = heads (no GQA)
    int ffnHidden = 0;              // 0 = 4·C (gpt) or the Llama rule ⌈(8/3·C)/multiple⌉·multiple
    int maxSeq = 1024;              // learned positions
    std::string norm = "layernorm"; // layernorm | rmsnorm
    std::string ffn = "gelu";       // gelu | swiglu
    std::string positions = "learned"; // learned | sinusoidal | rope | alibi | none
    bool preNorm = true;
    bool tiedHead = true;
    float dropout = 0.0f;
    float normEps = 1e-5f;
    float ropeTheta = 10000.0f;

    nlohmann::json toJson() const;
    // Validates every field; the error names it. The arch sets defaults for the fields it omits.
    static Result<TransformerConfig> fromJson(const nlohmann::json &j);
};

// Decoder-only language model. Parameter names follow the arch's Hugging Face names (above).
class TransformerLanguageModel;
std::unique_ptr<LanguageModel> makeTransformer(const TransformerConfig &config, Rng &rng);

} // namespace lm
