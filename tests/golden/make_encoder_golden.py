#!/usr/bin/python3
"""Golden fixtures for the encoder families (tests/engine/tst_golden_encoder.cpp).

Writes four Hugging Face layout folders under tests/golden/ with random seeded weights:
  bert-tiny/        BertForPreTraining, current names (LayerNorm.weight/bias), the tied decoder
                    copies (cls.predictions.decoder.weight/.bias) and the int64 position_ids buffer
                    that checkpoints carry; vocab.txt and tokenizer_config.json (do_lower_case)
  bert-tiny-old/    the same weights under the TF-era names (LayerNorm.gamma/beta)
  bert-tiny-cls/    BertForSequenceClassification (3 labels, id2label)
  albert-tiny/      AlbertForPreTraining: embedding_size 16 < hidden_size 32, one shared layer
                    group, hidden_act gelu_new; a SentencePiece unigram tokenizer.json
and tests/golden/encoder_golden.json with, per folder and input: the MLM logits (T, V), the
pair-head logits, the attention probabilities [layer][head][query][key], the last hidden states,
and for a training batch (padding, token types, masked targets, pair labels) the loss and the
gradients of selected parameters.

Needs only torch (no transformers): the forward below follows modeling_bert.py and
modeling_albert.py (post-LN, GELU erf / gelu_new, extended attention mask with finfo.min,
pooler tanh(dense(h[:, 0])), MLM transform dense -> act -> LayerNorm -> tied decoder + bias).
Computed in float64 from float32 weights. Safetensors are written by hand.
Run: /usr/bin/python3 tests/golden/make_encoder_golden.py
"""
import json
import math
import os
import struct

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
H, L, NH, F, P, TYPES = 32, 2, 4, 64, 40, 2
E_ALBERT = 16
EPS = 1e-12

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
WORDS = ["the", "a", "is", "red", "blue", "sky", "cat", "dog", "sat", "on", "mat", "and", "it", "was", "green",
         "tree", "house", "big", "small", "ran", "to", ".", ",", "!", "?", "un", "##aff", "##able", "##s", "##ed",
         "##ing", "play", "walk", "sun", "moon", "night", "day", "happy", "sad", "very"]
VOCAB = SPECIALS + WORDS + [f"w{i}" for i in range(64 - len(SPECIALS) - len(WORDS))]
V = len(VOCAB)
ID = {t: i for i, t in enumerate(VOCAB)}


def wordpiece(text):
    """BERT's BasicTokenizer (lower case, split punctuation) + greedy WordPiece, for ASCII text."""
    out = []
    for word in text.lower().replace("[mask]", " [MASK] ").split():
        if word == "[MASK]":
            out.append(ID["[MASK]"])
            continue
        pieces, cur = [], ""
        for ch in word:
            if ch in ".,!?":
                if cur:
                    pieces.append(cur)
                pieces.append(ch)
                cur = ""
            else:
                cur += ch
        if cur:
            pieces.append(cur)
        for w in pieces:
            start, ids = 0, []
            while start < len(w):
                end, found = len(w), None
                while start < end:
                    sub = ("##" if start > 0 else "") + w[start:end]
                    if sub in ID:
                        found = sub
                        break
                    end -= 1
                if found is None:
                    ids = [ID["[UNK]"]]
                    break
                ids.append(ID[found])
                start = end
            out.extend(ids)
    return out


def gelu(x):
    return 0.5 * x * (1.0 + torch.erf(x / math.sqrt(2.0)))


def gelu_new(x):
    return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x.pow(3))))


def layer_norm(x, w, b):
    return torch.nn.functional.layer_norm(x, (x.shape[-1],), w, b, EPS)


def randn(gen, *shape, std=0.2):
    return (torch.randn(*shape, generator=gen) * std).float()


def linear_weights(gen, w, name, out, inp):
    w[name + ".weight"] = randn(gen, out, inp)
    w[name + ".bias"] = randn(gen, out, std=0.05)


def norm_weights(gen, w, name, n):
    w[name + ".weight"] = (1.0 + randn(gen, n, std=0.1)).float()
    w[name + ".bias"] = randn(gen, n, std=0.05)


