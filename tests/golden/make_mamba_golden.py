#!/usr/bin/python3
"""Golden fixtures for Mamba (tests/engine/tst_golden_mamba.cpp).

Writes two Hugging Face MambaForCausalLM folders with gpt2-tiny's byte-level BPE vocab.json /
merges.txt, and tests/golden/mamba_golden.json:
  mamba-tiny      : hidden 24, state 8, expand 2, conv 4, time_step_rank "auto" (2), 2 layers,
                    a tied head (no lm_head.weight in the file), conv bias, no projection biases
  mamba-tiny-bias : the same sizes with time_step_rank 3, use_bias (in_proj, out_proj biases),
                    no conv bias, an untied lm_head
Needs only torch: the forward below follows transformers' modeling_mamba.py (MambaMixer's
slow_forward, the path without the CUDA kernels): in_proj -> (x, gate); x = silu(conv1d(x)[..., :T]);
x_proj -> (time_step, B, C); Δ = softplus(dt_proj(time_step)); A = −exp(A_log);
h = exp(A Δ) h + Δ B x; y = C·h + D x; y ⊙ silu(gate) -> out_proj; each block residual around an
RMSNorm, norm_f, lm_head. Random seeded weights, in float64 from the float32 values stored.
Run: /usr/bin/python3 tests/golden/make_mamba_golden.py
"""
import json
import math
import os
import shutil

import torch

from goldenio import flat, write_safetensors

HERE = os.path.dirname(os.path.abspath(__file__))
V, H, N, EXPAND, K, L = 299, 24, 8, 2, 4, 2
D = EXPAND * H
EPS = 1e-5


def randn(gen, *shape, std=1.0):
    return torch.randn(*shape, generator=gen, dtype=torch.float64) * std


def make_weights(gen, rank, proj_bias, conv_bias, tied):
    w = {"backbone.embeddings.weight": randn(gen, V, H, std=0.5)}
    for l in range(L):
        p = "backbone.layers.%d." % l
        w[p + "norm.weight"] = 1.0 + randn(gen, H, std=0.2)
        m = p + "mixer."
        w[m + "A_log"] = torch.log(torch.arange(1, N + 1, dtype=torch.float64)).repeat(D, 1) + randn(gen, D, N, std=0.3)
        w[m + "D"] = 1.0 + randn(gen, D, std=0.3)
        w[m + "conv1d.weight"] = randn(gen, D, 1, K, std=0.4)
        if conv_bias:
            w[m + "conv1d.bias"] = randn(gen, D, std=0.2)
        w[m + "in_proj.weight"] = randn(gen, 2 * D, H, std=0.3)
        if proj_bias:
            w[m + "in_proj.bias"] = randn(gen, 2 * D, std=0.2)
        w[m + "x_proj.weight"] = randn(gen, rank + 2 * N, D, std=0.3)
        w[m + "dt_proj.weight"] = randn(gen, D, rank, std=0.5)
        w[m + "dt_proj.bias"] = randn(gen, D, std=1.0) - 2.0
        w[m + "out_proj.weight"] = randn(gen, H, D, std=0.2)
        if proj_bias:
            w[m + "out_proj.bias"] = randn(gen, H, std=0.2)
    w["backbone.norm_f.weight"] = 1.0 + randn(gen, H, std=0.2)
    if not tied:
        w["lm_head.weight"] = randn(gen, V, H, std=0.3)
    return w


def rms_norm(x, weight):
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + EPS) * weight


