"""Local-news passages and their one-line summaries for generate_datasets.py, in English and
Traditional Chinese: ten kinds of everyday event (a shop opens, a team wins a final, trains are
delayed, a festival is held, a student wins a prize, a storm closes schools, a museum shows an
artist's work, a library stays open later, a bridge or road reopens, a lost pet is found).

A passage is three or four sentences. One of them carries the key fact (who or what, where,
when) in one of several phrasings; the others are details and distractors: a quote from a second
person who is not the subject, the weather, a number of visitors, a rival team, another city. The
key sentence comes first in about two passages of three and second, after a lead sentence, in
the rest, so a model must find it rather than copy the opening. The summary is one headline-like
line in a fixed form per kind ("Mei Lin opens a bakery in Tainan."), never a verbatim copy of the
key sentence. It names the subject and the place, and only facts from the passage: no distractor
name or city ever appears in it (_build checks every pair)."""

# ---- English ------------------------------------------------------------------------------------

EN_NAMES = ["Mei Lin", "Daniel Wu", "Sara Chen", "Tom Becker", "Ana Silva", "Kenji Mori", "Grace Huang",
            "Omar Haddad", "Lucy Tsai", "Ivan Petrov", "Nina Kovac", "Jason Lee", "Yuna Park", "Leo Martin",
            "Amy Hsu", "Ravi Kumar", "Emma Novak", "Kevin Chang", "Hana Sato", "Marco Rossi"]
EN_TAIWAN = ["Taipei", "Kaohsiung", "Taichung", "Tainan", "Hsinchu", "Hualien", "Yilan", "Keelung", "Chiayi",
             "Pingtung", "Taitung", "Taoyuan"]
EN_WORLD = ["Tokyo", "Osaka", "Seoul", "London", "Lisbon", "Vancouver", "Singapore", "Melbourne", "Berlin",
            "Toronto"]
EN_CITIES = EN_TAIWAN + EN_WORLD
EN_DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
           "last weekend", "on Friday evening", "on Saturday morning", "yesterday", "on Monday morning"]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
EN_MONTHS = ["March", "May", "June", "August", "October", "November"]
EN_WEATHER = ["sunny and warm", "cool and cloudy", "grey and drizzly", "bright but windy", "hot and humid"]
EN_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve"]


def _c(s):
    return s[0].upper() + s[1:]


def _en_weather(rng, f):
    return f"It was a {rng.choice(EN_WEATHER)} day in {f['city']}."


def _en_forecast(rng, f):
    return f"Forecasters expect {rng.choice(['rain', 'strong winds', 'a cold spell'])} in {f['away']} later this week."


def _en_shop(rng, f):
    n, o, c, a, d = f["name"], f["other"], f["city"], f["away"], f["day"]
    shop = rng.choice(["bakery", "bookshop", "noodle shop", "flower shop", "tea house", "bicycle repair shop",
                       "coffee shop", "toy shop"])
    street = rng.choice(["Harbour Street", "Temple Road", "Station Road", "Market Lane", "River Street",
                         "Park Avenue", "Mill Lane"])
    adj = rng.choice(["small", "new", "tiny", "family-run"])
    return {
        "key": [f"{_c(d)}, {n} opened a {adj} {shop} on {street} in {c}.",
                f"{n} opened a {adj} {shop} on {street} in {c} {d}.",
                f"A {adj} {shop} run by {n} opened its doors on {street} in {c} {d}.",
                f"{n} welcomed the first customers to a {adj} {shop} on {street} in {c} {d}."],
        "leads": [_en_weather(rng, f), f"{street} in {c} has had several empty shop fronts for years.",
                  f"Small shops have struggled in {a} this year."],
        "details": [f'"We have waited a long time for this," said {o}, who lives nearby.',
                    f"About {rng.randint(4, 30) * 10} customers came on the first day.",
                    f"{n} learned the trade while working in {a}.",
                    f"The {shop} is open every day except {rng.choice(EN_WEEKDAYS)}.",
                    f"{o}, a neighbour, brought flowers for the opening.", _en_forecast(rng, f)],
        "summary": f"{n} opens a {shop} in {c}.", "keep": [n, c], "avoid": [o, a]}


EN_TEAMS = ["Harbour Hawks", "River Cats", "Thunderbolts", "Blue Whales", "Fire Birds", "Mountain Goats",
            "Night Owls", "Red Lions"]
