#!/usr/bin/python3
"""Writes the document corpora documents_en.txt and documents_zh_TW.txt next to this script.

A pre-training corpus for BERT and ALBERT: short documents (4 to 8 sentences) separated by one
blank line, one sentence a line. Every document is a small story on one topic (cooking a dish, a
trip to a city, a football match, ...), each topic with its own vocabulary, so next-sentence
prediction can tell a sentence of the same document from one of another document by its topic.
Inside a document most sentences are facts that could come in any order: the plot steps, the
opening and the closing line are shuffled. Order shows only where one sentence needs another: a
cause before its effect (with no "So" to mark it), a question before its answer, the main person
named before the first pronoun that refers to them, the days of a week's weather in their order.
Sentence-order prediction has little to go on but these links between the two segments, while
next-sentence prediction can lean on the topic alone, as ALBERT's authors found on real text.

Every sentence is made here from templates and slot fillers written for LMScope. The two files are
line-aligned translations of each other (line i of one means line i of the other; the blank lines
fall on the same lines). Stdlib only; a fixed seed makes the output identical on every run:
  /usr/bin/python3 resources/corpora/generate_documents.py
"""
import os
import random
import re

SEED = 20240620
DOCUMENTS = 1500

# ---- numbers -------------------------------------------------------------------------------------

