// Recurrent layers: central-difference gradient checks of the fused layer op (each cell kind,
// both directions, h0/c0 and every weight) and of a 2-layer bidirectional stack; the trace
// (names, shapes, time order, grad_norm after backward); and the textbook vanishing gradient:
// a tanh RNN's dL/dh_t shrinks toward early steps much faster than an LSTM's.
#include "core/ops.h"
#include "core/rng.h"
#include "core/tape.h"
#include "gradcheck.h"
#include "models/recurrent/recurrent.h"

#include <QtTest>

#include <cmath>

using namespace lm;
using lm::test::gradCheck;
using lm::test::randomTensor;

namespace {
// B = 2, T = 4, I = 3, H = 3: small enough for central differences over every element.
constexpr std::int64_t kB = 2, kT = 4, kI = 3, kH = 3;
// Central differences with eps 1e-2 in float32: |analytic − numeric| <= 1e-3 + 5e-3·|numeric|,
// tighter than gradcheck.h's default so that a 1 % error in one gate's derivative fails.
constexpr float kEps = 1e-2f;
constexpr double kAtol = 1e-3, kRtol = 5e-3;

RecurrentWeights randomWeights(CellKind kind, std::int64_t in, std::int64_t H, Rng &rng)
{
    const std::int64_t GH = gateCount(kind) * H;
    return {randomTensor({GH, in}, rng, -0.6f, 0.6f), randomTensor({GH, H}, rng, -0.6f, 0.6f),
            randomTensor({GH}, rng, -0.3f, 0.3f), randomTensor({GH}, rng, -0.3f, 0.3f)};
}

Tensor flatten(const Tensor &t) { return reshape(t, {-1}); }

Tensor sumOf(const Tensor &x, const Tensor &r) { return sum(mul(x, r)); }
} // namespace

