"""Sentiment sentences (positive / negative) for generate_datasets.py, English and Traditional
Chinese. A sentence's label is decided by its structure, not by one word: negation flips an
adjective ("not good" is negative, "not bad at all" positive), the clause after "but" /
"although ... ," decides a contrast, and a few words change sides with the domain
("unpredictable" praises a film and blames a laptop). So a bag of words cannot get every
sentence right, while a model that reads the order can."""

POS, NEG = "positive", "negative"


def other(label):
    return NEG if label == POS else POS


# ---- English ------------------------------------------------------------------------------------

# domain: items (noun, plural?), adjectives by label, aspects (noun, plural?), verbs of a return.
EN_DOMAINS = {
    "product": {
        "items": [("phone", 0), ("laptop", 0), ("kettle", 0), ("blender", 0), ("backpack", 0), ("desk lamp", 0),
                  ("keyboard", 0), ("charger", 0), ("camera", 0), ("printer", 0), ("mattress", 0), ("umbrella", 0),
                  ("toaster", 0), ("speaker", 0), ("watch", 0), ("jacket", 0), ("tent", 0), ("headphones", 1),
                  ("hiking boots", 1), ("scissors", 1)],
        POS: ["sturdy", "reliable", "light", "fast", "comfortable", "well made", "easy to use", "quiet", "durable",
              "handy", "solid", "practical"],
        NEG: ["flimsy", "unreliable", "heavy", "slow", "uncomfortable", "badly made", "hard to use", "noisy",
              "fragile", "useless", "unpredictable", "cheaply made"],
        "aspects": [("battery", 0), ("screen", 0), ("price", 0), ("design", 0), ("sound", 0), ("build quality", 0),
                    ("instructions", 1), ("packaging", 0), ("zipper", 0), ("cable", 0), ("buttons", 1)],
        "again": ["buy another one", "order from this brand again", "buy it again"],
        "verb": "bought",
    },
    "film": {
        "items": [("film", 0), ("movie", 0), ("documentary", 0), ("series", 0), ("show", 0), ("sequel", 0),
                  ("thriller", 0), ("comedy", 0), ("cartoon", 0), ("musical", 0), ("play", 0), ("short film", 0)],
        POS: ["moving", "gripping", "funny", "clever", "beautiful", "charming", "thrilling", "touching", "well acted",
              "unpredictable", "original", "witty"],
        NEG: ["boring", "dull", "predictable", "confusing", "silly", "slow", "forgettable", "clumsy", "tedious",
              "flat", "shallow", "far too long"],
        "aspects": [("plot", 0), ("ending", 0), ("acting", 0), ("soundtrack", 0), ("dialogue", 0), ("script", 0),
                    ("pacing", 0), ("camera work", 0), ("cast", 0), ("special effects", 1), ("jokes", 1)],
        "again": ["watch it again", "see it a second time", "watch the next one"],
        "verb": "watched",
    },
    "food": {
        "items": [("soup", 0), ("pizza", 0), ("curry", 0), ("salad", 0), ("burger", 0), ("cake", 0), ("bread", 0),
                  ("fried rice", 0), ("coffee", 0), ("tea", 0), ("steak", 0), ("pie", 0), ("noodles", 1),
                  ("dumplings", 1), ("pancakes", 1), ("fries", 1)],
        POS: ["delicious", "fresh", "tasty", "full of flavour", "crispy", "tender", "rich", "perfectly cooked",
              "warm", "generous"],
        NEG: ["bland", "stale", "greasy", "salty", "soggy", "cold", "burnt", "tasteless", "overcooked", "dry"],
        "aspects": [("portion", 0), ("sauce", 0), ("crust", 0), ("broth", 0), ("dessert", 0), ("menu", 0),
                    ("price", 0), ("seasoning", 0), ("vegetables", 1)],
        "again": ["eat there again", "order it again", "go back to that restaurant"],
        "verb": "ordered",
    },
    "service": {
        "items": [("staff", 1), ("waiter", 0), ("delivery", 0), ("support team", 0), ("hotel", 0),
                  ("receptionist", 0), ("driver", 0), ("repair shop", 0), ("bank", 0), ("airline", 0), ("clinic", 0),
                  ("hairdresser", 0), ("plumber", 0), ("landlord", 0)],
        POS: ["friendly", "helpful", "quick", "polite", "professional", "patient", "attentive", "efficient",
              "kind", "honest"],
        NEG: ["rude", "slow", "careless", "unhelpful", "late", "dismissive", "disorganised", "unprofessional",
              "pushy", "impatient"],
        "aspects": [("wait", 0), ("booking", 0), ("check-in", 0), ("refund", 0), ("reply", 0), ("room", 0),
                    ("queue", 0), ("phone call", 0), ("bill", 0)],
        "again": ["use them again", "go back", "book with them again"],
        "verb": "tried",
    },
}
# Aspects ("the battery", "the plot") take these general words in every domain.
EN_GENERAL = {POS: ["great", "excellent", "good", "impressive", "superb", "wonderful", "lovely", "fantastic"],
              NEG: ["poor", "terrible", "awful", "disappointing", "bad", "horrible", "mediocre", "weak"]}
