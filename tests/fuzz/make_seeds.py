#!/usr/bin/python3
"""Writes the seed corpora in tests/fuzz/corpus/<target>/: a handful of small valid inputs per
fuzz target, so that libFuzzer starts from files that get past the first checks. Standard
library only; run from anywhere:  /usr/bin/python3 tests/fuzz/make_seeds.py"""
import json
import pathlib
import shutil
import struct

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fuzz" / "corpus"
SEPARATOR = b"\n--8<--\n"  # fuzz_hf_folder.cpp splits its input on this line


def safetensors(tensors, metadata=None, dtype="F32"):
    """tensors: [(name, shape, dtype or None)]; values are small distinct numbers."""
    header, blobs, offset = {}, [], 0
    for name, shape, dt in tensors:
        dt = dt or dtype
        n = 1
        for d in shape:
            n *= d
        if dt == "F32":
            blob = struct.pack("<%df" % n, *[(i % 7) * 0.25 - 0.5 for i in range(n)])
        elif dt in ("F16", "BF16"):
            blob = struct.pack("<%dH" % n, *[(0x3c00 if dt == "F16" else 0x3f80) + i % 5 for i in range(n)])
        elif dt == "I64":
            blob = struct.pack("<%dq" % n, *range(n))
        else:
            raise ValueError(dt)
        header[name] = {"dtype": dt, "shape": list(shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(blobs)


def gpt2_tensors(dim, layers, positions, vocab, prefix="transformer.", buffers=True, head=False):
    c = dim
    out = [(prefix + "wte.weight", (vocab, c), None), (prefix + "wpe.weight", (positions, c), None)]
    for i in range(layers):
        h = "%sh.%d." % (prefix, i)
        out += [(h + "ln_1.weight", (c,), None), (h + "ln_1.bias", (c,), None),
                (h + "attn.c_attn.weight", (c, 3 * c), None), (h + "attn.c_attn.bias", (3 * c,), None),
                (h + "attn.c_proj.weight", (c, c), None), (h + "attn.c_proj.bias", (c,), None),
                (h + "ln_2.weight", (c,), None), (h + "ln_2.bias", (c,), None),
                (h + "mlp.c_fc.weight", (c, 4 * c), None), (h + "mlp.c_fc.bias", (4 * c,), None),
                (h + "mlp.c_proj.weight", (4 * c, c), None), (h + "mlp.c_proj.bias", (c,), None)]
        if buffers:
            out += [(h + "attn.bias", (1, 1, positions, positions), "I64")]
    out += [(prefix + "ln_f.weight", (c,), None), (prefix + "ln_f.bias", (c,), None)]
    if head:
        out += [("lm_head.weight", (vocab, c), None)]
    return out


def encoder_tensors(dim, ffn, positions, vocab, albert=False, embedding=None, old_names=False, prefix=True):
    """BertForPreTraining / AlbertForPreTraining weights with one layer (tests/golden/
    make_encoder_golden.py names them the same): the tied decoder copies hold the word embeddings'
    values (safetensors() fills by index, so equal shapes are equal tensors)."""
    base = ("albert." if albert else "bert.") if prefix else ""
    e = embedding or dim
    out = []

    def linear(name, o, i):
        out.extend([(name + ".weight", (o, i), None), (name + ".bias", (o,), None)])

    def norm(name, n):
        w, b = ("gamma", "beta") if old_names else ("weight", "bias")
        out.extend([(name + "." + w, (n,), None), (name + "." + b, (n,), None)])

    out += [(base + "embeddings.word_embeddings.weight", (vocab, e), None),
            (base + "embeddings.position_embeddings.weight", (positions, e), None),
            (base + "embeddings.token_type_embeddings.weight", (2, e), None)]
    norm(base + "embeddings.LayerNorm", e)
    if albert:
        linear(base + "encoder.embedding_hidden_mapping_in", dim, e)
        pre = base + "encoder.albert_layer_groups.0.albert_layers.0."
        for n in ("query", "key", "value", "dense"):
            linear(pre + "attention." + n, dim, dim)
        norm(pre + "attention.LayerNorm", dim)
        linear(pre + "ffn", ffn, dim)
        linear(pre + "ffn_output", dim, ffn)
        norm(pre + "full_layer_layer_norm", dim)
        linear(base + "pooler", dim, dim)
        linear("predictions.dense", e, dim)
        norm("predictions.LayerNorm", e)
        out += [("predictions.bias", (vocab,), None), ("predictions.decoder.weight", (vocab, e), None),
                ("predictions.decoder.bias", (vocab,), None)]
        linear("sop_classifier.classifier", 2, dim)
        return out
    pre = base + "encoder.layer.0."
    for n in ("query", "key", "value"):
        linear(pre + "attention.self." + n, dim, dim)
    linear(pre + "attention.output.dense", dim, dim)
    norm(pre + "attention.output.LayerNorm", dim)
    linear(pre + "intermediate.dense", ffn, dim)
    linear(pre + "output.dense", dim, ffn)
    norm(pre + "output.LayerNorm", dim)
    linear(base + "pooler.dense", dim, dim)
    linear("cls.predictions.transform.dense", dim, dim)
    norm("cls.predictions.transform.LayerNorm", dim)
    out += [("cls.predictions.bias", (vocab,), None), ("cls.predictions.decoder.weight", (vocab, e), None),
            ("cls.predictions.decoder.bias", (vocab,), None)]
    linear("cls.seq_relationship", 2, dim)
    return out


def t5_tensors(dim, heads, d_kv, ff, buckets, vocab, gated=False, untied=False):
    """T5ForConditionalGeneration weights, one encoder and one decoder block (HF names)."""
    inner = heads * d_kv
    out = [("shared.weight", (vocab, dim), None)]

    def attention(pre):
        return [(pre + n + ".weight", (inner, dim) if n != "o" else (dim, inner), None) for n in ("q", "k", "v", "o")]

    def ffn(pre):
        wi = [(pre + "wi_0.weight", (ff, dim), None), (pre + "wi_1.weight", (ff, dim), None)] if gated else \
             [(pre + "wi.weight", (ff, dim), None)]
        return wi + [(pre + "wo.weight", (dim, ff), None)]
    for stack in ("encoder", "decoder"):
        pre = stack + ".block.0.layer."
        out += attention(pre + "0.SelfAttention.")
        out += [(pre + "0.SelfAttention.relative_attention_bias.weight", (buckets, heads), None),
                (pre + "0.layer_norm.weight", (dim,), None)]
        last = "1."
        if stack == "decoder":
            out += attention(pre + "1.EncDecAttention.") + [(pre + "1.layer_norm.weight", (dim,), None)]
            last = "2."
        out += ffn(pre + last + "DenseReluDense.") + [(pre + last + "layer_norm.weight", (dim,), None),
                                                     (stack + ".final_layer_norm.weight", (dim,), None)]
    if untied:
        out.append(("lm_head.weight", (vocab, dim), None))
    return out


def bart_tensors(dim, ffn, positions, vocab):
    """BartForConditionalGeneration weights, one encoder and one decoder layer (HF names)."""
    out = [("model.shared.weight", (vocab, dim), None), ("final_logits_bias", (1, vocab), None)]

    def linear(name, o, i):
        return [(name + ".weight", (o, i), None), (name + ".bias", (o,), None)]

    def norm(name):
        return [(name + ".weight", (dim,), None), (name + ".bias", (dim,), None)]
    for stack in ("encoder", "decoder"):
        base = "model." + stack + "."
        out += [(base + "embed_positions.weight", (positions + 2, dim), None)] + norm(base + "layernorm_embedding")
        pre = base + "layers.0."
        for blk in ("self_attn",) + (("encoder_attn",) if stack == "decoder" else ()):
            for n in ("q_proj", "k_proj", "v_proj", "out_proj"):
                out += linear(pre + blk + "." + n, dim, dim)
            out += norm(pre + blk + "_layer_norm")
        out += linear(pre + "fc1", ffn, dim) + linear(pre + "fc2", dim, ffn) + norm(pre + "final_layer_norm")
    return out


def rwkv_tensors(dim, attention, ffn, layers, vocab, head=True):
    c, a, f = dim, attention, ffn
    out = [("rwkv.embeddings.weight", (vocab, c), None)]
    for i in range(layers):
        b = "rwkv.blocks.%d." % i
        norms = ["pre_ln", "ln1", "ln2"] if i == 0 else ["ln1", "ln2"]
        out += [(b + n + "." + p, (c,), None) for n in norms for p in ("weight", "bias")]
        out += [(b + "attention.time_decay", (a,), None), (b + "attention.time_first", (a,), None)]
        out += [(b + "attention.time_mix_" + m, (1, 1, c), None) for m in ("key", "value", "receptance")]
        out += [(b + "attention." + m + ".weight", (a, c), None) for m in ("key", "value", "receptance")]
        out += [(b + "attention.output.weight", (c, a), None)]
        out += [(b + "feed_forward.time_mix_" + m, (1, 1, c), None) for m in ("key", "receptance")]
        out += [(b + "feed_forward.key.weight", (f, c), None), (b + "feed_forward.receptance.weight", (c, c), None),
                (b + "feed_forward.value.weight", (c, f), None)]
    out += [("rwkv.ln_out.weight", (c,), None), ("rwkv.ln_out.bias", (c,), None)]
    if head:
        out += [("head.weight", (vocab, c), None)]
    return out


def mamba_tensors(dim, state, expand, kernel, rank, layers, vocab, proj_bias=False, conv_bias=True, head=False):
    h, d = dim, expand * dim
    out = [("backbone.embeddings.weight", (vocab, h), None)]
    for i in range(layers):
        m = "backbone.layers.%d." % i
        out += [(m + "norm.weight", (h,), None), (m + "mixer.A_log", (d, state), None), (m + "mixer.D", (d,), None),
                (m + "mixer.conv1d.weight", (d, 1, kernel), None), (m + "mixer.in_proj.weight", (2 * d, h), None),
                (m + "mixer.x_proj.weight", (rank + 2 * state, d), None), (m + "mixer.dt_proj.weight", (d, rank), None),
                (m + "mixer.dt_proj.bias", (d,), None), (m + "mixer.out_proj.weight", (h, d), None)]
        if conv_bias:
            out += [(m + "mixer.conv1d.bias", (d,), None)]
        if proj_bias:
            out += [(m + "mixer.in_proj.bias", (2 * d,), None), (m + "mixer.out_proj.bias", (h,), None)]
    out += [("backbone.norm_f.weight", (h,), None)]
    if head:
        out += [("lm_head.weight", (vocab, h), None)]
    return out


def llama_tensors(dim, heads, kv_heads, ffn, layers, vocab, head=False):
    hd = dim // heads
    out = [("model.embed_tokens.weight", (vocab, dim), None)]
    for i in range(layers):
        m = "model.layers.%d." % i
        out += [(m + "input_layernorm.weight", (dim,), None), (m + "self_attn.q_proj.weight", (dim, dim), None),
                (m + "self_attn.k_proj.weight", (kv_heads * hd, dim), None),
                (m + "self_attn.v_proj.weight", (kv_heads * hd, dim), None),
                (m + "self_attn.o_proj.weight", (dim, dim), None), (m + "post_attention_layernorm.weight", (dim,), None),
                (m + "mlp.gate_proj.weight", (ffn, dim), None), (m + "mlp.up_proj.weight", (ffn, dim), None),
                (m + "mlp.down_proj.weight", (dim, ffn), None)]
    out += [("model.norm.weight", (dim,), None)]
    if head:
        out += [("lm_head.weight", (vocab, dim), None)]
    return out


def write(target, name, data):
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def main():
    shutil.rmtree(OUT, ignore_errors=True)

    # safetensors: plain F32 with metadata, half precisions, a skipped integer buffer, and an
    # LMScope checkpoint of the smallest MLP with a byte tokenizer (config + tokenizer in metadata).
    write("safetensors", "f32.safetensors",
          safetensors([("a", (2, 3), None), ("b", (3,), None), ("s", (), None)], {"format": "pt"}))
    write("safetensors", "f16_bf16.safetensors", safetensors([("h", (4,), "F16"), ("g", (2, 2), "BF16")]))
    write("safetensors", "i64_buffer.safetensors", safetensors([("w", (2,), None), ("mask", (1, 1, 2, 2), "I64")]))
    mlp = {"arch": "mlp", "vocab_size": 256, "context": 1, "dim": 1, "hidden": 1}
    write("safetensors", "mlp_checkpoint.safetensors", safetensors(
        [("embedding.weight", (256, 1), None), ("hidden.weight", (1, 1), None), ("hidden.bias", (1,), None),
         ("output.weight", (256, 1), None), ("output.bias", (256,), None)],
        {"format": "lmscope-checkpoint/1", "config": json.dumps(mlp),
         "tokenizer": json.dumps({"kind": "byte", "version": 1}), "training": "{}"}))

    # .vec text
    zoo_row = {"family": "rwkv", "objective": "causal", "quality": "next-token loss", "dim": 48, "params": 199000,
               "held_out_loss": 0.61, "perplexity": 1.84, "mlm_accuracy": None, "chrf": None, "tokens_per_s": 45000.5,
               "train_bytes": [1048576, 4194304], "gen_bytes": [0, 0], "gen_ms_per_token": [0.019, 0.02]}
    bert_row = dict(zoo_row, family="bert", objective="mlm", quality="masked-LM loss", perplexity=None,
                    mlm_accuracy=0.155, gen_bytes=[-1, -1], gen_ms_per_token=[None, None])
    write("zoo_json", "two_rows.json", json.dumps({"version": 1, "train_lengths": [128, 512],
                                                   "generation_lengths": [256, 2048], "rows": [zoo_row, bert_row]}, indent=1))
    write("zoo_json", "short_column.json", json.dumps({"version": 1, "train_lengths": [128],
                                                       "generation_lengths": [256, 2048], "rows": [zoo_row]}))
    write("vec", "small.vec", "3 2\nthe 0.1 -0.2\nking 1 2\nqueen 1e-3 -4.5e2\n")
    write("vec", "trailing_space_crlf.vec", "2 3\r\nde 0.5 0.25 0.125 \r\n國王 -1 0 1 \r\n")
    write("vec", "blank_tail.vec", "1 1\nx 7\n\n\n")

    # Hugging Face GPT-2 folders: config.json, vocab.json, merges.txt, model.safetensors joined
    # by SEPARATOR. The tokenizer files are tests/golden/gpt2-tiny's (299 tokens); the weights
    # are a much smaller model than the golden one (whose 184 kB would exceed the fuzzers' 64 kB
    # input cap).
    golden = ROOT / "tests" / "golden" / "gpt2-tiny"
    vocab = (golden / "vocab.json").read_bytes()
    merges = (golden / "merges.txt").read_bytes()
    config = json.loads((golden / "config.json").read_text())
    config.update({"n_embd": 4, "n_layer": 1, "n_head": 2, "n_positions": 4, "n_ctx": 4})
    tied = safetensors(gpt2_tensors(4, 1, 4, 299), {"format": "pt"})
    write("hf_folder", "gpt2_tied", SEPARATOR.join([json.dumps(config).encode(), vocab, merges, tied]))
    untied_config = dict(config, tie_word_embeddings=False)
    untied = safetensors(gpt2_tensors(4, 1, 4, 299, prefix="", buffers=False, head=True))
    write("hf_folder", "gpt2_untied_no_prefix",
          SEPARATOR.join([json.dumps(untied_config).encode(), vocab, merges, untied]))

    # Hugging Face RWKV folders in the same layout (tests/golden/rwkv-tiny's config, gpt2-tiny's
    # tokenizer): width 4, time-mix width 2, one block; an untied head and a tied one.
    rwkv_config = json.loads((ROOT / "tests" / "golden" / "rwkv-tiny" / "config.json").read_text())
    rwkv_config.update(hidden_size=4, attention_hidden_size=2, intermediate_size=8, num_hidden_layers=1)
    write("hf_folder", "rwkv_untied", SEPARATOR.join([json.dumps(rwkv_config).encode(), vocab, merges,
                                                      safetensors(rwkv_tensors(4, 2, 8, 1, 299))]))
    write("hf_folder", "rwkv_tied", SEPARATOR.join([json.dumps(dict(rwkv_config, tie_word_embeddings=True)).encode(),
                                                    vocab, merges, safetensors(rwkv_tensors(4, 2, 8, 1, 299, False))]))

    # Hugging Face Mamba folders likewise (tests/golden/mamba-tiny's config): width 4, state 2,
    # expand 2, kernel 2, rank 1, one block; tied with a conv bias, and untied with projection biases.
    mamba_config = json.loads((ROOT / "tests" / "golden" / "mamba-tiny" / "config.json").read_text())
    mamba_config.update(hidden_size=4, state_size=2, expand=2, conv_kernel=2, intermediate_size=8,
                        num_hidden_layers=1, time_step_rank="auto")
    write("hf_folder", "mamba_tied", SEPARATOR.join([json.dumps(mamba_config).encode(), vocab, merges,
                                                     safetensors(mamba_tensors(4, 2, 2, 2, 1, 1, 299))]))
    untied_mamba = dict(mamba_config, tie_word_embeddings=False, use_bias=True, use_conv_bias=False, time_step_rank=1)
    write("hf_folder", "mamba_untied_bias", SEPARATOR.join([
        json.dumps(untied_mamba).encode(), vocab, merges,
        safetensors(mamba_tensors(4, 2, 2, 2, 1, 1, 299, proj_bias=True, conv_bias=False, head=True))]))

    # Hugging Face Llama folders likewise (the layout export-hf writes): width 4, two heads sharing
    # one key/value head, one block; a tied head, and an untied one with the optional fields.
    llama_config = {"model_type": "llama", "architectures": ["LlamaForCausalLM"], "hidden_size": 4,
                    "intermediate_size": 8, "num_hidden_layers": 1, "num_attention_heads": 2,
                    "num_key_value_heads": 1, "vocab_size": 299, "max_position_embeddings": 16,
                    "rms_norm_eps": 1e-6, "rope_theta": 10000.0, "hidden_act": "silu", "tie_word_embeddings": True}
    write("hf_folder", "llama_tied", SEPARATOR.join([json.dumps(llama_config).encode(), vocab, merges,
                                                     safetensors(llama_tensors(4, 2, 1, 8, 1, 299))]))
    untied_llama = dict(llama_config, tie_word_embeddings=False, head_dim=2, attention_bias=False, mlp_bias=False,
                        rope_scaling=None)
    write("hf_folder", "llama_untied", SEPARATOR.join([json.dumps(untied_llama).encode(), vocab, merges,
                                                       safetensors(llama_tensors(4, 2, 1, 8, 1, 299, head=True))]))

    # Hugging Face encoder folders: config.json, vocab.txt, tokenizer_config.json, tokenizer.json,
    # model.safetensors joined by SEPARATOR, an empty part for a missing file (fuzz_hf_encoder.cpp).
    # Tokenizers and configs are tests/golden's bert-tiny and albert-tiny (64 tokens); the weights
    # a much smaller model (dim 4, one layer, two heads, 8 positions) to stay under the 64 kB cap.
    golden = ROOT / "tests" / "golden"
    small = {"hidden_size": 4, "num_hidden_layers": 1, "num_attention_heads": 2, "intermediate_size": 8,
             "max_position_embeddings": 8}
    bert_config = json.loads((golden / "bert-tiny" / "config.json").read_text())
    bert_config.update(small)
    vocab_txt = (golden / "bert-tiny" / "vocab.txt").read_bytes()
    bert_tok_config = (golden / "bert-tiny" / "tokenizer_config.json").read_bytes()
    bert_vocab = bert_config["vocab_size"]
    write("hf_encoder", "bert_pretraining", SEPARATOR.join([
        json.dumps(bert_config).encode(), vocab_txt, bert_tok_config, b"",
        safetensors(encoder_tensors(4, 8, 8, bert_vocab) + [("bert.embeddings.position_ids", (1, 8), "I64")],
                    {"format": "pt"})]))
    write("hf_encoder", "bert_old_names_no_prefix", SEPARATOR.join([
        json.dumps(bert_config).encode(), vocab_txt, b"", b"",
        safetensors(encoder_tensors(4, 8, 8, bert_vocab, old_names=True, prefix=False))]))
    albert_config = json.loads((golden / "albert-tiny" / "config.json").read_text())
    albert_config.update(small, embedding_size=2)
    tokenizer = json.loads((golden / "albert-tiny" / "tokenizer.json").read_text(encoding="utf-8"))
    assert len(tokenizer["model"]["vocab"]) == albert_config["vocab_size"]
    write("hf_encoder", "albert_pretraining", SEPARATOR.join([
        json.dumps(albert_config).encode(), b"", b"",
        json.dumps(tokenizer, ensure_ascii=False, separators=(",", ":")).encode(),
        safetensors(encoder_tensors(4, 8, 8, albert_config["vocab_size"], albert=True, embedding=2), {"format": "pt"})]))

    # Encoder-decoders: a T5 folder in the encoder target's layout (tokenizer.json), a BART folder
    # in the GPT-2 target's (vocab.json + merges.txt); tests/golden's tokenizers and configs, the
    # weights of a model of width 4 with one block a side.
    t5_config = json.loads((golden / "t5-tiny" / "config.json").read_text())
    t5_config.update(d_model=4, num_heads=2, d_kv=2, d_ff=8, num_layers=1, num_decoder_layers=1,
                     relative_attention_num_buckets=4)
    t5_tokenizer = (golden / "t5-tiny" / "tokenizer.json").read_bytes()
    write("hf_encoder", "t5_tied_relu", SEPARATOR.join([
        json.dumps(t5_config).encode(), b"", b"", t5_tokenizer,
        safetensors(t5_tensors(4, 2, 2, 8, 4, t5_config["vocab_size"]))]))
    gated_config = dict(t5_config, feed_forward_proj="gated-gelu", tie_word_embeddings=False)
    write("hf_encoder", "t5_untied_gated", SEPARATOR.join([
        json.dumps(gated_config).encode(), b"", b"", t5_tokenizer,
        safetensors(t5_tensors(4, 2, 2, 8, 4, t5_config["vocab_size"], gated=True, untied=True))]))
    bart_config = json.loads((golden / "bart-tiny" / "config.json").read_text())
    bart_config.update(d_model=4, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
                       decoder_attention_heads=2, encoder_ffn_dim=8, decoder_ffn_dim=8, max_position_embeddings=8)
    write("hf_folder", "bart", SEPARATOR.join([
        json.dumps(bart_config).encode(), (golden / "bart-tiny" / "vocab.json").read_bytes(),
        (golden / "bart-tiny" / "merges.txt").read_bytes(),
        safetensors(bart_tensors(4, 8, 8, bart_config["vocab_size"]))]))

    # corpus: the first byte picks tokenizer options (fuzz_corpus.cpp), the rest is the text.
    write("corpus", "english", b"\x05The king is old.\nThe queen is young.\nIt's 3.5!\n")
    write("corpus", "chinese_bom", b"\x12" + "\ufeff國王很老。\n皇后很年輕。\n".encode())
    write("corpus", "crlf_emoji", b"\x41" + "a\r\nb\rc 😀 café  \t tabs\r\n".encode())
    write("corpus", "bpe_repeats", b"\x1f" + b"low lower lowest newer newest wider widest " * 8)

    # csv / tagged / analogy questions: one fuzzer feeds each input to all three parsers.
    write("csv_tsv", "series.csv", "time,value\n0,1.5\n1,\"2.25\"\n\n2,-3e2\r\n")
    write("csv_tsv", "tagged.tsv", "# comment\nThe/DET dog/NOUN barks/VERB ./PUNCT\n\nI/PRON run/VERB\n")
    write("csv_tsv", "questions.txt", ": capital-common-countries\nAthens Greece Baghdad Iraq\n"
                                      ": family\nboy girl brother sister\n")

    # labelled data: classification, BIO tokens, retrieval, sentence pairs and text pairs, one fuzzer
    # feeds each to all five parsers (fuzz_labelled_tsv.cpp); the first lines of each built-in set, then hand-made ones.
    datasets = ROOT / "resources" / "datasets"
    for name, lines in (("sentiment_en_train", 12), ("intent_zh_TW_train", 12), ("ner_en_train", 8),
                        ("ner_zh_TW_train", 4), ("retrieval_en", 10000), ("paraphrase_en", 8),
                        ("paraphrase_zh_TW", 8), ("summary_en_train", 6), ("summary_zh_TW_train", 6)):
        head = (datasets / (name + ".tsv")).read_text(encoding="utf-8").splitlines(keepends=True)
        if name.startswith("retrieval"):  # a few docs and the queries that name them
            docs = [ln for ln in head if ln.startswith("doc\t")][:40]
            ids = {ln.split("\t")[1] for ln in docs}
            head = docs + [ln for ln in head if ln.startswith("query\t") and ln.split("\t")[1] in ids]
        write("labelled_tsv", name + ".tsv", "".join(head[:lines] if lines < 10000 else head))
    write("labelled_tsv", "classification_bom_crlf.tsv",
          "\ufeff# reviews\r\npositive\tThe soup was warm.\r\n\r\nnegative\t  湯冷了。 \r\n")
    write("labelled_tsv", "bio_edges.tsv", "Anna  flew to New York .\tB-PER O O B-LOC I-LOC O\nx\tO\n"
                                           "國 王\tB-PER I-PER\n")
    write("labelled_tsv", "retrieval_small.tsv", "query\td2\tWhere does the king live?\ndoc\td1\tThe queen is young.\n"
                                                 "doc\td2\tThe king lives in a castle.\nquery\td1\t皇后幾歲？\n")

    # lessons: one real lesson and a small one with one action, check and question of each shape.
    write("lesson", "05-decoder-lm.json", (ROOT / "lessons" / "05-decoder-lm.json").read_bytes())
    # and one whose steps name the ideas they teach, with hybrid families and implicit attention
    write("lesson", "10-rnn-meets-transformer.json", (ROOT / "lessons" / "10-rnn-meets-transformer.json").read_bytes())
    text = {"zh-TW": "文字", "en": "text"}
    small = {"schema": 1, "id": "fuzz-small", "title": text, "summary": text, "steps": [
        {"title": text, "text": text,
         "actions": [{"do": "corpus", "spec": "builtin:en"}, {"do": "model", "arch": "gpt", "dim": 16},
                     {"do": "train", "steps": 10}, {"do": "trace", "text": "the king"},
                     {"do": "select", "layer": 0, "head": 1}, {"do": "open", "view": "attention"},
                     {"do": "memory", "archs": ["rnn", "gpt"], "seq_lens": [8, 16]}],
         "checks": [{"expect": "loss_below", "value": 5}, {"expect": "attention_is_causal"},
                    {"expect": "memory_slope", "arch": "gpt", "min": 0.5, "max": 2}],
         "question": {"prompt": text, "choices": [text, text], "answer": 1, "explanation": text}}]}
    write("lesson", "small.json", json.dumps(small, ensure_ascii=False, indent=1))

    tokenizer_seeds()
    spiece_seeds()


def spiece_seeds():
    """SentencePiece model files (serialised ModelProto, written here by hand) shaped like T5's
    (<pad> </s> <unk> as control and unknown pieces, nmt_nfkc with a short charsmap) and ALBERT's
    (no dummy prefix, a user-defined piece, a unigram trainer_spec) (fuzz_spiece_model.cpp)."""
    def varint(v):
        out = bytearray()
        while True:
            b = v & 0x7F
            v >>= 7
            out.append(b | (0x80 if v else 0))
            if not v:
                return bytes(out)

    def ld(n, payload):
        return varint(n << 3 | 2) + varint(len(payload)) + payload

    def vi(n, v):
        return varint(n << 3) + varint(v)

    def piece(text, score, kind=1):
        body = ld(1, text.encode()) + varint(2 << 3 | 5) + struct.pack("<f", score)
        return ld(1, body + (vi(3, kind) if kind != 1 else b""))

    m = "\u2581"
    words = [m + "the", m + "a", m + "queen", m + "is", "s", "e", "t", "h", "q", "u", "n", ".", m, "老", "師"]
    t5 = piece("<pad>", 0, 3) + piece("</s>", 0, 3) + piece("<unk>", 0, 2)
    t5 += b"".join(piece(w, -1.0 - i * 0.25) for i, w in enumerate(words))
    t5 += ld(2, vi(3, 1) + vi(40, 2)) + ld(3, ld(1, b"nmt_nfkc") + ld(2, bytes(range(32))) + vi(3, 1) + vi(4, 1))
    write("spiece_model", "t5.model", t5)
    albert = piece("<pad>", 0, 3) + piece("<unk>", 0, 2) + piece("[CLS]", 0, 3) + piece("[SEP]", 0, 3)
    albert += piece("[MASK]", 0, 4) + b"".join(piece(w, -2.0 - i * 0.5) for i, w in enumerate(words[:8]))
    albert += ld(2, vi(3, 1) + vi(35, 0)) + ld(3, vi(3, 0) + vi(4, 0))
    write("spiece_model", "albert.model", albert)


def tokenizer_seeds():
    """BERT's vocab.txt (+ tokenizer_config.json after SEPARATOR, fuzz_vocab_txt.cpp) and Hugging
    Face Unigram tokenizer.json files shaped like ALBERT's and T5's (fuzz_tokenizer_json.cpp)."""
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    words = ["the", "un", "##aff", "##able", "hello", ",", "!", "世", "界", "is", "red", ".", "want", "##want",
             "##ed", "runn", "##ing", "a", "##a", "Hello", "'", "s", "[unused0]", "é", "##é"]
    vocab = "".join(t + "\n" for t in specials + words).encode()
    write("vocab_txt", "bert_uncased", vocab + SEPARATOR + json.dumps({"do_lower_case": True}).encode())
    write("vocab_txt", "bert_cased_no_config", vocab.replace(b"\n", b"\r\n"))
    write("vocab_txt", "bert_options", vocab + SEPARATOR + json.dumps(
        {"do_lower_case": False, "strip_accents": None, "tokenize_chinese_chars": False,
         "model_max_length": 512}).encode())

    m = "\u2581"
    pieces = [["<pad>", 0.0], ["<unk>", 0.0], ["[CLS]", 0.0], ["[SEP]", 0.0], ["[MASK]", 0.0], [m, -2.0],
              [m + "a", -3.0], ["a", -2.0], ["b", -3.0], ["c", -2.0], ["bc", -2.0], [m + "the", -1.0],
              [m + "hello", -1.5], ["\"", -2.0], ["\u4e16", -4.0]]
    added = [{"id": i, "content": c, "single_word": False, "lstrip": c == "[MASK]", "rstrip": False,
              "normalized": False, "special": True} for i, c in enumerate(["<pad>", "<unk>", "[CLS]", "[SEP]", "[MASK]"])]
    albert = {"version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
              "normalizer": {"type": "Sequence", "normalizers": [
                  {"type": "Replace", "pattern": {"String": "``"}, "content": "\""},
                  {"type": "Replace", "pattern": {"String": "''"}, "content": "\""},
                  {"type": "NFKD"}, {"type": "StripAccents"}, {"type": "Lowercase"},
                  {"type": "Precompiled", "precompiled_charsmap": "ALQCAACEAAAAAACAAQAAgMz8AgC4BQAA"},
                  {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "}]},
              "pre_tokenizer": {"type": "Metaspace", "replacement": m, "add_prefix_space": True},
              "post_processor": None, "decoder": {"type": "Metaspace", "replacement": m, "add_prefix_space": True},
              "model": {"type": "Unigram", "unk_id": 1, "vocab": pieces, "byte_fallback": False}}
    write("tokenizer_json", "albert.json", json.dumps(albert, ensure_ascii=False, indent=1))
    t5 = dict(albert)
    t5["added_tokens"] = added + [{"id": len(pieces) + i, "content": "<extra_id_%d>" % (1 - i), "special": True}
                                  for i in range(2)]
    t5["normalizer"] = {"type": "Sequence", "normalizers": [
        {"type": "Precompiled", "precompiled_charsmap": None},
        {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
        {"type": "Strip", "strip_left": False, "strip_right": True}, {"type": "NFKC"}]}
    t5["pre_tokenizer"] = {"type": "Sequence", "pretokenizers": [
        {"type": "WhitespaceSplit"},
        {"type": "Metaspace", "replacement": m, "prepend_scheme": "first", "split": True}]}
    write("tokenizer_json", "t5.json", json.dumps(t5, ensure_ascii=False))


if __name__ == "__main__":
    main()
