// Unigram (SentencePiece as in Hugging Face tokenizer.json): Viterbi against hand-computed
// scores, unknown characters fused, ALBERT's and T5's normalizers and pre-tokenizers, added
// tokens (lstrip, ids beyond the model), every loader error, JSON round trip, encodeForModel,
// training; SentencePiece's own model file (spiece.model) against sentencepiece's encodings, its
// sentinels, its errors, and a T5 folder that carries it instead of tokenizer.json.
#include "text/tokenizer.h"
#include "text/unigram.h"
#include "text/spiecemodel.h"
#include "io/hfimport.h"

#include <QtTest>

#include <bit>
#include <cmath>
#include <filesystem>
#include <fstream>

Q_DECLARE_METATYPE(std::string)

using lm::UnigramTokenizer;
using nlohmann::json;

namespace {

// "▁" is U+2581, what Metaspace writes for a space.
const std::string M = "\u2581";

// A small ALBERT-shaped tokenizer.json: <pad> <unk> [CLS] [SEP] [MASK] as added tokens, then
// pieces with the scores Viterbi adds up; `bc` is the score of the piece "bc".
json albertJson(double bc = -2.0)
{
    json vocab = json::array({json::array({"<pad>", 0.0}), json::array({"<unk>", 0.0}), json::array({"[CLS]", 0.0}),
                              json::array({"[SEP]", 0.0}), json::array({"[MASK]", 0.0})});
    for (const auto &[piece, score] : std::vector<std::pair<std::string, double>>{
             {M, -2.0}, {M + "a", -3.0}, {"a", -2.0}, {"b", -3.0}, {"c", -2.0}, {"bc", bc}, {M + "ab", -4.5},
             {M + "abc", -10.0}, {M + "the", -1.0}, {M + "is", -1.0}, {M + "hello", -1.5}, {M + "world", -1.5}, {"\"", -2.0}})
        vocab.push_back(json::array({piece, score}));
    json added = json::array();
    const char *const specials[] = {"<pad>", "<unk>", "[CLS]", "[SEP]", "[MASK]"};
    for (int i = 0; i < 5; ++i)
        added.push_back({{"id", i}, {"content", specials[i]}, {"single_word", false}, {"lstrip", i == 4}, {"rstrip", false},
                         {"normalized", false}, {"special", true}});
    return {{"version", "1.0"},
            {"truncation", nullptr},
            {"padding", nullptr},
            {"added_tokens", added},
            {"normalizer",
             {{"type", "Sequence"},
              {"normalizers",
               json::array({{{"type", "Replace"}, {"pattern", {{"String", "``"}}}, {"content", "\""}},
                            {{"type", "Replace"}, {"pattern", {{"String", "''"}}}, {"content", "\""}},
                            {{"type", "NFKD"}},
                            {{"type", "StripAccents"}},
                            {{"type", "Lowercase"}},
                            {{"type", "Precompiled"}, {"precompiled_charsmap", "ALQCAACEAAAAAACAAQAAgMz8AgC4BQAAhyIAgMzk"}},
                            {{"type", "Replace"}, {"pattern", {{"Regex", " {2,}"}}}, {"content", " "}}})}}},
            {"pre_tokenizer", {{"type", "Metaspace"}, {"replacement", M}, {"add_prefix_space", true}}},
            {"post_processor", {{"type", "TemplateProcessing"}}},
            {"decoder", {{"type", "Metaspace"}, {"replacement", M}, {"add_prefix_space", true}}},
            {"model", {{"type", "Unigram"}, {"unk_id", 1}, {"vocab", vocab}, {"byte_fallback", false}}}};
}

// A SentencePiece ModelProto written by hand (protobuf wire format), for spiece.model cases.
std::string varint(std::uint64_t v)
{
    std::string out;
    do {
        auto b = static_cast<std::uint8_t>(v & 0x7f);
        v >>= 7;
        if (v)
            b |= 0x80;
        out.push_back(static_cast<char>(b));
    } while (v);
    return out;
}
std::string bytesField(std::uint32_t n, const std::string &payload) { return varint((n << 3) | 2) + varint(payload.size()) + payload; }
std::string varintField(std::uint32_t n, std::uint64_t v) { return varint(n << 3) + varint(v); }
std::string floatField(std::uint32_t n, float x)
{
    const auto u = std::bit_cast<std::uint32_t>(x);
    std::string out = varint((n << 3) | 5);
    for (int i = 0; i < 4; ++i)
        out.push_back(static_cast<char>(u >> (8 * i)));
    return out;
}
enum { Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 };
std::string pieceField(const std::string &text, float score, int type = Normal)
{
    return bytesField(1, bytesField(1, text) + floatField(2, score) + (type != Normal ? varintField(3, type) : std::string()));
}
// <pad> </s> <unk> then ▁a ▁b a b ▁: T5's layout.
std::string smallSpiece()
{
    return pieceField("<pad>", 0, Control) + pieceField("</s>", 0, Control) + pieceField("<unk>", 0, Unknown) +
           pieceField(M + "a", -1) + pieceField(M + "b", -1.5f) + pieceField("a", -2) + pieceField("b", -2) + pieceField(M, -3);
}

UnigramTokenizer fromHf(const json &j)
{
    auto t = UnigramTokenizer::fromHfJson(j, "test tokenizer.json");
    if (!t)
        qFatal("fromHfJson: %s", t.error().c_str());
    return std::move(t).value();
}

QStringList piecesOf(const UnigramTokenizer &t, const std::vector<std::int32_t> &ids)
{
    QStringList out;
    for (std::int32_t id : ids)
        out << QString::fromStdString(t.pieces()[static_cast<std::size_t>(id)].text);
    return out;
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

const std::string kCorpus = "The king is old. The queen is young; the prince is kind.\n"
                            "Lower, lowest, newer, newest, wider, widest! The king is kind.\n"
                            "國王很老。王后很年輕。\n";

} // namespace

class TestUnigram final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void viterbiPicksHigherScore_data();
    void viterbiPicksHigherScore();
    void albertNormalizer();
    void t5Layout();
    void addedTokens();
    void prependFirst();
    void decodeAndTokenText();
    void loadFromFile();
    void loaderErrors_data();
    void loaderErrors();
    void jsonRoundTrip();
    void encodeForModel();
    void normalizerBlowUpIsRefused();
    void trainDeterministicAndCovering();
    void trainFindsFrequentPieces();
    void trainErrors();
    void spieceMatchesSentencepiece();
    void spieceSentinelsAndSpecials();
    void spieceErrors_data();
    void spieceErrors();
    void spieceInAT5Folder();
};