def bert_weights(gen, albert=False, head="pretrain", labels=3):
    w = {}
    base = "albert." if albert else "bert."
    E = E_ALBERT if albert else H
    w[base + "embeddings.word_embeddings.weight"] = randn(gen, V, E, std=0.5)
    w[base + "embeddings.position_embeddings.weight"] = randn(gen, P, E, std=0.5)
    w[base + "embeddings.token_type_embeddings.weight"] = randn(gen, TYPES, E, std=0.5)
    norm_weights(gen, w, base + "embeddings.LayerNorm", E)
    if albert:
        linear_weights(gen, w, base + "encoder.embedding_hidden_mapping_in", H, E)
        pre = base + "encoder.albert_layer_groups.0.albert_layers.0."
        for n in ("query", "key", "value", "dense"):
            linear_weights(gen, w, pre + "attention." + n, H, H)
        norm_weights(gen, w, pre + "attention.LayerNorm", H)
        linear_weights(gen, w, pre + "ffn", F, H)
        linear_weights(gen, w, pre + "ffn_output", H, F)
        norm_weights(gen, w, pre + "full_layer_layer_norm", H)
        linear_weights(gen, w, base + "pooler", H, H)
        linear_weights(gen, w, "predictions.dense", E, H)
        norm_weights(gen, w, "predictions.LayerNorm", E)
        w["predictions.bias"] = randn(gen, V, std=0.05)
        linear_weights(gen, w, "sop_classifier.classifier", 2, H)
        return w
    for l in range(L):
        pre = f"{base}encoder.layer.{l}."
        for n in ("query", "key", "value"):
            linear_weights(gen, w, pre + "attention.self." + n, H, H)
        linear_weights(gen, w, pre + "attention.output.dense", H, H)
        norm_weights(gen, w, pre + "attention.output.LayerNorm", H)
        linear_weights(gen, w, pre + "intermediate.dense", F, H)
        linear_weights(gen, w, pre + "output.dense", H, F)
        norm_weights(gen, w, pre + "output.LayerNorm", H)
    linear_weights(gen, w, base + "pooler.dense", H, H)
    if head == "pretrain":
        linear_weights(gen, w, "cls.predictions.transform.dense", H, H)
        norm_weights(gen, w, "cls.predictions.transform.LayerNorm", H)
        w["cls.predictions.bias"] = randn(gen, V, std=0.05)
        linear_weights(gen, w, "cls.seq_relationship", 2, H)
    else:
        linear_weights(gen, w, "classifier", labels, H)
    return w


