"""Retrieval sentences for generate_datasets.py: short statements of everyday facts (who moved
where, when a place opens, how long a journey takes, ...), each written three ways: the corpus
sentence, a "near" paraphrase that reorders the same words (TF-IDF should find it), and a "far"
paraphrase with synonyms and a new structure (little word overlap, so a model must know that a
bike is a bicycle). Many corpus sentences share all but one detail with others, so a query must
be matched on every detail. Each family returns (key, doc, near, far); the key makes docs unique."""

# ---- English ------------------------------------------------------------------------------------

EN_NAMES = ["Lena", "Omar", "Priya", "Kenji", "Sofia", "Daniel", "Amara", "Marcus", "Leila", "Tomas", "Yuki",
            "Grace", "Ivan", "Nadia", "Samuel", "Chloe"]
EN_CITIES = ["Lisbon", "Taipei", "Oslo", "Toronto", "Kyoto", "Dublin", "Hanoi", "Vienna", "Lima", "Nairobi"]
EN_DAYS = [("on Monday", "at the start of the week"), ("on Tuesday", "last Tuesday"), ("on Friday", "at the end of the week"),
           ("on Sunday", "over the weekend")]


def en_anchor(rng):
    """What sibling docs share: a person, a city, two cities for a journey, a colour."""
    return {"name": rng.choice(EN_NAMES), "city": rng.choice(EN_CITIES), "pair": rng.sample(EN_CITIES, 2),
            "colour": rng.choice(["red", "blue", "green", "black", "white", "yellow", "grey"])}


def _c(s):
    return s[0].upper() + s[1:]


def _pick(rng, items):
    v = rng.choice(items)
    return v if isinstance(v, tuple) else (v, v)


def en_move(rng, anchor):
    p, c = anchor["name"], anchor["city"]
    a, b = _pick(rng, [("study architecture", "learn how buildings are designed"),
                       ("study medicine", "train as a doctor"), ("open a bakery", "start a bread shop"),
                       ("learn Japanese", "pick up the language of Japan"),
                       ("look after their grandmother", "care for an elderly grandparent"),
                       ("join a jazz band", "play in a jazz group"), ("teach English", "give English lessons"),
                       ("write a novel", "work on a book"), ("work at a hospital", "take a job in a clinic")])
    return (("move", p, c, a), f"{p} moved to {c} to {a}.", f"To {a}, {p} moved to {c}.",
            f"{p} relocated to {c} in order to {b}.")


def en_hours(rng, anchor):
    place = _pick(rng, [("city library", "town library"), ("science museum", "museum of science"),
                        ("swimming pool", "public baths"), ("post office", "mail counter"),
                        ("farmers market", "produce market"), ("art gallery", "gallery of paintings"),
                        ("night market", "evening street market"), ("bakery on Elm Street", "Elm Street bakery"),
                        ("ticket office at the station", "station booking counter")])
    days = _pick(rng, [("on weekdays", "from Monday to Friday"), ("on Sundays", "every Sunday"),
                       ("on Saturdays", "each Saturday"), ("during the summer", "in the summer months"),
                       ("on public holidays", "on national holidays")])
    time = _pick(rng, [("at nine in the morning", "at 9 a.m."), ("at seven", "at 7 o'clock"),
                       ("at noon", "at midday"), ("at half past eight", "at 8:30"), ("at ten", "at 10 o'clock"),
                       ("at six in the evening", "at 6 p.m.")])
    verb = _pick(rng, [("opens", "lets the first visitors in"), ("closes", "shuts its doors")])
    far = _c(f"{days[1]}, the {place[1]} {verb[1]} {time[1]}.").replace("..", ".")
    return (("hours", place[0], days[0], time[0], verb[0]), f"The {place[0]} {verb[0]} {time[0]} {days[0]}.",
            _c(f"{days[0]}, the {place[0]} {verb[0]} {time[0]}."), far)