EN_INTENSIFIERS = ["", "", "", "very ", "really ", "extremely ", "incredibly ", "quite ", "so ", "truly ",
                   "surprisingly ", "remarkably "]
EN_LOVE = {POS: ["loved", "enjoyed", "really liked", "adored", "was impressed by", "was delighted with"],
           NEG: ["hated", "disliked", "was disappointed by", "regretted choosing", "could not stand",
                 "was annoyed by"]}
EN_VERDICT = {POS: ["Five stars.", "Highly recommended.", "Money well spent.", "Worth every penny.",
                    "A real pleasure.", "Great value."],
              NEG: ["One star.", "Avoid it.", "A waste of money.", "What a letdown.", "Never again.",
                    "Very disappointing."]}
EN_OPENERS = ["", "", "", "Honestly, ", "To be fair, ", "Overall, ", "In short, ", "I have to say ",
              "Well, ", "Frankly, "]


def _be(plural, past):
    return ("were" if plural else "was") if past else ("are" if plural else "is")


def _not_be(rng, plural, past):
    be = _be(plural, past)
    return rng.choice([be + " not", be + "n't"])


def _np(rng, item):
    noun, plural = item
    det = rng.choice(["The", "This", "My", "Our"] if not plural else ["The", "These", "My", "Our"])
    if noun == "staff":
        det = rng.choice(["The", "The", "Their"])
    return det + " " + noun


def _clause(rng, dom, label, avoid=None):
    """(A lower-case clause about an aspect or the item that carries `label`, its noun)."""
    d = EN_DOMAINS[dom]
    aspect = rng.random() < 0.6
    noun, plural = rng.choice([n for n in (d["aspects"] if aspect else d["items"]) if n[0] != avoid])
    words = EN_GENERAL if aspect else d
    past = rng.random() < 0.7
    subject = rng.choice(["the ", "the "] + (["this "] if not plural else ["these "])) + noun
    if rng.random() < 0.3:
        adj = rng.choice(words[other(label)])
        return f"{subject} {_not_be(rng, plural, past)} {adj}", noun
    return f"{subject} {_be(plural, past)} {rng.choice(EN_INTENSIFIERS)}{rng.choice(words[label])}", noun


def _en_plain(rng, dom, label):
    d = EN_DOMAINS[dom]
    item = rng.choice(d["items"])
    adj = rng.choice(d[label])
    kind = rng.randrange(4)
    if kind == 0:
        s = f"{_np(rng, item)} {_be(item[1], rng.random() < 0.6)} {rng.choice(EN_INTENSIFIERS)}{adj}."
    elif kind == 1 and " " not in adj:
        art = "" if item[1] else ("an " if adj[0] in "aeiou" else "a ")
        s = f"What {art}{adj} {item[0]}!"
    elif kind in (1, 2):
        s = f"I found the {item[0]} {rng.choice(EN_INTENSIFIERS)}{adj}."
    else:
        a, b = rng.sample(d[label], 2)
        s = f"{_np(rng, item)} {_be(item[1], True)} {a} and {b}."
    if rng.random() < 0.25:
        s += " " + rng.choice(EN_VERDICT[label])
    return s


