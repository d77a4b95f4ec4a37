#!/usr/bin/python3
"""Reference values for tests/engine/tst_golden_transformer.cpp (torch 1.13, float32).

Tiny decoder-only models written out in torch with the engine's layouts and names:
  gpt  : GPT-2 block stack. Pre-LN LayerNorm (eps 1e-5), learned positions, fused c_attn and
         Conv1D weights stored (in, out) so y = x W + b, gelu_new, tied head.
  gpt_postln, gpt_postln_sinusoidal, gpt_postln_alibi: the gpt stack with post-LN blocks
         (Vaswani et al. 2017: x = ln_1(x + attn(x)); x = ln_2(x + mlp(x))). As in the engine
         (models/transformer.cpp) ln_f is still applied after the last block. Positions learned
         (wpe), sinusoidal (Vaswani: column 2i sin, 2i + 1 cos of t·10000^(−2i/C), no weights) or
         ALiBi (no wpe; logit(i, j) −= slope_h·(i − j), slopes 2^(−8(h+1)/H) for H a power of 2).
  llama: RMSNorm (eps 1e-6), HF rotate-half RoPE (theta 1e4), GQA (4 query heads, 2 KV heads,
         head h uses KV head h // 2), SwiGLU, torch Linear (out, in) without biases, untied head.
For each: the weights (engine names), inputs and targets (B, T), logits (B, T, V), the mean
cross-entropy over B·T and its gradient for every parameter.
Run: /usr/bin/python3 tests/golden/make_transformer_golden.py  (writes transformer_golden.json)
"""
import json
import math
import os

import torch
import torch.nn.functional as F

torch.manual_seed(1234)
B, T, V = 2, 5, 11


def rounded(t):
    return [float('%.9g' % v) for v in t.detach().reshape(-1).tolist()]


def param(shape, std=0.2, base=0.0):
    return (base + std * torch.randn(*shape)).requires_grad_()


def causal_attention(q, k, v, bias=None):
    # q: (B, H, T, D), k, v: (B, H, T, D); bias (H, T, T) added to the scaled logits
    D = q.shape[-1]
    s = q @ k.transpose(-1, -2) / math.sqrt(D)
    if bias is not None:
        s = s + bias
    mask = torch.triu(torch.ones(q.shape[2], k.shape[2], dtype=torch.bool), 1)
    s = s.masked_fill(mask, float('-inf'))
    return torch.softmax(s, -1) @ v


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x.pow(3))))


