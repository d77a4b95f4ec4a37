// Hugging Face folders written by io/hfexport.h: every family the table can write (GPT-2, Llama,
// BERT, ALBERT, T5, BART, RWKV, Mamba) goes out as a folder and comes back through
// loadHuggingFaceFolder as the same model: the same parameters under the same names, the same
// logits, the same token ids. What has no counterpart (a char tokenizer, a GPT with RoPE, a
// family without one) is an error that says so, and nothing is left behind. PyTorch's view of the
// written GPT-2 and BERT folders is tst_golden_export's.
#include "io/hfexport.h"
#include "io/hfimport.h"
#include "io/safetensors.h"
#include "models/architecture.h"
#include "text/tokenizer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>

using namespace lm;
using Json = nlohmann::json;
namespace fs = std::filesystem;

namespace {

const char *const kText =
    "the cat sat on the mat. the dog sat on the log.\n"
    "a bird sang in the tree and the cat looked up.\n"
    "貓坐在墊子上。狗坐在木頭上。\n"
    "the mat was red and the log was brown.\n";

// A small model of `arch` with a tokenizer of the kind its Hugging Face counterpart reads.
struct Built {
    std::unique_ptr<Tokenizer> tokenizer;
    std::unique_ptr<LanguageModel> model;
};

Built build(const Architecture &arch, const std::string &tokenizerKind = {})
{
    Built b;
    TokenizerOptions opts;
    std::string kind = tokenizerKind;
    if (kind.empty()) {
        if (arch.seq2seqTokens) {
            kind = "unigram";
            opts.leadingSpecials = arch.seq2seqTokens->leading;
            opts.trailingSpecials = arch.seq2seqTokens->trailing();
        } else if (arch.traits.direction == Direction::Bidirectional) {
            kind = arch.name == "albert" ? "unigram" : "wordpiece";
        } else {
            kind = "bpe";
        }
    }
    opts.maxVocab = kind == "bpe" ? 300 : kind == "byte" || kind == "char" ? 0 : 120;
    auto tokenizer = buildTokenizer(kind, kText, opts);
    if (!tokenizer)
        qFatal("%s", tokenizer.error().c_str());
    b.tokenizer = std::move(tokenizer).value();
    Json given = Json::object();
    const Json small = {{"dim", 16},          {"layers", 2},    {"heads", 2},       {"decoder_layers", 1},
                        {"hidden", 24},       {"embedding_dim", 8}, {"state_size", 4}, {"max_seq", 64}};
    for (const auto &[name, value] : small.items())
        if (arch.option(name))
            given[name] = value;
    auto config = arch.configFor(given, b.tokenizer->vocabSize(), 32);
    if (!config)
        qFatal("%s: %s", arch.name.c_str(), config.error().c_str());
    auto model = arch.create(config.value(), 11);
    if (!model)
        qFatal("%s: %s", arch.name.c_str(), model.error().c_str());
    b.model = std::move(model).value();
    return b;
}

bool sameTensor(const Tensor &a, const Tensor &b)
{
    return a.shape() == b.shape() &&
           std::memcmp(a.data(), b.data(), static_cast<std::size_t>(a.numel()) * sizeof(float)) == 0;
}

Json readJson(const std::string &path)
{
    std::ifstream in(path);
    return Json::parse(in, nullptr, false);
}

} // namespace

class TestHfExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyCounterpartIsWritten()
    {
        const std::vector<std::string> expected{"gpt", "llama", "bert", "albert", "t5", "bart", "rwkv", "mamba"};
        std::vector<std::string> families = huggingFaceExportFamilies();
        std::sort(families.begin(), families.end());
        std::vector<std::string> sorted = expected;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(families, sorted);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("family");
        QTest::addColumn<QString>("modelType");
        for (const auto &[family, type] : std::vector<std::pair<const char *, const char *>>{
                 {"gpt", "gpt2"}, {"llama", "llama"}, {"bert", "bert"}, {"albert", "albert"}, {"t5", "t5"},
                 {"bart", "bart"}, {"rwkv", "rwkv"}, {"mamba", "mamba"}})
            QTest::newRow(family) << QString::fromLatin1(family) << QString::fromLatin1(type);
    }

    // Written and read back: the same names, values, logits and ids.
    void roundTrip()
    {
        QFETCH(QString, family);
        QFETCH(QString, modelType);
        const Architecture *arch = findArchitecture(family.toStdString());
        QVERIFY(arch);
        Built b = build(*arch);
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString() + "/out";
        auto written = saveHuggingFaceFolder(dir, *b.model, *b.tokenizer);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().c_str());

        const Json config = readJson(dir + "/config.json");
        QCOMPARE(config, written.value()); // what it returns is what it wrote
        QCOMPARE(QString::fromStdString(config.value("model_type", "")), modelType);
        QVERIFY(config["architectures"].is_array() && config["architectures"].size() == 1);
        QVERIFY(fs::exists(dir + "/model.safetensors"));
        // No temporary folder left beside it.
        int entries = 0;
        for (const auto &e : fs::directory_iterator(tmp.path().toStdString()))
            entries += e.path().filename() != "out";
        QCOMPARE(entries, 0);

        auto loaded = loadHuggingFaceFolder(dir);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        LanguageModel &back = *loaded.value().model;
        QCOMPARE(QString::fromStdString(back.arch()), family);
        const ParameterList mine = b.model->parameters(), theirs = back.parameters();
        QCOMPARE(theirs.size(), mine.size());
        for (std::size_t i = 0; i < mine.size(); ++i) {
            QCOMPARE(QString::fromStdString(theirs[i].name), QString::fromStdString(mine[i].name));
            QVERIFY2(sameTensor(theirs[i].tensor, mine[i].tensor), mine[i].name.c_str());
        }

        const std::string sentence = "the cat sat on the red mat.";
        const std::vector<std::int32_t> ids = b.tokenizer->encode(sentence);
        QVERIFY(ids.size() > 3);
        QCOMPARE(loaded.value().tokenizer->encode(sentence), ids);
        QCOMPARE(loaded.value().tokenizer->vocabSize(), b.tokenizer->vocabSize());
        b.model->resetState();
        const Tensor want = b.model->sequenceLogits(ids);
        const Tensor got = back.sequenceLogits(ids);
        QVERIFY(sameTensor(got, want));
    }

    // Byte tokens go out as a byte-level BPE without merges and come back as the same ids.
    void byteTokenizerBecomesBpe()
    {
        Built b = build(*findArchitecture("gpt"), "byte");
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString() + "/gpt-bytes";
        QVERIFY(saveHuggingFaceFolder(dir, *b.model, *b.tokenizer).ok());
        auto loaded = loadHuggingFaceFolder(dir);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        QCOMPARE(QString::fromStdString(loaded.value().tokenizer->kind()), QStringLiteral("bpe"));
        const std::string text = "héllo, 世界!\n";
        QCOMPARE(loaded.value().tokenizer->encode(text), b.tokenizer->encode(text));
    }

    // An untied GPT-2 head is saved as lm_head.weight beside "transformer."-prefixed weights.
    void untiedGpt2HeadKeepsItsName()
    {
        const Architecture &gpt = *findArchitecture("gpt");
        Built b = build(gpt);
        auto config = gpt.configFor({{"dim", 16}, {"layers", 1}, {"heads", 2}, {"tied_head", false}},
                                    b.tokenizer->vocabSize(), 32);
        QVERIFY(config.ok());
        b.model = std::move(gpt.create(config.value(), 3)).value();
        QTemporaryDir tmp;
        const std::string dir = tmp.path().toStdString() + "/untied";
        QVERIFY(saveHuggingFaceFolder(dir, *b.model, *b.tokenizer).ok());
        auto file = loadSafetensors(dir + "/model.safetensors");
        QVERIFY(file.ok());
        QVERIFY(file.value().find("lm_head.weight"));
        QVERIFY(file.value().find("transformer.wte.weight"));
        QVERIFY(!file.value().find("wte.weight"));
        QCOMPARE(readJson(dir + "/config.json")["tie_word_embeddings"].get<bool>(), false);
        auto loaded = loadHuggingFaceFolder(dir);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value().model->config()["tied_head"].get<bool>(), false);
    }

    // What cannot be written is an error naming why, and no folder appears.
    void refusals()
    {
        QTemporaryDir tmp;
        const std::string base = tmp.path().toStdString();
        const auto refused = [&](const LanguageModel &model, const Tokenizer &tokenizer, const std::string &dir,
                                 const char *needle) {
            auto st = saveHuggingFaceFolder(dir, model, tokenizer);
            QVERIFY(!st.ok());
            QVERIFY2(st.error().find(needle) != std::string::npos, st.error().c_str());
        };
        const Architecture &gpt = *findArchitecture("gpt");
        Built chars = build(gpt, "char");
        refused(*chars.model, *chars.tokenizer, base + "/chars", "char tokenizer has no Hugging Face form");
        QVERIFY(!fs::exists(base + "/chars"));

        Built bpe = build(gpt);
        auto rope = gpt.configFor({{"dim", 16}, {"layers", 1}, {"heads", 2}, {"positions", "rope"}},
                                  bpe.tokenizer->vocabSize(), 32);
        QVERIFY(rope.ok());
        auto ropeModel = std::move(gpt.create(rope.value(), 1)).value();
        refused(*ropeModel, *bpe.tokenizer, base + "/rope", "positions rope: GPT-2 has learned only");
        QVERIFY(!fs::exists(base + "/rope"));

        const Architecture *withoutCounterpart = nullptr;
        for (const Architecture *a : architectures())
            if (!withoutCounterpart && !a->huggingFaceWriter && a->supports(ObjectiveKind::CausalLm))
                withoutCounterpart = a;
        QVERIFY(withoutCounterpart);
        auto config = withoutCounterpart->configFor(Json::object(), bpe.tokenizer->vocabSize(), 32);
        QVERIFY(config.ok());
        auto other = std::move(withoutCounterpart->create(config.value(), 1)).value();
        refused(*other, *bpe.tokenizer, base + "/other", "has no Hugging Face counterpart");

        // A folder with something in it is left alone; an empty one is filled.
        fs::create_directory(base + "/full");
        std::ofstream(base + "/full/notes.txt") << "mine";
        refused(*bpe.model, *bpe.tokenizer, base + "/full", "not empty");
        QVERIFY(fs::exists(base + "/full/notes.txt"));
        QVERIFY(!fs::exists(base + "/full/config.json"));
        fs::create_directory(base + "/empty");
        QVERIFY(saveHuggingFaceFolder(base + "/empty", *bpe.model, *bpe.tokenizer).ok());
        QVERIFY(fs::exists(base + "/empty/config.json"));
        refused(*bpe.model, *bpe.tokenizer, base + "/missing/parent/out", "does not exist");
    }
};

QTEST_APPLESS_MAIN(TestHfExport)
#include "tst_hfexport.moc"
