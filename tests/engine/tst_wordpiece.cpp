// WordPiece (BERT): BasicTokenizer cases from Hugging Face's tests, greedy longest-match-first,
// special tokens kept whole, vocab.txt / tokenizer_config.json loading and every loader error,
// decode, JSON round trip, encodeForModel, training, tokenId on every kind.
#include "text/bpe.h"
#include "text/tokenizer.h"
#include "text/wordpiece.h"

#include <QtTest>

#include <filesystem>
#include <fstream>

Q_DECLARE_METATYPE(std::string)

using lm::WordPieceOptions;
using lm::WordPieceTokenizer;
using nlohmann::json;

namespace {

// The five special tokens first (ids 0..4), then a handful of words and pieces.
const std::vector<std::string> kVocab = {
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",                                  // 0..4
    "the", "un", "##aff", "##able", "hello", ",", "!", "世", "界", "is", "red",     // 5..15
    ".", "want", "##want", "##ed", "wa", "runn", "##ing", "a", "##a", "Hello",     // 16..25
    "'", "s", "he", "##llo", "[", "]", "mask",                                     // 26..32
};

std::int32_t idOf(const std::string &token)
{
    const auto it = std::find(kVocab.begin(), kVocab.end(), token);
    if (it == kVocab.end())
        qFatal("test vocabulary lacks %s", token.c_str());
    return static_cast<std::int32_t>(it - kVocab.begin());
}

WordPieceTokenizer make(WordPieceOptions opts = {})
{
    auto t = WordPieceTokenizer::fromVocab(kVocab, opts, "test vocab");
    if (!t)
        qFatal("fromVocab: %s", t.error().c_str());
    return std::move(t).value();
}

std::string join(const std::vector<std::string> &lines)
{
    std::string out;
    for (const std::string &l : lines)
        out += l + "\n";
    return out;
}

std::string writeFile(const QTemporaryDir &dir, const std::string &name, const std::string &bytes)
{
    const std::string path = dir.filePath(QString::fromStdString(name)).toStdString();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

QStringList tokensOf(const WordPieceTokenizer &t, const std::vector<std::int32_t> &ids)
{
    QStringList out;
    for (std::int32_t id : ids)
        out << QString::fromStdString(t.vocab()[static_cast<std::size_t>(id)]);
    return out;
}

const std::string kCorpus = "The king is old. The queen is young; the prince is kind.\n"
                            "Lower, lowest, newer, newest, wider, widest! Unaffable unwanted running.\n"
                            "國王很老。王后很年輕。\n";

} // namespace

class TestWordPiece final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void basicTokenize_data();
    void basicTokenize();
    void wordPiece_data();
    void wordPiece();
    void specialTokensStayWhole();
    void loadVocabTxt();
    void configOptions();
    void loaderErrors_data();
    void loaderErrors();
    void decode_data();
    void decode();
    void decodeAndTokenText();
    void jsonRoundTrip();
    void hostileJson_data();
    void hostileJson();
    void encodeForModel();
    void trainDeterministicAndCovering();
    void trainMergesFrequentPairs();
    void trainErrors();
    void tokenIdOnEveryKind();
};