void TestUnigram::viterbiPicksHigherScore_data()
{
    QTest::addColumn<double>("bc");
    QTest::addColumn<std::string>("text");
    QTest::addColumn<QStringList>("pieces");
    // ▁abc: ▁a + bc = -3 + bc; ▁ab + c = -4.5 - 2 = -6.5; ▁abc = -10; ▁ + a + b + c = -9.
    QTest::newRow("bc -2: ▁a bc (-5) beats ▁ab c (-6.5)") << -2.0 << std::string("abc") << QStringList{q(M + "a"), u"bc"_qs};
    QTest::newRow("bc -5: ▁ab c (-6.5) beats ▁a bc (-8)") << -5.0 << std::string("abc") << QStringList{q(M + "ab"), u"c"_qs};
    // Unknown characters cost min score (-10) - 10 each; a run of them is one <unk>.
    QTest::newRow("one unknown") << -2.0 << std::string("ax") << QStringList{q(M + "a"), u"<unk>"_qs};
    QTest::newRow("unknowns fuse") << -2.0 << std::string("axyz") << QStringList{q(M + "a"), u"<unk>"_qs};
    QTest::newRow("unknowns apart stay apart") << -2.0 << std::string("xay") << QStringList{q(M), u"<unk>"_qs, u"a"_qs, u"<unk>"_qs};
    QTest::newRow("two words") << -2.0 << std::string("the abc") << QStringList{q(M + "the"), q(M + "a"), u"bc"_qs};
    QTest::newRow("empty") << -2.0 << std::string() << QStringList{};
}

void TestUnigram::viterbiPicksHigherScore()
{
    QFETCH(double, bc);
    QFETCH(std::string, text);
    QFETCH(QStringList, pieces);
    const auto t = fromHf(albertJson(bc));
    QCOMPARE(piecesOf(t, t.encode(text)), pieces);
}

void TestUnigram::albertNormalizer()
{
    const auto t = fromHf(albertJson());
    // NFKD + StripAccents + Lowercase, runs of spaces squeezed, `` -> ".
    QCOMPARE(piecesOf(t, t.encode("Héllo   WORLD")), (QStringList{q(M + "hello"), q(M + "world")}));
    QCOMPARE(piecesOf(t, t.encode("the ``")), (QStringList{q(M + "the"), q(M), u"\""_qs}));
    QCOMPARE(piecesOf(t, t.encode("the ''")), (QStringList{q(M + "the"), q(M), u"\""_qs}));
    // Fullwidth letters fold to ASCII under NFKD.
    QCOMPARE(piecesOf(t, t.encode("ＨＥＬＬＯ")), (QStringList{q(M + "hello")}));
    QCOMPARE(t.unkId(), 1);
    QCOMPARE(t.vocabSize(), 18);
}

