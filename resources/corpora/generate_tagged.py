#!/usr/bin/python3
"""Writes the built-in part-of-speech data set tagged_en.tsv next to this script.

One sentence a line, each token written word/TAG, with a small universal tag set:
DET NOUN VERB ADJ PRON PROPN NUM ADP PUNCT CCONJ AUX ADV. Every sentence comes from templates
written for LMScope. Several words take their tag from the context, so a tagger must look at the
neighbours (and a bidirectional one at the words after):
  book, books, watch, park, fly, run, play, water, light  NOUN or VERB
  can                                                     AUX or NOUN
  that                                                    DET or PRON
  light                                                   also ADJ
  well                                                    ADV or NOUN
Stdlib only; a fixed seed makes the output identical on every run:
  /usr/bin/python3 resources/corpora/generate_tagged.py
"""
import os
import random

SEED = 20240612
LINES = 1500

# ---- vocabulary ---------------------------------------------------------------------------------

# Nouns that are also verbs: (singular noun, plural noun / 3rd-person verb, base verb objects).
AMBIGUOUS = {
    "book": ["a room", "a table", "the flight", "a ticket", "the hotel"],
    "watch": ["the game", "the film", "the birds", "the news"],
    "park": ["the car", "the bike", "the van"],
    "fly": ["a kite", "the plane", "a drone"],
    "run": ["the shop", "the race", "the meeting"],
    "play": ["the piano", "a game", "the guitar", "chess"],
    "water": ["the plants", "the garden", "the flowers"],
    "light": ["the fire", "a candle", "the lamp"],
}
PLURAL = {"book": "books", "watch": "watches", "park": "parks", "fly": "flies", "run": "runs",
          "play": "plays", "water": "waters", "light": "lights"}

NOUNS = ["dog", "cat", "man", "woman", "child", "teacher", "room", "table", "car", "house",
         "garden", "city", "river", "letter", "song", "apple", "bird", "door", "window", "chair",
         "ticket", "game", "film", "plant", "shop", "road", "bag", "box", "soup", "paper", "lamp",
         "candle", "kite", "piano", "bike", "friend", "doctor", "student", "hotel", "train"]
NOUNS_AMBIG = ["book", "watch", "park", "fly", "run", "play", "water", "light", "can", "well"]
PLURALS = {"dog": "dogs", "cat": "cats", "man": "men", "woman": "women", "child": "children",
           "teacher": "teachers", "room": "rooms", "table": "tables", "car": "cars",
           "house": "houses", "letter": "letters", "song": "songs", "apple": "apples",
           "bird": "birds", "door": "doors", "window": "windows", "chair": "chairs",
           "ticket": "tickets", "bag": "bags", "box": "boxes", "paper": "papers",
           "bike": "bikes", "friend": "friends", "student": "students", "book": "books",
           "can": "cans", "watch": "watches", "plant": "plants", "light": "lights"}

# Transitive verbs: base form, 3rd person singular.
VERBS = [("read", "reads"), ("see", "sees"), ("open", "opens"), ("find", "finds"),
         ("like", "likes"), ("want", "wants"), ("carry", "carries"), ("paint", "paints"),
         ("buy", "buys"), ("sell", "sells"), ("clean", "cleans"), ("need", "needs"),
         ("love", "loves"), ("write", "writes")]
VERBS_AMBIG = [("book", "books"), ("watch", "watches"), ("park", "parks"), ("fly", "flies"),
               ("run", "runs"), ("play", "plays"), ("water", "waters"), ("light", "lights")]
INTRANSITIVE = [("sleep", "sleeps"), ("sing", "sings"), ("swim", "swims"), ("walk", "walks"),
                ("run", "runs"), ("fly", "flies"), ("play", "plays"), ("wait", "waits"),
                ("work", "works"), ("smile", "smiles")]

ADJECTIVES = ["old", "new", "big", "small", "red", "green", "happy", "quiet", "light", "heavy",
              "empty", "full", "cold", "warm", "long", "short", "bright", "dark"]
