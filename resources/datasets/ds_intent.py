"""Assistant requests for generate_datasets.py: seven intents (alarm, greeting, music, restaurant,
timer, translate, weather), each from many paraphrase templates and slot fillers, in English and
Traditional Chinese. Intents share words on purpose: "good morning" greets, wakes ("wake me
tomorrow morning") and is translated ("how do you say good morning in French"); a translation
request quotes phrases about weather, music or alarms; "set" starts alarms and timers alike."""

INTENTS = ["alarm", "greeting", "music", "restaurant", "timer", "translate", "weather"]

# ---- English ------------------------------------------------------------------------------------

EN_CITIES = ["London", "Paris", "Tokyo", "Taipei", "New York", "Berlin", "Sydney", "Toronto", "Seoul", "Madrid",
             "Rome", "Chicago", "Boston", "Kaohsiung", "Osaka", "Lisbon", "Dublin", "Vienna", "Cairo", "Mumbai",
             "Hualien", "Vancouver", "Oslo", "Nairobi"]
EN_WHEN = ["today", "tomorrow", "this weekend", "tonight", "on Friday", "next week", "this afternoon",
           "tomorrow morning", "on Sunday", "later today", "this evening", "on Monday morning"]
EN_TIMES = ["7 am", "6:30", "half past six", "noon", "5:45 in the morning", "9 pm", "eight o'clock", "7:15",
            "6 in the morning", "a quarter to seven", "10:30", "5 am", "11 pm", "midnight"]
# (when, as an adverbial; as a noun): "wake me at 7 on Monday", "the Monday alarm"
EN_DAYS = [("tomorrow", "tomorrow"), ("on Monday", "Monday"), ("on Tuesday", "Tuesday"), ("on weekdays", "weekday"),
           ("on Saturday", "Saturday"), ("every day", "daily"), ("at the weekend", "weekend"), ("on Thursday", "Thursday")]
EN_DURATIONS = ["10 minutes", "five minutes", "an hour", "half an hour", "90 seconds", "3 minutes", "25 minutes",
                "two hours", "forty minutes", "a minute", "twelve minutes", "one and a half hours"]
EN_GENRES = ["jazz", "classical music", "rock", "lo-fi beats", "hip hop", "folk songs", "piano music", "pop",
             "blues", "something from the nineties", "Taiwanese pop", "country", "ambient music"]
EN_MOODS = ["relaxing", "upbeat", "calm", "cheerful", "sad", "energetic", "quiet", "romantic"]
EN_ACTIVITIES = ["studying", "running", "cooking", "a road trip", "sleeping", "a party", "working", "the gym"]
EN_SONGS = ["Blue River", "Paper Lanterns", "Morning Tide", "Northern Lights", "Slow Train Home",
            "The Lighthouse Keeper", "Rain on Tin Roofs", "Summer in the Alley", "Golden Hour", "Starlight Ferry"]
EN_ARTISTS = ["the Harbour Band", "Mina Cho", "the Velvet Owls", "Leo Grant", "Sunday Kites", "Aria Lin",
              "the Night Trams", "Oscar Vale"]
EN_PLAYLISTS = ["workout", "morning", "chill", "road trip", "favourites", "dinner", "focus"]
EN_LANGS = ["French", "Japanese", "German", "Spanish", "Korean", "Italian", "Chinese", "Vietnamese", "Thai",
            "Portuguese", "Dutch"]
# Phrases to translate, many borrowed from the other intents.
EN_PHRASES = ["good morning", "thank you very much", "where is the train station", "the weather is lovely today",
              "set the table please", "I would like a coffee", "how much does this cost", "see you tomorrow",
              "play the piano", "it will rain tonight", "wake up, it is late", "I am looking for a restaurant",
              "nice to meet you", "the music is too loud", "wait five minutes", "where is the bathroom",
              "I love this song", "excuse me", "happy birthday", "the table for two is ready", "good night",
              "my alarm did not ring", "it is very cold outside", "two tickets, please"]
