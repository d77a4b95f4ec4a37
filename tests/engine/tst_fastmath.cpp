// core/fastmath.h: the sigmoid table the word-vector trainers share, and expApprox.
#include "core/fastmath.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace lm;

namespace {
double sigma(double x) { return 1.0 / (1.0 + std::exp(-x)); }
} // namespace

class TestFastMath final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void word2vecTable()
    {
        static const SigmoidTable<1000, 6> t; // word2vec: 1000 steps over [−6, 6]
        QCOMPARE(t.index(-6.0f), 0);
        QCOMPARE(t.index(0.0f), 1000 / 2);
        QCOMPARE(t.index(5.999f), 1000 - 1);
        QCOMPARE(t.sigmoid[1000 / 2], 0.5f);
        QVERIFY(std::abs(t.sigmoid[0] - sigma(-6.0)) < 1e-7);
        QVERIFY(std::abs(t.sigmoid[1000] - sigma(6.0)) < 1e-7);
        // the cell of x holds σ at x rounded down to the grid: error below one step's slope
        for (float x : {-5.5f, -1.25f, 0.3f, 2.0f, 5.9f})
            QVERIFY2(std::abs(t.sigmoid[t.index(x)] - sigma(x)) <= 12.0 / 1000 * 0.25 + 1e-6, qPrintable(QString::number(x)));
    }

    void fastTextTable()
    {
        static const SigmoidTable<512, 8> t; // fastText: 512 steps over [−8, 8]
        QCOMPARE(t.index(0.0f), 512 / 2);
        QCOMPARE(t.sigmoid[512 / 2], 0.5f);
        QCOMPARE(t.index(-8.0f + 16.0f / 512 * 3), 3); // exactly on the grid
        // −log σ at the mirrored cell is the loss of a negative: −log(1 − σ(x)) = −log σ(−x)
        for (int k : {0, 100, 256, 400, 512}) {
            const double x = -8.0 + 16.0 * k / 512;
            QVERIFY(std::abs(t.negLogSigmoid[k] - std::log1p(std::exp(-x))) < 1e-6);
            QVERIFY(std::abs(t.negLogSigmoid[512 - k] - (-std::log(1.0 - sigma(x)))) < 1e-5);
        }
    }

    void expApproxIsCloseToExp()
    {
        for (float x : {-87.0f, -10.0f, -1.0f, -0.1f, 0.0f, 0.5f, 1.0f, 20.0f, 88.0f}) {
            const float want = std::exp(x);
            QVERIFY2(std::abs(expApprox(x) - want) <= 4.0f * std::abs(want) * 1.2e-7f, qPrintable(QString::number(x)));
        }
    }

    void expApproxOutsideItsRange()
    {
        // NaN (a model gone NaN, or NaN weights read from a file) stays NaN; found by fuzz_hf_encoder,
        // where casting NaN to an integer was undefined behaviour. Infinities clamp.
        QVERIFY(std::isnan(expApprox(std::numeric_limits<float>::quiet_NaN())));
        QVERIFY(std::isnan(expApprox(-std::numeric_limits<float>::quiet_NaN())));
        QCOMPARE(expApprox(-std::numeric_limits<float>::infinity()), expApprox(-87.0f));
        QCOMPARE(expApprox(std::numeric_limits<float>::infinity()), expApprox(88.0f));
        QVERIFY(std::isfinite(expApprox(88.0f)) && expApprox(-87.0f) > 0.0f);
    }
};

QTEST_APPLESS_MAIN(TestFastMath)
#include "tst_fastmath.moc"
