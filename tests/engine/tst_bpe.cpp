// Byte-level BPE (text/bpe.h): training, round trips, GPT-2's vocab.json + merges.txt against ids
// computed by tests/golden/make_gpt2_golden.py, the JSON form, and hostile files.
#include "text/bpe.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <random>

using namespace lm;
using Json = nlohmann::json;

namespace {
const std::string kFixture = LMSCOPE_SOURCE_DIR "/tests/golden/gpt2-tiny";

std::string corpus()
{
    std::string text;
    for (int i = 0; i < 20; ++i)
        text += "The king and the queen walked in the garden. 國王和王后在花園裡散步。 They'll sing 🎉 at 42 o'clock!\n";
    return text;
}

void writeFile(const std::string &path, const std::string &text)
{
    std::ofstream(path, std::ios::binary) << text;
}

// Random valid UTF-8: code points from ASCII, Latin, CJK, emoji, with spaces and newlines.
std::string randomUtf8(std::mt19937 &gen, int length)
{
    const char32_t pools[][2] = {{0x20, 0x7E}, {0xA0, 0x17F}, {0x4E00, 0x9FFF}, {0x1F300, 0x1F64F}, {0x0A, 0x0A}, {0x20, 0x20}};
    std::string s;
    for (int i = 0; i < length; ++i) {
        const auto &pool = pools[gen() % 6];
        appendUtf8(s, pool[0] + static_cast<char32_t>(gen() % (pool[1] - pool[0] + 1)));
    }
    return s;
}
} // namespace

