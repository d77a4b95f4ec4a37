// The recurrent forecaster beats the naive "last value" forecast on a seasonal series, continues
// the season on its own, and the CSV loader names the line of every bad cell.
#include "core/rng.h"
#include "io/csv.h"
#include "train/forecasting.h"

#include <QtTest>

#include <cmath>
#include <fstream>
#include <numbers>

using namespace lm;

namespace {
std::string writeFile(const QTemporaryDir &dir, const char *name, const std::string &text)
{
    const std::string path = dir.filePath(QString::fromLatin1(name)).toStdString();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}
} // namespace

class TestForecaster final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void generatedSeries()
    {
        const auto a = generateSeries(500, 3, 0.01, 24, 0.0);
        QCOMPARE(int(a.size()), 500);
        // Without noise: the formula itself at t = 6 (a quarter of the season).
        const double w = 2.0 * std::numbers::pi / 24.0;
        QVERIFY(std::abs(a[6] - (0.01 * 6 + std::sin(w * 6) + 0.5 * std::sin(w * 6 / 7.0))) < 1e-12);
        QCOMPARE(generateSeries(100, 9), generateSeries(100, 9));
        QVERIFY(generateSeries(100, 9) != generateSeries(100, 10));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, generateSeries(10, 1, 0.0, 1));
    }

    void beatsNaiveBaseline_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("lstm") << int(CellKind::Lstm);
        QTest::newRow("gru") << int(CellKind::Gru);
    }
    void beatsNaiveBaseline()
    {
        QFETCH(int, kind);
        const auto series = generateSeries(1200, 4, 0.0005, 24, 0.1);
        ForecasterConfig config;
        config.kind = static_cast<CellKind>(kind);
        config.hidden = 24;
        config.window = 36;
        Rng rng(1);
        SeriesForecaster model(config, rng);
        ForecastTrainConfig train;
        train.steps = 800;
        train.batch = 32;
        train.lr = 1e-2f;
        auto report = trainForecaster(model, series, train);
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().c_str());
        const ForecastReport &r = report.value();
        QCOMPARE(r.trainSize, std::size_t(1200 - 240));
        QCOMPARE(r.testPredictions.size(), std::size_t(240));
        const QString numbers = QStringLiteral("train %1 (naive %2), test %3 (naive %4)")
                                    .arg(r.trainRmse).arg(r.naiveTrainRmse).arg(r.testRmse).arg(r.naiveTestRmse);
        QVERIFY2(r.losses.back() < r.losses.front(), qPrintable(numbers));
        QVERIFY2(r.testRmse < 0.75 * r.naiveTestRmse, qPrintable(numbers));
        QVERIFY2(r.trainRmse < 0.75 * r.naiveTrainRmse, qPrintable(numbers));
        qInfo("%s", qPrintable(numbers));

        // The continuation follows the season: closer to the noiseless future than repeating the
        // last value.
        const Forecast f = model.forecast(series, 24, 48);
        QCOMPARE(f.first, std::size_t(1200 - 48));
        QCOMPARE(f.oneStep.size(), std::size_t(48));
        QCOMPARE(f.continuation.size(), std::size_t(24));
        const auto truth = generateSeries(1224, 4, 0.0005, 24, 0.0);
        const std::vector<double> future(truth.end() - 24, truth.end());
        const std::vector<double> flat(24, series.back());
        qInfo("continuation RMSE %g, flat %g", rmse(f.continuation, future), rmse(flat, future));
        QVERIFY2(rmse(f.continuation, future) < 0.5 * rmse(flat, future),
                 qPrintable(QStringLiteral("%1 vs %2").arg(rmse(f.continuation, future)).arg(rmse(flat, future))));
    }

    void trainingErrors()
    {
        Rng rng(1);
        SeriesForecaster model(ForecasterConfig{CellKind::Rnn, 4, 1, 10}, rng);
        auto r = trainForecaster(model, std::vector<double>(12, 1.0), ForecastTrainConfig{});
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error()).contains(QStringLiteral("12 values")), r.error().c_str());
        std::vector<double> bad(100, 1.0);
        bad[7] = std::nan("");
        r = trainForecaster(model, bad, ForecastTrainConfig{});
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error()).contains(QStringLiteral("value 8")), r.error().c_str());
    }

    void csvLoads()
    {
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "a.csv", "time,\"sales, units\",price\r\n1,10,2.5\n2,\"11\",3e0\n\n3, 12 ,-1\n");
        auto byName = loadSeriesCsv(path, "price");
        QVERIFY2(byName.ok(), byName.ok() ? "" : byName.error().c_str());
        QCOMPARE(byName.value(), (std::vector<double>{2.5, 3.0, -1.0}));
        auto quoted = loadSeriesCsv(path, "sales, units");
        QVERIFY(quoted.ok());
        QCOMPARE(quoted.value(), (std::vector<double>{10, 11, 12}));
        auto byIndex = loadSeriesCsv(path, "0");
        QVERIFY(byIndex.ok());
        QCOMPARE(byIndex.value(), (std::vector<double>{1, 2, 3}));
    }

    void csvErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a number") << QStringLiteral("t,v\n1,2\n2,3\n3,abc\n") << QStringLiteral("v")
                                      << QStringLiteral(":4: 'abc' in column 'v' is not a finite number");
        QTest::newRow("short row") << QStringLiteral("t,v\n1,2\n2\n") << QStringLiteral("v")
                                   << QStringLiteral(":3: the row has 1 fields; column 'v' is field 2");
        QTest::newRow("unknown column") << QStringLiteral("t,v\n1,2\n") << QStringLiteral("price")
                                        << QStringLiteral(":1: no column 'price' in the header (t, v)");
        QTest::newRow("empty cell") << QStringLiteral("t,v\n1,\n") << QStringLiteral("v")
                                    << QStringLiteral(":2: '' in column 'v' is not a finite number");
        QTest::newRow("infinite") << QStringLiteral("v\ninf\n") << QStringLiteral("v")
                                  << QStringLiteral(":2: 'inf' in column 'v' is not a finite number");
        QTest::newRow("header only") << QStringLiteral("t,v\n") << QStringLiteral("v")
                                     << QStringLiteral(": no values under column 'v'");
        QTest::newRow("empty file") << QString() << QStringLiteral("v") << QStringLiteral(": the file is empty");
    }
    void csvErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, column);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const std::string path = writeFile(dir, "bad.csv", text.toStdString());
        auto r = loadSeriesCsv(path, column.toStdString());
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error()).startsWith(QString::fromStdString(path) + expected), r.error().c_str());
        QVERIFY(!loadSeriesCsv(path + ".missing", "v").ok());
    }
};

QTEST_APPLESS_MAIN(TestForecaster)
#include "tst_forecaster.moc"