void TestUnigram::t5Layout()
{
    // T5: Precompiled + squeeze, WhitespaceSplit then Metaspace (prepend_scheme), </s> <pad> and
    // extra ids as added tokens beyond the model's vocabulary.
    json j = albertJson();
    j["normalizer"] = {{"type", "Sequence"},
                       {"normalizers", json::array({{{"type", "Precompiled"}, {"precompiled_charsmap", nullptr}},
                                                    {{"type", "Replace"}, {"pattern", {{"Regex", " {2,}"}}}, {"content", " "}}})}};
    j["pre_tokenizer"] = {{"type", "Sequence"},
                          {"pretokenizers", json::array({{{"type", "WhitespaceSplit"}},
                                                         {{"type", "Metaspace"}, {"replacement", M}, {"prepend_scheme", "always"}, {"split", true}}})}};
    const int n = static_cast<int>(j["model"]["vocab"].size());
    j["added_tokens"].push_back({{"id", n + 1}, {"content", "<extra_id_0>"}, {"special", true}});
    j["added_tokens"].push_back({{"id", n}, {"content", "<extra_id_1>"}, {"special", true}});
    const auto t = fromHf(j);
    QCOMPARE(t.vocabSize(), n + 2);
    QCOMPARE(piecesOf(t, t.encode("the\tis \n abc")), (QStringList{q(M + "the"), q(M + "is"), q(M + "a"), u"bc"_qs}));
    QCOMPARE(t.encode("<extra_id_0>the<extra_id_1>"), (std::vector<std::int32_t>{n + 1, *t.tokenId(M + "the"), n}));
    QCOMPARE(t.decode({n + 1, *t.tokenId(M + "the"), n}), std::string("<extra_id_0> the<extra_id_1>"));
    // Not lower-cased here: "The" has no piece "▁The", so T, h, e... T is unknown.
    QCOMPARE(piecesOf(t, t.encode("The")).first(), q(M));
}

void TestUnigram::addedTokens()
{
    const auto t = fromHf(albertJson());
    // [MASK] has lstrip (as in ALBERT): the space before it goes with it. [SEP] does not.
    QCOMPARE(piecesOf(t, t.encode("the [MASK] is")), (QStringList{q(M + "the"), u"[MASK]"_qs, q(M + "is")}));
    QCOMPARE(piecesOf(t, t.encode("the [SEP] is")), (QStringList{q(M + "the"), q(M), u"[SEP]"_qs, q(M + "is")}));
    QCOMPARE(t.encode("[CLS][SEP]"), (std::vector<std::int32_t>{2, 3}));
    // Matched before normalisation, so lower case is not [MASK].
    QVERIFY(!t.encode("[mask]").empty());
    QVERIFY(t.encode("[mask]") != std::vector<std::int32_t>{4});
    QCOMPARE(t.tokenId("[MASK]"), std::optional<std::int32_t>(4));
    QCOMPARE(t.tokenId(M + "hello"), std::optional<std::int32_t>(15));
    QCOMPARE(t.tokenId("hello"), std::optional<std::int32_t>());
}

void TestUnigram::prependFirst()
{
    json j = albertJson();
    j["pre_tokenizer"] = {{"type", "Metaspace"}, {"replacement", M}, {"prepend_scheme", "first"}, {"split", true}};
    const auto t = fromHf(j);
    // Only the text at the very start gets "▁"; after [CLS] "a" is just "a".
    QCOMPARE(piecesOf(t, t.encode("a[CLS]a")), (QStringList{q(M + "a"), u"[CLS]"_qs, u"a"_qs}));
    j["pre_tokenizer"]["prepend_scheme"] = "never";
    QCOMPARE(piecesOf(fromHf(j), fromHf(j).encode("a")), (QStringList{u"a"_qs}));
    j["pre_tokenizer"] = nullptr; // no pre-tokenizer: the section is one word, spaces and all
    QCOMPARE(piecesOf(fromHf(j), fromHf(j).encode("ab")), (QStringList{u"a"_qs, u"b"_qs}));
}

void TestUnigram::decodeAndTokenText()
{
    const auto t = fromHf(albertJson());
    QCOMPARE(t.decode(t.encode("the abc is hello world")), std::string("the abc is hello world"));
    // [MASK] took the space before it (lstrip), as in Hugging Face.
    QCOMPARE(t.decode(t.encode("hello [MASK] world")), std::string("hello[MASK] world"));
    QCOMPARE(t.decode(t.encode("the   abc")), std::string("the abc")); // squeezed by the normalizer
    QCOMPARE(t.decode(t.encode("the xyz")), std::string("the <unk>"));
    QCOMPARE(t.decode({}), std::string());
    QCOMPARE(t.tokenText(*t.tokenId(M + "the")), M + "the");
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)t.decode({t.vocabSize()}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)t.tokenText(-1));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)t.encode("a\xC3"));
}

