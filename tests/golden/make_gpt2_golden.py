#!/usr/bin/python3
"""Golden fixtures for the Hugging Face GPT-2 import (tests/engine/tst_hfimport.cpp, tst_bpe.cpp).

Writes tests/golden/gpt2-tiny/ (config.json, model.safetensors, vocab.json, merges.txt) and
tests/golden/gpt2_golden.json. Needs only torch (no transformers, no numpy): the GPT-2 forward
below follows HF's GPT2LMHeadModel layout (Conv1D weights (in, out), fused c_attn, gelu_new,
pre-LN, tied head), with random seeded weights. The safetensors file is written by hand:
8-byte LE header length + JSON header + raw F32 data. Names carry the "transformer." prefix and
the h.{i}.attn.bias / masked_bias buffers are included, as older HF checkpoints have them.

The BPE encoder is HF's GPT2Tokenizer.bpe algorithm; the pre-tokeniser uses Python's re with
\\w-based classes, which agrees with GPT-2's \\p{L}/\\p{N} regex on the strings used here.
Run: /usr/bin/python3 tests/golden/make_gpt2_golden.py
"""
import json
import math
import os
import re
import struct

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "gpt2-tiny")
C, L, H, NPOS = 32, 2, 4, 64
EPS = 1e-5


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


BYTE_ENC = bytes_to_unicode()
# Merges in rank order, written in the bytes_to_unicode alphabet (Ġ = space).
MERGES = [
    ("Ġ", "t"), ("h", "e"), ("Ġt", "he"), ("i", "n"), ("Ġ", "a"), ("e", "r"), ("o", "n"), ("Ġ", "s"),
    ("r", "e"), ("Ġ", "w"), ("a", "t"), ("e", "n"), ("Ġ", "o"), ("i", "s"), ("Ġ", "c"), ("o", "r"),
    ("in", "g"), ("Ġ", "b"), ("e", "s"), ("Ġ", "f"), ("Ġ", "m"), ("l", "l"), ("Ġa", "n"), ("Ġan", "d"),
    ("Ġo", "f"), ("Ġ", "k"), ("Ġk", "in"), ("Ġkin", "g"), ("Ġ", "l"), ("o", "u"), ("e", "d"), ("Ġ", "d"),
    ("Ġw", "as"), ("a", "s"), ("Ġ", "h"), ("Ġh", "e"), ("Ġs", "e"), ("Ġ", "i"), ("Ġi", "s"), ("Ġ", "p"),
    ("Ġ", "Ġ"), ("ä", "¸"),
]
# ("Ġw", "as") needs "as" before it: keep the list consistent by checking below.


def build_vocab():
    vocab = {}
    for b in range(256):
        vocab[BYTE_ENC[b]] = len(vocab)
    merges = []
    for a, b in MERGES:
        assert a in vocab and b in vocab, (a, b)
        if a + b in vocab:
            continue
        vocab[a + b] = len(vocab)
        merges.append((a, b))
    vocab["<|endoftext|>"] = len(vocab)
    return vocab, merges


# Reorder so every merge only uses tokens created earlier.
def consistent_merges():
    done = set(BYTE_ENC.values())
    pending = list(MERGES)
    out = []
    while pending:
        for i, (a, b) in enumerate(pending):
            if a in done and b in done:
                out.append((a, b))
                done.add(a + b)
                del pending[i]
                break
        else:
            raise SystemExit("inconsistent merges")
    return out