def mixer(w, m, hidden, rank):
    """MambaMixer.slow_forward without a cache. hidden (B, T, H) -> (B, T, H) and the scan output."""
    _, T, _ = hidden.shape
    projected = hidden @ w[m + "in_proj.weight"].T
    if m + "in_proj.bias" in w:
        projected = projected + w[m + "in_proj.bias"]
    projected = projected.transpose(1, 2)  # (B, 2D, T)
    x, gate = projected.chunk(2, dim=1)
    x = torch.nn.functional.conv1d(x, w[m + "conv1d.weight"], w.get(m + "conv1d.bias"), padding=K - 1, groups=D)
    x = torch.nn.functional.silu(x[..., :T])  # (B, D, T)
    ssm = x.transpose(1, 2) @ w[m + "x_proj.weight"].T
    time_step, Bm, Cm = torch.split(ssm, [rank, N, N], dim=-1)
    dt = time_step @ w[m + "dt_proj.weight"].T + w[m + "dt_proj.bias"]
    dt = torch.nn.functional.softplus(dt).transpose(1, 2)  # (B, D, T)
    A = -torch.exp(w[m + "A_log"])
    dA = torch.exp(A[None, :, None, :] * dt[:, :, :, None])  # (B, D, T, N)
    dBu = dt[:, :, :, None] * Bm[:, None, :, :] * x[:, :, :, None]
    state = torch.zeros(x.shape[0], D, N, dtype=x.dtype)
    outs = []
    for i in range(T):
        state = dA[:, :, i, :] * state + dBu[:, :, i, :]
        outs.append(torch.matmul(state, Cm[:, i, :].unsqueeze(-1)))
    y = torch.stack(outs, dim=-1)[:, :, 0, :]  # (B, D, T)
    y = y + x * w[m + "D"][None, :, None]
    scan = y
    y = y * torch.nn.functional.silu(gate)
    out = y.transpose(1, 2) @ w[m + "out_proj.weight"].T
    if m + "out_proj.bias" in w:
        out = out + w[m + "out_proj.bias"]
    return out, scan.transpose(1, 2)


def forward(w, ids, rank):
    x = w["backbone.embeddings.weight"][ids]
    scans = []
    for l in range(L):
        p = "backbone.layers.%d." % l
        out, scan = mixer(w, p + "mixer.", rms_norm(x, w[p + "norm.weight"]), rank)
        scans.append(scan)
        x = x + out
    x = rms_norm(x, w["backbone.norm_f.weight"])
    head = w.get("lm_head.weight", w["backbone.embeddings.weight"])
    return x @ head.T, scans


def case(gen, name, rank_field, proj_bias, conv_bias, tied):
    rank = math.ceil(H / 16) if rank_field == "auto" else rank_field
    w = make_weights(gen, rank, proj_bias, conv_bias, tied)
    w = {n: t.float().double() for n, t in w.items()}
    out = os.path.join(HERE, name)
    os.makedirs(out, exist_ok=True)
    config = {"architectures": ["MambaForCausalLM"], "model_type": "mamba", "vocab_size": V, "hidden_size": H,
              "state_size": N, "num_hidden_layers": L, "layer_norm_epsilon": EPS, "expand": EXPAND,
              "conv_kernel": K, "use_bias": proj_bias, "use_conv_bias": conv_bias, "hidden_act": "silu",
              "intermediate_size": D, "time_step_rank": rank_field, "time_step_scale": 1.0,
              "residual_in_fp32": True, "tie_word_embeddings": tied, "bos_token_id": 0, "eos_token_id": 0,
              "pad_token_id": 0, "use_cache": True}
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    write_safetensors(os.path.join(out, "model.safetensors"), w, {"format": "pt"})
    for file in ("vocab.json", "merges.txt"):
        shutil.copyfile(os.path.join(HERE, "gpt2-tiny", file), os.path.join(out, file))

    g = torch.Generator().manual_seed(5)
    result = {"folder": name, "forward": []}
    for T in (1, 6, 17):
        ids = torch.randint(0, V, (1, T), generator=g)
        logits, scans = forward(w, ids, rank)
        result["forward"].append({"ids": flat(ids), "logits": flat(logits[0]), "scan": [flat(s[0]) for s in scans]})
    ids = torch.randint(0, V, (2, 9), generator=g)
    targets = torch.randint(0, V, (2, 9), generator=g)
    targets[1, 4] = -100
    w64 = {n: t.clone().requires_grad_(True) for n, t in w.items()}
    logits, _ = forward(w64, ids, rank)
    loss = torch.nn.functional.cross_entropy(logits.reshape(-1, V), targets.reshape(-1), ignore_index=-100)
    loss.backward()
    result["train"] = {"batch": 2, "time": 9, "ids": flat(ids), "targets": flat(targets), "loss": float(loss),
                       "grads": {n: flat(t.grad) for n, t in w64.items()
                                 if n not in ("backbone.embeddings.weight", "lm_head.weight")
                                 and not n.endswith("in_proj.weight")}}
    return result


def main():
    gen = torch.Generator().manual_seed(20261206)
    golden = {"cases": [case(gen, "mamba-tiny", "auto", False, True, True),
                        case(gen, "mamba-tiny-bias", 3, True, False, False)]}
    with open(os.path.join(HERE, "mamba_golden.json"), "w") as f:
        json.dump(golden, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