void TestWordPiece::basicTokenize_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<bool>("lower");
    QTest::addColumn<bool>("strip");
    QTest::addColumn<QStringList>("words");
    // Hugging Face's BasicTokenizer tests (tests/models/bert/test_tokenization_bert.py).
    QTest::newRow("hf lower") << std::string(" \tHeLLo!how  \n Are yoU?  ") << true << true
                              << QStringList{u"hello"_qs, u"!"_qs, u"how"_qs, u"are"_qs, u"you"_qs, u"?"_qs};
    QTest::newRow("hf lower, strip false") << std::string(" \tHäLLo!how  \n Are yoU?  ") << true << false
                                           << QStringList{u"hällo"_qs, u"!"_qs, u"how"_qs, u"are"_qs, u"you"_qs, u"?"_qs};
    QTest::newRow("hf lower, strip true") << std::string(" \tHäLLo!how  \n Are yoU?  ") << true << true
                                          << QStringList{u"hallo"_qs, u"!"_qs, u"how"_qs, u"are"_qs, u"you"_qs, u"?"_qs};
    QTest::newRow("hf no lower") << std::string(" \tHeLLo!how  \n Are yoU?  ") << false << false
                                 << QStringList{u"HeLLo"_qs, u"!"_qs, u"how"_qs, u"Are"_qs, u"yoU"_qs, u"?"_qs};
    QTest::newRow("hf no lower, strip true") << std::string(" \tHäLLo!how  \n Are yoU?  ") << false << true
                                             << QStringList{u"HaLLo"_qs, u"!"_qs, u"how"_qs, u"Are"_qs, u"yoU"_qs, u"?"_qs};
    QTest::newRow("hf chinese") << std::string("ah\u535A\u63A8zz") << true << true
                                << QStringList{u"ah"_qs, u"\u535A"_qs, u"\u63A8"_qs, u"zz"_qs};
    QTest::newRow("brief example") << std::string("Héllo, 世界!") << true << true
                                   << QStringList{u"hello"_qs, u","_qs, u"世"_qs, u"界"_qs, u"!"_qs};
    QTest::newRow("controls dropped, \\v too") << std::string("a\x01" "b\u200Bc\vd\te") << true << true
                                               << QStringList{u"abcd"_qs, u"e"_qs};
    QTest::newRow("unicode punctuation") << std::string("«quote»—x…") << true << true
                                         << QStringList{u"«"_qs, u"quote"_qs, u"»"_qs, u"—"_qs, u"x"_qs, u"…"_qs};
    QTest::newRow("ascii $ is punctuation, fullwidth ＄ is not") << std::string("$5 x＄y") << true << true
                                                                << QStringList{u"$"_qs, u"5"_qs, u"x＄y"_qs};
    QTest::newRow("CJK punctuation splits") << std::string("你好。「是」") << true << true
                                            << QStringList{u"你"_qs, u"好"_qs, u"。"_qs, u"「"_qs, u"是"_qs, u"」"_qs};
    QTest::newRow("kana is not split by character") << std::string("ひらがな") << true << true << QStringList{u"ひらがな"_qs};
    QTest::newRow("Greek tonos") << std::string("Άλφα") << true << true << QStringList{u"αλφα"_qs};
    QTest::newRow("Turkish dotted I") << std::string("İstanbul") << true << true << QStringList{u"istanbul"_qs};
    QTest::newRow("Latin Extended-A") << std::string("Łódź Škoda Őrs") << true << true
                                      << QStringList{u"łodz"_qs, u"skoda"_qs, u"ors"_qs};
    QTest::newRow("Hangul decomposes to jamo") << std::string("한") << true << true << QStringList{u"\u1112\u1161\u11AB"_qs};
    QTest::newRow("ideographic space separates") << std::string("a\u3000b\u2028c") << true << true
                                                 << QStringList{u"a"_qs, u"b"_qs, u"c"_qs};
    QTest::newRow("empty") << std::string() << true << true << QStringList{};
}

void TestWordPiece::basicTokenize()
{
    QFETCH(std::string, text);
    QFETCH(bool, lower);
    QFETCH(bool, strip);
    QFETCH(QStringList, words);
    QStringList got;
    for (const std::string &w : WordPieceTokenizer::basicTokenize(text, {lower, strip, true}))
        got << QString::fromStdString(w);
    QCOMPARE(got, words);
}

void TestWordPiece::wordPiece_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<QStringList>("tokens");
    QTest::newRow("unaffable") << std::string("unaffable") << QStringList{u"un"_qs, u"##aff"_qs, u"##able"_qs};
    // Hugging Face's test_wordpiece_tokenizer.
    QTest::newRow("hf unwanted running") << std::string("unwanted running")
                                         << QStringList{u"un"_qs, u"##want"_qs, u"##ed"_qs, u"runn"_qs, u"##ing"_qs};
    QTest::newRow("hf unmatched word is one [UNK]") << std::string("unwantedX running")
                                                    << QStringList{u"[UNK]"_qs, u"runn"_qs, u"##ing"_qs};
    QTest::newRow("brief example") << std::string("Héllo, 世界!")
                                   << QStringList{u"hello"_qs, u","_qs, u"世"_qs, u"界"_qs, u"!"_qs};
    QTest::newRow("longest first: hello not he ##llo") << std::string("hello") << QStringList{u"hello"_qs};
    QTest::newRow("100 characters") << std::string(100, 'a') << (QStringList{u"a"_qs} + QStringList(99, u"##a"_qs));
    QTest::newRow("101 characters is [UNK]") << std::string(101, 'a') << QStringList{u"[UNK]"_qs};
    QTest::newRow("apostrophe") << std::string("the red's") << QStringList{u"the"_qs, u"red"_qs, u"'"_qs, u"s"_qs};
}