def en_travel(rng, anchor):
    a, b = anchor["pair"]
    mode = _pick(rng, [("train", "by rail"), ("bus", "by coach"), ("ferry", "by boat"), ("flight", "by plane")])
    dur = _pick(rng, [("two hours", "120 minutes"), ("about three hours", "roughly three hours"),
                      ("forty minutes", "well under an hour"), ("half a day", "around twelve hours"),
                      ("an hour and a half", "ninety minutes"), ("nearly five hours", "almost five hours")])
    return (("travel", a, b, mode[0], dur[0]), f"The {mode[0]} from {a} to {b} takes {dur[0]}.",
            f"From {a} to {b}, the {mode[0]} takes {dur[0]}.", f"Getting from {a} to {b} {mode[1]} lasts {dur[1]}.")


def en_bought(rng, anchor):
    p = anchor["name"]
    item = _pick(rng, [("bicycle", "bike"), ("sofa", "couch"), ("car", "automobile"), ("laptop", "notebook computer"),
                       ("coat", "jacket"), ("television", "TV"), ("refrigerator", "fridge"),
                       ("mobile phone", "cell phone"), ("kettle", "electric water boiler")])
    colour = anchor["colour"]
    when = _pick(rng, [("last week", "seven days ago"), ("yesterday", "the day before today"),
                       ("on Monday", "at the start of this week"), ("last month", "a month ago")])
    return (("bought", p, item[0], colour, when[0]), f"{p} bought a {colour} {item[0]} {when[0]}.",
            _c(f"{when[0]}, {p} bought a {colour} {item[0]}."), _c(f"{when[1]}, {p} purchased a {colour} {item[1]}."))


def en_recipe(rng, anchor):
    food = _pick(rng, [("noodles", "strands of spaghetti"), ("dumplings", "pot stickers"), ("potatoes", "spuds"),
                       ("carrots", "sliced carrots"), ("mushrooms", "button mushrooms")])
    method = _pick(rng, [("boil", "cook them in bubbling water"), ("fry", "cook them in hot oil"),
                         ("steam", "cook them over steam"), ("bake", "put them in the oven")])
    minutes = _pick(rng, [("five minutes", "5 min"), ("ten minutes", "about 10 min"), ("three minutes", "180 seconds"),
                          ("twenty minutes", "a third of an hour"), ("eight minutes", "8 min")])
    then = _pick(rng, [("before adding the sauce", "then pour in the sauce"),
                       ("before adding salt", "then season with salt"),
                       ("and then drain them", "then pour off the liquid"),
                       ("before serving", "then put them on plates")])
    return (("recipe", food[0], method[0], minutes[0], then[0]),
            f"{_c(method[0])} the {food[0]} for {minutes[0]} {then[0]}.",
            f"For {minutes[0]}, {method[0]} the {food[0]} {then[0]}.",
            f"Take the {food[1]} and {method[1]} for {minutes[1]}, {then[1]}.")


def en_lost(rng, anchor):
    p = anchor["name"]
    obj = _pick(rng, [("keys", "bunch of keys"), ("wallet", "purse"), ("umbrella", "brolly"),
                      ("phone", "mobile"), ("passport", "travel document"), ("headphones", "earbuds")])
    place = _pick(rng, [("at the train station", "at the railway terminal"), ("on the bus", "aboard a coach"),
                        ("in the park", "in the public garden"), ("at the cinema", "at the movie theatre"),
                        ("at the airport", "in the departure hall"), ("in a taxi", "in a cab")])
    return (("lost", p, obj[0], place[0]), f"{p} lost their {obj[0]} {place[0]}.",
            _c(f"{place[0]}, {p} lost their {obj[0]}."), f"{p} left their {obj[1]} behind {place[1]}.")


def en_job(rng, anchor):
    p, c = anchor["name"], anchor["city"]
    job = rng.choice([("doctor", "a hospital", "physician", "a medical centre"),
                      ("teacher", "a primary school", "schoolteacher", "an elementary school"),
                      ("reporter", "a newspaper", "journalist", "a daily paper"),
                      ("cook", "a small hotel", "chef", "a little inn"),
                      ("pilot", "an airline", "aircraft captain", "a flight operator"),
                      ("mechanic", "a garage", "car repairer", "a vehicle workshop"),
                      ("shop assistant", "a department store", "salesperson", "a big retail shop"),
                      ("lawyer", "a law firm", "attorney", "a legal practice")])
    return (("job", p, c, job[0]), f"{p} works as a {job[0]} at {job[1]} in {c}.",
            f"In {c}, {p} works at {job[1]} as a {job[0]}.", f"{p} is employed by {job[3]} in {c} as its {job[2]}.")