class TestRecurrent final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void layerGradients_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("reverse");
        QTest::addColumn<bool>("finalOnly"); // the loss sees h_T (c_T) only, not the hidden states
        QTest::addColumn<bool>("inputGrad"); // x requires a gradient
        for (CellKind kind : {CellKind::Rnn, CellKind::Lstm, CellKind::Gru})
            for (bool reverse : {false, true})
                QTest::newRow((std::string(cellName(kind)) + (reverse ? " reverse" : " forward")).c_str())
                    << static_cast<int>(kind) << reverse << false << true;
        QTest::newRow("lstm forward, final state only, x without gradient")
            << static_cast<int>(CellKind::Lstm) << false << true << false;
        QTest::newRow("gru reverse, final state only") << static_cast<int>(CellKind::Gru) << true << true << true;
        QTest::newRow("rnn forward, x without gradient") << static_cast<int>(CellKind::Rnn) << false << false << false;
    }
    void layerGradients()
    {
        QFETCH(int, kind);
        QFETCH(bool, reverse);
        QFETCH(bool, finalOnly);
        QFETCH(bool, inputGrad);
        const auto cell = static_cast<CellKind>(kind);
        const bool lstm = cell == CellKind::Lstm;
        Rng rng(11 + static_cast<std::uint64_t>(kind));
        const RecurrentWeights w = randomWeights(cell, kI, kH, rng);
        std::vector<Tensor> inputs{randomTensor({kB, kT, kI}, rng, -1, 1, inputGrad), randomTensor({kB, kH}, rng),
                                   w.weightIh, w.weightHh, w.biasIh, w.biasHh};
        if (lstm)
            inputs.push_back(randomTensor({kB, kH}, rng));
        // Every output (hidden states unless finalOnly, final h, final c) enters the checked sum.
        const auto f = [cell, reverse, lstm, finalOnly](const std::vector<Tensor> &in) {
            const RecurrentWeights wi{in[2], in[3], in[4], in[5]};
            const LayerResult r = recurrentLayer(cell, in[0], wi, in[1], lstm ? in[6] : Tensor(), reverse);
            std::vector<Tensor> parts{flatten(r.hT)};
            if (!finalOnly)
                parts.push_back(flatten(r.hidden));
            if (lstm)
                parts.push_back(flatten(r.cT));
            return concat(parts, 0);
        };
        const auto result = gradCheck(f, inputs, kEps, kAtol, kRtol);
        QVERIFY2(result.ok, result.report.c_str());
        // The check must have seen gradients everywhere (a silent zero would pass trivially on a
        // zero analytic and a tiny numeric): every input got a gradient buffer with something in it.
        QCOMPARE(inputs[0].hasGrad(), inputGrad);
        for (const Tensor &t : inputs) {
            if (!t.requiresGrad())
                continue;
            const auto g = t.gradVector();
            double norm = 0;
            for (float v : g)
                norm += double(v) * v;
            QVERIFY(norm > 0);
        }
    }

    void stackGradients_data()
    {
        QTest::addColumn<int>("kind");
        for (CellKind kind : {CellKind::Rnn, CellKind::Lstm, CellKind::Gru})
            QTest::newRow((std::string(cellName(kind)) + " 2-layer bidirectional").c_str()) << static_cast<int>(kind);
    }
    void stackGradients()
    {
        QFETCH(int, kind);
        RecurrentConfig config;
        config.kind = static_cast<CellKind>(kind);
        config.inputSize = kI;
        config.hidden = kH;
        config.layers = 2;
        config.bidirectional = true;
        const bool lstm = config.kind == CellKind::Lstm;
        Rng rng(5);
        const RecurrentStack stack(config, rng);
        const int states = 4; // layers · directions
        std::vector<Tensor> inputs{randomTensor({kB, kT, kI}, rng)};
        for (int s = 0; s < states * (lstm ? 2 : 1); ++s)
            inputs.push_back(randomTensor({kB, kH}, rng));
        const ParameterList params = stack.parameters();
        QCOMPARE(static_cast<int>(params.size()), 4 * states);
        for (const auto &p : params)
            inputs.push_back(p.tensor);
        const auto f = [&stack, states, lstm](const std::vector<Tensor> &in) {
            RecurrentState initial;
            for (int s = 0; s < states; ++s) {
                initial.h.push_back(in[static_cast<std::size_t>(1 + s)]);
                if (lstm)
                    initial.c.push_back(in[static_cast<std::size_t>(1 + states + s)]);
            }
            const RecurrentOutput out = stack.forward(in[0], initial);
            std::vector<Tensor> parts{flatten(out.output)};
            for (const Tensor &h : out.final.h)
                parts.push_back(flatten(h));
            for (const Tensor &c : out.final.c)
                parts.push_back(flatten(c));
            return concat(parts, 0);
        };
        const auto result = gradCheck(f, inputs, kEps, kAtol, kRtol);
        QVERIFY2(result.ok, result.report.c_str());
    }

    void trace_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QStringList>("gates");
        QTest::newRow("rnn") << static_cast<int>(CellKind::Rnn) << QStringList{};
        QTest::newRow("lstm") << static_cast<int>(CellKind::Lstm)
                              << QStringList{QStringLiteral("gate.i"), QStringLiteral("gate.f"),
                                             QStringLiteral("gate.g"), QStringLiteral("gate.o")};
        QTest::newRow("gru") << static_cast<int>(CellKind::Gru)
                             << QStringList{QStringLiteral("gate.r"), QStringLiteral("gate.z"), QStringLiteral("gate.n")};
    }
    void trace()
    {
        QFETCH(int, kind);
        QFETCH(QStringList, gates);
        RecurrentConfig config;
        config.kind = static_cast<CellKind>(kind);
        config.inputSize = kI;
        config.hidden = 5;
        config.layers = 2;
        config.bidirectional = true;
        const std::int64_t B = 3, T = 6, H = config.hidden;
        Rng rng(3);
        const RecurrentStack stack(config, rng);
        Tensor x = randomTensor({B, T, kI}, rng);
        Trace trace;
        Tape tape;
        TapeScope scope(tape);
        const RecurrentOutput out = stack.forward(x, {}, &trace);
        const Tensor r = randomTensor(out.output.shape(), rng, -1, 1, false);
        Tensor loss = sumOf(out.output, r);

        for (const char *layer : {"layer0.", "layer1."})
            for (const char *dir : {"forward.", "backward."}) {
                const std::string prefix = std::string(layer) + dir;
                const TraceMatrix *hidden = trace.find(prefix + "hidden");
                QVERIFY2(hidden, (prefix + "hidden").c_str());
                QCOMPARE(hidden->rows, int(T));
                QCOMPARE(hidden->cols, int(H));
                for (const QString &g : gates) {
                    const TraceMatrix *m = trace.find(prefix + g.toStdString());
                    QVERIFY2(m, qPrintable(QString::fromStdString(prefix) + g));
                    QCOMPARE(m->rows, int(T));
                    QCOMPARE(m->cols, int(H));
                    for (float v : m->values) // σ in (0, 1), tanh in (−1, 1)
                        QVERIFY(v > -1.0f && v < 1.0f);
                }
                QVERIFY(!trace.has(prefix + "gate.c"));
                QVERIFY(!trace.has(prefix + "grad_norm")); // only once backward has run
            }
        if (gates.isEmpty())
            QVERIFY(!trace.has("layer0.forward.gate.i") && !trace.has("layer0.forward.gate.r"));

        // Time in natural order for both directions: the last layer's traces are batch row 0 of
        // the output, forward half then backward half.
        for (std::int64_t t = 0; t < T; ++t)
            for (std::int64_t j = 0; j < H; ++j) {
                QCOMPARE(trace.find("layer1.forward.hidden")->at(int(t), int(j)), out.output.data()[t * 2 * H + j]);
                QCOMPARE(trace.find("layer1.backward.hidden")->at(int(t), int(j)), out.output.data()[t * 2 * H + H + j]);
            }

        tape.backward(loss);
        for (const char *name : {"layer0.forward.grad_norm", "layer0.backward.grad_norm", "layer1.forward.grad_norm",
                                 "layer1.backward.grad_norm"}) {
            const TraceMatrix *m = trace.find(name);
            QVERIFY2(m, name);
            QCOMPARE(m->rows, int(T));
            QCOMPARE(m->cols, 1);
            for (float v : m->values)
                QVERIFY2(std::isfinite(v) && v > 0, name);
        }
        // With the loss on the output only, the last layer's forward direction gets nothing
        // through time at t = T−1: its grad_norm there is |R[:, T−1, :H]|; likewise the backward
        // direction at t = 0 is |R[:, 0, H:]|.
        double lastForward = 0, firstBackward = 0;
        for (std::int64_t b = 0; b < B; ++b)
            for (std::int64_t j = 0; j < H; ++j) {
                const double f = r.data()[(b * T + T - 1) * 2 * H + j], k = r.data()[(b * T) * 2 * H + H + j];
                lastForward += f * f;
                firstBackward += k * k;
            }
        QVERIFY(std::abs(trace.find("layer1.forward.grad_norm")->at(int(T - 1), 0) - std::sqrt(lastForward)) < 1e-5);
        QVERIFY(std::abs(trace.find("layer1.backward.grad_norm")->at(0, 0) - std::sqrt(firstBackward)) < 1e-5);
    }

    // The loss sees only the last step; grad_norm[t] / grad_norm[T−1] measures how much of the
    // gradient reaches step t. Default (torch) init for both; the LSTM's forget-gate bias starts at
    // 1 (Jozefowicz et al. 2015, Keras' unit_forget_bias), the usual LSTM setting that lets its
    // cell carry gradient. Seeded; thresholds leave orders of magnitude of room.
    void vanishingGradient()
    {
        const std::int64_t B = 4, T = 60, I = 8, H = 32;
        const auto reach = [&](CellKind kind, std::uint64_t seed) {
            RecurrentConfig config;
            config.kind = kind;
            config.inputSize = I;
            config.hidden = H;
            Rng rng(seed);
            const RecurrentStack stack(config, rng);
            if (kind == CellKind::Lstm) {
                Tensor bih = stack.weights(0, 0).biasIh, bhh = stack.weights(0, 0).biasHh; // handles
                for (std::int64_t j = 0; j < H; ++j) {
                    bih.data()[H + j] = 1.0f;
                    bhh.data()[H + j] = 0.0f;
                }
            }
            Tensor x = randomTensor({B, T, I}, rng);
            Trace trace;
            Tape tape;
            TapeScope scope(tape);
            const RecurrentOutput out = stack.forward(x, {}, &trace);
            Tensor last = slice(out.output, 1, T - 1, T);
            tape.backward(sumOf(last, randomTensor(last.shape(), rng, -1, 1, false)));
            const TraceMatrix *g = trace.find("layer0.forward.grad_norm");
            return g ? std::log10(g->at(0, 0) / g->at(int(T - 1), 0)) : 0.0;
        };
        for (std::uint64_t seed : {1u, 2u, 3u}) {
            const double rnn = reach(CellKind::Rnn, seed), lstm = reach(CellKind::Lstm, seed);
            qDebug("seed %d: log10 |dL/dh_0| / |dL/dh_%d|: rnn %.2f, lstm %.2f", int(seed), int(T - 1), rnn, lstm);
            QVERIFY(rnn < -6.0);       // the RNN forgets: a millionth or less reaches step 0
            QVERIFY(lstm > rnn + 3.0); // the LSTM keeps over a thousand times more
        }
    }

    void badShapesThrow()
    {
        Rng rng(1);
        const RecurrentWeights w = randomWeights(CellKind::Lstm, kI, kH, rng);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 recurrentLayer(CellKind::Lstm, Tensor::zeros({kB, kT, kI + 1}), w, {}, {}, false));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 recurrentLayer(CellKind::Gru, Tensor::zeros({kB, kT, kI}), w, {}, {}, false));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, recurrentLayer(CellKind::Lstm, Tensor::zeros({kB, kT, kI}), w,
                                                                       Tensor::zeros({kB + 1, kH}), {}, false));
        RecurrentConfig config;
        config.inputSize = kI;
        config.hidden = kH;
        config.layers = 2;
        const RecurrentStack stack(config, rng);
        RecurrentState wrong;
        wrong.h.push_back(Tensor::zeros({kB, kH}));
        wrong.c.push_back(Tensor::zeros({kB, kH}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, stack.forward(Tensor::zeros({kB, kT, kI}), wrong));
    }

    // torch's init: every parameter uniform in [−1/√H, 1/√H], and not all equal.
    void initRange()
    {
        RecurrentConfig config;
        config.kind = CellKind::Gru;
        config.inputSize = 7;
        config.hidden = 16;
        config.layers = 2;
        config.bidirectional = true;
        Rng rng(9);
        const RecurrentStack stack(config, rng);
        const float k = 1.0f / std::sqrt(16.0f);
        for (const auto &p : stack.parameters()) {
            float lo = 1, hi = -1;
            for (float v : p.tensor.toVector())
                lo = std::min(lo, v), hi = std::max(hi, v);
            QVERIFY2(lo >= -k && hi <= k && hi - lo > k, p.name.c_str());
            QVERIFY(p.tensor.requiresGrad());
        }
        QCOMPARE(stack.weights(1, 1).weightIh.shape(), (Shape{3 * 16, 2 * 16}));
        QCOMPARE(stack.parameters().front().name, std::string("weight_ih_l0"));
        QCOMPARE(stack.parameters().back().name, std::string("bias_hh_l1_reverse"));
    }
};

QTEST_APPLESS_MAIN(TestRecurrent)
#include "tst_recurrent.moc"