EN_WORDS = ["umbrella", "alarm clock", "breakfast", "thunderstorm", "guitar", "timer", "menu", "hello",
            "friend", "snow", "song", "noodles", "weekend", "kitchen"]
EN_CUISINES = ["Italian", "Japanese", "Thai", "Mexican", "Indian", "vegetarian", "Korean", "Taiwanese",
               "French", "Vietnamese", "seafood", "ramen"]
EN_FOODS = ["pizza", "sushi", "dumplings", "beef noodle soup", "tacos", "a burger", "curry", "hot pot",
            "pancakes", "fried chicken", "bubble tea", "dim sum"]
EN_NEAR = ["near me", "nearby", "around here", "close to the station", "downtown", "within walking distance",
           "near my office", ""]
EN_MEALS = ["breakfast", "lunch", "dinner", "brunch", "a late snack", "a birthday dinner"]
EN_PEOPLE = ["two", "four", "three", "six", "2", "5", "eight"]
EN_FOOD_COOKING = ["eggs", "pasta", "rice", "tea", "cookies", "roast", "bread", "laundry"]
EN_HI = ["hi", "hello", "hey", "hey there", "hi there", "good morning", "good afternoon", "good evening",
         "morning", "greetings", "howdy", "yo", "hiya", "hello hello"]
EN_ADDRESSEE = ["", "", "", " assistant", " buddy", " friend", " there", " everyone", " robot", " my friend"]
EN_FOLLOW = ["", "", "how are you", "how are you doing today", "how's it going", "nice to meet you",
             "long time no see", "what's up", "how have you been", "good to see you", "hope you are well",
             "how was your day", "it's me again", "are you there"]


def _en_weather(rng):
    c, w = rng.choice(EN_CITIES), rng.choice(EN_WHEN)
    return rng.choice([
        f"what's the weather like in {c} {w}", f"will it rain in {c} {w}", f"do I need an umbrella {w}",
        f"how hot will it be in {c} {w}", f"is it going to snow {w}", f"weather forecast for {c}",
        f"tell me the forecast for {w}", "how cold is it outside right now", f"should I wear a jacket {w}",
        f"what's the temperature in {c} right now", f"is it sunny in {c} {w}", f"will the wind be strong {w}",
        f"check the weather in {c} for me", f"is there a typhoon coming to {c}", f"how humid is it in {c}",
        f"any chance of thunderstorms {w}", f"what will the weather be like in {c} {w}",
        f"is it a good day for a picnic in {c} {w}", f"how many degrees is it in {c}"])


def _en_alarm(rng):
    t, (d, dn) = rng.choice(EN_TIMES), rng.choice(EN_DAYS)
    return rng.choice([
        f"set an alarm for {t}", f"wake me up at {t} {d}", f"I need to get up at {t}", f"alarm at {t} please",
        f"cancel my {t} alarm", f"turn off the {dn} alarm", f"change my alarm to {t}",
        f"set a {dn} alarm for {t}", f"can you wake me at {t}",
        "remove all my alarms", "snooze the alarm for a bit", f"make sure I'm up by {t} {d}",
        f"wake me tomorrow morning at {t}".replace("morning at 6 in the morning", "at 6 in the morning"),
        f"set my alarm clock to {t}", f"do I have an alarm set {d}",
        f"move my {dn} alarm to {t}", f"I have to be awake at {t}, set an alarm",
        f"good morning alarm at {t} {d}"])


def _en_music(rng):
    g, m, a = rng.choice(EN_GENRES), rng.choice(EN_MOODS), rng.choice(EN_ACTIVITIES)
    song, artist = rng.choice(EN_SONGS), rng.choice(EN_ARTISTS)
    return rng.choice([
        f"play some {g}", f"put on {song} by {artist}", f"play the song {song}", f"I want to hear some {g}",
        f"shuffle my {rng.choice(EN_PLAYLISTS)} playlist", "skip this song", "turn the music up",
        f"play something {m}", "next track please", "pause the music", f"play music by {artist}",
        f"can you play {g} for {a}", f"I'm in the mood for {m} {g}", f"start my {rng.choice(EN_PLAYLISTS)} mix",
        f"play {artist}'s latest album", "go back to the previous song", f"queue up {song}",
        f"put on some {m} music while I'm {rng.choice(['cooking', 'reading', 'driving', 'working'])}",
        "turn the volume down a little", f"who sings {song}, play it"])


