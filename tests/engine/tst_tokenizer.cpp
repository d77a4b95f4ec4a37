// Byte, char and word tokenizers: round trips, <unk>, vocabulary caps, JSON form, hostile JSON.
#include "text/tokenizer.h"

#include <QtTest>

#include <random>
#include <string>

Q_DECLARE_METATYPE(std::string)

using nlohmann::json;

namespace {

std::unique_ptr<lm::Tokenizer> build(const std::string &kind, std::string_view text, lm::TokenizerOptions opts = {})
{
    auto t = lm::buildTokenizer(kind, text, opts);
    if (!t.ok())
        qFatal("buildTokenizer(%s) failed: %s", kind.c_str(), t.error().c_str());
    return std::move(t).value();
}

const std::string kMixed = "The king is old.\nThe queen is kind, and the prince is young!\n"
                           "國王很老。\n王后很善良，王子很年輕。\n";

} // namespace

class TestTokenizer final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void byteRoundTripsArbitraryBytes();
    void byteTokenText();
    void roundTrip_data();
    void roundTrip();
    void wordSegmentation_data();
    void wordSegmentation();
    void unknownMapsToUnk();
    void vocabOrderAndCaps();
    void invalidUtf8Throws();
    void decodeRejectsOutOfRange();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void hostileJson_data();
    void hostileJson();
    void buildErrors();
};

void TestTokenizer::byteRoundTripsArbitraryBytes()
{
    std::mt19937 rng(7);
    std::string bytes(4096, '\0');
    for (char &c : bytes)
        c = static_cast<char>(rng() & 0xFF); // includes NUL and invalid UTF-8
    const auto tok = build("byte", "");
    QCOMPARE(tok->vocabSize(), 256);
    const auto ids = tok->encode(bytes);
    QCOMPARE(ids.size(), bytes.size());
    QCOMPARE(ids[0], std::int32_t(static_cast<unsigned char>(bytes[0])));
    QVERIFY(tok->decode(ids) == bytes);
}

void TestTokenizer::byteTokenText()
{
    lm::ByteTokenizer tok;
    QCOMPARE(tok.tokenText(0x0A), std::string("\\n"));
    QCOMPARE(tok.tokenText('a'), std::string("a"));
    QCOMPARE(tok.tokenText(' '), std::string("␣"));
    QCOMPARE(tok.tokenText(0x00), std::string("\\x00"));
    QCOMPARE(tok.tokenText(0xC3), std::string("\\xC3"));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tok.tokenText(256));
}

void TestTokenizer::roundTrip_data()
{
    QTest::addColumn<std::string>("kind");
    QTest::addColumn<std::string>("text");
    for (const char *kind : {"byte", "char", "word"}) {
        const std::string k = kind;
        QTest::newRow((k + ": English").c_str()) << k << std::string("The king is old.\nThe queen is kind, and the prince is young!\n");
        QTest::newRow((k + ": Chinese").c_str()) << k << std::string("國王很老。\n王后很善良，王子很年輕。\n");
        QTest::newRow((k + ": mixed").c_str()) << k << kMixed;
        QTest::newRow((k + ": no final newline").c_str()) << k << std::string("The king is old.\n國王很老。");
    }
    QTest::newRow("word: CJK next to Latin") << std::string("word") << std::string("我說hello，好。Then (he) left: ok?\n");
    // Char round trips keep any spacing; word round trips only normalised spacing (see header).
    QTest::newRow("char: odd spacing") << std::string("char") << std::string("  The  king\tis old .  \n");
    QTest::newRow("char: 4-byte chars") << std::string("char") << std::string("a\U0001F600b\U00020000\n");
}

void TestTokenizer::roundTrip()
{
    QFETCH(std::string, kind);
    QFETCH(std::string, text);
    // Trained on the very text, so every token is known.
    const auto tok = build(kind, text);
    QCOMPARE(tok->kind(), kind);
    const auto ids = tok->encode(text);
    for (std::int32_t id : ids)
        QVERIFY(id > 0 || kind == "byte");
    QCOMPARE(tok->decode(ids), text);
}

