// PCA against data whose principal axes and variances are known by construction; t-SNE on
// separated Gaussian clusters, determinism, cancellation and option checking.
#include "core/rng.h"
#include "inspect/projection.h"

#include <QtTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

using namespace lm;

namespace {

double dot(const double *a, const std::vector<double> &b)
{
    double s = 0.0;
    for (std::size_t j = 0; j < b.size(); ++j)
        s += a[j] * b[j];
    return s;
}

std::vector<double> unitVector(Rng &rng, int d)
{
    std::vector<double> u(static_cast<std::size_t>(d));
    double norm = 0.0;
    for (double &v : u) {
        v = rng.normal();
        norm += v * v;
    }
    for (double &v : u)
        v /= std::sqrt(norm);
    return u;
}

// k clusters of m points each in d dimensions: cluster c centred at 10·e_c, N(0, 1) noise.
// data: (k·m, d); label: (k·m).
std::vector<float> clusters(int k, int m, int d, std::vector<int> &label, std::uint64_t seed = 7)
{
    Rng rng(seed);
    std::vector<float> data(std::size_t(k) * std::size_t(m) * std::size_t(d));
    label.clear();
    for (int c = 0; c < k; ++c)
        for (int i = 0; i < m; ++i) {
            float *row = data.data() + label.size() * std::size_t(d);
            for (int j = 0; j < d; ++j)
                row[j] = rng.normal() + (j == c ? 10.0f : 0.0f);
            label.push_back(c);
        }
    return data;
}

// Fraction of points whose nearest other point in the layout (n, dims) has the same label.
double nearestSameLabel(const std::vector<float> &points, int dims, const std::vector<int> &label)
{
    const std::size_t n = label.size();
    int same = 0;
    for (std::size_t i = 0; i < n; ++i) {
        double best = INFINITY;
        std::size_t arg = i;
        for (std::size_t j = 0; j < n; ++j) {
            if (j == i)
                continue;
            double d2 = 0.0;
            for (int c = 0; c < dims; ++c) {
                const double diff = points[i * std::size_t(dims) + std::size_t(c)] - points[j * std::size_t(dims) + std::size_t(c)];
                d2 += diff * diff;
            }
            if (d2 < best) {
                best = d2;
                arg = j;
            }
        }
        same += label[arg] == label[i];
    }
    return double(same) / double(n);
}

} // namespace