ADVERBS = ["now", "today", "slowly", "quickly", "often", "well", "again", "soon", "here"]
DEGREE = ["very", "quite", "too", "so"]
DETERMINERS = ["the", "a", "this", "that", "every", "my", "your", "our"]
SUBJECTS = ["I", "you", "we", "they"]          # base verb form
SUBJECTS_3SG = ["he", "she", "it"]             # -s verb form
OBJECT_PRONOUNS = ["it", "them", "me", "us", "him", "her", "that"]
NAMES = ["Anna", "Ben", "Mei", "Omar", "Lin", "Sara", "Tom", "Yuki", "Paris", "Taipei", "London"]
PEOPLE = NAMES[:8]
PLACES = NAMES[8:]
MODALS = ["can", "will", "must", "should", "may"]
ADPOSITIONS = ["in", "on", "near", "under", "behind", "to", "from", "with"]
NUMBERS = ["two", "three", "four", "five", "ten", "2", "3", "7", "12", "20"]
CONJ = ["and", "or", "but"]


def det_noun(rng, nouns=None, adjective=0.3):
    """A singular noun phrase: [(word, tag), …]."""
    noun = rng.choice(nouns or NOUNS + NOUNS_AMBIG)
    words = [(rng.choice(ADJECTIVES), "ADJ")] if rng.random() < adjective else []
    words.append((noun, "NOUN"))
    det = rng.choice(DETERMINERS)
    if det == "a" and words[0][0][0] in "aeiou":
        det = "an"
    return [(det, "DET")] + words


def verb_object(rng, base=True):
    """A verb with its object: ambiguous verbs take one of their own objects."""
    if rng.random() < 0.45:
        verb = rng.choice(VERBS_AMBIG)
        obj_text = rng.choice(AMBIGUOUS[verb[0]])
        det, noun = obj_text.split() if " " in obj_text else (None, obj_text)
        obj = [(det, "DET"), (noun, "NOUN")] if det else [(noun, "NOUN")]
    else:
        verb = rng.choice(VERBS)
        obj = det_noun(rng)
    return [(verb[0] if base else verb[1], "VERB")] + obj


def ending(rng):
    return [(rng.choice([".", ".", ".", "!"]), "PUNCT")]


