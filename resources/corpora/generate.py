#!/usr/bin/python3
"""Writes the built-in corpora en.txt and zh_TW.txt next to this script.

Every sentence is made here from templates written for LMScope: families and royalty, countries
and capitals, plurals (and Chinese measure words), agreement and tense, numbers, days and
months. The two files are line-aligned translations of each other (line i of en.txt means line i
of zh_TW.txt), so they also serve translation lessons. Stdlib only; a fixed seed makes the output
identical on every run:  /usr/bin/python3 resources/corpora/generate.py
"""
import os
import random
import re

SEED = 20240611
LINES = 4000

# ---- vocabulary (English, Traditional Chinese) ------------------------------------------------

# Male/female pairs: the analogies king - man + woman = queen and friends.
PAIRS = [
    ("king", "國王", "queen", "王后"),
    ("prince", "王子", "princess", "公主"),
    ("man", "男人", "woman", "女人"),
    ("boy", "男孩", "girl", "女孩"),
    ("father", "父親", "mother", "母親"),
    ("son", "兒子", "daughter", "女兒"),
    ("brother", "兄弟", "sister", "姊妹"),
    ("uncle", "叔叔", "aunt", "阿姨"),
    ("husband", "丈夫", "wife", "妻子"),
    ("grandfather", "祖父", "grandmother", "祖母"),
    ("nephew", "姪子", "niece", "姪女"),
    ("emperor", "皇帝", "empress", "皇后"),
    ("duke", "公爵", "duchess", "女公爵"),
    ("actor", "男演員", "actress", "女演員"),
    ("waiter", "男服務生", "waitress", "女服務生"),
]
MALE_NAMES = [("Tom", "湯姆"), ("Sam", "山姆"), ("Ben", "班恩"), ("Leo", "里歐"),
              ("Max", "麥斯"), ("Jack", "傑克"), ("Paul", "保羅"), ("Mark", "馬克")]
FEMALE_NAMES = [("Anna", "安娜"), ("Mia", "米亞"), ("Lucy", "露西"), ("Emma", "艾瑪"),
                ("Sara", "莎拉"), ("Lily", "莉莉"), ("Rose", "蘿絲"), ("Kate", "凱特")]
FEELINGS = [("happy", "開心"), ("tired", "累"), ("hungry", "餓"), ("sad", "難過"),
            ("busy", "忙"), ("old", "老"), ("young", "年輕"), ("tall", "高"), ("kind", "善良")]

