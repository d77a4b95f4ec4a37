#!/usr/bin/python3
"""The word-vector benchmark corpus: real English text with planted analogy structure.

Real text: the King James Bible from Debian's bible-kjv-text (via the `bible` program of the
bible-kjv package), lower-cased, punctuation split off, cut to about 370k words. Planted: short
template sentences written for this project about gendered roles, capitals and plurals,
interleaved evenly so every part of training sees them. Writes, into the folder given:
  embed_corpus.txt   one sentence or verse per line, tokens separated by spaces (~400k words)
  analogies.txt      word2vec questions-words format: ": section" then "a b c d" lines
Usage: make_embed_corpus.py OUTDIR [--words N]
"""
import random, re, subprocess, sys, os

out = sys.argv[1]
target = int(sys.argv[sys.argv.index("--words") + 1]) if "--words" in sys.argv else 370_000
rng = random.Random(2024)

raw = subprocess.run(["bible", "gen1:1-rev22:21"], capture_output=True, text=True, check=True).stdout
lines, words = [], 0
verse = []
def flush():
    global words
    if verse:
        text = " ".join(verse).lower()
        text = re.sub(r"([.,;:!?()'\"])", r" \1 ", text)
        toks = text.split()
        lines.append(" ".join(toks))
        words += len(toks)
        verse.clear()
for line in raw.splitlines():
    m = re.match(r"^\s+\d+ (.*)$", line)
    if m:                                  # a new verse
        flush()
        verse.append(m.group(1))
    elif line.strip() and not re.match(r"^\S.* \d+$", line):  # a continuation, not "Genesis 1"
        verse.append(line.strip())
    if words >= target:
        break
flush()

gender = [("king", "queen"), ("prince", "princess"), ("man", "woman"), ("father", "mother"), ("son", "daughter"),
          ("brother", "sister"), ("uncle", "aunt"), ("husband", "wife"), ("boy", "girl"), ("nephew", "niece"),
          ("grandfather", "grandmother"), ("emperor", "empress")]
roles = {"king": "crown throne kingdom palace", "prince": "crown palace castle heir", "man": "work field market town",
         "father": "home family children house", "son": "home family parents house", "brother": "family sibling home house",
         "uncle": "family visit nephew home", "husband": "marriage home spouse house", "boy": "school play game young",
         "nephew": "family visit uncle young", "grandfather": "family old home grandchildren", "emperor": "empire crown throne palace"}
capitals = [("paris", "france"), ("berlin", "germany"), ("rome", "italy"), ("madrid", "spain"), ("tokyo", "japan"),
            ("cairo", "egypt"), ("lima", "peru"), ("oslo", "norway"), ("athens", "greece"), ("vienna", "austria"),
            ("ottawa", "canada"), ("lisbon", "portugal")]
plurals = [("cat", "cats"), ("dog", "dogs"), ("bird", "birds"), ("tree", "trees"), ("car", "cars"), ("book", "books"),
           ("apple", "apples"), ("river", "rivers"), ("table", "tables"), ("flower", "flowers"), ("ship", "ships"),
           ("road", "roads")]

def planted():
    kind = rng.randrange(3)
    if kind == 0:
        male, female = rng.choice(gender)
        word, pron, poss = rng.choice([(male, "he", "his"), (female, "she", "her")])
        place = rng.choice(roles[male].split())
        verb = rng.choice(["walked to", "looked at", "spoke of", "cared for", "dreamed of"])
        return f"the {word} {verb} the {place} and {pron} smiled because {poss} {place} was near"
    if kind == 1:
        city, country = rng.choice(capitals)
        return rng.choice([f"{city} is the capital of {country}", f"the capital of {country} is {city}",
                           f"we travelled to {city} , the capital city of {country}",
                           f"the government of {country} meets in {city}"])
    one, many = rng.choice(plurals)
    n = rng.choice(["two", "three", "four", "many", "several"])
    verb = rng.choice(["stood", "waited", "rested", "stayed"])
    return rng.choice([f"one {one} {verb} there , and then {n} {many} {verb} there", f"a single {one} and {n} {many}",
                       f"i saw one {one} yesterday and {n} {many} today"])

extra = [planted() for _ in range(4200)]
step = max(1, len(lines) // len(extra))
merged = []
for i, line in enumerate(lines):
    merged.append(line)
    if i % step == 0 and extra:
        merged.append(extra.pop())
merged.extend(extra)
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "embed_corpus.txt"), "w") as f:
    f.write("\n".join(merged) + "\n")

with open(os.path.join(out, "analogies.txt"), "w") as f:
    for name, pairs in (("gender", gender), ("capital-country", capitals), ("plural", plurals)):
        f.write(f": {name}\n")
        for a, b in pairs:
            for c, d in pairs:
                if a != c:
                    f.write(f"{a} {b} {c} {d}\n")
total = sum(len(l.split()) for l in merged)
print(f"embed_corpus.txt: {len(merged)} lines, {total} words; analogies.txt: {3 * 12 * 11} questions")