def en_storm(rng, anchor):
    c, day = anchor["city"], _pick(rng, EN_DAYS)
    event = _pick(rng, [("heavy rain", "a downpour"), ("a strong wind", "a gale"), ("thick fog", "a dense mist"),
                        ("deep snow", "a heavy snowfall"), ("a small earthquake", "a minor tremor")])
    effect = _pick(rng, [("closed several roads", "shut a number of streets"),
                         ("delayed the trains", "held up the railway"), ("cancelled the flights", "grounded the planes"),
                         ("knocked out the power", "caused a blackout"), ("closed the schools", "kept pupils at home")])
    return (("storm", c, day[0], event[0], effect[0]), _c(f"{event[0]} {effect[0]} in {c} {day[0]}."),
            _c(f"{day[0]}, {event[0]} {effect[0]} in {c}."), f"In {c} {day[1]}, {event[1]} {effect[1]}.")


def en_pet(rng, anchor):
    p = anchor["name"]
    animal = _pick(rng, [("cat", "kitten"), ("dog", "puppy"), ("parrot", "bird"), ("rabbit", "bunny"),
                         ("tortoise", "turtle")])
    habit = _pick(rng, [("sleeps on the windowsill all afternoon", "naps by the window until evening"),
                        ("waits by the door every evening", "sits at the entrance each night"),
                        ("hides under the bed during storms", "takes cover beneath the bed when it thunders"),
                        ("follows them around the garden", "trails behind its owner in the yard"),
                        ("eats carrots every morning", "has carrots for breakfast daily"),
                        ("chews their slippers", "gnaws on their house shoes")])
    return (("pet", p, animal[0], habit[0]), f"{p}'s {animal[0]} {habit[0]}.",
            f"The {animal[0]} that belongs to {p} {habit[0]}.", f"{p} owns a {animal[1]} that {habit[1]}.")


def en_price(rng, anchor):
    shop = _pick(rng, [("bakery on Elm Street", "Elm Street bakery"), ("cafe near the station", "coffee shop by the station"),
                       ("corner shop", "little store on the corner"), ("bookshop downtown", "downtown bookstore"),
                       ("market stall by the river", "riverside market stand")])
    item = _pick(rng, [("bread", "loaves"), ("coffee", "espresso drinks"), ("milk", "dairy"),
                       ("newspapers", "daily papers"), ("fruit", "apples and pears"), ("eggs", "a dozen eggs")])
    change = rng.choice([("raised the price of", "now charges more for"), ("lowered the price of", "now charges less for"),
                         ("stopped selling", "no longer sells")])
    return (("price", shop[0], item[0], change[0]), f"The {shop[0]} {change[0]} {item[0]}.",
            f"At the {shop[0]}, the owners {change[0]} {item[0]}.", f"The {shop[1]} {change[1]} {item[1]}.")


def en_learn(rng, anchor):
    p = anchor["name"]
    skill = _pick(rng, [("the piano", "piano"), ("the violin", "violin"), ("Spanish", "Spanish"),
                        ("to swim", "swimming"), ("to paint", "painting"), ("chess", "chess"), ("to cook", "cooking"),
                        ("the guitar", "guitar")])
    years = _pick(rng, [("for three years", "since three years ago"), ("for two months", "for eight weeks"),
                        ("for half a year", "for six months"), ("for a decade", "for ten years"),
                        ("for five years", "for half a decade")])
    return (("learn", p, skill[0], years[0]), f"{p} has been learning {skill[0]} {years[0]}.",
            _c(f"{years[0]}, {p} has been learning {skill[0]}."), f"{p} has taken {skill[1]} lessons {years[1]}.")


