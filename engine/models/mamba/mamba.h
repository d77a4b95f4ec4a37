#pragma once
// Mamba: a selective state-space language model (REFERENCE.md, Mamba; transformers'
// modeling_mamba.py). No attention and no positions: each block mixes time through a causal
// depthwise convolution and a scan whose step size Δ and matrices B, C depend on the input.
//
//   x = E[w]                                                       (B, T, H)
//   per block:  (u, z) = in_proj(RMSNorm(x))                       (B, T, D) each, D = expand·H
//               u = silu(conv(u))                                  causal depthwise, width K
//               (Δ_raw, B, C) = x_proj(u), Δ_raw = dt_proj(Δ_raw)  (B, T, D), (B, T, N) ×2
//               y = scan(u, Δ_raw, A_log, B, C, D) ⊙ silu(z)       models/mamba/mambaops.h
//               x += out_proj(y)
//   logits = head(RMSNorm(x))  (the embedding table when tied)
//
// loss() and sequenceLogits() run the whole sequence (the scan kernel); nextTokenLogits() runs
// the recurrent form one token at a time from each layer's state (the last K − 1 convolution
// inputs and the (D, N) SSM state), extending it while the context extends the last one.
//
// Tensor names are Hugging Face's MambaForCausalLM names: "backbone.embeddings.weight",
// "backbone.layers.{i}.norm.weight", "backbone.layers.{i}.mixer.{in_proj, x_proj, dt_proj,
// out_proj}.weight" (+ ".bias": dt_proj always, in/out_proj with use_bias),
// ".mixer.conv1d.weight" (D, 1, K) (+ ".bias"), ".mixer.A_log" (D, N), ".mixer.D" (D),
// "backbone.norm_f.weight", "lm_head.weight" (untied only).
//
// sequenceLogits records per layer l: "layer{l}.forward.hidden" (T, D) the scan output before
// the gate, "layer{l}.ssm.input" (T, D) its input, and "layer{l}.implicit.attention" (T, T) the implicit attention's size averaged over
// channels (mean |α[d][r][s]|; mambaops.h).
#include "core/result.h"
#include "models/languagemodel.h"
#include "models/mamba/mambaconfig.h"

#include <memory>
#include <vector>

namespace lm {

class Rng;

// Initialised as the Mamba paper's code: A_log = ln(1..N) per channel, D = 1, dt_proj's bias the
// inverse softplus of a step size drawn log-uniformly in [0.001, 0.1], its weight uniform
// ±R^−½, the convolution uniform ±K^−½; other matrices N(0, 0.02), out_proj N(0, 0.02/√L). Throws std::invalid_argument on a
// config that fails validate().
std::unique_ptr<LanguageModel> makeMamba(const MambaConfig &config, Rng &rng);

// Layer `layer`'s implicit attention of every channel for one sequence, (D, T, T) with
// y_r[d] = Σ_s α[d][r][s] u_s[d] + D[d] u_r[d] (u: the scan's input; mambaops.h). Errors: not a
// Mamba model, a layer out of range, no tokens.
Result<std::vector<float>> mambaImplicitAttention(LanguageModel &model, const std::vector<std::int32_t> &ids, int layer);

} // namespace lm