void TestWordPiece::wordPiece()
{
    QFETCH(std::string, text);
    QFETCH(QStringList, tokens);
    const auto t = make();
    QCOMPARE(tokensOf(t, t.encode(text)), tokens);
}

void TestWordPiece::specialTokensStayWhole()
{
    const auto t = make();
    QCOMPARE(t.encode("the [MASK] is red"), (std::vector<std::int32_t>{idOf("the"), t.maskId(), idOf("is"), idOf("red")}));
    QCOMPARE(t.maskId(), 4);
    QCOMPARE(t.padId(), 0);
    QCOMPARE(t.unkId(), 1);
    QCOMPARE(t.clsId(), 2);
    QCOMPARE(t.sepId(), 3);
    // Glued to text, and every special.
    QCOMPARE(t.encode("[CLS]the[SEP][PAD][UNK]"),
             (std::vector<std::int32_t>{t.clsId(), idOf("the"), t.sepId(), t.padId(), t.unkId()}));
    // Case-sensitive and exact: "[mask]" is ordinary text, split at its brackets.
    QCOMPARE(tokensOf(t, t.encode("[mask]")), (QStringList{u"["_qs, u"mask"_qs, u"]"_qs}));
    QCOMPARE(tokensOf(t, t.encode("[MASK")), (QStringList{u"["_qs, u"mask"_qs}));
}

void TestWordPiece::loadVocabTxt()
{
    QTemporaryDir dir;
    const std::string vocab = writeFile(dir, "vocab.txt", join(kVocab));
    const auto t = WordPieceTokenizer::loadVocabTxt(vocab, dir.filePath(u"missing.json"_qs).toStdString());
    QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
    QCOMPARE(t.value().vocabSize(), int(kVocab.size()));
    QCOMPARE(t.value().find("##aff"), std::optional<std::int32_t>(idOf("##aff")));
    QCOMPARE(t.value().find("nope"), std::optional<std::int32_t>());
    QVERIFY(t.value().options().lowercase); // HF's default
    QCOMPARE(tokensOf(t.value(), t.value().encode("Unaffable")), (QStringList{u"un"_qs, u"##aff"_qs, u"##able"_qs}));
    // CRLF and no final line break.
    std::string crlf = join(kVocab);
    for (std::size_t p = crlf.find('\n'); p != std::string::npos; p = crlf.find('\n', p + 2))
        crlf.replace(p, 1, "\r\n");
    crlf.resize(crlf.size() - 2);
    const auto t2 = WordPieceTokenizer::loadVocabTxt(writeFile(dir, "crlf.txt", crlf), "");
    QVERIFY2(t2.ok(), t2.ok() ? "" : t2.error().c_str());
    QVERIFY(t2.value().vocab() == kVocab);
}

