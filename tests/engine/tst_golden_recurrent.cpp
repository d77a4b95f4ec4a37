// Recurrent stacks against PyTorch (tests/golden/make_recurrent_golden.py): torch.nn.RNN (tanh),
// LSTM and GRU, uni- and bidirectional, 2 layers, B = 2, T = 5, I = 3, H = 4. Compares the
// output, h_n (c_n) and the gradients of L = Σ output·R_out + Σ h_n·R_h (+ Σ c_n·R_c) with respect
// to x, h0 (c0) and every weight. float32 on both sides; tolerance below.
#include "core/ops.h"
#include "core/rng.h"
#include "core/tape.h"
#include "models/recurrent/recurrent.h"

#include <QtTest>

#include "golden.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace lm;
using Json = nlohmann::ordered_json; // keeps torch's parameter order

namespace {
constexpr double kAbs = 1e-5; // |engine − torch| <= kAbs + kRel·|torch|
constexpr double kRel = 1e-4;

const Json &golden() { return lm::test::goldenFixture<Json>("recurrent_golden.json"); }

std::vector<float> floats(const Json &j) { return j.get<std::vector<float>>(); }

QString mismatch(const std::vector<float> &got, const std::vector<float> &want)
{
    return lm::test::goldenMismatch(got, want, kAbs, kRel);
}

// Slice k of a (K, B, H) block stored flat.
std::vector<float> part(const std::vector<float> &all, std::size_t k, std::size_t size)
{
    return std::vector<float>(all.begin() + static_cast<std::ptrdiff_t>(k * size),
                              all.begin() + static_cast<std::ptrdiff_t>((k + 1) * size));
}

std::vector<float> concatenated(const std::vector<Tensor> &parts, bool grads)
{
    std::vector<float> all;
    for (const Tensor &t : parts) {
        const auto v = grads ? t.gradVector() : t.toVector();
        all.insert(all.end(), v.begin(), v.end());
    }
    return all;
}
} // namespace

#define CHECK_CLOSE(what, got, want)                                                                                   \
    do {                                                                                                               \
        const QString m = mismatch(got, want);                                                                         \
        QVERIFY2(m.isEmpty(), qPrintable(QStringLiteral(what ": ") + m));                                              \
    } while (false)

class TestGoldenRecurrent final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesTorch_data()
    {
        QTest::addColumn<QString>("name");
        for (const auto &[name, value] : golden()["cases"].items())
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }
    void matchesTorch()
    {
        QFETCH(QString, name);
        const Json &g = golden()["cases"][name.toStdString()];
        const std::string kindName = g["kind"];
        RecurrentConfig config;
        config.kind = kindName == "rnn" ? CellKind::Rnn : kindName == "lstm" ? CellKind::Lstm : CellKind::Gru;
        config.inputSize = g["I"];
        config.hidden = g["H"];
        config.layers = g["layers"];
        config.bidirectional = g["bidirectional"];
        const bool lstm = config.kind == CellKind::Lstm;
        const std::int64_t B = g["B"], T = g["T"], H = config.hidden;
        Rng rng(7);
        RecurrentStack stack(config, rng);
        const int states = config.layers * stack.directions();

        // Same names, same order as torch's named_parameters(); then torch's values.
        const ParameterList params = stack.parameters();
        QCOMPARE(params.size(), g["weights"].size());
        std::size_t k = 0;
        for (const auto &[pname, values] : g["weights"].items()) {
            QCOMPARE(QString::fromStdString(params[k].name), QString::fromStdString(pname));
            const auto v = floats(values);
            QCOMPARE(static_cast<std::int64_t>(v.size()), params[k].tensor.numel());
            Tensor target = params[k].tensor; // a handle to the stack's weight
            std::copy(v.begin(), v.end(), target.data());
            ++k;
        }

        const std::size_t stateSize = static_cast<std::size_t>(B * H);
        Tensor x = Tensor::fromVector({B, T, config.inputSize}, floats(g["x"]), true);
        RecurrentState initial;
        for (int s = 0; s < states; ++s) {
            initial.h.push_back(Tensor::fromVector({B, H}, part(floats(g["h0"]), std::size_t(s), stateSize), true));
            if (lstm)
                initial.c.push_back(Tensor::fromVector({B, H}, part(floats(g["c0"]), std::size_t(s), stateSize), true));
        }

        Tape tape;
        TapeScope scope(tape);
        const RecurrentOutput out = stack.forward(x, initial);
        QCOMPARE(out.output.shape(), (Shape{B, T, stack.directions() * H}));
        QCOMPARE(static_cast<int>(out.final.h.size()), states);
        CHECK_CLOSE("output", out.output.toVector(), floats(g["output"]));
        CHECK_CLOSE("h_n", concatenated(out.final.h, false), floats(g["h_n"]));
        if (lstm)
            CHECK_CLOSE("c_n", concatenated(out.final.c, false), floats(g["c_n"]));

        Tensor loss = sum(mul(out.output, Tensor::fromVector(out.output.shape(), floats(g["r_out"]))));
        for (int s = 0; s < states; ++s) {
            const auto us = static_cast<std::size_t>(s);
            loss = add(loss, sum(mul(out.final.h[us], Tensor::fromVector({B, H}, part(floats(g["r_h"]), us, stateSize)))));
            if (lstm)
                loss = add(loss, sum(mul(out.final.c[us], Tensor::fromVector({B, H}, part(floats(g["r_c"]), us, stateSize)))));
        }
        QVERIFY(std::abs(loss.item() - g["loss"].get<double>()) <= kAbs * 10 + kRel * std::abs(g["loss"].get<double>()));
        tape.backward(loss);

        CHECK_CLOSE("grad x", x.gradVector(), floats(g["grad_x"]));
        CHECK_CLOSE("grad h0", concatenated(initial.h, true), floats(g["grad_h0"]));
        if (lstm)
            CHECK_CLOSE("grad c0", concatenated(initial.c, true), floats(g["grad_c0"]));
        for (const auto &p : params) {
            const QString m = mismatch(p.tensor.gradVector(), floats(g["grads"][p.name]));
            QVERIFY2(m.isEmpty(), qPrintable(QStringLiteral("grad %1: %2").arg(QString::fromStdString(p.name), m)));
        }
    }
};

QTEST_APPLESS_MAIN(TestGoldenRecurrent)
#include "tst_golden_recurrent.moc"