EN_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty"]
EN_TENS = {30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty", 90: "ninety"}
ZH_DIGITS = "零一二三四五六七八九"


def en_num(n):
    """Words up to twenty and for round tens (no hyphens), digits above."""
    if n <= 20:
        return EN_WORDS[n]
    return EN_TENS.get(n, str(n))


def zh_int(n):
    """Chinese numeral, 0 <= n < 100000; a leading 2 before 千 or 萬 is 兩."""
    if n < 10:
        return ZH_DIGITS[n]
    if n < 20:
        return "十" + (ZH_DIGITS[n % 10] if n % 10 else "")
    out, zero, started = "", False, False
    for unit, name in ((10000, "萬"), (1000, "千"), (100, "百"), (10, "十")):
        d = n // unit % 10
        if d:
            if zero:
                out += "零"
            out += ("兩" if d == 2 and not started and unit >= 1000 else ZH_DIGITS[d]) + name
            started, zero = True, False
        elif started:
            zero = True
    if n % 10:
        out += ("零" if zero else "") + ZH_DIGITS[n % 10]
    return out


def num(n):
    """(English, Chinese) of a number read on its own: 二十, 一百二十."""
    return (en_num(n), zh_int(n))


def cnt(n):
    """(English, Chinese) of a count before a measure word: 兩 for two."""
    return (en_num(n), "兩" if n == 2 else zh_int(n))


def digits(n):
    """(English, Chinese) of a number that names something (bus 52, gate 7): digits in English."""
    return (str(n), zh_int(n))


ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth", "eleventh", "twelfth"]


def birthday_age(r):
    age = r.randint(5, 12)
    return dict(age=num(age), ageth=(ORDINALS[age], zh_int(age)))


# ---- shared fillers (English, Chinese) ------------------------------------------------------------

MALE = [("Tom", "湯姆"), ("Sam", "山姆"), ("Ben", "班恩"), ("Leo", "里歐"), ("Max", "麥斯"),
        ("Jack", "傑克"), ("Paul", "保羅"), ("Mark", "馬克"), ("David", "大衛"), ("Peter", "彼得"),
        ("Daniel", "丹尼爾"), ("Eric", "艾瑞克"), ("Kevin", "凱文"), ("Ryan", "萊恩"), ("Henry", "亨利"),
        ("Ming", "小明"), ("Jie", "阿傑"), ("Wei", "志偉")]
FEMALE = [("Anna", "安娜"), ("Mia", "米亞"), ("Lucy", "露西"), ("Emma", "艾瑪"), ("Sara", "莎拉"),
          ("Lily", "莉莉"), ("Rose", "蘿絲"), ("Kate", "凱特"), ("Amy", "艾咪"), ("Grace", "葛瑞絲"),
          ("Helen", "海倫"), ("Julia", "茱莉亞"), ("Nina", "妮娜"), ("Sophie", "蘇菲"), ("Chloe", "克蘿伊"),
          ("Mei", "小美"), ("Ling", "小玲"), ("Fang", "芳芳")]
SURNAMES = [("Lin", "林"), ("Chen", "陳"), ("Wang", "王"), ("Huang", "黃"), ("Lee", "李"), ("Wu", "吳"),
            ("Chang", "張"), ("Tsai", "蔡"), ("Liu", "劉"), ("Yang", "楊"), ("Hsu", "許"), ("Kuo", "郭")]
DAYS = [("Monday", "星期一"), ("Tuesday", "星期二"), ("Wednesday", "星期三"), ("Thursday", "星期四"),
        ("Friday", "星期五"), ("Saturday", "星期六"), ("Sunday", "星期日")]
MONTHS = [("January", "一月"), ("February", "二月"), ("March", "三月"), ("April", "四月"), ("May", "五月"),
          ("June", "六月"), ("July", "七月"), ("August", "八月"), ("September", "九月"),
          ("October", "十月"), ("November", "十一月"), ("December", "十二月")]
SEASONS = [("spring", "春天"), ("summer", "夏天"), ("autumn", "秋天"), ("winter", "冬天")]
TOWNS = [("Taipei", "台北"), ("Tainan", "台南"), ("Taichung", "台中"), ("Kaohsiung", "高雄"),
         ("Hualien", "花蓮"), ("Keelung", "基隆"), ("Hsinchu", "新竹"), ("Taitung", "台東"),
         ("Yilan", "宜蘭"), ("Chiayi", "嘉義")]
CITIES = TOWNS + [("Tokyo", "東京"), ("Kyoto", "京都"), ("Seoul", "首爾"), ("Paris", "巴黎"),
                  ("London", "倫敦"), ("Rome", "羅馬"), ("Bangkok", "曼谷"), ("Singapore", "新加坡"),
                  ("Hong Kong", "香港"), ("Vienna", "維也納"), ("Barcelona", "巴塞隆納"),
                  ("Sydney", "雪梨"), ("New York", "紐約"), ("Osaka", "大阪"), ("Lisbon", "里斯本")]


def person(rng, exclude=()):
    """Slots of one person: name, and the pronouns that refer back to the name."""
    male = rng.random() < 0.5
    name = rng.choice([n for n in (MALE if male else FEMALE) if n not in exclude])
    if male:
        return name, {"p": ("he", "他"), "pos": ("his", "他的"), "obj": ("him", "他")}
    return name, {"p": ("she", "她"), "pos": ("her", "她的"), "obj": ("her", "她")}


# Stories carry no order markers: no First / Then / Finally, and no "So" before an effect. Each of
# those tells sentence order from one segment alone, and sentence-order prediction is meant to need
# the link between the two segments (a cause and what it led to, a question and its answer).

# ---- topics --------------------------------------------------------------------------------------
# A topic: fill(rng) -> its slot fillers for one document; intros (name the main person {N});
# stages (each a list of alternative sentences, listed in plot order but drawn in any order; a
# leading @ on an English template is dropped); causes (cause, effect); questions (question, answer,
# "any" or "end": where the question reads best; the generator no longer uses it); outros. A cause
# or question may end with the window (first, last) of stages that must be in the document for it. Templates are (English, Chinese) with
# slots {N} {p} {pos} {obj} for the main person, {F} {fp} {fpos} {fobj} for a friend, {day},
# {month}, {season}, {town} and the topic's own; a cause names the person ({N}) and its effect
# refers back ({p}).


def pick(rng, items, k=1):
    got = rng.sample(items, k)
    return got[0] if k == 1 else got


def pairs(*items):
    return [tuple(x.split("|")) for x in items]


def choose(rng, *items):
    """One of the "English|Chinese" items."""
    return pick(rng, pairs(*items))


def titled(rng, zh_titles):
    """Mr or Ms and a surname, with the Chinese surname and title: ("Ms Lin", "林老師")."""
    sur, zsur = pick(rng, SURNAMES)
    title = rng.choice(["Mr", "Ms"])
    return (f"{title} {sur}", zsur + zh_titles[title])


HOURS_PM = pairs("two in the afternoon|下午兩點", "three in the afternoon|下午三點", "four in the afternoon|下午四點",
                 "five in the afternoon|下午五點", "six in the evening|傍晚六點", "seven in the evening|晚上七點")

COOKING = dict(
    key="cooking", title=("cooking a dish", "做一道菜"),
    fill=lambda r: dict(
        dish=choose(r, "fried rice|炒飯", "tomato soup|番茄湯", "beef noodles|牛肉麵", "curry|咖哩",
                    "vegetable stew|燉蔬菜", "chicken soup|雞湯", "fried noodles|炒麵", "pumpkin soup|南瓜湯",
                    "rice porridge|稀飯", "fish soup|魚湯"),
        **dict(zip(("veg", "veg2"), pick(r, pairs("onions|洋蔥", "carrots|紅蘿蔔", "potatoes|馬鈴薯",
                                                  "tomatoes|番茄", "cabbage|高麗菜", "mushrooms|香菇",
                                                  "green peppers|青椒", "spinach|菠菜", "corn|玉米"), 2))),
        meat=choose(r, "chicken|雞肉", "beef|牛肉", "pork|豬肉", "tofu|豆腐", "shrimp|蝦子", "eggs|雞蛋"),
        guests=choose(r, "the whole family|全家人", "some old friends|幾個老朋友", "the neighbors|鄰居們",
                      "the grandparents|爺爺奶奶", "a guest from abroad|一位外國客人",
                      "the team from work|公司的同事", "a hungry cousin|一個肚子餓的表哥"),
        herb=choose(r, "ginger|薑", "garlic|大蒜", "green onion|蔥", "basil|九層塔", "black pepper|黑胡椒"),
        pot=choose(r, "the big pot|大鍋子", "the old iron pan|舊鐵鍋", "the new pan|新平底鍋", "the clay pot|砂鍋",
                   "the black wok|黑色的炒鍋"),
        hour=choose(r, "six|六點", "seven|七點", "half past six|六點半", "eight|八點"),
        spoons=cnt(r.randint(2, 4)), mins=num(r.choice([5, 8, 10, 12, 15])),
        mins2=num(r.choice([20, 30, 40, 50])), bowls=cnt(r.randint(2, 8)),
        total=num(r.choice([40, 50, 60, 70, 80, 90])),
        shop=choose(r, "the morning market|早市", "the supermarket|超市", "a small shop|一家小店",
                    "the market near the station|車站附近的市場", "the shop on the corner|街角的小店")),
    intros=pairs(
        "On {day} evening, {N} decided to cook {dish} for {guests}.|{day}晚上，{N}決定為{guests}煮{dish}。",
        "{N} wanted to make {dish} for dinner on {day}.|{N}{day}想做{dish}當晚餐。",
        "{N} found an old recipe for {dish} in a notebook.|{N}在一本筆記本裡找到一份{dish}的老食譜。",
        "{N} promised to cook {dish} for {guests} on {day}.|{N}答應{day}要煮{dish}給{guests}吃。"),
    stages=[
        pairs("{p} bought some {meat} and {veg} at {shop}.|{p}在{shop}買了一些{meat}和{veg}。",
              "{p} went to {shop} on {day} for {veg} and {meat}.|{p}{day}去{shop}買{veg}和{meat}。"),
        pairs("{p} washed the {veg} and the {veg2} in cold water.|{p}用冷水把{veg}和{veg2}洗乾淨。",
              "{p} took out {pot} and a sharp knife.|{p}拿出{pot}和一把利刀。"),
        pairs("{p} cut the {veg} into small pieces.|{p}把{veg}切成小塊。",
              "{p} sliced the {meat} with a sharp knife.|{p}用一把利刀把{meat}切成片。",
              "{p} chopped the {veg2} and some {herb}.|{p}把{veg2}和一些{herb}切碎。"),
        pairs("{p} heated {spoons} spoons of oil in {pot}.|{p}在{pot}裡熱了{spoons}匙油。",
              "{p} boiled water in {pot}.|{p}用{pot}把水煮開。"),
        pairs("{p} fried the {meat} for {mins} minutes.|{p}把{meat}炒了{mins}分鐘。",
              "{p} put the {meat} and the {herb} into {pot}.|{p}把{meat}和{herb}放進{pot}裡。"),
        pairs("{p} added the {veg} and a little salt.|{p}加入{veg}和一點鹽。",
              "{p} added the {veg2} and {spoons} spoons of soy sauce.|{p}加入{veg2}和{spoons}匙醬油。"),
        pairs("{p} let the {dish} cook slowly for {mins2} minutes.|{p}讓{dish}用小火慢慢煮了{mins2}分鐘。",
              "{p} covered {pot} and waited for {mins2} minutes.|{p}蓋上{pot}的蓋子，等了{mins2}分鐘。"),
        pairs("{p} tasted the {dish} and added some {herb}.|{p}嚐了嚐{dish}，又加了一些{herb}。",
              "{p} tasted the {dish} with a small spoon.|{p}用小湯匙嚐了嚐{dish}。"),
        pairs("{p} put the {dish} into {bowls} bowls.|{p}把{dish}盛進{bowls}個碗裡。",
              "{p} set the table for {guests}.|{p}為{guests}擺好了餐桌。"),
    ],
    causes=[
        pairs("The oil in {pot} became too hot.|{pot}裡的油變得太燙了。",
              "{p} turned the fire down and waited a moment.|{p}把火關小，等了一下。") + [(3, 8)],
        pairs("{N} found that there was no salt left.|{N}發現家裡沒有鹽了。",
              "{p} borrowed some from {F} next door.|{p}向隔壁的{F}借了一些。"),
        pairs("The {dish} tasted a little bland.|{dish}吃起來有點淡。",
              "{p} added more salt and a spoon of soy sauce.|{p}又加了一些鹽和一匙醬油。") + [(4, 8)],
        pairs("Smoke from the {meat} filled the kitchen.|炒{meat}的煙充滿了整個廚房。",
              "{p} opened the windows and turned on the fan.|{p}打開窗戶，也開了抽風機。") + [(4, 8)],
        pairs("The vegetables at {shop} were not fresh on {day}.|{day}{shop}的蔬菜不新鮮。",
              "{p} used frozen {veg} instead.|{p}改用冷凍的{veg}。") + [(0, 2)],
        pairs("{N} had promised dinner at {hour}.|{N}答應{hour}開飯。",
              "{p} worked as fast as {p} could.|{p}盡量加快動作。") + [(0, 6)],
    ],
    questions=[
        pairs("Was the {dish} too salty?|{dish}會太鹹嗎？",
              "No, {guests} said it was just right!|不會，{guests}說味道剛剛好！", "end|end"),
        pairs("What was the secret of the {dish}?|這道{dish}的祕訣是什麼？",
              "{p} said it was a little fresh {herb}.|{p}說是一點新鮮的{herb}。", "any|any") + [(4, 8)],
        pairs("How long did the {dish} take to make?|{dish}總共花了多久做好？",
              "It took about {total} minutes.|大約花了{total}分鐘。", "end|end"),
        pairs("Who helped {N} in the kitchen?|誰在廚房幫{N}的忙？",
              "{pos} friend {F} washed the {veg2} and the plates.|{p}的朋友{F}幫忙洗了{veg2}和盤子。", "any|any"),
    ],
    outros=pairs(
        "{guests} said the {dish} was delicious.|{guests}說{dish}很好吃。",
        "{guests} ate every last bite of the {dish}.|{guests}把{dish}吃得一口都不剩。",
        "everyone sat down at {hour} and enjoyed the {dish}.|大家{hour}坐下來享用{dish}。",
        "{p} wrote down the recipe for the {dish} to make it again.|{p}把{dish}的食譜寫下來，以後還可以再做。",
        "@there was not a single bowl of {dish} left.|{dish}一碗都不剩了。"),
)

CITY_TRIP = dict(
    key="city_trip", title=("a trip to a city", "城市旅行"),
    fill=lambda r: dict(
        **dict(zip(("city", "city2"), pick(r, CITIES, 2))),
        **dict(zip(("sight", "sight2"), pick(r, pairs(
            "the old temple|老廟", "the night market|夜市", "the city museum|市立博物館", "the harbor|港口",
            "the art gallery|美術館", "the central park|中央公園", "the old town|老城區", "the tall tower|高塔",
            "the botanical garden|植物園", "the stone bridge|石橋", "the castle on the hill|山丘上的城堡"), 2))),
        transport=choose(r, "by train|搭火車", "by bus|搭巴士", "by plane|搭飛機", "by high speed rail|搭高鐵",
                         "by ferry|搭渡輪"),
        area=choose(r, "the station|車站", "the river|河邊", "the old town|老城區", "the main square|中央廣場"),
        food=choose(r, "grilled squid|烤魷魚", "sweet potato balls|地瓜球", "fresh noodles|現做的麵",
                    "fried chicken|炸雞", "a bowl of fish soup|一碗魚湯", "warm bread|熱麵包",
                    "a plate of dumplings|一盤餃子"),
        gift=choose(r, "a box of tea|一盒茶葉", "two small cups|兩個小杯子", "a painted fan|一把彩繪扇子",
                    "a book of old photos|一本老照片集", "a bag of cookies|一袋餅乾"),
        likes=choose(r, "the friendly people|友善的人們", "the food|美食", "the quiet streets|安靜的街道",
                     "the old buildings|古老的建築", "the parks|公園"),
        nights=cnt(r.randint(2, 5)), price=num(r.choice([900, 1200, 1500, 1800, 2200, 2500]))),
    intros=pairs(
        "Last {season}, {N} took a trip to {city} with {pos} friend {F}.|去年{season}，{N}和朋友{F}一起去{city}旅行。",
        "{N} had always wanted to see {city}.|{N}一直很想去看看{city}。",
        "In {month}, {N} spent {nights} nights in {city}.|{month}，{N}在{city}待了{nights}個晚上。",
        "{N} planned a short holiday in {city} for {month}.|{N}計畫{month}去{city}度個短假。"),
    stages=[
        pairs("{p} traveled to {city} {transport}.|{p}{transport}到{city}。",
              "{p} went to {city} {transport} early on {day}.|{p}{day}一早{transport}去{city}。"),
        pairs("{p} checked into a small hotel near {area}.|{p}住進{area}附近的一間小旅館。",
              "{p} left {pos} bags at a hotel near {area}.|{p}把行李放在{area}附近的旅館。"),
        pairs("{p} visited {sight} and took many photos.|{p}參觀了{sight}，拍了很多照片。",
              "{p} spent the morning at {sight}.|{p}在{sight}待了一個早上。"),
        pairs("{p} tried {food} at a busy street stall.|{p}在一個熱鬧的小攤子吃了{food}。",
              "{p} had {food} for lunch near {sight}.|{p}在{sight}附近午餐吃了{food}。"),
        pairs("{p} walked to {sight2} and stayed there until sunset.|{p}走到{sight2}，一直待到日落。",
              "{p} took a guided tour of {sight2}.|{p}參加了{sight2}的導覽。"),
        pairs("{p} bought {gift} for {pos} parents.|{p}買了{gift}給爸媽。",
              "{p} found {gift} in a little shop near {area}.|{p}在{area}附近的小店找到{gift}。"),
    ],
    causes=[
        pairs("{N} got lost near {sight2}.|{N}在{sight2}附近迷路了。",
              "{p} asked a police officer the way to {area}.|{p}向一位警察問去{area}的路。"),
        pairs("{sight} was closed on {day}.|{day}{sight}沒有開放。", "{p} went to {sight2} instead.|{p}改去{sight2}。"),
        pairs("It began to rain heavily in {city} that afternoon.|那天下午{city}開始下大雨。",
              "{p} waited in a cafe near {sight} until the rain stopped.|{p}在{sight}附近的咖啡店裡等雨停。"),
        pairs("Every hotel near {area} was full.|{area}附近的旅館都客滿了。",
              "{p} stayed in a guest house near {sight}.|{p}住進{sight}附近的一間民宿。") + [(0, 1)],
        pairs("{N} walked for hours on the first day.|{N}第一天走了好幾個小時的路。",
              "{p} bought a pair of soft shoes near {area}.|{p}在{area}附近買了一雙軟鞋。"),
    ],
    questions=[
        pairs("What did {N} like most about {city}?|{N}最喜歡{city}的什麼？",
              "{p} liked {likes} most.|{p}最喜歡那裡的{likes}。", "end|end"),
        pairs("How much did the hotel near {area} cost?|{area}附近的旅館一晚多少錢？",
              "It cost {price} dollars a night.|一晚要{price}元。", "any|any"),
        pairs("Was {sight} crowded?|{sight}人多嗎？",
              "Yes, it was full of visitors from {city2}!|多，到處都是從{city2}來的遊客！", "any|any"),
    ],
    outros=pairs(
        "{p} came home from {city} tired but very happy.|{p}從{city}回到家時很累，但非常開心。",
        "@{p} hopes to visit {city} again one day.|{p}希望有一天能再去{city}。",
        "{p} went home {transport} on {day} evening.|{p}{day}晚上{transport}回家。",
        "{p} showed the photos of {sight} to {pos} family.|{p}把{sight}的照片拿給家人看。",
        "{p} gave {gift} to {pos} parents, and they loved it.|{p}把{gift}送給爸媽，他們很喜歡。"),
)

TEAMS = pairs("the Tigers|老虎隊", "the Eagles|老鷹隊", "the Lions|獅子隊", "the Sharks|鯊魚隊", "the Bears|熊隊",
              "the Dragons|飛龍隊", "the Wolves|野狼隊", "the Falcons|獵鷹隊", "the Rangers|遊騎兵隊")


def football_fill(r):
    a = r.randint(2, 5)
    return dict(**dict(zip(("team", "team2"), pick(r, TEAMS, 2))), a=num(a), b=num(r.randint(0, a - 1)),
                min=num(r.choice([5, 10, 12, 15, 18, 20, 30, 40])), warm=num(r.choice([10, 15, 20, 30])),
                field=choose(r, "the city stadium|市立體育場", "the school field|學校的球場",
                             "the park by the river|河濱公園的球場", "the new sports ground|新運動場"),
                fans=num(r.choice([50, 80, 100, 200, 300, 500])), extra=num(r.randint(2, 5)),
                stop=cnt(r.randint(2, 5)), dist=num(r.choice([20, 25, 30, 35])), shirtn=digits(r.randint(2, 23)),
                kick=pick(r, HOURS_PM), side=choose(r, "left|左邊", "right|右邊"),
                boot=choose(r, "red|紅色", "black|黑色", "new|新", "white|白色"))


FOOTBALL = dict(
    key="football", title=("a football match", "足球比賽"),
    fill=football_fill,
    intros=pairs(
        "On {day}, {N} and {team} played a big match against {team2}.|{day}，{N}和{team}跟{team2}踢了一場重要的比賽。",
        "{N} had trained all week for the match against {team2}.|{N}為了對{team2}的比賽練習了一整個星期。",
        "On {day} afternoon, {N} played football for {team} at {field}.|{day}下午，{N}代表{team}在{field}踢足球。",
        "{N} is the captain of {team}, and on {day} they met {team2}.|{N}是{team}的隊長，{day}他們遇上了{team2}。"),
    stages=[
        pairs("{p} warmed up with the team for {warm} minutes.|{p}和隊友一起熱身了{warm}分鐘。",
              "{p} tied {pos} {boot} boots and stretched {pos} legs.|{p}綁好{boot}球鞋，伸展了雙腿。"),
        pairs("the referee blew the whistle and the game began at {kick}.|裁判吹響哨子，比賽在{kick}開始。",
              "about {fans} fans cheered as the game began.|比賽開始時，大約{fans}名球迷在歡呼。"),
        pairs("{team2} scored a goal after {min} minutes.|{team2}在第{min}分鐘進了一球。",
              "{team2} hit the post after {min} minutes.|{team2}在第{min}分鐘射中了門柱。"),
        pairs("@at half time, the coach of {team} gave the players water and advice.|中場休息時，{team}的教練給球員們一些水和建議。",
              "@at half time, the coach of {team} told {obj} to run more on the {side}.|"
              "中場休息時，{team}的教練叫{p}多在{side}跑動。"),
        pairs("{p} kicked the ball past the goalkeeper of {team2} and scored.|{p}把球踢過{team2}的守門員，進球了。",
              "{p} scored with a long shot from {dist} meters.|{p}在{dist}公尺外一腳遠射得分。"),
        pairs("{pos} teammate {F} scored another goal with {fpos} head.|{p}的隊友{F}用頭又頂進一球。",
              "{p} passed the ball to {F}, who scored easily.|{p}把球傳給{F}，{F}輕鬆得分。"),
        pairs("the referee blew the final whistle after {extra} minutes of extra time.|裁判在補時{extra}分鐘後吹響了終場哨聲。",
              "the last minutes felt very long for the fans of {team}.|對{team}的球迷來說，最後幾分鐘感覺很漫長。"),
    ],
    causes=[
        pairs("A player from {team2} fell hard.|{team2}的一名球員重重地摔倒了。",
              "the game stopped for {stop} minutes.|比賽暫停了{stop}分鐘。") + [(1, 6)],
        pairs("{N} touched the ball with {pos} hand.|{N}用手碰到了球。",
              "the referee gave {team2} a free kick.|裁判判給{team2}一個自由球。") + [(1, 6)],
        pairs("The grass at {field} was wet from the rain.|{field}的草地因為下雨而很濕。",
              "several players of {team2} slipped.|{team2}好幾名球員都滑倒了。"),
        pairs("The goalkeeper of {team2} hurt his knee.|{team2}的守門員膝蓋受傷了。",
              "a young player, number {shirtn}, took his place.|{shirtn}號的年輕球員上場代替他。") + [(1, 6)],
        pairs("{N} ran into a defender of {team2}.|{N}撞上了{team2}的一名後衛。",
              "the referee gave a yellow card to number {shirtn}.|裁判給了{shirtn}號球員一張黃牌。") + [(1, 6)],
    ],
    questions=[
        pairs("What was the final score at {field}?|{field}的最後比數是多少？",
              "{team} won {a} to {b}.|{team}以{a}比{b}獲勝。", "end|end"),
        pairs("Who was the best player on {team}?|誰是{team}的最佳球員？",
              "Everyone agreed that it was {N}!|大家都認為是{N}！", "end|end"),
        pairs("How many fans came to {field}?|有多少球迷來到{field}？",
              "About {fans} fans came on {day}.|{day}大約來了{fans}名球迷。", "any|any"),
    ],
    outros=pairs(
        "{team} won the match {a} to {b}.|{team}以{a}比{b}贏得比賽。",
        "{p} went home from {field} tired and proud.|{p}帶著疲累和驕傲離開{field}。",
        "{team} celebrated with pizza and cold drinks.|{team}全隊吃披薩、喝冷飲慶祝。",
        "the fans of {team} sang all the way home.|{team}的球迷一路唱歌回家。"),
)

SUBJECTS = pairs("math|數學", "history|歷史", "science|自然", "English|英文", "music|音樂", "art|美術",
                 "geography|地理", "Chinese|國語")
TEACHER = {"Mr": "老師", "Ms": "老師"}


def school_fill(r):
    subj, subj2, subj3 = pick(r, SUBJECTS, 3)
    return dict(
        subj=subj, subj2=subj2, subj3=subj3, teacher=titled(r, TEACHER), teacher2=titled(r, TEACHER),
        lunch=choose(r, "rice with chicken|雞肉飯", "noodle soup|湯麵", "a vegetable curry|蔬菜咖哩",
                     "fried rice and soup|炒飯和湯", "dumplings|水餃", "a rice box|便當"),
        game=choose(r, "basketball|籃球", "tag|鬼抓人", "jump rope|跳繩", "dodgeball|躲避球", "badminton|羽毛球"),
        score=num(r.choice([75, 80, 85, 88, 90, 92, 95, 98, 100])), busn=digits(r.choice([3, 7, 12, 15, 21, 36, 62])),
        place=choose(r, "the library|圖書館", "the classroom|教室", "the kitchen table|廚房的餐桌"),
        item=pick(r, pairs("pencil case|鉛筆盒", "ruler|尺", "eraser|橡皮擦", "calculator|計算機")
                  + [(subj[0] + " book", subj[1] + "課本")]),
        limb=choose(r, "knee|膝蓋", "elbow|手肘", "hand|手", "ankle|腳踝"),
        bed=choose(r, "nine|九點", "half past nine|九點半", "ten|十點", "half past eight|八點半"))


SCHOOL = dict(
    key="school", title=("a day at school", "學校的一天"),
    fill=school_fill,
    intros=pairs(
        "On {day}, {N} had a long day at school.|{day}，{N}在學校度過了漫長的一天。",
        "{N} woke up early on {day} because there was a {subj2} test.|{N}{day}很早就起床，因為有{subj2}小考。",
        "{N} goes to a small school in {town}, and {day} was a busy day.|{N}在{town}的一所小學校上學，{day}是忙碌的一天。",
        "{N} was excited to go to school on {day}.|{N}{day}很期待去上學。"),
    stages=[
        pairs("@in the morning, {p} walked to school with {pos} friend {F}.|早上，{p}和朋友{F}一起走路上學。",
              "@in the morning, {p} took bus {busn} to school.|早上，{p}搭{busn}號公車去上學。"),
        pairs("@the first lesson was {subj}, and {p} answered a hard question.|第一堂課是{subj}，{p}回答了一個很難的問題。",
              "@the first lesson was {subj}, and {p} nearly fell asleep.|第一堂課是{subj}，{p}差點睡著。"),
        pairs("{teacher} gave the class a short {subj2} test.|{teacher}給全班一個簡短的{subj2}小考。",
              "{teacher} handed back the {subj2} homework.|{teacher}發回了{subj2}作業。"),
        pairs("@at noon, {p} ate {lunch} in the dining hall.|中午，{p}在餐廳吃了{lunch}。",
              "@at lunch time, {p} shared {lunch} with {F}.|午餐時間，{p}和{F}一起吃{lunch}。"),
        pairs("{p} played {game} with {pos} classmates in the yard.|{p}和同學在操場上玩{game}。",
              "{p} and {F} played {game} during the break.|下課時，{p}和{F}一起玩{game}。"),
        pairs("@in the afternoon, {teacher2} taught the class {subj3}.|下午，{teacher2}教全班{subj3}。",
              "@in the afternoon, {p} read a story aloud in {subj3}.|下午的{subj3}課，{p}大聲朗讀了一個故事。"),
        pairs("@after school, {p} did {pos} homework at {place}.|放學後，{p}在{place}寫功課。",
              "@after school, {p} stayed for {game} practice.|放學後，{p}留下來練習{game}。"),
    ],
    causes=[
        pairs("{N} forgot {pos} {item} at home.|{N}把{item}忘在家裡。",
              "{F} shared {fpos} with {obj}.|{F}把自己的借給{p}用。"),
        pairs("On {day}, the bell rang during {subj} because of a fire drill.|{day}上{subj}課時，因為消防演習，鐘聲響了。",
              "{teacher} led the pupils out to the playground.|{teacher}帶著學生們到操場集合。"),
        pairs("{N} studied {subj2} hard the night before.|{N}前一天晚上很用功地念{subj2}。",
              "the {subj2} test felt easy.|{subj2}小考感覺很簡單。") + [(1, 2)],
        pairs("{teacher} was ill that day.|{teacher}那天生病了。",
              "{teacher2} taught the {subj} lesson.|由{teacher2}來上{subj}課。") + [(0, 2)],
        pairs("{N} ran too fast during {game}.|{N}玩{game}時跑得太快。",
              "{p} fell and hurt {pos} {limb}.|{p}跌倒，{limb}受傷了。") + [(4, 6)],
    ],
    questions=[
        pairs("What did {N} get on the {subj2} test?|{N}的{subj2}小考考了幾分？",
              "{p} got {score} points.|{p}考了{score}分。", "end|end"),
        pairs("Why was {teacher} so happy?|{teacher}為什麼那麼高興？",
              "Because every pupil handed in the {subj2} homework.|因為每個學生都交了{subj2}作業。", "any|any"),
        pairs("What did {N} learn in {subj}?|{N}在{subj}課學到了什麼？",
              "{p} learned more than {p} expected.|{p}學到的比預期的還多。", "any|any"),
    ],
    outros=pairs(
        "@in the evening, {p} told {pos} parents about the {subj} lesson.|晚上，{p}把{subj}課的事告訴了爸媽。",
        "{p} went to bed at {bed} and slept well.|{p}{bed}就上床，睡得很好。",
        "{p} packed {pos} {subj3} book for the next day.|{p}把隔天要用的{subj3}課本放進書包。",
        "@on the way home, {p} bought a snack with {F}.|回家路上，{p}和{F}一起買了點心。"),
)

DOCTOR = dict(
    key="doctor", title=("a visit to the doctor", "看醫生"),
    fill=lambda r: dict(
        symptom=choose(r, "sore throat|喉嚨痛", "bad cough|咳得很厲害", "high fever|發高燒",
                       "headache|頭痛", "stomachache|肚子痛", "runny nose|流鼻水"),
        days=cnt(r.randint(2, 4)), days2=cnt(r.randint(2, 5)),
        doctor=(lambda s: (f"Doctor {s[0]}", f"{s[1]}醫生"))(pick(r, SURNAMES)),
        medicine=choose(r, "cough syrup|咳嗽糖漿", "pills|藥丸", "medicine|藥", "throat spray|喉嚨噴劑"),
        mins=num(r.choice([10, 15, 20, 30, 40])), wait=num(r.choice([45, 50, 60, 70, 90])),
        temp=choose(r, "38|三十八", "39|三十九", "37|三十七"), roomn=digits(r.randint(1, 9)),
        fee=num(r.choice([150, 200, 250, 300])), cups=cnt(r.randint(3, 8)), naph=cnt(r.randint(2, 4)),
        work=choose(r, "school|學校", "work|公司", "the shop|店裡", "the office|辦公室"),
        mag=choose(r, "cars|汽車", "cooking|烹飪", "travel|旅遊", "gardening|園藝", "football|足球"),
        event=choose(r, "the school trip|校外教學", "the big match|重要的比賽", "the family dinner|家庭聚餐",
                     "the wedding of a cousin|表姊的婚禮")),
    intros=pairs(
        "On {day} morning, {N} woke up with a {symptom}.|{day}早上，{N}醒來時{symptom}。",
        "{N} had felt ill for {days} days.|{N}已經不舒服{days}天了。",
        "{N} caught a cold at the start of {month}.|{N}在{month}初得了感冒。",
        "After a rainy weekend, {N} had a {symptom}.|一個下雨的週末過後，{N}開始{symptom}。"),
    stages=[
        pairs("{p} called the clinic of {doctor} and made an appointment.|{p}打電話到{doctor}的診所預約掛號。",
              "{p} took the day off from {work}.|{p}向{work}請了一天假。"),
        pairs("{p} waited in the waiting room for {mins} minutes.|{p}在候診室等了{mins}分鐘。",
              "{p} read a magazine about {mag} while waiting.|{p}一邊等一邊看一本{mag}雜誌。"),
        pairs("a nurse measured {pos} temperature, which was {temp} degrees.|一位護士幫{p}量體溫，有{temp}度。",
              "a nurse asked {obj} to go into room {roomn}.|一位護士請{p}進{roomn}號診間。"),
        pairs("{doctor} listened to {pos} chest and looked at {pos} throat.|{doctor}聽了{p}的胸口，也看了{p}的喉嚨。",
              "{doctor} asked {obj} how long {p} had felt ill.|{doctor}問{p}不舒服多久了。"),
        pairs("{doctor} wrote a prescription for some {medicine}.|{doctor}開了一些{medicine}。",
              "{doctor} told {obj} to rest for {days2} days.|{doctor}叫{p}休息{days2}天。"),
        pairs("{p} picked up the {medicine} at the pharmacy.|{p}在藥局領了{medicine}。",
              "{p} paid {fee} dollars at the counter.|{p}在櫃檯付了{fee}元。"),
        pairs("{p} stayed in bed and drank {cups} cups of warm water.|{p}躺在床上休息，喝了{cups}杯溫開水。",
              "{p} took the {medicine} after dinner.|{p}晚飯後吃了{medicine}。"),
    ],
    causes=[
        pairs("On {day} morning, the clinic was very crowded.|{day}早上，診所裡人很多。",
              "{p} had to wait for {wait} minutes.|{p}等了{wait}分鐘。") + [(0, 1)],
        pairs("{N} felt dizzy when {p} stood up.|{N}站起來的時候覺得頭暈。",
              "the nurse brought {obj} a chair.|護士拿了一張椅子給{p}。") + [(2, 4)],
        pairs("The {medicine} made {N} sleepy.|{medicine}讓{N}很想睡。",
              "{p} slept for {naph} hours in the afternoon.|{p}下午睡了{naph}個小時。") + [(4, 6)],
        pairs("{N} had a temperature of {temp} degrees.|{N}的體溫有{temp}度。",
              "{doctor} gave {obj} something for the fever.|{doctor}給了{p}退燒的藥。"),
        pairs("{N} had not slept well for {days} nights.|{N}已經{days}個晚上沒睡好了。",
              "{doctor} told {obj} to go to bed early.|{doctor}叫{p}早點睡覺。"),
    ],
    questions=[
        pairs("What did {doctor} say?|{doctor}怎麼說？", "{doctor} said it was only a cold.|{doctor}說只是感冒。", "end|end"),
        pairs("How often should {N} take the {medicine}?|{N}的{medicine}要多久吃一次？",
              "{doctor} said three times a day, after meals.|{doctor}說一天三次，飯後吃。", "end|end"),
        pairs("Did {N} need an injection?|{N}需要打針嗎？",
              "No, {doctor} said rest and {medicine} were enough.|不用，{doctor}說休息加上吃{medicine}就夠了。", "end|end"),
    ],
    outros=pairs(
        "@after {days2} days of rest, the {symptom} was gone.|休息了{days2}天之後，{p}已經不再{symptom}了。",
        "{p} was well again in time for {event}.|{p}及時康復，趕上了{event}。",
        "{p} went back to {work} feeling healthy again.|{p}恢復健康，回到{work}。",
        "{p} thanked {doctor} with a card.|{p}寫了一張卡片感謝{doctor}。"),
)

PLANTS = pairs("tomatoes|番茄", "sunflowers|向日葵", "beans|豆子", "roses|玫瑰", "strawberries|草莓", "peppers|辣椒",
               "carrots|紅蘿蔔", "cucumbers|小黃瓜", "tulips|鬱金香")
SINGULAR = {"tomatoes": "tomato", "strawberries": "strawberry"}  # the rest drop their s: "rose seeds"


def garden_plants(r):
    (en, zh), plant2 = pick(r, PLANTS, 2)
    return dict(plant=(en, zh), plant1=(SINGULAR.get(en, en[:-1]), zh), plant2=plant2)

GARDEN = dict(
    key="garden", title=("planting a garden", "種花園"),
    fill=lambda r: dict(
        **garden_plants(r),
        place=choose(r, "behind the house|屋子後面", "on the balcony|陽台上", "in the yard|院子裡",
                     "on the roof|屋頂上", "next to the fence|籬笆旁邊"),
        rows=cnt(r.randint(3, 8)), days=cnt(r.randint(5, 12)), weeks=cnt(r.randint(6, 12)),
        dry=cnt(r.randint(10, 20)), away=cnt(r.randint(3, 9)), gap=num(r.choice([5, 10, 15, 20, 30])),
        weak=cnt(r.randint(2, 6)), baskets=cnt(r.randint(2, 9)), young=num(r.randint(5, 12)),
        wtime=choose(r, "six|六點", "seven|七點", "half past six|六點半", "half past seven|七點半"),
        can=choose(r, "green|綠色", "red|紅色", "old|舊", "small|小"),
        tool=choose(r, "a small shovel|一把小鏟子", "an old spade|一把舊鐵鍬", "a garden fork|一支園藝叉")),
    intros=pairs(
        "In {month}, {N} decided to plant {plant} {place}.|{month}，{N}決定在{place}種{plant}。",
        "{N} wanted to grow {pos} own {plant}.|{N}想自己種{plant}。",
        "{N} cleared a sunny corner {place} for a garden.|{N}在{place}整理出一個有陽光的角落當花園。",
        "Last {season}, {N} started a small garden {place}.|去年{season}，{N}在{place}開闢了一個小花園。"),
    stages=[
        pairs("{p} bought a packet of {plant1} seeds and a bag of soil.|{p}買了一包{plant}種子和一袋土。",
              "{p} asked an old farmer which {plant} grow best.|{p}問一位老農夫哪種{plant}最好種。"),
        pairs("{p} dug the ground with {tool} and pulled out the weeds.|{p}用{tool}翻土，拔掉了雜草。",
              "{p} mixed some compost into the soil {place}.|{p}在{place}的土裡拌了一些堆肥。"),
        pairs("{p} made {rows} straight rows in the soil.|{p}在土裡挖了{rows}條整齊的溝。",
              "{p} filled {rows} large pots with soil.|{p}把{rows}個大花盆裝滿了土。"),
        pairs("{p} put the {plant1} seeds into the ground and covered them.|{p}把{plant}種子放進土裡，再蓋上土。",
              "{p} planted the seeds {gap} centimeters apart.|{p}每隔{gap}公分種一顆種子。"),
        pairs("{p} watered the seeds every morning at {wtime}.|{p}每天早上{wtime}幫種子澆水。",
              "{p} watered the soil with a {can} watering can.|{p}用{can}澆水壺幫土澆水。"),
        pairs("@after {days} days, small green leaves appeared.|{days}天後，長出了小小的綠葉。",
              "@after {days} days, the first {plant1} shoots came up.|{days}天後，第一批{plant}的嫩芽冒了出來。"),
        pairs("{p} tied the young {plant} to thin sticks.|{p}把{plant}的小苗綁在細竹竿上。",
              "{p} pulled out the {weak} weakest plants.|{p}拔掉了最弱的{weak}株苗。"),
        pairs("@after {weeks} weeks, the {plant} were ready.|{weeks}個星期後，{plant}終於長好了。",
              "@after {weeks} weeks, the garden was full of {plant}.|{weeks}個星期後，花園裡長滿了{plant}。"),
    ],
    causes=[
        pairs("Snails came one rainy night and ate the leaves of the {plant}.|某個下雨的晚上，蝸牛跑來吃掉了{plant}的葉子。",
              "{p} put a ring of sand around the {plant}.|{p}在{plant}周圍鋪了一圈沙子。") + [(5, 7)],
        pairs("It did not rain in {town} for {dry} days.|{town}有{dry}天都沒有下雨。",
              "{p} had to water the {plant} twice a day.|{p}每天得幫{plant}澆兩次水。") + [(3, 7)],
        pairs("A strong wind blew on {day} night.|{day}晚上刮起了強風。",
              "some of the young {plant} fell over.|有些{plant}的小苗倒了。") + [(5, 7)],
        pairs("Birds kept eating the {plant1} seeds.|鳥一直來吃{plant}的種子。",
              "{p} covered the rows with a net.|{p}用網子蓋住了菜畦。") + [(3, 4)],
        pairs("{N} went away for {away} days in {month}.|{N}{month}出門了{away}天。",
              "{pos} neighbor {F} watered the garden.|鄰居{F}幫忙澆花園。") + [(3, 6)],
    ],
    questions=[
        pairs("Why did the leaves of the {plant} turn yellow?|{plant}的葉子為什麼變黃了？",
              "{N} had given them too much water.|因為{N}澆太多水了。", "any|any") + [(5, 7)],
        pairs("Who taught {N} to garden?|是誰教{N}園藝的？",
              "{pos} grandmother taught {obj} when {p} was {young}.|{p}的祖母在{p}{young}歲時教過{p}。", "any|any"),
        pairs("How many {plant} did {N} get?|{N}收成了多少{plant}？",
              "{p} filled {baskets} baskets.|{p}裝滿了{baskets}個籃子。", "end|end"),
    ],
    outros=pairs(
        "{p} shared the {plant} with {F} and the other neighbors.|{p}把{plant}分給了{F}和其他鄰居。",
        "{p} was proud of {pos} little garden {place}.|{p}為自己在{place}的小花園感到驕傲。",
        "@{p} plans to plant {plant2} next year too.|{p}打算明年也種{plant2}。",
        "{p} took photos of the {plant} for {pos} grandmother.|{p}拍了{plant}的照片給祖母看。"),
)

COLORS = pairs("black|黑色", "silver|銀色", "blue|藍色", "white|白色", "green|綠色", "gold|金色", "red|紅色")

PHONE = dict(
    key="phone", title=("buying a phone", "買手機"),
    fill=lambda r: dict(
        problem=choose(r, "had a cracked screen|螢幕裂了", "was very slow|變得很慢", "lost power quickly|很快就沒電",
                       "fell into a river|掉進了河裡", "would not turn on|開不了機"),
        **dict(zip(("color", "ccolor"), pick(r, COLORS, 2))),
        models=cnt(r.randint(3, 6)), price=num(r.choice([6900, 8500, 9900, 12000, 15000, 18000, 21000])),
        price2=num(r.choice([25000, 28000, 32000, 36000])), save=num(r.choice([500, 800, 1000, 1500, 2000])),
        wait=cnt(r.randint(2, 7)), grams=num(r.choice([150, 160, 170, 180, 190])),
        photos=num(r.choice([800, 1500, 2400, 3600, 5000])),
        hourc=choose(r, "midnight|半夜十二點", "eleven at night|晚上十一點", "ten at night|晚上十點"),
        rel=choose(r, "little brother|弟弟", "grandmother|奶奶", "cousin|表弟", "mother|媽媽", "little sister|妹妹"),
        store=choose(r, "a big electronics store|一家大型電器行", "a small phone shop|一家小手機店",
                     "the mall near {pos} office|公司附近的購物中心", "a shop on the main street|大街上的一家店")),
    intros=pairs(
        "{N} needed a new phone because {pos} old one {problem}.|{N}需要一支新手機，因為舊手機{problem}。",
        "On {day}, {N} went out to buy a new phone.|{day}，{N}出門去買新手機。",
        "{N} had used the same phone since {month} five years ago.|{N}同一支手機從五年前的{month}用到現在。",
        "{N} saved money for months to buy a good phone.|{N}存了好幾個月的錢，想買一支好手機。"),
    stages=[
        pairs("{p} read reviews of {models} phones online.|{p}在網路上看了{models}支手機的評論。",
              "{p} asked {pos} friend {F} for advice.|{p}向朋友{F}請教意見。"),
        pairs("{p} went to {store} in the city center.|{p}去了市中心的{store}。",
              "{p} took the bus to {store} on {day}.|{p}{day}搭公車去{store}。"),
        pairs("a salesman showed {obj} {models} different models.|一位店員給{p}看了{models}種不同的款式。",
              "{p} compared {models} phones side by side.|{p}把{models}支手機放在一起比較。"),
        pairs("{p} took a test photo with each of the {models} phones.|{p}用那{models}支手機各拍了一張試拍照。",
              "{p} found that the lightest phone weighed only {grams} grams.|{p}發現最輕的手機只有{grams}公克。"),
        pairs("{p} chose a {color} phone with a large screen.|{p}選了一支{color}、螢幕很大的手機。",
              "{p} picked a small {color} phone that fit in {pos} pocket.|{p}挑了一支可以放進口袋的{color}小手機。"),
        pairs("{p} paid {price} dollars with a card.|{p}用信用卡付了{price}元。",
              "{p} paid {price} dollars in cash.|{p}付了{price}元現金。"),
        pairs("@at home, {p} moved {photos} photos to the new phone.|回到家，{p}把{photos}張照片轉到新手機上。",
              "@that night, {p} set up the new {color} phone.|那天晚上，{p}把新的{color}手機設定好了。"),
    ],
    causes=[
        pairs("That week, the phone was on sale at {store}.|那個星期，{store}的手機正在特價。",
              "{p} saved {save} dollars.|{p}省了{save}元。") + [(1, 4)],
        pairs("The first phone {N} liked cost {price2} dollars.|{N}第一眼喜歡的手機要{price2}元。",
              "{p} looked at a cheaper model.|{p}改看一款比較便宜的。") + [(1, 4)],
        pairs("The battery of the new {color} phone was almost empty.|新的{color}手機幾乎沒電了。",
              "{p} charged it until {hourc}.|{p}一直幫它充電到{hourc}。") + [(4, 6)],
        pairs("The {color} model was sold out.|{color}的款式賣完了。",
              "{p} had to wait {wait} days for a new one.|{p}必須等{wait}天才拿到新貨。") + [(3, 4)],
        pairs("{N} dropped the phone on the first day.|{N}第一天就把手機摔到地上。",
              "{p} bought a strong {ccolor} case for it.|{p}幫它買了一個堅固的{ccolor}保護殼。") + [(5, 6)],
    ],
    questions=[
        pairs("Did the {color} phone come with a case?|那支{color}手機有附保護殼嗎？",
              "Yes, the shop gave {obj} a free {ccolor} case.|有，店家送了{p}一個免費的{ccolor}保護殼。", "end|end"),
        pairs("How much did {N} pay for the new phone?|{N}的新手機花了多少錢？",
              "It cost {price} dollars.|要{price}元。", "end|end"),
        pairs("Why did {N} need a new phone?|{N}為什麼需要新手機？",
              "{pos} old one {problem}.|因為舊手機{problem}。", "any|any"),
    ],
    outros=pairs(
        "{p} was very happy with {pos} new {color} phone.|{p}對新的{color}手機非常滿意。",
        "{p} gave the old phone to {pos} {rel}.|{p}把舊手機送給了{rel}。",
        "{p} sent {F} a photo taken with the new phone.|{p}用新手機拍了一張照片傳給{F}。"),
)

BIRTHDAY = dict(
    key="birthday", title=("a birthday party", "生日派對"),
    fill=lambda r: dict(
        **birthday_age(r), guests=cnt(r.randint(6, 15)), presents=cnt(r.randint(5, 14)),
        big=cnt(r.choice([20, 30, 40])), late=num(r.choice([10, 15, 20, 30, 40])),
        bt=choose(r, "seven|七點", "eight|八點", "half past seven|七點半"),
        cake=choose(r, "chocolate cake|巧克力蛋糕", "strawberry cake|草莓蛋糕", "cheesecake|起司蛋糕",
                    "fruit cake|水果蛋糕", "mango cake|芒果蛋糕"),
        game=choose(r, "hide and seek|捉迷藏", "musical chairs|大風吹", "tag|鬼抓人", "a treasure hunt|尋寶遊戲",
                    "balloon races|氣球接力"),
        gift=choose(r, "kite|風箏", "board game|桌遊", "bicycle|腳踏車", "storybook|故事書", "toy train|玩具火車",
                    "watch|手錶", "box of paints|盒顏料"),
        bcolor=choose(r, "red|紅色", "yellow|黃色", "pink|粉紅色", "green|綠色", "blue|藍色"),
        time=pick(r, HOURS_PM[:3]),
        room=choose(r, "the living room|客廳", "the garden|花園", "a small restaurant|一家小餐廳")),
    intros=pairs(
        "{N} turned {age} on {day}.|{N}在{day}滿{age}歲。",
        "On {day} afternoon, {N} had a birthday party.|{day}下午，{N}舉辦了一場生日派對。",
        "{N} had waited all year for {pos} birthday in {month}.|{N}等了一整年，終於等到{month}的生日。",
        "The family of {N} planned a party for {pos} {ageth} birthday.|{N}的家人為{N}的{age}歲生日計畫了一場派對。"),
    stages=[
        pairs("{p} invited {guests} friends from {pos} class.|{p}邀請了班上{guests}個朋友。",
              "{p} wrote {guests} invitation cards by hand.|{p}親手寫了{guests}張邀請卡。"),
        pairs("{pos} parents hung {bcolor} balloons in {room}.|{p}的爸媽在{room}掛上{bcolor}氣球。",
              "{p} helped to put flowers on every table in {room}.|{p}幫忙在{room}的每張桌子上擺花。"),
        pairs("the guests arrived at {time}.|客人們{time}到了。",
              "{pos} best friend {F} arrived first.|{p}最好的朋友{F}第一個到。"),
        pairs("the children played {game} in {room}.|孩子們在{room}玩{game}。",
              "{p} and {pos} friends played {game} for an hour.|{p}和朋友們玩了一個小時的{game}。"),
        pairs("{pos} mother brought out a {cake} with {age} candles.|{p}的媽媽端出一個插著{age}根蠟燭的{cake}。",
              "{pos} father carried in a big {cake}.|{p}的爸爸捧進來一個大大的{cake}。"),
        pairs("everyone sang Happy Birthday, and {p} blew out the {age} candles.|大家一起唱生日快樂歌，{p}吹熄了{age}根蠟燭。",
              "{p} made a wish and cut the {cake}.|{p}許了一個願望，然後切了{cake}。"),
        pairs("{p} opened {presents} presents one by one.|{p}一個一個打開了{presents}份禮物。",
              "{p} found a {gift} in the biggest box.|{p}在最大的盒子裡找到一個{gift}。"),
    ],
    causes=[
        pairs("A {bcolor} balloon popped with a loud bang.|一個{bcolor}氣球砰的一聲破了。",
              "{pos} little dog ran under the sofa.|{p}的小狗躲到了沙發底下。") + [(1, 6)],
        pairs("The {cake} was big enough for {big} people.|{cake}大到可以給{big}個人吃。",
              "each of the {guests} guests took a piece home.|{guests}位客人每人都帶了一塊回家。") + [(4, 6)],
        pairs("Traffic was heavy on the road from {town}.|從{town}來的路上塞車很嚴重。",
              "{F} arrived {late} minutes late.|{F}遲到了{late}分鐘。") + [(0, 2)],
        pairs("It started to rain on {day} afternoon.|{day}下午開始下雨。",
              "the children played {game} inside.|孩子們改在室內玩{game}。"),
        pairs("{N} ate too much {cake}.|{N}吃了太多{cake}。",
              "{p} had a stomachache and went to bed at {bt}.|{p}肚子痛，{bt}就上床睡覺了。") + [(4, 6)],
    ],
    questions=[
        pairs("What was the best present {N} got?|{N}收到最棒的禮物是什麼？",
              "{p} loved the {gift} from {pos} grandfather most.|{p}最喜歡爺爺送的{gift}。", "end|end"),
        pairs("Who made the {cake}?|{cake}是誰做的？",
              "{pos} aunt baked it the night before.|是{p}的阿姨前一天晚上烤的。", "any|any"),
        pairs("How many children came to the party for {N}?|{N}的派對來了幾個小朋友？",
              "{guests} children came.|來了{guests}個小朋友。", "any|any"),
    ],
    outros=pairs(
        "{p} said {pos} {ageth} birthday was the best one ever.|{p}說{age}歲生日是最棒的一次。",
        "@what a wonderful party it was for {N}!|對{N}來說，那真是一場美好的派對！",
        "@after the {guests} guests left, {p} helped to clean up {room}.|{guests}位客人離開後，{p}幫忙收拾{room}。",
        "{p} fell asleep holding the new {gift}.|{p}抱著新的{gift}睡著了。"),
)

MOVING = dict(
    key="moving", title=("moving house", "搬家"),
    fill=lambda r: dict(
        boxes=cnt(r.randint(12, 40)), floors=cnt(r.randint(3, 9)), hours=cnt(r.randint(2, 6)),
        room=choose(r, "the kitchen|廚房", "the bedroom|臥室", "the living room|客廳", "the study|書房"),
        things=choose(r, "plates|盤子", "glasses|玻璃杯", "bowls|碗", "cups|杯子"),
        furn=choose(r, "sofa|沙發", "desk|書桌", "bookcase|書櫃", "bed|床", "wardrobe|衣櫃"),
        giveaway=choose(r, "an old lamp|一盞舊檯燈", "two chairs|兩張椅子", "a small table|一張小桌子",
                        "a box of toys|一箱玩具"),
        vcolor=choose(r, "white|白色", "blue|藍色", "gray|灰色"), movers=num(r.choice([3000, 4500, 6000, 8000])),
        treat=choose(r, "cookies|餅乾", "pineapple cakes|鳳梨酥", "fruit|水果", "tea|茶葉"),
        landlord=titled(r, {"Mr": "先生", "Ms": "小姐"}), nb=person(r)[0], lw=cnt(r.randint(2, 4)),
        job=choose(r, "{pos} office|公司", "{pos} parents|爸媽家", "the hospital where {p} works|{p}工作的醫院",
                   "the school where {p} teaches|{p}教書的學校")),
    intros=pairs(
        "In {month}, {N} moved to a new apartment in {town}.|{month}，{N}搬到{town}的一間新公寓。",
        "{N} found a bigger flat in {town}, closer to {pos} work.|{N}在{town}找到一間離公司比較近、比較大的公寓。",
        "After six years in the same place, {N} decided to move to {town}.|在同一個地方住了六年後，{N}決定搬到{town}。",
        "On {day}, {N} moved into a house on a quiet street in {town}.|{day}，{N}搬進{town}一條安靜街道上的房子。"),
    stages=[
        pairs("{p} packed {pos} books and clothes into {boxes} boxes.|{p}把書和衣服裝進{boxes}個箱子裡。",
              "{p} wrapped the {things} in old newspapers.|{p}用舊報紙把{things}包好。"),
        pairs("{p} wrote a room name on each of the {boxes} boxes.|{p}在{boxes}個箱子上都寫上房間的名稱。",
              "{p} gave {giveaway} to a neighbor.|{p}把{giveaway}送給了鄰居。"),
        pairs("{p} rented a {vcolor} van for {day}.|{p}租了一輛{vcolor}小貨車，{day}要用。",
              "{p} paid {movers} dollars for two movers and a truck.|{p}花了{movers}元請兩位搬家工人和一輛卡車。"),
        pairs("{pos} friend {F} came to help carry the heavy furniture.|{p}的朋友{F}來幫忙搬重的家具。",
              "{p} and {pos} brother carried the {furn} down the stairs.|{p}和哥哥把{furn}搬下樓梯。"),
        pairs("{p} drove the van to the new building in {town}.|{p}開著貨車到了{town}的新大樓。",
              "the drive to {town} took {hours} hours.|開車到{town}花了{hours}個小時。"),
        pairs("{p} unpacked the boxes in {room}.|{p}打開了{room}的箱子。",
              "{p} put the {furn} in {room}.|{p}把{furn}擺進{room}。"),
        pairs("{p} met the neighbors and gave them some {treat}.|{p}認識了鄰居，還送他們一些{treat}。",
              "{p} said hello to {nb}, who lived next door.|{p}跟住在隔壁的{nb}打了聲招呼。"),
    ],
    causes=[
        pairs("The elevator in the new building in {town} was broken.|{town}新大樓的電梯壞了。",
              "{p} had to carry everything up {floors} floors.|{p}只好把所有東西搬上{floors}樓。") + [(4, 6)],
        pairs("A box of {things} fell off the van.|一箱{things}從貨車上掉了下來。",
              "{p} had to buy new {things}.|{p}只好買新的{things}。") + [(2, 4)],
        pairs("There was no hot water on the first night in {town}.|在{town}的第一個晚上沒有熱水。",
              "{p} called the landlord, {landlord}.|{p}打電話給房東{landlord}。") + [(4, 6)],
        pairs("The {furn} was too wide for the door.|{furn}比門還寬。",
              "{p} and {F} turned it on its side to get it inside.|{p}和{F}把它側過來才搬進去。") + [(3, 5)],
        pairs("{N} lost the key to the new flat on {day}.|{N}{day}弄丟了新公寓的鑰匙。",
              "{p} waited {lw} hours for a locksmith.|{p}等鎖匠等了{lw}個小時。") + [(4, 6)],
    ],
    questions=[
        pairs("Why did {N} move to {town}?|{N}為什麼要搬到{town}？",
              "{p} wanted to live closer to {job}.|因為{p}想住得離{job}近一點。", "any|any"),
        pairs("What did {N} like best about the new place?|{N}最喜歡新家的什麼？",
              "{p} liked the big window in {room}.|{p}最喜歡{room}的大窗戶。", "end|end"),
        pairs("How many boxes did {N} pack?|{N}一共打包了幾個箱子？",
              "There were {boxes} boxes in all.|一共有{boxes}個箱子。", "any|any"),
    ],
    outros=pairs(
        "{p} felt at home in {town} within a week.|不到一個星期，{p}就在{town}住得很自在。",
        "{p} invited {F} for dinner in the new place.|{p}邀請{F}到新家吃晚餐。",
        "{p} slept deeply on the first night in {town}.|在{town}的第一個晚上，{p}睡得很沉。",
        "{p} hung {pos} favorite painting in {room}.|{p}把最喜歡的畫掛在{room}。"),
)

INTERVIEW = dict(
    key="interview", title=("a job interview", "工作面試"),
    fill=lambda r: dict(
        company=choose(r, "a bank|一家銀行", "a hotel|一家飯店", "a bookshop|一家書店", "a hospital|一家醫院",
                       "a software company|一家軟體公司", "a bakery|一家麵包店", "a travel agency|一家旅行社"),
        boss=titled(r, {"Mr": "經理", "Ms": "經理"}), mins=num(r.choice([10, 15, 20, 30])),
        days=cnt(r.randint(2, 10)), days2=cnt(r.randint(3, 7)), late=num(r.choice([15, 20, 25, 30, 40])),
        qcount=cnt(r.randint(5, 12)), breaths=cnt(r.randint(3, 6)), months=cnt(r.randint(2, 8)),
        len=num(r.choice([30, 40, 45, 50, 60])),
        topic=choose(r, "teamwork|團隊合作", "{pos} first job|自己的第一份工作", "a difficult customer|一位難搞的客人",
                     "learning from mistakes|從錯誤中學習"),
        shirt=choose(r, "white shirt|白襯衫", "blue shirt|藍襯衫", "dark jacket|深色外套", "gray suit|灰色西裝")),
    intros=pairs(
        "{N} had a job interview at {company} on {day}.|{N}{day}要去{company}面試。",
        "{N} applied for a job at {company} last month.|{N}上個月應徵了{company}的工作。",
        "{N} got a call from {company} and was invited to an interview.|{N}接到{company}的電話，被邀請去面試。"),
    stages=[
        pairs("{p} read about {company} the night before.|{p}前一天晚上先查了{company}的資料。",
              "{p} practiced {qcount} answers in front of a mirror.|{p}對著鏡子練習了{qcount}個問題的回答。"),
        pairs("{p} ironed {pos} best {shirt}.|{p}燙好了自己最好的{shirt}。",
              "{p} put on a clean {shirt} and polished {pos} shoes.|{p}穿上乾淨的{shirt}，把鞋子擦亮。"),
        pairs("{p} arrived at the office {mins} minutes early.|{p}提早{mins}分鐘到了辦公室。",
              "{p} waited in the lobby for {mins} minutes.|{p}在大廳等了{mins}分鐘。"),
        pairs("the manager, {boss}, met {obj} at the door.|{boss}在門口迎接{p}。",
              "{boss} led {obj} into a bright meeting room.|{boss}帶{p}走進一間明亮的會議室。"),
        pairs("{boss} asked {obj} about {pos} last job.|{boss}問了{p}上一份工作的事。",
              "{boss} asked why {p} wanted to work at {company}.|{boss}問{p}為什麼想在{company}工作。"),
        pairs("{p} answered every question from {boss} calmly.|{p}冷靜地回答了{boss}的每個問題。",
              "{p} told a story about a project {p} had finished in {months} months.|{p}講了自己在{months}個月內完成一個專案的故事。"),
        pairs("{p} shook hands with {boss} and said goodbye.|{p}和{boss}握手道別。",
              "{p} thanked {boss} and left the building.|{p}向{boss}道謝，然後離開了大樓。"),
    ],
    causes=[
        pairs("On {day} morning, the train was {late} minutes late.|{day}早上，火車誤點了{late}分鐘。",
              "{p} took a taxi to {company}.|{p}改搭計程車去{company}。") + [(0, 2)],
        pairs("{N} felt very nervous before meeting {boss}.|{N}要見{boss}之前非常緊張。",
              "{p} took {breaths} slow, deep breaths.|{p}慢慢地深呼吸了{breaths}次。") + [(0, 3)],
        pairs("{N} spilled coffee on {pos} {shirt}.|{N}把咖啡灑在{shirt}上了。",
              "{p} bought a new {shirt} on the way to {company}.|{p}在去{company}的路上買了一件新的{shirt}。") + [(0, 2)],
        pairs("{boss} asked {N} a question {p} did not expect.|{boss}問了{N}一個意想不到的問題。",
              "{p} thought for a moment and talked about {topic}.|{p}想了一下，然後談到了{topic}。") + [(3, 5)],
    ],
    questions=[
        pairs("What was the hardest question from {boss}?|{boss}問的最難的問題是什麼？",
              "{boss} asked about {pos} biggest mistake.|{boss}問{p}犯過最大的錯誤。", "any|any"),
        pairs("When would {N} hear from {company}?|{N}什麼時候會收到{company}的消息？",
              "{boss} promised to call within {days2} days.|{boss}說會在{days2}天內打電話通知。", "end|end"),
        pairs("How long did the interview with {boss} last?|和{boss}的面試進行了多久？",
              "It lasted about {len} minutes.|大約{len}分鐘。", "end|end"),
    ],
    outros=pairs(
        "@{days} days later, {p} got the job.|{days}天後，{p}得到了那份工作。",
        "{p} started {pos} new job at {company} the next month.|{p}下個月就開始在{company}上班了。",
        "{p} celebrated with {F} at {pos} favorite restaurant.|{p}和{F}在最喜歡的餐廳慶祝。",
        "{p} felt that the talk with {boss} had gone well.|{p}覺得和{boss}的面談很順利。"),
)

BICYCLE = dict(
    key="bicycle", title=("fixing a bicycle", "修腳踏車"),
    fill=lambda r: dict(
        wheel=choose(r, "back|後", "front|前"), mins=num(r.choice([20, 30, 40, 50, 60])),
        where=choose(r, "in the garage|車庫裡", "on the balcony|陽台上", "in front of the house|房子前面",
                     "in the yard|院子裡"),
        bcolor=choose(r, "red|紅色", "blue|藍色", "black|黑色", "green|綠色", "yellow|黃色", "silver|銀色"),
        tool=choose(r, "spanner|扳手", "tire lever|撬胎棒", "pump|打氣筒"),
        tiny=choose(r, "grain of rice|米粒", "pin head|針頭", "sesame seed|芝麻"),
        pcolor=choose(r, "black|黑色", "red|紅色", "round|圓形"),
        landmark=choose(r, "the park|公園", "the market|市場", "the river|河邊", "the school|學校", "the station|車站"),
        tools=cnt(r.randint(3, 7)), cm=num(r.choice([5, 10, 15, 20])), dry=num(r.choice([5, 10, 15])),
        patch=num(r.randint(2, 4)), nail=num(r.randint(2, 5)), laps=cnt(r.randint(2, 4)), young=num(r.randint(7, 12))),
    intros=pairs(
        "On {day}, {N} found that {pos} {bcolor} bicycle had a flat tire.|{day}，{N}發現自己的{bcolor}腳踏車爆胎了。",
        "{N} rode {pos} old bicycle to work every day until the tire went flat.|{N}每天騎舊腳踏車上班，直到輪胎沒氣了。",
        "{N} decided to fix {pos} bicycle {where} on {day}.|{N}{day}決定在{where}修理腳踏車。"),
    stages=[
        pairs("{p} turned the bicycle upside down {where}.|{p}在{where}把腳踏車倒過來放。",
              "{p} laid out {tools} tools on an old towel.|{p}把{tools}樣工具擺在一條舊毛巾上。"),
        pairs("{p} took off the {wheel} wheel with a spanner.|{p}用扳手拆下{wheel}輪。",
              "{p} let the rest of the air out of the {wheel} tire.|{p}把{wheel}輪剩下的氣放掉。"),
        pairs("{p} put the {wheel} tube in a bowl of water.|{p}把{wheel}輪內胎放進一盆水裡。",
              "{p} found the hole about {cm} centimeters from the valve.|{p}在離氣嘴大約{cm}公分的地方找到破洞。"),
        pairs("{p} glued a {pcolor} patch over the hole.|{p}在破洞上黏了一塊{pcolor}補丁。",
              "{p} cut a patch {patch} centimeters wide and glued it on.|{p}剪了一塊{patch}公分寬的補丁黏上去。"),
        pairs("{p} pumped the {wheel} tire until it was hard.|{p}幫{wheel}輪打氣，直到輪胎變硬。",
              "{p} put the {wheel} wheel back on and tightened it.|{p}把{wheel}輪裝回去，鎖緊。"),
        pairs("{p} oiled the chain of the {bcolor} bicycle.|{p}幫{bcolor}腳踏車的鏈條上油。",
              "{p} wiped the mud off the {bcolor} frame.|{p}擦掉{bcolor}車架上的泥巴。"),
        pairs("{p} rode around the block {laps} times to test it.|{p}繞著街區騎了{laps}圈試車。",
              "{p} tested the brakes on the road to {landmark}.|{p}在往{landmark}的路上測試剎車。"),
    ],
    causes=[
        pairs("A nail {nail} centimeters long was stuck in the {wheel} tire.|{wheel}輪胎上卡著一根{nail}公分長的釘子。",
              "{p} pulled it out carefully.|{p}小心地把它拔了出來。") + [(0, 2)],
        pairs("{N} did not have a {tool} of the right size.|{N}沒有合適尺寸的{tool}。",
              "{p} borrowed one from {pos} neighbor {F}.|{p}向鄰居{F}借了一個。") + [(0, 4)],
        pairs("The chain was rusty after the rainy {season}.|經過多雨的{season}，鏈條生鏽了。",
              "it squeaked all the way to {landmark}.|騎往{landmark}的路上一直吱吱作響。"),
        pairs("The glue needed {dry} minutes to dry.|膠水需要{dry}分鐘才會乾。",
              "{p} drank a cup of tea while waiting.|{p}一邊等一邊喝了一杯茶。") + [(3, 3)],
        pairs("{N} pumped the {wheel} tire too hard.|{N}把{wheel}輪打得太飽了。",
              "{p} let a little air out of the {wheel} tire.|{p}又把{wheel}輪放掉了一點氣。") + [(4, 4)],
    ],
    questions=[
        pairs("How long did the repair take {N}?|{N}修車花了多久？", "It took about {mins} minutes.|大約花了{mins}分鐘。", "end|end"),
        pairs("Who taught {N} to fix bicycles?|是誰教{N}修腳踏車的？",
              "{pos} father showed {obj} when {p} was {young}.|是{p}的爸爸在{p}{young}歲時教的。", "any|any"),
        pairs("Was the {wheel} tire badly damaged?|{wheel}輪胎壞得很嚴重嗎？",
              "No, there was only one hole as small as a {tiny}.|不嚴重，只有一個像{tiny}一樣小的洞。", "any|any"),
    ],
    outros=pairs(
        "{pos} {bcolor} bicycle worked like new again.|{p}的{bcolor}腳踏車又像新的一樣好騎了。",
        "{p} rode to {landmark} the next morning without any problem.|隔天早上，{p}順利地騎車到{landmark}。",
        "{p} put the {tools} tools away and washed {pos} hands.|{p}把{tools}樣工具收好，洗了手。"),
)

BEACH = dict(
    key="beach", title=("a day at the beach", "海邊的一天"),
    fill=lambda r: dict(
        month=pick(r, MONTHS[5:9]),
        beach=choose(r, "Kenting|墾丁", "Fulong|福隆", "Baishawan|白沙灣", "Qixingtan|七星潭", "Waiao|外澳",
                     "Cijin|旗津", "Green Island|綠島"),
        shells=cnt(r.randint(5, 30)), swim=num(r.choice([20, 30, 40, 50, 60])), tall=num(r.choice([30, 40, 50, 60, 80])),
        boats=cnt(r.randint(3, 12)), coins=cnt(r.randint(2, 4)), wtemp=num(r.randint(25, 29)),
        days=cnt(r.randint(2, 5)), snackp=num(r.choice([35, 40, 45, 50, 60])),
        crowd=num(r.choice([100, 200, 300, 500, 1000])),
        sandal=choose(r, "blue|藍色", "old|舊", "pink|粉紅色", "black|黑色"),
        hour=pick(r, HOURS_PM[:4]),
        hat=choose(r, "big straw|大草", "white|白色", "red|紅色", "blue|藍色"),
        umbrella=choose(r, "striped|條紋", "yellow|黃色", "big blue|藍色大"),
        snack=choose(r, "a sandwich|一個三明治", "a rice ball|一個飯糰", "a sausage bun|一個香腸麵包"),
        drink=choose(r, "lemon tea|檸檬紅茶", "coconut water|椰子水", "milk tea|奶茶", "watermelon juice|西瓜汁"),
        kite=choose(r, "red|紅色", "yellow|黃色", "dragon|龍形", "big|大"),
        who=choose(r, "{pos} cousins|表兄弟姊妹", "{pos} parents|爸媽", "some friends|幾個朋友",
                   "{pos} little sister|妹妹")),
    intros=pairs(
        "On a hot {day} in {month}, {N} went to {beach} with {who}.|{month}一個炎熱的{day}，{N}和{who}一起去{beach}。",
        "{N} spent {day} on the beach at {beach}.|{N}{day}在{beach}的海灘度過。",
        "{N} had not seen the sea since last {season}.|{N}從去年{season}以後就沒看過大海了。"),
    stages=[
        pairs("{p} put on sunscreen and a {hat} hat.|{p}擦了防曬乳，戴上一頂{hat}帽子。",
              "{p} put up a {umbrella} umbrella on the sand.|{p}在沙灘上撐起一把{umbrella}陽傘。"),
        pairs("{p} swam in the warm sea for {swim} minutes.|{p}在溫暖的海裡游了{swim}分鐘。",
              "{p} jumped over the small waves with {who}.|{p}和{who}一起跳過一道道小浪。"),
        pairs("{p} built a sandcastle {tall} centimeters tall.|{p}堆了一座{tall}公分高的沙堡。",
              "{p} dug a hole {tall} centimeters deep in the wet sand.|{p}在濕沙上挖了一個{tall}公分深的洞。"),
        pairs("{p} collected {shells} shells in a bucket.|{p}在桶子裡撿了{shells}個貝殼。",
              "{p} walked along the shore of {beach} looking for shells.|{p}沿著{beach}的海岸散步找貝殼。"),
        pairs("{p} ate {snack} and some watermelon in the shade.|{p}在陰涼處吃了{snack}和一些西瓜。",
              "{p} bought a cold {drink} from a stand.|{p}在小攤子買了一杯冰{drink}。"),
        pairs("{p} played volleyball with {who}.|{p}和{who}一起打沙灘排球。",
              "{p} flew a {kite} kite in the sea wind.|{p}在海風中放{kite}風箏。"),
        pairs("{p} watched the sun go down over {beach}.|{p}在{beach}看著太陽沉入海裡。",
              "{p} sat on the sand and watched {boats} fishing boats come home.|{p}坐在沙灘上，看著{boats}艘漁船回港。"),
    ],
    causes=[
        pairs("At {hour}, the waves became very big.|{hour}的時候，海浪變得很大。",
              "the lifeguard at {beach} told everyone to leave the water.|{beach}的救生員叫大家離開水裡。") + [(1, 6)],
        pairs("{N} forgot to put on more sunscreen.|{N}忘了再擦防曬乳。",
              "{pos} shoulders stayed red for {days} days.|{p}的肩膀紅了{days}天。"),
        pairs("A seagull stole {snack} from {N}.|一隻海鷗從{N}手上搶走了{snack}。",
              "{p} bought another one from a stand for {snackp} dollars.|{p}又在小攤子花了{snackp}元買了一個。") + [(4, 6)],
        pairs("By noon, the sand at {beach} was too hot to walk on.|到了中午，{beach}的沙子燙得不能走。",
              "{p} put on {pos} {sandal} sandals.|{p}穿上了{sandal}涼鞋。"),
        pairs("{N} stepped on a sharp shell.|{N}踩到一個尖尖的貝殼。",
              "{p} wore {pos} {sandal} sandals in the water after that.|{p}後來都穿著{sandal}涼鞋下水。"),
    ],
    questions=[
        pairs("Was the water at {beach} cold?|{beach}的海水冷嗎？",
              "No, it was about {wtemp} degrees.|不冷，水溫大約{wtemp}度。", "any|any"),
        pairs("What did {N} find in the sand?|{N}在沙子裡發現了什麼？",
              "{p} found a small crab and {coins} old coins.|{p}發現了一隻小螃蟹和{coins}枚舊硬幣。", "any|any"),
        pairs("Was {beach} crowded on {day}?|{day}的{beach}人多嗎？",
              "Yes, there were about {crowd} people on the beach.|人很多，海灘上大約有{crowd}個人。", "any|any"),
    ],
    outros=pairs(
        "{p} fell asleep in the car on the way home from {beach}.|從{beach}回家的路上，{p}在車上睡著了。",
        "@it was a perfect day at {beach}!|那真是在{beach}完美的一天！",
        "{p} washed off the sand and went home with {who}.|{p}把身上的沙子沖乾淨，和{who}一起回家。",
        "{p} put the shells from {beach} on a shelf at home.|{p}把從{beach}撿來的貝殼擺在家裡的架子上。"),
)

PUPPY = dict(
    key="puppy", title=("a new puppy", "新來的小狗"),
    fill=lambda r: dict(
        color=choose(r, "brown|棕色", "white|白色", "black|黑色", "spotted|有斑點", "golden|金黃色"),
        pet=choose(r, "Coco|可可", "Mochi|麻糬", "Bobo|波波", "Lucky|來福", "Pepper|胡椒", "Snow|小雪",
                   "Doudou|豆豆", "Biscuit|餅乾"),
        vet=(lambda s: (f"Doctor {s[0]}", f"{s[1]}獸醫"))(pick(r, SURNAMES)),
        kilos=num(r.choice([8, 10, 12, 15, 20, 25])), weeks=cnt(r.randint(8, 12)), nights=cnt(r.randint(2, 5)),
        secs=num(r.choice([10, 15, 20, 30])), tdays=cnt(r.randint(3, 10)), dogs=cnt(r.randint(2, 5)),
        meals=cnt(r.randint(3, 5)),
        bed=choose(r, "blue|藍色", "round|圓形", "soft|柔軟", "gray|灰色"),
        collar=choose(r, "red|紅色", "blue|藍色", "green|綠色", "yellow|黃色"),
        treat=choose(r, "small pieces of chicken|雞肉丁", "dog biscuits|狗餅乾", "bits of cheese|起司塊"),
        wt=choose(r, "six|六點", "half past five|五點半", "seven|七點"),
        shoe=choose(r, "slippers|拖鞋", "socks|襪子", "shoes|鞋子"),
        game=choose(r, "tug of war|拔河", "hide and seek|捉迷藏", "fetch|丟接球"),
        toy=choose(r, "balls|球", "leaves|葉子", "bubbles|泡泡", "its own tail|自己的尾巴"),
        visitor=choose(r, "mailman|郵差", "neighbor|鄰居", "delivery man|外送員")),
    intros=pairs(
        "Last {month}, {N} adopted a {color} puppy from an animal shelter.|去年{month}，{N}從動物收容所領養了一隻{color}的小狗。",
        "{N} had wanted a dog for years, and in {month} {p} finally got a puppy.|{N}很多年來一直想養狗，{month}終於有了一隻小狗。",
        "On {day}, {N} brought home a {color} puppy just {weeks} weeks old.|{day}，{N}帶回一隻才{weeks}週大的{color}小狗。"),
    stages=[
        pairs("{p} named the puppy {pet}.|{p}幫小狗取名叫{pet}。",
              "{p} chose the name {pet} for the puppy.|{p}為小狗選了{pet}這個名字。"),
        pairs("{p} bought a {bed} bed and two bowls for the puppy.|{p}幫小狗買了一張{bed}小床和兩個碗。",
              "{p} bought a {collar} collar and a short leash.|{p}買了一條{collar}項圈和一條短牽繩。"),
        pairs("{p} took the puppy to {vet} for its shots.|{p}帶小狗去{vet}那裡打預防針。",
              "{vet} checked the teeth and ears of the puppy.|{vet}檢查了小狗的牙齒和耳朵。"),
        pairs("{p} taught the puppy to sit in {tdays} days.|{p}花了{tdays}天教會小狗坐下。",
              "{p} used {treat} to teach the puppy to come.|{p}用{treat}當獎勵，教小狗聽到呼喚就過來。"),
        pairs("{p} walked the puppy in the park every evening at {wt}.|{p}每天傍晚{wt}帶小狗去公園散步。",
              "{p} let the puppy play with {dogs} other dogs in the park.|{p}讓小狗在公園裡和其他{dogs}隻狗玩。"),
        pairs("{p} gave the puppy a warm bath on {day}.|{p}{day}幫小狗洗了個溫水澡。",
              "{p} brushed the {color} fur of the puppy.|{p}幫小狗梳理{color}的毛。"),
    ],
    causes=[
        pairs("{N} left {pos} {shoe} on the floor.|{N}把{shoe}放在地上。",
              "the {color} puppy chewed one of them.|那隻{color}的小狗咬壞了其中一隻。"),
        pairs("The puppy cried for the first {nights} nights.|頭{nights}個晚上，小狗一直哭。",
              "{p} put a warm blanket in its {bed} bed.|{p}在牠的{bed}小床上放了一條暖暖的毯子。"),
        pairs("The puppy ate its food in {secs} seconds.|小狗{secs}秒就把飼料吃光了。",
              "{p} gave it {meals} small meals a day.|{p}改成一天餵牠{meals}次，每次少一點。"),
        pairs("It rained hard on {day}.|{day}雨下得很大。", "{p} played {game} with the puppy inside.|{p}在家裡陪小狗玩{game}。"),
        pairs("The {visitor} rang the bell on {day}.|{day}{visitor}按了門鈴。",
              "the {color} puppy barked and ran to the door.|那隻{color}的小狗一邊叫一邊跑到門口。"),
    ],
    questions=[
        pairs("How big will the {color} puppy get?|那隻{color}的小狗會長多大？",
              "{vet} said it will grow to about {kilos} kilos.|{vet}說牠會長到大約{kilos}公斤。", "any|any"),
        pairs("What does the {color} puppy like best?|那隻{color}的小狗最喜歡什麼？",
              "It loves to chase {toy} in the garden.|牠最喜歡在院子裡追{toy}。", "any|any"),
        pairs("Does the {color} puppy bark a lot?|那隻{color}的小狗常常叫嗎？",
              "Only when the {visitor} rings the bell.|只有{visitor}按門鈴的時候才會叫。", "any|any"),
    ],
    outros=pairs(
        "@now the {color} puppy sleeps at the end of {pos} bed.|現在那隻{color}的小狗每天晚上都睡在{p}的床尾。",
        "@{p} cannot imagine life without the {color} puppy anymore.|{p}已經無法想像沒有那隻{color}小狗的生活。",
        "the {color} puppy followed {obj} everywhere in the house.|那隻{color}的小狗在家裡到處跟著{p}。",
        "{p} sent a photo of the puppy to {F}.|{p}把小狗的照片傳給{F}。"),
)

CAMPING = dict(
    key="camping", title=("camping in the mountains", "山上露營"),
    fill=lambda r: dict(
        mountain=choose(r, "Hehuan Mountain|合歡山", "Alishan|阿里山", "Snow Mountain|雪山", "Yangmingshan|陽明山",
                        "Taiping Mountain|太平山", "a mountain near {town}|{town}附近的一座山"),
        nights=cnt(r.randint(1, 3)), hours=cnt(r.randint(2, 6)), km=cnt(r.randint(3, 12)),
        alt=num(r.choice([1200, 1800, 2300, 2600, 3100])), liters=cnt(r.randint(2, 3)),
        stars=cnt(r.randint(2, 9)), owls=cnt(r.randint(2, 4)), mins=num(r.choice([3, 5, 10])),
        photos=num(r.choice([60, 80, 120, 200, 300])),
        tent=choose(r, "green|綠色", "blue|藍色", "red|紅色", "yellow|黃色"),
        beast=choose(r, "monkey|猴子", "wild boar|山豬", "squirrel|松鼠"),
        food=choose(r, "noodles|麵", "rice|飯", "corn soup|玉米濃湯", "sweet potatoes|地瓜"),
        dawn=choose(r, "five|五點", "half past four|四點半", "a quarter past five|五點十五分")),
    intros=pairs(
        "In {month}, {N} went camping in the mountains with {pos} friend {F}.|{month}，{N}和朋友{F}一起去山上露營。",
        "{N} and {pos} friend {F} spent {nights} nights camping on {mountain}.|{N}和朋友{F}在{mountain}露營了{nights}晚。",
        "{N} and {F} drove to {mountain} on {day} morning to go camping.|{N}和{F}{day}早上開車去{mountain}露營。"),
    stages=[
        pairs("{p} packed a {tent} tent, a sleeping bag and a small stove.|{p}打包了{tent}帳篷、睡袋和一個小爐子。",
              "{p} checked the weather report for {mountain}.|{p}先查了{mountain}的氣象預報。"),
        pairs("{p} hiked up a steep trail for {hours} hours.|{p}沿著陡峭的山路走了{hours}個小時。",
              "{p} and {F} walked {km} kilometers through a cool forest.|{p}和{F}穿過涼爽的森林，走了{km}公里。"),
        pairs("{p} set up the tent next to a clear stream on {mountain}.|{p}在{mountain}的一條清澈小溪旁搭起帳篷。",
              "{p} found a flat place for the tent at {alt} meters.|{p}在海拔{alt}公尺處找到一塊平坦的地方搭帳篷。"),
        pairs("{p} collected dry wood, and {F} made a small fire.|{p}撿了一些乾木頭，{F}生了一小堆火。",
              "{p} lit the stove and boiled {liters} liters of water.|{p}點起爐子，燒了{liters}公升的水。"),
        pairs("{p} cooked {food} over the fire.|{p}用火煮了{food}。",
              "{p} and {F} ate {food} and canned fish for dinner.|{p}和{F}晚餐吃了{food}和罐頭魚。"),
        pairs("@at night, {p} lay outside and counted {stars} shooting stars.|晚上，{p}躺在外面數到了{stars}顆流星。",
              "@that night, {p} heard {owls} owls in the trees.|那天晚上，{p}聽見樹上有{owls}隻貓頭鷹在叫。"),
        pairs("{p} woke up at {dawn} to watch the sunrise.|{p}{dawn}起床看日出。",
              "{p} rolled up the tent, and {F} cleaned the campsite.|{p}收起帳篷，{F}把營地清理乾淨。"),
    ],
    causes=[
        pairs("The night on {mountain} was colder than expected.|{mountain}的夜晚比想像中還冷。",
              "{p} wore two jackets inside the sleeping bag.|{p}在睡袋裡穿了兩件外套。") + [(2, 6)],
        pairs("A wild {beast} came near the tent.|一隻野生的{beast}跑到帳篷附近。",
              "{p} closed the food bag tightly.|{p}把食物袋綁得緊緊的。") + [(2, 6)],
        pairs("Heavy clouds covered {mountain} that evening.|那天傍晚，厚厚的雲遮住了{mountain}。",
              "{p} and {F} did not see the stars that night.|那天晚上{p}和{F}沒看到星星。") + [(2, 5)],
        pairs("{F} hurt an ankle on the trail.|{F}在山路上扭傷了腳踝。",
              "{p} carried both bags for the rest of the way.|接下來的路{p}一個人背兩個背包。"),
        pairs("{N} forgot the matches at home.|{N}把火柴忘在家裡了。", "{F} lit the fire with a lighter.|{F}用打火機生火。") + [(0, 3)],
    ],
    questions=[
        pairs("Did {N} see any animals on {mountain}?|{N}在{mountain}有看到動物嗎？",
              "{p} saw a deer and {owls} owls.|{p}看到了一隻鹿和{owls}隻貓頭鷹。", "any|any"),
        pairs("How high was the campsite on {mountain}?|{mountain}的營地有多高？",
              "It was about {alt} meters above the sea.|大約在海拔{alt}公尺。", "any|any") + [(2, 6)],
        pairs("Was the water in the stream on {mountain} safe to drink?|{mountain}的溪水可以喝嗎？",
              "Only after {p} boiled it for {mins} minutes.|要煮開{mins}分鐘之後才能喝。", "any|any") + [(2, 6)],
    ],
    outros=pairs(
        "{p} walked down from {mountain} the next day.|{p}隔天從{mountain}走下山。",
        "@{p} and {F} plan to go camping again next {season}.|{p}和{F}打算明年{season}再去露營。",
        "{p} came home with dirty boots and {photos} photos.|{p}帶著髒兮兮的登山鞋和{photos}張照片回家。"),
)

COMPOSERS = pairs("Bach|巴哈", "Mozart|莫札特", "Chopin|蕭邦", "Schumann|舒曼", "Beethoven|貝多芬", "Haydn|海頓")

CONCERT = dict(
    key="concert", title=("a piano concert", "鋼琴演奏會"),
    fill=lambda r: dict(
        **dict(zip(("composer", "composer2"), pick(r, COMPOSERS, 2))),
        years=cnt(r.randint(2, 9)), teacher=titled(r, TEACHER), weeks=cnt(r.randint(3, 10)),
        players=cnt(r.randint(4, 12)), aud=num(r.choice([50, 80, 100, 150, 200, 300])),
        rest=cnt(r.randint(2, 4)), mins=num(r.randint(4, 9)), tmins=num(r.choice([30, 40, 50, 60, 90])),
        hall=choose(r, "the school hall|學校禮堂", "the city concert hall|市立音樂廳", "a small church|一間小教堂",
                    "the library hall|圖書館的演講廳"),
        ph=choose(r, "an hour|一個小時", "two hours|兩個小時", "ninety minutes|九十分鐘", "three hours|三個小時"),
        jacket=choose(r, "dark blue|深藍色", "black|黑色", "gray|灰色", "white|白色"),
        piano=choose(r, "black|黑色", "old|老舊的", "big|大", "white|白色")),
    intros=pairs(
        "{N} was going to play the piano at a concert in {month}.|{N}要在{month}的音樂會上彈鋼琴。",
        "{N} had taken piano lessons for {years} years.|{N}已經學了{years}年鋼琴。",
        "{N} was chosen to play at {hall} on {day}.|{N}被選上{day}在{hall}演奏。"),
    stages=[
        pairs("{teacher} chose a short piece by {composer} for {obj}.|{teacher}幫{p}選了一首{composer}的短曲。",
              "{p} picked a gentle piece by {composer}.|{p}挑了一首{composer}的溫柔曲子。"),
        pairs("{p} practiced for {ph} every evening.|{p}每天晚上練習{ph}。",
              "{p} practiced with {teacher} every {day}.|{p}每個{day}都和{teacher}一起練習。"),
        pairs("{p} played the hardest part of the {composer} piece again and again.|{p}把{composer}那首曲子最難的段落彈了一遍又一遍。",
              "{p} learned the whole piece by heart in {weeks} weeks.|{p}花了{weeks}個星期把整首曲子背起來。"),
        pairs("@on the day of the concert, {p} put on a {jacket} jacket.|音樂會那天，{p}穿上{jacket}的外套。",
              "@on the day of the concert, {p} arrived at {hall} early.|音樂會那天，{p}提早到了{hall}。"),
        pairs("{p} waited backstage with {players} other players.|{p}和其他{players}位演奏者在後台等待。",
              "{p} warmed up {pos} fingers with {teacher}.|{p}和{teacher}一起活動手指暖身。"),
        pairs("{p} walked onto the stage and bowed to about {aud} people.|{p}走上舞台，向大約{aud}位觀眾鞠躬。",
              "{p} sat down at the {piano} piano and took a deep breath.|{p}在{piano}鋼琴前坐下，深吸了一口氣。"),
        pairs("{p} played the {composer} piece without a single mistake.|{p}把{composer}的曲子彈完，一個錯都沒有。",
              "{p} played the last notes of the {composer} piece very softly.|{p}把{composer}曲子的最後幾個音彈得非常輕柔。"),
    ],
    causes=[
        pairs("{N} was so nervous that {pos} hands were shaking.|{N}緊張得手都在發抖。",
              "{teacher} told {obj} to breathe slowly.|{teacher}叫{p}慢慢地呼吸。") + [(3, 5)],
        pairs("The piano at {hall} was a little out of tune.|{hall}的鋼琴有點走音。",
              "a tuner worked on it for {tmins} minutes.|調音師花了{tmins}分鐘調音。"),
        pairs("{N} hurt a finger on {day}.|{N}{day}弄傷了一根手指。",
              "{p} rested for {rest} days and only listened to {composer}.|{p}休息了{rest}天，只聽{composer}的音樂。") + [(0, 2)],
        pairs("{N} could not find {pos} music on the morning of the concert.|音樂會當天早上，{N}找不到樂譜。",
              "{teacher} lent {obj} a copy.|{teacher}借了一份給{p}。") + [(3, 4)],
    ],
    questions=[
        pairs("Who came to listen at {hall}?|誰到{hall}聽音樂會？",
              "{pos} parents and {F} sat in the front row.|{p}的爸媽和{F}都坐在第一排。", "any|any") + [(3, 6)],
        pairs("Why a piece by {composer}?|為什麼選{composer}的曲子？",
              "{teacher} thought the music suited {obj} well.|{teacher}覺得那首曲子很適合{p}。", "any|any"),
        pairs("How long was the piece by {composer}?|那首{composer}的曲子有多長？",
              "It was about {mins} minutes long.|大約{mins}分鐘。", "any|any"),
    ],
    outros=pairs(
        "the {aud} people at {hall} clapped for a long time.|{hall}的{aud}位觀眾鼓掌了很久。",
        "{teacher} gave {obj} a big smile and some flowers.|{teacher}給了{p}一個大大的微笑和一束花。",
        "{p} decided to learn a piece by {composer2} next.|{p}決定接下來學一首{composer2}的曲子。"),
)

ANIMALS = pairs("lions|獅子", "elephants|大象", "giraffes|長頸鹿", "penguins|企鵝", "pandas|貓熊", "monkeys|猴子",
                "zebras|斑馬", "tigers|老虎", "kangaroos|袋鼠", "hippos|河馬", "flamingos|紅鶴")


def zoo_fill(r):
    brother = r.random() < 0.5
    a1, a2, a3 = pick(r, ANIMALS, 3)
    sib = ("little brother", "弟弟") if brother else ("little sister", "妹妹")
    return dict(a1=a1, a2=a2, a3=a3, sib=sib, sibp=("he", "他") if brother else ("she", "她"),
                sibobj=("him", "他") if brother else ("her", "她"), n=cnt(r.randint(2, 9)),
                tickets=num(r.choice([100, 120, 150, 200])), th=num(r.randint(32, 36)),
                hours=cnt(r.randint(2, 4)), groups=cnt(r.randint(3, 9)), later=num(r.choice([30, 40, 50])),
                open=choose(r, "nine|九點", "half past nine|九點半", "ten|十點"),
                home=choose(r, "five|五點", "half past four|四點半", "six|六點"),
                flavor=choose(r, "mango|芒果", "chocolate|巧克力", "vanilla|香草", "strawberry|草莓"),
                zfood=choose(r, "noodles|麵", "a rice box|便當", "fried rice|炒飯", "dumplings|水餃"))


ZOO = dict(
    key="zoo", title=("a visit to the zoo", "參觀動物園"),
    fill=zoo_fill,
    intros=pairs(
        "On {day}, {N} took {pos} {sib} to the zoo.|{day}，{N}帶{sib}去動物園。",
        "{N} promised {pos} {sib} a trip to the zoo on {day}.|{N}答應{sib}{day}要去動物園。",
        "{N} and {pos} {sib} spent {day} at the zoo.|{N}和{sib}{day}在動物園玩了一天。"),
    stages=[
        pairs("{p} bought two tickets at the gate at {open}.|{p}{open}在門口買了兩張票。",
              "{p} paid {tickets} dollars for the tickets.|{p}付了{tickets}元買門票。"),
        pairs("{p} looked at the map and found the way to the {a1}.|{p}看了地圖，找到去{a1}那裡的路。",
              "{p} asked a guide where the {a3} lived.|{p}問導覽員{a3}住在哪裡。"),
        pairs("{p} watched the {a1} for a long time.|{p}看了{a1}很久。",
              "{p} walked straight to the {a1}.|{p}直接走到{a1}那裡。"),
        pairs("a keeper gave the {a2} their lunch.|一位飼育員餵{a2}吃午餐。",
              "{p} listened to a keeper talk about the {a2}.|{p}聽一位飼育員介紹{a2}。"),
        pairs("{p} ate {flavor} ice cream on a bench near the lake.|{p}坐在湖邊的長椅上吃{flavor}冰淇淋。",
              "{p} had {zfood} at the zoo cafe.|{p}在動物園的餐廳吃了{zfood}。"),
        pairs("{p} took photos of the {a3}.|{p}拍了{a3}的照片。",
              "{p} and {pos} {sib} laughed at the {a3}.|{p}和{sib}看著{a3}哈哈大笑。"),
        pairs("{p} bought a postcard of the {a1} in the gift shop.|{p}在禮品店買了一張{a1}的明信片。",
              "{p} bought a toy for {pos} {sib} in the gift shop.|{p}在禮品店買了一個玩具給{sib}。"),
    ],
    causes=[
        pairs("The {a1} were sleeping in the shade.|{a1}在樹蔭下睡覺。",
              "{p} came back to see them {later} minutes later.|{p}{later}分鐘後再回來看牠們。"),
        pairs("By noon, it was {th} degrees at the zoo.|到了中午，動物園裡有{th}度。",
              "the {a3} hid in the shade.|{a3}都躲到陰涼處。"),
        pairs("{pos} {sib} got tired after {hours} hours.|走了{hours}個小時後，{sib}累了。",
              "{p} carried {sibobj} on {pos} back to the {a3}.|{p}背著{sib}走到{a3}那裡。") + [(2, 6)],
        pairs("The house of the {a2} was closed for cleaning.|{a2}館正在清潔，暫停開放。",
              "{p} went to see the {a3} instead.|{p}改去看{a3}。"),
    ],
    questions=[
        pairs("Which animal did {pos} {sib} like best?|{sib}最喜歡哪一種動物？",
              "{sibp} liked the {a2} best.|{sib}最喜歡{a2}。", "end|end"),
        pairs("How many {a3} live at the zoo?|動物園裡有幾隻{a3}？",
              "A keeper said there are {n}.|飼育員說有{n}隻。", "any|any") + [(0, 6)],
        pairs("Was the zoo busy on {day}?|{day}動物園人多嗎？",
              "Yes, there were {groups} school groups.|很多，有{groups}個學校的參觀團。", "any|any"),
    ],
    outros=pairs(
        "{p} and {pos} {sib} took the bus home at {home}.|{home}的時候，{p}和{sib}搭公車回家。",
        "@it was a long but happy day for {N} and {pos} {sib}.|對{N}和{sib}來說，那是漫長卻快樂的一天。",
        "{pos} {sib} talked about the {a2} all the way home.|{sib}一路上都在講{a2}的事。"),
)

FISHING = dict(
    key="fishing", title=("a fishing trip", "釣魚"),
    fill=lambda r: dict(
        fish=choose(r, "carp|鯉魚", "trout|鱒魚", "catfish|鯰魚", "bass|鱸魚", "tilapia|吳郭魚"),
        n=cnt(r.randint(2, 7)), worms=cnt(r.randint(10, 30)), hooks=cnt(r.randint(5, 20)),
        meters=num(r.choice([10, 15, 20, 25])), airt=num(r.randint(18, 26)), wait=num(r.choice([20, 30, 40, 50])),
        kg=cnt(r.randint(2, 3)),
        water=choose(r, "a lake|湖邊", "a river|河邊", "a quiet pond|一個安靜的池塘"),
        kin=choose(r, "grandfather|爺爺", "uncle|叔叔", "father|爸爸"),
        boat=choose(r, "green|綠色", "red|紅色", "wooden|木頭"),
        tree=choose(r, "willow|柳樹", "banyan|榕樹", "maple|楓樹"),
        float=choose(r, "red|紅色", "yellow|黃色", "white|白色"),
        hour=choose(r, "ten|十點", "eleven|十一點", "noon|中午")),
    intros=pairs(
        "Early on {day}, {N} went fishing at {water} with {pos} {kin}.|{day}一大早，{N}和{kin}一起去{water}釣魚。",
        "{N} had never gone fishing before {pos} {kin} took {obj} in {month}.|{month}{kin}帶{N}去釣魚之前，{N}從來沒釣過魚。",
        "{N} and {pos} {kin} spent {day} fishing at {water}.|{N}和{kin}{day}在{water}釣了一整天的魚。"),
    stages=[
        pairs("{p} dug up {worms} worms for bait.|{p}挖了{worms}條蚯蚓當魚餌。",
              "{p} packed two rods and {hooks} hooks.|{p}帶了兩支釣竿和{hooks}個魚鉤。"),
        pairs("{p} rowed a small {boat} boat away from the shore.|{p}把一艘{boat}小船划離岸邊。",
              "{p} found a quiet spot under a {tree} tree.|{p}在一棵{tree}下找到一個安靜的位置。"),
        pairs("{pos} {kin} showed {obj} how to put a worm on the hook.|{kin}教{p}怎麼把蚯蚓掛在魚鉤上。",
              "{p} cast the line about {meters} meters.|{p}把釣線拋出大約{meters}公尺。"),
        pairs("{p} waited quietly for {wait} minutes.|{p}安靜地等了{wait}分鐘。",
              "{p} watched the {float} float move up and down.|{p}看著{float}浮標上下晃動。"),
        pairs("{p} caught a {fish} as long as {pos} arm.|{p}釣到了一條跟手臂一樣長的{fish}。",
              "{p} pulled in a big {fish}.|{p}拉上來一條大{fish}。"),
        pairs("{p} caught {n} more small fish before noon.|中午前{p}又釣到了{n}條小魚。",
              "{p} caught {n} small fish in the afternoon.|{p}下午又釣到了{n}條小魚。"),
        pairs("{p} kept the {fish} and let the small ones go.|{p}留下{fish}，把小魚放走。",
              "{p} put the {fish} in a bucket of water.|{p}把{fish}放進一桶水裡。"),
    ],
    causes=[
        pairs("A big {fish} pulled hard on the line.|一條大{fish}用力拉扯釣線。",
              "the line broke and the {fish} got away.|釣線斷了，{fish}跑掉了。") + [(2, 5)],
        pairs("Around {hour}, a strong wind made the water rough.|{hour}左右，一陣強風把水面吹得波濤起伏。",
              "{p} and {pos} {kin} moved back to the shore.|{p}和{kin}回到岸邊。"),
        pairs("{N} talked too loudly with {pos} {kin}.|{N}和{kin}講話太大聲了。",
              "the fish swam away, and {p} caught nothing for {wait} minutes.|魚都游走了，{p}有{wait}分鐘什麼都沒釣到。") + [(2, 5)],
        pairs("The worms ran out by {hour}.|{hour}以前蚯蚓就用完了。",
              "{p} used bits of bread as bait.|{p}改用麵包屑當魚餌。") + [(2, 6)],
        pairs("{N} caught {pos} hook on a branch of the {tree}.|{N}的魚鉤勾到了{tree}的樹枝。",
              "{pos} {kin} tied a new hook for {obj}.|{kin}幫{p}綁了一個新魚鉤。") + [(2, 5)],
    ],
    questions=[
        pairs("What did {N} use as bait?|{N}用什麼當魚餌？", "{p} used worms and some bread.|{p}用蚯蚓和一些麵包。", "any|any"),
        pairs("Was {day} a good day for fishing?|{day}適合釣魚嗎？",
              "Yes, the water was calm and the air was about {airt} degrees.|適合，水面平靜，氣溫大約{airt}度。", "any|any"),
        pairs("How big was the {fish}?|那條{fish}有多大？", "It weighed almost {kg} kilos.|將近{kg}公斤重。", "end|end"),
    ],
    outros=pairs(
        "{pos} {kin} cooked the {fish} for dinner that night.|那天晚上，{kin}把{fish}煮成了晚餐。",
        "{p} could not stop talking about the big {fish}!|{p}一直說著那條大{fish}的事！",
        "{p} asked to go fishing again next {day}.|{p}問下個{day}能不能再去釣魚。",
        "{p} drew a picture of the {fish} for {pos} class.|{p}畫了一張{fish}的圖給班上同學看。"),
)


def flight_fill(r):
    a, b = pick(r, CITIES, 2)
    return dict(city=a, city2=b, gate=digits(r.randint(3, 40)), hours=cnt(r.randint(2, 13)),
                delay=cnt(r.randint(2, 4)), cousin=person(r)[0], seats=cnt(r.randint(2, 9)),
                counter=digits(r.randint(1, 30)),
                row=digits(r.randint(5, 45)), sec=num(r.choice([10, 15, 20, 30])), kg=num(r.randint(24, 32)),
                cash=num(r.choice([3000, 5000, 8000, 10000])), fee=num(r.choice([500, 800, 1200, 1500, 2000])),
                scolor=choose(r, "red|紅色", "black|黑色", "silver|銀色", "yellow|黃色"),
                neighbor=choose(r, "student|學生", "teacher|老師", "grandmother|老奶奶", "young father|年輕爸爸"),
                genre=choose(r, "funny|喜劇", "Japanese|日本", "Korean|韓國", "space|太空"),
                meal=choose(r, "chicken and rice|雞肉飯", "beef noodles|牛肉麵", "fish and potatoes|魚排配馬鈴薯",
                            "pasta|義大利麵"))


FLIGHT = dict(
    key="flight", title=("a flight", "搭飛機"),
    fill=flight_fill,
    intros=pairs(
        "On {day}, {N} flew from {city} to {city2}.|{day}，{N}從{city}飛到{city2}。",
        "{N} had an early flight to {city2} on {day}.|{N}{day}要搭早班飛機去{city2}。",
        "In {month}, {N} flew to {city2} for work.|{month}，{N}因為工作飛到{city2}。"),
    stages=[
        pairs("{p} took a taxi to the airport in {city} at dawn.|{p}天剛亮就在{city}搭計程車去機場。",
              "{p} took the airport train with {pos} {scolor} suitcase.|{p}拖著{scolor}行李箱搭機場捷運。"),
        pairs("{p} checked in {pos} {scolor} suitcase at counter {counter}.|{p}在{counter}號櫃檯託運了{scolor}行李箱。",
              "{p} printed {pos} boarding pass for {city2} at a machine.|{p}在機器上印出飛往{city2}的登機證。"),
        pairs("{p} went through the security check in {sec} minutes.|{p}花了{sec}分鐘通過安全檢查。",
              "{p} showed {pos} passport and a ticket to {city2}.|{p}出示了護照和飛往{city2}的機票。"),
        pairs("{p} found gate {gate} and sat down to wait.|{p}找到{gate}號登機門，坐下來等。",
              "{p} bought a coffee near gate {gate}.|{p}在{gate}號登機門附近買了一杯咖啡。"),
        pairs("{p} boarded the plane and sat in row {row}, by the window.|{p}登機後坐在第{row}排靠窗的位置。",
              "{p} sat next to a {neighbor} from {city2}.|{p}旁邊坐著一位從{city2}來的{neighbor}。"),
        pairs("{p} watched a {genre} film and ate {meal}.|{p}看了一部{genre}電影，吃了{meal}。",
              "{p} slept for most of the flight to {city2}.|飛往{city2}的途中，{p}大部分時間都在睡覺。"),
        pairs("the plane landed in {city2} after {hours} hours.|飛機飛了{hours}個小時後降落在{city2}。",
              "the plane landed in {city2} on time.|飛機準時降落在{city2}。"),
        pairs("{p} collected {pos} {scolor} suitcase and walked out.|{p}領了{scolor}行李箱走出機場。",
              "{p} changed {cash} dollars at the airport bank.|{p}在機場的銀行換了{cash}元。"),
    ],
    causes=[
        pairs("The flight was delayed by {delay} hours.|班機延誤了{delay}個小時。",
              "{p} read a book near gate {gate}.|{p}在{gate}號登機門附近看書。") + [(1, 3)],
        pairs("The suitcase of {N} weighed {kg} kilos.|{N}的行李箱有{kg}公斤重。",
              "{p} had to pay an extra {fee} dollars.|{p}必須多付{fee}元。") + [(0, 1)],
        pairs("The plane shook over the sea near {city2}.|飛機在{city2}附近的海面上空晃動。",
              "the crew asked everyone to sit down.|空服員請大家坐好。") + [(4, 6)],
        pairs("The line at security in {city} was very long.|{city}機場的安全檢查隊伍很長。",
              "{p} almost missed the flight.|{p}差點錯過班機。") + [(1, 2)],
        pairs("{N} left {pos} jacket on the plane.|{N}把外套忘在飛機上了。",
              "{p} went back to the desk of the airline.|{p}回到航空公司的櫃檯。") + [(6, 7)],
    ],
    questions=[
        pairs("Who met {N} at the airport in {city2}?|誰到{city2}的機場接{N}？",
              "{pos} cousin {cousin} was waiting at the exit.|{p}的表親{cousin}在出口等著。", "end|end"),
        pairs("How long was the flight to {city2}?|飛到{city2}要多久？",
              "It was about {hours} hours.|大約{hours}個小時。", "any|any"),
        pairs("Was the plane to {city2} full?|飛往{city2}的班機客滿嗎？",
              "Almost, only {seats} seats were empty.|幾乎客滿，只剩{seats}個空位。", "any|any"),
    ],
    outros=pairs(
        "{p} took a bus to {pos} hotel in {city2}.|{p}搭巴士到{city2}的飯店。",
        "{p} was tired but glad to arrive safely in {city2}.|{p}很累，但很高興平安抵達{city2}。",
        "{p} sent a message to {pos} family to say {p} had landed in {city2}.|{p}傳訊息告訴家人自己已經降落在{city2}了。",
        "{p} bought a map of {city2} at the airport.|{p}在機場買了一張{city2}的地圖。"),
)

WALLET = dict(
    key="wallet", title=("a lost wallet", "遺失的錢包"),
    fill=lambda r: dict(
        place=choose(r, "bus stop|公車站", "cafe|咖啡店", "bookshop|書店", "supermarket|超市", "bakery|麵包店"),
        money=num(r.choice([300, 500, 800, 1200, 1500, 2000])), bus=digits(r.choice([5, 12, 18, 33, 52, 208, 307])),
        cards=cnt(r.randint(2, 5)), times=cnt(r.randint(2, 4)), km=cnt(r.randint(2, 5)),
        late=choose(r, "midnight|半夜十二點", "one in the morning|凌晨一點", "two in the morning|凌晨兩點"),
        wcolor=choose(r, "brown|棕色", "black|黑色", "red|紅色", "blue|藍色"),
        time=choose(r, "six in the evening|傍晚六點", "seven in the evening|晚上七點", "eight in the evening|晚上八點"),
        mtime=choose(r, "eight|八點", "nine|九點", "half past seven|七點半"),
        pocket=choose(r, "coat pocket|外套口袋", "back pocket|後口袋", "bag|包包"),
        bag=choose(r, "backpack|背包", "shopping bag|購物袋", "sports bag|運動包"),
        bank=choose(r, "the city bank|市民銀行", "the post office|郵局"),
        street=choose(r, "Zhongshan|中山", "Minsheng|民生", "Heping|和平", "Zhongzheng|中正"),
        thanks=choose(r, "a box of cakes|一盒蛋糕", "a bag of fruit|一袋水果", "a big bunch of flowers|一大束花",
                      "a card and some tea|一張卡片和一些茶葉")),
    intros=pairs(
        "On {day}, {N} lost {pos} {wcolor} wallet on the way home.|{day}，{N}在回家的路上弄丟了{wcolor}錢包。",
        "{N} went shopping on {day} and came home without {pos} wallet.|{N}{day}去買東西，回到家時錢包不見了。",
        "Last {month}, {N} left {pos} wallet somewhere in {town}.|去年{month}，{N}把錢包掉在{town}的某個地方。"),
    stages=[
        pairs("{p} noticed it at the door of {pos} apartment at {time}.|{p}{time}走到家門口才發現。",
              "{p} reached into {pos} {pocket} and found nothing.|{p}把手伸進{pocket}，什麼也沒摸到。"),
        pairs("{p} looked in every pocket and in {pos} {bag}.|{p}翻遍了每個口袋和{bag}。",
              "{p} searched the whole apartment {times} times.|{p}把整間公寓找了{times}遍。"),
        pairs("{p} walked back along the street to the {place}.|{p}沿著街道走回{place}。",
              "{p} asked the people at the {place} for help.|{p}請{place}的人幫忙找。"),
        pairs("{p} called the bank and stopped {cards} cards.|{p}打電話給銀行，停掉了{cards}張卡片。",
              "{p} asked {bank} for new cards.|{p}向{bank}申請新的卡片。"),
        pairs("{p} went to the police station on {street} Road.|{p}去了{street}路的警察局。",
              "a police officer wrote down that the wallet was {wcolor}.|一位警察記下錢包是{wcolor}的。"),
        pairs("@the next morning at {mtime}, a stranger called {obj}.|隔天早上{mtime}，一個陌生人打電話給{p}。",
              "@the next day, an officer from {street} Road called {obj}.|隔天，{street}路警察局的警察打電話給{p}。"),
        pairs("{F} had found the wallet on bus {bus}.|原來是{F}在{bus}號公車上撿到了錢包。",
              "{p} met the finder at the {place} to get the wallet.|{p}在{place}和撿到錢包的人碰面，拿回了錢包。"),
    ],
    causes=[
        pairs("The wallet held {pos} ID card and {money} dollars.|錢包裡有{p}的身分證和{money}元。",
              "{p} could not sleep until {late}.|{p}一直到{late}都睡不著。"),
        pairs("{N} had written {pos} phone number inside the wallet.|{N}在錢包裡寫了自己的電話號碼。",
              "{F} could call {obj} as soon as {fp} found it.|{F}一撿到就能打電話給{p}。") + [(0, 4)],
        pairs("It was already dark when {N} reached the {place}.|{N}走到{place}時，天已經黑了。",
              "{p} searched the {place} with the light of {pos} phone.|{p}用手機的燈在{place}四處找。") + [(1, 3)],
        pairs("{N} could not pay for the bus without the wallet.|沒有錢包，{N}沒辦法付公車錢。",
              "{p} walked {km} kilometers home.|{p}走了{km}公里回家。") + [(0, 3)],
    ],
    questions=[
        pairs("Was any money missing from the {wcolor} wallet?|{wcolor}錢包裡有少錢嗎？",
              "No, all {money} dollars were still there.|沒有，{money}元都還在。", "end|end"),
        pairs("Where was the {wcolor} wallet found?|{wcolor}錢包是在哪裡找到的？",
              "It was under a seat on bus {bus}.|在{bus}號公車的座位底下。", "end|end"),
        pairs("What was in the wallet of {N}?|{N}的錢包裡有什麼？",
              "There were {money} dollars, {cards} cards and a photo.|有{money}元、{cards}張卡片和一張照片。", "any|any"),
    ],
    outros=pairs(
        "{p} thanked the finder with {thanks}.|{p}送了{thanks}向撿到的人道謝。",
        "@{p} now keeps {pos} {wcolor} wallet in a zipped pocket.|現在{p}都把{wcolor}錢包放在有拉鍊的口袋裡。",
        "{p} was glad that there are honest people in {town}.|{p}很高興{town}有誠實的人。"),
)

TOPICS = [COOKING, CITY_TRIP, FOOTBALL, SCHOOL, DOCTOR, GARDEN, PHONE, BIRTHDAY, MOVING, INTERVIEW,
          BICYCLE, BEACH, PUPPY, CAMPING, CONCERT, ZOO, FISHING, FLIGHT, WALLET]

# ---- the weather of a week: days in their order ------------------------------------------------

WEATHER = {  # kind: (day sentences, effects that may follow)
    "sunny": (pairs("on {day}, the sky over {town} was clear and the sun was warm.|{day}{town}天空晴朗，陽光很溫暖。",
                    "{day} was sunny, with a high of {t} degrees.|{day}是晴天，最高溫{t}度。",
                    "on {day}, there was not a single cloud over {town}.|{day}{town}的天上一朵雲也沒有。"),
              pairs("the parks of {town} were full of families.|{town}的公園裡到處都是一家大小。",
                    "people in {town} dried their laundry outside.|{town}的人都把衣服拿到外面曬。")),
    "cloudy": (pairs("on {day}, gray clouds covered {town} all day.|{day}{town}整天都是灰灰的雲。",
                     "{day} was cloudy and cool, at about {t} degrees.|{day}多雲又涼爽，大約{t}度。"),
               pairs("{N} took a jacket when {p} went out.|{N}出門時帶了一件外套。",
                     "the beaches near {town} were empty.|{town}附近的海灘空無一人。")),
    "rain": (pairs("on {day}, it rained in {town} from morning to night.|{day}{town}從早到晚都在下雨。",
                   "{day} brought light rain in the afternoon, about {mm} millimeters.|{day}下午下了小雨，大約{mm}毫米。",
                   "on {day}, heavy rain fell on {town}.|{day}{town}下了大雨。"),
             pairs("the football game in {town} was cancelled.|{town}的足球比賽取消了。",
                   "people in {town} carried umbrellas everywhere.|{town}的人走到哪裡都帶著雨傘。",
                   "some streets in {town} were under water.|{town}有些街道淹水了。")),
    "storm": (pairs("on {day}, a thunderstorm hit {town} in the evening.|{day}傍晚，{town}下起了雷雨。",
                    "{day} ended with thunder and lightning over {town}.|{day}晚上，{town}打雷又閃電。"),
              pairs("the lights went out in {town} for an hour.|{town}停電了一個小時。",
                    "{N} stayed home and read a book.|{N}待在家裡看書。")),
    "wind": (pairs("on {day}, a strong wind blew into {town} from the sea.|{day}從海上吹來一陣強風，吹進{town}。",
                   "{day} was very windy, and the trees shook all day.|{day}風很大，樹整天都在搖。"),
             pairs("the ferry from {town} did not sail.|從{town}出發的渡輪停駛了。",
                   "{N} held {pos} hat with both hands.|{N}用兩隻手按住帽子。")),
    "fog": (pairs("{day} began with thick fog over {town}.|{day}一早，{town}就起了濃霧。",
                  "on {day}, fog covered the hills around {town} until noon.|{day}濃霧一直籠罩{town}周圍的山丘到中午。"),
            pairs("the buses in {town} drove very slowly.|{town}的公車都開得很慢。",
                  "the flights from {town} were late.|從{town}起飛的班機都延誤了。")),
    "cold": (pairs("on {day}, the temperature in {town} dropped to {tc} degrees.|{day}{town}的氣溫降到了{tc}度。",
                   "{day} was cold, with a sharp north wind.|{day}很冷，吹著刺骨的北風。"),
             pairs("people in {town} wore thick coats.|{town}的人都穿上了厚外套。",
                   "{N} drank hot tea all afternoon.|{N}整個下午都在喝熱茶。")),
    "hot": (pairs("{day} was very hot, at {th} degrees.|{day}非常熱，有{th}度。",
                  "on {day}, the sun was burning by nine in the morning.|{day}早上九點太陽就很毒辣了。"),
            pairs("{N} stayed in the shade all afternoon.|{N}整個下午都待在陰涼的地方。",
                  "the ice cream shops in {town} were full.|{town}的冰淇淋店都擠滿了人。")),
}
WEATHER_INTROS = pairs(
    "The weather in {town} changed almost every day last week.|上個星期，{town}的天氣幾乎每天都在變。",
    "{N} wrote down the weather in {town} for one week.|{N}記錄了{town}一個星期的天氣。",
    "Last week was a strange week for the weather in {town}.|上個星期{town}的天氣很奇怪。",
    "{N} checked the sky over {town} every morning last week.|上個星期{N}每天早上都看看{town}的天空。")
WEATHER_OUTROS = pairs(
    "on {day}, the sun came out again over {town}.|{day}，{town}的太陽又出來了。",
    "on {day}, the weather in {town} was calm and mild.|{day}{town}的天氣平穩又溫和。",
    "@the forecast for {day} was clear skies and {t} degrees.|氣象預報說{day}會是晴天，{t}度。")


def weather_doc(rng, s, length):
    """The weather day by day: the days come in their order, a kind of weather may bring its effect."""
    s.update(town=pick(rng, TOWNS), t=num(rng.randint(22, 30)), tc=num(rng.randint(5, 12)),
             th=num(rng.randint(33, 37)), mm=num(rng.choice([5, 8, 10, 12, 15, 20])))
    out = [rng.choice(WEATHER_INTROS)]
    body = length - 2
    # Each day takes one line, or two with its effect; the day after the last is the closing line.
    days, effects = [], []
    while sum(1 + e for e in effects) < body:
        left = body - sum(1 + e for e in effects)
        effects.append(1 if left >= 2 and rng.random() < 0.4 else 0)
    start = rng.randint(0, 6 - len(effects))
    kinds, last = [], None
    for _ in effects:
        kind = rng.choice([k for k in WEATHER if k != last])
        kinds.append(kind)
        last = kind
    for i, (kind, effect) in enumerate(zip(kinds, effects)):
        day = DAYS[start + i]
        en, zh = rng.choice(WEATHER[kind][0])
        if i > 0 and rng.random() < 0.25:  # "the next day" in place of the day's name
            en, zh = en.replace("on {day}", "{day}"), zh
            day = ("the next day", "隔天")
        out.append((en.replace("{day}", day[0]), zh.replace("{day}", day[1])))
        if effect:
            out.append(rng.choice(WEATHER[kind][1]))
    day = DAYS[start + len(effects)]
    en, zh = rng.choice(WEATHER_OUTROS)
    out.append((en.lstrip("@").replace("{day}", day[0]), zh.replace("{day}", day[1])))
    return out


WEATHER_TOPIC = dict(key="weather", title=("the weather of a week", "一週的天氣"))

# ---- documents ---------------------------------------------------------------------------------


def fill(template, slots, column):
    """Fills {slot}s (twice, so fillers may hold {pos} or {town}) and capitalises the first letter."""
    text = template
    for _ in range(2):
        text = text.format_map({k: v[column] for k, v in slots.items()})
    return text[0].upper() + text[1:] if column == 0 else text


def make_document(rng, topic):
    length = rng.randint(4, 8)
    (name, slots) = person(rng)
    friend, fslots = person(rng, exclude=(name,))
    s = dict(N=name, F=friend, day=pick(rng, DAYS), month=pick(rng, MONTHS), season=pick(rng, SEASONS),
             town=pick(rng, TOWNS), **slots, **{"f" + k: v for k, v in fslots.items()})
    if topic is WEATHER_TOPIC:
        lines = weather_doc(rng, s, length)
    else:
        s.update(topic["fill"](rng))
        lines = story(rng, topic, length)
    return [(fill(en, s, 0), fill(zh, s, 1)) for en, zh in lines]


def story(rng, topic, length):
    """An opening line, plot steps, causes with their effects, questions with their answers and a
    closing line, the units shuffled (see story_draw). Drawn again (from the same generator) until every cause and question fits its stages."""
    while True:
        lines = story_draw(rng, topic, length)
        if len(lines) == length:
            return lines


def story_draw(rng, topic, length):
    body = length - 2
    causes = 1 if body >= 3 and rng.random() < 0.6 else 0
    questions = 1 if body - 2 * causes >= 3 and rng.random() < 0.5 else 0
    if body - 2 * (causes + questions) >= 4 and rng.random() < 0.5:
        causes += 1
    nsteps = body - 2 * (causes + questions)
    stages = rng.sample(range(len(topic["stages"])), nsteps)
    # Units keep their inner order (a cause before its effect, a question before its answer); the
    # units themselves come in any order, the opening and closing lines among them.
    units = [[rng.choice(topic["intros"])]]
    units += [[rng.choice(topic["stages"][i])] for i in stages]

    def fits(window):
        lo, hi = window[0] if window else (0, 99)
        return any(lo <= stage <= hi for stage in stages)

    for cause, effect, *window in rng.sample(topic["causes"], causes):
        if fits(window):
            units.append([cause, effect])
    for q, a, _end, *window in rng.sample(topic["questions"], questions):
        if fits(window):
            units.append([q, a])
    units.append([rng.choice(topic["outros"])])
    rng.shuffle(units)
    lines = [(en.lstrip("@"), zh) for unit in units for en, zh in unit]
    return name_first(lines)


def name_first(lines):
    """The main person is named before any pronoun refers to them: when the first line does not
    name them, its first {p} becomes {N} (in both languages)."""
    en, zh = lines[0]
    if "{N}" not in en:
        en = en.replace("{p}", "{N}", 1)
    if "{N}" not in zh:
        zh = zh.replace("{p}", "{N}", 1)
    return [(en, zh)] + lines[1:]


EN_LINE = re.compile(r"^[A-Z][A-Za-z0-9]*( [A-Za-z0-9]+|[,.?!])*[.?!]$")
ZH_LINE = re.compile(r"^[\u4e00-\u9fff，。？！、]+$")


def main():
    rng = random.Random(SEED)
    topics = TOPICS + [WEATHER_TOPIC]
    order = [topics[i % len(topics)] for i in range(DOCUMENTS)]
    rng.shuffle(order)
    docs = [make_document(rng, topic) for topic in order]
    for doc in docs:
        assert 4 <= len(doc) <= 8
        for en, zh in doc:
            # The word tokenizer round-trips both files exactly; no sentence runs long.
            assert EN_LINE.match(en) and len(en.split()) <= 40, en
            assert ZH_LINE.match(zh) and len(zh) <= 60, zh
    here = os.path.dirname(os.path.abspath(__file__))
    for name, column in (("documents_en.txt", 0), ("documents_zh_TW.txt", 1)):
        with open(os.path.join(here, name), "w", encoding="utf-8", newline="\n") as f:
            f.write("\n\n".join("\n".join(pair[column] for pair in doc) for doc in docs) + "\n")


if __name__ == "__main__":
    main()