def gpt_case(pre_norm=True, positions="learned"):
    C, L, H, S = 8, 2, 2, 8
    D = C // H
    config = {"arch": "gpt", "vocab_size": V, "dim": C, "layers": L, "heads": H, "max_seq": S}
    if not pre_norm:
        config["pre_norm"] = False
    if positions != "learned":
        config["positions"] = positions
    w = {"wte.weight": param((V, C))}
    if positions == "learned":
        w["wpe.weight"] = param((S, C))
    for l in range(L):
        p = f"h.{l}."
        w[p + "ln_1.weight"] = param((C,), 0.1, 1.0)
        w[p + "ln_1.bias"] = param((C,), 0.1)
        w[p + "attn.c_attn.weight"] = param((C, 3 * C))
        w[p + "attn.c_attn.bias"] = param((3 * C,), 0.1)
        w[p + "attn.c_proj.weight"] = param((C, C))
        w[p + "attn.c_proj.bias"] = param((C,), 0.1)
        w[p + "ln_2.weight"] = param((C,), 0.1, 1.0)
        w[p + "ln_2.bias"] = param((C,), 0.1)
        w[p + "mlp.c_fc.weight"] = param((C, 4 * C))
        w[p + "mlp.c_fc.bias"] = param((4 * C,), 0.1)
        w[p + "mlp.c_proj.weight"] = param((4 * C, C))
        w[p + "mlp.c_proj.bias"] = param((C,), 0.1)
    w["ln_f.weight"] = param((C,), 0.1, 1.0)
    w["ln_f.bias"] = param((C,), 0.1)

    bias = None
    if positions == "alibi":  # (H, T, T): −slope_h·(i − j); the causal mask hides j > i
        slopes = torch.tensor([2.0 ** (-8.0 * (h + 1) / H) for h in range(H)], dtype=torch.float32)
        i = torch.arange(T, dtype=torch.float32)
        bias = -slopes[:, None, None] * (i[:, None] - i[None, :])[None]

    def sinusoidal():  # (T, C), computed in float64 like the engine, then float32
        t = torch.arange(T, dtype=torch.float64)[:, None]
        c = torch.arange(C)
        freq = 10000.0 ** (-(c // 2 * 2).to(torch.float64) / C)
        a = t * freq[None, :]
        return torch.where(c % 2 == 0, a.sin(), a.cos()).to(torch.float32)

    def ln(x, name):
        return F.layer_norm(x, (C,), w[name + ".weight"], w[name + ".bias"], 1e-5)

    def attn(h, p):
        qkv = h @ w[p + "attn.c_attn.weight"] + w[p + "attn.c_attn.bias"]
        q, k, v = (t.reshape(B, T, H, D).transpose(1, 2) for t in qkv.split(C, -1))
        return causal_attention(q, k, v, bias).transpose(1, 2).reshape(B, T, C)  # before c_proj

    def mlp(h, p):  # before c_proj
        return gelu_new(h @ w[p + "mlp.c_fc.weight"] + w[p + "mlp.c_fc.bias"])

    def forward(ids):
        x = w["wte.weight"][ids]
        if positions == "learned":
            x = x + w["wpe.weight"][:T]
        elif positions == "sinusoidal":
            x = x + sinusoidal()
        for l in range(L):
            p = f"h.{l}."
            if pre_norm:  # written as x + y W + b, the evaluation order of the original gpt case
                y = attn(ln(x, p + "ln_1"), p)
                x = x + y @ w[p + "attn.c_proj.weight"] + w[p + "attn.c_proj.bias"]
                m = mlp(ln(x, p + "ln_2"), p)
                x = x + m @ w[p + "mlp.c_proj.weight"] + w[p + "mlp.c_proj.bias"]
            else:
                y = attn(x, p) @ w[p + "attn.c_proj.weight"] + w[p + "attn.c_proj.bias"]
                x = ln(x + y, p + "ln_1")
                m = mlp(x, p) @ w[p + "mlp.c_proj.weight"] + w[p + "mlp.c_proj.bias"]
                x = ln(x + m, p + "ln_2")
        x = ln(x, "ln_f")
        return x @ w["wte.weight"].t()

    return config, w, forward


def llama_case():
    C, L, H, Hkv, Fh, theta = 16, 2, 4, 2, 24, 10000.0
    D = C // H
    config = {"arch": "llama", "vocab_size": V, "dim": C, "layers": L, "heads": H, "kv_heads": Hkv,
              "ffn_hidden": Fh, "max_seq": 16}
    w = {"model.embed_tokens.weight": param((V, C))}
    for l in range(L):
        p = f"model.layers.{l}."
        w[p + "input_layernorm.weight"] = param((C,), 0.1, 1.0)
        w[p + "self_attn.q_proj.weight"] = param((H * D, C))
        w[p + "self_attn.k_proj.weight"] = param((Hkv * D, C))
        w[p + "self_attn.v_proj.weight"] = param((Hkv * D, C))
        w[p + "self_attn.o_proj.weight"] = param((C, C))
        w[p + "post_attention_layernorm.weight"] = param((C,), 0.1, 1.0)
        w[p + "mlp.gate_proj.weight"] = param((Fh, C))
        w[p + "mlp.up_proj.weight"] = param((Fh, C))
        w[p + "mlp.down_proj.weight"] = param((C, Fh))
    w["model.norm.weight"] = param((C,), 0.1, 1.0)
    w["lm_head.weight"] = param((V, C))

    def rms(x, weight):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-6) * weight

    inv = theta ** (-torch.arange(0, D, 2, dtype=torch.float32) / D)  # (D/2)
    ang = torch.arange(T, dtype=torch.float32)[:, None] * inv[None, :]  # (T, D/2)
    cos, sin = torch.cat([ang.cos(), ang.cos()], -1), torch.cat([ang.sin(), ang.sin()], -1)

    def rope(x):
        x1, x2 = x[..., : D // 2], x[..., D // 2:]
        return x * cos + torch.cat([-x2, x1], -1) * sin

    def forward(ids):
        x = w["model.embed_tokens.weight"][ids]
        for l in range(L):
            p = f"model.layers.{l}."
            h = rms(x, w[p + "input_layernorm.weight"])
            q = (h @ w[p + "self_attn.q_proj.weight"].t()).reshape(B, T, H, D).transpose(1, 2)
            k = (h @ w[p + "self_attn.k_proj.weight"].t()).reshape(B, T, Hkv, D).transpose(1, 2)
            v = (h @ w[p + "self_attn.v_proj.weight"].t()).reshape(B, T, Hkv, D).transpose(1, 2)
            q, k = rope(q), rope(k)
            k, v = k.repeat_interleave(H // Hkv, 1), v.repeat_interleave(H // Hkv, 1)
            y = causal_attention(q, k, v).transpose(1, 2).reshape(B, T, C)
            x = x + y @ w[p + "self_attn.o_proj.weight"].t()
            h = rms(x, w[p + "post_attention_layernorm.weight"])
            m = F.silu(h @ w[p + "mlp.gate_proj.weight"].t()) * (h @ w[p + "mlp.up_proj.weight"].t())
            x = x + m @ w[p + "mlp.down_proj.weight"].t()
        return rms(x, w["model.norm.weight"]) @ w["lm_head.weight"].t()

    return config, w, forward


def run(case):
    config, w, forward = case()
    ids = torch.randint(0, V, (B, T))
    targets = torch.randint(0, V, (B, T))
    logits = forward(ids)
    loss = F.cross_entropy(logits.reshape(B * T, V), targets.reshape(-1))
    loss.backward()
    return {"config": config, "B": B, "T": T,
            "inputs": ids.reshape(-1).tolist(), "targets": targets.reshape(-1).tolist(),
            "weights": {n: rounded(t) for n, t in w.items()},
            "logits": rounded(logits), "loss": float(loss),
            "grads": {n: rounded(t.grad) for n, t in w.items()}}


# New cases go last so the earlier ones keep their random draws.
cases = {"gpt": run(gpt_case), "llama": run(llama_case)}
cases["gpt_postln"] = run(lambda: gpt_case(pre_norm=False))
cases["gpt_postln_sinusoidal"] = run(lambda: gpt_case(pre_norm=False, positions="sinusoidal"))
cases["gpt_postln_alibi"] = run(lambda: gpt_case(pre_norm=False, positions="alibi"))
out = {"torch": torch.__version__, "cases": cases}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "transformer_golden.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
print(path, os.path.getsize(path), "bytes")