void TestUnigram::loadFromFile()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath(u"tokenizer.json"_qs).toStdString();
    std::ofstream(path) << albertJson().dump(2);
    const auto t = UnigramTokenizer::loadTokenizerJson(path);
    QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
    QCOMPARE(piecesOf(t.value(), t.value().encode("abc")), (QStringList{q(M + "a"), u"bc"_qs}));
}

void TestUnigram::loaderErrors_data()
{
    QTest::addColumn<std::string>("text"); // written to tokenizer.json; "<none>" no file, "<huge>" 64 MiB + 1
    QTest::addColumn<std::string>("expected");
    const auto with = [](auto edit) {
        json j = albertJson();
        edit(j);
        return j.dump();
    };
    QTest::newRow("missing file") << std::string("<none>") << std::string("tokenizer.json: cannot open");
    QTest::newRow("larger than 64 MiB") << std::string("<huge>") << std::string("more than the limit");
    QTest::newRow("not JSON") << std::string("{\n\"model\": {") << std::string("tokenizer.json:2: bad JSON");
    QTest::newRow("not an object") << std::string("[1]") << std::string("tokenizer.json: not a JSON object");
    QTest::newRow("no model") << std::string("{}") << std::string("\"model\" is missing");
    QTest::newRow("model not Unigram") << with([](json &j) { j["model"]["type"] = "BPE"; }) << std::string("model.type is \"BPE\", not \"Unigram\"");
    QTest::newRow("missing model.vocab") << with([](json &j) { j["model"].erase("vocab"); }) << std::string("missing model.vocab");
    QTest::newRow("empty model.vocab") << with([](json &j) { j["model"]["vocab"] = json::array(); }) << std::string("model.vocab is not a non-empty array");
    QTest::newRow("entry not a pair") << with([](json &j) { j["model"]["vocab"][6] = json::array({"a"}); })
                                      << std::string("model.vocab[6] is not [string, number]");
    QTest::newRow("score a string") << with([](json &j) { j["model"]["vocab"][6][1] = "-1"; })
                                    << std::string("model.vocab[6] is not [string, number]");
    QTest::newRow("piece a number") << with([](json &j) { j["model"]["vocab"][6][0] = 3; })
                                    << std::string("model.vocab[6] is not [string, number]");
    QTest::newRow("empty piece") << with([](json &j) { j["model"]["vocab"][6][0] = ""; }) << std::string("model.vocab[6] is an empty piece");
    QTest::newRow("duplicate piece") << with([](json &j) { j["model"]["vocab"][7][0] = M + "a"; })
                                     << std::string("model.vocab[7] (\"" + M + "a\") duplicates model.vocab[6]");
    QTest::newRow("unk_id out of range") << with([](json &j) { j["model"]["unk_id"] = 99; })
                                         << std::string("model.unk_id 99 is outside model.vocab (0..17)");
    QTest::newRow("unk_id negative") << with([](json &j) { j["model"]["unk_id"] = -1; }) << std::string("model.unk_id -1 is outside");
    QTest::newRow("unk_id null") << with([](json &j) { j["model"]["unk_id"] = nullptr; }) << std::string("model.unk_id is missing or not an integer");
    QTest::newRow("byte_fallback") << with([](json &j) { j["model"]["byte_fallback"] = true; }) << std::string("byte_fallback");
    QTest::newRow("added not an array") << with([](json &j) { j["added_tokens"] = json::object(); }) << std::string("\"added_tokens\" is not an array");
    QTest::newRow("added without content") << with([](json &j) { j["added_tokens"][0].erase("content"); })
                                           << std::string("added_tokens[0]: \"content\" is missing");
    QTest::newRow("added id disagrees") << with([](json &j) { j["added_tokens"][0]["id"] = 3; })
                                        << std::string("added_tokens[0]: id 3 is \"[SEP]\" in model.vocab, not \"<pad>\"");
    QTest::newRow("added id leaves a gap") << with([](json &j) { j["added_tokens"].push_back({{"id", 20}, {"content", "<x>"}}); })
                                           << std::string("has id 20, but the ids after model.vocab must continue it");
    QTest::newRow("added lstrip not bool") << with([](json &j) { j["added_tokens"][4]["lstrip"] = "yes"; })
                                           << std::string("added_tokens[4]: \"lstrip\" is not true/false");
    QTest::newRow("unknown normalizer") << with([](json &j) { j["normalizer"]["normalizers"][2]["type"] = "NFKX"; })
                                        << std::string("normalizer.normalizers[2]: unsupported normalizer type \"NFKX\"");
    QTest::newRow("unsupported regex") << with([](json &j) { j["normalizer"]["normalizers"][6]["pattern"]["Regex"] = "\\s+"; })
                                       << std::string("unsupported \"Regex\"");
    QTest::newRow("replace without content") << with([](json &j) { j["normalizer"]["normalizers"][0].erase("content"); })
                                             << std::string("normalizer.normalizers[0]: \"content\" is missing");
    QTest::newRow("normalizer not an object") << with([](json &j) { j["normalizer"] = 3; }) << std::string("normalizer: not an object or null");
    QTest::newRow("Sequence too deep") << with([](json &j) {
        json n = {{"type", "Lowercase"}};
        for (int i = 0; i < 10; ++i)
            n = {{"type", "Sequence"}, {"normalizers", json::array({n})}};
        j["normalizer"] = n;
    }) << std::string("nested more than 8 deep");
    QTest::newRow("replacement two chars") << with([](json &j) { j["pre_tokenizer"]["replacement"] = "ab"; })
                                           << std::string("pre_tokenizer: \"replacement\" must be one character");
    QTest::newRow("bad prepend_scheme") << with([](json &j) { j["pre_tokenizer"]["prepend_scheme"] = "sometimes"; })
                                        << std::string("\"prepend_scheme\" must be");
    QTest::newRow("unknown pre_tokenizer") << with([](json &j) { j["pre_tokenizer"]["type"] = "ByteLevel"; })
                                           << std::string("unsupported pre_tokenizer type \"ByteLevel\"");
}