def _en_timer(rng):
    dur, food = rng.choice(EN_DURATIONS), rng.choice(EN_FOOD_COOKING)
    return rng.choice([
        f"set a timer for {dur}", f"start the timer for {dur}",
        f"count down {dur}", f"time {dur} for the {food}",
        "how much time is left on my timer", "cancel the timer", "pause the timer", "resume the timer",
        f"set a timer for {dur} for the {food}", f"start a countdown of {dur}",
        f"tell me when {dur} is up", f"I need a timer for {dur}", f"add {dur} to the timer",
        f"beep in {dur}", f"set the kitchen timer to {dur}", f"let me know in {dur}, my {food} is on",
        "stop the countdown", f"timer {dur}"])


def _en_translate(rng):
    p, lang, word = rng.choice(EN_PHRASES), rng.choice(EN_LANGS), rng.choice(EN_WORDS)
    return rng.choice([
        f"how do you say {p} in {lang}", f"translate {p} into {lang}", f"what is {p} in {lang}",
        f"can you translate this into {lang}: {p}", f"say {p} in {lang}", f"{lang} translation of {p}",
        f"what's the {lang} word for {word}", f"how would I say '{p}' in {lang}", f"translate '{p}' to {lang}",
        f"what does '{word}' mean in {lang}", f"help me say {p} in {lang}", f"in {lang}, how do I say {p}",
        f"how do I write {word} in {lang}", f"put '{p}' into {lang} for me"])


def _en_restaurant(rng):
    cu, fo, ne = rng.choice(EN_CUISINES), rng.choice(EN_FOODS), rng.choice(EN_NEAR)
    n, w, c = rng.choice(EN_PEOPLE), rng.choice(EN_WHEN), rng.choice(EN_CITIES)
    return rng.choice([
        f"find a {cu} restaurant {ne}", f"book a table for {n} {w}", f"where can I get {fo} {ne}",
        f"reserve a table for {n} people {w}", f"recommend a good place for {rng.choice(EN_MEALS)} {ne}",
        f"is there a {cu} place open now {ne}", f"I'm hungry, find somewhere to eat {ne}",
        f"any good {cu} restaurants in {c}", f"book dinner for {n} {w}", f"I'm craving {fo}, any ideas {ne}",
        f"which restaurants {ne} are still open", f"get me a table at a {cu} restaurant {w}",
        f"what's the best place for {fo} in {c}", f"show me cheap places to eat {ne}",
        f"make a reservation for {n} at seven {w}", f"where should we go for {rng.choice(EN_MEALS)} in {c}"])


def _en_greeting(rng):
    hi, to, follow = rng.choice(EN_HI), rng.choice(EN_ADDRESSEE), rng.choice(EN_FOLLOW)
    s = hi + to
    if follow:
        s += rng.choice([", ", "! ", " "]) + follow
    return s


EN_MAKERS = {"weather": _en_weather, "alarm": _en_alarm, "music": _en_music, "timer": _en_timer,
             "translate": _en_translate, "restaurant": _en_restaurant, "greeting": _en_greeting}
# Openers: any request may take the first kind, a command (a verb first) also the second.
EN_OPENER = ["", "", "", "", "hey, ", "ok assistant, ", "excuse me, ", "quick question, "]
EN_POLITE = ["please ", "could you ", "can you please ", "would you "]
EN_COMMAND_VERBS = ("set", "wake", "cancel", "turn", "change", "remove", "snooze", "make", "move", "play", "put",
                    "shuffle", "skip", "pause", "start", "go", "queue", "count", "time", "tell", "add", "find",
                    "book", "reserve", "recommend", "get", "show", "translate", "say", "help", "check", "stop",
                    "resume", "let", "beep")