void TestWordPiece::configOptions()
{
    QTemporaryDir dir;
    const std::string vocab = writeFile(dir, "vocab.txt", join(kVocab));
    const auto load = [&](const std::string &config) {
        auto t = WordPieceTokenizer::loadVocabTxt(vocab, writeFile(dir, "tokenizer_config.json", config));
        if (!t)
            qFatal("load: %s", t.error().c_str());
        return std::move(t).value();
    };
    const auto cased = load(R"({"do_lower_case": false, "model_max_length": 512})");
    QCOMPARE(cased.encode("Hello"), std::vector<std::int32_t>{idOf("Hello")});
    QCOMPARE(make().encode("Hello"), std::vector<std::int32_t>{idOf("hello")});
    QVERIFY(!cased.options().stripAccents); // null/absent strip_accents follows do_lower_case
    QVERIFY(load(R"({"do_lower_case": false, "strip_accents": true})").options().stripAccents);
    QVERIFY(!load(R"({"do_lower_case": true, "strip_accents": false})").options().stripAccents);
    QVERIFY(load(R"({"do_lower_case": true, "strip_accents": null})").options().stripAccents);
    const auto noChinese = load(R"({"tokenize_chinese_chars": false})");
    QCOMPARE(noChinese.encode("世界"), std::vector<std::int32_t>{noChinese.unkId()}); // one word "世界", not in the vocabulary
    QCOMPARE(make().encode("世界"), (std::vector<std::int32_t>{idOf("世"), idOf("界")}));
}

void TestWordPiece::loaderErrors_data()
{
    QTest::addColumn<std::string>("vocab");  // "" with missingVocab = no file
    QTest::addColumn<std::string>("config"); // "-" = no config file
    QTest::addColumn<std::string>("expected");
    const auto without = [](const std::string &token) {
        std::vector<std::string> v = kVocab;
        v.erase(std::find(v.begin(), v.end(), token));
        return join(v);
    };
    const std::string good = join(kVocab);
    QTest::newRow("missing vocab file") << std::string("<none>") << std::string("-") << std::string("vocab.txt: cannot open");
    QTest::newRow("empty vocab") << std::string() << std::string("-") << std::string("vocab.txt: empty vocabulary");
    QTest::newRow("duplicate names the lines") << good + "the\n" << std::string("-")
                                               << std::string("vocab.txt:34: duplicate token \"the\" (also on line 6)");
    QTest::newRow("no [UNK]") << without("[UNK]") << std::string("-") << std::string("vocab.txt: no [UNK] token");
    QTest::newRow("no [MASK]") << without("[MASK]") << std::string("-") << std::string("vocab.txt: no [MASK] token");
    QTest::newRow("no [CLS]") << without("[CLS]") << std::string("-") << std::string("vocab.txt: no [CLS] token");
    QTest::newRow("no [SEP]") << without("[SEP]") << std::string("-") << std::string("vocab.txt: no [SEP] token");
    QTest::newRow("no [PAD]") << without("[PAD]") << std::string("-") << std::string("vocab.txt: no [PAD] token");
    QTest::newRow("invalid UTF-8 names the line") << std::string("[PAD]\n[UNK]\nb\xC3(\n") << std::string("-")
                                                  << std::string("vocab.txt:3: invalid UTF-8");
    QTest::newRow("empty line") << std::string("[PAD]\n\n[UNK]\n") << std::string("-") << std::string("vocab.txt:2: empty line");
    QTest::newRow("larger than 64 MiB") << std::string("<huge>") << std::string("-") << std::string("more than the limit");
    QTest::newRow("config not JSON") << good << std::string("{\"do_lower_case\": tru") << std::string("tokenizer_config.json:1: bad JSON");
    QTest::newRow("config not an object") << good << std::string("[true]") << std::string("tokenizer_config.json: not a JSON object");
    QTest::newRow("do_lower_case a string") << good << std::string(R"({"do_lower_case": "yes"})")
                                            << std::string("\"do_lower_case\" must be true or false");
    QTest::newRow("strip_accents a number") << good << std::string(R"({"strip_accents": 1})")
                                            << std::string("\"strip_accents\" must be true or false or null");
    QTest::newRow("tokenize_chinese_chars null") << good << std::string(R"({"tokenize_chinese_chars": null})")
                                                 << std::string("\"tokenize_chinese_chars\" must be true or false");
    QTest::newRow("config is a directory") << good << std::string("<dir>") << std::string("is a directory");
}