void TestUnigram::loaderErrors()
{
    QFETCH(std::string, text);
    QFETCH(std::string, expected);
    QTemporaryDir dir;
    const std::string path = dir.filePath(u"tokenizer.json"_qs).toStdString();
    if (text == "<huge>") {
        std::ofstream(path) << "{";
        std::filesystem::resize_file(path, (std::uintmax_t(64) << 20) + 1);
    } else if (text != "<none>") {
        std::ofstream(path, std::ios::binary) << text;
    }
    const auto t = UnigramTokenizer::loadTokenizerJson(path);
    QVERIFY(!t.ok());
    QVERIFY2(t.error().find(expected) != std::string::npos, t.error().c_str());
}

void TestUnigram::jsonRoundTrip()
{
    json t5 = albertJson();
    t5["pre_tokenizer"] = {{"type", "Sequence"},
                           {"pretokenizers", json::array({{{"type", "WhitespaceSplit"}},
                                                          {{"type", "Metaspace"}, {"replacement", M}, {"prepend_scheme", "first"}}})}};
    t5["normalizer"]["normalizers"].push_back({{"type", "Strip"}, {"strip_left", false}, {"strip_right", true}});
    t5["added_tokens"].push_back({{"id", 18}, {"content", "<extra_id_0>"}});
    const auto trained = UnigramTokenizer::train(kCorpus, {120, 1});
    for (const UnigramTokenizer &t : {fromHf(albertJson()), fromHf(t5), trained}) {
        const auto again = lm::tokenizerFromJson(json::parse(t.toJson().dump()));
        QVERIFY2(again.ok(), again.ok() ? "" : again.error().c_str());
        QCOMPARE(again.value()->kind(), std::string("unigram"));
        QVERIFY(again.value()->toJson() == t.toJson());
        const std::string probe = kCorpus + " ``Héllo''  [MASK] abc xyz <extra_id_0> ＡＢ  ";
        QVERIFY(again.value()->encode(probe) == t.encode(probe));
        QCOMPARE(again.value()->vocabSize(), t.vocabSize());
    }
    // The charsmap is not kept (it is not used).
    QVERIFY(fromHf(albertJson()).toJson().dump().find("ALQCAAC") == std::string::npos);
    const auto bad = lm::tokenizerFromJson({{"kind", "unigram"}, {"version", 1}});
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().find("tokenizer JSON (unigram): \"model\" is missing") != std::string::npos, bad.error().c_str());
}

