// Token sampling: greedy, temperature, top-k, top-p, determinism, and the frequencies of
// plain sampling against the softmax they should follow.
#include "models/sampling.h"

#include <QtTest>

#include <cmath>

using namespace lm;

class TestSampling final : public QObject {
    Q_OBJECT

private:
    const std::vector<float> m_logits{1.0f, 3.0f, 2.0f, 0.0f}; // softmax ≈ .087 .644 .237 .032

private Q_SLOTS:
    void greedyIsArgmax()
    {
        Rng rng(1);
        SamplingOptions o;
        o.temperature = 0.0f;
        QCOMPARE(sampleToken(m_logits.data(), 4, o, rng), 1);
        const std::vector<float> tie{5.0f, 5.0f};
        QCOMPARE(sampleToken(tie.data(), 2, o, rng), 0); // ties go to the lowest id
    }
    void topKOneIsGreedy()
    {
        Rng rng(2);
        SamplingOptions o;
        o.topK = 1;
        for (int i = 0; i < 50; ++i)
            QCOMPARE(sampleToken(m_logits.data(), 4, o, rng), 1);
    }
    void topKAndTopPLimitTheChoices()
    {
        Rng rng(3);
        SamplingOptions k2;
        k2.topK = 2; // only ids 1 and 2
        SamplingOptions p;
        p.topP = 0.6f; // .644 alone reaches it: only id 1
        for (int i = 0; i < 200; ++i) {
            const auto t = sampleToken(m_logits.data(), 4, k2, rng);
            QVERIFY(t == 1 || t == 2);
            QCOMPARE(sampleToken(m_logits.data(), 4, p, rng), 1);
        }
    }
    void frequenciesFollowTheSoftmax()
    {
        Rng rng(4);
        SamplingOptions o;
        const int n = 20000;
        int counts[4] = {0, 0, 0, 0};
        for (int i = 0; i < n; ++i)
            ++counts[sampleToken(m_logits.data(), 4, o, rng)];
        double z = 0;
        for (float l : m_logits)
            z += std::exp(l);
        for (int v = 0; v < 4; ++v) {
            const double expected = std::exp(m_logits[static_cast<std::size_t>(v)]) / z;
            const double sigma = std::sqrt(expected * (1 - expected) / n);
            QVERIFY2(std::abs(double(counts[v]) / n - expected) < 5 * sigma, qPrintable(QString::number(v)));
        }
    }
    void highTemperatureFlattens()
    {
        Rng rng(5);
        SamplingOptions o;
        o.temperature = 100.0f;
        int counts[4] = {0, 0, 0, 0};
        for (int i = 0; i < 8000; ++i)
            ++counts[sampleToken(m_logits.data(), 4, o, rng)];
        for (int c : counts)
            QVERIFY(std::abs(c - 2000) < 250); // near uniform
    }
    void badOptionsThrow()
    {
        Rng rng(6);
        SamplingOptions o;
        o.topP = 0.0f;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampleToken(m_logits.data(), 4, o, rng));
        o = {};
        o.temperature = -1.0f;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampleToken(m_logits.data(), 4, o, rng));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, sampleToken(m_logits.data(), 0, SamplingOptions{}, rng));
    }
    void sameSeedSameSequence()
    {
        auto draw = [&] {
            Rng rng(7);
            std::vector<int> out;
            for (int i = 0; i < 30; ++i)
                out.push_back(sampleToken(m_logits.data(), 4, SamplingOptions{}, rng));
            return out;
        };
        QCOMPARE(draw(), draw());
    }
};

QTEST_APPLESS_MAIN(TestSampling)
#include "tst_sampling.moc"