void TestWordPiece::loaderErrors()
{
    QFETCH(std::string, vocab);
    QFETCH(std::string, config);
    QFETCH(std::string, expected);
    QTemporaryDir dir;
    const std::string vocabPath = dir.filePath(u"vocab.txt"_qs).toStdString();
    if (vocab == "<huge>") {
        std::ofstream(vocabPath) << "[PAD]\n";
        std::filesystem::resize_file(vocabPath, (std::uintmax_t(64) << 20) + 1); // sparse, nothing written
    } else if (vocab != "<none>") {
        writeFile(dir, "vocab.txt", vocab);
    }
    std::string configPath = dir.filePath(u"tokenizer_config.json"_qs).toStdString();
    if (config == "<dir>")
        std::filesystem::create_directory(configPath);
    else if (config != "-")
        writeFile(dir, "tokenizer_config.json", config);
    const auto t = WordPieceTokenizer::loadVocabTxt(vocabPath, configPath);
    QVERIFY(!t.ok());
    QVERIFY2(t.error().find(expected) != std::string::npos, t.error().c_str());
}

void TestWordPiece::decode_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("decoded");
    QTest::newRow("## pieces glued, CJK together, cleanup") << std::string("Héllo, 世界!") << std::string("hello, 世界!");
    QTest::newRow("pieces") << std::string("unaffable unwanted running") << std::string("unaffable unwanted running");
    QTest::newRow("special kept as text") << std::string("the [MASK] is red.") << std::string("the [MASK] is red.");
    QTest::newRow("unknown word") << std::string("the zebra") << std::string("the [UNK]");
    QTest::newRow("'s cleaned up") << std::string("the red's") << std::string("the red's");
}

void TestWordPiece::decode()
{
    QFETCH(std::string, text);
    QFETCH(std::string, decoded);
    const auto t = make();
    QCOMPARE(t.decode(t.encode(text)), decoded);
}

void TestWordPiece::decodeAndTokenText()
{
    const auto t = make();
    QCOMPARE(t.decode({}), std::string());
    QCOMPARE(t.tokenText(idOf("##aff")), std::string("##aff"));
    QCOMPARE(t.tokenText(t.maskId()), std::string("[MASK]"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)t.decode({0, t.vocabSize()}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)t.tokenText(-1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)t.encode("ab\xFF"));
    const auto odd = WordPieceTokenizer::fromVocab({"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "a b", "\x01"}, {});
    QVERIFY(odd.ok());
    QCOMPARE(odd.value().tokenText(5), std::string("a␣b"));
    QCOMPARE(odd.value().tokenText(6), std::string("\\x01"));
}

void TestWordPiece::jsonRoundTrip()
{
    const auto trained = WordPieceTokenizer::train(kCorpus, {200, 1});
    for (const WordPieceTokenizer *t : {&trained}) {
        const auto again = lm::tokenizerFromJson(json::parse(t->toJson().dump()));
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().c_str());
        QCOMPARE(again.value()->kind(), std::string("wordpiece"));
        QVERIFY(again.value()->toJson() == t->toJson());
        const std::string probe = kCorpus + "An unseen zebra [MASK] 字.";
        QVERIFY(again.value()->encode(probe) == t->encode(probe));
        QCOMPARE(again.value()->tokenId("[MASK]"), std::optional<std::int32_t>(4));
    }
    // Options travel too.
    const auto cased = make({false, false, false});
    const auto back = lm::tokenizerFromJson(cased.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back.value()->encode("Hello 世界"), cased.encode("Hello 世界"));
}

void TestWordPiece::hostileJson_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expected");
    const std::string specials = R"("[PAD]","[UNK]","[CLS]","[SEP]","[MASK]")";
    const std::string flags = R"("lowercase":true,"strip_accents":true,"chinese_chars":true)";
    QTest::newRow("no vocab") << std::string(R"({"kind":"wordpiece",)" + flags + "}") << std::string("\"vocab\" is missing");
    QTest::newRow("vocab entry not string") << R"({"kind":"wordpiece","vocab":[)" + specials + ",3]," + flags + "}"
                                            << std::string("\"vocab\"[5] is not a string");
    QTest::newRow("no [MASK]") << std::string(R"({"kind":"wordpiece","vocab":["[PAD]","[UNK]","[CLS]","[SEP]"],)") + flags + "}"
                               << std::string("no [MASK] token");
    QTest::newRow("duplicate") << R"({"kind":"wordpiece","vocab":[)" + specials + R"(,"a","a"],)" + flags + "}"
                               << std::string("token 6 (\"a\") duplicates token 5");
    QTest::newRow("line break in token") << R"({"kind":"wordpiece","vocab":[)" + specials + R"(,"a\nb"],)" + flags + "}"
                                         << std::string("line break");
    QTest::newRow("flag missing") << R"({"kind":"wordpiece","vocab":[)" + specials + "]}" << std::string("\"lowercase\" is missing");
    QTest::newRow("flag wrong type") << R"({"kind":"wordpiece","vocab":[)" + specials
                                            + R"(],"lowercase":1,"strip_accents":true,"chinese_chars":true})"
                                     << std::string("\"lowercase\" is missing or not true/false");
}