def en_meeting(rng, anchor):
    group = _pick(rng, [("team meeting", "staff get-together"), ("book club", "reading group"),
                        ("parents' evening", "school night for mums and dads"), ("choir practice", "singing rehearsal"),
                        ("board meeting", "directors' session"), ("yoga class", "yoga session"),
                        ("football training", "soccer practice")])
    day = _pick(rng, [("Thursday afternoon", "Thursday after lunch"), ("next Monday", "the coming Monday"),
                      ("Friday evening", "Friday night"), ("the first of June", "June 1"),
                      ("tomorrow morning", "early tomorrow")])
    reason = _pick(rng, [("because the room was booked", "since the hall was taken"),
                         ("because the coach was ill", "as the trainer was sick"),
                         ("because of the holiday", "due to the public holiday"),
                         ("because of the rain", "owing to the bad weather")])
    return (("meeting", group[0], day[0], reason[0]), f"The {group[0]} was moved to {day[0]} {reason[0]}.",
            _c(f"{reason[0]}, the {group[0]} was moved to {day[0]}."),
            _c(f"{reason[1]}, the {group[1]} has been rescheduled for {day[1]}."))


ENGLISH = [en_move, en_hours, en_travel, en_bought, en_recipe, en_lost, en_job, en_storm, en_pet, en_price,
           en_learn, en_meeting]

# ---- Traditional Chinese ------------------------------------------------------------------------

ZH_NAMES = ["陳怡君", "林志明", "黃雅婷", "張家豪", "李冠宇", "王淑芬", "吳宗翰", "劉佩珊", "蔡俊傑", "楊美玲",
            "許建宏", "鄭詩涵"]
ZH_CITIES = ["台北", "高雄", "台中", "台南", "花蓮", "宜蘭", "新竹", "嘉義", "東京", "首爾", "京都", "曼谷"]
ZH_DAYS = [("星期一", "週一"), ("星期二", "禮拜二"), ("星期五", "週五"), ("星期天", "禮拜日")]


def zh_anchor(rng):
    return {"name": rng.choice(ZH_NAMES), "city": rng.choice(ZH_CITIES), "pair": rng.sample(ZH_CITIES[:8], 2),
            "colour": rng.choice(["紅色", "藍色", "綠色", "黑色", "白色", "黃色", "灰色"])}


def zh_move(rng, anchor):
    p, c = anchor["name"], anchor["city"]
    a, b = _pick(rng, [("念建築", "學怎麼設計房子"), ("讀醫學院", "將來替病人看診"), ("開麵包店", "經營一間烘焙坊"),
                       ("學日文", "上語言班練五十音"), ("照顧奶奶", "陪伴年邁的祖母"), ("加入爵士樂團", "跟一群樂手玩搖擺樂"),
                       ("教英文", "在補習班帶美語課"), ("寫小說", "專心創作長篇故事"), ("在醫院工作", "到診所上班")])
    return (("move", p, c, a), f"{p}搬到{c}去{a}。", f"為了{a}，{p}搬到了{c}。", f"{p}遷居{c}，目的是{b}。")


def zh_hours(rng, anchor):
    place = _pick(rng, [("市立圖書館", "公立藏書處"), ("科學博物館", "科博館"), ("游泳池", "公共泳池"), ("郵局", "郵政分局"),
                        ("傳統市場", "菜市場"), ("美術館", "藝術展覽館"), ("夜市", "晚上的市集"),
                        ("轉角的麵包店", "街角那家烘焙坊"), ("車站的售票處", "火車站賣票的窗口")])
    days = _pick(rng, [("平日", "星期一到星期五"), ("星期天", "每個禮拜日"), ("星期六", "每週六"),
                       ("暑假期間", "夏天放假的時候"), ("國定假日", "連假期間")])
    time = _pick(rng, [("早上九點", "上午9點"), ("晚上七點", "19點"), ("中午十二點", "正午"), ("八點半", "八點三十分"),
                       ("十點", "10點整"), ("傍晚六點", "下午6點")])
    verb = _pick(rng, [("開門", "開始營業"), ("關門", "結束營業")])
    return (("hours", place[0], days[0], time[0], verb[0]), f"{place[0]}{days[0]}{time[0]}{verb[0]}。",
            f"{days[0]}的時候，{place[0]}{time[0]}{verb[0]}。", f"{days[1]}，{place[1]}在{time[1]}{verb[1]}。")


