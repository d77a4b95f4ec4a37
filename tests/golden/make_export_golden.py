"""PyTorch's view of the Hugging Face folders `lmscope-cli export-hf` writes (issue: leaving the lab).

A GPT (GPT-2 layout, tied head, byte-level BPE) and a BERT (MLM + NSP heads, WordPiece) are trained
here for a few steps with our CLI, exported with `export-hf`, and read back by this script with
nothing but torch and the file formats: config.json's fields, model.safetensors' tensor names and
the computation of transformers' modeling_gpt2.py (GPT2LMHeadModel: Conv1D weights (in, out),
gelu_new, pre-LN, logits = h · wteᵀ) and modeling_bert.py (BertForPreTraining: post-LN, erf GELU,
MLM transform + tied decoder + cls.predictions.bias). The logits must match what our
`forward --model DIR --logits` prints to 1e-3; the folders and torch's logits become fixtures
(tests/golden/export-gpt2, export-bert, export_golden.json) that tst_golden_export reads without
torch, and re-exports to check that the exporter still writes what torch read here.

  /usr/bin/python3 tests/golden/make_export_golden.py [BUILD_DIR]   (default: build)
"""
import csv
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
TOLERANCE = 1e-3


def read_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        assert info["dtype"] == "F32", (name, info["dtype"])
        begin, end = info["data_offsets"]
        values = struct.unpack("<%df" % ((end - begin) // 4), data[begin:end])
        tensors[name] = torch.tensor(values, dtype=torch.float64).reshape(info["shape"])
    return tensors


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x.pow(3))))


def gelu_erf(x):
    return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))


def gpt2_logits(folder, ids):
    """GPT2LMHeadModel's logits (T, V) for one sequence."""
    cfg = json.load(open(os.path.join(folder, "config.json")))
    assert cfg["model_type"] == "gpt2" and cfg["architectures"] == ["GPT2LMHeadModel"]
    assert cfg["activation_function"] == "gelu_new" and cfg["tie_word_embeddings"] is True
    w = read_safetensors(os.path.join(folder, "model.safetensors"))
    assert "lm_head.weight" not in w, "a tied head is saved once, as wte"
    p = lambda name: w["transformer." + name]
    C, H, L, eps = cfg["n_embd"], cfg["n_head"], cfg["n_layer"], cfg["layer_norm_epsilon"]
    D, T = C // H, len(ids)
    ln = lambda x, n: torch.nn.functional.layer_norm(x, (C,), p(n + ".weight"), p(n + ".bias"), eps)
    conv = lambda x, n: x @ p(n + ".weight") + p(n + ".bias")  # Conv1D: weight (in, out)
    x = p("wte.weight")[ids] + p("wpe.weight")[torch.arange(T)]
    causal = torch.tril(torch.ones(T, T, dtype=torch.bool))
    for l in range(L):
        h = "h.%d." % l
        q, k, v = conv(ln(x, h + "ln_1"), h + "attn.c_attn").split(C, dim=1)
        q, k, v = (t.view(T, H, D).transpose(0, 1) for t in (q, k, v))
        s = (q @ k.transpose(-1, -2)) / math.sqrt(D)
        s = s.masked_fill(~causal, float("-inf"))
        y = (s.softmax(-1) @ v).transpose(0, 1).reshape(T, C)
        x = x + conv(y, h + "attn.c_proj")
        x = x + conv(gelu_new(conv(ln(x, h + "ln_2"), h + "mlp.c_fc")), h + "mlp.c_proj")
    x = ln(x, "ln_f")
    return x @ p("wte.weight").t()


