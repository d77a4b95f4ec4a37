#!/usr/bin/python3
"""Golden fixtures for RWKV-4 (tests/engine/tst_golden_rwkv.cpp).

Writes tests/golden/rwkv-tiny/ (a Hugging Face RwkvForCausalLM folder: config.json,
model.safetensors, and the byte-level BPE vocab.json / merges.txt of gpt2-tiny) and
tests/golden/rwkv_golden.json. Needs only torch: the forward below follows
transformers' modeling_rwkv.py (RwkvForCausalLM in eval mode): pre_ln on block 0, ln1 -> time-mix
with the token shift (ZeroPad2d((0, 0, 1, -1))), WKV as rwkv_linear_attention_cpu (a running
maximum, −1e38 at the start), ln2 -> channel-mix (σ(r) ⊙ value(relu(key)²)), ln_out, head.
The weights are random and seeded, larger than a fresh model's so the keys range widely and the
running maximum matters. The attention width (16) differs from the model width (24), as
attention_hidden_size allows. Values are computed in float64.
Run: /usr/bin/python3 tests/golden/make_rwkv_golden.py
"""
import json
import os
import shutil

import torch

from goldenio import flat, write_safetensors

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "rwkv-tiny")
V, C, A, F, L = 299, 24, 16, 40, 2
EPS = 1e-5


def randn(gen, *shape, std=1.0):
    return torch.randn(*shape, generator=gen, dtype=torch.float64) * std


def make_weights(gen):
    w = {"rwkv.embeddings.weight": randn(gen, V, C, std=0.5)}

    def norm(name, n):
        w[name + ".weight"] = 1.0 + randn(gen, n, std=0.2)
        w[name + ".bias"] = randn(gen, n, std=0.2)

    for l in range(L):
        p = "rwkv.blocks.%d." % l
        if l == 0:
            norm(p + "pre_ln", C)
        norm(p + "ln1", C)
        norm(p + "ln2", C)
        w[p + "attention.time_decay"] = randn(gen, A, std=1.0)
        w[p + "attention.time_first"] = randn(gen, A, std=1.0)
        for m in ("key", "value", "receptance"):
            w[p + "attention.time_mix_" + m] = torch.rand(1, 1, C, generator=gen, dtype=torch.float64)
        w[p + "attention.key.weight"] = randn(gen, A, C, std=0.6)
        w[p + "attention.value.weight"] = randn(gen, A, C, std=0.3)
        w[p + "attention.receptance.weight"] = randn(gen, A, C, std=0.3)
        w[p + "attention.output.weight"] = randn(gen, C, A, std=0.3)
        for m in ("key", "receptance"):
            w[p + "feed_forward.time_mix_" + m] = torch.rand(1, 1, C, generator=gen, dtype=torch.float64)
        w[p + "feed_forward.key.weight"] = randn(gen, F, C, std=0.3)
        w[p + "feed_forward.receptance.weight"] = randn(gen, C, C, std=0.3)
        w[p + "feed_forward.value.weight"] = randn(gen, C, F, std=0.2)
    norm("rwkv.ln_out", C)
    w["head.weight"] = randn(gen, V, C, std=0.3)
    return w


def layer_norm(x, w, name):
    return torch.nn.functional.layer_norm(x, (C,), w[name + ".weight"], w[name + ".bias"], EPS)


def shift(h):
    return torch.nn.functional.pad(h, (0, 0, 1, -1))


def wkv(time_decay, time_first, key, value):
    """transformers' rwkv_linear_attention_cpu (no state in, none out)."""
    _, T, _ = key.shape
    output = torch.zeros_like(key)
    num_state = torch.zeros_like(key[:, 0])
    den_state = torch.zeros_like(key[:, 0])
    max_state = torch.zeros_like(key[:, 0]) - 1e38
    time_decay = -torch.exp(time_decay)
    for t in range(T):
        current_key = key[:, t]
        current_value = value[:, t]
        max_for_output = torch.maximum(max_state, current_key + time_first)
        e1 = torch.exp(max_state - max_for_output)
        e2 = torch.exp(current_key + time_first - max_for_output)
        numerator = e1 * num_state + e2 * current_value
        denominator = e1 * den_state + e2
        output[:, t] = numerator / denominator
        max_for_state = torch.maximum(max_state + time_decay, current_key)
        e1 = torch.exp(max_state + time_decay - max_for_state)
        e2 = torch.exp(current_key - max_for_state)
        num_state = e1 * num_state + e2 * current_value
        den_state = e1 * den_state + e2
        max_state = max_for_state
    return output


