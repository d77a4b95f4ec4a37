#!/usr/bin/python3
"""Golden values for the recurrent layers (engine/models/recurrent.h) from PyTorch.

For torch.nn.RNN (tanh), LSTM and GRU, uni- and bidirectional, 2 layers, batch_first, float32:
the weights (torch names), input x, random h0 (and c0), the output, h_n (and c_n), and the gradients
of L = Σ output·R_out + Σ h_n·R_h (+ Σ c_n·R_c), fixed random R, with respect to x, h0, c0 and
every weight. Run with /usr/bin/python3 (torch 1.13):
    /usr/bin/python3 tests/golden/make_recurrent_golden.py > tests/golden/recurrent_golden.json
"""
import json
import sys

import torch

B, T, I, H, LAYERS = 2, 5, 3, 4, 2


def flat(t):
    return [float(f"{v:.8g}") for v in t.detach().reshape(-1).tolist()]


def case(kind, bidirectional, seed):
    torch.manual_seed(seed)
    cls = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}[kind]
    net = cls(I, H, LAYERS, batch_first=True, bidirectional=bidirectional)
    D = 2 if bidirectional else 1
    x = torch.randn(B, T, I, requires_grad=True)
    h0 = torch.randn(LAYERS * D, B, H, requires_grad=True)
    c0 = torch.randn(LAYERS * D, B, H, requires_grad=True)
    if kind == "lstm":
        out, (hn, cn) = net(x, (h0, c0))
    else:
        out, hn = net(x, h0)
        cn = None
    r_out = torch.randn_like(out)
    r_h = torch.randn_like(hn)
    loss = (out * r_out).sum() + (hn * r_h).sum()
    r_c = None
    if cn is not None:
        r_c = torch.randn_like(cn)
        loss = loss + (cn * r_c).sum()
    loss.backward()
    g = {
        "kind": kind, "bidirectional": bidirectional, "B": B, "T": T, "I": I, "H": H, "layers": LAYERS,
        "weights": {n: flat(p) for n, p in net.named_parameters()},
        "x": flat(x), "h0": flat(h0), "output": flat(out), "h_n": flat(hn),
        "r_out": flat(r_out), "r_h": flat(r_h), "loss": float(loss),
        "grads": {n: flat(p.grad) for n, p in net.named_parameters()},
        "grad_x": flat(x.grad), "grad_h0": flat(h0.grad),
    }
    if kind == "lstm":
        g.update({"c0": flat(c0), "c_n": flat(cn), "r_c": flat(r_c), "grad_c0": flat(c0.grad)})
    return g


cases = {}
seed = 1
for kind in ("rnn", "lstm", "gru"):
    for bidirectional in (False, True):
        name = f"{kind} {'bidirectional' if bidirectional else 'unidirectional'}"
        cases[name] = case(kind, bidirectional, seed)
        seed += 1
json.dump({"torch": torch.__version__, "cases": cases}, sys.stdout, separators=(",", ":"))
