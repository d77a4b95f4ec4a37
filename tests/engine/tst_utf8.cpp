// Strict UTF-8 decoding, encoding and the character classes the tokenizers use.
#include "text/utf8.h"

#include <QtTest>

#include <string>

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(std::u32string)

class TestUtf8 final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decodesValid_data();
    void decodesValid();
    void rejectsInvalid_data();
    void rejectsInvalid();
    void encodeRoundTrip();
    void nextCodePointWalksValidText_data() { decodesValid_data(); } // the same rows as decodeUtf8
    void nextCodePointWalksValidText();
    void nextCodePointStaysInsideCutText();
    void requireUtf8NamesTheCaller();
    void appendRejectsNonScalar();
    void classes_data();
    void classes();
};

void TestUtf8::decodesValid_data()
{
    QTest::addColumn<std::string>("bytes");
    QTest::addColumn<std::u32string>("expected");
    QTest::newRow("empty") << std::string() << std::u32string();
    QTest::newRow("ascii") << std::string("king\n") << std::u32string(U"king\n");
    QTest::newRow("2-byte é") << std::string("\xC3\xA9") << std::u32string(U"\u00E9");
    QTest::newRow("2-byte lowest U+0080") << std::string("\xC2\x80") << std::u32string(U"\u0080");
    QTest::newRow("3-byte 國王") << std::string("\xE5\x9C\x8B\xE7\x8E\x8B") << std::u32string(U"國王");
    QTest::newRow("3-byte lowest U+0800") << std::string("\xE0\xA0\x80") << std::u32string(U"\u0800");
    QTest::newRow("3-byte U+D7FF below surrogates") << std::string("\xED\x9F\xBF") << std::u32string(U"\uD7FF");
    QTest::newRow("3-byte U+E000 above surrogates") << std::string("\xEE\x80\x80") << std::u32string(U"\uE000");
    QTest::newRow("4-byte emoji U+1F600") << std::string("\xF0\x9F\x98\x80") << std::u32string(U"\U0001F600");
    QTest::newRow("4-byte Ext B U+20000") << std::string("\xF0\xA0\x80\x80") << std::u32string(U"\U00020000");
    QTest::newRow("4-byte highest U+10FFFF") << std::string("\xF4\x8F\xBF\xBF") << std::u32string(U"\U0010FFFF");
    QTest::newRow("mixed") << std::string("a\xC3\xA9\xE7\x8E\x8B\xF0\x9F\x98\x80z") << std::u32string(U"a\u00E9王\U0001F600z");
}

void TestUtf8::decodesValid()
{
    QFETCH(std::string, bytes);
    QFETCH(std::u32string, expected);
    QVERIFY(!lm::firstInvalidUtf8(bytes).has_value());
    const auto decoded = lm::decodeUtf8(bytes);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().c_str());
    QVERIFY(decoded.value() == expected);
    QCOMPARE(lm::encodeUtf8(expected), bytes);
}

void TestUtf8::rejectsInvalid_data()
{
    QTest::addColumn<std::string>("bytes");
    QTest::addColumn<int>("offset");
    const std::string p = "ok "; // a valid prefix shows the offset is absolute, not 0
    const int n = int(p.size());
    QTest::newRow("stray continuation") << p + "\x80" << n;
    QTest::newRow("continuation after ASCII run") << p + "abc\xBF" << n + 3;
    QTest::newRow("extra continuation after 2-byte") << p + "\xC3\xA9\xA9" << n + 2;
    QTest::newRow("overlong 2-byte C0") << p + "\xC0\xAF" << n;
    QTest::newRow("overlong 2-byte C1") << p + "\xC1\xBF" << n;
    QTest::newRow("overlong 3-byte") << p + "\xE0\x80\xAF" << n;
    QTest::newRow("overlong 4-byte") << p + "\xF0\x80\x80\xAF" << n;
    QTest::newRow("surrogate U+D800") << p + "\xED\xA0\x80" << n;
    QTest::newRow("surrogate U+DFFF") << p + "\xED\xBF\xBF" << n;
    QTest::newRow("above U+10FFFF (F4 90)") << p + "\xF4\x90\x80\x80" << n;
    QTest::newRow("lead F5") << p + "\xF5\x80\x80\x80" << n;
    QTest::newRow("byte FF") << p + "\xFF" << n;
    QTest::newRow("truncated 2-byte at end") << p + "\xC3" << n;
    QTest::newRow("truncated 3-byte at end") << p + "\xE7\x8E" << n;
    QTest::newRow("truncated 4-byte at end") << p + "\xF0\x9F\x98" << n;
    QTest::newRow("truncated 3-byte before ASCII") << p + "\xE7\x8E" + "x" << n;
    QTest::newRow("after a valid CJK char") << p + "\xE7\x8E\x8B" + "\xE7" << n + 3;
}

