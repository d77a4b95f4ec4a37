// The memory lab: measured bytes against the analytic prediction for every architecture and
// mode, the slopes the issue asks for (quadratic attention training, linear recurrent training
// and KV cache, constant recurrent state), the guard, and the sweep's CSV.
#include "core/memorymeter.h"
#include "inspect/memorylab.h"
#include "models/architecture.h"

#include <QtTest>

#include <cmath>

using namespace lm;

namespace {

double relativeError(const MemoryMeasurement &m, const MemoryParts &p)
{
    return std::abs(static_cast<double>(p.run()) / static_cast<double>(m.runBytes) - 1.0);
}

// Small models of every family and layout the formulas distinguish.
std::vector<std::pair<const char *, nlohmann::json>> smallConfigs()
{
    const auto gpt = [](nlohmann::json extra) {
        nlohmann::json j = {{"arch", "gpt"}, {"vocab_size", 40}, {"dim", 16}, {"layers", 2}, {"heads", 2}, {"max_seq", 64}};
        if (extra.is_object())
            j.update(extra);
        return j;
    };
    const auto llama = [](nlohmann::json extra) {
        nlohmann::json j = {{"arch", "llama"}, {"vocab_size", 40}, {"dim", 16}, {"layers", 2}, {"heads", 4}};
        if (extra.is_object())
            j.update(extra);
        return j;
    };
    return {
        {"gpt", gpt({})},
        {"gpt untied swiglu rmsnorm", gpt({{"tied_head", false}, {"ffn", "swiglu"}, {"norm", "rmsnorm"}})},
        {"gpt post-LN sinusoidal", gpt({{"pre_norm", false}, {"positions", "sinusoidal"}})},
        {"gpt alibi", gpt({{"positions", "alibi"}})},
        {"gpt chunked", gpt({{"attention", "chunked"}, {"attention_chunk", 8}})},
        {"llama chunked", llama({{"attention", "chunked"}})},
        {"llama gqa", llama({{"kv_heads", 2}})},
        {"llama gelu layernorm learned", llama({{"ffn", "gelu"}, {"norm", "layernorm"}, {"positions", "learned"}, {"max_seq", 64}})},
        {"rnn", {{"arch", "rnn"}, {"vocab_size", 40}, {"dim", 12}, {"hidden", 20}, {"layers", 1}}},
        {"lstm", {{"arch", "lstm"}, {"vocab_size", 40}, {"dim", 12}, {"hidden", 20}, {"layers", 2}}},
        {"gru", {{"arch", "gru"}, {"vocab_size", 40}, {"dim", 12}, {"hidden", 20}, {"layers", 3}}},
        {"bert", {{"arch", "bert"}, {"vocab_size", 40}, {"dim", 16}, {"layers", 2}, {"heads", 4}, {"max_seq", 64}}},
        {"albert", {{"arch", "albert"}, {"vocab_size", 40}, {"dim", 16}, {"embedding_dim", 8}, {"layers", 3},
                    {"heads", 2}, {"max_seq", 64}}},
        {"bert chunked", {{"arch", "bert"}, {"vocab_size", 40}, {"dim", 16}, {"layers", 2}, {"heads", 4},
                          {"max_seq", 64}, {"attention", "chunked"}, {"attention_chunk", 8}}},
        {"t5", {{"arch", "t5"}, {"vocab_size", 40}, {"dim", 16}, {"layers", 2}, {"heads", 2}}},
        {"t5 gated untied d_kv deeper decoder", {{"arch", "t5"}, {"vocab_size", 40}, {"dim", 16}, {"layers", 1},
                                                 {"decoder_layers", 3}, {"heads", 2}, {"head_dim", 12},
                                                 {"feed_forward", "gated-gelu"}, {"tied_head", false}}},
        {"bart", {{"arch", "bart"}, {"vocab_size", 40}, {"dim", 16}, {"layers", 2}, {"heads", 4}, {"max_seq", 64}}},
        {"bart scaled, other decoder", {{"arch", "bart"}, {"vocab_size", 40}, {"dim", 16}, {"layers", 1}, {"heads", 4},
                                        {"decoder_layers", 3}, {"decoder_heads", 2}, {"decoder_ffn_hidden", 24},
                                        {"scale_embedding", true}, {"max_seq", 64}}},
        {"rwkv", {{"arch", "rwkv"}, {"vocab_size", 40}, {"dim", 16}, {"layers", 2}}},
        {"rwkv narrow time-mix, tied", {{"arch", "rwkv"}, {"vocab_size", 40}, {"dim", 16}, {"layers", 3},
                                        {"attention_dim", 8}, {"ffn_hidden", 24}, {"tied_head", true}}},
        {"mamba", {{"arch", "mamba"}, {"vocab_size", 40}, {"dim", 16}, {"layers", 2}, {"state_size", 4}}},
        {"mamba untied, biases", {{"arch", "mamba"}, {"vocab_size", 40}, {"dim", 12}, {"layers", 3}, {"state_size", 6},
                                  {"expand", 3}, {"conv_kernel", 3}, {"proj_bias", true}, {"tied_head", false}}},
        {"jamba", {{"arch", "jamba"}, {"vocab_size", 40}, {"dim", 16}, {"layers", 4}, {"heads", 4}, {"kv_heads", 2},
                   {"attn_period", 4}, {"attn_offset", 1}, {"experts", 4}, {"experts_per_token", 2}, {"state_size", 4}}},
    };
}

MemoryLabRequest labRequest(std::vector<std::string> archs, std::vector<MemoryMode> modes, std::vector<int> lengths)
{
    MemoryLabRequest r;
    r.archs = std::move(archs);
    r.modes = std::move(modes);
    r.seqLens = std::move(lengths);
    r.batch = 2;
    r.model = LabModel{"gpt", 64, 2, 4, false};
    return r;
}

} // namespace

