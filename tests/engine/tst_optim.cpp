// Optimizer steps against values computed by hand from PyTorch's update rules, gradient clipping,
// and the warmup + cosine schedule.
#include "core/optim.h"
#include "train/schedule.h"

#include <QtTest>

#include <cmath>

using namespace lm;

namespace {
// One parameter of the given shape and values with gradient g.
NamedParameter param(const Shape &shape, std::vector<float> values, std::vector<float> g)
{
    Tensor t = Tensor::fromVector(shape, values, true);
    std::copy(g.begin(), g.end(), t.grad());
    return {"p", t};
}
bool near(float a, float b, float tol = 1e-6f) { return std::abs(a - b) <= tol; }
} // namespace

class TestOptim final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sgdPlain()
    {
        auto p = param({2}, {1.0f, -2.0f}, {0.5f, 0.25f});
        Sgd opt({p}, 0.1f);
        opt.step();
        QVERIFY(near(p.tensor.data()[0], 1.0f - 0.1f * 0.5f));
        QVERIFY(near(p.tensor.data()[1], -2.0f - 0.1f * 0.25f));
    }
    void sgdMomentum()
    {
        // step 1: buf = g = 1 -> p = 1 − 0.1·1 = 0.9; step 2 (g = 1): buf = 0.9·1 + 1 = 1.9 -> p = 0.9 − 0.19
        auto p = param({1}, {1.0f}, {1.0f});
        Sgd opt({p}, 0.1f, 0.9f);
        opt.step();
        QVERIFY(near(p.tensor.data()[0], 0.9f));
        opt.step();
        QVERIFY(near(p.tensor.data()[0], 0.9f - 0.1f * 1.9f));
    }
    void adamFirstStepMovesByLr()
    {
        // t = 1: m̂ = g, v̂ = g², so the step is lr·g/(|g| + eps) ≈ lr·sign(g).
        auto p = param({2}, {1.0f, 1.0f}, {0.3f, -4.0f});
        Adam::Options o;
        o.lr = 0.01f;
        Adam opt({p}, o);
        opt.step();
        QVERIFY(near(p.tensor.data()[0], 1.0f - 0.01f * 0.3f / (0.3f + 1e-8f)));
        QVERIFY(near(p.tensor.data()[1], 1.0f + 0.01f));
    }
    void adamSecondStep()
    {
        // g1 = 1, g2 = 0.5, β = (0.9, 0.999):
        // m2 = 0.9·0.1 + 0.1·0.5 = 0.14, v2 = 0.999·0.001 + 0.001·0.25 = 0.001249
        // m̂ = 0.14/0.19, v̂ = 0.001249/0.001999
        auto p = param({1}, {0.0f}, {1.0f});
        Adam::Options o;
        o.lr = 0.1f;
        Adam opt({p}, o);
        opt.step();
        const float after1 = p.tensor.data()[0];
        p.tensor.grad()[0] = 0.5f;
        opt.step();
        const float mhat = 0.14f / 0.19f, vhat = 0.001249f / 0.001999f;
        QVERIFY(near(p.tensor.data()[0], after1 - 0.1f * mhat / (std::sqrt(vhat) + 1e-8f), 1e-5f));
    }
    void adamWDecaysMatricesOnly()
    {
        // Zero gradient: the only change is decoupled decay p·(1 − lr·wd), and only for rank >= 2.
        auto matrix = param({1, 2}, {2.0f, -2.0f}, {0.0f, 0.0f});
        auto vector = param({2}, {2.0f, -2.0f}, {0.0f, 0.0f});
        Adam::Options o;
        o.lr = 0.1f;
        o.weightDecay = 0.5f;
        o.decoupled = true;
        Adam opt({matrix, vector}, o);
        opt.step();
        QVERIFY(near(matrix.tensor.data()[0], 2.0f * (1.0f - 0.1f * 0.5f)));
        QVERIFY(near(matrix.tensor.data()[1], -2.0f * (1.0f - 0.1f * 0.5f)));
        QVERIFY(near(vector.tensor.data()[0], 2.0f));
    }
    void adamL2AddsToGradient()
    {
        // Adam (not W): g' = g + wd·p = 0 + 0.5·2 = 1 -> first step moves by lr.
        auto p = param({1}, {2.0f}, {0.0f});
        Adam::Options o;
        o.lr = 0.1f;
        o.weightDecay = 0.5f;
        Adam opt({p}, o);
        opt.step();
        QVERIFY(near(p.tensor.data()[0], 2.0f - 0.1f));
    }
    void clipGlobalNorm()
    {
        // Gradients (3, 4) and (12): global norm 13; clipped to 1 each is scaled by 1/13.
        auto a = param({2}, {0, 0}, {3, 4});
        auto b = param({1}, {0}, {12});
        const float norm = clipGradNorm({a, b}, 1.0f);
        QVERIFY(near(norm, 13.0f));
        QVERIFY(near(a.tensor.gradOrNull()[0], 3.0f / 13.0f, 1e-5f));
        QVERIFY(near(b.tensor.gradOrNull()[0], 12.0f / 13.0f, 1e-5f));
        QVERIFY(near(clipGradNorm({a, b}, 0.0f), 1.0f, 1e-5f)); // 0: measure only
    }
    void warmupCosine()
    {
        WarmupCosine s{1.0f, 10, 110, 0.1f};
        QVERIFY(near(s.at(0), 0.1f));     // (0 + 1) / 10
        QVERIFY(near(s.at(9), 1.0f));     // warmup ends at the peak
        QVERIFY(near(s.at(10), 1.0f));    // cosine starts at the peak
        QVERIFY(near(s.at(60), 0.1f + 0.9f * 0.5f, 1e-5f)); // half way: (1 + cos π/2)/2
        QVERIFY(near(s.at(110), 0.1f));   // floor
        QVERIFY(near(s.at(500), 0.1f));
    }
    void unknownOptimizerThrows() { QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeOptimizer("lion", {}, 0.1f, 0.0f)); }
};

QTEST_APPLESS_MAIN(TestOptim)
#include "tst_optim.moc"