void TestTokenizer::wordSegmentation_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<QStringList>("tokens");
    QTest::newRow("words and period") << std::string("The king is old.") << QStringList{u"The"_qs, u"king"_qs, u"is"_qs, u"old"_qs, u"."_qs};
    QTest::newRow("newline kept, spaces dropped") << std::string("a  b\n\tc ") << QStringList{u"a"_qs, u"b"_qs, u"\n"_qs, u"c"_qs};
    QTest::newRow("every CJK char alone") << std::string("國王很老。") << QStringList{u"國"_qs, u"王"_qs, u"很"_qs, u"老"_qs, u"。"_qs};
    QTest::newRow("CJK glued to Latin") << std::string("我說hello，好") << QStringList{u"我"_qs, u"說"_qs, u"hello"_qs, u"，"_qs, u"好"_qs};
    QTest::newRow("apostrophe splits") << std::string("don't") << QStringList{u"don"_qs, u"'"_qs, u"t"_qs};
    QTest::newRow("ideographic space separates") << std::string("a\u3000b") << QStringList{u"a"_qs, u"b"_qs};
    QTest::newRow("empty") << std::string() << QStringList{};
}

void TestTokenizer::wordSegmentation()
{
    QFETCH(std::string, text);
    QFETCH(QStringList, tokens);
    QStringList got;
    for (const std::string &t : lm::WordTokenizer::splitWords(text))
        got << QString::fromStdString(t);
    QCOMPARE(got, tokens);
}

void TestTokenizer::unknownMapsToUnk()
{
    const auto chr = build("char", "abc");
    const auto ids = chr->encode("abzc");
    QCOMPARE(ids.size(), std::size_t(4));
    QCOMPARE(ids[2], lm::CharTokenizer::kUnkId);
    QVERIFY(ids[0] != 0 && ids[1] != 0 && ids[3] != 0);
    QCOMPARE(chr->decode(ids), std::string("ab<unk>c"));
    QCOMPARE(chr->tokenText(0), std::string("<unk>"));

    const auto word = build("word", "the king is old .\n國王");
    const auto wids = word->encode("the queen is old. 王后");
    // the queen is old . 王 后
    QCOMPARE(wids.size(), std::size_t(7));
    QCOMPARE(wids[1], lm::WordTokenizer::kUnkId);
    QVERIFY(wids[5] != 0);                            // 王 is known from 國王
    QCOMPARE(wids[6], lm::WordTokenizer::kUnkId);     // 后 is not
    QCOMPARE(word->decode(wids), std::string("the <unk> is old.王<unk>")); // no space next to CJK
}

void TestTokenizer::vocabOrderAndCaps()
{
    // counts: a 4, b 3, c 2, d 1; spaces 9 for char
    const std::string text = "a a a a b b b c c d";
    const auto word = build("word", text);
    QCOMPARE(word->vocabSize(), 1 + 4);
    QCOMPARE(word->tokenText(1), std::string("a"));
    QCOMPARE(word->tokenText(4), std::string("d"));

    QCOMPARE(build("word", text, {3, 1})->vocabSize(), 3); // <unk> a b
    QCOMPARE(build("word", text, {0, 2})->vocabSize(), 1 + 3); // d dropped
    const auto capped = build("word", text, {3, 1});
    QCOMPARE(capped->encode("c")[0], lm::WordTokenizer::kUnkId);

    const auto chr = build("char", text);
    QCOMPARE(chr->vocabSize(), 1 + 5);
    QCOMPARE(chr->tokenText(1), std::string("␣")); // space is the most frequent
    QCOMPARE(chr->tokenText(2), std::string("a"));
    QCOMPARE(build("char", text, {4, 1})->vocabSize(), 4);
    QCOMPARE(build("char", text, {0, 3})->vocabSize(), 1 + 3); // space a b

    // Ties break by text, so equal counts still give one fixed order.
    const auto tie = build("word", "zeta alpha mid");
    QCOMPARE(tie->tokenText(1), std::string("alpha"));
    QCOMPARE(tie->tokenText(3), std::string("zeta"));
}

void TestTokenizer::invalidUtf8Throws()
{
    const auto chr = build("char", "abc");
    const auto word = build("word", "abc");
    try {
        (void)chr->encode("ab\xFF");
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(std::string(e.what()).find("byte offset 2") != std::string::npos, e.what());
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)word->encode("a \xC3"));
    const auto bad = lm::buildTokenizer("word", "ok\xC0\xAF");
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().find("byte offset 2") != std::string::npos, bad.error().c_str());
}

void TestTokenizer::decodeRejectsOutOfRange()
{
    for (const char *kind : {"byte", "char", "word"}) {
        const auto tok = build(kind, kMixed);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)tok->decode({0, tok->vocabSize()}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)tok->decode({-1}));
    }
}

void TestTokenizer::jsonRoundTrip_data()
{
    QTest::addColumn<std::string>("kind");
    QTest::newRow("byte") << std::string("byte");
    QTest::newRow("char") << std::string("char");
    QTest::newRow("word") << std::string("word");
}

