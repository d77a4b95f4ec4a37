// The gradient-through-time probe: a vanilla RNN's gradient vanishes with distance, an LSTM's
// (forget bias 1) reaches much further, a fresh GRU a little, and large recurrent weights make it explode.
#include "inspect/gradientprobe.h"

#include <QtTest>

#include <cmath>

using namespace lm;

namespace {
// log10 of the share of the last step's gradient that reaches step 0.
double reach(CellKind kind, float scale = 1.0f)
{
    GradientProbe p;
    p.kind = kind;
    p.steps = 60;
    p.weightScale = scale;
    const auto norms = gradientThroughTime(p);
    return std::log10(norms.front() / norms.back());
}
} // namespace

class TestGradientProbe final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void oneNormPerStep()
    {
        GradientProbe p;
        p.steps = 17;
        const auto norms = gradientThroughTime(p);
        QCOMPARE(int(norms.size()), 17);
        for (float n : norms)
            QVERIFY(std::isfinite(n) && n >= 0.0f);
        QVERIFY(norms.back() > 0.0f);
    }
    void vanishingVersusGated()
    {
        const double rnn = reach(CellKind::Rnn), lstm = reach(CellKind::Lstm), gru = reach(CellKind::Gru);
        qInfo("log10 share reaching 60 steps back: rnn %.1f, lstm %.1f, gru %.1f", rnn, lstm, gru);
        QVERIFY(rnn < -6.0);
        QVERIFY(lstm > rnn + 3.0);
        QVERIFY(gru > rnn); // at initialisation z ≈ ½ halves the gradient each step: a little better only
    }
    void largeWeightsExplode()
    {
        const double exploding = reach(CellKind::Rnn, 4.0f);
        qInfo("log10 share reaching 60 steps back with W_hh x4: %.1f", exploding);
        QVERIFY(exploding > reach(CellKind::Rnn) + 3.0);
    }
    void badSizesThrow()
    {
        GradientProbe p;
        p.steps = 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gradientThroughTime(p));
    }
};

QTEST_APPLESS_MAIN(TestGradientProbe)
#include "tst_gradientprobe.moc"
