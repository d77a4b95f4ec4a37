// safetensors: bit-identical round trips, F16/BF16 reading, and hostile headers that must give an
// error naming the problem instead of a crash or a huge allocation.
#include "io/checkpoint.h"
#include "io/safetensors.h"
#include "models/architecture.h"

#include <QtTest>

#include <cstring>
#include <fstream>

using namespace lm;

namespace {
std::string tempPath(const QTemporaryDir &dir, const char *name) { return dir.filePath(QString::fromLatin1(name)).toStdString(); }

// A file with the given JSON header (padded to 8) and raw data bytes.
void writeRaw(const std::string &path, const std::string &header, const std::string &data)
{
    std::ofstream out(path, std::ios::binary);
    std::uint64_t n = header.size();
    for (int i = 0; i < 8; ++i, n >>= 8)
        out.put(static_cast<char>(n & 0xff));
    out << header << data;
}
} // namespace

class TestSafetensors final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTripIsBitIdentical()
    {
        QTemporaryDir dir;
        const auto path = tempPath(dir, "m.safetensors");
        Tensor a = Tensor::fromVector({2, 3}, {1.5f, -0.0f, 3.0e-39f /* subnormal */, 1e30f, -7.25f, 0.1f});
        Tensor b = Tensor::fromVector({4}, {0.f, 1.f, 2.f, 3.f});
        QVERIFY(saveSafetensors(path, {{"h.0.w", a}, {"b", b}}, {{"config", "{\"arch\":\"mlp\"}"}}).ok());
        auto loaded = loadSafetensors(path);
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().c_str());
        QCOMPARE(loaded.value().metadata.at("config"), std::string("{\"arch\":\"mlp\"}"));
        const Tensor *la = loaded.value().find("h.0.w");
        QVERIFY(la);
        QCOMPARE(la->shape(), (Shape{2, 3}));
        QCOMPARE(std::memcmp(la->data(), a.data(), 6 * sizeof(float)), 0);
        QCOMPARE(loaded.value().find("b")->toVector(), b.toVector());
        QCOMPARE(loaded.value().tensors.front().name, std::string("h.0.w")); // file order kept
    }
    void readsHalfAndBfloat()
    {
        QTemporaryDir dir;
        const auto path = tempPath(dir, "h.safetensors");
        // F16 0x3C00 = 1.0, 0xC000 = −2.0; BF16 0x3F80 = 1.0, 0x4049 ≈ 3.140625
        const std::string data("\x00\x3C\x00\xC0\x80\x3F\x49\x40", 8);
        writeRaw(path,
                 R"({"h":{"dtype":"F16","shape":[2],"data_offsets":[0,4]},"b":{"dtype":"BF16","shape":[2],"data_offsets":[4,8]}})",
                 data);
        auto f = loadSafetensors(path);
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().c_str());
        QCOMPARE(f.value().find("h")->toVector(), (std::vector<float>{1.0f, -2.0f}));
        QCOMPARE(f.value().find("b")->toVector(), (std::vector<float>{1.0f, 3.140625f}));
    }

    void hostileFiles_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("dataBytes");
        QTest::addColumn<QString>("expected"); // a piece of the error message
        QTest::newRow("not json") << QByteArray("{oops") << 0 << QStringLiteral("not a JSON object");
        QTest::newRow("array header") << QByteArray("[1,2]") << 0 << QStringLiteral("not a JSON object");
        QTest::newRow("unknown dtype") << QByteArray(R"({"w":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}})") << 8
                                       << QStringLiteral("not supported");
        QTest::newRow("offsets past end") << QByteArray(R"({"w":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}})") << 8
                                          << QStringLiteral("outside the data");
        QTest::newRow("shape lies") << QByteArray(R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})") << 8
                                    << QStringLiteral("do not match shape");
        QTest::newRow("negative dim") << QByteArray(R"({"w":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})") << 8
                                      << QStringLiteral("non-negative integer");
        QTest::newRow("enormous shape") << QByteArray(R"({"w":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}})")
                                        << 8 << QStringLiteral("larger than the file");
        QTest::newRow("overflowing product") << QByteArray(R"({"w":{"dtype":"F32","shape":[9,9,9,9,9,9,9,9],"data_offsets":[0,8]}})")
                                             << 8 << QStringLiteral("larger than the file");
        QTest::newRow("rank too high") << QByteArray(R"({"w":{"dtype":"F32","shape":[1,1,1,1,1,1,1,1,1],"data_offsets":[0,4]}})")
                                       << 4 << QStringLiteral("at most 8");
        QTest::newRow("overlap") << QByteArray(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})")
                                 << 12 << QStringLiteral("overlap");
        QTest::newRow("metadata not strings") << QByteArray(R"({"__metadata__":{"config":{"a":1}}})") << 0
                                              << QStringLiteral("not a string");
        QTest::newRow("missing fields") << QByteArray(R"({"w":{"dtype":"F32"}})") << 0 << QStringLiteral("needs dtype");
    }
    void hostileFiles()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, dataBytes);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const auto path = tempPath(dir, "bad.safetensors");
        writeRaw(path, header.toStdString(), std::string(static_cast<std::size_t>(dataBytes), '\0'));
        auto f = loadSafetensors(path);
        QVERIFY(!f.ok());
        QVERIFY2(QString::fromStdString(f.error()).contains(expected), f.error().c_str());
        QVERIFY(QString::fromStdString(f.error()).startsWith(QString::fromStdString(path)));
    }
    void otherDtypesSkippedWhenAsked()
    {
        QTemporaryDir dir;
        const auto path = tempPath(dir, "mask.safetensors");
        writeRaw(path, R"({"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"mask":{"dtype":"BOOL","shape":[2,2],"data_offsets":[4,8]}})",
                 std::string("\x00\x00\x80\x3f\x01\x00\x00\x01", 8));
        QVERIFY(!loadSafetensors(path).ok()); // by default an unknown dtype fails the file
        SafetensorsLimits limits;
        limits.skipOtherDtypes = true;
        auto f = loadSafetensors(path, limits);
        QVERIFY2(f.ok(), f.ok() ? "" : f.error().c_str());
        QCOMPARE(f.value().tensors.size(), std::size_t(1));
        QCOMPARE(f.value().find("w")->item(), 1.0f);
        QCOMPARE(f.value().skipped, std::vector<std::string>{"mask"});
        // A skipped tensor is still checked: offsets that lie are an error.
        writeRaw(path, R"({"mask":{"dtype":"BOOL","shape":[3,3],"data_offsets":[0,4]}})", std::string(4, '\0'));
        QVERIFY(!loadSafetensors(path, limits).ok());
    }
    void lyingHeaderLength()
    {
        QTemporaryDir dir;
        const auto path = tempPath(dir, "len.safetensors");
        std::ofstream(path, std::ios::binary) << std::string("\xff\xff\xff\xff\xff\xff\xff\x7f{}", 10);
        auto f = loadSafetensors(path);
        QVERIFY(!f.ok());
        QVERIFY(QString::fromStdString(f.error()).contains(QStringLiteral("header length")));
        std::ofstream(path, std::ios::binary | std::ios::trunc) << "abc";
        QVERIFY(!loadSafetensors(path).ok());
        QVERIFY(!loadSafetensors(tempPath(dir, "missing.safetensors")).ok());
    }
    // Found by fuzz_safetensors: loadCheckpoint built the model of the config in __metadata__
    // before comparing it with the tensors, so 300 bytes asked for 16 GB.
    void checkpointConfigLargerThanFile()
    {
        QTemporaryDir dir;
        const auto path = tempPath(dir, "big.safetensors");
        const nlohmann::json config = {{"arch", "mlp"}, {"vocab_size", 1 << 20}, {"context", 64}, {"dim", 4096}, {"hidden", 16384}};
        const nlohmann::json tokenizer = {{"kind", "byte"}, {"version", 1}};
        writeRaw(path, nlohmann::json{{"__metadata__", {{"config", config.dump()}, {"tokenizer", tokenizer.dump()}}}}.dump(), "");
        auto c = loadCheckpoint(path);
        QVERIFY(!c.ok());
        QVERIFY2(QString::fromStdString(c.error()).contains(QStringLiteral("the mlp config needs ")), c.error().c_str());
    }
    // The count loaders check before allocating, and the table's exact count, is what the model
    // really has.
    void parameterCountIsExact_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::newRow("mlp") << QByteArray(R"({"arch":"mlp","vocab_size":50,"context":3,"dim":8,"hidden":16})");
        QTest::newRow("rnn") << QByteArray(R"({"arch":"rnn","vocab_size":50,"dim":8,"hidden":16,"layers":2})");
        QTest::newRow("lstm") << QByteArray(R"({"arch":"lstm","vocab_size":50,"dim":8,"hidden":16,"layers":2})");
        QTest::newRow("gru") << QByteArray(R"({"arch":"gru","vocab_size":50,"dim":8,"hidden":16})");
        QTest::newRow("gpt") << QByteArray(R"({"arch":"gpt","vocab_size":50,"dim":16,"layers":2,"heads":2,"max_seq":32})");
        QTest::newRow("gpt untied") << QByteArray(R"({"arch":"gpt","vocab_size":50,"dim":16,"layers":1,"heads":4,"max_seq":8,"tied_head":false})");
        QTest::newRow("llama gelu learned layernorm") << QByteArray(R"({"arch":"llama","vocab_size":50,"dim":16,"layers":2,"heads":2,"ffn":"gelu","positions":"learned","norm":"layernorm","max_seq":16})");
        QTest::newRow("gpt swiglu rmsnorm rope") << QByteArray(R"({"arch":"gpt","vocab_size":50,"dim":16,"layers":2,"heads":2,"ffn":"swiglu","positions":"rope","norm":"rmsnorm","max_seq":16})");
        QTest::newRow("llama gqa") << QByteArray(R"({"arch":"llama","vocab_size":50,"dim":32,"layers":2,"heads":4,"kv_heads":2,"max_seq":32})");
    }
    void parameterCountIsExact()
    {
        QFETCH(QByteArray, config);
        const auto json = nlohmann::json::parse(config.toStdString());
        auto model = createModel(json, 0);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().c_str());
        auto counted = parameterCount(json);
        QVERIFY2(counted.ok(), counted.ok() ? "" : counted.error().c_str());
        QCOMPARE(counted.value(), model.value()->parameterCount());
    }
    void saveIsAtomic()
    {
        // Saving into a missing directory fails and leaves nothing behind.
        QTemporaryDir dir;
        const auto path = tempPath(dir, "no/such/dir/m.safetensors");
        QVERIFY(!saveSafetensors(path, {{"w", Tensor::zeros({2})}}).ok());
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size(), 0);
    }
};

QTEST_APPLESS_MAIN(TestSafetensors)
#include "tst_safetensors.moc"
