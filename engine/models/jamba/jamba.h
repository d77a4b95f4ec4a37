#pragma once
// Jamba: Mamba layers and attention layers interleaved in one stack, with mixture-of-experts
// feed-forward layers (REFERENCE.md, Jamba; Lieber et al. 2024). RMSNorm everywhere and no
// positional encoding: the Mamba layers carry order.
//
//   x = E[w]                                                         (B, T, H)
//   layer l:  x += mixer_l(RMSNorm(x))   attention when l % attn_period == attn_offset, else a
//                                        Mamba mixer (models/mamba/mambamixer.h)
//             x += ffn_l(RMSNorm(x))     a mixture of experts when l % expert_period ==
//                                        expert_offset, else one SwiGLU feed-forward
//   logits = head(RMSNorm(x))
//
// Attention: causal, grouped-query, no positions (q, k, v, o without biases). Mixture of experts
// as transformers' JambaSparseMoeBlock: router logits (E) per token, a softmax over all E, the
// top K experts by probability, each expert's SwiGLU output weighted by its probability (not
// renormalised over the K) and summed. The training loss adds aux_loss_coef × the
// load-balancing loss of transformers' load_balancing_loss_func over every MoE layer's tokens
// together: E · Σ_e f_e P_e, f_e the share of (token, slot) choices that went to expert e, P_e
// the mean router probability of e (only P carries a gradient).
//
// Tensor names (in the style of transformers' Jamba): "model.embed_tokens.weight",
// "model.layers.{l}.input_layernorm.weight", ".pre_ff_layernorm.weight",
// ".self_attn.{q,k,v,o}_proj.weight", ".mamba.*" (mambamixer.h's names),
// ".feed_forward.{gate,up,down}_proj.weight", ".feed_forward.router.weight" (E, H),
// ".feed_forward.experts.{e}.{gate,up,down}_proj.weight", "model.final_layernorm.weight",
// "lm_head.weight" (untied only). transformers' own Jamba adds RMSNorms on Δ, B and C inside its
// Mamba layers; this one does not, so its Mamba layers are Mamba's.
//
// sequenceLogits records per layer l: attention layers "layer{l}.head{h}.attention" (T, T);
// Mamba layers "layer{l}.forward.hidden" (T, D) and "layer{l}.implicit.attention" (T, T); MoE layers
// "layer{l}.moe.experts" (T, K) the chosen experts in order of probability and
// "layer{l}.moe.probs" (T, E). Generation keeps each Mamba layer's state and each attention
// layer's keys and values (the only part that grows with the context).
#include "core/result.h"
#include "models/languagemodel.h"
#include "models/jamba/jambaconfig.h"
#include "models/routing.h"

#include <memory>
#include <vector>

namespace lm {

class Rng;

// Matrices N(0, 0.02), output projections N(0, 0.02/√(2L)); the Mamba layers as mambamixer.h.
// Throws std::invalid_argument on a config that fails validate().
std::unique_ptr<LanguageModel> makeJamba(const JambaConfig &config, Rng &rng);

// The routing of a Jamba model's last loss(); an error when `model` is not a Jamba model.
Result<RoutingSummary> lastRouting(const LanguageModel &model);

} // namespace lm