void TestWordPiece::hostileJson()
{
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    const auto t = lm::tokenizerFromJson(json::parse(text));
    QVERIFY(!t.ok());
    QVERIFY2(t.error().find(expected) != std::string::npos, t.error().c_str());
}

void TestWordPiece::encodeForModel()
{
    const auto t = make();
    const std::int32_t cls = t.clsId(), sep = t.sepId();
    const auto one = t.encodeForModel("the red", std::nullopt, 0);
    QCOMPARE(one.ids, (std::vector<std::int32_t>{cls, idOf("the"), idOf("red"), sep}));
    QCOMPARE(one.tokenTypes, (std::vector<std::int32_t>{0, 0, 0, 0}));
    const auto pair = t.encodeForModel("the red", std::string_view("is hello"), 0);
    QCOMPARE(pair.ids, (std::vector<std::int32_t>{cls, idOf("the"), idOf("red"), sep, idOf("is"), idOf("hello"), sep}));
    QCOMPARE(pair.tokenTypes, (std::vector<std::int32_t>{0, 0, 0, 0, 1, 1, 1}));
    // Longest first: A has 5 tokens, B 2; 7 ids leave 7 - 3 = 4 for the texts: A loses 3.
    const auto cut = t.encodeForModel("a a a a a", std::string_view("the red"), 7);
    QCOMPARE(cut.ids, (std::vector<std::int32_t>{cls, idOf("a"), idOf("a"), sep, idOf("the"), idOf("red"), sep}));
    // Equal lengths: B loses first, then A.
    const auto tie = t.encodeForModel("a a a", std::string_view("red red red"), 3 + 2 + 1);
    QCOMPARE(tie.ids, (std::vector<std::int32_t>{cls, idOf("a"), idOf("a"), sep, idOf("red"), sep}));
    QCOMPARE(tie.tokenTypes, (std::vector<std::int32_t>{0, 0, 0, 0, 1, 1}));
    QCOMPARE(t.encodeForModel("a a a", std::nullopt, 3).ids, (std::vector<std::int32_t>{cls, idOf("a"), sep}));
    QCOMPARE(t.encodeForModel("", std::string_view(""), 3).ids, (std::vector<std::int32_t>{cls, sep, sep}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)t.encodeForModel("a", std::string_view("b"), 2));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)t.encodeForModel("a", std::nullopt, -1));
}

void TestWordPiece::trainDeterministicAndCovering()
{
    const auto a = WordPieceTokenizer::train(kCorpus, {90, 1});
    const auto b = WordPieceTokenizer::train(kCorpus, {90, 1});
    QVERIFY(a.toJson() == b.toJson());
    QCOMPARE(a.vocabSize(), 90); // the corpus has merges enough for 100
    for (std::size_t i = 0; i < WordPieceTokenizer::kSpecialTokens.size(); ++i)
        QCOMPARE(a.vocab()[i], std::string(WordPieceTokenizer::kSpecialTokens[i]));
    QCOMPARE(a.maskId(), 4);
    // Every character of the corpus is in the alphabet, so the corpus has no [UNK].
    const auto ids = a.encode(kCorpus);
    QCOMPARE(std::count(ids.begin(), ids.end(), a.unkId()), std::ptrdiff_t(0));
    QVERIFY(a.find("##a").has_value() && a.find("國").has_value());
    // A trained vocabulary encodes its text in fewer tokens than characters.
    QVERIFY(ids.size() < kCorpus.size() / 3);
    // Cased training keeps case.
    const auto cased = WordPieceTokenizer::train(kCorpus, {200, 1}, false);
    QVERIFY(cased.find("T").has_value());
    QVERIFY(!a.find("T").has_value());
    // Too small a budget for every character: the most frequent are kept, the rest are [UNK].
    const auto tiny = WordPieceTokenizer::train(kCorpus, {12, 1});
    QCOMPARE(tiny.vocabSize(), 12);
    const auto tinyIds = tiny.encode(kCorpus);
    QVERIFY(std::count(tinyIds.begin(), tinyIds.end(), tiny.unkId()) > 0);
    // Through buildTokenizer, as the training setup does.
    const auto built = lm::buildTokenizer("wordpiece", kCorpus, {0, 1});
    QVERIFY2(built.ok(), built.ok() ? "" : built.error().c_str());
    QVERIFY(built.value()->vocabSize() <= 2000);
    QVERIFY(built.value()->tokenId("[MASK]") == std::optional<std::int32_t>(4));
}