def english(rng, intent):
    s = " ".join(EN_MAKERS[intent](rng).split())
    question = s.startswith(("what", "how", "will", "is ", "do ", "can ", "could ", "where", "which", "who",
                             "any", "should", "in ")) or (intent == "greeting" and any(
        w in s for w in ("how", "what's up", "are you there"))) or "any ideas" in s
    if intent != "greeting":
        if s.startswith(EN_COMMAND_VERBS) and rng.random() < 0.25:
            s = rng.choice(EN_POLITE) + s
            question = not s.startswith("please")
        else:
            s = rng.choice(EN_OPENER) + s
    if rng.random() < 0.5:
        s = s[0].upper() + s[1:]
    end = rng.choice(["?", "?", ""] if question else [".", "", "", "!"])
    if s.endswith(("?", "!", ".")):
        end = ""
    return s + end


# ---- Traditional Chinese ------------------------------------------------------------------------

ZH_CITIES = ["台北", "高雄", "台中", "台南", "新竹", "花蓮", "宜蘭", "基隆", "嘉義", "屏東", "台東", "桃園",
             "東京", "大阪", "首爾", "香港", "新加坡", "倫敦", "巴黎", "紐約", "墾丁", "阿里山"]
ZH_WHEN = ["今天", "明天", "這個週末", "今晚", "星期五", "下禮拜", "今天下午", "明天早上", "禮拜天", "後天",
           "等一下", "今天傍晚"]
ZH_TIMES = ["七點", "六點半", "早上六點", "中午十二點", "五點四十五分", "晚上九點", "八點整", "七點十五分",
            "清晨五點", "十點半", "半夜十二點", "六點五十"]
ZH_MORNING = ["六點", "六點半", "七點", "五點四十五分", "七點十五分", "八點", "五點半"]
ZH_DAYS = ["明天", "星期一", "星期二", "平日", "星期六", "每天", "週末", "禮拜四"]
ZH_DURATIONS = ["十分鐘", "五分鐘", "一小時", "半小時", "九十秒", "三分鐘", "二十五分鐘", "兩個小時", "四十分鐘",
                "一分鐘", "十二分鐘", "一個半小時"]
ZH_GENRES = ["爵士樂", "古典音樂", "搖滾樂", "輕音樂", "嘻哈", "民謠", "鋼琴曲", "流行歌", "藍調", "台語歌",
             "老歌", "電子音樂", "兒歌"]
ZH_MOODS = ["放鬆", "輕快", "安靜", "開心", "悲傷", "熱血", "浪漫", "慵懶"]
ZH_ACTIVITIES = ["讀書", "跑步", "煮飯", "開車", "睡覺", "派對", "工作", "健身"]
ZH_SONGS = ["藍色河流", "紙燈籠", "清晨的潮水", "北方的光", "慢車回家", "守燈塔的人", "鐵皮屋頂上的雨", "巷口的夏天"]
ZH_PLAYLISTS = ["運動", "早晨", "放空", "公路旅行", "最愛", "晚餐", "專心"]
ZH_LANGS = ["英文", "日文", "德文", "法文", "韓文", "西班牙文", "義大利文", "越南文", "泰文", "台語", "客家話"]
ZH_PHRASES = ["早安", "非常謝謝你", "火車站在哪裡", "今天天氣很好", "請幫我擺好餐桌", "我想要一杯咖啡",
              "這個多少錢", "明天見", "彈鋼琴", "今晚會下雨", "起床了，已經很晚了", "我在找餐廳", "很高興認識你",
              "音樂太大聲了", "等五分鐘", "廁所在哪裡", "我很喜歡這首歌", "不好意思", "生日快樂", "兩個人的位子好了",
              "晚安", "我的鬧鐘沒響", "外面很冷", "請給我兩張票"]
ZH_WORDS = ["雨傘", "鬧鐘", "早餐", "雷雨", "吉他", "計時器", "菜單", "你好", "朋友", "下雪", "歌", "麵", "週末",
            "廚房"]
ZH_CUISINES = ["義大利菜", "日本料理", "泰式料理", "墨西哥菜", "印度菜", "素食", "韓式料理", "台菜", "法式料理",
               "越南菜", "海鮮", "拉麵"]