class TestBpe final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void preTokenizeFollowsGpt2()
    {
        const auto chunks = BpeTokenizer::preTokenize("Hello  world's 42x\n\nok 🎉!");
        const std::vector<std::string_view> want = {"Hello", " ", " world", "'s", " 42", "x", "\n", "\n", "ok", " 🎉!"};
        QCOMPARE(chunks.size(), want.size());
        for (std::size_t i = 0; i < want.size(); ++i)
            QCOMPARE(std::string(chunks[i]), std::string(want[i]));
    }

    void trainingReachesVocabSizeAndIsDeterministic()
    {
        TokenizerOptions opts;
        opts.maxVocab = 256 + 40;
        const BpeTokenizer a = BpeTokenizer::train(corpus(), opts);
        const BpeTokenizer b = BpeTokenizer::train(corpus(), opts);
        QCOMPARE(a.vocabSize(), 256 + 40);
        QCOMPARE(a.merges().size(), std::size_t(40));
        QVERIFY(a.merges() == b.merges());
        QVERIFY(a.tokens() == b.tokens());
        QVERIFY(a.encode(corpus()).size() < corpus().size()); // merges shorten the text
    }

    void trainingStopsWhenNoPairIsLeft()
    {
        TokenizerOptions opts;
        opts.maxVocab = 1000;
        QCOMPARE(BpeTokenizer::train("ab", opts).vocabSize(), 256 + 1);
        QCOMPARE(BpeTokenizer::train("", opts).vocabSize(), 256);
        opts.maxVocab = 100;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, BpeTokenizer::train("ab", opts));
    }

    void roundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("ascii") << QStringLiteral("The king's 3 horses\tran  away.\n\n  ");
        QTest::newRow("chinese") << QStringLiteral("國王很老。她說：「你好」");
        QTest::newRow("emoji") << QStringLiteral("ok 🎉👍🏽 👨‍👩‍👧 done");
        QTest::newRow("empty") << QString();
    }
    void roundTrips()
    {
        QFETCH(QString, text);
        const std::string s = text.toStdString();
        TokenizerOptions opts;
        opts.maxVocab = 400;
        const BpeTokenizer trained = BpeTokenizer::train(corpus(), opts);
        QCOMPARE(trained.decode(trained.encode(s)), s);
        auto gpt2 = BpeTokenizer::loadGpt2(kFixture + "/vocab.json", kFixture + "/merges.txt");
        QVERIFY2(gpt2.ok(), gpt2.ok() ? "" : gpt2.error().c_str());
        QCOMPARE(gpt2.value().decode(gpt2.value().encode(s)), s);
    }

    void roundTripsRandomUtf8()
    {
        TokenizerOptions opts;
        opts.maxVocab = 400;
        const BpeTokenizer trained = BpeTokenizer::train(corpus(), opts);
        std::mt19937 gen(7);
        for (int i = 0; i < 200; ++i) {
            const std::string s = randomUtf8(gen, 1 + i % 40);
            QCOMPARE(trained.decode(trained.encode(s)), s);
        }
    }

    void gpt2MatchesPython()
    {
        std::ifstream in(LMSCOPE_SOURCE_DIR "/tests/golden/gpt2_golden.json");
        const Json g = Json::parse(in);
        auto bpe = BpeTokenizer::loadGpt2(kFixture + "/vocab.json", kFixture + "/merges.txt");
        QVERIFY2(bpe.ok(), bpe.ok() ? "" : bpe.error().c_str());
        QCOMPARE(bpe.value().vocabSize(), g["V"].get<int>());
        for (const Json &c : g["bpe"]) {
            const std::string text = c["text"];
            QVERIFY2(bpe.value().encode(text) == c["ids"].get<std::vector<std::int32_t>>(), text.c_str());
        }
        QVERIFY(bpe.value().encode(g["prompt"].get<std::string>()) == g["ids"].get<std::vector<std::int32_t>>());
    }

    void jsonRoundTrip()
    {
        TokenizerOptions opts;
        opts.maxVocab = 300;
        auto built = buildTokenizer("bpe", corpus(), opts);
        QVERIFY(built.ok());
        QCOMPARE(built.value()->kind(), std::string("bpe"));
        auto back = tokenizerFromJson(built.value()->toJson());
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().c_str());
        QCOMPARE(back.value()->vocabSize(), 300);
        const std::string s = corpus().substr(0, 200);
        QVERIFY(back.value()->encode(s) == built.value()->encode(s));
        QCOMPARE(back.value()->tokenText(' '), std::string("␣"));

        Json bad = built.value()->toJson();
        bad["merges"][0] = Json::array({0, 99999});
        QVERIFY(!tokenizerFromJson(bad).ok());
        bad = built.value()->toJson();
        bad["merges"][0] = Json::array({'x', 'y'}); // "xy" is not a token
        QVERIFY(!tokenizerFromJson(bad).ok());
        bad = built.value()->toJson();
        bad["vocab"][3] = "\xE2\x82\xAC€"; // not in the bytes_to_unicode alphabet
        QVERIFY(!tokenizerFromJson(bad).ok());
    }

    void hostileFiles_data()
    {
        QTest::addColumn<QString>("vocab");
        QTest::addColumn<QString>("merges");
        QTest::addColumn<QString>("expected");
        QTest::newRow("bad json") << QStringLiteral("{\n\"a\": 0,\n oops") << QString() << QStringLiteral("vocab.json:3");
        // Found by fuzz_hf_folder: nlohmann-json throws out_of_range, not parse_error, for this.
        QTest::newRow("number beyond double") << QStringLiteral("{\"x\": 1e99999999}") << QString()
                                              << QStringLiteral("vocab.json: bad JSON: [json.exception.out_of_range.406]");
        QTest::newRow("not an object") << QStringLiteral("[1, 2]") << QString() << QStringLiteral("not a JSON object");
        QTest::newRow("unknown merge token") << QString() << QStringLiteral("#version: 0.2\nĠ t\nzz q\n")
                                             << QStringLiteral("merges.txt:3: unknown token \"zz\"");
        QTest::newRow("merge result unknown") << QString() << QStringLiteral("#version: 0.2\nq z\n")
                                              << QStringLiteral("merges.txt:2: the merged token");
        QTest::newRow("three parts") << QString() << QStringLiteral("a b c\n") << QStringLiteral("merges.txt:1: expected two tokens");
    }
    void hostileFiles()
    {
        QFETCH(QString, vocab);
        QFETCH(QString, merges);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const std::string d = dir.path().toStdString();
        // Start from the fixture and replace one file.
        std::ifstream v(kFixture + "/vocab.json"), m(kFixture + "/merges.txt");
        std::string vocabText((std::istreambuf_iterator<char>(v)), {}), mergesText((std::istreambuf_iterator<char>(m)), {});
        writeFile(d + "/vocab.json", vocab.isEmpty() ? vocabText : vocab.toStdString());
        writeFile(d + "/merges.txt", merges.isEmpty() ? mergesText : merges.toStdString());
        auto bpe = BpeTokenizer::loadGpt2(d + "/vocab.json", d + "/merges.txt");
        QVERIFY(!bpe.ok());
        QVERIFY2(bpe.error().find(expected.toStdString()) != std::string::npos, bpe.error().c_str());
    }

    void hugeFileIsRefused()
    {
        QTemporaryDir dir;
        const std::string vocab = dir.path().toStdString() + "/vocab.json";
        writeFile(vocab, "{");
        std::filesystem::resize_file(vocab, (std::uintmax_t(64) << 20) + 1); // sparse: nothing is written
        auto bpe = BpeTokenizer::loadGpt2(vocab, kFixture + "/merges.txt");
        QVERIFY(!bpe.ok());
        QVERIFY2(bpe.error().find(vocab + ": ") == 0 && bpe.error().find("limit") != std::string::npos, bpe.error().c_str());
    }

    void tokenTextEscapes()
    {
        TokenizerOptions opts;
        opts.maxVocab = 256;
        const BpeTokenizer bytes = BpeTokenizer::train("", opts);
        QCOMPARE(bytes.tokenText('a'), std::string("a"));
        QCOMPARE(bytes.tokenText('\n'), std::string("\\n"));
        QCOMPARE(bytes.tokenText(0xE5), std::string("\\xE5")); // a lone lead byte of 國
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bytes.tokenText(256));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, bytes.decode({-1}));
    }

    void missingFile()
    {
        auto bpe = BpeTokenizer::loadGpt2("/nonexistent/vocab.json", "/nonexistent/merges.txt");
        QVERIFY(!bpe.ok());
        QVERIFY(bpe.error().find("/nonexistent/vocab.json") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestBpe)
#include "tst_bpe.moc"