class TestProjection final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pcaRecoversLine()
    {
        // x = 3 + t·u + 1e-3·noise, t ~ N(0, 1): the first axis is ±u and carries almost all variance.
        const int n = 500, d = 10;
        Rng rng(1);
        const std::vector<double> u = unitVector(rng, d);
        std::vector<float> x(std::size_t(n) * d);
        std::vector<double> t(n);
        for (int i = 0; i < n; ++i) {
            t[std::size_t(i)] = rng.normal();
            for (int j = 0; j < d; ++j)
                x[std::size_t(i) * d + j] = float(3.0 + t[std::size_t(i)] * u[std::size_t(j)] + 1e-3 * rng.normal());
        }
        const Projection p = pca(x.data(), n, d, 2);
        QCOMPARE(p.dims, 2);
        QCOMPARE(p.points.size(), std::size_t(n) * 2);
        QCOMPARE(p.components.size(), std::size_t(2) * d);
        QVERIFY2(std::abs(dot(p.components.data(), u)) > 0.999, "first component is not the line");
        QVERIFY(p.explainedVariance[0] > 0.999);
        QCOMPARE(p.mean.size(), std::size_t(d));
        QVERIFY(std::abs(p.mean[0] - 3.0) < 0.2);
        // The first coordinate is ±(t − mean t).
        double tm = 0.0;
        for (double v : t)
            tm += v / n;
        const double sign = dot(p.components.data(), u) > 0 ? 1.0 : -1.0;
        for (int i = 0; i < n; ++i)
            QVERIFY(std::abs(p.points[std::size_t(i) * 2] - sign * (t[std::size_t(i)] - tm)) < 1e-2);
    }

    void pcaRecoversPlane()
    {
        // x = a·u + b·v, a ~ N(0, 2²), b ~ N(0, 1), u ⟂ v in 6-d: the top two axes span {u, v}
        // (first ≈ ±u), and the third explains ~nothing.
        const int n = 2000, d = 6;
        Rng rng(2);
        std::vector<double> u = unitVector(rng, d), v = unitVector(rng, d);
        const double uv = dot(u.data(), v);
        double norm = 0.0;
        for (int j = 0; j < d; ++j) {
            v[std::size_t(j)] -= uv * u[std::size_t(j)];
            norm += v[std::size_t(j)] * v[std::size_t(j)];
        }
        for (double &e : v)
            e /= std::sqrt(norm);
        std::vector<float> x(std::size_t(n) * d);
        for (int i = 0; i < n; ++i) {
            const double a = 2.0 * rng.normal(), b = rng.normal();
            for (int j = 0; j < d; ++j)
                x[std::size_t(i) * d + j] = float(a * u[std::size_t(j)] + b * v[std::size_t(j)]);
        }
        const Projection p = pca(x.data(), n, d, 3);
        for (int c = 0; c < 2; ++c) {
            const double *w = p.components.data() + std::size_t(c) * d;
            const double inPlane = std::hypot(dot(w, u), dot(w, v));
            QVERIFY2(inPlane > 0.999, qPrintable(QStringLiteral("component %1 leaves the plane: %2").arg(c).arg(inPlane)));
        }
        QVERIFY(std::abs(dot(p.components.data(), u)) > 0.99);
        QVERIFY(p.explainedVariance[2] < 1e-6);
        // Variances 4 : 1 -> about 0.8 and 0.2.
        QVERIFY(std::abs(p.explainedVariance[0] - 4.0 / (4.0 + 1.0)) < 0.03);
    }

    void pcaExplainedVarianceSortedAndBounded()
    {
        // Independent columns with standard deviations 4, 2, 1, 0.5: fractions 16, 4, 1 of 21.25.
        const int n = 20000, d = 4;
        const double sd[d] = {0.5, 4.0, 1.0, 2.0};
        Rng rng(3);
        std::vector<float> x(std::size_t(n) * d);
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < d; ++j)
                x[std::size_t(i) * d + j] = float(sd[j] * rng.normal());
        const Projection p = pca(x.data(), n, d, 3);
        const double total = 16.0 + 4.0 + 1.0 + 0.25;
        const double expected[3] = {16.0 / total, 4.0 / total, 1.0 / total};
        double sum = 0.0;
        for (int c = 0; c < 3; ++c) {
            QVERIFY(p.explainedVariance[std::size_t(c)] >= 0.0);
            if (c > 0)
                QVERIFY(p.explainedVariance[std::size_t(c)] <= p.explainedVariance[std::size_t(c) - 1]);
            QVERIFY2(std::abs(p.explainedVariance[std::size_t(c)] - expected[c]) < 0.02,
                     qPrintable(QString::number(p.explainedVariance[std::size_t(c)])));
            sum += p.explainedVariance[std::size_t(c)];
        }
        QVERIFY(sum <= 1.0 + 1e-12);
        // The axes are the coordinate axes 1, 3, 0, each with loading +1 by the sign convention.
        QVERIFY(p.components[0 * d + 1] > 0.999);
        QVERIFY(p.components[1 * d + 3] > 0.999);
        QVERIFY(p.components[2 * d + 2] > 0.999);
    }

    void pcaSignConventionStable()
    {
        // Negating the data or permuting its rows leaves the components unchanged (each with a
        // positive loading sum); negating the data negates the points.
        const int n = 300, d = 8;
        Rng rng(4);
        std::vector<float> x(std::size_t(n) * d), neg(x.size()), rev(x.size());
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < d; ++j)
                x[std::size_t(i) * d + j] = float((j + 1) * rng.normal() + (j % 3) * rng.normal());
        for (std::size_t a = 0; a < x.size(); ++a)
            neg[a] = -x[a];
        for (int i = 0; i < n; ++i)
            std::copy_n(x.data() + std::size_t(i) * d, d, rev.data() + std::size_t(n - 1 - i) * d);
        const Projection p = pca(x.data(), n, d, 3), pn = pca(neg.data(), n, d, 3), pr = pca(rev.data(), n, d, 3);
        for (int c = 0; c < 3; ++c) {
            double sum = 0.0;
            for (int j = 0; j < d; ++j) {
                const std::size_t at = std::size_t(c) * d + std::size_t(j);
                sum += p.components[at];
                QVERIFY(std::abs(p.components[at] - pn.components[at]) < 1e-9);
                QVERIFY(std::abs(p.components[at] - pr.components[at]) < 1e-9);
            }
            QVERIFY(sum > 0.0);
        }
        for (std::size_t a = 0; a < p.points.size(); ++a)
            QVERIFY(std::abs(p.points[a] + pn.points[a]) < 1e-4f);
        const Projection again = pca(x.data(), n, d, 3);
        QVERIFY(again.points == p.points);
    }

    void pcaConstantData()
    {
        const std::vector<float> x(10 * 4, 2.5f);
        const Projection p = pca(x.data(), 10, 4, 2);
        for (float v : p.points)
            QCOMPARE(v, 0.0f);
        QCOMPARE(p.explainedVariance[0], 0.0);
        const Projection one = pca(x.data(), 1, 4, 3);
        QCOMPARE(one.points.size(), std::size_t(3));
    }

    void pcaBadArguments()
    {
        const std::vector<float> x(10 * 4, 1.0f);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pca(x.data(), 10, 4, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pca(x.data(), 10, 4, 4));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pca(x.data(), 20, 2, 3)); // dims > d
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pca(x.data(), 0, 4, 2));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, pca(nullptr, 10, 4, 2));
    }

    void tsneSeparatesClusters_data()
    {
        QTest::addColumn<int>("dims");
        QTest::addColumn<int>("threads");
        QTest::newRow("2-d, 1 thread") << 2 << 1;
        QTest::newRow("2-d, 2 threads") << 2 << 2;
        QTest::newRow("3-d, 2 threads") << 3 << 2;
    }
    void tsneSeparatesClusters()
    {
        QFETCH(int, dims);
        QFETCH(int, threads);
        std::vector<int> label;
        const std::vector<float> x = clusters(3, 60, 20, label);
        TsneOptions o;
        o.dims = dims;
        o.threads = threads;
        CancelToken cancel;
        const Result<Projection> r = tsne(x.data(), 3 * 60, 20, o, cancel);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
        QCOMPARE(r.value().dims, dims);
        QCOMPARE(r.value().points.size(), std::size_t(3 * 60 * dims));
        for (float v : r.value().points)
            QVERIFY(std::isfinite(v));
        const double same = nearestSameLabel(r.value().points, dims, label);
        QVERIFY2(same > 0.95, qPrintable(QString::number(same)));
        // Re-centred every iteration.
        for (int c = 0; c < dims; ++c) {
            double mean = 0.0;
            for (std::size_t i = 0; i < label.size(); ++i)
                mean += r.value().points[i * std::size_t(dims) + std::size_t(c)];
            QVERIFY(std::abs(mean / double(label.size())) < 1e-3);
        }
    }

    void tsneDeterministic()
    {
        // Same seed: bit-identical, whatever the thread count. Another seed: a different layout.
        std::vector<int> label;
        const std::vector<float> x = clusters(3, 40, 10, label);
        TsneOptions o;
        o.iterations = 300;
        o.perplexity = 10;
        CancelToken cancel;
        const std::vector<float> a = tsne(x.data(), 120, 10, o, cancel).value().points;
        QVERIFY(tsne(x.data(), 120, 10, o, cancel).value().points == a);
        o.threads = 2;
        QVERIFY(tsne(x.data(), 120, 10, o, cancel).value().points == a);
        o.threads = 3;
        QVERIFY(tsne(x.data(), 120, 10, o, cancel).value().points == a);
        o.seed = 2;
        QVERIFY(tsne(x.data(), 120, 10, o, cancel).value().points != a);
    }

    void tsneProgress()
    {
        // Called after iterations 50, 100, 120 (the last), with the whole (n, dims) layout.
        std::vector<int> label;
        const std::vector<float> x = clusters(2, 20, 5, label);
        TsneOptions o;
        o.iterations = 120;
        o.perplexity = 5;
        o.dims = 3;
        CancelToken cancel;
        std::vector<int> calls;
        std::vector<float> last;
        const auto r = tsne(x.data(), 40, 5, o, cancel, [&](int iteration, const std::vector<float> &points) {
            calls.push_back(iteration);
            QCOMPARE(points.size(), std::size_t(40 * 3));
            last = points;
        });
        QVERIFY(r.ok());
        QCOMPARE(calls, (std::vector<int>{50, 100, 120}));
        QVERIFY(last == r.value().points);
    }

    void tsneCancel()
    {
        std::vector<int> label;
        const std::vector<float> x = clusters(3, 200, 10, label);
        TsneOptions o;
        o.iterations = 1000000; // minutes of work if the token were ignored

        CancelToken before;
        before.cancel();
        const auto r0 = tsne(x.data(), 600, 10, o, before);
        QVERIFY(!r0.ok());
        QCOMPARE(r0.error(), std::string("cancelled"));

        // From the progress callback: stops before the next iteration.
        CancelToken inCallback;
        int calls = 0;
        const auto r1 = tsne(x.data(), 600, 10, o, inCallback, [&](int, const std::vector<float> &) {
            ++calls;
            inCallback.cancel();
        });
        QVERIFY(!r1.ok());
        QCOMPARE(r1.error(), std::string("cancelled"));
        QCOMPARE(calls, 1);

        // From another thread, as the GUI does: returns within a fraction of a second.
        CancelToken fromThread;
        std::atomic<bool> started{false};
        std::chrono::steady_clock::time_point cancelledAt;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            cancelledAt = std::chrono::steady_clock::now();
            fromThread.cancel();
            started = true;
        });
        const auto r2 = tsne(x.data(), 600, 10, o, fromThread);
        const auto returnedAt = std::chrono::steady_clock::now();
        canceller.join();
        QVERIFY(started);
        QVERIFY(!r2.ok());
        QCOMPARE(r2.error(), std::string("cancelled"));
        const auto lag = std::chrono::duration_cast<std::chrono::milliseconds>(returnedAt - cancelledAt).count();
        QVERIFY2(lag < 250, qPrintable(QStringLiteral("%1 ms after cancel").arg(lag)));
    }

    void tsneBadOptions_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("dims");
        QTest::addColumn<double>("perplexity");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<int>("threads");
        QTest::addColumn<double>("learningRate");
        QTest::addColumn<QString>("message");
        QTest::newRow("one point") << 1 << 2 << 0.5 << 10 << 1 << 0.0 << "at least 2 points";
        QTest::newRow("dims 1") << 20 << 1 << 5.0 << 10 << 1 << 0.0 << "dims must be 2 or 3";
        QTest::newRow("dims 4") << 20 << 4 << 5.0 << 10 << 1 << 0.0 << "dims must be 2 or 3";
        QTest::newRow("perplexity 0") << 20 << 2 << 0.0 << 10 << 1 << 0.0 << "perplexity";
        QTest::newRow("perplexity < 0") << 20 << 2 << -3.0 << 10 << 1 << 0.0 << "perplexity";
        QTest::newRow("perplexity NaN") << 20 << 2 << std::nan("") << 10 << 1 << 0.0 << "perplexity";
        QTest::newRow("perplexity = n") << 20 << 2 << 20.0 << 10 << 1 << 0.0 << "perplexity must be in (0, n = 20), got 20";
        QTest::newRow("iterations 0") << 20 << 2 << 5.0 << 0 << 1 << 0.0 << "iterations";
        QTest::newRow("threads 0") << 20 << 2 << 5.0 << 10 << 0 << 0.0 << "threads";
        QTest::newRow("learning rate < 0") << 20 << 2 << 5.0 << 10 << 1 << -1.0 << "learningRate";
    }
    void tsneBadOptions()
    {
        QFETCH(int, n);
        QFETCH(int, dims);
        QFETCH(double, perplexity);
        QFETCH(int, iterations);
        QFETCH(int, threads);
        QFETCH(double, learningRate);
        QFETCH(QString, message);
        std::vector<int> label;
        const std::vector<float> x = clusters(2, 10, 4, label);
        TsneOptions o;
        o.dims = dims;
        o.perplexity = perplexity;
        o.iterations = iterations;
        o.threads = threads;
        o.learningRate = learningRate;
        CancelToken cancel;
        const auto r = tsne(x.data(), n, 4, o, cancel);
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error()).contains(message), r.error().c_str());
    }

    void tsneEdgeCases()
    {
        // Perplexity just below n (every other point a neighbour), two points, duplicates: finite.
        std::vector<int> label;
        std::vector<float> x = clusters(1, 6, 3, label);
        std::copy_n(x.data(), 3, x.data() + 3); // rows 0 and 1 identical
        TsneOptions o;
        o.iterations = 100;
        CancelToken cancel;
        for (const auto &[n, perplexity] : {std::pair{6, 5.9}, std::pair{2, 1.0}, std::pair{6, 0.1}}) {
            o.perplexity = perplexity;
            const auto r = tsne(x.data(), n, 3, o, cancel);
            QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
            for (float v : r.value().points)
                QVERIFY(std::isfinite(v));
        }
        x[4] = NAN;
        const auto bad = tsne(x.data(), 6, 3, o, cancel);
        QVERIFY(!bad.ok());
        QVERIFY(QString::fromStdString(bad.error()).contains(QStringLiteral("row 1, column 1")));
    }
};

QTEST_APPLESS_MAIN(TestProjection)
#include "tst_projection.moc"