def _en_negated(rng, dom, label):
    """`label` expressed by negating an adjective of the other side."""
    d = EN_DOMAINS[dom]
    item = rng.choice(d["items"])
    adj = rng.choice(d[other(label)])
    np_, plural = _np(rng, item), item[1]
    past = rng.random() < 0.6
    if label == NEG:   # not good
        form = rng.choice([f"{_not_be(rng, plural, past)} {adj}", f"{_not_be(rng, plural, past)} very {adj}",
                           f"{_be(plural, past)} far from {adj}", f"{_be(plural, past)} never {adj}",
                           f"{_be(plural, past)} hardly {adj}", f"{_not_be(rng, plural, past)} {adj} at all"])
    else:              # not bad
        form = rng.choice([f"{_not_be(rng, plural, past)} {adj}", f"{_not_be(rng, plural, past)} {adj} at all",
                           f"{_be(plural, past)} not the least bit {adj}", f"{_be(plural, past)} never {adj}",
                           f"{_be(plural, past)} not {adj} in the slightest"])
    s = f"{np_} {form}."
    if rng.random() < 0.3:
        s = rng.choice([f"Nobody could say {np_.lower()} {_be(plural, past)} {adj}.",
                        f"I would not call {np_.lower()} {adj}.", f"I did not find {np_.lower()} {adj}."])
    return s


def _en_contrast(rng, dom, label):
    first, noun = _clause(rng, dom, other(label))
    second, _ = _clause(rng, dom, label, avoid=noun)
    kind = rng.randrange(5)
    if kind == 0:
        return f"{first.capitalize()}, but {second}."
    if kind == 1:
        return f"Although {first}, {second}."
    if kind == 2:
        return f"{second.capitalize()}, even though {first}."
    if kind == 3:
        return f"{first.capitalize()}; however, {second}."
    return f"Sure, {first}, but in the end {second}."


def _en_agree(rng, dom, label):
    a, noun = _clause(rng, dom, label)
    b, _ = _clause(rng, dom, label, avoid=noun)
    return f"{a.capitalize()}, {rng.choice(['and', 'and', 'and also'])} {b}."


def _en_verbs(rng, dom, label):
    d = EN_DOMAINS[dom]
    item = rng.choice(d["items"])[0]
    kind = rng.randrange(6)
    if kind == 0:
        return f"I {rng.choice(EN_LOVE[label])} the {item}."
    if kind == 1:   # negated liking
        verb = rng.choice(["enjoy", "like", "love"]) if label == NEG else rng.choice(["regret", "mind", "hate"])
        tail = " at all" if rng.random() < 0.4 else ""
        return f"I did not {verb} the {item}{tail}."
    if kind == 2:
        if label == POS:
            return rng.choice([f"I would recommend the {item} to anyone.", f"I can't recommend this {item} enough.",
                               f"I would happily recommend the {item} to my friends."])
        return rng.choice([f"I would not recommend the {item} to anyone.", f"I can't recommend this {item}.",
                           f"I would never recommend the {item} to my friends."])
    if kind == 3:
        again = rng.choice(d["again"])
        if label == POS:
            return rng.choice([f"I will definitely {again}.", f"I can't wait to {again}.",
                               f"We would {again} without thinking twice."])
        return rng.choice([f"I will never {again}.", f"I won't {again}.", f"There is no way I would {again}."])
    if kind == 4:
        if label == POS:
            return rng.choice([f"Nothing about the {item} was {rng.choice(d[NEG])}.",
                               f"I have no complaints about the {item}.", f"I can't complain about the {item}."])
        return rng.choice([f"There was nothing {rng.choice(d[POS])} about the {item}.",
                           f"I have nothing good to say about the {item}.",
                           f"I can't say anything nice about the {item}."])
    if label == POS:
        return f"I {d['verb']} the {item} on a whim and I am glad I did."
    return f"I {d['verb']} the {item} on a whim and I wish I hadn't."


def _en_compare(rng, dom, label):
    d = EN_DOMAINS[dom]
    item = rng.choice(d["items"])
    np_, plural = _np(rng, item), item[1]
    kind = rng.randrange(4)
    if kind == 0:
        word = rng.choice(["better", "much better", "far better"] if label == POS else
                          ["worse", "much worse", "far worse"])
        return f"{np_} {_be(plural, True)} {word} than I expected."
    if kind == 1:
        adj = rng.choice(d[POS] if label == NEG else d[NEG])
        feeling = rng.choice(["hoped", "expected"] if label == NEG else ["feared", "expected"])
        return f"{np_} {_be(plural, True)} not as {adj} as I {feeling}."
    if kind == 2:
        return (f"{np_} could not have been better." if label == POS else
                f"{np_} could have been a lot better.")
    adj_hope, adj_got = rng.choice(d[other(label)]), rng.choice(d[label])
    return f"I expected {np_.lower()} to be {adj_hope}, but the {item[0]} {_be(plural, True)} {adj_got}."