void TestWordPiece::trainMergesFrequentPairs()
{
    std::string text;
    for (int i = 0; i < 20; ++i)
        text += "lowest lower low ";
    const auto t = WordPieceTokenizer::train(text, {0, 1});
    // Everything merges back into the three words; "low" (60 times) comes before the others.
    QVERIFY(t.find("low").has_value() && t.find("lower").has_value() && t.find("lowest").has_value());
    QVERIFY(*t.find("low") < *t.find("lower"));
    QCOMPARE(t.encode("lowest low"), (std::vector<std::int32_t>{*t.find("lowest"), *t.find("low")}));
    // minCount stops the merges: no pair occurs 61 times.
    const auto none = WordPieceTokenizer::train(text, {0, 61});
    QVERIFY(!none.find("lo").has_value());
    QCOMPARE(none.vocabSize(), 5 + 1 + 6); // the specials, l, then ##e ##o ##r ##s ##t ##w
}

void TestWordPiece::trainErrors()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)WordPieceTokenizer::train("abc", {5, 1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)WordPieceTokenizer::train("abc", {-1, 1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)WordPieceTokenizer::train("abc", {0, 0}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)WordPieceTokenizer::train("a\xFF", {0, 1}));
    const auto empty = WordPieceTokenizer::train("", {0, 1});
    QCOMPARE(empty.vocabSize(), 5);
    QCOMPARE(empty.encode("abc"), std::vector<std::int32_t>{empty.unkId()});
}

void TestWordPiece::tokenIdOnEveryKind()
{
    const auto wp = make();
    QCOMPARE(wp.tokenId("[MASK]"), std::optional<std::int32_t>(4));
    QCOMPARE(wp.tokenId("##able"), std::optional<std::int32_t>(idOf("##able")));
    QCOMPARE(wp.tokenId("able"), std::optional<std::int32_t>());
    const auto word = lm::buildTokenizer("word", "b a a", {});
    QCOMPARE(word.value()->tokenId("a"), std::optional<std::int32_t>(1));
    QCOMPARE(word.value()->tokenId("<unk>"), std::optional<std::int32_t>(0));
    QCOMPARE(word.value()->tokenId("zz"), std::optional<std::int32_t>());
    const auto chr = lm::buildTokenizer("char", "b a a 國", {});
    QCOMPARE(chr.value()->tokenId("國"), std::optional<std::int32_t>(4));
    QCOMPARE(chr.value()->tokenId("ab"), std::optional<std::int32_t>());
    QCOMPARE(chr.value()->tokenId("\xFF"), std::optional<std::int32_t>());
    const auto bpe = lm::buildTokenizer("bpe", "aaaa aaaa", {258, 1});
    QCOMPARE(bpe.value()->tokenId("a"), std::optional<std::int32_t>('a'));
    QCOMPARE(bpe.value()->tokenId("aa"), std::optional<std::int32_t>(256));
    QCOMPARE(lm::ByteTokenizer().tokenId("a"), std::optional<std::int32_t>());
}

QTEST_APPLESS_MAIN(TestWordPiece)
#include "tst_wordpiece.moc"
