#!/usr/bin/python3
"""Golden fixtures for the encoder-decoder families (T5 and BART).

Writes three Hugging Face layout folders (config.json + model.safetensors, float32, HF tensor
names, plus the tokenizer files named below) under tests/golden/ with random seeded weights:
  t5-tiny/        T5ForConditionalGeneration: tied head (tie_word_embeddings true, no
                  lm_head.weight, logits = (h * d_model**-0.5) @ shared^T), feed_forward_proj
                  "relu" (wi, wo), num_layers 2 != num_decoder_layers 3, num_heads * d_kv = 18 !=
                  d_model 16, relative_attention_bias only in block 0 of each stack; only
                  shared.weight is stored (no copied embed_tokens).
  Both T5 folders carry a SentencePiece unigram tokenizer.json in T5's layout (<pad> 0, </s> 1,
  <unk> 2, word pieces, <extra_id_N> sentinels at the top of the vocabulary).
  t5-tiny-gated/  the same sizes, untied head (lm_head.weight present, no rescaling),
                  feed_forward_proj "gated-gelu" (wi_0, wi_1, wo; gelu_new(wi_0 x) * wi_1 x),
                  2 + 2 layers, and the old copied encoder.embed_tokens.weight /
                  decoder.embed_tokens.weight tensors (exact copies of shared.weight).
  bart-tiny/      BartForConditionalGeneration: learned positions with offset 2 (26 rows for
                  max_position_embeddings 24), scale_embedding, layernorm_embedding, post-LN
                  layers with biased projections, GELU (erf), copied embed_tokens and lm_head,
                  a random (non-zero) final_logits_bias. Encoder and decoder differ in depth and
                  head count: encoder_layers 2 / decoder_layers 3, encoder_attention_heads 4
                  (head_dim 4) / decoder_attention_heads 2 (head_dim 8; cross-attention lives in
                  the decoder and uses its head count), encoder_ffn_dim 32 / decoder_ffn_dim 24.
                  Carries a byte-level BPE tokenizer in GPT-2/BART format: vocab.json (tokens in
                  GPT-2's bytes_to_unicode alphabet -> ids) and merges.txt ("#version: 0.2" then
                  one "a b" merge per line, in rank order). Vocabulary (V = 264, ids 0..263):
                  <s> 0, <pad> 1, </s> 2, <unk> 3, the 256 single bytes in byte order (4..259),
                  the merged tokens "Ġt" 260, "he" 261, "Ġthe" 262 (merges "Ġ t", "h e", "Ġt he"),
                  <mask> 263.
and tests/golden/seq2seq_golden.json with, per model and input pair: the logits (Td, V), the
encoder output (after final_layer_norm for T5), the encoder self-, decoder self- and cross-
attention probabilities [layer][head][query][key]; and for a padded two-row training batch the
cross-entropy loss (ignore_index -100) and the gradients of the CHECKED_GRADS parameters.
BART ids are drawn from [4, V-1) (bytes and merges; no specials, no <mask>) apart from the
explicit <s> / </s> / <pad>; its third case ("bart text") carries "text": "the cat" and, as
input_ids, <s> + the byte-level BPE of that text (GPT-2 pre-tokenisation, merges applied by rank
within each pre-token) + </s>. BART draws from its own torch.Generator, so T5's draws do not
depend on it.

Needs only torch (no transformers): the forward below follows modeling_t5.py (T5LayerNorm =
RMS norm without bias, unscaled q k^T + relative position bias, _relative_position_bucket as HF,
encoder padding mask and decoder causal mask added as finfo.min) and modeling_bart.py
(BartLearnedPositionalEmbedding offset 2, q scaled by head_dim**-0.5 after its bias, nn.Embedding
with padding_idx = pad_token_id so the pad row gets no gradient from the lookups, logits + the
final_logits_bias). Tied weights are one parameter: the gradient reported for shared.weight /
model.shared.weight is the sum over all its uses (embeddings and tied head). final_logits_bias is
a buffer in HF (never trained); its gradient here is the mathematical one.
Computed in float64 from float32 weights. Safetensors are written by hand.
Run: /usr/bin/python3 tests/golden/make_seq2seq_golden.py
"""
import json
import math
import os
import re
import struct

import torch

torch.set_num_threads(1)

HERE = os.path.dirname(os.path.abspath(__file__))
V = 40  # T5 vocabulary (BART has its own BART_V below)
D = 16
MIN = torch.finfo(torch.float64).min