def bert_logits(folder, ids):
    """BertForPreTraining's MLM logits (T, V) for one sequence of token type 0, no padding."""
    cfg = json.load(open(os.path.join(folder, "config.json")))
    assert cfg["model_type"] == "bert" and cfg["hidden_act"] == "gelu"
    assert cfg["position_embedding_type"] == "absolute"
    w = read_safetensors(os.path.join(folder, "model.safetensors"))
    C, H, L, eps = cfg["hidden_size"], cfg["num_attention_heads"], cfg["num_hidden_layers"], cfg["layer_norm_eps"]
    D, T = C // H, len(ids)
    ln = lambda x, n: torch.nn.functional.layer_norm(x, (C,), w[n + ".weight"], w[n + ".bias"], eps)
    lin = lambda x, n: x @ w[n + ".weight"].t() + w[n + ".bias"]  # nn.Linear: weight (out, in)
    e = "bert.embeddings."
    x = w[e + "word_embeddings.weight"][ids] + w[e + "position_embeddings.weight"][torch.arange(T)]
    x = ln(x + w[e + "token_type_embeddings.weight"][torch.zeros(T, dtype=torch.long)], e + "LayerNorm")
    for l in range(L):
        a = "bert.encoder.layer.%d." % l
        q, k, v = (lin(x, a + "attention.self." + n).view(T, H, D).transpose(0, 1) for n in ("query", "key", "value"))
        ctx = ((q @ k.transpose(-1, -2)) / math.sqrt(D)).softmax(-1) @ v
        x = ln(lin(ctx.transpose(0, 1).reshape(T, C), a + "attention.output.dense") + x, a + "attention.output.LayerNorm")
        x = ln(lin(gelu_erf(lin(x, a + "intermediate.dense")), a + "output.dense") + x, a + "output.LayerNorm")
    t = ln(gelu_erf(lin(x, "cls.predictions.transform.dense")), "cls.predictions.transform.LayerNorm")
    return t @ w[e + "word_embeddings.weight"].t() + w["cls.predictions.bias"]


def run(cli, *args):
    result = subprocess.run([cli, *args], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("%s %s failed:\n%s" % (cli, " ".join(args), result.stderr))
    return result.stdout


def our_logits(cli, folder, ids, scratch):
    out = os.path.join(scratch, "logits.csv")
    run(cli, "forward", "--model", folder, "--ids", ",".join(map(str, ids)), "--logits", out)
    with open(out, newline="") as f:
        rows = list(csv.reader(f))[1:]  # position,token,logit_0,… per position
    return torch.tensor([[float(c) for c in r[2:]] for r in rows], dtype=torch.float64)


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
    cli = os.path.join(build, "app", "lmscope-cli")
    scratch = tempfile.mkdtemp()
    golden = {"tolerance": TOLERANCE}
    cases = [
        ("gpt2", "export-gpt2", gpt2_logits,
         ["--arch", "gpt", "--corpus", "builtin:en", "--tokenizer", "bpe", "--vocab-size", "300", "--dim", "32",
          "--layers", "2", "--heads", "4", "--max-seq", "64", "--seq", "32", "--batch", "8", "--steps", "40"]),
        ("bert", "export-bert", bert_logits,
         ["--arch", "bert", "--corpus", "builtin:documents_en", "--objective", "mlm,nsp", "--vocab-size", "300",
          "--dim", "32", "--layers", "2", "--heads", "4", "--hidden", "64", "--max-seq", "64", "--seq", "32",
          "--batch", "8", "--steps", "40"]),
    ]
    gen = torch.Generator().manual_seed(17)
    for name, folder_name, reference, train_args in cases:
        model = os.path.join(scratch, name + ".safetensors")
        run(cli, "train", *train_args, "--seed", "3", "--threads", "1", "--out", model)
        folder = os.path.join(HERE, folder_name)
        shutil.rmtree(folder, ignore_errors=True)
        run(cli, "export-hf", "--model", model, "--out", folder)
        vocab = json.load(open(os.path.join(folder, "config.json")))["vocab_size"]
        ids = torch.randint(5, vocab, (12,), generator=gen).tolist()
        want = reference(folder, torch.tensor(ids))
        got = our_logits(cli, folder, ids, scratch)
        assert got.shape == want.shape, (name, got.shape, want.shape)
        worst = (got - want).abs().max().item()
        print("%s: %d logits, max |ours - torch| = %.3g" % (name, want.numel(), worst))
        assert worst <= TOLERANCE, name
        golden[name] = {"folder": folder_name, "ids": ids, "shape": list(want.shape),
                        "logits": [float("%.8g" % v) for v in want.reshape(-1).tolist()],
                        "max_difference": float("%.3g" % worst)}
    with open(os.path.join(HERE, "export_golden.json"), "w") as f:
        json.dump(golden, f, separators=(",", ":"))
    shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