ZH_FOODS = ["披薩", "壽司", "水餃", "牛肉麵", "火鍋", "咖哩", "鬆餅", "炸雞", "珍珠奶茶", "港式點心", "臭豆腐",
            "滷肉飯"]
ZH_NEAR = ["附近", "這附近", "車站旁邊", "市區", "走路會到的地方", "公司附近"]
ZH_PEOPLE = ["兩", "四", "三", "六", "五", "八"]
ZH_COOKING = ["蛋", "義大利麵", "飯", "茶", "綠豆湯", "稀飯", "湯"]
ZH_HI = ["你好", "嗨", "哈囉", "早安", "午安", "晚安", "嗨嗨", "您好", "早啊", "安安", "哈囉哈囉", "大家好"]
ZH_ADDRESSEE = ["", "", "", "小幫手", "助理", "朋友", "機器人", "親愛的"]
ZH_FOLLOW = ["", "", "最近好嗎", "今天過得如何", "很高興認識你", "好久不見", "在嗎", "你今天好嗎", "吃飽了沒",
             "最近忙嗎", "又是我", "你還記得我嗎", "今天心情怎麼樣"]


def _zh_weather(rng):
    c, w = rng.choice(ZH_CITIES), rng.choice(ZH_WHEN)
    return rng.choice([
        f"{c}{w}天氣如何", f"{w}{c}會下雨嗎", f"{w}需要帶傘嗎", f"{c}現在幾度", f"幫我查一下{w}的天氣",
        f"{w}會不會很熱", f"{c}{w}會有颱風嗎", "外面冷不冷", f"{w}的氣溫是多少", f"{c}{w}空氣品質好嗎",
        f"{w}要穿外套嗎", f"{c}{w}是晴天嗎", f"{w}風會很大嗎", f"查一下{c}的天氣預報", f"{c}{w}濕度高嗎",
        f"{w}會打雷嗎", f"{w}適合去{c}野餐嗎", f"{c}{w}下雪的機率高嗎", f"{w}出門要不要防曬"])


def _zh_alarm(rng):
    t, d = rng.choice(ZH_TIMES), rng.choice(ZH_DAYS)
    return rng.choice([
        f"幫我設{t}的鬧鐘", f"{d}{t}叫我起床", f"明天早上{rng.choice(ZH_MORNING)}叫醒我", f"把鬧鐘改到{t}", f"取消{t}的鬧鐘",
        "關掉所有鬧鐘", f"設定一個{t}的鬧鐘", "鬧鐘再延後十分鐘", f"{d}的鬧鐘幫我關掉", f"我{t}要起床",
        f"{t}記得叫我", f"把{d}的鬧鐘改成{t}", f"我{d}有設鬧鐘嗎", f"設個鬧鐘，{d}{t}",
        f"鬧鐘設在{t}", f"{d}早上要早起，{t}叫我", f"早安鬧鐘設{t}"])


def _zh_music(rng):
    g, m, a = rng.choice(ZH_GENRES), rng.choice(ZH_MOODS), rng.choice(ZH_ACTIVITIES)
    song, pl = rng.choice(ZH_SONGS), rng.choice(ZH_PLAYLISTS)
    return rng.choice([
        f"播放{g}", f"我想聽{g}", f"放一首{m}的歌", "下一首", "暫停音樂", "音量調大一點", f"播放我的{pl}歌單",
        "隨機播放", f"放一些適合{a}的音樂", f"來點{g}", f"播放〈{song}〉", f"我想聽〈{song}〉這首歌",
        "上一首", "音樂小聲一點", f"放點{m}的{g}", f"{a}的時候想聽{g}", f"重播〈{song}〉", f"開始播放{pl}清單",
        f"換一首{m}一點的", "這首歌叫什麼名字，再放一次"])