def zh_travel(rng, anchor):
    a, b = anchor["pair"]
    mode = _pick(rng, [("搭火車", "坐鐵路"), ("搭客運", "坐巴士"), ("搭高鐵", "坐高速鐵路"), ("開車", "自己駕車")])
    dur = _pick(rng, [("大約兩個小時", "差不多兩個鐘頭"), ("三個小時左右", "約莫三小時"), ("四十分鐘", "不到一小時"),
                      ("一個半小時", "九十分鐘"), ("將近五個小時", "快要五小時")])
    return (("travel", a, b, mode[0], dur[0]), f"從{a}{mode[0]}到{b}要{dur[0]}。", f"{mode[0]}從{a}到{b}，要{dur[0]}。",
            f"{a}到{b}之間{mode[1]}，需要{dur[1]}。")


def zh_bought(rng, anchor):
    p = anchor["name"]
    mw, item, syn = rng.choice([("輛", "腳踏車", "自行車"), ("張", "沙發", "布面長沙發"), ("輛", "汽車", "轎車"),
                                ("台", "筆電", "可攜式電腦"), ("件", "外套", "夾克"), ("台", "電視", "液晶螢幕"),
                                ("台", "冰箱", "冷藏櫃"), ("支", "手機", "行動電話"), ("雙", "球鞋", "運動鞋")])
    colour = anchor["colour"]
    when = _pick(rng, [("上週", "上個禮拜"), ("昨天", "前一天"), ("星期一", "這週一"), ("上個月", "一個月前")])
    return (("bought", p, item, colour, when[0]), f"{p}{when[0]}買了一{mw}{colour}的{item}。",
            f"{when[0]}，{p}買了一{mw}{colour}的{item}。", f"{when[1]}{p}購入了一{mw}{colour}{syn}。")


def zh_recipe(rng, anchor):
    food = _pick(rng, [("麵條", "麵"), ("水餃", "餃子"), ("馬鈴薯", "洋芋"), ("青菜", "蔬菜"), ("香菇", "蕈菇")])
    method = _pick(rng, [("煮", "放進滾水裡煮"), ("煎", "用熱油煎"), ("蒸", "放進蒸籠蒸"), ("烤", "放進烤箱烤")])
    minutes = _pick(rng, [("五分鐘", "五分鐘左右"), ("十分鐘", "十來分鐘"), ("三分鐘", "一百八十秒"),
                          ("二十分鐘", "三分之一小時"), ("八分鐘", "八分鐘上下")])
    then = _pick(rng, [("再加入醬汁", "然後倒入醬料"), ("再撒一點鹽", "接著用鹽調味"), ("再把水瀝乾", "之後把湯汁倒掉"),
                       ("再盛盤", "然後裝到盤子上")])
    return (("recipe", food[0], method[0], minutes[0], then[0]), f"先把{food[0]}{method[0]}{minutes[0]}，{then[0]}。",
            f"把{food[0]}{method[0]}{minutes[0]}之後，{then[0]}。", f"{food[1]}{method[1]}{minutes[1]}，{then[1]}。")


def zh_lost(rng, anchor):
    p = anchor["name"]
    obj = _pick(rng, [("鑰匙", "一串鑰匙"), ("錢包", "皮夾"), ("雨傘", "擋雨的用具"), ("手機", "行動電話"), ("護照", "旅行證件"),
                      ("耳機", "無線聽筒")])
    place = _pick(rng, [("火車站", "鐵路車站"), ("公車上", "巴士上"), ("公園", "公共綠地"), ("電影院", "戲院"),
                        ("機場", "航廈"), ("計程車上", "小黃上")])
    return (("lost", p, obj[0], place[0]), f"{p}在{place[0]}弄丟了{obj[0]}。", f"{p}的{obj[0]}在{place[0]}弄丟了。",
            f"{p}把{obj[1]}遺落在{place[1]}。")


