"""Named-entity sentences for generate_datasets.py: tokens with BIO tags for PER, LOC, ORG and
DATE, in English (word tokens, each one that WordTokenizer::splitWords gives back whole) and
Traditional Chinese (one character a token, as BERT splits Chinese). Some names are people in
one sentence and places in another (Jordan, Florence, Victoria; 嘉義), and organisations contain
places ("University of Lisbon", 台南市政府), so the context decides the tag."""

# ---- English ------------------------------------------------------------------------------------

AMBIGUOUS_EN = ["Jordan", "Florence", "Georgia", "Victoria", "Austin", "Sydney", "Chelsea", "Madison",
                "Charlotte", "Adelaide"]
EN_FIRST = ["Anna", "Ben", "Mei", "Omar", "Lucas", "Priya", "Kenji", "Sofia", "Daniel", "Amara", "Hiro", "Elena",
            "Marcus", "Leila", "Tomas", "Yuki", "Grace", "Ivan", "Nadia", "Samuel", "Chloe", "Ahmed", "Rosa", "Felix",
            "Ingrid", "Mateo", "Hana", "Victor", "Zara", "Oliver", "Wei", "Aisha", "Pablo", "Esther", "Kofi", "Lena"] \
    + AMBIGUOUS_EN
EN_LAST = ["Chen", "Garcia", "Okafor", "Novak", "Tanaka", "Mueller", "Rossi", "Kowalski", "Haddad", "Lindqvist",
           "Moreau", "Patel", "Silva", "Nakamura", "Brennan", "Olsen", "Kim", "Lin", "Huang", "Fischer", "Dubois",
           "Costa", "Ward", "Hughes", "Singh", "Mensah", "Park", "Ortiz"]
EN_TITLES = ["Mr", "Ms", "Dr", "Professor", "Judge", "Captain"]
EN_CITIES = ["London", "Paris", "Tokyo", "Taipei", "New York", "Berlin", "Toronto", "Seoul", "Madrid", "Rome",
             "Chicago", "Boston", "Kaohsiung", "Osaka", "Lisbon", "Dublin", "Vienna", "Cairo", "Mumbai", "Nairobi",
             "Lima", "Hanoi", "Oslo", "Cape Town", "Buenos Aires", "San Francisco", "Rio de Janeiro", "Hong Kong",
             "Kuala Lumpur", "Tainan", "Hualien", "Accra"]
EN_COUNTRIES = ["Japan", "Brazil", "Canada", "Kenya", "Norway", "Vietnam", "Portugal", "Egypt", "Taiwan",
                "South Korea", "New Zealand", "Peru", "Ghana", "Iceland", "Mexico", "Chile"]
EN_PLACES_AMBIG = AMBIGUOUS_EN  # all ten are also places (a country, US states, cities)
EN_ORGS = ["Northwind Bank", "Bluebird Airlines", "Orion Labs", "Greenleaf Foods", "Silverline Motors",
           "Crescent Health", "Maple Street Bakery", "Redwood Software", "Summit Insurance", "Atlas Shipping",
           "Lumen Energy", "Kestrel Books", "Polaris Telecom", "Riverside Hospital", "Cedar Hill School",
           "Red Cross", "United Nations", "World Health Organization", "Harbor Times", "Sunrise Credit Union",
           "Blue Heron Theatre", "Ironwood Mining", "Copper Kettle Cafe", "Evergreen Trust"]
