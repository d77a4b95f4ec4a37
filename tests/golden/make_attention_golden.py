#!/usr/bin/python3
"""Golden values for engine/models/attention.h from PyTorch.

Plain float32 PyTorch formulas as Hugging Face writes them: scores = q kᵀ / √D, masked with −inf
(causal mask aligned to the end, key padding), softmax, × v. GQA repeats each K/V head
H / Hkv times (repeat_interleave, as HF repeat_kv); RoPE is LlamaRotaryEmbedding's rotate_half
formula applied to q and k before attention; ALiBi adds slope_h·(j − i) with the causal mask
(slopes from HF get_alibi_slopes). For each case: the inputs, the output and the gradients of
L = Σ output·R (fixed random R) with respect to q, k, v. Run with /usr/bin/python3 (torch 1.13):
    /usr/bin/python3 tests/golden/make_attention_golden.py > tests/golden/attention_golden.json
"""
import json
import math
import sys

import torch


def flat(t):
    return [float(f"{v:.8g}") for v in t.detach().reshape(-1).tolist()]


def alibi_slopes(n):
    closest = 2 ** math.floor(math.log2(n))
    base = 2 ** (-(2 ** -(math.log2(closest) - 3)))
    slopes = [base ** p for p in range(1, 1 + closest)]
    if closest != n:
        extra = 2 ** (-(2 ** -(math.log2(2 * closest) - 3)))
        slopes += [extra ** p for p in range(1, 1 + 2 * min(closest, n - closest), 2)]
    return torch.tensor(slopes)


def rotate_half(x):
    x1, x2 = x[..., : x.shape[-1] // 2], x[..., x.shape[-1] // 2:]
    return torch.cat((-x2, x1), dim=-1)


def rope(x, offset, theta=10000.0):
    D, T = x.shape[-1], x.shape[-2]
    inv_freq = 1.0 / (theta ** (torch.arange(0, D, 2).float() / D))
    t = torch.arange(offset, offset + T).float()
    freqs = torch.einsum("i,j->ij", t, inv_freq)
    emb = torch.cat((freqs, freqs), dim=-1)
    return x * emb.cos() + rotate_half(x) * emb.sin()


def case(seed, B, H, Hkv, Tq, Tk, D, causal=False, padding=None, use_rope=False, alibi=False, offset=0):
    torch.manual_seed(seed)
    q = torch.randn(B, H, Tq, D, requires_grad=True)
    k = torch.randn(B, Hkv, Tk, D, requires_grad=True)
    v = torch.randn(B, Hkv, Tk, D, requires_grad=True)
    qq, kk = (rope(q, offset + Tk - Tq), rope(k, offset)) if use_rope else (q, k)
    kk = kk.repeat_interleave(H // Hkv, dim=1)
    vv = v.repeat_interleave(H // Hkv, dim=1)
    scores = qq @ kk.transpose(-1, -2) / math.sqrt(D)
    i = torch.arange(Tq).view(Tq, 1) + (Tk - Tq)
    j = torch.arange(Tk).view(1, Tk)
    if alibi:
        scores = scores + alibi_slopes(H).view(1, H, 1, 1) * (j - i).float()
    mask = torch.zeros(B, 1, Tq, Tk, dtype=torch.bool)
    if causal:
        mask = mask | (j > i)
    if padding is not None:
        mask = mask | torch.tensor(padding, dtype=torch.bool).view(B, 1, 1, Tk)
    scores = scores.masked_fill(mask, float("-inf"))
    p = torch.softmax(scores, dim=-1)
    out = p @ vv
    r = torch.randn_like(out)
    (out * r).sum().backward()
    g = {"B": B, "H": H, "Hkv": Hkv, "Tq": Tq, "Tk": Tk, "D": D, "causal": causal, "rope": use_rope,
         "offset": offset, "alibi": alibi, "q": flat(q), "k": flat(k), "v": flat(v), "r": flat(r),
         "output": flat(out), "grad_q": flat(q.grad), "grad_k": flat(k.grad), "grad_v": flat(v.grad)}
    if padding is not None:
        g["padding"] = [int(x) for row in padding for x in row]
    return g


cases = {
    "causal": case(1, 2, 2, 2, 5, 5, 4, causal=True),
    "padding mask": case(2, 2, 2, 2, 5, 5, 4, padding=[[0, 0, 0, 1, 1], [0, 0, 0, 0, 1]]),
    "gqa causal H4 Hkv2": case(3, 2, 4, 2, 5, 5, 4, causal=True),
    "cross attention Tq3 Tk6 causal": case(4, 1, 2, 1, 3, 6, 4, causal=True),
    "rope causal offset 3": case(5, 2, 2, 2, 5, 5, 8, causal=True, use_rope=True, offset=3),
    "alibi causal H4": case(6, 2, 4, 4, 6, 6, 4, causal=True, alibi=True),
    "alibi causal H6": case(7, 1, 6, 6, 4, 4, 4, causal=True, alibi=True),
}
json.dump({"torch": torch.__version__, "alibi_slopes_6": flat(alibi_slopes(6)), "cases": cases}, sys.stdout,
          separators=(",", ":"))