EN_KINDS = [(_en_plain, 24), (_en_negated, 20), (_en_contrast, 24), (_en_agree, 5), (_en_verbs, 15),
            (_en_compare, 12)]


def english(rng, label):
    dom = rng.choice(list(EN_DOMAINS))
    make = rng.choices([k for k, _ in EN_KINDS], [w for _, w in EN_KINDS])[0]
    s = make(rng, dom, label)
    opener = rng.choice(EN_OPENERS)
    if s.startswith(("Sure", "Although")):
        opener = ""
    if opener and not s.startswith(("I ", "I'")):
        s = opener + s[0].lower() + s[1:]
    elif opener:
        s = opener + s
    return s


# ---- Traditional Chinese ------------------------------------------------------------------------

# Adjectives: (word, takes 不 for its negation). Negative words marked True take 一點也不 to flip.
ZH_DOMAINS = {
    "product": {
        "items": [("支", "手機"), ("台", "筆電"), ("副", "耳機"), ("個", "熱水壺"), ("個", "背包"), ("盞", "檯燈"),
                  ("個", "鍵盤"), ("個", "充電器"), ("台", "相機"), ("台", "印表機"), ("張", "床墊"), ("把", "雨傘"),
                  ("台", "烤麵包機"), ("組", "喇叭"), ("支", "手錶"), ("件", "外套"), ("頂", "帳篷"), ("台", "吹風機")],
        POS: [("好用", True), ("耐用", True), ("輕巧", False), ("穩定", True), ("舒服", True), ("方便", True),
              ("安靜", True), ("實用", True), ("順手", True), ("不錯", False), ("精緻", True)],
        NEG: [("難用", True), ("笨重", True), ("容易壞", False), ("粗糙", True), ("吵", True), ("脆弱", False),
              ("卡", True), ("難操作", True), ("不穩定", False), ("陽春", True)],
        "aspects": ["電池", "螢幕", "外型", "音質", "做工", "說明書", "包裝", "拉鍊", "線材", "按鍵"],
        "verb": "買", "again": ["還會再買", "會推薦給朋友", "會再買一個"], "never": ["不會再買了", "再也不買這個牌子了"],
    },
    "film": {
        "items": [("部", "電影"), ("部", "紀錄片"), ("部", "影集"), ("部", "動畫"), ("部", "續集"), ("齣", "舞台劇"),
                  ("部", "喜劇"), ("部", "驚悚片"), ("部", "短片"), ("齣", "音樂劇")],
        POS: [("感人", True), ("精彩", True), ("好笑", True), ("有趣", True), ("緊湊", True), ("動人", True),
              ("好看", True), ("出人意料", False), ("有創意", False), ("扣人心弦", False)],
        NEG: [("無聊", True), ("沉悶", True), ("老套", True), ("難看", True), ("拖沓", True), ("混亂", True),
              ("乏味", True), ("平淡", True), ("難懂", True), ("冗長", True)],
        "aspects": ["劇情", "結局", "演技", "配樂", "對白", "劇本", "節奏", "畫面", "特效", "選角"],
        "verb": "看", "again": ["還想再看一次", "會推薦給朋友", "會去看續集"], "never": ["不會再看第二次", "再也不看這個導演的作品了"],
    },
    "food": {
        "items": [("碗", "牛肉麵"), ("盤", "炒飯"), ("份", "水餃"), ("片", "披薩"), ("碗", "湯"), ("杯", "咖啡"),
                  ("杯", "奶茶"), ("塊", "蛋糕"), ("份", "便當"), ("份", "鹽酥雞"), ("碗", "滷肉飯"), ("盤", "蚵仔煎"),
                  ("碗", "豆花"), ("籠", "小籠包")],
        POS: [("好吃", True), ("美味", True), ("新鮮", True), ("香", True), ("入味", True), ("酥脆", True),
              ("軟嫩", True), ("順口", True), ("道地", True), ("不錯", False)],
        NEG: [("難吃", True), ("油膩", True), ("太鹹", False), ("不新鮮", False), ("冷掉了", False), ("燒焦了", False),
              ("太甜", False), ("軟爛", True), ("乾", True), ("淡而無味", False)],
        "aspects": ["份量", "醬汁", "湯頭", "口感", "甜點", "菜色", "價格", "調味", "麵條", "配菜"],
        "verb": "點", "again": ["下次還會再來", "還會再點", "會帶家人來吃"], "never": ["不會再來了", "再也不點這道菜了"],
    },
    "service": {
        "items": [("位", "店員"), ("位", "服務生"), ("個", "客服"), ("位", "外送員"), ("家", "飯店"),
                  ("位", "櫃檯人員"), ("位", "司機"), ("家", "維修中心"), ("家", "銀行"), ("家", "航空公司"),
                  ("家", "診所"), ("家", "髮廊"), ("位", "水電師傅"), ("位", "房東")],
        POS: [("親切", True), ("熱心", True), ("有效率", False), ("有禮貌", False), ("專業", True), ("有耐心", False),
              ("貼心", True), ("細心", True), ("周到", True), ("誠實", True)],
        NEG: [("冷淡", True), ("不耐煩", False), ("粗心", True), ("敷衍", True), ("沒禮貌", False), ("隨便", True),
              ("慢吞吞", True), ("兇", True), ("不專業", False), ("草率", True)],
        "aspects": ["等待時間", "訂位", "入住手續", "退款", "回覆", "房間", "排隊", "電話", "帳單"],
        "verb": "找", "again": ["下次還會再來", "會推薦給朋友", "還會再找他們"], "never": ["不會再來了", "再也不找他們了"],
    },
}
# Aspects take these general words: (word, takes 不).
ZH_GENERAL = {POS: [("好", True), ("棒", True), ("出色", True), ("令人滿意", True), ("不錯", False), ("讓人驚豔", False)],
              NEG: [("差", True), ("糟", True), ("糟糕", True), ("令人失望", True), ("爛", True)]}