def _zh_timer(rng):
    dur, food = rng.choice(ZH_DURATIONS), rng.choice(ZH_COOKING)
    return rng.choice([
        f"設定{dur}的計時器", f"計時{dur}", f"倒數{dur}", f"{dur}後提醒我", "計時器還剩多久", "取消計時器",
        "暫停計時", f"幫我計時{dur}，我在煮{food}", f"開始倒數{dur}", f"計時器設{dur}", "繼續計時",
        f"再加{dur}", f"{dur}後叫我一下", f"煮{food}要{dur}，幫我計時", "停止倒數", f"設一個{dur}的倒數"])


def _zh_translate(rng):
    p, lang, word = rng.choice(ZH_PHRASES), rng.choice(ZH_LANGS), rng.choice(ZH_WORDS)
    return rng.choice([
        f"「{p}」的{lang}怎麼說", f"把「{p}」翻譯成{lang}", f"{lang}的「{word}」是什麼意思", f"幫我翻譯成{lang}：{p}",
        f"用{lang}怎麼說「{p}」", f"「{p}」翻成{lang}", f"{word}的{lang}是什麼", f"{lang}要怎麼講{p}",
        f"請翻譯「{p}」，翻成{lang}", f"「{word}」用{lang}怎麼寫", f"教我用{lang}說{p}", f"{p}，{lang}怎麼講"])


def _zh_restaurant(rng):
    cu, fo, ne = rng.choice(ZH_CUISINES), rng.choice(ZH_FOODS), rng.choice(ZH_NEAR)
    n, w, c = rng.choice(ZH_PEOPLE), rng.choice(ZH_WHEN), rng.choice(ZH_CITIES)
    return rng.choice([
        f"{ne}有什麼好吃的{cu}", f"幫我訂{w}{n}個人的位子", f"推薦一家{cu}餐廳", f"{c}哪裡有好吃的{fo}",
        f"我想吃{fo}，{ne}有嗎", f"幫我找還有營業的{cu}店", f"訂{w}晚上{n}位", f"{ne}有便宜的餐廳嗎",
        f"我餓了，找個{ne}吃飯的地方", f"{c}最好吃的{fo}在哪", f"{w}想吃{cu}，幫我訂位", f"{ne}的{fo}店還開著嗎",
        f"預約{w}七點{n}個人", f"推薦{c}的{cu}", f"想找{ne}適合聚餐的餐廳"])


def _zh_greeting(rng):
    hi, to, follow = rng.choice(ZH_HI), rng.choice(ZH_ADDRESSEE), rng.choice(ZH_FOLLOW)
    s = hi + to
    if follow:
        s += rng.choice(["，", "！", "～"]) + follow
    return s


ZH_MAKERS = {"weather": _zh_weather, "alarm": _zh_alarm, "music": _zh_music, "timer": _zh_timer,
             "translate": _zh_translate, "restaurant": _zh_restaurant, "greeting": _zh_greeting}
# Openers: any request may take the first kind, a command (a verb first) also the second.
ZH_OPENER = ["", "", "", "", "欸，", "小幫手，", "不好意思，", "那個，"]
ZH_POLITE = ["請", "麻煩", "拜託"]
ZH_COMMAND_VERBS = ("幫", "播放", "設", "把", "取消", "關掉", "計時", "倒數", "開始", "推薦", "預約", "訂", "查",
                    "翻譯", "放", "暫停", "重播", "換", "停止", "繼續", "再加", "教", "隨機", "來點")


def chinese(rng, intent):
    s = ZH_MAKERS[intent](rng)
    question = s.endswith(("嗎", "如何", "多少", "幾度", "多久", "在哪", "什麼", "怎麼說", "怎麼講", "怎麼寫",
                           "不冷", "好嗎", "沒", "在嗎", "如何", "忙嗎", "我嗎", "怎麼樣")) or "會不會" in s or "要不要" in s
    if intent != "greeting":
        if s.startswith(ZH_COMMAND_VERBS) and rng.random() < 0.3:
            s = rng.choice(ZH_POLITE) + s
        else:
            s = rng.choice(ZH_OPENER) + s
    end = rng.choice(["？", "？", ""] if question else ["。", "", "", "！"])
    return s + end