EN_SPORTS = {"basketball": (60, 95), "baseball": (1, 9), "volleyball": (1, 3), "football": (0, 4),
             "softball": (1, 9)}


def _score(rng, sport):
    lo, hi = EN_SPORTS[sport]
    win = rng.randint(lo + 1, hi)
    return win, rng.randint(lo if sport != "volleyball" else 0, win - 1)


def _en_team(rng, f):
    o, c, a, d = f["other"], f["city"], f["away"], f["day"]
    team, opp = rng.sample(EN_TEAMS, 2)
    sport = rng.choice(sorted(EN_SPORTS))
    w, l = _score(rng, sport)
    return {
        "key": [f"The {team} beat the {opp} {w} to {l} to win the {sport} final in {c} {d}.",
                f"{_c(d)}, the {team} won the {sport} final in {c}, beating the {opp} {w} to {l}.",
                f"In {c} {d}, the {team} defeated the {opp} {w} to {l} in the {sport} final."],
        "leads": [_en_weather(rng, f), f"Tickets for the final in {c} sold out within a day.",
                  f"The {opp} had won the final in {a} last year."],
        "details": [f"About {rng.randint(10, 90) * 100:,} fans watched the game.",
                    f'"The whole team played with heart," said coach {o}.',
                    f"The {opp} will host next year's final in {a}.",
                    f"It is the first title for the {team} in {rng.choice(EN_SMALL[3:])} years.",
                    f"{o} scored the winning points late in the game."],
        "summary": f"The {team} win the {sport} final in {c}.", "keep": [team, c], "avoid": [o, a, opp]}


EN_CAUSES = ["a signal fault", "a power cut", "a fallen tree", "heavy rain", "a broken-down train"]
EN_LINES = ["Blue Line", "Red Line", "Green Line", "Orange Line", "Yellow Line", "Brown Line"]


def _en_train(rng, f):
    o, c, a, d = f["other"], f["city"], f["away"], f["day"]
    line, cause, m = rng.choice(EN_LINES), rng.choice(EN_CAUSES), rng.choice([15, 20, 25, 30, 40, 45, 50, 60])
    return {
        "key": [f"Trains on the {line} in {c} ran up to {m} minutes late {d} because of {cause}.",
                f"{_c(cause)} held up trains on the {line} in {c} by as much as {m} minutes {d}.",
                f"{_c(d)}, passengers on the {line} in {c} waited up to {m} minutes after {cause} stopped "
                f"several trains."],
        "leads": [f"The {line} carries about {rng.randint(2, 15) * 10},000 passengers a day.",
                  f"Rail services in {a} ran normally all week."],
        "details": [f"Services were back to normal by {rng.choice(['noon', '3 pm', 'the evening'])}.",
                    f'"I was late for work for the first time this year," said {o}, a passenger.',
                    f"Trains in {a} were not affected.", "The operator has apologised and promised refunds.",
                    "Extra buses ran between the busiest stations."],
        "summary": f"{_c(cause)} delays {line} trains in {c}.", "keep": [line, c], "avoid": [o, a]}


EN_FESTIVALS = ["kite festival", "lantern festival", "jazz festival", "food festival", "film festival",
                "flower festival", "dragon boat festival", "street music festival"]
EN_VENUES = ["riverside park", "old harbour", "city square", "university campus"]


def _en_festival(rng, f):
    o, c, a, d = f["other"], f["city"], f["away"], f["day"]
    fest, venue = rng.choice(EN_FESTIVALS), rng.choice(EN_VENUES)
    return {
        "key": [f"The annual {fest} was held at the {venue} in {c} {d}.",
                f"{c}'s annual {fest} took place at the {venue} {d}.",
                f"{_c(d)}, the {venue} in {c} hosted the city's annual {fest}.",
                f"Crowds filled the {venue} in {c} {d} for the annual {fest}."],
        "leads": [_en_weather(rng, f), "Organisers had feared rain all week.",
                  f"{a} held a similar festival last month."],
        "details": [f"About {rng.randint(2, 30) * 1000:,} people came over the two days.",
                    f'"It is the best one we have had," said {o}, one of the organisers.',
                    f"Many visitors travelled from {a} by train.", f"{o} performed on the main stage.",
                    "Next year's festival will last three days."],
        "summary": f"{c} holds its annual {fest}.", "keep": [fest, c], "avoid": [o, a]}


EN_FIELDS = ["maths", "science", "poetry", "robotics", "painting", "piano", "speech", "chess"]