void TestUnigram::encodeForModel()
{
    const auto t = fromHf(albertJson());
    const std::int32_t the = *t.tokenId(M + "the"), is = *t.tokenId(M + "is");
    const auto pair = t.encodeForModel("the", std::string_view("is the"), 0);
    QCOMPARE(pair.ids, (std::vector<std::int32_t>{2, the, 3, is, the, 3}));
    QCOMPARE(pair.tokenTypes, (std::vector<std::int32_t>{0, 0, 0, 1, 1, 1}));
    QCOMPARE(t.encodeForModel("the is", std::nullopt, 3).ids, (std::vector<std::int32_t>{2, the, 3}));
    // Without [CLS]/[SEP] in the vocabulary (T5): plain concatenation.
    json j = albertJson();
    j["model"]["vocab"][2][0] = "<x>";
    j["model"]["vocab"][3][0] = "<y>";
    j["added_tokens"][2]["content"] = "<x>";
    j["added_tokens"][3]["content"] = "<y>";
    const auto plain = fromHf(j).encodeForModel("the", std::string_view("is"), 0);
    QCOMPARE(plain.ids, (std::vector<std::int32_t>{the, is}));
    QCOMPARE(plain.tokenTypes, (std::vector<std::int32_t>{0, 1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)t.encodeForModel("the", std::string_view("is"), 2));
}

void TestUnigram::normalizerBlowUpIsRefused()
{
    // Each Replace makes every "a" eight: n steps turn "a" into 8^n characters.
    const auto chain = [](int steps) {
        json j = albertJson();
        json list = json::array();
        for (int i = 0; i < steps; ++i)
            list.push_back({{"type", "Replace"}, {"pattern", {{"String", "a"}}}, {"content", "aaaaaaaa"}});
        j["normalizer"] = {{"type", "Sequence"}, {"normalizers", list}};
        return fromHf(j);
    };
    QCOMPARE(chain(2).encode("a").size(), std::size_t(64)); // ▁a, then 63 x a
    // 8^5 = 32768 characters exceed 64 x 1 + 4096.
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)chain(8).encode("a"));
}

void TestUnigram::trainDeterministicAndCovering()
{
    const auto a = UnigramTokenizer::train(kCorpus, {120, 1});
    const auto b = UnigramTokenizer::train(kCorpus, {120, 1});
    QVERIFY(a.toJson() == b.toJson());
    QCOMPARE(a.vocabSize(), 120); // the corpus has seeds enough
    QCOMPARE(a.tokenId("[MASK]"), std::optional<std::int32_t>(4));
    QCOMPARE(a.unkId(), 1);
    // Every character is a piece: the corpus has no <unk> and decodes back exactly.
    const auto ids = a.encode(kCorpus);
    QCOMPARE(std::count(ids.begin(), ids.end(), a.unkId()), std::ptrdiff_t(0));
    QCOMPARE(a.decode(ids), kCorpus);
    QVERIFY(ids.size() < kCorpus.size() / 3); // pieces longer than characters were learnt
    // Scores are log-probabilities, highest first after the specials.
    for (int i = 6; i < a.vocabSize(); ++i)
        QVERIFY(a.pieces()[static_cast<std::size_t>(i)].score <= a.pieces()[static_cast<std::size_t>(i - 1)].score);
    // A budget below the alphabet keeps the most frequent characters.
    const auto tiny = UnigramTokenizer::train(kCorpus, {12, 1});
    QCOMPARE(tiny.vocabSize(), 12);
    const auto tinyIds = tiny.encode(kCorpus);
    QVERIFY(std::count(tinyIds.begin(), tinyIds.end(), tiny.unkId()) > 0);
    const auto built = lm::buildTokenizer("unigram", kCorpus, {0, 1});
    QVERIFY2(built.ok(), built.ok() ? "" : built.error().c_str());
    QCOMPARE(built.value()->decode(built.value()->encode(kCorpus)), kCorpus);
}

void TestUnigram::trainFindsFrequentPieces()
{
    std::string text;
    for (int i = 0; i < 30; ++i)
        text += "lowest lower low newest ";
    const auto t = UnigramTokenizer::train(text, {40, 1});
    QVERIFY(t.tokenId(M + "low").has_value());
    QVERIFY(t.encode("lowest lower low").size() <= 5);
    QCOMPARE(t.decode(t.encode("lowest lower low")), std::string("lowest lower low"));
}

void TestUnigram::trainErrors()
{
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)UnigramTokenizer::train("abc", {5, 1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)UnigramTokenizer::train("abc", {-3, 1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)UnigramTokenizer::train("abc", {0, 0}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)UnigramTokenizer::train("\xFF", {0, 1}));
    const auto empty = UnigramTokenizer::train("", {0, 1});
    QCOMPARE(empty.vocabSize(), 5);
    QCOMPARE(empty.encode("ab"), (std::vector<std::int32_t>{1})); // "▁ab": one fused unknown
}


// tests/golden/make_spiece_golden.py: a model sentencepiece trained, and its own encodings.
void TestUnigram::spieceMatchesSentencepiece()
{
    const std::string dir = LMSCOPE_SOURCE_DIR "/tests/golden/";
    const auto t = lm::loadSpieceModel(dir + "spiece/spiece.model");
    QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
    std::ifstream in(dir + "spiece_golden.json");
    const json golden = json::parse(in);
    QCOMPARE(t.value().vocabSize(), golden["vocab_size"].get<int>());
    QCOMPARE(t.value().unkId(), 2);
    QVERIFY(golden["cases"].size() >= 8);
    for (const json &c : golden["cases"]) {
        const std::vector<std::int32_t> ids = t.value().encode(c["text"].get<std::string>());
        QVERIFY2(ids == c["ids"].get<std::vector<std::int32_t>>(), c["text"].get<std::string>().c_str());
        for (std::size_t i = 0; i < ids.size(); ++i)
            if (ids[i] != t.value().unkId())
                QCOMPARE(t.value().tokenText(ids[i]), c["pieces"][i].get<std::string>());
    }
}