T5_SIZES = {"d_model": D, "num_heads": 3, "d_kv": 6, "d_ff": 24, "num_buckets": 8, "max_distance": 20, "eps": 1e-6}
BART_SIZES = {"d_model": D, "enc_layers": 2, "dec_layers": 3, "enc_heads": 4, "dec_heads": 2,
              "enc_ffn": 32, "dec_ffn": 24, "positions": 24, "eps": 1e-5}
BART_OFFSET = 2
BART_BOS, BART_PAD, BART_EOS, BART_UNK = 0, 1, 2, 3
BART_SEED = 20261206
T5_PAD, T5_EOS, T5_START = 0, 1, 0


def gelu(x):
    return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x.pow(3))))


def randn(gen, *shape, std=0.2):
    return (torch.randn(*shape, generator=gen) * std).float()


def rms_norm(x, w, eps):
    """T5LayerNorm: no mean subtraction, no bias."""
    return w * (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps))


def layer_norm(x, w, b, eps):
    return torch.nn.functional.layer_norm(x, (x.shape[-1],), w, b, eps)


def relative_position_bucket(relative_position, bidirectional=True, num_buckets=32, max_distance=128):
    """HF T5Attention._relative_position_bucket, line for line (the log part in float32 as HF)."""
    relative_buckets = 0
    if bidirectional:
        num_buckets //= 2
        relative_buckets += (relative_position > 0).to(torch.long) * num_buckets
        relative_position = torch.abs(relative_position)
    else:
        relative_position = -torch.min(relative_position, torch.zeros_like(relative_position))
    max_exact = num_buckets // 2
    is_small = relative_position < max_exact
    relative_position_if_large = max_exact + (
        torch.log(relative_position.float() / max_exact)
        / math.log(max_distance / max_exact)
        * (num_buckets - max_exact)
    ).to(torch.long)
    relative_position_if_large = torch.min(
        relative_position_if_large, torch.full_like(relative_position_if_large, num_buckets - 1))
    relative_buckets += torch.where(is_small, relative_position, relative_position_if_large)
    return relative_buckets


def t5_position_bias(table, q_len, k_len, bidirectional):
    """T5Attention.compute_bias: (1, heads, q_len, k_len) from the (num_buckets, heads) table."""
    context = torch.arange(q_len, dtype=torch.long)[:, None]
    memory = torch.arange(k_len, dtype=torch.long)[None, :]
    buckets = relative_position_bucket(memory - context, bidirectional, T5_SIZES["num_buckets"],
                                       T5_SIZES["max_distance"])
    return table[buckets].permute(2, 0, 1).unsqueeze(0)


# ---------------------------------------------------------------------------------------- T5

def t5_weights(gen, layers, dec_layers, gated, tied):
    s = T5_SIZES
    inner = s["num_heads"] * s["d_kv"]
    w = {"shared.weight": randn(gen, V, D, std=1.0)}

    def attn(pre, rel):
        for n in ("q", "k", "v"):
            w[pre + n + ".weight"] = randn(gen, inner, D)
        w[pre + "o.weight"] = randn(gen, D, inner)
        if rel:
            w[pre + "relative_attention_bias.weight"] = randn(gen, s["num_buckets"], s["num_heads"], std=0.5)

    def norm(name):
        w[name] = (1.0 + randn(gen, D, std=0.1)).float()

    def ff(pre):
        if gated:
            w[pre + "wi_0.weight"] = randn(gen, s["d_ff"], D)
            w[pre + "wi_1.weight"] = randn(gen, s["d_ff"], D)
        else:
            w[pre + "wi.weight"] = randn(gen, s["d_ff"], D)
        w[pre + "wo.weight"] = randn(gen, D, s["d_ff"])

    for i in range(layers):
        pre = f"encoder.block.{i}.layer."
        attn(pre + "0.SelfAttention.", i == 0)
        norm(pre + "0.layer_norm.weight")
        ff(pre + "1.DenseReluDense.")
        norm(pre + "1.layer_norm.weight")
    norm("encoder.final_layer_norm.weight")
    for i in range(dec_layers):
        pre = f"decoder.block.{i}.layer."
        attn(pre + "0.SelfAttention.", i == 0)
        norm(pre + "0.layer_norm.weight")
        attn(pre + "1.EncDecAttention.", False)
        norm(pre + "1.layer_norm.weight")
        ff(pre + "2.DenseReluDense.")
        norm(pre + "2.layer_norm.weight")
    norm("decoder.final_layer_norm.weight")
    if not tied:
        w["lm_head.weight"] = randn(gen, V, D, std=0.3)
    return w