ZH_INTENS = {POS: ["很", "非常", "超", "真的很", "相當", "十分", "特別", "超級"],
             NEG: ["很", "非常", "超", "真的很", "相當", "有點", "實在", "太"]}
ZH_VERDICT = {POS: ["五顆星！", "大推！", "物超所值。", "非常值得。", "很滿意。"],
              NEG: ["一顆星。", "踩雷了。", "浪費錢。", "很失望。", "不推。"]}
ZH_OPENERS = ["", "", "", "老實說，", "整體來說，", "說真的，", "總之，", "坦白講，"]
ZH_END = ["。", "。", "。", "！"]


def _zh_adj(rng, d, label, negatable=False):
    words = [w for w, n in d[label] if n or not negatable]
    return rng.choice(words)


def _zh_int(rng, label, adj):
    if adj.startswith(("太", "不", "沒", "容易", "冷掉", "燒焦", "淡而")) or adj == "不錯":
        return ""
    return rng.choice(ZH_INTENS[label])


def _zh_np(rng, item):
    mw, noun = item
    return rng.choice(["這" + mw + noun, "這" + mw + noun, "那" + mw + noun, noun])


def _zh_clause(rng, dom, label, avoid=None):
    """(A clause about an aspect or an item that carries `label`, its noun)."""
    d = ZH_DOMAINS[dom]
    aspect = rng.random() < 0.6
    subject = rng.choice([n for n in (d["aspects"] if aspect else [n for _, n in d["items"]]) if n != avoid])
    d = ZH_GENERAL if aspect else d
    if rng.random() < 0.3:   # negate the other side
        opp = other(label)
        adj = _zh_adj(rng, d, opp, negatable=True)
        if opp == POS:
            return subject + rng.choice(["不", "不太", "並不", "一點也不"]) + adj, subject
        return subject + rng.choice(["一點也不", "完全不", "一點都不"]) + adj, subject
    adj = _zh_adj(rng, d, label)
    return subject + _zh_int(rng, label, adj) + adj, subject


def _zh_plain(rng, dom, label):
    d = ZH_DOMAINS[dom]
    item = rng.choice(d["items"])
    adj = _zh_adj(rng, d, label)
    kind = rng.randrange(3)
    if kind == 0:
        s = _zh_np(rng, item) + _zh_int(rng, label, adj) + adj + rng.choice(ZH_END)
    elif kind == 1:
        s = "我覺得" + _zh_np(rng, item) + _zh_int(rng, label, adj) + adj + "。"
    else:
        a, b = rng.sample([w for w, _ in d[label]], 2)
        s = _zh_np(rng, item) + _zh_int(rng, label, a) + a + "，而且" + _zh_int(rng, label, b) + b + "。"
    if rng.random() < 0.25:
        s += rng.choice(ZH_VERDICT[label])
    return s


