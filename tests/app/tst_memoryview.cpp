// The memory view under the offscreen platform: a small sweep fills the four plots point by point,
// the slope labels say what the curves do, the CSV holds the rows, the calculator agrees with
// lm::predictMemory, and Stop ends a long sweep promptly.
#include "appcore/views/memorycalculator.h"
#include "appcore/plots/memoryplots.h"
#include "appcore/views/memoryview.h"

#include <QtTest>

namespace {
lm::MemoryLabRequest smallSweep()
{
    lm::MemoryLabRequest r;
    r.archs = {"gpt", "lstm"};
    r.modes = {lm::MemoryMode::Train};
    r.seqLens = {32, 64, 128};
    r.batch = 1;
    r.model.dim = 16;
    r.model.layers = 1;
    r.model.heads = 2;
    return r;
}

// "gpt: slope 1.65" -> 1.65; NaN when the label has no number after "slope ".
double slopeIn(const QString &label)
{
    const qsizetype at = label.indexOf(QStringLiteral("slope "));
    bool ok = false;
    const double v = at < 0 ? 0.0 : label.mid(at + 6).toDouble(&ok);
    return ok ? v : std::nan("");
}
} // namespace

class TestMemoryView final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void smallSweepFillsThePlots()
    {
        MemoryView view;
        view.resize(1200, 760);
        view.show();
        view.setRequest(smallSweep(), true);
        QSignalSpy finished(&view, &MemoryView::finished);
        QSignalSpy started(&view, &MemoryView::runStarted);
        view.run();
        QVERIFY(view.isRunning());
        QCOMPARE(started.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        QVERIFY2(finished.front().front().toBool(), qPrintable(view.statusText()));
        QVERIFY(!view.isRunning());

        const int archs = 2, lengths = 3, batches = 4;
        QCOMPARE(int(view.rows().size()), archs * lengths);
        QCOMPARE(int(view.batchRows().size()), archs * batches);

        // A: per architecture a measured and a predicted graph, one point per length.
        QCustomPlot *a = view.bytesPlot()->plot();
        QCOMPARE(a->graphCount(), archs * 2);
        for (int g = 0; g < a->graphCount(); ++g)
            QCOMPARE(a->graph(g)->dataCount(), lengths);
        QCOMPARE(a->yAxis->scaleType(), QCPAxis::stLogarithmic);
        QCOMPARE(a->xAxis->scaleType(), QCPAxis::stLogarithmic);

        // The slopes: attention's T × T table makes the GPT's training memory grow faster than the
        // LSTM's, whose memory grows linearly in T (plus what does not grow at all).
        const QStringList labels = view.bytesPlot()->slopeLabels();
        QVERIFY2(labels.size() == archs, qPrintable(labels.join(QStringLiteral("; "))));
        auto labelOf = [&](const QString &arch) {
            const QStringList found = labels.filter(QRegularExpression(QLatin1Char('^') + arch + QStringLiteral(": slope ")));
            return found.size() == 1 ? found.front() : QString();
        };
        const QString gptLabel = labelOf(QStringLiteral("gpt")), lstmLabel = labelOf(QStringLiteral("lstm"));
        const double gpt = slopeIn(gptLabel), lstm = slopeIn(lstmLabel);
        QVERIFY2(gpt > 0.5 && gpt < 2.5, qPrintable(gptLabel));
        QVERIFY2(lstm > 0.2 && lstm < 1.5, qPrintable(lstmLabel));
        QVERIFY2(gpt > lstm, qPrintable(labels.join(QStringLiteral("; "))));

        // B: one measured line per architecture; C: measured and predicted against batch 1, 2, 4, 8.
        QCOMPARE(view.timePlot()->plot()->graphCount(), archs);
        QCOMPARE(view.timePlot()->plot()->graph(0)->dataCount(), lengths);
        QCustomPlot *c = view.batchPlot()->plot();
        QCOMPARE(c->graphCount(), archs * 2);
        QCOMPARE(c->graph(0)->dataCount(), batches);
        QCOMPARE(c->xAxis->scaleType(), QCPAxis::stLinear);
        // Every activation has a batch axis: from batch 1 to 8 the measured bytes grow several-fold,
        // and each step up adds about as much as the one before (linear, not faster).
        for (const std::string &arch : {std::string("gpt"), std::string("lstm")}) {
            std::map<int, double> bytes;
            for (const lm::MemoryLabRow &r : view.batchRows())
                if (r.arch == arch)
                    bytes[r.batch] = double(r.measured.runBytes);
            QCOMPARE(int(bytes.size()), batches);
            const double perSequence = (bytes[8] - bytes[4]) / 4.0, perSequenceLow = (bytes[2] - bytes[1]) / 1.0;
            QVERIFY2(bytes[8] > 2.5 * bytes[1], arch.c_str());
            QVERIFY2(perSequence > 0.7 * perSequenceLow && perSequence < 1.3 * perSequenceLow, arch.c_str());
        }
        // D: one stacked bar per architecture, weights at the bottom.
        QCOMPARE(view.partsPlot()->barCount(), archs);
        QVERIFY(view.partsPlot()->partNames().contains(QStringLiteral("weights")));
        QVERIFY(view.partsPlot()->partNames().contains(QStringLiteral("attention (T × T)")));

        // CSV of plot A: lm::memoryLabCsv, a header and one line per row.
        QTemporaryDir dir;
        QString error;
        QVERIFY2(view.bytesPlot()->exportTo(dir.filePath(QStringLiteral("a.csv")), &error), qPrintable(error));
        QFile csv(dir.filePath(QStringLiteral("a.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + archs * lengths);
        QVERIFY(lines.front().startsWith(QStringLiteral("arch,mode,seq_len,batch,measured_bytes,predicted_bytes")));
        for (PlotView *p : std::initializer_list<PlotView *>{view.bytesPlot(), view.timePlot(), view.batchPlot(), view.partsPlot()})
            QVERIFY2(p->exportTo(dir.filePath(QStringLiteral("plot.png")), &error), qPrintable(error));
    }

    void calculatorAgreesWithTheFormulas()
    {
        MemoryCalculator calc;
        const lm::NamedConfig gpt2 = lm::referenceConfigs().front(); // GPT-2 small
        auto direct = lm::predictMemory(gpt2.config, lm::MemoryMode::Train, 8, 1024, 4);
        QVERIFY(direct.ok());
        calc.setInputs(0, lm::MemoryMode::Train, 8, 1024, 4, 1000.0);
        QCOMPARE(calc.parts().total(), direct.value().total());
        QVERIFY(calc.fits());
        QVERIFY2(calc.resultText().contains(QString::fromStdString(lm::formatBytes(double(direct.value().total())))),
                 qPrintable(calc.resultText()));
        QVERIFY2(calc.resultText().contains(QStringLiteral("Fits in")), qPrintable(calc.resultText()));
        // The longest length and largest batch that fit are exactly the edge: one more does not.
        const std::int64_t budget = 1000'000'000'000;
        const MemoryFit fit = calc.fit();
        QVERIFY(fit.longestLength >= 1024 && fit.largestBatch >= 8);
        auto total = [&](std::int64_t b, std::int64_t t) {
            return lm::predictMemory(gpt2.config, lm::MemoryMode::Train, b, t, 4).value().total();
        };
        QVERIFY(total(8, fit.longestLength) <= budget && total(8, fit.longestLength + 1) > budget);
        QVERIFY(total(fit.largestBatch, 1024) <= budget && total(fit.largestBatch + 1, 1024) > budget);

        calc.setInputs(0, lm::MemoryMode::Train, 8, 1024, 4, 0.01);
        QVERIFY(!calc.fits());
        QVERIFY2(calc.resultText().contains(QStringLiteral("Does not fit")), qPrintable(calc.resultText()));
        QCOMPARE(calc.fit().longestLength, 0); // the weights alone are 0.5 GB
        QCOMPARE(calc.fit().largestBatch, 0);

        // Half the bytes per number, half the memory.
        calc.setInputs(0, lm::MemoryMode::Infer, 1, 1024, 2, 16.0);
        QCOMPARE(calc.parts().total(), lm::predictMemory(gpt2.config, lm::MemoryMode::Infer, 1, 1024, 4).value().total() / 2);
    }

    void stopEndsALongSweep()
    {
        MemoryView view;
        // The lab's default model (width 64, 2 layers, 4 heads) at batch 2: a training step near
        // T = 4096 takes most of a second here, so ten of them outlast the test's reaction time.
        lm::MemoryLabRequest r;
        r.archs = {"gpt"};
        r.seqLens = {64, 3072, 3200, 3328, 3456, 3584, 3712, 3840, 3968, 4096};
        view.setRequest(r, false);
        QSignalSpy finished(&view, &MemoryView::finished);
        view.run();
        QTRY_VERIFY_WITH_TIMEOUT(!view.rows().empty(), 30000);
        // The GUI thread stays free while the worker measures.
        bool fired = false;
        QTimer::singleShot(0, this, [&] { fired = true; });
        QTRY_VERIFY_WITH_TIMEOUT(fired, 1000);
        // Stop ends the sweep after the point it is measuring: it finishes unfinished, with fewer
        // rows than lengths (no wall-clock bound: the suite also runs under sanitizers).
        view.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.front().front().toBool(), false);
        QVERIFY(!view.isRunning());
        QVERIFY(view.rows().size() < r.seqLens.size());
        QVERIFY2(view.statusText().startsWith(QStringLiteral("Stopped")), qPrintable(view.statusText()));

        // Usable afterwards: a short sweep runs to the end.
        r.seqLens = {16, 32};
        view.setRequest(r, false);
        view.run();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QVERIFY2(finished.back().front().toBool(), qPrintable(view.statusText()));
        QCOMPARE(int(view.rows().size()), 2);
        QCOMPARE(view.bytesPlot()->slopeLabels().size(), 1);
    }

    void badLengthsAreRefused()
    {
        MemoryView view;
        lm::MemoryLabRequest r = smallSweep();
        view.setRequest(r, false);
        view.findChild<QLineEdit *>(QStringLiteral("lengths"))->setText(QStringLiteral("32, ten"));
        QSignalSpy started(&view, &MemoryView::runStarted);
        view.run();
        QVERIFY(!view.isRunning());
        QCOMPARE(started.size(), 0);
        QVERIFY2(view.statusText().contains(QStringLiteral("ten")), qPrintable(view.statusText()));
    }
};

QTEST_MAIN(TestMemoryView)
#include "tst_memoryview.moc"