MERGES = consistent_merges()
VOCAB, MERGE_LIST = build_vocab()
V = len(VOCAB)
RANKS = {m: i for i, m in enumerate(MERGE_LIST)}
PAT = re.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?[^\W\d_]+| ?\d+| ?(?:[^\s\w]|_)+|\s+(?!\S)|\s+""")


def bpe(token):
    word = list(token)
    while len(word) > 1:
        pairs = [(word[i], word[i + 1]) for i in range(len(word) - 1)]
        best = min(pairs, key=lambda p: RANKS.get(p, float("inf")))
        if best not in RANKS:
            break
        new, i = [], 0
        while i < len(word):
            if i + 1 < len(word) and word[i] == best[0] and word[i + 1] == best[1]:
                new.append(word[i] + word[i + 1])
                i += 2
            else:
                new.append(word[i])
                i += 1
        word = new
    return word


def encode(text):
    ids = []
    for chunk in PAT.findall(text):
        mapped = "".join(BYTE_ENC[b] for b in chunk.encode("utf-8"))
        ids.extend(VOCAB[t] for t in bpe(mapped))
    return ids


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


def make_weights(gen):
    def rnd(*shape, std=0.2):
        return torch.randn(*shape, generator=gen) * std

    w = {"wte.weight": rnd(V, C, std=0.5), "wpe.weight": rnd(NPOS, C, std=0.3)}
    for l in range(L):
        h = f"h.{l}."
        w[h + "ln_1.weight"] = 1.0 + rnd(C, std=0.1)
        w[h + "ln_1.bias"] = rnd(C, std=0.1)
        w[h + "attn.c_attn.weight"] = rnd(C, 3 * C, std=0.3)
        w[h + "attn.c_attn.bias"] = rnd(3 * C, std=0.1)
        w[h + "attn.c_proj.weight"] = rnd(C, C)
        w[h + "attn.c_proj.bias"] = rnd(C, std=0.05)
        w[h + "ln_2.weight"] = 1.0 + rnd(C, std=0.1)
        w[h + "ln_2.bias"] = rnd(C, std=0.1)
        w[h + "mlp.c_fc.weight"] = rnd(C, 4 * C)
        w[h + "mlp.c_fc.bias"] = rnd(4 * C, std=0.05)
        w[h + "mlp.c_proj.weight"] = rnd(4 * C, C, std=0.1)
        w[h + "mlp.c_proj.bias"] = rnd(C, std=0.05)
    w["ln_f.weight"] = 1.0 + rnd(C, std=0.1)
    w["ln_f.bias"] = rnd(C, std=0.1)
    return w


def forward(w, ids):
    T = len(ids)
    D = C // H
    x = w["wte.weight"][ids] + w["wpe.weight"][torch.arange(T)]  # (T, C)
    mask = torch.tril(torch.ones(T, T, dtype=torch.bool))
    atts = []
    for l in range(L):
        h = f"h.{l}."
        a = torch.nn.functional.layer_norm(x, (C,), w[h + "ln_1.weight"], w[h + "ln_1.bias"], EPS)
        qkv = a @ w[h + "attn.c_attn.weight"] + w[h + "attn.c_attn.bias"]  # (T, 3C)
        q, k, v = qkv.split(C, dim=1)
        q = q.view(T, H, D).transpose(0, 1)  # (H, T, D)
        k = k.view(T, H, D).transpose(0, 1)
        v = v.view(T, H, D).transpose(0, 1)
        s = q @ k.transpose(-1, -2) / math.sqrt(D)
        s = torch.where(mask, s, torch.tensor(torch.finfo(torch.float32).min))
        p = torch.softmax(s, dim=-1)  # (H, T, T)
        atts.append(p)
        y = (p @ v).transpose(0, 1).reshape(T, C)
        x = x + y @ w[h + "attn.c_proj.weight"] + w[h + "attn.c_proj.bias"]
        m = torch.nn.functional.layer_norm(x, (C,), w[h + "ln_2.weight"], w[h + "ln_2.bias"], EPS)
        f = gelu_new(m @ w[h + "mlp.c_fc.weight"] + w[h + "mlp.c_fc.bias"])
        x = x + f @ w[h + "mlp.c_proj.weight"] + w[h + "mlp.c_proj.bias"]
    x = torch.nn.functional.layer_norm(x, (C,), w["ln_f.weight"], w["ln_f.bias"], EPS)
    return x @ w["wte.weight"].t(), atts


def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        flat = t.detach().contiguous().view(-1).tolist()
        data = struct.pack("<%df" % len(flat), *flat)
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    header["__metadata__"] = {"format": "pt"}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


def main():
    gen = torch.Generator().manual_seed(20261130)
    w = make_weights(gen)
    os.makedirs(OUT, exist_ok=True)
    stored = {}
    for name, t in w.items():
        stored["transformer." + name] = t
    for l in range(L):  # buffers that the import must ignore
        stored[f"transformer.h.{l}.attn.bias"] = torch.tril(torch.ones(NPOS, NPOS)).view(1, 1, NPOS, NPOS)
        stored[f"transformer.h.{l}.attn.masked_bias"] = torch.tensor(-1e4)
    write_safetensors(os.path.join(OUT, "model.safetensors"), stored)
    config = {
        "architectures": ["GPT2LMHeadModel"], "model_type": "gpt2", "activation_function": "gelu_new",
        "n_embd": C, "n_layer": L, "n_head": H, "n_positions": NPOS, "n_ctx": NPOS, "vocab_size": V,
        "layer_norm_epsilon": EPS, "tie_word_embeddings": True, "n_inner": None,
        "bos_token_id": V - 1, "eos_token_id": V - 1,
    }
    with open(os.path.join(OUT, "config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2)
    with open(os.path.join(OUT, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump(VOCAB, f, ensure_ascii=False)
    with open(os.path.join(OUT, "merges.txt"), "w", encoding="utf-8") as f:
        f.write("#version: 0.2\n")
        for a, b in MERGE_LIST:
            f.write(f"{a} {b}\n")

    prompt = "The king and the queen were walking, 42 times!"
    ids = encode(prompt)
    with torch.no_grad():
        logits, atts = forward(w, torch.tensor(ids))
    def short(values):  # 8 significant digits: far below the tests' tolerances, half the size
        return [float("%.8g" % v) for v in values]

    attention = {f"layer{l}.head{h}": short(atts[l][h].reshape(-1).tolist()) for l in range(L) for h in range(H)}
    bpe_cases = [
        "hello world", "The king is in the castle.", "  spaces   and\ttabs\n\nnew lines  ",
        "it's we're they'll I'd", "x=3.14; y_2 = 42!!", "國王很老。", "emoji 🎉👍🏽 end", "the_the__the", "café naïve Ελληνικά Русский ٣٤ ５６x",
        "",
    ]
    # Random ASCII (letters, digits, punctuation, apostrophes, runs of whitespace): exercises
    # every branch of the pre-tokeniser, where re and GPT-2's regex agree exactly.
    import random
    rng = random.Random(5)
    alphabet = "abcdefghijklmnopqrstuvwxyzTHE0123456789.,!?'_-\"()   \t\n\n\r"
    bpe_cases += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(40)]
    golden = {
        "config": config, "prompt": prompt, "ids": ids, "T": len(ids), "V": V,
        "logits": short(logits.reshape(-1).tolist()), "attention": attention,
        "bpe": [{"text": t, "ids": encode(t)} for t in bpe_cases],
    }
    with open(os.path.join(HERE, "gpt2_golden.json"), "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=False)
    print("V =", V, "T =", len(ids), "ids =", ids)


if __name__ == "__main__":
    main()