class TestMemoryLab final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parameterCountMatchesTheBuiltModel()
    {
        for (const auto &[name, config] : smallConfigs()) {
            auto model = createModel(config, 1);
            QVERIFY2(model.ok(), name);
            auto predicted = parameterCount(config);
            QVERIFY2(predicted.ok(), name);
            QCOMPARE(predicted.value(), model.value()->parameterCount());
            const auto parts = predictMemory(config, MemoryMode::Train, 1, 8);
            QCOMPARE(parts.value().weights, 4 * model.value()->parameterCount());
        }
    }

    void predictionWithinTenPercentOfMeasurement_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("mode");
        const auto configs = smallConfigs();
        for (int i = 0; i < static_cast<int>(configs.size()); ++i)
            for (MemoryMode mode : {MemoryMode::Train, MemoryMode::Prefill, MemoryMode::Infer})
                if (mode != MemoryMode::Infer || // encoders read whole sentences: no token-by-token mode
                    findArchitecture(configs[static_cast<std::size_t>(i)].second["arch"])->traits.direction !=
                        Direction::Bidirectional)
                QTest::addRow("%s %s", configs[static_cast<std::size_t>(i)].first, memoryModeName(mode).c_str())
                    << i << static_cast<int>(mode);
    }
    void predictionWithinTenPercentOfMeasurement()
    {
        QFETCH(int, index);
        QFETCH(int, mode);
        const nlohmann::json config = smallConfigs()[static_cast<std::size_t>(index)].second;
        const auto m = static_cast<MemoryMode>(mode);
        for (auto [batch, T] : {std::pair{1, 16}, std::pair{3, 40}}) {
            const int b = batch;
            auto measured = measureMemory(config, m, b, T);
            QVERIFY2(measured.ok(), measured.ok() ? "" : measured.error().c_str());
            auto predicted = predictMemory(config, m, b, T);
            QVERIFY(predicted.ok());
            QVERIFY(measured.value().runBytes > 0);
            QVERIFY2(relativeError(measured.value(), predicted.value()) < 0.10,
                     qPrintable(QStringLiteral("B %1 T %2: measured %3, predicted %4")
                                    .arg(b)
                                    .arg(T)
                                    .arg(measured.value().runBytes)
                                    .arg(predicted.value().run())));
            QCOMPARE(measured.value().weightBytes, predicted.value().weights);
        }
    }

    void partsAreWhereTheyBelong()
    {
        const nlohmann::json gpt = labModelConfig({"gpt", 32, 2, 4, false}, 64).value();
        const MemoryParts train = predictMemory(gpt, MemoryMode::Train, 2, 64).value();
        QCOMPARE(train.gradients, train.weights);
        QCOMPARE(train.optimizer, 2 * train.weights);
        QCOMPARE(train.attention, std::int64_t(4) * 2 * 2 * 4 * 64 * 64); // L·B·H·T² floats
        QCOMPARE(train.kvCache, std::int64_t(0));
        const MemoryParts infer = predictMemory(gpt, MemoryMode::Infer, 3, 64).value();
        QCOMPARE(infer.kvCache, std::int64_t(4) * 3 * 2 * 2 * 64 * 32); // B·L·(K, V)·T·C floats
        QCOMPARE(infer.gradients + infer.optimizer + infer.attention, std::int64_t(0));
        const MemoryParts state = predictMemory(labModelConfig({"lstm", 32, 2, 4, false}, 64).value(), MemoryMode::Infer, 1, 64).value();
        QCOMPARE(state.state, std::int64_t(4) * 2 * 32 * 2); // L·H·(h, c) floats
        QCOMPARE(predictMemory(gpt, MemoryMode::Train, 2, 64, 2).value().total() * 2, train.total()); // 2-byte numbers
        // An encoder–decoder writing: the decoder's own cache grows with what it wrote, the
        // cross-attention cache is the source's keys and values, computed once.
        const nlohmann::json t5 = labModelConfig({"t5", 32, 2, 4, false}, 64).value();
        const MemoryParts writing = predictMemory(t5, MemoryMode::Infer, 3, 64).value();
        QCOMPARE(writing.kvCache, std::int64_t(4) * 2 * 2 * 3 * 64 * 32);    // L·(K, V)·B·T·I floats
        QCOMPARE(writing.crossCache, std::int64_t(4) * 2 * 2 * 3 * 64 * 32); // the source is as long
        QCOMPARE(predictMemory(t5, MemoryMode::Train, 2, 64).value().crossCache, std::int64_t(0));
    }

    // The acceptance setting: dim 64, 2 layers, 4 heads, batch 2, T up to 2048.
    void slopesBetweenTheLongestLengths()
    {
        auto rows = runMemoryLab(labRequest({"gpt", "lstm"}, {MemoryMode::Train}, {1024, 2048}));
        QVERIFY2(rows.ok(), rows.ok() ? "" : rows.error().c_str());
        const double gptTrain = memoryLabSlope(rows.value(), "gpt", MemoryMode::Train);
        const double lstmTrain = memoryLabSlope(rows.value(), "lstm", MemoryMode::Train);
        QVERIFY2(gptTrain >= 1.6 && gptTrain <= 2.1, qPrintable(QString::number(gptTrain)));
        QVERIFY2(lstmTrain >= 0.85 && lstmTrain <= 1.15, qPrintable(QString::number(lstmTrain)));
        for (const MemoryLabRow &r : rows.value())
            QVERIFY(relativeError(r.measured, r.predicted) < 0.10);

        MemoryLabRequest chunked = labRequest({"gpt"}, {MemoryMode::Train}, {1024, 2048});
        chunked.model.chunkedAttention = true; // no (T, T) matrices kept: linear growth
        rows = runMemoryLab(chunked);
        QVERIFY(rows.ok());
        const double gptChunked = memoryLabSlope(rows.value(), "gpt", MemoryMode::Train);
        QVERIFY2(gptChunked < 1.2, qPrintable(QString::number(gptChunked)));
        for (const MemoryLabRow &r : rows.value())
            QVERIFY(relativeError(r.measured, r.predicted) < 0.10);

        rows = runMemoryLab(labRequest({"gpt", "lstm"}, {MemoryMode::Infer}, {512, 1024}));
        QVERIFY(rows.ok());
        const double gptInfer = memoryLabSlope(rows.value(), "gpt", MemoryMode::Infer);
        const double lstmInfer = memoryLabSlope(rows.value(), "lstm", MemoryMode::Infer);
        QVERIFY2(gptInfer >= 0.8 && gptInfer <= 1.2, qPrintable(QString::number(gptInfer)));
        QVERIFY2(std::abs(lstmInfer) <= 0.1, qPrintable(QString::number(lstmInfer)));
    }

    void batchGrowsLinearly()
    {
        const nlohmann::json gpt = labModelConfig({"gpt", 32, 2, 4, false}, 64).value();
        const std::int64_t one = measureMemory(gpt, MemoryMode::Train, 1, 64).value().runBytes;
        const std::int64_t four = measureMemory(gpt, MemoryMode::Train, 4, 64).value().runBytes;
        const std::int64_t fixed = 3 * predictMemory(gpt, MemoryMode::Train, 1, 64).value().weights; // grads + Adam
        QVERIFY(std::abs(static_cast<double>(four - fixed) / static_cast<double>(one - fixed) - 4.0) < 0.05);
    }

    void guardRefusesBeforeAllocating()
    {
        MemoryLabRequest r = labRequest({"llama"}, {MemoryMode::Train}, {64, 1 << 20});
        r.memoryLimit = 1'000'000'000; // 1 GB
        const std::int64_t live = MemoryMeter::liveBytes();
        MemoryMeter::resetPeak();
        int ran = 0;
        auto rows = runMemoryLab(r, [&](const MemoryLabRow &) { ++ran; });
        QVERIFY(!rows.ok());
        QVERIFY2(QString::fromStdString(rows.error()).contains(QStringLiteral("needs about")), rows.error().c_str());
        QVERIFY(QString::fromStdString(rows.error()).contains(QStringLiteral("1048576")));
        QCOMPARE(ran, 0);                              // not even the short length ran
        QCOMPARE(MemoryMeter::peakBytes(), live);      // nothing was allocated
        QVERIFY(!checkFitsInMemory(2'000, 1'000).ok());
        QVERIFY(checkFitsInMemory(2'000, 0).ok()); // unknown: no refusal
        QVERIFY(availableMemoryBytes() > 0);
    }

    void badRequestsAndCancel()
    {
        QVERIFY(!runMemoryLab(labRequest({"no-such-family"}, {MemoryMode::Train}, {8})).ok());
        QVERIFY(!runMemoryLab(labRequest({"gpt"}, {MemoryMode::Train}, {0})).ok());
        QVERIFY(!predictMemory({{"arch", "mlp"}}, MemoryMode::Train, 1, 8).ok());
        QVERIFY(!measureMemory({{"arch", "gpt"}, {"dim", -3}}, MemoryMode::Train, 1, 8).ok());
        CancelToken cancel;
        cancel.cancel();
        auto rows = runMemoryLab(labRequest({"lstm"}, {MemoryMode::Train}, {8}), {}, &cancel);
        QVERIFY(!rows.ok());
        QCOMPARE(rows.error(), std::string("cancelled"));
    }

    void csvAndSlope()
    {
        MemoryLabRequest r = labRequest({"rnn", "gpt"}, {MemoryMode::Prefill, MemoryMode::Infer}, {16, 32});
        r.model = LabModel{"gpt", 16, 1, 2, false};
        auto rows = runMemoryLab(r);
        QVERIFY(rows.ok());
        QCOMPARE(int(rows.value().size()), 8);
        const QStringList lines = QString::fromStdString(memoryLabCsv(rows.value())).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 9);
        QVERIFY(lines.front().startsWith(QStringLiteral("arch,mode,seq_len,batch,measured_bytes,predicted_bytes,")));
        QVERIFY(lines.at(3).startsWith(QStringLiteral("rnn,infer,16,2,")));
        QCOMPARE(logLogSlope(10, 100, 20, 400), 2.0);
        QVERIFY(std::isnan(logLogSlope(10, 0, 20, 400)));
        QVERIFY(std::isnan(memoryLabSlope(rows.value(), "lstm", MemoryMode::Train)));
        QCOMPARE(formatBytes(1.5e9), std::string("1.5 GB"));
        QCOMPARE(formatBytes(17), std::string("17 B"));
    }
};

QTEST_GUILESS_MAIN(TestMemoryLab)
#include "tst_memorylab.moc"