def forward(w, ids, types, mask, albert=False, head="pretrain"):
    """ids, types, mask: (B, T) long. Returns dict of float64 tensors (requires_grad on w)."""
    base = "albert." if albert else "bert."
    act = gelu_new if albert else gelu
    B, T = ids.shape
    x = w[base + "embeddings.word_embeddings.weight"][ids]
    x = x + w[base + "embeddings.token_type_embeddings.weight"][types]
    x = x + w[base + "embeddings.position_embeddings.weight"][torch.arange(T)]
    x = layer_norm(x, w[base + "embeddings.LayerNorm.weight"], w[base + "embeddings.LayerNorm.bias"])
    if albert:
        x = x @ w[base + "encoder.embedding_hidden_mapping_in.weight"].T + w[base + "encoder.embedding_hidden_mapping_in.bias"]
    ext = (1.0 - mask[:, None, None, :].double()) * torch.finfo(torch.float64).min
    attentions = []
    D = H // NH
    for l in range(L):
        if albert:
            pre = base + "encoder.albert_layer_groups.0.albert_layers.0."
            names = {"q": "attention.query", "k": "attention.key", "v": "attention.value", "o": "attention.dense",
                     "n1": "attention.LayerNorm", "f1": "ffn", "f2": "ffn_output", "n2": "full_layer_layer_norm"}
        else:
            pre = f"{base}encoder.layer.{l}."
            names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
                     "o": "attention.output.dense", "n1": "attention.output.LayerNorm", "f1": "intermediate.dense",
                     "f2": "output.dense", "n2": "output.LayerNorm"}
        lin = lambda n, t: t @ w[pre + names[n] + ".weight"].T + w[pre + names[n] + ".bias"]
        split = lambda t: t.view(B, T, NH, D).transpose(1, 2)
        q, k, v = split(lin("q", x)), split(lin("k", x)), split(lin("v", x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(D) + ext
        probs = scores.softmax(-1)
        attentions.append(probs)
        ctx = (probs @ v).transpose(1, 2).reshape(B, T, H)
        x = layer_norm(lin("o", ctx) + x, w[pre + names["n1"] + ".weight"], w[pre + names["n1"] + ".bias"])
        ff = lin("f2", act(lin("f1", x)))
        x = layer_norm(ff + x, w[pre + names["n2"] + ".weight"], w[pre + names["n2"] + ".bias"])
    out = {"hidden": x, "attentions": attentions}
    pooler = base + ("pooler" if albert else "pooler.dense")
    pooled = torch.tanh(x[:, 0] @ w[pooler + ".weight"].T + w[pooler + ".bias"])
    if head == "pretrain":
        hp = "predictions." if albert else "cls.predictions."
        dense = hp + ("dense" if albert else "transform.dense")
        ln = hp + ("LayerNorm" if albert else "transform.LayerNorm")
        t = act(x @ w[dense + ".weight"].T + w[dense + ".bias"])
        t = layer_norm(t, w[ln + ".weight"], w[ln + ".bias"])
        out["logits"] = t @ w[base + "embeddings.word_embeddings.weight"].T + w[hp + "bias"]
        pair = "sop_classifier.classifier" if albert else "cls.seq_relationship"
        out["pair"] = pooled @ w[pair + ".weight"].T + w[pair + ".bias"]
    else:
        out["class"] = pooled @ w["classifier.weight"].T + w["classifier.bias"]
    return out


def write_safetensors(path, tensors, int_buffers=None):
    header, blobs, offset = {}, [], 0
    items = [(n, t, "F32") for n, t in tensors.items()] + [(n, t, "I64") for n, t in (int_buffers or {}).items()]
    for name, t, dtype in items:
        flat = t.detach().contiguous().view(-1).tolist()
        data = struct.pack("<%d%s" % (len(flat), "f" if dtype == "F32" else "q"), *flat)
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
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


def bert_config(albert=False, architectures=None, labels=None):
    c = {"model_type": "albert" if albert else "bert", "hidden_size": H, "num_hidden_layers": L,
         "num_attention_heads": NH, "intermediate_size": F, "vocab_size": V, "max_position_embeddings": P,
         "type_vocab_size": TYPES, "layer_norm_eps": EPS, "hidden_act": "gelu_new" if albert else "gelu",
         "position_embedding_type": "absolute", "pad_token_id": 0,
         "architectures": architectures or ["AlbertForPreTraining" if albert else "BertForPreTraining"]}
    if albert:
        c.update({"embedding_size": E_ALBERT, "num_hidden_groups": 1, "inner_group_num": 1})
    if labels:
        c["id2label"] = {str(i): l for i, l in enumerate(labels)}
        c["label2id"] = {l: i for i, l in enumerate(labels)}
    return c


# A SentencePiece unigram vocabulary for ALBERT: the same ids as VOCAB (so one weight layout
# serves both), pieces with the "▁" word-start mark, scores chosen so Viterbi has a unique best.
def unigram_vocab():
    pieces = []
    for i, t in enumerate(VOCAB):
        if t in SPECIALS:
            pieces.append([{"[PAD]": "<pad>", "[UNK]": "<unk>"}.get(t, t), 0.0])
        elif t.startswith("##"):
            pieces.append([t[2:], -8.0 - 0.01 * i])
        elif t in ".,!?":
            pieces.append([t, -4.0])
        else:
            pieces.append(["\u2581" + t, -5.0 - 0.01 * i])
    pieces[ID["w0"]] = ["\u2581", -3.0]  # the bare word-start mark, as real vocabularies have
    return pieces


def unigram_encode(text, pieces):
    """Viterbi over "▁"-marked words (lower-cased), as SentencePiece does."""
    score = {p: s for p, s in pieces}
    index = {p: i for i, (p, _) in enumerate(pieces)}
    ids = []
    for word in text.split():
        if word == "[MASK]":  # an added token, matched before normalisation
            ids.append(ID["[MASK]"])
            continue
        s = "\u2581" + word.lower()
        best = [(-1e18, -1)] * (len(s) + 1)
        best[0] = (0.0, -1)
        for end in range(1, len(s) + 1):
            for start in range(max(0, end - 16), end):
                p = s[start:end]
                if p in score and best[start][0] > -1e17:
                    v = best[start][0] + score[p]
                    if v > best[end][0]:
                        best[end] = (v, start)
        assert best[len(s)][0] > -1e17, word
        out, end = [], len(s)
        while end > 0:
            start = best[end][1]
            out.append(index[s[start:end]])
            end = start
        ids.extend(reversed(out))
    return ids


def tokenizer_json(pieces):
    return {
        "version": "1.0",
        "added_tokens": [{"id": ID[t], "content": {"[PAD]": "<pad>", "[UNK]": "<unk>"}.get(t, t), "single_word": False,
                          "lstrip": False, "rstrip": False, "normalized": False, "special": True} for t in SPECIALS],
        "normalizer": {"type": "Sequence", "normalizers": [
            {"type": "Replace", "pattern": {"String": "``"}, "content": "\""},
            {"type": "Replace", "pattern": {"String": "''"}, "content": "\""},
            {"type": "Lowercase"},
            {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "}]},
        "pre_tokenizer": {"type": "Sequence", "pretokenizers": [
            {"type": "WhitespaceSplit"},
            {"type": "Metaspace", "replacement": "\u2581", "add_prefix_space": True, "prepend_scheme": "always"}]},
        "post_processor": {"type": "TemplateProcessing",
                           "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                                      {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
                           "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                                    {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                                    {"SpecialToken": {"id": "[SEP]", "type_id": 1}}]},
        "decoder": {"type": "Metaspace", "replacement": "\u2581", "add_prefix_space": True},
        "model": {"type": "Unigram", "unk_id": ID["[UNK]"], "vocab": pieces},
    }


def flat(t):
    return [round(float(v), 9) for v in t.detach().reshape(-1).tolist()]


def pack(encode, text_a, text_b=None):
    a = encode(text_a)
    ids = [ID["[CLS]"]] + a + [ID["[SEP]"]]
    types = [0] * len(ids)
    if text_b is not None:
        b = encode(text_b)
        ids += b + [ID["[SEP]"]]
        types += [1] * (len(b) + 1)
    return ids, types


def cases_for(w, encode, albert=False, head="pretrain"):
    w64 = {n: t.double() for n, t in w.items()}
    cases = []
    inputs = [("single", "the cat sat on the [MASK] .", None),
              ("pair", "the sky is blue .", "it was a very big house !")]
    if not albert:
        inputs.append(("wordpiece", "unaffable cats played", None))
    for name, a, b in inputs:
        ids, types = pack(encode, a, b)
        t_ids = torch.tensor([ids])
        t_types = torch.tensor([types])
        out = forward(w64, t_ids, t_types, torch.ones_like(t_ids), albert, head)
        case = {"name": name, "text": a, "ids": ids, "token_types": types,
                "hidden": flat(out["hidden"][0]),
                "attention": [[flat(out["attentions"][l][0, h]) for h in range(NH)] for l in range(L)]}
        if b is not None:
            case["pair_text"] = b
        if head == "pretrain":
            case["logits"] = flat(out["logits"][0])
            case["pair_logits"] = flat(out["pair"][0])
        else:
            case["class_logits"] = flat(out["class"][0])
        cases.append(case)
    return cases


# The parameters whose gradients the test compares: one of each kind of place in the network.
CHECKED_GRADS = ("word_embeddings", "token_type_embeddings", "position_embeddings", "embeddings.LayerNorm",
                 "embedding_hidden_mapping_in.weight", "layer.0.attention.self.query.weight",
                 "layer.1.output.LayerNorm", "albert_layers.0.attention.key.weight", "albert_layers.0.ffn.weight",
                 "pooler", "predictions.bias", "transform.dense.weight", "predictions.dense.weight",
                 "seq_relationship", "sop_classifier", "classifier.weight")


def training_case(w, albert=False, head="pretrain"):
    """Two rows, the second padded; targets at a few positions; pair labels. Loss and gradients."""
    gen = torch.Generator().manual_seed(7)
    T = 12
    ids = torch.randint(5, V, (2, T), generator=gen)
    ids[:, 0] = ID["[CLS]"]
    ids[0, 6] = ID["[SEP]"]
    ids[0, 11] = ID["[SEP]"]
    ids[1, 8] = ID["[SEP]"]
    ids[1, 9:] = ID["[PAD]"]
    types = torch.zeros(2, T, dtype=torch.long)
    types[0, 7:] = 1
    mask = torch.ones(2, T, dtype=torch.long)
    mask[1, 9:] = 0
    targets = torch.full((2, T), -100, dtype=torch.long)
    for b, t in ((0, 2), (0, 4), (0, 9), (1, 1), (1, 5)):
        targets[b, t] = int(torch.randint(5, V, (1,), generator=gen))
        ids[b, t] = ID["[MASK]"] if t != 4 else ids[b, t]
    labels = torch.tensor([0, 1])
    w64 = {n: t.double().requires_grad_(True) for n, t in w.items()}
    out = forward(w64, ids, types, mask, albert, head)
    if head == "pretrain":
        logits = out["logits"].reshape(-1, V)
        loss = torch.nn.functional.cross_entropy(logits, targets.reshape(-1), ignore_index=-100)
        loss = loss + torch.nn.functional.cross_entropy(out["pair"], labels)
    else:
        loss = torch.nn.functional.cross_entropy(out["class"], torch.tensor([2, 1]))
    loss.backward()
    return {"ids": flat(ids), "token_types": flat(types), "padding_mask": flat(mask), "targets": flat(targets),
            "labels": [0, 1] if head == "pretrain" else [2, 1], "batch": 2, "time": T, "loss": float(loss),
            "grads": {n: flat(t.grad) for n, t in w64.items() if any(k in n for k in CHECKED_GRADS)}}


def write_folder(name, config, weights, tokenizer_files, int_buffers=None):
    out = os.path.join(HERE, name)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(config, f, indent=2)
    write_safetensors(os.path.join(out, "model.safetensors"), weights, int_buffers)
    for file, text in tokenizer_files.items():
        with open(os.path.join(out, file), "w", encoding="utf-8") as f:
            f.write(text)


def main():
    gen = torch.Generator().manual_seed(20261204)
    golden = {"vocab_size": V, "layers": L, "heads": NH, "hidden": H}
    vocab_txt = "".join(t + "\n" for t in VOCAB)
    bert_tok = {"vocab.txt": vocab_txt, "tokenizer_config.json": json.dumps({"do_lower_case": True})}
    position_ids = {"bert.embeddings.position_ids": torch.arange(P).view(1, P)}

    w = bert_weights(gen)
    stored = dict(w)
    stored["cls.predictions.decoder.weight"] = w["bert.embeddings.word_embeddings.weight"]
    stored["cls.predictions.decoder.bias"] = w["cls.predictions.bias"]
    write_folder("bert-tiny", bert_config(), stored, bert_tok, position_ids)
    old = {}
    for n, t in stored.items():
        n = n.replace("LayerNorm.weight", "LayerNorm.gamma").replace("LayerNorm.bias", "LayerNorm.beta")
        old[n] = t
    write_folder("bert-tiny-old", bert_config(), old, bert_tok)
    golden["bert"] = {"cases": cases_for(w, wordpiece), "train": training_case(w)}

    labels = ["negative", "neutral", "positive"]
    wc = bert_weights(gen, head="classify", labels=3)
    write_folder("bert-tiny-cls", bert_config(architectures=["BertForSequenceClassification"], labels=labels), wc, bert_tok)
    golden["bert_cls"] = {"labels": labels, "cases": cases_for(wc, wordpiece, head="classify"),
                          "train": training_case(wc, head="classify")}

    pieces = unigram_vocab()
    wa = bert_weights(gen, albert=True)
    stored = dict(wa)
    stored["predictions.decoder.weight"] = wa["albert.embeddings.word_embeddings.weight"]
    stored["predictions.decoder.bias"] = wa["predictions.bias"]
    write_folder("albert-tiny", bert_config(albert=True), stored,
                 {"tokenizer.json": json.dumps(tokenizer_json(pieces), ensure_ascii=False, indent=1)})
    golden["albert"] = {"cases": cases_for(wa, lambda s: unigram_encode(s, pieces), albert=True),
                        "train": training_case(wa, albert=True)}

    with open(os.path.join(HERE, "encoder_golden.json"), "w") as f:
        json.dump(golden, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