def t5_forward(w, cfg, ids, dec_ids, mask):
    """ids, mask: (B, Ts) long; dec_ids: (B, Td). Returns a dict of float64 tensors."""
    s = T5_SIZES
    NH, DK, eps = s["num_heads"], s["d_kv"], s["eps"]
    B, Ts = ids.shape
    Td = dec_ids.shape[1]
    act = gelu_new if cfg["gated"] else torch.relu

    def attention(pre, xq, xkv, bias):
        Tq, Tk = xq.shape[1], xkv.shape[1]
        q = (xq @ w[pre + "q.weight"].T).view(B, Tq, NH, DK).transpose(1, 2)
        k = (xkv @ w[pre + "k.weight"].T).view(B, Tk, NH, DK).transpose(1, 2)
        v = (xkv @ w[pre + "v.weight"].T).view(B, Tk, NH, DK).transpose(1, 2)
        scores = q @ k.transpose(-1, -2) + bias  # no 1/sqrt(d_kv) in T5
        probs = scores.softmax(-1)
        ctx = (probs @ v).transpose(1, 2).reshape(B, Tq, NH * DK)
        return ctx @ w[pre + "o.weight"].T, probs

    def feed_forward(pre, x):
        if cfg["gated"]:
            h = act(x @ w[pre + "wi_0.weight"].T) * (x @ w[pre + "wi_1.weight"].T)
        else:
            h = act(x @ w[pre + "wi.weight"].T)
        return h @ w[pre + "wo.weight"].T

    ext = (1.0 - mask[:, None, None, :].double()) * MIN  # (B, 1, 1, Ts)
    x = w["shared.weight"][ids]
    enc_bias = t5_position_bias(w["encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight"],
                                Ts, Ts, True) + ext
    enc_attn = []
    for i in range(cfg["layers"]):
        pre = f"encoder.block.{i}.layer."
        h = rms_norm(x, w[pre + "0.layer_norm.weight"], eps)
        a, p = attention(pre + "0.SelfAttention.", h, h, enc_bias)
        enc_attn.append(p)
        x = x + a
        x = x + feed_forward(pre + "1.DenseReluDense.", rms_norm(x, w[pre + "1.layer_norm.weight"], eps))
    enc = rms_norm(x, w["encoder.final_layer_norm.weight"], eps)

    causal = torch.triu(torch.full((Td, Td), MIN, dtype=torch.float64), diagonal=1)
    dec_bias = t5_position_bias(w["decoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight"],
                                Td, Td, False) + causal
    x = w["shared.weight"][dec_ids]
    dec_attn, cross_attn = [], []
    for i in range(cfg["dec_layers"]):
        pre = f"decoder.block.{i}.layer."
        h = rms_norm(x, w[pre + "0.layer_norm.weight"], eps)
        a, p = attention(pre + "0.SelfAttention.", h, h, dec_bias)
        dec_attn.append(p)
        x = x + a
        a, p = attention(pre + "1.EncDecAttention.", rms_norm(x, w[pre + "1.layer_norm.weight"], eps), enc, ext)
        cross_attn.append(p)
        x = x + a
        x = x + feed_forward(pre + "2.DenseReluDense.", rms_norm(x, w[pre + "2.layer_norm.weight"], eps))
    x = rms_norm(x, w["decoder.final_layer_norm.weight"], eps)
    if cfg["tied"]:
        logits = (x * D ** -0.5) @ w["shared.weight"].T
    else:
        logits = x @ w["lm_head.weight"].T
    return {"logits": logits, "encoder_hidden": enc, "encoder_attentions": enc_attn,
            "decoder_attentions": dec_attn, "cross_attentions": cross_attn}


def t5_config(cfg):
    return {"architectures": ["T5ForConditionalGeneration"], "model_type": "t5", "d_model": D,
            "d_kv": T5_SIZES["d_kv"], "d_ff": T5_SIZES["d_ff"], "num_layers": cfg["layers"],
            "num_decoder_layers": cfg["dec_layers"], "num_heads": T5_SIZES["num_heads"],
            "relative_attention_num_buckets": T5_SIZES["num_buckets"],
            "relative_attention_max_distance": T5_SIZES["max_distance"], "dropout_rate": 0.0,
            "layer_norm_epsilon": T5_SIZES["eps"], "initializer_factor": 1.0,
            "feed_forward_proj": "gated-gelu" if cfg["gated"] else "relu", "is_encoder_decoder": True,
            "use_cache": True, "tie_word_embeddings": cfg["tied"], "vocab_size": V, "pad_token_id": T5_PAD,
            "eos_token_id": T5_EOS, "decoder_start_token_id": T5_START}


# -------------------------------------------------------------------------------------- BART