def zh_job(rng, anchor):
    p, c = anchor["name"], anchor["city"]
    wp, job, wp2, job2 = rng.choice([("醫院", "醫生", "療養中心", "主治大夫"), ("小學", "老師", "國小", "教師"),
                                     ("報社", "記者", "新聞媒體", "採訪人員"), ("餐廳", "廚師", "飯館", "掌杓的人"),
                                     ("航空公司", "機師", "航空業者", "飛行員"), ("修車廠", "技師", "汽車維修中心", "修車師傅"),
                                     ("百貨公司", "店員", "購物中心", "銷售專員"), ("律師事務所", "律師", "法律事務所", "法律顧問")])
    return (("job", p, c, wp), f"{p}在{c}的一家{wp}當{job}。", f"在{c}的一家{wp}，{p}當{job}。",
            f"{p}於{c}某間{wp2}擔任{job2}。")


def zh_storm(rng, anchor):
    c, day = anchor["city"], _pick(rng, ZH_DAYS)
    event = _pick(rng, [("大雨", "暴風雨"), ("強風", "狂風"), ("濃霧", "白茫茫的霧氣"), ("大雪", "暴雪"), ("小地震", "輕微的地震")])
    effect = _pick(rng, [("讓好幾條路封閉", "造成多條道路封路"), ("讓火車誤點", "使列車延誤"), ("讓航班取消", "導致飛機停飛"),
                         ("造成停電", "讓電力中斷"), ("讓學校停課", "使學生放假在家")])
    return (("storm", c, day[0], event[0], effect[0]), f"{day[0]}{c}的{event[0]}{effect[0]}。",
            f"{c}{day[0]}的{event[0]}{effect[0]}。", f"因為{event[1]}，{c}在{day[1]}{effect[1]}。")


def zh_pet(rng, anchor):
    p = anchor["name"]
    animal = _pick(rng, [("貓", "喵星人"), ("狗", "汪星人"), ("鸚鵡", "鳥兒"), ("兔子", "長耳朵的寵物"), ("烏龜", "陸龜")])
    habit = _pick(rng, [("整個下午都睡在窗台上", "一下午都在窗邊打盹"), ("每天傍晚都在門口等", "天天黃昏守在大門旁"),
                        ("打雷時會躲到床底下", "雷雨的時候藏在床下"), ("喜歡在院子裡跟著主人走", "愛在庭院裡跟在飼主後面"),
                        ("每天早上吃紅蘿蔔", "早餐固定啃胡蘿蔔"), ("會咬拖鞋", "老是啃咬室內鞋")])
    return (("pet", p, animal[0], habit[0]), f"{p}的{animal[0]}{habit[0]}。", f"{p}養的那隻{animal[0]}{habit[0]}。",
            f"{p}家的{animal[1]}{habit[1]}。")


def zh_price(rng, anchor):
    shop = _pick(rng, [("榆樹街的麵包店", "榆樹街那家烘焙坊"), ("車站旁的咖啡店", "車站附近的咖啡館"),
                       ("轉角的雜貨店", "街角的小商店"), ("市中心的書店", "市區那間書局"), ("河邊的市場攤位", "河畔的市集攤子")])
    item = _pick(rng, [("麵包", "吐司"), ("咖啡", "拿鐵和美式"), ("牛奶", "鮮奶"), ("報紙", "日報"), ("水果", "蘋果跟梨子"),
                       ("雞蛋", "蛋")])
    change = rng.randrange(3)
    doc = [f"{shop[0]}調漲了{item[0]}的價格。", f"{shop[0]}調降了{item[0]}的價格。", f"{shop[0]}不再賣{item[0]}了。"][change]
    near = [f"{item[0]}的價格被{shop[0]}調漲了。", f"{item[0]}的價格被{shop[0]}調降了。", f"{item[0]}，{shop[0]}不再賣了。"][change]
    far = [f"{shop[1]}的{item[1]}變貴了。", f"{shop[1]}的{item[1]}變便宜了。", f"{shop[1]}已經停售{item[1]}。"][change]
    return ("price", shop[0], item[0], change), doc, near, far


