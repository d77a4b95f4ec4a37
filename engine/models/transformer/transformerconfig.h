#pragma once
// A decoder-only Transformer's configuration (models/transformer/transformer.h): its sizes and
// structural choices, validated and read from / written to the config JSON of a checkpoint.
#include "core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lm {

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
    // The window generation reads with learned positions: the training window, whose position
    // rows the model learnt (the rows past it stay as initialised); 0 = max_seq. Longer text
    // slides it along.
    int window = 0;
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

} // namespace lm