EN_ORG_PATTERNS = ["University of {}", "{} University", "{} City Council", "{} Symphony Orchestra",
                   "{} Football Club", "Bank of {}", "{} Public Library"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

EN_TEMPLATES = [
    "{PER} moved to {LOC} in {DATE_IN} .", "{PER} works for {ORG} in {LOC} .",
    "{ORG} opened a new office in {LOC} on {DATE_ON} .", "On {DATE_ON} , {PER} visited {LOC} with {PER} .",
    "{PER} , a spokesperson for {ORG} , said the plan would start in {DATE_IN} .",
    "The mayor of {CITY} met {PER} on {DATE_ON} .", "{PER} joined {ORG} after leaving {ORG} .",
    "Flights from {LOC} to {LOC} were cancelled on {DATE_ON} .", "{PER} was born in {LOC} .",
    "{ORG} hired {PER} as its new director .", "Shares of {ORG} rose sharply on {DATE_ON} .",
    "We met {PER} at the station in {CITY} .", "{PER} and {PER} are opening a bakery in {CITY} .",
    "According to {ORG} , the bridge in {CITY} will stay closed until {DATE} .",
    "{PER} thanked the staff of {ORG} .", "The concert in {CITY} was organised by {ORG} .",
    "Did {PER} call you from {LOC} ?", "{PER} studied at {ORG} before moving to {LOC} .",
    "{PER} will fly to {LOC} next week to meet {PER} .", "The new bridge between {CITY} and {CITY} opens on {DATE_ON} .",
    "{ORG} and {ORG} signed a deal in {LOC} .", "{PER} has lived in {LOC} since {DATE} .",
    "I sent the report to {PER} at {ORG} .", "{PER} gave a talk about rivers at {ORG} on {DATE_ON} .",
    "Tickets for the festival in {CITY} go on sale on {DATE_ON} .",
    "{PER} told reporters in {LOC} that {ORG} would keep growing .", "My cousin {PER} teaches music in {CITY} .",
    "{PER} is the new coach at {ORG} .", "Heavy snow closed the roads around {LOC} on {DATE_ON} .",
    "{ORG} delayed its launch until {DATE} .", "Last year {PER} walked from {CITY} to {CITY} .",
    "Ask {PER} whether {ORG} still needs volunteers .", "{PER} left {LOC} for {LOC} in {DATE_IN} .",
    "In {DATE_IN} , {ORG} moved its headquarters to {CITY} .", "{PER} and I had lunch in {CITY} on {DATE_ON} .",
    "The letter from {PER} arrived on {DATE_ON} .", "{PER} , who grew up in {LOC} , now works at {ORG} .",
    "Why did {ORG} close its shop in {CITY} ?", "{PER} met {PER} in {LOC} .",
    "A storm hit {LOC} on {DATE_ON} and {ORG} sent help .",
]
EN_PLAIN_SUBJECTS = ["The children", "My neighbour", "The old teacher", "Our team", "The driver", "Grandma",
                     "The new intern", "Everyone", "The farmer", "My brother", "The cook", "Nobody"]
EN_PLAIN_VERBS = ["fixed the fence", "missed the bus", "planted tomatoes", "painted the door blue",
                  "found a wallet", "baked two loaves of bread", "forgot the keys", "watched the rain",
                  "cleaned the kitchen", "wrote a long letter", "fed the cats", "sang all the way home"]
EN_PLAIN_TIMES = ["yesterday", "this morning", "last night", "after lunch", "before dinner", "again", "at dawn",
                  "on the way home"]


def _en_date(rng, kind):
    month, day, year = rng.choice(EN_MONTHS), str(rng.randint(1, 28)), str(rng.randint(1990, 2024))
    on = [[rng.choice(EN_WEEKDAYS)], [day, month], [month, day], [day, month, year]]
    within = [[month], [month, year], [year]]
    pool = on if kind == "on" else within if kind == "in" else on + within
    return rng.choice(pool)


def _en_person(rng):
    r = rng.random()
    if r < 0.35:
        return [rng.choice(EN_FIRST)], []
    if r < 0.85:
        return [rng.choice(EN_FIRST), rng.choice(EN_LAST)], []
    return [rng.choice(EN_LAST)], [rng.choice(EN_TITLES)]  # title stays O


def _en_entity(rng, slot):
    """(entity tokens, type, tokens before it tagged O)."""
    if slot == "PER":
        words, before = _en_person(rng)
        return words, "PER", before
    if slot == "CITY":
        return rng.choice(EN_CITIES + EN_PLACES_AMBIG[3:]).split(), "LOC", []
    if slot == "LOC":
        pool = rng.choice([EN_CITIES, EN_COUNTRIES, EN_PLACES_AMBIG])
        return rng.choice(pool).split(), "LOC", []
    if slot == "ORG":
        if rng.random() < 0.35:
            return rng.choice(EN_ORG_PATTERNS).format(rng.choice(EN_CITIES + EN_PLACES_AMBIG[3:])).split(), "ORG", []
        return rng.choice(EN_ORGS).split(), "ORG", []
    kind = {"DATE_ON": "on", "DATE_IN": "in"}.get(slot, "any")
    return _en_date(rng, kind), "DATE", []


def english(rng):
    if rng.random() < 0.06:
        words = (rng.choice(EN_PLAIN_SUBJECTS) + " " + rng.choice(EN_PLAIN_VERBS) + " " +
                 rng.choice(EN_PLAIN_TIMES) + " .").split()
        return words, ["O"] * len(words)
    tokens, tags = [], []
    for piece in rng.choice(EN_TEMPLATES).split():
        if piece.startswith("{") and piece.endswith("}"):
            words, kind, before = _en_entity(rng, piece[1:-1])
            tokens += before + words
            tags += ["O"] * len(before) + ["B-" + kind] + ["I-" + kind] * (len(words) - 1)
        else:
            tokens.append(piece)
            tags.append("O")
    return tokens, tags


# ---- Traditional Chinese ------------------------------------------------------------------------

ZH_SURNAMES = "陳林黃張李王吳劉蔡楊許鄭謝郭洪曾邱廖賴周徐蘇葉莊呂江何蕭羅高"
ZH_GIVEN = ["志明", "淑芬", "雅婷", "家豪", "冠宇", "怡君", "宗翰", "佩珊", "俊傑", "美玲", "建宏", "詩涵", "承恩",
            "欣怡", "柏翰", "宜蓁", "子晴", "品妤", "彥廷", "嘉玲", "俊宏", "思妤", "哲瑋", "依婷", "嘉義", "偉",
            "玲", "強", "芳", "文華", "麗華"]
ZH_FOREIGN = ["安娜", "馬克", "莎拉", "大衛", "艾瑪", "湯姆", "奧瑪", "佐藤", "金敏", "瑪麗亞"]
ZH_TW_CITIES = ["台北", "台中", "台南", "高雄", "新竹", "花蓮", "宜蘭", "基隆", "嘉義", "屏東", "台東", "桃園",
                "彰化", "南投", "苗栗", "雲林", "澎湖", "金門"]
ZH_WORLD_CITIES = ["東京", "大阪", "京都", "首爾", "香港", "新加坡", "倫敦", "巴黎", "紐約", "柏林", "曼谷",
                   "河內", "雪梨", "溫哥華"]
ZH_SIGHTS = ["淡水", "九份", "墾丁", "日月潭", "阿里山", "太魯閣", "綠島", "合歡山"]
ZH_COUNTRIES = ["日本", "韓國", "越南", "美國", "加拿大", "法國", "德國", "泰國", "澳洲", "紐西蘭", "巴西", "肯亞"]
ZH_ORGS = ["晨光科技", "海風銀行", "綠野出版社", "山嵐醫院", "星河電子", "青松基金會", "藍鵲航空", "遠帆貨運",
           "白鷺食品", "北辰保險", "楓林建設", "潮聲日報", "雲杉軟體", "朝陽合作社", "紅樹林書店", "長橋物流"]
ZH_ORG_PATTERNS = ["{}大學", "{}市政府", "{}地方法院", "{}交響樂團", "{}高中", "{}圖書館", "{}棒球隊"]
ZH_DIGITS = "〇一二三四五六七八九"

ZH_TEMPLATES = [
    "{PER}在{DATE}搬到了{LOC}。", "{PER}在{CITY}的{ORG}工作。", "{ORG}於{DATE}在{CITY}設立新的辦公室。",
    "{DATE}，{PER}和{PER}一起去{LOC}旅行。", "{ORG}發言人{PER}表示，計畫將在{DATE}開始。",
    "{TWCITY}市長在{DATE}接見了{PER}。", "{PER}離開{ORG}之後加入了{ORG}。", "{DATE}從{LOC}飛往{LOC}的班機全部取消。",
    "{PER}出生於{LOC}。", "{ORG}聘請{PER}擔任新任主任。", "{DATE}{ORG}的股價大漲。", "我們在{CITY}車站見到了{PER}。",
    "{PER}和{PER}打算在{CITY}開一家麵包店。", "根據{ORG}的說法，{CITY}的那座橋會封閉到{DATE}。",
    "{PER}感謝{ORG}的所有員工。", "{CITY}的音樂會是由{ORG}主辦的。", "{PER}有從{LOC}打電話給你嗎？",
    "{PER}在{ORG}念書，後來搬到{LOC}。", "{PER}下週要飛去{LOC}跟{PER}見面。", "連接{TWCITY}和{TWCITY}的新橋將在{DATE}通車。",
    "{ORG}和{ORG}在{LOC}簽了合作協議。", "{PER}從{DATE}起就住在{LOC}。", "我把報告寄給了{ORG}的{PER}。",
    "{PER}在{DATE}到{ORG}演講。", "{CITY}音樂節的門票在{DATE}開賣。", "{PER}在{LOC}告訴記者，{ORG}會繼續擴大。",
    "我表哥{PER}在{CITY}教音樂。", "{PER}是{ORG}的新教練。", "{DATE}的大雪讓{LOC}附近的道路封閉。",
    "{ORG}把發表會延到{DATE}。", "去年{PER}從{CITY}走路到{CITY}。", "問問{PER}，{ORG}還需不需要志工。",
    "{PER}在{DATE}離開{LOC}前往{LOC}。", "{DATE}，{ORG}把總部搬到{CITY}。", "{PER}和我{DATE}在{CITY}吃午餐。",
    "{PER}寄來的信在{DATE}送到了。", "在{LOC}長大的{PER}現在在{ORG}上班。", "{ORG}為什麼關掉了{CITY}的分店？",
    "{PER}在{LOC}遇見了{PER}。", "{DATE}颱風侵襲{LOC}，{ORG}派人前往支援。", "{PER}老師帶學生去{SIGHT}看日出。",
    "{PER}說{SIGHT}的風景比{SIGHT}還美。",
]
ZH_PLAIN_SUBJECTS = ["孩子們", "我的鄰居", "那位老師", "我們的團隊", "司機", "奶奶", "新來的實習生", "大家", "農夫",
                     "我哥哥", "廚師", "沒有人"]
ZH_PLAIN_TIMES = ["昨天", "今天早上", "昨晚", "午餐後", "晚餐前", "又", "天一亮就", "回家的路上"]
ZH_PLAIN_VERBS = ["修好了籬笆", "錯過了公車", "種了番茄", "把門漆成藍色", "撿到一個錢包", "烤了兩條麵包",
                  "忘了帶鑰匙", "看著窗外的雨", "打掃了廚房", "寫了一封長信", "餵了貓", "一路唱歌回家"]


def _zh_number(n):
    if n <= 10:
        return "〇一二三四五六七八九十"[n]
    if n < 20:
        return "十" + "〇一二三四五六七八九"[n - 10]
    tens, ones = divmod(n, 10)
    return "〇一二三四五六七八九"[tens] + "十" + ("" if ones == 0 else "〇一二三四五六七八九"[ones])


def _zh_date(rng):
    month, day = _zh_number(rng.randint(1, 12)), _zh_number(rng.randint(1, 31))
    year = "".join(ZH_DIGITS[int(c)] for c in str(rng.randint(1990, 2024)))
    return rng.choice([month + "月" + day + "日", year + "年", year + "年" + month + "月",
                       "星期" + rng.choice("一二三四五六日"), month + "月", year + "年" + month + "月" + day + "日",
                       month + "月" + day + "號", "禮拜" + rng.choice("一二三四五六天")])


def _zh_entity(rng, slot):
    if slot == "PER":
        r = rng.random()
        if r < 0.8:
            return rng.choice(ZH_SURNAMES) + rng.choice(ZH_GIVEN), "PER"
        return rng.choice(ZH_FOREIGN), "PER"
    if slot == "TWCITY":
        return rng.choice(ZH_TW_CITIES), "LOC"
    if slot == "CITY":
        return rng.choice(ZH_TW_CITIES + ZH_WORLD_CITIES), "LOC"
    if slot == "SIGHT":
        return rng.choice(ZH_SIGHTS), "LOC"
    if slot == "LOC":
        return rng.choice(rng.choice([ZH_TW_CITIES, ZH_WORLD_CITIES, ZH_SIGHTS, ZH_COUNTRIES])), "LOC"
    if slot == "ORG":
        if rng.random() < 0.35:
            return rng.choice(ZH_ORG_PATTERNS).format(rng.choice(ZH_TW_CITIES)), "ORG"
        return rng.choice(ZH_ORGS), "ORG"
    return _zh_date(rng), "DATE"


def chinese(rng):
    if rng.random() < 0.06:
        text = rng.choice(ZH_PLAIN_SUBJECTS) + rng.choice(ZH_PLAIN_TIMES) + rng.choice(ZH_PLAIN_VERBS) + "。"
        return list(text), ["O"] * len(text)
    tokens, tags = [], []
    template = rng.choice(ZH_TEMPLATES)
    i = 0
    while i < len(template):
        if template[i] == "{":
            j = template.index("}", i)
            text, kind = _zh_entity(rng, template[i + 1:j])
            tokens += list(text)
            tags += ["B-" + kind] + ["I-" + kind] * (len(text) - 1)
            i = j + 1
        else:
            tokens.append(template[i])
            tags.append("O")
            i += 1
    return tokens, tags
