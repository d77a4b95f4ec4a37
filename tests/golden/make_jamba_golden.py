#!/usr/bin/python3
"""Golden fixtures for Jamba (tests/engine/tst_golden_jamba.cpp).

Writes tests/golden/jamba-tiny.safetensors (our tensor names, models/jamba/jamba.h) and
tests/golden/jamba_golden.json (the config, logits, and a training batch's loss and gradients).
Needs only torch. The semantics are transformers' modeling_jamba.py where it has them: RMSNorm
before each mixer and each feed-forward, attention without positions (repeat_kv for grouped
heads), JambaSparseMoeBlock (softmax over all experts, top-k, the chosen probabilities as weights,
no renormalisation), SwiGLU experts, and load_balancing_loss_func over every MoE layer's router
logits concatenated, added with router_aux_loss_coef. The Mamba layers are MambaMixer's (without
the RMSNorms on Δ, B and C that transformers' JambaMambaMixer adds). Layers here: 0 Mamba + MoE,
1 attention + MLP, 2 Mamba + MoE, 3 Mamba + MLP. float64 from the float32 values stored.
Run: /usr/bin/python3 tests/golden/make_jamba_golden.py
"""
import json
import math
import os

import torch

from goldenio import flat, write_safetensors

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIG = {"arch": "jamba", "vocab_size": 50, "dim": 16, "layers": 4, "heads": 4, "kv_heads": 2, "ffn_hidden": 24,
          "attn_period": 4, "attn_offset": 1, "expert_period": 2, "expert_offset": 0, "experts": 4,
          "experts_per_token": 2, "aux_loss_coef": 0.1, "state_size": 4, "expand": 2, "conv_kernel": 3,
          "dt_rank": 1, "tied_head": False, "norm_eps": 1e-6}
V, H, L = CONFIG["vocab_size"], CONFIG["dim"], CONFIG["layers"]
HQ, HKV, F, E, K = CONFIG["heads"], CONFIG["kv_heads"], CONFIG["ffn_hidden"], CONFIG["experts"], CONFIG["experts_per_token"]
N, D, KC, R = CONFIG["state_size"], CONFIG["expand"] * H, CONFIG["conv_kernel"], CONFIG["dt_rank"]
EPS = CONFIG["norm_eps"]
DH = H // HQ


def attends(l):
    return l % CONFIG["attn_period"] == CONFIG["attn_offset"]


def routes(l):
    return l % CONFIG["expert_period"] == CONFIG["expert_offset"]


def randn(gen, *shape, std=1.0):
    return torch.randn(*shape, generator=gen, dtype=torch.float64) * std


def make_weights(gen):
    w = {"model.embed_tokens.weight": randn(gen, V, H, std=0.5)}

    def mlp(prefix):
        w[prefix + "gate_proj.weight"] = randn(gen, F, H, std=0.3)
        w[prefix + "up_proj.weight"] = randn(gen, F, H, std=0.3)
        w[prefix + "down_proj.weight"] = randn(gen, H, F, std=0.2)

    for l in range(L):
        p = "model.layers.%d." % l
        w[p + "input_layernorm.weight"] = 1.0 + randn(gen, H, std=0.2)
        if attends(l):
            w[p + "self_attn.q_proj.weight"] = randn(gen, H, H, std=0.3)
            w[p + "self_attn.k_proj.weight"] = randn(gen, HKV * DH, H, std=0.3)
            w[p + "self_attn.v_proj.weight"] = randn(gen, HKV * DH, H, std=0.3)
            w[p + "self_attn.o_proj.weight"] = randn(gen, H, H, std=0.3)
        else:
            m = p + "mamba."
            w[m + "A_log"] = torch.log(torch.arange(1, N + 1, dtype=torch.float64)).repeat(D, 1) + randn(gen, D, N, std=0.3)
            w[m + "D"] = 1.0 + randn(gen, D, std=0.3)
            w[m + "conv1d.weight"] = randn(gen, D, 1, KC, std=0.4)
            w[m + "conv1d.bias"] = randn(gen, D, std=0.2)
            w[m + "in_proj.weight"] = randn(gen, 2 * D, H, std=0.3)
            w[m + "x_proj.weight"] = randn(gen, R + 2 * N, D, std=0.3)
            w[m + "dt_proj.weight"] = randn(gen, D, R, std=0.5)
            w[m + "dt_proj.bias"] = randn(gen, D, std=1.0) - 2.0
            w[m + "out_proj.weight"] = randn(gen, H, D, std=0.2)
        w[p + "pre_ff_layernorm.weight"] = 1.0 + randn(gen, H, std=0.2)
        if routes(l):
            w[p + "feed_forward.router.weight"] = randn(gen, E, H, std=0.5)
            for e in range(E):
                mlp(p + "feed_forward.experts.%d." % e)
        else:
            mlp(p + "feed_forward.")
    w["model.final_layernorm.weight"] = 1.0 + randn(gen, H, std=0.2)
    w["lm_head.weight"] = randn(gen, V, H, std=0.3)
    return w


def rms_norm(x, weight):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + EPS) * weight


def swiglu(w, prefix, x):
    silu = torch.nn.functional.silu
    return (silu(x @ w[prefix + "gate_proj.weight"].T) * (x @ w[prefix + "up_proj.weight"].T)) @ w[prefix + "down_proj.weight"].T