def _zh_negated(rng, dom, label):
    d = ZH_DOMAINS[dom]
    item = rng.choice(d["items"])
    adj = _zh_adj(rng, d, other(label), negatable=True)
    np_ = _zh_np(rng, item)
    if label == NEG:
        form = rng.choice(["不", "不太", "並不", "一點也不", "沒有很"]) + adj
        if rng.random() < 0.25:
            return "我不覺得" + np_ + adj + "。"
    else:
        form = rng.choice(["一點也不", "完全不", "一點都不", "並不", "不會"]) + adj
        if rng.random() < 0.25:
            return "誰說" + np_ + adj + "？我覺得完全不會。"
    return np_ + form + rng.choice(ZH_END)


def _zh_contrast(rng, dom, label):
    first, noun = _zh_clause(rng, dom, other(label))
    second, _ = _zh_clause(rng, dom, label, avoid=noun)
    kind = rng.randrange(5)
    if kind == 0:
        return "雖然" + first + "，但是" + second + "。"
    if kind == 1:
        return first + "，可是" + second + "。"
    if kind == 2:
        return first + "，不過" + second + "。"
    if kind == 3:
        return "雖然" + first + "，" + second + "。"
    return first + "，但" + second + "。"


def _zh_agree(rng, dom, label):
    first, noun = _zh_clause(rng, dom, label)
    second, _ = _zh_clause(rng, dom, label, avoid=noun)
    return first + "，" + rng.choice(["而且", "還有", "另外"]) + second + "。"


def _zh_verbs(rng, dom, label):
    d = ZH_DOMAINS[dom]
    mw, noun = rng.choice(d["items"])
    np_ = "這" + mw + noun
    kind = rng.randrange(5)
    if kind == 0:
        verb = rng.choice(["很喜歡", "非常喜歡", "愛死了", "很滿意"]) if label == POS else \
            rng.choice(["很討厭", "不喜歡", "很不滿意", "受不了"])
        return "我" + verb + np_ + "。"
    if kind == 1:
        if label == POS:
            return rng.choice(["我非常推薦" + np_ + "。", "強烈推薦" + np_ + "！", np_ + "值得推薦。"])
        return rng.choice(["我不推薦" + np_ + "。", "我不會推薦" + np_ + "給任何人。", np_ + "不值得推薦。"])
    if kind == 2:
        return np_ + "，" + rng.choice(d["again"] if label == POS else d["never"]) + "。"
    if kind == 3:
        v = d["verb"]
        if label == POS:
            return rng.choice(["一點也不後悔" + v + "了" + np_ + "。", "還好有" + v + np_ + "。"])
        return rng.choice(["真後悔" + v + "了" + np_ + "。", "早知道就不" + v + np_ + "了。"])
    if label == POS:
        return rng.choice(["對" + np_ + "沒什麼好挑剔的。", np_ + "找不到缺點。"])
    return rng.choice([np_ + "沒有一個地方讓人滿意。", np_ + "找不到優點。"])


def _zh_compare(rng, dom, label):
    d = ZH_DOMAINS[dom]
    np_ = _zh_np(rng, rng.choice(d["items"]))
    kind = rng.randrange(3)
    if kind == 0:
        adj = _zh_adj(rng, d, label, negatable=True)
        return np_ + "比我想像中" + rng.choice(["", "還", "更"]) + adj + "。"
    if kind == 1:
        adj = _zh_adj(rng, d, other(label), negatable=True)
        return np_ + "沒有想像中" + adj + "。"
    hope = _zh_adj(rng, d, other(label))
    got = _zh_adj(rng, d, label)
    hope = ("會" if _zh_int(rng, label, hope) == "" else "會很") + hope
    return "本來以為" + np_ + hope + "，結果" + _zh_int(rng, label, got) + got + "。"


ZH_KINDS = [(_zh_plain, 24), (_zh_negated, 20), (_zh_contrast, 24), (_zh_agree, 5), (_zh_verbs, 15),
            (_zh_compare, 12)]


def chinese(rng, label):
    dom = rng.choice(list(ZH_DOMAINS))
    make = rng.choices([k for k, _ in ZH_KINDS], [w for _, w in ZH_KINDS])[0]
    s = make(rng, dom, label)
    if not s.startswith(("我", "雖然", "誰說", "本來", "早知道", "還好", "一點也不", "真後悔", "強烈", "對")):
        s = rng.choice(ZH_OPENERS) + s
    return s