void TestUnigram::spieceSentinelsAndSpecials()
{
    const auto t = lm::parseSpieceModel(smallSpiece(), "small", 2);
    QVERIFY2(t.ok(), t.ok() ? "" : t.error().c_str());
    QCOMPARE(t.value().vocabSize(), 10);
    QCOMPARE(t.value().tokenId("<extra_id_0>"), std::optional<std::int32_t>(9)); // T5 numbers them from the top
    QCOMPARE(t.value().tokenId("<extra_id_1>"), std::optional<std::int32_t>(8));
    QCOMPARE(t.value().tokenId("</s>"), std::optional<std::int32_t>(1));
    QCOMPARE(t.value().unkId(), 2);
    // Control pieces and sentinels are matched in the text; the rest is cut by Viterbi; extra
    // spaces go (remove_extra_whitespaces) and every stretch of text gets the dummy prefix.
    QCOMPARE(t.value().encode("  a  b<extra_id_1>b</s>"), (std::vector<std::int32_t>{3, 4, 8, 4, 1}));
    // Without a dummy prefix and without removing spaces (normalizer_spec fields 3 and 4 false).
    const std::string plain = smallSpiece() + bytesField(3, varintField(3, 0) + varintField(4, 0));
    const auto p = lm::parseSpieceModel(plain, "plain");
    QVERIFY2(p.ok(), p.ok() ? "" : p.error().c_str());
    QCOMPARE(p.value().encode("a b"), (std::vector<std::int32_t>{5, 4}));
    QCOMPARE(p.value().encode("a  b"), (std::vector<std::int32_t>{5, 7, 4}));
    // Unknown fields of every wire type are skipped.
    const std::string extra = smallSpiece() + varintField(9, 5) + bytesField(10, "xyz") + floatField(11, 1.0f) +
                              varint((12 << 3) | 1) + std::string(8, '\0');
    QVERIFY(lm::parseSpieceModel(extra, "extra").ok());
}

void TestUnigram::spieceErrors_data()
{
    QTest::addColumn<std::string>("bytes");
    QTest::addColumn<int>("extraIds");
    QTest::addColumn<QString>("expected");
    const std::string ok = smallSpiece();
    QTest::newRow("empty") << std::string() << 0 << u"no piece"_qs;
    QTest::newRow("not protobuf") << std::string("hello world") << 0 << u"wire type 4"_qs;
    QTest::newRow("truncated") << ok.substr(0, ok.size() - 3) << 0 << u"runs past the end"_qs;
    QTest::newRow("truncated key") << std::string("\x80") << 0 << u"truncated field key at byte 0"_qs;
    QTest::newRow("group wire type") << ok + varint((7 << 3) | 3) << 0 << u"wire type 3"_qs;
    QTest::newRow("field number 0") << ok + varint(2) << 0 << u"field number 0"_qs;
    QTest::newRow("piece as varint") << ok + varintField(1, 3) << 0 << u"a piece (field 1"_qs;
    QTest::newRow("score as varint") << ok + bytesField(1, bytesField(1, "z") + varintField(2, 1)) << 0
                                     << u"piece.score"_qs;
    QTest::newRow("bpe model") << ok + bytesField(2, varintField(3, 2)) << 0 << u"model_type is 2"_qs;
    QTest::newRow("byte fallback") << ok + bytesField(2, varintField(35, 1)) << 0 << u"byte_fallback"_qs;
    QTest::newRow("byte piece") << ok + pieceField("<0x41>", 0, Byte) << 0 << u"BYTE piece"_qs;
    QTest::newRow("unused piece") << ok + pieceField("zz", 0, Unused) << 0 << u"UNUSED"_qs;
    QTest::newRow("unknown type") << ok + pieceField("zz", 0, 9) << 0 << u"unknown type 9"_qs;
    QTest::newRow("two unknowns") << ok + pieceField("<unk2>", 0, Unknown) << 0 << u"both the UNKNOWN piece"_qs;
    QTest::newRow("no unknown") << pieceField(M + "a", -1) << 0 << u"no piece is of type UNKNOWN"_qs;
    QTest::newRow("empty piece") << ok + pieceField("", -1) << 0 << u"model.vocab[8] is an empty piece"_qs;
    QTest::newRow("duplicate piece") << ok + pieceField(M + "a", -1) << 0 << u"model.vocab[8]"_qs;
    QTest::newRow("invalid utf-8") << ok + pieceField("\xff", -1) << 0 << u"model.vocab[8] is invalid UTF-8"_qs;
    QTest::newRow("nan score") << ok + pieceField("zz", std::nanf("")) << 0 << u"not finite"_qs;
    QTest::newRow("too many extra ids") << ok << 2000 << u"2000 extra ids"_qs;
    QTest::newRow("sentinel clash") << ok + pieceField("<extra_id_0>", 0, UserDefined) << 1 << u"added twice"_qs;
}

