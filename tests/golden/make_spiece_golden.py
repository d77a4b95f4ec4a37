#!/usr/bin/python3
"""Golden fixture for reading a SentencePiece model file (spiece.model, as T5 and ALBERT folders
carry it) without SentencePiece.

Trains a small unigram model with the sentencepiece library itself on the first lines of the
built-in parallel corpora (English and Traditional Chinese), with T5's special ids (<pad> 0, </s> 1,
<unk> 2, no <s>) and sentencepiece's default normalisation (nmt_nfkc: a precompiled charsmap,
extra whitespace removed, a dummy "▁" prefix), and writes
  tests/golden/spiece/spiece.model   the model file (a serialised ModelProto)
  tests/golden/spiece_golden.json    {"vocab_size": N, "cases": [{"text": T, "ids": [...],
                                      "pieces": [...]}, ...]}: sentencepiece's own encoding of
                                      each text (plain text: no characters the NFKC charsmap
                                      would change; doubled, leading and trailing spaces; an
                                      unknown character; Chinese)
Needs Debian's python3-sentencepiece. Deterministic for a given sentencepiece version
(0.1.97 wrote the committed files):
  /usr/bin/python3 tests/golden/make_spiece_golden.py
"""
import io
import json
import os

import sentencepiece as spm

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def lines(name, n):
    with open(os.path.join(ROOT, "resources", "corpora", name), encoding="utf-8") as f:
        return [line.strip() for line in f if line.strip()][:n]


def main():
    text = lines("en.txt", 400) + lines("zh_TW.txt", 400)
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(sentence_iterator=iter(text), model_writer=model, vocab_size=300,
                                   model_type="unigram", pad_id=0, eos_id=1, unk_id=2, bos_id=-1,
                                   character_coverage=0.995, num_threads=1, seed_sentencepiece_size=5000,
                                   shuffle_input_sentence=False)
    out = os.path.join(HERE, "spiece")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "spiece.model"), "wb") as f:
        f.write(model.getvalue())
    sp = spm.SentencePieceProcessor(model_proto=model.getvalue())
    texts = [
        "The queen is the mother of the princess.",
        "the teacher writes a letter every day",
        "Two  spaces   and    more.",
        "  leading and trailing spaces  ",
        "A word with an unseen letter: Ωmega and ζeta.",
        "老師每天寫一封信。",
        "The king of 台北 met the queen.",
        "x",
    ]
    cases = [{"text": t, "ids": sp.encode(t), "pieces": sp.encode(t, out_type=str)} for t in texts]
    with open(os.path.join(HERE, "spiece_golden.json"), "w", encoding="utf-8") as f:
        f.write('{"vocab_size": %d, "cases": [\n' % sp.get_piece_size())
        f.write(",\n".join(json.dumps(c, ensure_ascii=False) for c in cases))
        f.write("\n]}\n")


if __name__ == "__main__":
    main()
