#pragma once
// Hugging Face checkpoints (DESIGN.md, "Contracts"): a folder with config.json, model.safetensors
// and the tokenizer files loads for inference and inspection: every family whose table entry has a
// Hugging Face reader (GPT-2, Llama, BERT, ALBERT, T5, BART, RWKV, Mamba). io/hfexport.h writes them.
#include "core/result.h"
#include "io/checkpoint.h"

#include <string>

namespace lm {

// A folder: config.json, model.safetensors, vocab.json, merges.txt. config.json's "model_type"
// picks the family (without one, the first family that reads folders: GPT-2). For GPT-2:
//   config.json: n_embd, n_layer, n_head, n_positions, vocab_size (integers, required),
//     layer_norm_epsilon (default 1e-5), activation_function (must be "gelu_new"; default
//     "gelu_new"), tie_word_embeddings (default true), model_type (if present, "gpt2"). n_inner
//     (default null: 4·n_embd).
//   model.safetensors: our parameter names, each with or without the "transformer."
//     prefix; buffers ("h.{i}.attn.bias", "h.{i}.attn.masked_bias") and anything else not a
//     parameter of the model are ignored. "lm_head.weight" with tie_word_embeddings true is
//     ignored when it equals wte (what HF saves); if it differs the model is built with an
//     untied head holding it. With tie_word_embeddings false it is required.
//   The tokenizer is BpeTokenizer::loadGpt2; its vocabulary size must equal vocab_size.
// Other families' tokenizers, by the files present: tokenizer.json (Unigram), vocab.txt
// (WordPiece), spiece.model (SentencePiece's file, text/spiecemodel.h; extended by
// tokenizer_config.json's "extra_ids" sentinels, or by the family's own count), vocab.json +
// merges.txt; the vocabulary size must equal vocab_size (an encoder-decoder's may be smaller: a
// T5 pads its embedding, 32128 rows for 32100 tokens, and writes only ids with a token).
// The Checkpoint's `training` is {"source": "huggingface", "path": dir}.
// Errors name the file and what is wrong: a missing file, a missing or bad config field, another
// activation, a missing tensor, a tensor with the wrong shape (both shapes), a config that needs
// far more parameters than model.safetensors holds values (more than twice as many plus 2^20,
// checked before building the model). Never throws.
Result<Checkpoint> loadHuggingFaceFolder(const std::string &dir);

// A folder goes to loadHuggingFaceFolder, anything else to loadCheckpoint (io/checkpoint.h).
// A path that does not exist gives an Error naming it.
Result<Checkpoint> loadModelPath(const std::string &path);

} // namespace lm