void TestUtf8::rejectsInvalid()
{
    QFETCH(std::string, bytes);
    QFETCH(int, offset);
    const auto first = lm::firstInvalidUtf8(bytes);
    QVERIFY(first.has_value());
    QCOMPARE(int(*first), offset);
    const auto decoded = lm::decodeUtf8(bytes);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error(), "invalid UTF-8 at byte offset " + std::to_string(offset));
}

void TestUtf8::encodeRoundTrip()
{
    // Every scalar value at the edges of each encoded length survives encode -> decode.
    const std::u32string edges = {0x0, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF};
    const std::string bytes = lm::encodeUtf8(edges);
    QCOMPARE(bytes.size(), std::size_t(1 + 1 + 2 + 2 + 3 + 3 + 3 + 3 + 3 + 4 + 4));
    const auto back = lm::decodeUtf8(bytes);
    QVERIFY(back.ok());
    QVERIFY(back.value() == edges);
}

void TestUtf8::nextCodePointWalksValidText()
{
    QFETCH(std::string, bytes);
    QFETCH(std::u32string, expected);
    std::u32string walked;
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t before = i;
        walked.push_back(lm::nextCodePoint(bytes, i));
        QCOMPARE(i - before, lm::utf8SequenceLength(static_cast<unsigned char>(bytes[before])));
    }
    QVERIFY(walked == expected);
}

void TestUtf8::nextCodePointStaysInsideCutText()
{
    // A lead byte whose sequence the end cuts short: U+FFFD, one byte on, no read past the end.
    const std::string cut = "a\xE7\x8E";
    std::size_t i = 1;
    QCOMPARE(lm::nextCodePoint(cut, i), char32_t(0xFFFD));
    QCOMPARE(i, std::size_t(1 + 1));
    QCOMPARE(lm::utf8SequenceLength(0x41), std::size_t(1));
    QCOMPARE(lm::utf8SequenceLength(0xE7), std::size_t(3));
    QVERIFY(lm::isUtf8Continuation('\x8E'));
    QVERIFY(!lm::isUtf8Continuation('\xE7'));
}

void TestUtf8::requireUtf8NamesTheCaller()
{
    lm::requireUtf8("king", "WordTokenizer");
    try {
        lm::requireUtf8("ok \xFF", "WordTokenizer");
        QFAIL("no exception");
    } catch (const std::invalid_argument &e) {
        QCOMPARE(std::string(e.what()), std::string("WordTokenizer: invalid UTF-8 at byte offset 3"));
    }
}

void TestUtf8::appendRejectsNonScalar()
{
    std::string out;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lm::appendUtf8(out, 0xD800));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, lm::appendUtf8(out, 0x110000));
    QVERIFY(out.empty());
}

void TestUtf8::classes_data()
{
    QTest::addColumn<uint>("cp");
    QTest::addColumn<bool>("cjk");
    QTest::addColumn<bool>("punct");
    QTest::newRow("a") << uint(U'a') << false << false;
    QTest::newRow("digit 7") << uint(U'7') << false << false;
    QTest::newRow("space") << uint(U' ') << false << false;
    QTest::newRow("period") << uint(U'.') << false << true;
    QTest::newRow("comma") << uint(U',') << false << true;
    QTest::newRow("apostrophe") << uint(U'\'') << false << true;
    QTest::newRow("é") << uint(0xE9) << false << false;
    QTest::newRow("國 U+570B") << uint(U'國') << true << false;
    QTest::newRow("Ext A U+3400") << uint(0x3400) << true << false;
    QTest::newRow("Ext B U+20000") << uint(0x20000) << true << false;
    QTest::newRow("compat U+F900") << uint(0xF900) << true << false;
    QTest::newRow("ideographic full stop 。") << uint(0x3002) << true << true;
    QTest::newRow("ideographic comma 、") << uint(0x3001) << true << true;
    QTest::newRow("corner bracket 「") << uint(0x300C) << true << true;
    QTest::newRow("fullwidth comma ，") << uint(0xFF0C) << true << true;
    QTest::newRow("fullwidth question ？") << uint(0xFF1F) << true << true;
    QTest::newRow("fullwidth A") << uint(0xFF21) << true << false;
    QTest::newRow("bopomofo ㄅ") << uint(0x3105) << true << false;
    QTest::newRow("hiragana あ") << uint(0x3042) << true << false;
    QTest::newRow("katakana カ") << uint(0x30AB) << true << false;
    QTest::newRow("hangul 한 (not CJK here)") << uint(0xD55C) << false << false;
}

void TestUtf8::classes()
{
    QFETCH(uint, cp);
    QFETCH(bool, cjk);
    QFETCH(bool, punct);
    QCOMPARE(lm::isCjk(char32_t(cp)), cjk);
    QCOMPARE(lm::isPunctuation(char32_t(cp)), punct);
}

QTEST_APPLESS_MAIN(TestUtf8)
#include "tst_utf8.moc"