def zh_learn(rng, anchor):
    p = anchor["name"]
    skill = _pick(rng, [("鋼琴", "黑白鍵樂器"), ("小提琴", "弦樂"), ("西班牙文", "西語"), ("游泳", "游泳"), ("畫畫", "繪畫"),
                        ("下棋", "西洋棋"), ("做菜", "烹飪"), ("吉他", "木吉他")])
    dur = _pick(rng, [("三年", "三個年頭"), ("兩個月", "八個禮拜"), ("半年", "六個月"), ("十年", "整整十個年頭"),
                      ("一年多", "超過十二個月"), ("五年", "五個年頭")])
    return (("learn", p, skill[0], dur[0]), f"{p}學{skill[0]}已經{dur[0]}了。", f"{p}已經學{skill[0]}{dur[0]}了。",
            f"{p}上{skill[1]}課上了{dur[1]}。")


def zh_meeting(rng, anchor):
    group = _pick(rng, [("團隊會議", "部門例會"), ("讀書會", "閱讀小組"), ("家長會", "親師座談"), ("合唱團練習", "歌唱排演"),
                        ("董事會", "高層決策會談"), ("瑜伽課", "伸展練習"), ("足球訓練", "踢球集訓")])
    day = _pick(rng, [("星期四下午", "週四午後"), ("下週一", "下禮拜一"), ("星期五晚上", "週五夜裡"), ("六月一日", "6月1號"),
                      ("明天早上", "隔天上午")])
    reason = _pick(rng, [("因為會議室被借走了", "由於場地被人訂了"), ("因為教練生病了", "由於指導老師身體不舒服"),
                         ("因為放假", "由於遇到連假"), ("因為下雨", "由於天氣不好")])
    return (("meeting", group[0], day[0], reason[0]), f"{group[0]}改到{day[0]}，{reason[0]}。",
            f"{reason[0]}，{group[0]}改到{day[0]}。", f"{reason[1]}，{group[1]}延到{day[1]}舉行。")


CHINESE = [zh_move, zh_hours, zh_travel, zh_bought, zh_recipe, zh_lost, zh_job, zh_storm, zh_pet, zh_price,
           zh_learn, zh_meeting]


def build(rng, families, anchor, docs, queries, near_share=0.4, siblings=4):
    """(doc lines, query lines): docs spread over the families, queries paraphrasing a sample.
    Docs come in groups of `siblings` that share an anchor (the person, the city), so a query's
    name and place do not tell its doc from the others: its paraphrased details must."""
    facts, seen = [], set()
    per_family = -(-docs // len(families))
    for family in families:
        made, tries = 0, 0
        while made < per_family and tries < 20000:
            a = anchor(rng)
            for _ in range(siblings):
                tries += 1
                key, doc, near, far = family(rng, a)
                if key in seen or made == per_family:
                    continue
                seen.add(key)
                facts.append((doc, near, far))
                made += 1
    rng.shuffle(facts)
    facts = facts[:docs]
    ids = ["d%03d" % (i + 1) for i in range(len(facts))]
    chosen = sorted(rng.sample(range(len(facts)), queries))
    query_lines = []
    for n, i in enumerate(chosen):
        doc, near, far = facts[i]
        text = near if n < int(queries * near_share) else far
        query_lines.append((ids[i], text))
    rng.shuffle(query_lines)
    return [(ids[i], facts[i][0]) for i in range(len(facts))], query_lines


def pairs(rng, families, anchor, count, taken, near_share=0.4):
    """Training pairs for contrastive sentence embeddings: (doc, paraphrase) of `count` new facts,
    none of whose doc or paraphrases is in `taken` (the keys of the retrieval set's sentences),
    so the query set stays held out. The paraphrase is the near one (reordered words) with
    probability near_share, else the far one (synonyms, new structure), as in the query set."""
    out, seen, tries = [], set(taken), 0
    while len(out) < count:
        tries += 1
        if tries > count * 200:
            raise SystemExit(f"pairs: only {len(out)} distinct facts of {count}")
        family = rng.choice(families)
        _, doc, near, far = family(rng, anchor(rng))
        keys = [_key(doc), _key(near), _key(far)]
        if any(k in seen for k in keys):
            continue
        seen.update(keys)
        out.append((doc, near if rng.random() < near_share else far))
    rng.shuffle(out)
    return out


def _key(text):
    import unicodedata
    return "".join(c for c in text.lower() if not unicodedata.category(c)[0] in "PZS")