EUROPE, ASIA, AFRICA = ("Europe", "歐洲"), ("Asia", "亞洲"), ("Africa", "非洲")
NAMERICA, SAMERICA, OCEANIA = ("North America", "北美洲"), ("South America", "南美洲"), ("Oceania", "大洋洲")
# country, capital, continent, language (None: several or not taught here)
COUNTRIES = [
    (("France", "法國"), ("Paris", "巴黎"), EUROPE, ("French", "法語")),
    (("Germany", "德國"), ("Berlin", "柏林"), EUROPE, ("German", "德語")),
    (("Italy", "義大利"), ("Rome", "羅馬"), EUROPE, ("Italian", "義大利語")),
    (("Spain", "西班牙"), ("Madrid", "馬德里"), EUROPE, ("Spanish", "西班牙語")),
    (("Portugal", "葡萄牙"), ("Lisbon", "里斯本"), EUROPE, ("Portuguese", "葡萄牙語")),
    (("England", "英格蘭"), ("London", "倫敦"), EUROPE, ("English", "英語")),
    (("Ireland", "愛爾蘭"), ("Dublin", "都柏林"), EUROPE, ("English", "英語")),
    (("Greece", "希臘"), ("Athens", "雅典"), EUROPE, ("Greek", "希臘語")),
    (("Austria", "奧地利"), ("Vienna", "維也納"), EUROPE, ("German", "德語")),
    (("the Netherlands", "荷蘭"), ("Amsterdam", "阿姆斯特丹"), EUROPE, ("Dutch", "荷蘭語")),
    (("Sweden", "瑞典"), ("Stockholm", "斯德哥爾摩"), EUROPE, ("Swedish", "瑞典語")),
    (("Norway", "挪威"), ("Oslo", "奧斯陸"), EUROPE, ("Norwegian", "挪威語")),
    (("Denmark", "丹麥"), ("Copenhagen", "哥本哈根"), EUROPE, ("Danish", "丹麥語")),
    (("Finland", "芬蘭"), ("Helsinki", "赫爾辛基"), EUROPE, ("Finnish", "芬蘭語")),
    (("Poland", "波蘭"), ("Warsaw", "華沙"), EUROPE, ("Polish", "波蘭語")),
    (("Hungary", "匈牙利"), ("Budapest", "布達佩斯"), EUROPE, ("Hungarian", "匈牙利語")),
    (("Russia", "俄羅斯"), ("Moscow", "莫斯科"), EUROPE, ("Russian", "俄語")),
    (("Japan", "日本"), ("Tokyo", "東京"), ASIA, ("Japanese", "日語")),
    (("Korea", "韓國"), ("Seoul", "首爾"), ASIA, ("Korean", "韓語")),
    (("Thailand", "泰國"), ("Bangkok", "曼谷"), ASIA, ("Thai", "泰語")),
    (("Vietnam", "越南"), ("Hanoi", "河內"), ASIA, ("Vietnamese", "越南語")),
    (("India", "印度"), ("New Delhi", "新德里"), ASIA, None),
    (("Indonesia", "印尼"), ("Jakarta", "雅加達"), ASIA, ("Indonesian", "印尼語")),
    (("the Philippines", "菲律賓"), ("Manila", "馬尼拉"), ASIA, None),
    (("Turkey", "土耳其"), ("Ankara", "安卡拉"), ASIA, ("Turkish", "土耳其語")),
    (("Iran", "伊朗"), ("Tehran", "德黑蘭"), ASIA, ("Persian", "波斯語")),
    (("Egypt", "埃及"), ("Cairo", "開羅"), AFRICA, ("Arabic", "阿拉伯語")),
    (("Morocco", "摩洛哥"), ("Rabat", "拉巴特"), AFRICA, ("Arabic", "阿拉伯語")),
    (("Kenya", "肯亞"), ("Nairobi", "奈洛比"), AFRICA, ("Swahili", "史瓦希里語")),
    (("Canada", "加拿大"), ("Ottawa", "渥太華"), NAMERICA, None),
    (("Mexico", "墨西哥"), ("Mexico City", "墨西哥城"), NAMERICA, ("Spanish", "西班牙語")),
    (("Cuba", "古巴"), ("Havana", "哈瓦那"), NAMERICA, ("Spanish", "西班牙語")),
    (("Brazil", "巴西"), ("Brasilia", "巴西利亞"), SAMERICA, ("Portuguese", "葡萄牙語")),
    (("Argentina", "阿根廷"), ("Buenos Aires", "布宜諾斯艾利斯"), SAMERICA, ("Spanish", "西班牙語")),
    (("Peru", "秘魯"), ("Lima", "利馬"), SAMERICA, ("Spanish", "西班牙語")),
    (("Chile", "智利"), ("Santiago", "聖地牙哥"), SAMERICA, ("Spanish", "西班牙語")),
    (("Australia", "澳洲"), ("Canberra", "坎培拉"), OCEANIA, ("English", "英語")),
    (("New Zealand", "紐西蘭"), ("Wellington", "威靈頓"), OCEANIA, ("English", "英語")),
]

NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
           "eighteen", "nineteen", "twenty"]
ZH_DIGITS = "零一二三四五六七八九"