def mamba(w, m, hidden):
    _, T, _ = hidden.shape
    x, gate = (hidden @ w[m + "in_proj.weight"].T).transpose(1, 2).chunk(2, dim=1)
    x = torch.nn.functional.conv1d(x, w[m + "conv1d.weight"], w[m + "conv1d.bias"], padding=KC - 1, groups=D)
    x = torch.nn.functional.silu(x[..., :T])
    time_step, Bm, Cm = torch.split(x.transpose(1, 2) @ w[m + "x_proj.weight"].T, [R, N, N], dim=-1)
    dt = torch.nn.functional.softplus(time_step @ w[m + "dt_proj.weight"].T + w[m + "dt_proj.bias"]).transpose(1, 2)
    A = -torch.exp(w[m + "A_log"])
    dA = torch.exp(A[None, :, None, :] * dt[:, :, :, None])
    dBu = dt[:, :, :, None] * Bm[:, None, :, :] * x[:, :, :, None]
    state = torch.zeros(x.shape[0], D, N, dtype=x.dtype)
    outs = []
    for i in range(T):
        state = dA[:, :, i, :] * state + dBu[:, :, i, :]
        outs.append(torch.matmul(state, Cm[:, i, :].unsqueeze(-1)))
    y = torch.stack(outs, dim=-1)[:, :, 0, :] + x * w[m + "D"][None, :, None]
    y = y * torch.nn.functional.silu(gate)
    return y.transpose(1, 2) @ w[m + "out_proj.weight"].T


def attention(w, p, h):
    B, T, _ = h.shape
    q = (h @ w[p + "q_proj.weight"].T).view(B, T, HQ, DH).transpose(1, 2)
    k = (h @ w[p + "k_proj.weight"].T).view(B, T, HKV, DH).transpose(1, 2)
    v = (h @ w[p + "v_proj.weight"].T).view(B, T, HKV, DH).transpose(1, 2)
    k = k.repeat_interleave(HQ // HKV, dim=1)  # repeat_kv
    v = v.repeat_interleave(HQ // HKV, dim=1)
    scores = q @ k.transpose(-2, -1) / math.sqrt(DH)
    scores = scores.masked_fill(torch.triu(torch.ones(T, T, dtype=torch.bool), 1), float("-inf"))
    y = (scores.softmax(-1) @ v).transpose(1, 2).reshape(B, T, H)
    return y @ w[p + "o_proj.weight"].T


def moe(w, p, h, router_logits):
    B, T, _ = h.shape
    flat = h.reshape(-1, H)
    logits = flat @ w[p + "router.weight"].T
    router_logits.append(logits)
    probs = torch.softmax(logits, dim=1)
    weights, chosen = torch.topk(probs, K, dim=-1)
    out = torch.zeros_like(flat)
    for e in range(E):
        tokens, slots = torch.where(chosen == e)
        if len(tokens):
            out = out.index_add(0, tokens, swiglu(w, p + "experts.%d." % e, flat[tokens]) * weights[tokens, slots, None])
    return out.reshape(B, T, H)


def balancing_loss(router_logits):
    """transformers' load_balancing_loss_func (no attention mask)."""
    logits = torch.cat(router_logits, dim=0)
    routing_weights = torch.softmax(logits, dim=-1)
    _, selected = torch.topk(routing_weights, K, dim=-1)
    expert_mask = torch.nn.functional.one_hot(selected, E)
    tokens_per_expert = torch.mean(expert_mask.double(), dim=0)
    router_prob_per_expert = torch.mean(routing_weights, dim=0)
    return torch.sum(tokens_per_expert * router_prob_per_expert.unsqueeze(0)) * E


def forward(w, ids):
    x = w["model.embed_tokens.weight"][ids]
    router_logits = []
    for l in range(L):
        p = "model.layers.%d." % l
        h = rms_norm(x, w[p + "input_layernorm.weight"])
        x = x + (attention(w, p + "self_attn.", h) if attends(l) else mamba(w, p + "mamba.", h))
        h = rms_norm(x, w[p + "pre_ff_layernorm.weight"])
        x = x + (moe(w, p + "feed_forward.", h, router_logits) if routes(l) else swiglu(w, p + "feed_forward.", h))
    x = rms_norm(x, w["model.final_layernorm.weight"])
    return x @ w["lm_head.weight"].T, router_logits


def main():
    gen = torch.Generator().manual_seed(20261206)
    w = {n: t.float().double() for n, t in make_weights(gen).items()}
    write_safetensors(os.path.join(HERE, "jamba-tiny.safetensors"), w)
    g = torch.Generator().manual_seed(5)
    golden = {"config": CONFIG, "forward": []}
    for T in (1, 7, 13):
        ids = torch.randint(0, V, (1, T), generator=g)
        logits, _ = forward(w, ids)
        golden["forward"].append({"ids": flat(ids), "logits": flat(logits[0])})
    ids = torch.randint(0, V, (2, 8), generator=g)
    targets = torch.randint(0, V, (2, 8), generator=g)
    targets[0, 2] = -100
    w64 = {n: t.clone().requires_grad_(True) for n, t in w.items()}
    logits, router_logits = forward(w64, ids)
    ce = torch.nn.functional.cross_entropy(logits.reshape(-1, V), targets.reshape(-1), ignore_index=-100)
    balance = balancing_loss(router_logits)
    loss = ce + CONFIG["aux_loss_coef"] * balance
    loss.backward()
    golden["train"] = {"batch": 2, "time": 8, "ids": flat(ids), "targets": flat(targets), "loss": float(loss),
                       "balance_loss": float(balance),
                       "grads": {n: flat(t.grad) for n, t in w64.items() if n != "model.embed_tokens.weight"}}
    with open(os.path.join(HERE, "jamba_golden.json"), "w") as f:
        json.dump(golden, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