def _en_student(rng, f):
    n, o, c, a, d = f["name"], f["other"], f["city"], f["away"], f["day"]
    field = rng.choice(EN_FIELDS)
    school = rng.choice(["high school", "junior high school", "primary school"])
    return {
        "key": [f"{n}, a student at a {school} in {c}, won first prize in a national {field} contest {d}.",
                f"{_c(d)}, {n} from a {school} in {c} took first prize in the national {field} contest.",
                f"{n}, who attends a {school} in {c}, was named the winner of a national {field} contest {d}."],
        "leads": [f"More than {rng.randint(2, 9) * 100} students entered the contest this year.",
                  f"Last year's winner came from {a}."],
        "details": [f"Second place went to {o} from {a}.",
                    f'"{n} practised every weekend," said {o}, a teacher at the school.',
                    f"The prize includes a trip to {a} next summer.",
                    f"The contest was held over {rng.choice(EN_SMALL[2:6])} days."],
        "summary": f"{c} student {n} wins a {field} prize.", "keep": [n, c], "avoid": [o, a]}


def _en_storm(rng, f):
    o, c, a, d = f["other"], f["city"], f["away"], f["day"]
    storms = ["heavy rain", "strong winds", "a thunderstorm"]
    if c in EN_TAIWAN or c in ("Tokyo", "Osaka"):
        storms += ["a typhoon", "a typhoon"]
    if c in ("Seoul", "Berlin", "Toronto", "Vancouver"):
        storms += ["a snowstorm", "a snowstorm"]
    storm = rng.choice(storms)
    return {
        "key": [f"All schools in {c} were closed {d} as {storm} hit the area.",
                f"{_c(storm)} forced every school in {c} to shut {d}.",
                f"{_c(d)}, the city of {c} shut all its schools because of {storm}.",
                f"Schools across {c} stayed closed {d} while {storm} swept through."],
        "leads": [f"Forecasters had warned of bad weather since {rng.choice(EN_WEEKDAYS)}.",
                  f"The weather in {a} stayed calm and dry."],
        "details": [f"Some {rng.randint(5, 90) * 1000:,} pupils stayed at home.",
                    f'"Safety comes first," said {o}, the head of the city\'s education office.',
                    f"Offices in {a} stayed open as usual.", "Several roads near the river were blocked.",
                    f"Schools should reopen by {rng.choice(EN_WEEKDAYS)}."],
        "summary": f"{_c(storm)} closes schools in {c}.", "keep": [c], "avoid": [o, a]}


EN_WORKS = ["photographs", "paintings", "ink drawings", "wood carvings", "ceramics", "woodblock prints"]


def _en_museum(rng, f):
    n, o, c, a, d = f["name"], f["other"], f["city"], f["away"], f["day"]
    works, museum = rng.choice(EN_WORKS), rng.choice(["city museum", "art museum", "history museum"])
    return {
        "key": [f"The {museum} in {c} opened an exhibition of {n}'s {works} {d}.",
                f"{_c(d)}, an exhibition of {works} by {n} opened at the {museum} in {c}.",
                f"{n}'s {works} went on show at the {museum} in {c} {d}.",
                f"Visitors to the {museum} in {c} can now see {rng.randint(3, 12) * 10} {works} by {n}."],
        "leads": [f"{n} has worked as an artist for {rng.choice(EN_SMALL[5:])} years.",
                  f"The {museum} reopened in spring after a long renovation.",
                  f"{o}'s show in {a} closed last month."],
        "details": [f"The show runs until the end of {rng.choice(EN_MONTHS)}.",
                    f"About {rng.randint(3, 40) * 50:,} people visited on the first day.",
                    f'"These works changed how I see the city," said {o}, a visitor.',
                    f"Some of the {works} were made in {a}.", "Entry is free for students."],
        "summary": f"A {c} museum shows {n}'s {works}.", "keep": [n, c], "avoid": [o, a]}