def zh_number(n):
    """Chinese numeral as read in arithmetic (二, not 兩)."""
    if n <= 10:
        return "零一二三四五六七八九十"[n]
    return ("十" if n < 20 else ZH_DIGITS[n // 10] + "十") + (ZH_DIGITS[n % 10] if n % 10 else "")


def zh_count(n):
    """Chinese numeral before a measure word: two is 兩."""
    return "兩" if n == 2 else zh_number(n)


# singular, plural, Chinese noun, measure word
NOUNS = [
    ("cat", "cats", "貓", "隻"), ("dog", "dogs", "狗", "隻"), ("bird", "birds", "鳥", "隻"),
    ("mouse", "mice", "老鼠", "隻"), ("sheep", "sheep", "羊", "隻"), ("horse", "horses", "馬", "匹"),
    ("fish", "fish", "魚", "條"), ("book", "books", "書", "本"), ("box", "boxes", "箱子", "個"),
    ("apple", "apples", "蘋果", "顆"), ("child", "children", "孩子", "個"), ("man", "men", "男人", "個"),
    ("woman", "women", "女人", "個"), ("city", "cities", "城市", "座"), ("baby", "babies", "嬰兒", "個"),
    ("bus", "buses", "公車", "輛"), ("car", "cars", "車", "輛"), ("tree", "trees", "樹", "棵"),
    ("knife", "knives", "刀", "把"), ("leaf", "leaves", "葉子", "片"), ("cup", "cups", "杯子", "個"),
    ("egg", "eggs", "蛋", "顆"), ("star", "stars", "星星", "顆"), ("river", "rivers", "河", "條"),
]
PLACES = [("in the garden", "花園裡"), ("in the box", "箱子裡"), ("on the table", "桌子上"),
          ("in the house", "房子裡"), ("near the palace", "宮殿附近")]
HAVERS = [("I", "我", "have", "had"), ("you", "你", "have", "had"), ("he", "他", "has", "had"),
          ("she", "她", "has", "had"), ("we", "我們", "have", "had"), ("they", "他們", "have", "had"),
          ("the king", "國王", "has", "had"), ("the queen", "王后", "has", "had")]

# subject, Chinese, third-person singular?, form of "to be" now/then
SUBJECTS = [
    ("he", "他", True), ("she", "她", True), ("the boy", "男孩", True), ("the girl", "女孩", True),
    ("my father", "我的父親", True), ("my mother", "我的母親", True), ("the king", "國王", True),
    ("the queen", "王后", True), ("the prince", "王子", True), ("the princess", "公主", True),
    ("the teacher", "老師", True), ("my uncle", "我的叔叔", True), ("my aunt", "我的阿姨", True),
    ("I", "我", False), ("you", "你", False), ("we", "我們", False), ("they", "他們", False),
    ("the boys", "男孩們", False), ("the girls", "女孩們", False), ("the children", "孩子們", False),
    ("my parents", "我的父母", False), ("the students", "學生們", False),
]
# base, third person, past, rest of the phrase, Chinese now, Chinese past
VERBS = [
    ("walk", "walks", "walked", "to school", "走路去學校", "走路去學校了"),
    ("read", "reads", "read", "a book", "讀一本書", "讀了一本書"),
    ("eat", "eats", "ate", "an apple", "吃一顆蘋果", "吃了一顆蘋果"),
    ("sing", "sings", "sang", "a song", "唱一首歌", "唱了一首歌"),
    ("play", "plays", "played", "in the park", "在公園裡玩", "在公園裡玩了"),
    ("write", "writes", "wrote", "a letter", "寫一封信", "寫了一封信"),
    ("drink", "drinks", "drank", "tea", "喝茶", "喝了茶"),
    ("watch", "watches", "watched", "the stars", "看星星", "看了星星"),
    ("go", "goes", "went", "to the market", "去市場", "去了市場"),
    ("cook", "cooks", "cooked", "dinner", "煮晚餐", "煮了晚餐"),
    ("ride", "rides", "rode", "a horse", "騎馬", "騎了馬"),
    ("feed", "feeds", "fed", "the cat", "餵貓", "餵了貓"),
]

DAYS = [("Monday", "星期一"), ("Tuesday", "星期二"), ("Wednesday", "星期三"), ("Thursday", "星期四"),
        ("Friday", "星期五"), ("Saturday", "星期六"), ("Sunday", "星期日")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth", "eleventh", "twelfth"]
SEASONS = [("spring", "春天", (2, 3, 4)), ("summer", "夏天", (5, 6, 7)),
           ("autumn", "秋天", (8, 9, 10)), ("winter", "冬天", (11, 0, 1))]


def zh_month(i):
    return zh_number(i + 1) + "月"


# ---- sentence families: each returns a list of (English, Chinese) pairs -----------------------

def family():
    out = []
    for m, zm, f, zf in PAIRS:
        for word, zword, he, zhe, adult, zadult in ((m, zm, "he", "他", "man", "男人"), (f, zf, "she", "她", "woman", "女人")):
            out.append((f"The {word} is a {adult}.", f"{zword}是{zadult}。"))
            for feel, zfeel in FEELINGS:
                out.append((f"The {word} said that {he} was {feel}.", f"{zword}說{zhe}很{zfeel}。"))
                out.append((f"The {word} is {feel} today.", f"{zword}今天很{zfeel}。"))
        out.append((f"The {m} and the {f} are here.", f"{zm}和{zf}在這裡。"))
        out.append((f"A {m} is a man and a {f} is a woman.", f"{zm}是男人，{zf}是女人。"))
    royal = [
        ("The prince is the son of the king.", "王子是國王的兒子。"),
        ("The prince is the son of the queen.", "王子是王后的兒子。"),
        ("The princess is the daughter of the king.", "公主是國王的女兒。"),
        ("The princess is the daughter of the queen.", "公主是王后的女兒。"),
        ("The king is the father of the prince.", "國王是王子的父親。"),
        ("The queen is the mother of the princess.", "王后是公主的母親。"),
        ("The queen is the wife of the king.", "王后是國王的妻子。"),
        ("The king is the husband of the queen.", "國王是王后的丈夫。"),
        ("The prince will be king one day.", "王子有一天會成為國王。"),
        ("The princess will be queen one day.", "公主有一天會成為女王。"),
        ("The king wears a crown.", "國王戴著王冠。"),
        ("The queen wears a crown.", "王后戴著王冠。"),
        ("The king lives in the palace.", "國王住在宮殿裡。"),
        ("The queen lives in the palace.", "王后住在宮殿裡。"),
        ("The prince is the brother of the princess.", "王子是公主的兄弟。"),
        ("The princess is the sister of the prince.", "公主是王子的姊妹。"),
        ("The king rules the kingdom.", "國王統治王國。"),
        ("The queen rules the kingdom.", "王后統治王國。"),
        ("The brother of my father is my uncle.", "我父親的兄弟是我的叔叔。"),
        ("The sister of my mother is my aunt.", "我母親的姊妹是我的阿姨。"),
        ("The father of my father is my grandfather.", "我父親的父親是我的祖父。"),
        ("The mother of my father is my grandmother.", "我父親的母親是我的祖母。"),
        ("The son of my brother is my nephew.", "我兄弟的兒子是我的姪子。"),
        ("The daughter of my brother is my niece.", "我兄弟的女兒是我的姪女。"),
        ("My father is the husband of my mother.", "我的父親是我母親的丈夫。"),
        ("My mother is the wife of my father.", "我的母親是我父親的妻子。"),
    ]
    out += royal
    # Named families: the father and mother of a child, with he/she agreeing with the name.
    children = [(n, z, "son", "兒子", "he", "他") for n, z in MALE_NAMES] + \
               [(n, z, "daughter", "女兒", "she", "她") for n, z in FEMALE_NAMES]
    for fa, zfa in MALE_NAMES:
        out.append((f"{fa} is a man.", f"{zfa}是男人。"))
        for mo, zmo in FEMALE_NAMES:
            out.append((f"{fa} is the husband of {mo}.", f"{zfa}是{zmo}的丈夫。"))
            out.append((f"{mo} is the wife of {fa}.", f"{zmo}是{zfa}的妻子。"))
            for c, zc, rel, zrel, pron, zpron in children:
                if c in (fa, mo):
                    continue
                out.append((f"{c} is the {rel} of {fa} and {mo}.", f"{zc}是{zfa}和{zmo}的{zrel}。"))
                out.append((f"{fa} is the father of {c}.", f"{zfa}是{zc}的父親。"))
                out.append((f"{mo} is the mother of {c}.", f"{zmo}是{zc}的母親。"))
                out.append((f"{fa} and {mo} have a {rel} called {c}.", f"{zfa}和{zmo}有一個{zrel}叫{zc}。"))
                out.append((f"{c} said that {pron} loves {mo}.", f"{zc}說{zpron}愛{zmo}。"))
    for mo, zmo in FEMALE_NAMES:
        out.append((f"{mo} is a woman.", f"{zmo}是女人。"))
    return out


def capitals():
    out = []
    for (c, zc), (cap, zcap), (cont, zcont), lang in COUNTRIES:
        out += [
            (f"{cap} is the capital of {c}.", f"{zcap}是{zc}的首都。"),
            (f"The capital of {c} is {cap}.", f"{zc}的首都是{zcap}。"),
            (f"What is the capital of {c}? It is {cap}.", f"{zc}的首都是哪裡？是{zcap}。"),
            (f"{c} is a country in {cont}.", f"{zc}是{zcont}的一個國家。"),
            (f"{cap} is a city in {c}.", f"{zcap}是{zc}的一座城市。"),
            (f"{cap} is a city in {cont}.", f"{zcap}是{zcont}的一座城市。"),
        ]
        if lang:
            out.append((f"People in {c} speak {lang[0]}.", f"{zc}的人說{lang[1]}。"))
            out.append((f"In {cap} people speak {lang[0]}.", f"在{zcap}，人們說{lang[1]}。"))
        for (c2, zc2), (cap2, zcap2), _, _ in COUNTRIES:
            if c2 != c:
                out.append((f"{cap2} is not the capital of {c}.", f"{zcap2}不是{zc}的首都。"))
                out.append((f"We flew from {cap} to {cap2}.", f"我們從{zcap}飛到{zcap2}。"))
    return [(e[0].upper() + e[1:], z) for e, z in out] # "the Netherlands" may start a line


def plurals():
    out = []
    for sg, pl, zn, mw in NOUNS:
        for n in range(1, 11):
            noun = sg if n == 1 else pl
            num, znum = NUMBERS[n], zh_count(n) + mw + zn
            be = "is" if n == 1 else "are"
            out.append((f"I see {num} {noun}.", f"我看到{znum}。"))
            for place, zplace in PLACES:
                out.append((f"There {be} {num} {noun} {place}.", f"{zplace}有{znum}。"))
            for who, zwho, has, had in HAVERS:
                out.append((f"{who} {has} {num} {noun}.", f"{zwho}有{znum}。"))
                out.append((f"Yesterday {who} {had} {num} {noun}.", f"昨天{zwho}有{znum}。"))
        out.append((f"One {sg} and one {sg} make two {pl}.", f"一{mw}{zn}加一{mw}{zn}是兩{mw}{zn}。"))
    return [(e[0].upper() + e[1:], z) for e, z in out]


def grammar():
    out = []
    for subj, zs, third in SUBJECTS:
        be_now = "am" if subj == "I" else ("is" if third else "are")
        be_then = "was" if subj in ("I",) or third else "were"
        for base, s3, past, rest, znow, zpast in VERBS:
            now = s3 if third else base
            out.append((f"{subj} {now} {rest} every day.", f"{zs}每天{znow}。"))
            out.append((f"Yesterday {subj} {past} {rest}.", f"昨天{zs}{zpast}。"))
            out.append((f"Tomorrow {subj} will {base} {rest}.", f"明天{zs}會{znow}。"))
            for day, zday in DAYS:
                out.append((f"{subj} {now} {rest} every {day}.", f"{zs}每個{zday}都{znow}。"))
                out.append((f"On {day} {subj} {past} {rest}.", f"{zs}{zday}{zpast}。"))
        for feel, zfeel in FEELINGS:
            out.append((f"{subj} {be_now} {feel}.", f"{zs}很{zfeel}。"))
            out.append((f"Yesterday {subj} {be_then} {feel}.", f"{zs}昨天很{zfeel}。"))
            out.append((f"{subj} {be_now} not {feel}.", f"{zs}不{zfeel}。"))
    return [(e[0].upper() + e[1:], z) for e, z in out]


def numbers():
    out = []
    for a in range(0, 11):
        for b in range(0, 11):
            if a + b <= 20:
                out.append((f"{NUMBERS[a]} plus {NUMBERS[b]} is {NUMBERS[a + b]}.",
                            f"{zh_number(a)}加{zh_number(b)}等於{zh_number(a + b)}。"))
            if a >= b:
                out.append((f"{NUMBERS[a]} minus {NUMBERS[b]} is {NUMBERS[a - b]}.",
                            f"{zh_number(a)}減{zh_number(b)}等於{zh_number(a - b)}。"))
            if a * b <= 20 and a > 0 and b > 0:
                out.append((f"{NUMBERS[a]} times {NUMBERS[b]} is {NUMBERS[a * b]}.",
                            f"{zh_number(a)}乘以{zh_number(b)}等於{zh_number(a * b)}。"))
            if a > b:
                out.append((f"{NUMBERS[a]} is bigger than {NUMBERS[b]}.", f"{zh_number(a)}比{zh_number(b)}大。"))
                out.append((f"{NUMBERS[b]} is smaller than {NUMBERS[a]}.", f"{zh_number(b)}比{zh_number(a)}小。"))
    for n in range(1, 20):
        out.append((f"{NUMBERS[n + 1]} comes after {NUMBERS[n]}.", f"{zh_number(n + 1)}在{zh_number(n)}之後。"))
        out.append((f"{NUMBERS[n]} comes before {NUMBERS[n + 1]}.", f"{zh_number(n)}在{zh_number(n + 1)}之前。"))
    return [(e[0].upper() + e[1:], z) for e, z in out]


def calendar():
    out = [("There are seven days in a week.", "一個星期有七天。"),
           ("There are twelve months in a year.", "一年有十二個月。"),
           ("There are four seasons in a year.", "一年有四個季節。")]
    for i, (day, zday) in enumerate(DAYS):
        nxt, znxt = DAYS[(i + 1) % 7]
        prv, zprv = DAYS[(i - 1) % 7]
        out += [
            (f"{nxt} comes after {day}.", f"{znxt}在{zday}之後。"),
            (f"{day} comes before {nxt}.", f"{zday}在{znxt}之前。"),
            (f"Today is {day}, so tomorrow is {nxt}.", f"今天是{zday}，所以明天是{znxt}。"),
            (f"Today is {day}, so yesterday was {prv}.", f"今天是{zday}，所以昨天是{zprv}。"),
            (f"{day} is day {NUMBERS[i + 1]} of the week.", f"{zday}是一個星期的第{zh_number(i + 1)}天。"),
        ]
        for subj, zs, _ in SUBJECTS[:13]:
            out.append((f"{subj} came home on {day}.", f"{zs}{zday}回家了。"))
    for i, month in enumerate(MONTHS):
        nxt = MONTHS[(i + 1) % 12]
        out += [
            (f"{month} is the {ORDINALS[i]} month of the year.", f"{zh_month(i)}是一年的第{zh_number(i + 1)}個月。"),
            (f"{nxt} comes after {month}.", f"{zh_month((i + 1) % 12)}在{zh_month(i)}之後。"),
            (f"{month} comes before {nxt}.", f"{zh_month(i)}在{zh_month((i + 1) % 12)}之前。"),
        ]
        for who, zwho in [("my", "我"), ("your", "你"), ("his", "他"), ("her", "她")]:
            out.append((f"{who} birthday is in {month}.", f"{zwho}的生日在{zh_month(i)}。"))
        for m, zm, f, zf in PAIRS[:6]:
            for who, zwho in ((m, zm), (f, zf)):
                out.append((f"The birthday of the {who} is in {month}.", f"{zwho}的生日在{zh_month(i)}。"))
    for season, zseason, months in SEASONS:
        for m in months:
            out.append((f"{MONTHS[m]} is in {season}.", f"{zh_month(m)}在{zseason}。"))
    return [(e[0].upper() + e[1:], z) for e, z in out]


# ---- assembly ----------------------------------------------------------------------------------

EN_LINE = re.compile(r"^[A-Z][A-Za-z0-9]*( [A-Za-z0-9]+|[,.?])*[.?]$")
ZH_LINE = re.compile(r"^[\u4e00-\u9fff，。？]+$")


def main():
    rng = random.Random(SEED)
    # Share of lines per kind of sentence; the rest of each pool is left unused.
    quotas = [(family, 1000), (capitals, 700), (plurals, 650), (grammar, 950), (numbers, 350), (calendar, 350)]
    # Facts every lesson may rely on are always in; the rest of each quota is sampled.
    core = {(f"{cap} is the capital of {c}.", f"{zcap}是{zc}的首都。")
            for (c, zc), (cap, zcap), _, _ in COUNTRIES}
    core = {(e[0].upper() + e[1:], z) for e, z in core}
    core |= {(f"The {m} is a man.", f"{zm}是男人。") for m, zm, _, _ in PAIRS[:4]}
    core |= {(f"The {f} is a woman.", f"{zf}是女人。") for _, _, f, zf in PAIRS[:4]}
    lines = []
    for make, quota in quotas:
        pool = sorted(set(make()))  # sorted first so the seed alone decides the sample
        must = [pair for pair in pool if pair in core]
        rest = [pair for pair in pool if pair not in core]
        assert len(pool) >= quota, (make.__name__, len(pool))
        lines += must + rng.sample(rest, quota - len(must))
    assert len(lines) == LINES
    rng.shuffle(lines)
    for en, zh in lines:
        # Keep both files in the form the word tokenizer round-trips exactly.
        assert EN_LINE.match(en), en
        assert ZH_LINE.match(zh), zh
    here = os.path.dirname(os.path.abspath(__file__))
    for name, column in (("en.txt", 0), ("zh_TW.txt", 1)):
        with open(os.path.join(here, name), "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(pair[column] + "\n" for pair in lines))
    write_groups(os.path.join(here, "groups_en.tsv"))


def write_groups(path):
    """groups_en.tsv: a group per English word of the corpus (lower case), for colouring word
    vectors in the embedding view."""
    groups = {}
    def put(words, group):
        for w in words:
            groups.setdefault(w.lower(), group)
    put([m for m, _, _, _ in PAIRS], "male")
    put([f for _, _, f, _ in PAIRS], "female")
    put([n for n, _ in MALE_NAMES], "male name")
    put([n for n, _ in FEMALE_NAMES], "female name")
    put([c for (c, _), _, _, _ in COUNTRIES if " " not in c], "country")
    put([cap for _, (cap, _), _, _ in COUNTRIES], "capital")
    put([lang for _, _, _, l in COUNTRIES if l for lang in [l[0]]], "language")
    put(NUMBERS, "number")
    put([d for d, _ in DAYS], "day")
    put(MONTHS, "month")
    put([s for s, _, _ in SEASONS], "season")
    put([n[0] for n in NOUNS if n[0] != n[1]], "singular")
    put([n[1] for n in NOUNS if n[0] != n[1]], "plural")
    put([f for f, _ in FEELINGS], "feeling")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("word\tgroup\n")
        for w in sorted(groups):
            f.write(f"{w}\t{groups[w]}\n")


if __name__ == "__main__":
    main()
