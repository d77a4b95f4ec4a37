#!/usr/bin/python3
"""Golden values for the MLP language model (Bengio et al. 2003) from PyTorch.

Writes mlp_golden.json: the weights (torch.nn names), a batch, the loss, the gradients of every
parameter, the logits of one context, and the weights after two AdamW steps (decay on matrices
only, as LMScope's AdamW). tests/engine/tst_golden_mlp.cpp compares the engine with it.
Run with Debian's torch:  /usr/bin/python3 tests/golden/make_mlp_golden.py
"""
import json, os, torch, torch.nn as nn, torch.nn.functional as F

torch.manual_seed(20031)
V, n, d, H = 11, 3, 4, 6          # vocabulary, context, embedding width, hidden units
B, T = 2, 5

class MLP(nn.Module):
    def __init__(s):
        super().__init__()
        s.embedding = nn.Embedding(V, d)
        s.hidden = nn.Linear(n * d, H)
        s.output = nn.Linear(H, V)
    def forward(s, contexts):                     # contexts: (N, n) -> logits (N, V)
        x = s.embedding(contexts).reshape(contexts.shape[0], n * d)
        return s.output(torch.tanh(s.hidden(x)))

m = MLP()
inputs = torch.randint(0, V, (B, T))
targets = torch.randint(0, V, (B, T))
# Positions t >= n-1 have a full context inputs[b, t-n+1 .. t] and predict targets[b, t].
ctx = torch.stack([inputs[b, t - n + 1:t + 1] for b in range(B) for t in range(n - 1, T)])
tgt = torch.stack([targets[b, t] for b in range(B) for t in range(n - 1, T)])
loss = F.cross_entropy(m(ctx), tgt)
loss.backward()
names = ["embedding.weight", "hidden.weight", "hidden.bias", "output.weight", "output.bias"]
params = dict(m.named_parameters())
out = {
    "config": {"arch": "mlp", "vocab_size": V, "context": n, "dim": d, "hidden": H},
    "weights": {k: {"shape": list(params[k].shape), "values": params[k].detach().flatten().tolist()} for k in names},
    "batch": {"B": B, "T": T, "inputs": inputs.flatten().tolist(), "targets": targets.flatten().tolist()},
    "loss": loss.item(),
    "grads": {k: params[k].grad.flatten().tolist() for k in names},
}
probe = torch.tensor([[3, 1, 4]])
with torch.no_grad():
    out["probe"] = {"context": [3, 1, 4], "logits": m(probe)[0].tolist()}

# Two AdamW steps from the same start: weight decay on matrices (rank >= 2) only.
decay = [p for k, p in params.items() if p.dim() >= 2]
no_decay = [p for k, p in params.items() if p.dim() < 2]
opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
                        lr=0.01, betas=(0.9, 0.999), eps=1e-8)
opt.step()                         # uses the gradients above
opt.zero_grad()
F.cross_entropy(m(ctx), tgt).backward()
opt.step()
out["adamw"] = {"lr": 0.01, "weight_decay": 0.1, "steps": 2,
                "weights": {k: params[k].detach().flatten().tolist() for k in names}}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "mlp_golden.json")
with open(path, "w") as f:
    json.dump(out, f)
print("wrote", path, "loss", out["loss"])