def sentence(rng):
    kind = rng.randrange(16)
    if kind == 0:    # I book a room .
        return [(rng.choice(SUBJECTS), "PRON")] + verb_object(rng) + ending(rng)
    if kind == 1:    # she books a table .
        return [(rng.choice(SUBJECTS_3SG), "PRON")] + verb_object(rng, base=False) + ending(rng)
    if kind == 2:    # we can book a room . / Anna will play the piano .
        subj = (rng.choice(SUBJECTS + SUBJECTS_3SG), "PRON") if rng.random() < 0.7 else (rng.choice(PEOPLE), "PROPN")
        return [subj, (rng.choice(MODALS), "AUX")] + verb_object(rng) + ending(rng)
    if kind == 3:    # can you book a room ?
        return [(rng.choice(["can", "will", "should"]), "AUX"), (rng.choice(SUBJECTS + SUBJECTS_3SG), "PRON")] + \
            verb_object(rng) + [("?", "PUNCT")]
    if kind == 4:    # the can is empty .
        np = det_noun(rng, adjective=0.2)
        return np + [("is", "AUX")] + \
            ([(rng.choice(DEGREE), "ADV")] if rng.random() < 0.4 else []) + [(rng.choice(ADJECTIVES), "ADJ")] + ending(rng)
    if kind == 5:    # book a room now .   (imperative)
        return verb_object(rng) + ([(rng.choice(ADVERBS), "ADV")] if rng.random() < 0.6 else []) + ending(rng)
    if kind == 6:    # I read the book and the paper .
        return [(rng.choice(SUBJECTS), "PRON"), (rng.choice(VERBS)[0], "VERB")] + det_noun(rng) + \
            [(rng.choice(CONJ[:2]), "CCONJ")] + det_noun(rng) + ending(rng)
    if kind == 7:    # the dog and the cat run fast .
        verb = rng.choice(INTRANSITIVE)[0]
        return det_noun(rng, NOUNS) + [("and", "CCONJ")] + det_noun(rng, NOUNS) + [(verb, "VERB")] + \
            ([(rng.choice(ADVERBS), "ADV")] if rng.random() < 0.5 else []) + ending(rng)
    if kind == 8:    # they walk to the park .
        verb = rng.choice(INTRANSITIVE)
        subj_3sg = rng.random() < 0.4
        subj = (rng.choice(SUBJECTS_3SG), "PRON") if subj_3sg else (rng.choice(SUBJECTS), "PRON")
        return [subj, (verb[1] if subj_3sg else verb[0], "VERB"), (rng.choice(ADPOSITIONS), "ADP")] + \
            det_noun(rng) + ending(rng)
    if kind == 9:    # the fly is on the light .
        return det_noun(rng) + [(rng.choice(["is", "was"]), "AUX"), (rng.choice(ADPOSITIONS[:5]), "ADP")] + \
            det_noun(rng) + ending(rng)
    if kind == 10:   # Anna buys three cans of soup .
        noun = rng.choice(list(PLURALS))
        return [(rng.choice(PEOPLE), "PROPN"), (rng.choice(VERBS)[1], "VERB"), (rng.choice(NUMBERS), "NUM"),
                (PLURALS[noun], "NOUN")] + ([("of", "ADP"), (rng.choice(["soup", "water", "paper", "tea"]), "NOUN")]
                                            if rng.random() < 0.3 else []) + ending(rng)
    if kind == 11:   # I like that .   /   that book is old .
        if rng.random() < 0.5:
            return [(rng.choice(SUBJECTS), "PRON"), (rng.choice(VERBS)[0], "VERB"),
                    (rng.choice(OBJECT_PRONOUNS), "PRON")] + \
                ([(rng.choice(ADVERBS), "ADV")] if rng.random() < 0.5 else []) + ending(rng)
        return [("that", "DET"), (rng.choice(NOUNS + NOUNS_AMBIG), "NOUN"), (rng.choice(["is", "was"]), "AUX"),
                (rng.choice(ADJECTIVES), "ADJ")] + ending(rng)
    if kind == 12:   # she sings well .   /   the well is deep .
        if rng.random() < 0.5:
            verb = rng.choice(INTRANSITIVE)
            return [(rng.choice(SUBJECTS_3SG), "PRON"), (verb[1], "VERB"), ("well", "ADV")] + ending(rng)
        return [("the", "DET"), ("well", "NOUN"), (rng.choice(["is", "was"]), "AUX"),
                (rng.choice(["deep", "old", "empty", "dark"]), "ADJ")] + ending(rng)
    if kind == 13:   # the books are heavy .   /   the lights are bright .
        noun = rng.choice(list(PLURALS))
        return [(rng.choice(["the", "my", "your", "our", "these", "those"]), "DET"), (PLURALS[noun], "NOUN"),
                (rng.choice(["are", "were"]), "AUX"), (rng.choice(ADJECTIVES), "ADJ")] + ending(rng)
    if kind == 14:   # Ben flies to Paris but Mei stays here .
        return [(rng.choice(PEOPLE), "PROPN"), (rng.choice(["flies", "walks", "runs", "goes"]), "VERB"),
                ("to", "ADP"), (rng.choice(PLACES), "PROPN"), ("but", "CCONJ"), (rng.choice(PEOPLE), "PROPN"),
                (rng.choice(["stays", "waits", "works", "sleeps"]), "VERB"), (rng.choice(["here", "today"]), "ADV")] + \
            ending(rng)
    # kind 15: a light bag .   the light is bright .   light the candle .
    return det_noun(rng, ["light", "water", "play", "run", "watch"], adjective=0.0) + \
        [(rng.choice(["is", "was"]), "AUX"), (rng.choice(DEGREE), "ADV"), (rng.choice(ADJECTIVES), "ADJ")] + ending(rng)


def main():
    rng = random.Random(SEED)
    seen, lines = set(), []
    while len(lines) < LINES:
        tokens = sentence(rng)
        line = " ".join(f"{w}/{t}" for w, t in tokens)
        if line in seen:
            continue
        seen.add(line)
        lines.append(line)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tagged_en.tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
