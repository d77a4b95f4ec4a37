#!/usr/bin/python3
"""Writes LMScope's built-in labelled data sets next to this script (formats in README.md here):

  sentiment_{en,zh_TW}_{train,test}.tsv   positive / negative reviews       LABEL<TAB>TEXT
  intent_{en,zh_TW}_{train,test}.tsv      seven assistant intents           LABEL<TAB>TEXT
  ner_{en,zh_TW}_{train,test}.tsv         PER LOC ORG DATE in BIO tags      TOKENS<TAB>TAGS
  retrieval_{en,zh_TW}.tsv                500 sentences, 100 paraphrases    doc|query<TAB>ID<TAB>TEXT
  paraphrase_{en,zh_TW}.tsv               1500 (sentence, paraphrase) pairs  TEXT<TAB>TEXT
                                          of facts not in retrieval_*, for contrastive training
  summary_{en,zh_TW}_{train,test}.tsv     local-news passages and their     PASSAGE<TAB>SUMMARY
                                          one-line summaries

Every sentence comes from templates written for LMScope (ds_sentiment.py, ds_intent.py, ds_ner.py,
ds_retrieval.py, ds_summary.py). No sentence (for summaries: no passage) occurs twice in a set, even
after lower-casing and dropping spaces and punctuation, so train and test never share one. The test
split is 15 % of each label.
Stdlib only; a fixed seed makes the output identical on every run:
  /usr/bin/python3 resources/datasets/generate_datasets.py
"""
import os
import random
import sys
import unicodedata

sys.dont_write_bytecode = True  # no __pycache__ beside the data
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ds_intent  # noqa: E402
import ds_ner  # noqa: E402
import ds_retrieval  # noqa: E402
import ds_sentiment  # noqa: E402
import ds_summary  # noqa: E402

SEED = 20240701
HERE = os.path.dirname(os.path.abspath(__file__))
TEST_SHARE = 0.15
SENTIMENT_PER_LABEL = 1500
INTENT_PER_LABEL = 429  # 7 intents: 3003 sentences
NER_SENTENCES = 3000
RETRIEVAL_DOCS, RETRIEVAL_QUERIES = 500, 100
RETRIEVAL_PAIRS = 1500
SUMMARY_PAIRS = 3000


def key(text):
    """What two sentences must not share: letters and digits, lower-cased."""
    return "".join(c for c in text.lower() if not unicodedata.category(c)[0] in "PZS")


def collect(make, count, seen, what):
    out, tries = [], 0
    while len(out) < count:
        tries += 1
        if tries > count * 200:
            raise SystemExit(f"{what}: only {len(out)} distinct sentences of {count} after {tries} tries")
        item = make()
        k = key(item if isinstance(item, str) else " ".join(item[0]))
        if k in seen:
            continue
        seen.add(k)
        out.append(item)
    return out


def split(rng, items):
    items = list(items)
    rng.shuffle(items)
    n_test = round(len(items) * TEST_SHARE)
    return items[n_test:], items[:n_test]


def write(name, lines):
    for line in lines:
        assert "\n" not in line and line.count("\t") >= 1, line
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{name}: {len(lines)} lines")


def classification(rng, name, labels, per_label, make):
    train, test, seen = [], [], set()
    for label in labels:
        sentences = collect(lambda: make(rng, label), per_label, seen, f"{name} {label}")
        tr, te = split(rng, [(label, s) for s in sentences])
        train += tr
        test += te
    for part, rows in (("train", train), ("test", test)):
        rng.shuffle(rows)
        write(f"{name}_{part}.tsv", [f"{label}\t{text}" for label, text in rows])


def tokens(rng, name, make):
    sentences = collect(lambda: make(rng), NER_SENTENCES, set(), name)
    train, test = split(rng, sentences)
    for part, rows in (("train", train), ("test", test)):
        write(f"{name}_{part}.tsv", [" ".join(t) + "\t" + " ".join(g) for t, g in rows])


def retrieval(rng, name, families, anchor):
    docs, queries = ds_retrieval.build(rng, families, anchor, RETRIEVAL_DOCS, RETRIEVAL_QUERIES)
    write(f"{name}.tsv", [f"doc\t{i}\t{t}" for i, t in docs] + [f"query\t{i}\t{t}" for i, t in queries])
    return [key(t) for _, t in docs] + [key(t) for _, t in queries]


def paraphrases(rng, name, families, anchor, taken):
    pairs = ds_retrieval.pairs(rng, families, anchor, RETRIEVAL_PAIRS, taken)
    write(f"{name}.tsv", [f"{a}\t{b}" for a, b in pairs])


def summaries(rng, name, make):
    def passage_first():  # collect() keys a tuple on " ".join(item[0]): make that the passage alone
        passage, summary = make(rng)
        return (passage,), summary
    pairs = [(p, s) for (p,), s in collect(passage_first, SUMMARY_PAIRS, set(), name)]
    train, test = split(rng, pairs)
    for part, rows in (("train", train), ("test", test)):
        write(f"{name}_{part}.tsv", [f"{p}\t{s}" for p, s in rows])


def main():
    sentiment = [ds_sentiment.NEG, ds_sentiment.POS]
    # One generator per file, so editing one set leaves the others as they were.
    classification(random.Random(SEED + 1), "sentiment_en", sentiment, SENTIMENT_PER_LABEL, ds_sentiment.english)
    classification(random.Random(SEED + 2), "sentiment_zh_TW", sentiment, SENTIMENT_PER_LABEL, ds_sentiment.chinese)
    classification(random.Random(SEED + 3), "intent_en", ds_intent.INTENTS, INTENT_PER_LABEL, ds_intent.english)
    classification(random.Random(SEED + 4), "intent_zh_TW", ds_intent.INTENTS, INTENT_PER_LABEL, ds_intent.chinese)
    tokens(random.Random(SEED + 5), "ner_en", ds_ner.english)
    tokens(random.Random(SEED + 6), "ner_zh_TW", ds_ner.chinese)
    taken_en = retrieval(random.Random(SEED + 7), "retrieval_en", ds_retrieval.ENGLISH, ds_retrieval.en_anchor)
    taken_zh = retrieval(random.Random(SEED + 8), "retrieval_zh_TW", ds_retrieval.CHINESE, ds_retrieval.zh_anchor)
    # Their own generators, after the rest, so the sets above stay as they were.
    paraphrases(random.Random(SEED + 9), "paraphrase_en", ds_retrieval.ENGLISH, ds_retrieval.en_anchor, taken_en)
    paraphrases(random.Random(SEED + 10), "paraphrase_zh_TW", ds_retrieval.CHINESE, ds_retrieval.zh_anchor, taken_zh)
    summaries(random.Random(SEED + 11), "summary_en", ds_summary.english)
    summaries(random.Random(SEED + 12), "summary_zh_TW", ds_summary.chinese)


if __name__ == "__main__":
    main()