def bytes_to_unicode():
    """GPT-2's byte -> printable unicode character table (space -> 'Ġ')."""
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, [chr(c) for c in cs]))


BART_BYTE_ENC = bytes_to_unicode()
# Merges in rank order (rank 0 first), in the bytes_to_unicode alphabet.
BART_MERGES = [("Ġ", "t"), ("h", "e"), ("Ġt", "he")]


def bart_vocab():
    vocab = {"<s>": BART_BOS, "<pad>": BART_PAD, "</s>": BART_EOS, "<unk>": BART_UNK}
    for b in range(256):
        vocab[BART_BYTE_ENC[b]] = len(vocab)
    for a, b in BART_MERGES:
        assert a in vocab and b in vocab and a + b not in vocab, (a, b)
        vocab[a + b] = len(vocab)
    vocab["<mask>"] = len(vocab)
    assert sorted(vocab.values()) == list(range(len(vocab))), "ids must be exactly 0..V-1"
    return vocab


BART_VOCAB = bart_vocab()
BART_V = len(BART_VOCAB)
BART_MASK = BART_VOCAB["<mask>"]
BART_RANKS = {m: i for i, m in enumerate(BART_MERGES)}
# GPT-2's pre-tokenisation regex with Python re classes (agrees with \p{L}/\p{N} on ASCII text).
BART_PAT = re.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?[^\W\d_]+| ?\d+| ?(?:[^\s\w]|_)+|\s+(?!\S)|\s+""")


def bart_bpe(token):
    """HF GPT2Tokenizer.bpe: merge the lowest-rank adjacent pair, repeatedly, until none applies."""
    word = list(token)
    while len(word) > 1:
        pairs = [(word[i], word[i + 1]) for i in range(len(word) - 1)]
        best = min(pairs, key=lambda p: BART_RANKS.get(p, float("inf")))
        if best not in BART_RANKS:
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


def bart_encode(text):
    """Token ids of text (no specials added)."""
    assert text.isascii(), "the re-based pre-tokeniser is only exact on ASCII"
    ids = []
    for chunk in BART_PAT.findall(text):
        mapped = "".join(BART_BYTE_ENC[b] for b in chunk.encode("utf-8"))
        ids.extend(BART_VOCAB[t] for t in bart_bpe(mapped))
    return ids


def bart_tokenizer_files():
    vocab = json.dumps(BART_VOCAB, ensure_ascii=False)
    merges = "#version: 0.2\n" + "".join("%s %s\n" % m for m in BART_MERGES)
    return {"vocab.json": vocab, "merges.txt": merges}


def bart_weights(gen):
    s = BART_SIZES
    w = {"model.shared.weight": randn(gen, BART_V, D, std=0.3)}

    def linear(name, out, inp):
        w[name + ".weight"] = randn(gen, out, inp)
        w[name + ".bias"] = randn(gen, out, std=0.1)

    def norm(name):
        w[name + ".weight"] = (1.0 + randn(gen, D, std=0.1)).float()
        w[name + ".bias"] = randn(gen, D, std=0.1)

    for stack, layers, ffn in (("encoder", s["enc_layers"], s["enc_ffn"]), ("decoder", s["dec_layers"], s["dec_ffn"])):
        w[f"model.{stack}.embed_positions.weight"] = randn(gen, s["positions"] + BART_OFFSET, D, std=0.5)
        norm(f"model.{stack}.layernorm_embedding")
        for i in range(layers):
            pre = f"model.{stack}.layers.{i}."
            blocks = ("self_attn", "encoder_attn") if stack == "decoder" else ("self_attn",)
            for blk in blocks:
                for n in ("q_proj", "k_proj", "v_proj", "out_proj"):
                    linear(pre + blk + "." + n, D, D)
                norm(pre + blk + "_layer_norm")
            linear(pre + "fc1", ffn, D)
            linear(pre + "fc2", D, ffn)
            norm(pre + "final_layer_norm")
    w["final_logits_bias"] = randn(gen, 1, BART_V, std=0.5)
    return w


def bart_forward(w, ids, dec_ids, mask):
    s = BART_SIZES
    eps = s["eps"]
    B, Ts = ids.shape
    Td = dec_ids.shape[1]

    def lin(name, t):
        return t @ w[name + ".weight"].T + w[name + ".bias"]

    def attention(pre, xq, xkv, bias, NH):
        HD = D // NH
        Tq, Tk = xq.shape[1], xkv.shape[1]
        q = (lin(pre + "q_proj", xq) * HD ** -0.5).view(B, Tq, NH, HD).transpose(1, 2)
        k = lin(pre + "k_proj", xkv).view(B, Tk, NH, HD).transpose(1, 2)
        v = lin(pre + "v_proj", xkv).view(B, Tk, NH, HD).transpose(1, 2)
        probs = (q @ k.transpose(-1, -2) + bias).softmax(-1)
        ctx = (probs @ v).transpose(1, 2).reshape(B, Tq, D)
        return lin(pre + "out_proj", ctx), probs

    def embed(stack, t):
        T = t.shape[1]
        # nn.Embedding(V, d, padding_idx=pad): the pad row gets no gradient from the lookup
        x = torch.nn.functional.embedding(t, w["model.shared.weight"], padding_idx=BART_PAD) * math.sqrt(D)
        x = x + w[f"model.{stack}.embed_positions.weight"][torch.arange(T) + BART_OFFSET]
        return layer_norm(x, w[f"model.{stack}.layernorm_embedding.weight"],
                          w[f"model.{stack}.layernorm_embedding.bias"], eps)

    def norm(name, t):
        return layer_norm(t, w[name + ".weight"], w[name + ".bias"], eps)

    def ffn(pre, t):
        return norm(pre + "final_layer_norm", t + lin(pre + "fc2", gelu(lin(pre + "fc1", t))))

    ext = (1.0 - mask[:, None, None, :].double()) * MIN
    x = embed("encoder", ids)
    enc_attn = []
    for i in range(s["enc_layers"]):
        pre = f"model.encoder.layers.{i}."
        a, p = attention(pre + "self_attn.", x, x, ext, s["enc_heads"])
        enc_attn.append(p)
        x = norm(pre + "self_attn_layer_norm", x + a)
        x = ffn(pre, x)
    enc = x

    causal = torch.triu(torch.full((Td, Td), MIN, dtype=torch.float64), diagonal=1)
    x = embed("decoder", dec_ids)
    dec_attn, cross_attn = [], []
    for i in range(s["dec_layers"]):
        pre = f"model.decoder.layers.{i}."
        a, p = attention(pre + "self_attn.", x, x, causal, s["dec_heads"])
        dec_attn.append(p)
        x = norm(pre + "self_attn_layer_norm", x + a)
        a, p = attention(pre + "encoder_attn.", x, enc, ext, s["dec_heads"])  # cross: decoder's heads
        cross_attn.append(p)
        x = norm(pre + "encoder_attn_layer_norm", x + a)
        x = ffn(pre, x)
    logits = x @ w["model.shared.weight"].T + w["final_logits_bias"]
    return {"logits": logits, "encoder_hidden": enc, "encoder_attentions": enc_attn,
            "decoder_attentions": dec_attn, "cross_attentions": cross_attn}


def bart_config():
    s = BART_SIZES
    return {"architectures": ["BartForConditionalGeneration"], "model_type": "bart", "d_model": D,
            "encoder_layers": s["enc_layers"], "decoder_layers": s["dec_layers"],
            "encoder_attention_heads": s["enc_heads"], "decoder_attention_heads": s["dec_heads"],
            "encoder_ffn_dim": s["enc_ffn"], "decoder_ffn_dim": s["dec_ffn"],
            "max_position_embeddings": s["positions"], "vocab_size": BART_V, "activation_function": "gelu",
            "scale_embedding": True, "dropout": 0.0, "attention_dropout": 0.0, "activation_dropout": 0.0,
            "classifier_dropout": 0.0, "encoder_layerdrop": 0.0, "decoder_layerdrop": 0.0, "init_std": 0.02,
            "is_encoder_decoder": True, "tie_word_embeddings": True, "use_cache": True,
            "pad_token_id": BART_PAD, "bos_token_id": BART_BOS, "eos_token_id": BART_EOS,
            "decoder_start_token_id": BART_EOS, "forced_bos_token_id": BART_BOS, "forced_eos_token_id": BART_EOS}


# ------------------------------------------------------------------------------------ output

def write_safetensors(path, tensors):
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        flat_values = t.detach().float().contiguous().view(-1).tolist()
        data = struct.pack("<%df" % len(flat_values), *flat_values)
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


def write_folder(name, config, weights, files=None):
    out = os.path.join(HERE, name)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    write_safetensors(os.path.join(out, "model.safetensors"), weights)
    for file, text in (files or {}).items():
        with open(os.path.join(out, file), "w", encoding="utf-8") as f:
            f.write(text)


T5_WORDS = ["the", "a", "is", "red", "blue", "sky", "cat", "dog", "sat", "on", "mat", "and", "it", "was", "green",
            "tree", "house", "big", "small", "ran", "to", "sun", "moon", "day", "night", "happy", "sad", "very",
            "walk", "play", "s", "ed", "ing", ".", ","]


def t5_tokenizer_json():
    """A SentencePiece unigram tokenizer.json in T5's layout for V = 40 pieces: <pad> 0, </s> 1,
    <unk> 2, word pieces, and the sentinels at the top (<extra_id_0> is the last id, as in T5)."""
    pieces = [["<pad>", 0.0], ["</s>", 0.0], ["<unk>", 0.0]]
    for i, w in enumerate(T5_WORDS):
        pieces.append([w if w in (".", ",", "s", "ed", "ing") else "\u2581" + w, -5.0 - 0.01 * i])
    pieces.append(["\u2581", -3.0])
    sentinels = ["<extra_id_%d>" % k for k in range(V - len(pieces) - 1, -1, -1)]
    pieces += [[t, 0.0] for t in sentinels]
    assert len(pieces) == V, len(pieces)
    added = [{"id": i, "content": p, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False,
              "special": True} for i, (p, _) in enumerate(pieces) if p.startswith("<")]
    return json.dumps({
        "version": "1.0",
        "added_tokens": added,
        "normalizer": {"type": "Precompiled", "precompiled_charsmap": None},
        "pre_tokenizer": {"type": "Metaspace", "replacement": "\u2581", "add_prefix_space": True,
                          "prepend_scheme": "always"},
        "post_processor": {"type": "TemplateProcessing",
                           "single": [{"Sequence": {"id": "A", "type_id": 0}},
                                      {"SpecialToken": {"id": "</s>", "type_id": 0}}],
                           "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}},
                                    {"Sequence": {"id": "B", "type_id": 0}}, {"SpecialToken": {"id": "</s>", "type_id": 0}}],
                           "special_tokens": {"</s>": {"id": "</s>", "ids": [1], "tokens": ["</s>"]}}},
        "decoder": {"type": "Metaspace", "replacement": "\u2581", "add_prefix_space": True},
        "model": {"type": "Unigram", "unk_id": 2, "vocab": pieces},
    }, ensure_ascii=False, indent=1)


def r7(v):
    """7 significant digits (keeps the JSON small; far below the test tolerances)."""
    return float("%.7g" % v)


def flat(t):
    return [r7(v) for v in t.detach().reshape(-1).tolist()]


def nested(t):
    if t.dim() == 1:
        return [r7(v) for v in t.tolist()]
    return [nested(s) for s in t]


def run_case(forward, w, ids, dec_ids):
    w64 = {n: t.double() for n, t in w.items()}
    t_ids = torch.tensor([ids])
    out = forward(w64, t_ids, torch.tensor([dec_ids]), torch.ones_like(t_ids))
    return {"input_ids": ids, "decoder_input_ids": dec_ids,
            "logits": flat(out["logits"][0]), "encoder_hidden": flat(out["encoder_hidden"][0]),
            "encoder_attentions": [nested(p[0]) for p in out["encoder_attentions"]],
            "decoder_attentions": [nested(p[0]) for p in out["decoder_attentions"]],
            "cross_attentions": [nested(p[0]) for p in out["cross_attentions"]]}


# The parameters whose gradients the test compares: one of each kind of place in the network.
CHECKED_GRADS = {
    "t5": ["shared.weight",
           "encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight",
           "decoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight",
           "encoder.block.1.layer.0.SelfAttention.q.weight",
           "encoder.block.0.layer.0.SelfAttention.o.weight",
           "encoder.block.0.layer.1.layer_norm.weight",
           "decoder.block.1.layer.1.EncDecAttention.k.weight",
           "decoder.block.1.layer.1.EncDecAttention.v.weight",
           "decoder.block.0.layer.1.layer_norm.weight",
           "decoder.block.2.layer.2.DenseReluDense.wi.weight",
           "encoder.block.1.layer.1.DenseReluDense.wo.weight",
           "encoder.final_layer_norm.weight",
           "decoder.final_layer_norm.weight"],
    "t5_gated": ["shared.weight",
                 "encoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight",
                 "decoder.block.0.layer.0.SelfAttention.relative_attention_bias.weight",
                 "encoder.block.1.layer.0.SelfAttention.q.weight",
                 "decoder.block.0.layer.0.SelfAttention.o.weight",
                 "decoder.block.0.layer.1.EncDecAttention.k.weight",
                 "decoder.block.1.layer.1.EncDecAttention.v.weight",
                 "encoder.block.0.layer.1.DenseReluDense.wi_0.weight",
                 "encoder.block.0.layer.1.DenseReluDense.wi_1.weight",
                 "decoder.block.1.layer.2.DenseReluDense.wo.weight",
                 "encoder.final_layer_norm.weight",
                 "decoder.final_layer_norm.weight",
                 "lm_head.weight"],
    "bart": ["model.shared.weight",
             "model.encoder.embed_positions.weight",
             "model.decoder.embed_positions.weight",
             "model.encoder.layernorm_embedding.weight",
             "model.encoder.layernorm_embedding.bias",
             "model.decoder.layernorm_embedding.weight",
             "model.decoder.layernorm_embedding.bias",
             "model.encoder.layers.0.self_attn.q_proj.weight",
             "model.encoder.layers.0.self_attn.q_proj.bias",
             "model.decoder.layers.1.encoder_attn.k_proj.weight",
             "model.decoder.layers.2.encoder_attn.v_proj.weight",
             "model.decoder.layers.2.encoder_attn.v_proj.bias",
             "model.encoder.layers.1.fc1.weight",
             "model.encoder.layers.1.fc1.bias",
             "model.decoder.layers.0.fc2.weight",
             "model.decoder.layers.0.final_layer_norm.weight",
             "final_logits_bias"],
}


def training_case(forward, w, checked, pad, start, low, Ts=9, Td=6, vocab=V, high=None):
    """Two rows; row 1's source padded at the end with the pad id (attention_mask 0), its target
    padded too (labels -100 there); one more -100 inside row 0. Loss and gradients. Ids are drawn
    from [low, high) (high defaults to the vocabulary size)."""
    high = vocab if high is None else high
    gen = torch.Generator().manual_seed(11)
    ids = torch.randint(low, high, (2, Ts), generator=gen)
    mask = torch.ones(2, Ts, dtype=torch.long)
    ids[1, Ts - 3:] = pad
    mask[1, Ts - 3:] = 0
    target = torch.randint(low, high, (2, Td), generator=gen)
    dec_ids = torch.cat([torch.full((2, 1), start, dtype=torch.long), target[:, :-1]], 1)
    labels = target.clone()
    labels[0, 2] = -100
    labels[1, Td - 2:] = -100
    dec_ids[1, Td - 1:] = pad
    w64 = {n: t.double().requires_grad_(True) for n, t in w.items()}
    out = forward(w64, ids, dec_ids, mask)
    loss = torch.nn.functional.cross_entropy(out["logits"].reshape(-1, vocab), labels.reshape(-1), ignore_index=-100)
    loss.backward()
    grads = {}
    for n in checked:
        g = w64[n].grad
        assert g is not None and bool(torch.isfinite(g).all()) and float(g.abs().max()) > 0, n
        grads[n] = flat(g)
    return {"batch": 2, "input_ids": ids.reshape(-1).tolist(), "attention_mask": mask.reshape(-1).tolist(),
            "decoder_input_ids": dec_ids.reshape(-1).tolist(), "labels": labels.reshape(-1).tolist(),
            "loss": float(loss), "grads": grads}


def bucket_table():
    nb, md = T5_SIZES["num_buckets"], T5_SIZES["max_distance"]
    rel = torch.tensor([-30, -21, -20, -19, -14, -13, -9, -8, -7, -6, -5, -4, -3, -2, -1, 0,
                        1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 14, 19, 20, 21, 30])
    bi = relative_position_bucket(rel, True, nb, md)
    uni = relative_position_bucket(rel, False, nb, md)
    print("T5 buckets (num_buckets %d, max_distance %d); relative = key - query" % (nb, md))
    print("  relative      " + " ".join("%4d" % v for v in rel.tolist()))
    print("  bidirectional " + " ".join("%4d" % v for v in bi.tolist()))
    print("  causal        " + " ".join("%4d" % v for v in uni.tolist()))
    assert int(bi.max()) == nb - 1 and int(uni.max()) == nb - 1


def main():
    gen = torch.Generator().manual_seed(20261205)
    bucket_table()
    golden = {}

    # T5, tied head, relu, 2 encoder / 3 decoder blocks
    cfg = {"layers": 2, "dec_layers": 3, "gated": False, "tied": True}
    w = t5_weights(gen, cfg["layers"], cfg["dec_layers"], cfg["gated"], cfg["tied"])
    write_folder("t5-tiny", t5_config(cfg), w, {"tokenizer.json": t5_tokenizer_json()})
    fwd = lambda w64, i, d, m, cfg=cfg: t5_forward(w64, cfg, i, d, m)
    src0 = torch.randint(2, V, (6,), generator=gen).tolist() + [T5_EOS]
    dec0 = [T5_START] + torch.randint(2, V, (4,), generator=gen).tolist()
    src1 = torch.randint(2, V, (21,), generator=gen).tolist() + [T5_EOS]
    dec1 = [T5_START] + torch.randint(2, V, (14,), generator=gen).tolist()
    golden["t5"] = {"folder": "t5-tiny",
                    "cases": [run_case(fwd, w, src0, dec0), run_case(fwd, w, src1, dec1)],
                    "training": training_case(fwd, w, CHECKED_GRADS["t5"], T5_PAD, T5_START, 2)}

    # T5, untied head, gated-gelu, 2 + 2 blocks, copied embed_tokens stored
    cfg = {"layers": 2, "dec_layers": 2, "gated": True, "tied": False}
    w = t5_weights(gen, cfg["layers"], cfg["dec_layers"], cfg["gated"], cfg["tied"])
    stored = dict(w)
    stored["encoder.embed_tokens.weight"] = w["shared.weight"].clone()
    stored["decoder.embed_tokens.weight"] = w["shared.weight"].clone()
    write_folder("t5-tiny-gated", t5_config(cfg), stored, {"tokenizer.json": t5_tokenizer_json()})
    fwd = lambda w64, i, d, m, cfg=cfg: t5_forward(w64, cfg, i, d, m)
    src = torch.randint(2, V, (8,), generator=gen).tolist() + [T5_EOS]
    dec = [T5_START] + torch.randint(2, V, (5,), generator=gen).tolist()
    golden["t5_gated"] = {"folder": "t5-tiny-gated", "cases": [run_case(fwd, w, src, dec)],
                          "training": training_case(fwd, w, CHECKED_GRADS["t5_gated"], T5_PAD, T5_START, 2)}

    # BART: its own generator, so nothing here moves T5's draws
    bgen = torch.Generator().manual_seed(BART_SEED)
    lo, hi = BART_UNK + 1, BART_MASK  # ids drawn from [4, V-1): bytes and merges
    w = bart_weights(bgen)
    stored = dict(w)
    stored["model.encoder.embed_tokens.weight"] = w["model.shared.weight"].clone()
    stored["model.decoder.embed_tokens.weight"] = w["model.shared.weight"].clone()
    stored["lm_head.weight"] = w["model.shared.weight"].clone()
    write_folder("bart-tiny", bart_config(), stored, bart_tokenizer_files())
    src0 = [BART_BOS] + torch.randint(lo, hi, (5,), generator=bgen).tolist() + [BART_EOS]
    dec0 = [BART_EOS, BART_BOS] + torch.randint(lo, hi, (3,), generator=bgen).tolist()
    # (V = 264 makes every logits row and the shared-weight gradient large: case 1 is kept shorter
    # than T5's long case so the JSON stays small)
    src1 = [BART_BOS] + torch.randint(lo, hi, (9,), generator=bgen).tolist() + [BART_EOS]
    dec1 = [BART_EOS, BART_BOS] + torch.randint(lo, hi, (4,), generator=bgen).tolist()
    text = "the cat"
    src2 = [BART_BOS] + bart_encode(text) + [BART_EOS]
    dec2 = [BART_EOS, BART_BOS] + torch.randint(lo, lo + 256, (2,), generator=bgen).tolist()  # byte ids
    case2 = {"text": text}
    case2.update(run_case(bart_forward, w, src2, dec2))
    golden["bart"] = {"folder": "bart-tiny",
                      "cases": [run_case(bart_forward, w, src0, dec0), run_case(bart_forward, w, src1, dec1), case2],
                      "training": training_case(bart_forward, w, CHECKED_GRADS["bart"], BART_PAD, BART_EOS, lo,
                                                vocab=BART_V, high=hi)}
    print("bart text %r -> input_ids %s" % (text, src2))

    path = os.path.join(HERE, "seq2seq_golden.json")
    with open(path, "w") as f:
        json.dump(golden, f, separators=(",", ":"))

    for key, g in golden.items():
        c = g["cases"][0]
        print("%-9s loss %.6f  case0 logits[0:4] %s  max|logit| %.3f" % (
            key, g["training"]["loss"], c["logits"][:4], max(abs(v) for v in c["logits"])))
    total = os.path.getsize(path)
    print("%-40s %8d bytes" % (os.path.relpath(path, HERE), total))
    for folder in ("t5-tiny", "t5-tiny-gated", "bart-tiny"):
        for file in sorted(os.listdir(os.path.join(HERE, folder))):
            p = os.path.join(HERE, folder, file)
            total += os.path.getsize(p)
            print("%-40s %8d bytes" % (os.path.join(folder, file), os.path.getsize(p)))
    print("%-40s %8d bytes" % ("total", total))


if __name__ == "__main__":
    main()