def _en_library(rng, f):
    o, c, a, d = f["other"], f["city"], f["away"], f["day"]
    t = rng.choice(["9 pm", "10 pm", "11 pm", "midnight"])
    return {
        "key": [f"From {rng.choice(EN_WEEKDAYS)}, the public library in {c} will stay open until {t}.",
                f"The public library in {c} said {d} that it will now close at {t} instead of 6 pm.",
                f"This month, the library in {c} began opening until {t} on weekdays.",
                f"Readers in {c} can now use the central library until {t}."],
        "leads": [f"Students in {c} had asked for longer hours for years.",
                  f"The library in {a} already stays open late."],
        "details": [f"The change costs about {rng.randint(2, 9) * 100},000 dollars a year.",
                    f'"Many students need a quiet place after school," said {o}, the head librarian.',
                    f"The library lends about {rng.randint(5, 40) * 100:,} books a day.",
                    f"A similar plan in {a} was dropped last year.",
                    f"The reading room has {rng.randint(10, 60) * 10} seats."],
        "summary": f"{c} library extends its hours to {t}.", "keep": [c, t], "avoid": [o, a]}


EN_STRUCTURES = ["the Riverside Bridge", "the Old Stone Bridge", "Harbour Road", "the North Gate Bridge",
                 "Station Road", "Hill Road", "the Moon Bridge"]


def _en_bridge(rng, f):
    o, c, a, d = f["other"], f["city"], f["away"], f["day"]
    s, k = rng.choice(EN_STRUCTURES), rng.choice(EN_SMALL[3:])
    return {
        "key": [f"{_c(s)} in {c} reopened {d} after {k} weeks of repairs.",
                f"{_c(d)}, workers finished repairing {s} in {c} and opened it to traffic again.",
                f"After {k} weeks of repair work, {s} in {c} opened to cars again {d}.",
                f"Cars and bikes were back on {s} in {c} {d} once the repairs were done."],
        "leads": [_en_weather(rng, f), f"{_c(s)} was damaged by floods last {rng.choice(['summer', 'autumn'])}.",
                  f"Drivers in {c} had used a long detour for weeks.", f"Road works in {a} are still going on."],
        "details": [f"The work cost about {rng.randint(2, 30)} million dollars.",
                    f'"The drive to work is short again," said {o}, who lives nearby.',
                    f"About {rng.randint(3, 40) * 500:,} cars use it every day.",
                    f"A bridge in {a} will be repaired next year.",
                    f"The repairs finished {rng.choice(EN_SMALL[2:10])} days early."],
        "summary": f"{_c(s)} in {c} reopens after repairs.", "keep": [s.replace("the ", ""), c],
        "avoid": [o, a]}


EN_PETS = ["cat", "dog", "rabbit", "parrot", "tortoise"]
EN_PET_NAMES = ["Mochi", "Tofu", "Lucky", "Bean", "Pudding", "Mango", "Coco", "Bao"]


def _en_pet(rng, f):
    n, o, c, a, d = f["name"], f["other"], f["city"], f["away"], f["day"]
    pet, pn, k = rng.choice(EN_PETS), rng.choice(EN_PET_NAMES), rng.choice(EN_SMALL[3:])
    return {
        "key": [f"{n}'s {pet} {pn}, missing for {k} days, was found {d} in a park in {c}.",
                f"{_c(d)}, {n} got back {pn}, a {pet} that had been lost in {c} for {k} days.",
                f"{n} was reunited with {pn}, a {pet} that went missing in {c}, {d}."],
        "leads": [f"Posters of a missing {pet} had covered the neighbourhood for days.",
                  f"{o} lost a dog in {a} last year and never found it."],
        "details": [f"{o}, a neighbour, spotted it under a parked car.", f'"I cried when I saw {pn}," said {n}.',
                    f"The {pet} was hungry but healthy, a vet said.",
                    f"{n} had put up {rng.randint(2, 12) * 10} posters.",
                    f"A friend in {a} had shared the news online."],
        "summary": f"{n}'s lost {pet} {pn} is found in {c}.", "keep": [n, pn, c], "avoid": [o, a]}


EN_KINDS = [_en_shop, _en_team, _en_train, _en_festival, _en_student, _en_storm, _en_museum, _en_library,
            _en_bridge, _en_pet]


def _en_fill(rng):
    name, other = rng.sample(EN_NAMES, 2)
    city, away = rng.sample(EN_CITIES, 2)
    return {"name": name, "other": other, "city": city, "away": away, "day": rng.choice(EN_DAYS)}


# ---- Traditional Chinese ------------------------------------------------------------------------

ZH_NAMES = ["林美玲", "陳志明", "王小華", "張家豪", "李怡君", "黃建宏", "吳淑芬", "劉冠廷", "蔡佳穎", "楊宗翰",
            "許雅婷", "鄭文傑", "謝欣妤", "郭俊宏", "周思妤", "曾柏翰"]