void TestUnigram::spieceErrors()
{
    QFETCH(std::string, bytes);
    QFETCH(int, extraIds);
    QFETCH(QString, expected);
    const auto t = lm::parseSpieceModel(bytes, "m/spiece.model", extraIds);
    QVERIFY(!t.ok());
    QVERIFY2(QString::fromStdString(t.error()).startsWith(u"m/spiece.model: "_qs), t.error().c_str());
    QVERIFY2(QString::fromStdString(t.error()).contains(expected), t.error().c_str());
}

// A T5 folder whose tokenizer is spiece.model (the pieces of t5-tiny's tokenizer.json) loads, and
// its tokenizer encodes as the tokenizer.json one; the sentinels come from tokenizer_config.json.
void TestUnigram::spieceInAT5Folder()
{
    namespace fs = std::filesystem;
    const fs::path golden = LMSCOPE_SOURCE_DIR "/tests/golden/t5-tiny";
    std::ifstream in(golden / "tokenizer.json");
    const json hf = json::parse(in);
    std::string model, shorter; // shorter: one piece less than the embedding has rows
    int sentinels = 0;
    for (const json &v : hf["model"]["vocab"]) {
        const std::string piece = v[0].get<std::string>();
        if (piece.rfind("<extra_id_", 0) == 0) {
            ++sentinels;
            continue;
        }
        const int type = piece == "<unk>" ? Unknown : piece == "<pad>" || piece == "</s>" ? Control : Normal;
        model += pieceField(piece, v[1].get<float>(), type);
        if (piece != M)
            shorter += pieceField(piece, v[1].get<float>(), type);
    }
    shorter += bytesField(3, varintField(4, 0));
    model += bytesField(3, varintField(4, 0)); // the tokenizer.json keeps extra spaces
    QCOMPARE(sentinels, 1);
    QTemporaryDir dir;
    const fs::path folder = dir.path().toStdString();
    fs::copy_file(golden / "config.json", folder / "config.json");
    fs::copy_file(golden / "model.safetensors", folder / "model.safetensors");
    std::ofstream(folder / "spiece.model", std::ios::binary) << model;

    // Without tokenizer_config.json the family's own sentinel count makes the vocabulary too large.
    auto tooMany = lm::loadHuggingFaceFolder(folder.string());
    QVERIFY(!tooMany.ok());
    QVERIFY2(QString::fromStdString(tooMany.error()).contains(u"spiece.model: "_qs) &&
                 QString::fromStdString(tooMany.error()).contains(u"vocab_size in config.json is 40"_qs),
             tooMany.error().c_str());
    std::ofstream(folder / "tokenizer_config.json") << R"({"extra_ids": "one"})";
    auto badConfig = lm::loadHuggingFaceFolder(folder.string());
    QVERIFY(!badConfig.ok());
    QVERIFY2(QString::fromStdString(badConfig.error()).contains(u"\"extra_ids\""_qs), badConfig.error().c_str());
    std::ofstream(folder / "tokenizer_config.json") << R"({"extra_ids": 1})";
    auto loaded = lm::loadHuggingFaceFolder(folder.string());
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
    auto reference = lm::loadHuggingFaceFolder(golden.string());
    QVERIFY(reference.ok());
    for (const std::string text : {"the queen writes a letter.", "a <extra_id_0> b", "xyz"})
        QCOMPARE(loaded.value().tokenizer->encode(text), reference.value().tokenizer->encode(text));

    // An encoder-decoder's embedding may have more rows than its tokenizer has tokens (a Hugging
    // Face T5: 32128 rows, 32100 tokens).
    std::ofstream(folder / "spiece.model", std::ios::binary | std::ios::trunc) << shorter;
    auto padded = lm::loadHuggingFaceFolder(folder.string());
    QVERIFY2(padded.ok(), padded.ok() ? "" : padded.error().c_str());
    QCOMPARE(padded.value().tokenizer->vocabSize(), 39);
    QCOMPARE(padded.value().model->vocabSize(), 40);
}

QTEST_APPLESS_MAIN(TestUnigram)
#include "tst_unigram.moc"