def forward(w, ids):
    """ids (B, T) -> logits (B, T, V) and each layer's WKV output (B, T, A)."""
    x = w["rwkv.embeddings.weight"][ids]
    wkvs = []
    for l in range(L):
        p = "rwkv.blocks.%d." % l
        if l == 0:
            x = layer_norm(x, w, p + "pre_ln")
        h = layer_norm(x, w, p + "ln1")
        s = shift(h)

        def mix(name):
            mu = w[p + name]
            return h * mu + s * (1 - mu)

        k = mix("attention.time_mix_key") @ w[p + "attention.key.weight"].T
        v = mix("attention.time_mix_value") @ w[p + "attention.value.weight"].T
        r = torch.sigmoid(mix("attention.time_mix_receptance") @ w[p + "attention.receptance.weight"].T)
        y = wkv(w[p + "attention.time_decay"], w[p + "attention.time_first"], k, v)
        wkvs.append(y)
        x = x + (r * y) @ w[p + "attention.output.weight"].T
        h = layer_norm(x, w, p + "ln2")
        s = shift(h)
        key = torch.square(torch.relu(mix("feed_forward.time_mix_key") @ w[p + "feed_forward.key.weight"].T))
        value = key @ w[p + "feed_forward.value.weight"].T
        gate = torch.sigmoid(mix("feed_forward.time_mix_receptance") @ w[p + "feed_forward.receptance.weight"].T)
        x = x + gate * value
    x = layer_norm(x, w, "rwkv.ln_out")
    return x @ w["head.weight"].T, wkvs


def main():
    gen = torch.Generator().manual_seed(20261206)
    w = make_weights(gen)
    # What the checkpoint holds is float32: compute the goldens from exactly those values.
    w = {n: t.float().double() for n, t in w.items()}
    os.makedirs(OUT, exist_ok=True)
    config = {"architectures": ["RwkvForCausalLM"], "model_type": "rwkv", "vocab_size": V, "context_length": 64,
              "hidden_size": C, "num_hidden_layers": L, "attention_hidden_size": A, "intermediate_size": F,
              "layer_norm_epsilon": EPS, "bos_token_id": 0, "eos_token_id": 0, "rescale_every": 6,
              "tie_word_embeddings": False, "use_cache": True}
    with open(os.path.join(OUT, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    write_safetensors(os.path.join(OUT, "model.safetensors"), w, {"format": "pt"})
    for name in ("vocab.json", "merges.txt"):
        shutil.copyfile(os.path.join(HERE, "gpt2-tiny", name), os.path.join(OUT, name))

    golden = {"config": config, "forward": []}
    g = torch.Generator().manual_seed(5)
    for T in (1, 7, 19):
        ids = torch.randint(0, V, (1, T), generator=g)
        logits, wkvs = forward(w, ids)
        golden["forward"].append({"ids": flat(ids), "logits": flat(logits[0]), "wkv": [flat(y[0]) for y in wkvs]})

    # Training: B = 2, T = 9, every target counted but two; loss and the gradient of every tensor.
    ids = torch.randint(0, V, (2, 9), generator=g)
    targets = torch.randint(0, V, (2, 9), generator=g)
    targets[0, 3] = -100
    targets[1, 0] = -100
    w64 = {n: t.clone().requires_grad_(True) for n, t in w.items()}
    logits, _ = forward(w64, ids)
    loss = torch.nn.functional.cross_entropy(logits.reshape(-1, V), targets.reshape(-1), ignore_index=-100)
    loss.backward()
    golden["train"] = {"batch": 2, "time": 9, "ids": flat(ids), "targets": flat(targets), "loss": float(loss),
                       "grads": {n: flat(t.grad) for n, t in w64.items()
                                 if n not in ("rwkv.embeddings.weight", "head.weight")}}
    with open(os.path.join(HERE, "rwkv_golden.json"), "w") as f:
        json.dump(golden, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