void TestTokenizer::jsonRoundTrip()
{
    QFETCH(std::string, kind);
    const auto tok = build(kind, kMixed, {12, 1});
    // Through text, as it travels in checkpoint metadata.
    const auto again = lm::tokenizerFromJson(json::parse(tok->toJson().dump()));
    QVERIFY2(again.ok(), again.ok() ? "" : again.error().c_str());
    QCOMPARE(again.value()->kind(), kind);
    QCOMPARE(again.value()->vocabSize(), tok->vocabSize());
    const std::string probe = kMixed + "an unseen 字 line\n";
    QVERIFY(again.value()->encode(probe) == tok->encode(probe));
    QVERIFY(again.value()->toJson() == tok->toJson());
}

void TestTokenizer::hostileJson_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<std::string>("expectedInError");
    QTest::newRow("array") << std::string("[1,2]") << std::string("not an object");
    QTest::newRow("null") << std::string("null") << std::string("not an object");
    QTest::newRow("no kind") << std::string(R"({"vocab":["<unk>"]})") << std::string("kind");
    QTest::newRow("kind not string") << std::string(R"({"kind":3})") << std::string("kind");
    QTest::newRow("unknown kind") << std::string(R"({"kind":"bpe9"})") << std::string("valid: byte, char, word");
    QTest::newRow("bad version") << std::string(R"({"kind":"byte","version":99})") << std::string("version");
    QTest::newRow("char no vocab") << std::string(R"({"kind":"char"})") << std::string("missing \"vocab\"");
    QTest::newRow("vocab not array") << std::string(R"({"kind":"char","vocab":"abc"})") << std::string("not an array");
    QTest::newRow("vocab empty") << std::string(R"({"kind":"word","vocab":[]})") << std::string("empty");
    QTest::newRow("unk not first") << std::string(R"({"kind":"word","vocab":["a","<unk>"]})") << std::string("<unk>");
    QTest::newRow("entry not string") << std::string(R"({"kind":"word","vocab":["<unk>",7]})") << std::string("[1] is not a string");
    QTest::newRow("char entry two chars") << std::string(R"({"kind":"char","vocab":["<unk>","ab"]})") << std::string("not exactly one character");
    QTest::newRow("char entry empty") << std::string(R"({"kind":"char","vocab":["<unk>",""]})") << std::string("not exactly one character");
    QTest::newRow("char duplicate") << std::string(R"({"kind":"char","vocab":["<unk>","a","a"]})") << std::string("duplicate");
    QTest::newRow("word duplicate") << std::string(R"({"kind":"word","vocab":["<unk>","a","a"]})") << std::string("duplicate");
    QTest::newRow("word with space") << std::string(R"({"kind":"word","vocab":["<unk>","a b"]})") << std::string("not a single token");
    QTest::newRow("word empty") << std::string(R"({"kind":"word","vocab":["<unk>",""]})") << std::string("not a single token");
    QTest::newRow("word two CJK") << std::string(R"({"kind":"word","vocab":["<unk>","國王"]})") << std::string("not a single token");
    QTest::newRow("word unk twice") << std::string(R"({"kind":"word","vocab":["<unk>","<unk>"]})") << std::string("reserved");
}

void TestTokenizer::hostileJson()
{
    QFETCH(std::string, text);
    QFETCH(std::string, expectedInError);
    const auto t = lm::tokenizerFromJson(json::parse(text));
    QVERIFY(!t.ok());
    QVERIFY2(t.error().find(expectedInError) != std::string::npos, t.error().c_str());
}

void TestTokenizer::buildErrors()
{
    const auto unknown = lm::buildTokenizer("sentencepiece", "abc", {});
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.error().find("byte, char, word") != std::string::npos, unknown.error().c_str());
    QVERIFY(!lm::buildTokenizer("word", "abc", {-1, 1}).ok());
    QVERIFY(!lm::buildTokenizer("word", "abc", {0, 0}).ok());
    // Invalid UTF-8 built directly into a json value (the parser would refuse it).
    json j = {{"kind", "word"}, {"vocab", {"<unk>", std::string("a\xFF")}}};
    const auto bad = lm::tokenizerFromJson(j);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().find("invalid UTF-8") != std::string::npos, bad.error().c_str());
    // Empty training text: a vocabulary of just <unk>, not a crash.
    const auto empty = lm::buildTokenizer("char", "", {});
    QVERIFY(empty.ok());
    QCOMPARE(empty.value()->vocabSize(), 1);
}

QTEST_APPLESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