ZH_TAIWAN = ["台北", "高雄", "台中", "台南", "新竹", "花蓮", "宜蘭", "基隆", "嘉義", "屏東", "台東", "桃園"]
ZH_WORLD = ["東京", "大阪", "首爾", "倫敦", "里斯本", "溫哥華", "新加坡", "墨爾本", "柏林", "多倫多"]
ZH_CITIES = ZH_TAIWAN + ZH_WORLD
ZH_DAYS = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "上週末", "週五晚上", "週六上午",
           "昨天", "週一早上"]
ZH_WEEKDAYS = ["星期一", "星期二", "星期三", "星期四", "星期五"]
ZH_MONTHS = ["三月", "五月", "六月", "八月", "十月", "十一月"]
ZH_WEATHER = ["晴朗溫暖", "陰涼多雲", "下著毛毛雨", "悶熱潮濕", "晴朗但風很大"]


def _zh_num(n):
    """A count in characters, as in 兩天, 十二週, 三十件."""
    d = "零一兩三四五六七八九" if n < 10 else "零一二三四五六七八九"
    if n < 10:
        return d[n]
    return (d[n // 10] if n >= 20 else "") + "十" + (d[n % 10] if n % 10 else "")


def _zh_weather(rng, f):
    return f"當天{f['city']}的天氣{rng.choice(ZH_WEATHER)}。"


def _zh_forecast(rng, f):
    return f"氣象預報說{f['away']}這週稍晚會{rng.choice(['下雨', '颳強風', '轉冷'])}。"


def _zh_shop(rng, f):
    n, o, c, a, d = f["name"], f["other"], f["city"], f["away"], f["day"]
    shop = rng.choice(["麵包店", "書店", "麵店", "花店", "茶館", "腳踏車行", "咖啡店", "玩具店"])
    street = rng.choice(["中正路", "民生路", "和平路", "中山路", "光復路", "成功路", "信義路"])
    adj = rng.choice(["小", "新的", "家庭式", "小小的"])
    return {
        "key": [f"{d}，{n}在{c}{street}開了一家{adj}{shop}。", f"{n}{d}在{c}的{street}開了一家{adj}{shop}。",
                f"由{n}經營的{adj}{shop}{d}在{c}{street}開幕。", f"{n}的{adj}{shop}{d}在{c}{street}正式開張。"],
        "leads": [_zh_weather(rng, f), f"{c}{street}這幾年有不少空店面。", f"{a}今年有好幾家小店關門。"],
        "details": [f"「我們等這家店等很久了。」住在附近的{o}說。", f"開幕第一天來了大約{rng.randint(4, 30) * 10}位客人。",
                    f"{n}以前在{a}學手藝。", f"店裡除了{rng.choice(ZH_WEEKDAYS)}以外每天都營業。",
                    f"鄰居{o}送來一束花祝賀。", _zh_forecast(rng, f)],
        "summary": f"{n}在{c}開了一家{shop}。", "keep": [n, c], "avoid": [o, a]}


ZH_TEAMS = ["海鷹隊", "河貓隊", "雷霆隊", "藍鯨隊", "火鳥隊", "山羊隊", "夜梟隊", "紅獅隊"]
ZH_SPORTS = {"basketball": "籃球", "baseball": "棒球", "volleyball": "排球", "football": "足球", "softball": "壘球"}


def _zh_team(rng, f):
    o, c, a, d = f["other"], f["city"], f["away"], f["day"]
    team, opp = rng.sample(ZH_TEAMS, 2)
    sport = rng.choice(sorted(ZH_SPORTS))
    w, l = _score(rng, sport)
    sp = ZH_SPORTS[sport]
    return {
        "key": [f"{team}{d}在{c}以{w}比{l}擊敗{opp}，拿下{sp}決賽勝利。", f"{d}在{c}舉行的{sp}決賽中，{team}以{w}比{l}打敗{opp}。",
                f"{team}{d}在{c}的{sp}決賽以{w}比{l}贏了{opp}，奪下冠軍。"],
        "leads": [_zh_weather(rng, f), f"{c}決賽的門票一天內就賣光了。", f"{opp}去年在{a}拿下冠軍。"],
        "details": [f"現場大約有{rng.randint(10, 90) * 100}名球迷觀戰。", f"「全隊都拚盡全力。」教練{o}說。",
                    f"明年的決賽將由{opp}在{a}主辦。", f"這是{team}{_zh_num(rng.randint(3, 12))}年來第一次奪冠。",
                    f"{o}在比賽最後拿下關鍵分數。"],
        "summary": f"{team}在{c}贏得{sp}冠軍。", "keep": [team, c], "avoid": [o, a, opp]}


ZH_CAUSES = ["號誌故障", "停電", "路樹倒塌", "大雨", "列車故障"]
ZH_LINES = ["藍線", "紅線", "綠線", "橘線", "黃線", "棕線"]


def _zh_train(rng, f):
    o, c, a, d = f["other"], f["city"], f["away"], f["day"]
    line, cause, m = rng.choice(ZH_LINES), rng.choice(ZH_CAUSES), rng.choice([15, 20, 25, 30, 40, 45, 50, 60])
    return {
        "key": [f"{d}，{c}{line}的列車因為{cause}，最多延誤{m}分鐘。", f"{cause}使{c}{line}的列車{d}最多晚了{m}分鐘。",
                f"{d}{c}{line}受到{cause}影響，乘客最多等了{m}分鐘。"],
        "leads": [f"{line}每天大約載運{rng.randint(2, 15)}萬名乘客。", f"{a}的鐵路這週都正常行駛。"],
        "details": [f"列車在{rng.choice(['中午', '下午三點', '傍晚'])}前恢復正常。", f"「這是我今年第一次上班遲到。」乘客{o}說。",
                    f"{a}的列車沒有受到影響。", "營運公司已經道歉，並承諾退費。", "幾個大站之間加開了接駁公車。"],
        "summary": f"{c}{line}列車因{cause}誤點。", "keep": [line, c], "avoid": [o, a]}


ZH_FESTIVALS = ["風箏節", "燈籠節", "爵士音樂節", "美食節", "電影節", "花卉節", "龍舟節", "街頭音樂節"]
ZH_VENUES = ["河濱公園", "舊港口", "市政廣場", "大學校園"]


def _zh_festival(rng, f):
    o, c, a, d = f["other"], f["city"], f["away"], f["day"]
    fest, venue = rng.choice(ZH_FESTIVALS), rng.choice(ZH_VENUES)
    return {
        "key": [f"一年一度的{fest}{d}在{c}{venue}舉行。", f"{c}每年舉辦的{fest}，{d}在{venue}熱鬧展開。",
                f"{d}，{c}{venue}擠滿了人，參加每年一次的{fest}。"],
        "leads": [_zh_weather(rng, f), "主辦單位整個星期都擔心會下雨。", f"{a}上個月也辦了類似的活動。"],
        "details": [f"兩天下來大約有{rng.randint(2, 30) * 1000}人參加。", f"「這是辦得最好的一次。」主辦人{o}說。",
                    f"很多遊客從{a}搭火車過來。", f"{o}在主舞台上表演。", "明年的活動將延長為三天。"],
        "summary": f"{c}舉辦一年一度的{fest}。", "keep": [fest, c], "avoid": [o, a]}


ZH_FIELDS = ["數學", "科學", "作文", "機器人", "繪畫", "鋼琴", "演講", "西洋棋"]


def _zh_student(rng, f):
    n, o, c, a, d = f["name"], f["other"], f["city"], f["away"], f["day"]
    field, school = rng.choice(ZH_FIELDS), rng.choice(["高中", "國中", "國小"])
    return {
        "key": [f"{c}一所{school}的學生{n}，{d}在全國{field}比賽中拿到第一名。",
                f"{d}，就讀{c}某{school}的{n}奪下全國{field}比賽冠軍。",
                f"在{c}念{school}的{n}{d}被評為全國{field}比賽的第一名。"],
        "leads": [f"今年有超過{rng.randint(2, 9) * 100}名學生報名這項比賽。", f"去年的冠軍來自{a}。"],
        "details": [f"第二名由{a}的{o}拿下。", f"「{n}每個週末都在練習。」學校老師{o}說。", f"獎品包括明年夏天到{a}的旅行。",
                    f"比賽一共進行了{_zh_num(rng.randint(2, 5))}天。"],
        "summary": f"{c}學生{n}贏得{field}比賽首獎。", "keep": [n, c], "avoid": [o, a]}


def _zh_storm(rng, f):
    o, c, a, d = f["other"], f["city"], f["away"], f["day"]
    storms = ["豪雨", "強風", "雷雨"]
    if c in ZH_TAIWAN or c in ("東京", "大阪"):
        storms += ["颱風", "颱風"]
    if c in ("首爾", "柏林", "多倫多", "溫哥華"):
        storms += ["暴風雪", "暴風雪"]
    storm = rng.choice(storms)
    return {
        "key": [f"{d}{storm}來襲，{c}所有學校都停止上課。", f"受到{storm}影響，{c}的學校{d}全部關閉。",
                f"{d}，{c}因為{storm}，宣布全市學校停課一天。", f"{storm}{d}侵襲{c}，全市學校暫停上課。"],
        "leads": [f"氣象單位從{rng.choice(ZH_WEEKDAYS)}就發出警報。", f"{a}的天氣仍然平靜乾燥。"],
        "details": [f"大約{rng.randint(5, 90) * 1000}名學生留在家中。", f"「安全最重要。」教育局長{o}說。",
                    f"{a}的辦公室照常上班。", "河邊有幾條道路被封閉。", f"學校預計{rng.choice(ZH_WEEKDAYS)}恢復上課。"],
        "summary": f"{c}各級學校因{storm}停課。", "keep": [c, storm], "avoid": [o, a]}


ZH_WORKS = ["攝影作品", "油畫", "水墨畫", "木雕", "陶藝作品", "版畫"]


def _zh_museum(rng, f):
    n, o, c, a, d = f["name"], f["other"], f["city"], f["away"], f["day"]
    works, museum = rng.choice(ZH_WORKS), rng.choice(["博物館", "美術館", "歷史博物館"])
    return {
        "key": [f"{c}的{museum}{d}推出{n}的{works}展。", f"{d}，{n}的{works}在{c}{museum}開始展出。",
                f"民眾現在可以在{c}的{museum}看到{n}的{_zh_num(rng.randint(3, 9)) + '十'}件{works}。",
                f"{n}的{works}展覽{d}在{c}{museum}開幕。"],
        "leads": [f"{n}從事創作已經{_zh_num(rng.randint(5, 30))}年。", f"這座{museum}今年春天才整修完成。",
                  f"{o}在{a}的展覽上個月剛結束。"],
        "details": [f"展覽將持續到{rng.choice(ZH_MONTHS)}底。", f"開幕第一天大約有{rng.randint(3, 40) * 50}人參觀。",
                    f"「這些作品讓我重新認識這座城市。」觀眾{o}說。", f"其中有些作品是在{a}完成的。", "學生可以免費入場。"],
        "summary": f"{c}{museum}展出{n}的{works}。", "keep": [n, c], "avoid": [o, a]}


def _zh_library(rng, f):
    o, c, a, d = f["other"], f["city"], f["away"], f["day"]
    t = rng.choice(["晚上九點", "晚上十點", "晚上十一點", "半夜十二點"])
    return {
        "key": [f"從{rng.choice(ZH_WEEKDAYS)}起，{c}市立圖書館將開放到{t}。", f"{c}市立圖書館{d}宣布，閉館時間從傍晚六點改為{t}。",
                f"{c}的圖書館這個月起平日開放到{t}。", f"{c}的讀者現在可以在總圖書館待到{t}。"],
        "leads": [f"{c}的學生多年來一直希望延長開放時間。", f"{a}的圖書館早就開放到很晚。"],
        "details": [f"這項改變每年大約要多花{rng.randint(20, 90)}萬元。", f"「很多學生放學後需要一個安靜的地方。」館長{o}說。",
                    f"圖書館每天借出大約{rng.randint(5, 40) * 100}本書。", f"{a}去年提出類似計畫，但後來取消了。",
                    f"閱覽室共有{rng.randint(10, 60) * 10}個座位。"],
        "summary": f"{c}圖書館延長開放到{t}。", "keep": [c, t], "avoid": [o, a]}


ZH_STRUCTURES = ["河濱橋", "舊石橋", "港口路", "北門橋", "車站路", "山腳路", "月牙橋"]


def _zh_bridge(rng, f):
    o, c, a, d = f["other"], f["city"], f["away"], f["day"]
    s, k = rng.choice(ZH_STRUCTURES), _zh_num(rng.randint(3, 12))
    return {
        "key": [f"{c}{s}經過{k}週的整修，{d}重新開放。", f"{d}，工人完成{c}{s}的修復工程，恢復通行。",
                f"整修了{k}週之後，{c}的{s}{d}恢復通車。", f"{c}的{s}{d}修好了，汽車和機車又能通行。"],
        "leads": [_zh_weather(rng, f), f"{s}去年{rng.choice(['夏天', '秋天'])}被洪水沖壞。", f"{c}的駕駛人好幾個星期都得繞遠路。",
                  f"{a}的道路工程還在進行。"],
        "details": [f"工程費用大約{rng.randint(2, 30)}百萬元。", f"「上班的路又變短了。」住在附近的{o}說。",
                    f"每天大約有{rng.randint(3, 40) * 500}輛車經過這裡。", f"{a}的一座橋明年也將整修。",
                    f"工程比預定提早{_zh_num(rng.randint(2, 9))}天完成。"],
        "summary": f"{c}{s}修復完成，重新開放。", "keep": [s, c], "avoid": [o, a]}


ZH_PETS = ["貓", "狗", "兔子", "鸚鵡", "烏龜"]
ZH_PET_NAMES = ["麻糬", "豆花", "小福", "布丁", "芒果", "可可", "包子", "黑輪"]


def _zh_pet(rng, f):
    n, o, c, a, d = f["name"], f["other"], f["city"], f["away"], f["day"]
    pet, pn, k = rng.choice(ZH_PETS), rng.choice(ZH_PET_NAMES), _zh_num(rng.randint(3, 12))
    return {
        "key": [f"{n}失蹤{k}天的{pet}{pn}，{d}在{c}的一座公園被找到。", f"{d}，{n}在{c}找回了走失{k}天的{pet}{pn}。",
                f"在{c}走失{k}天的{pet}{pn}，{d}終於回到主人{n}身邊。", f"{n}{d}在{c}和失蹤的{pet}{pn}重逢。"],
        "leads": [f"附近到處都貼著協尋{pet}的海報。", f"{o}去年在{a}弄丟一隻狗，一直沒有找到。"],
        "details": [f"鄰居{o}在一輛車底下發現了牠。", f"「看到{pn}的時候我哭了。」{n}說。", "獸醫說牠有點餓，但很健康。",
                    f"{n}之前貼了{rng.randint(2, 12) * 10}張海報。", f"{a}的一位朋友幫忙在網路上分享了消息。"],
        "summary": f"{n}走失的{pet}{pn}在{c}找到了。", "keep": [n, pn, c], "avoid": [o, a]}


ZH_KINDS = [_zh_shop, _zh_team, _zh_train, _zh_festival, _zh_student, _zh_storm, _zh_museum, _zh_library,
            _zh_bridge, _zh_pet]


def _zh_fill(rng):
    name, other = rng.sample(ZH_NAMES, 2)
    city, away = rng.sample(ZH_CITIES, 2)
    return {"name": name, "other": other, "city": city, "away": away, "day": rng.choice(ZH_DAYS)}


# ---- Both ---------------------------------------------------------------------------------------

def _build(rng, kinds, fill, joiner, size, passage_range, summary_range):
    """(passage, summary, index of the key sentence): passages outside passage_range are drawn again."""
    while True:
        event = rng.choice(kinds)(rng, fill(rng))
        key = rng.choice(event["key"])
        if rng.random() < 1 / 3:
            at, sentences = 1, [rng.choice(event["leads"]), key] + rng.sample(event["details"], rng.choice([1, 2]))
        else:
            at, sentences = 0, [key] + rng.sample(event["details"], rng.choice([2, 3]))
        passage, summary = joiner.join(sentences), event["summary"]
        if passage_range[0] <= size(passage) <= passage_range[1]:
            break
    assert summary_range[0] <= size(summary) <= summary_range[1], summary
    assert all(w in passage and w in summary for w in event["keep"]), (passage, summary)
    assert not any(w in summary for w in event["avoid"]), (passage, summary)
    assert summary[:-1] not in passage and summary[:-1] not in key, (key, summary)  # reworded, never copied
    assert not any(ch in passage + summary for ch in "\t\n\r"), passage
    return passage, summary, at


def _en(rng):
    return _build(rng, EN_KINDS, _en_fill, " ", lambda s: len(s.split()), (30, 55), (6, 12))


def _zh(rng):
    return _build(rng, ZH_KINDS, _zh_fill, "", len, (45, 80), (10, 20))


def english(rng):
    """(passage, summary) in English."""
    return _en(rng)[:2]


def chinese(rng):
    """(passage, summary) in Traditional Chinese."""
    return _zh(rng)[:2]
