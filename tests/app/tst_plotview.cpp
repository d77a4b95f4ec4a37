// PlotView and its two first views: export formats and their contracts (size, DPI,
// atomicity, errors), CSV text, the heatmap hover readout, and live-update merging.
// Runs offscreen with the views never shown, as the CLI uses them.
//
// Set LMSCOPE_KEEP_PLOTS=<dir> to also write sample PNGs there for a look by eye.

#include "appcore/plots/heatmapplot.h"
#include "appcore/plots/lossplot.h"
#include "appcore/plots/paintedexport.h"
#include "appcore/views/alignmentview.h"

#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>
#include <stdexcept>

using namespace Qt::StringLiterals;

namespace {

// A falling, noisy loss curve: 200 steps.
std::unique_ptr<LossPlot> makeLossPlot()
{
    auto view = std::make_unique<LossPlot>();
    QVector<double> steps;
    QVector<double> losses;
    for (int i = 1; i <= 200; ++i) {
        steps.append(i);
        losses.append(0.5 + 3.0 * std::exp(-i / 40.0) + 0.15 * std::sin(i * 1.7));
    }
    view->addPoints(steps, losses);
    return view;
}

const QStringList tokens{u"The"_s, u"cat"_s, u"sat"_s, u"on"_s, u"the"_s, u"mat"_s};

// Causal attention over tokens: row r spreads over columns 0..r, more on the diagonal.
std::unique_ptr<HeatmapPlot> makeHeatmap()
{
    auto view = std::make_unique<HeatmapPlot>();
    const int n = int(tokens.size());
    QVector<float> values(n * n, 0.0f);
    for (int r = 0; r < n; ++r) {
        float sum = 0;
        for (int c = 0; c <= r; ++c)
            sum += float(c + 1);
        for (int c = 0; c <= r; ++c)
            values[r * n + c] = float(c + 1) / sum;
    }
    view->setMatrix(n, n, values, tokens, tokens);
    view->setAxisTitles(u"query"_s, u"key"_s);
    view->setValueTitle(u"attention"_s);
    return view;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestPlotView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void lossCsv();
    void lossCsvIgnoresLocale();
    void lossBatchAndClear();
    void lossSmoothingRecomputes();
    void lossReplotsMergeIntoOne();
    void heatmapCsv();
    void heatmapRejectsBadShapes();

    void exportPng_data();
    void exportPng();
    void exportSvg();
    void exportPdf();
    void exportCsvFile();
    void suffixIsCaseInsensitive();
    void badSuffixFails_data();
    void badSuffixFails();
    void unwritablePathFails_data();
    void unwritablePathFails();
    void failureKeepsExistingFile();
    void successReplacesExistingFile();

    void heatmapReadout();
    void heatmapCellsAreFlat();
    void traditionalChineseLabels();
    void copyToClipboard();
    void keepSamples();
    void paintedWidgetExports();
    void paintedWidgetFailures();

private:
    QTemporaryDir m_dir;
};

void TestPlotView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QLocale::setDefault(QLocale::c());
}

void TestPlotView::cleanup()
{
    QLocale::setDefault(QLocale::c());
    // each test starts from an empty directory, even after a failure
    QDir dir(m_dir.path());
    for (const QFileInfo &entry : dir.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)) {
        if (entry.isDir())
            QDir(entry.filePath()).removeRecursively();
        else
            QFile::remove(entry.filePath());
    }
}

void TestPlotView::lossCsv()
{
    LossPlot view;
    view.setSmoothing(0.5);
    view.addPoint(1, 2.0);
    view.addPoint(2, 1.0);
    view.addPoint(3, 0.5);
    // smoothed: 2, 0.5 * 2 + 0.5 * 1 = 1.5, 0.5 * 1.5 + 0.5 * 0.5 = 1
    QCOMPARE(view.toCsv(), u"step,loss,smoothed\n"
                           "1,2,2\n"
                           "2,1,1.5\n"
                           "3,0.5,1\n"_s);
    QCOMPARE(view.pointCount(), 3);
}

void TestPlotView::lossCsvIgnoresLocale()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    LossPlot view;
    view.setSmoothing(0);
    view.addPoint(1000, 0.25);
    view.addPoint(2000, 1e-5);
    QCOMPARE(view.toCsv(), u"step,loss,smoothed\n"
                           "1000,0.25,0.25\n"
                           "2000,1e-05,1e-05\n"_s);
}

void TestPlotView::lossBatchAndClear()
{
    LossPlot view;
    view.addPoints({1, 2, 3}, {3.0, 2.0, 1.0});
    view.addPoint(4, 0.5);
    QCOMPARE(view.pointCount(), 3 + 1);
    QCOMPARE(view.plot()->graph(0)->dataCount(), 4);
    QCOMPARE(view.plot()->graph(1)->dataCount(), 4);
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, view.addPoints({5, 6}, {1.0}));
    QCOMPARE(view.pointCount(), 4);
    view.clear();
    QCOMPARE(view.pointCount(), 0);
    QCOMPARE(view.plot()->graph(0)->dataCount(), 0);
    QCOMPARE(view.toCsv(), u"step,loss,smoothed\n"_s);
}

void TestPlotView::lossSmoothingRecomputes()
{
    LossPlot view;
    view.setSmoothing(0.5);
    view.addPoints({1, 2}, {4.0, 2.0});
    QCOMPARE(view.smoothed(), (QVector<double>{4.0, 0.5 * 4.0 + 0.5 * 2.0}));
    view.setSmoothing(0);
    QCOMPARE(view.smoothed(), (QVector<double>{4.0, 2.0}));
    view.setSmoothing(7); // clamped below 1
    QCOMPARE(view.smoothing(), 0.999);
}

void TestPlotView::lossReplotsMergeIntoOne()
{
    LossPlot view;
    QSignalSpy replots(view.plot(), &QCustomPlot::afterReplot);
    for (int i = 0; i < 100; ++i) {
        view.addPoint(i, 1.0 / (i + 1));
        view.replotQueued();
    }
    QCOMPARE(replots.count(), 0);
    QTRY_COMPARE(replots.count(), 1);
    QTest::qWait(50);
    QCOMPARE(replots.count(), 1);
    // the axes followed the data
    QCOMPARE(view.plot()->xAxis->range().lower, 0.0);
    QCOMPARE(view.plot()->xAxis->range().upper, 99.0);
}

void TestPlotView::heatmapCsv()
{
    HeatmapPlot view;
    view.setMatrix(2, 2, {0.25f, 0.5f, 0.75f, 1.0f}, {u"a"_s, u"b"_s}, {u"x"_s, u"y,z"_s});
    QCOMPARE(view.toCsv(), u"row,col,row_label,col_label,value\n"
                           "0,0,a,x,0.25\n"
                           "0,1,a,\"y,z\",0.5\n"
                           "1,0,b,x,0.75\n"
                           "1,1,b,\"y,z\",1\n"_s);

    view.setMatrix(1, 2, {0.1f, -3.0f});
    QCOMPARE(view.toCsv(), u"row,col,row_label,col_label,value\n"
                           "0,0,,,0.1\n"
                           "0,1,,,-3\n"_s);
}

void TestPlotView::heatmapRejectsBadShapes()
{
    HeatmapPlot view;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, view.setMatrix(2, 3, QVector<float>(5)));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, view.setMatrix(2, 2, QVector<float>(4), {u"only one"_s}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, view.setMatrix(-1, 2, {}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, view.setRange(1, 1));
    view.setMatrix(0, 0, {});
    QCOMPARE(view.toCsv(), u"row,col,row_label,col_label,value\n"_s);
}

void TestPlotView::exportPng_data()
{
    QTest::addColumn<bool>("heatmap");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<double>("dpi");
    QTest::addColumn<QSize>("pixels");

    // pixels = logical size * dpi / 96
    QTest::newRow("loss 1200x600 @192") << false << 1200 << 600 << 192.0 << QSize(1200 * 2, 600 * 2);
    QTest::newRow("loss 1200x600 @96") << false << 1200 << 600 << 96.0 << QSize(1200, 600);
    QTest::newRow("loss default size") << false << 0 << 0 << 96.0 << QSize(800, 500);
    QTest::newRow("loss 400x300 @144") << false << 400 << 300 << 144.0 << QSize(400 * 3 / 2, 300 * 3 / 2);
    QTest::newRow("heatmap 1200x600 @192") << true << 1200 << 600 << 192.0 << QSize(1200 * 2, 600 * 2);
    QTest::newRow("heatmap width only @300") << true << 640 << 0 << 300.0 << QSize(qRound(640 * 300 / 96.0), qRound(500 * 300 / 96.0));
}

void TestPlotView::exportPng()
{
    QFETCH(bool, heatmap);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(double, dpi);
    QFETCH(QSize, pixels);

    std::unique_ptr<PlotView> view;
    if (heatmap)
        view = makeHeatmap();
    else
        view = makeLossPlot();
    const QString path = m_dir.filePath(u"plot.png"_s);
    QString error;
    QVERIFY2(view->exportTo(path, {width, height, dpi}, &error), qPrintable(error));
    QVERIFY(error.isEmpty());

    QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), pixels);
    QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), qRound(dpi));
    QCOMPARE(qRound(image.dotsPerMeterY() * 0.0254), qRound(dpi));
    // no temporary left beside it
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), QStringList{u"plot.png"_s});
    QFile::remove(path);
}

void TestPlotView::exportSvg()
{
    for (const bool heatmap : {false, true}) {
        std::unique_ptr<PlotView> view;
        if (heatmap)
            view = makeHeatmap();
        else
            view = makeLossPlot();
        const QString path = m_dir.filePath(u"plot.svg"_s);
        QString error;
        QVERIFY2(view->exportTo(path, {640, 400, 96}, &error), qPrintable(error));
        const QByteArray svg = readAll(path);
        QVERIFY(svg.startsWith("<?xml"));
        QVERIFY(svg.contains("<svg"));
        QVERIFY(svg.contains("viewBox=\"0 0 640 400\""));
        QSvgRenderer renderer(path);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBox(), QRect(0, 0, 640, 400));
        QFile::remove(path);
    }
}

void TestPlotView::exportPdf()
{
    for (const bool heatmap : {false, true}) {
        std::unique_ptr<PlotView> view;
        if (heatmap)
            view = makeHeatmap();
        else
            view = makeLossPlot();
        const QString path = m_dir.filePath(u"plot.pdf"_s);
        QString error;
        QVERIFY2(view->exportTo(path, {}, &error), qPrintable(error));
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.contains("%%EOF"));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), QStringList{u"plot.pdf"_s});
        QFile::remove(path);
    }
}

void TestPlotView::exportCsvFile()
{
    HeatmapPlot view;
    view.setMatrix(1, 2, {0.5f, 2.0f}, {u"中文"_s}, {u"x"_s, u"y"_s});
    const QString path = m_dir.filePath(u"cells.csv"_s);
    QString error;
    QVERIFY2(view.exportTo(path, {}, &error), qPrintable(error));
    QCOMPARE(QString::fromUtf8(readAll(path)), u"row,col,row_label,col_label,value\n"
                                               "0,0,中文,x,0.5\n"
                                               "0,1,中文,y,2\n"_s);
    QFile::remove(path);
}

void TestPlotView::suffixIsCaseInsensitive()
{
    auto view = makeLossPlot();
    for (const QString &name : {u"A.PNG"_s, u"B.Svg"_s, u"C.PDF"_s, u"D.CSV"_s}) {
        const QString path = m_dir.filePath(name);
        QString error;
        QVERIFY2(view->exportTo(path, {}, &error), qPrintable(error));
        QVERIFY(QFileInfo(path).size() > 0);
        QFile::remove(path);
    }
}

void TestPlotView::badSuffixFails_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("mentioned");
    QTest::newRow("bmp") << u"plot.bmp"_s << u".bmp"_s;
    QTest::newRow("jpeg upper case") << u"plot.JPEG"_s << u".jpeg"_s;
    QTest::newRow("no suffix") << u"plot"_s << u"suffix"_s;
}

void TestPlotView::badSuffixFails()
{
    QFETCH(QString, name);
    QFETCH(QString, mentioned);
    auto view = makeLossPlot();
    const QString path = m_dir.filePath(name);
    QString error;
    QVERIFY(!view->exportTo(path, {}, &error));
    QVERIFY2(error.contains(mentioned), qPrintable(error));
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(QDir(m_dir.path()).entryList(QDir::Files).isEmpty());
}

void TestPlotView::unwritablePathFails_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<bool>("missingDir"); // else the target is an existing directory
    for (const QString &suffix : {u"png"_s, u"svg"_s, u"pdf"_s, u"csv"_s}) {
        QTest::addRow("%s, missing directory", qPrintable(suffix)) << suffix << true;
        QTest::addRow("%s, target is a directory", qPrintable(suffix)) << suffix << false;
    }
}

void TestPlotView::unwritablePathFails()
{
    QFETCH(QString, suffix);
    QFETCH(bool, missingDir);
    auto view = makeHeatmap();
    QString path;
    if (missingDir) {
        path = m_dir.filePath(u"no/such/dir/plot."_s + suffix);
    } else {
        path = m_dir.filePath(u"taken."_s + suffix);
        QVERIFY(QDir(m_dir.path()).mkdir(u"taken."_s + suffix));
    }
    QString error;
    QVERIFY(!view->exportTo(path, {}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    if (missingDir)
        QVERIFY(!QFileInfo::exists(path));
    else
        QVERIFY(QFileInfo(path).isDir());
    QVERIFY(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    if (!missingDir)
        QVERIFY(QDir(path).removeRecursively());
}

void TestPlotView::failureKeepsExistingFile()
{
    const QString path = m_dir.filePath(u"old.png"_s);
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old contents");
    }
    auto view = makeLossPlot();
    QString error;
    QVERIFY(!view->exportTo(path, {800, 500, -1}, &error)); // invalid dpi
    QVERIFY(error.contains(u"dpi"_s));
    QVERIFY(!view->exportTo(path, {100000, 100000, 96}, &error)); // too large
    QVERIFY(error.contains(u"too large"_s));
    QCOMPARE(readAll(path), QByteArray("old contents"));
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files), QStringList{u"old.png"_s});
    QFile::remove(path);
}

void TestPlotView::successReplacesExistingFile()
{
    const QString path = m_dir.filePath(u"old.csv"_s);
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("a much longer old content that must disappear entirely\n");
    }
    LossPlot view;
    view.addPoint(1, 1);
    QString error;
    QVERIFY2(view.exportTo(path, {}, &error), qPrintable(error));
    QCOMPARE(readAll(path), QByteArray("step,loss,smoothed\n1,1,1\n"));
    QFile::remove(path);
}

void TestPlotView::heatmapReadout()
{
    HeatmapPlot view;
    // (3, 4): value at (r, c) = r + c / 10
    QVector<float> values;
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < 4; ++c)
            values.append(float(r) + float(c) / 10.0f);
    }
    view.setMatrix(3, 4, values, {u"r0"_s, u"r1"_s, u"r2"_s}, {u"c0"_s, u"c1"_s, u"c2"_s, u"c3"_s});
    QCustomPlot *p = view.plot();
    p->replot();

    const auto pixelOf = [p](int row, int col) {
        return QPointF(p->xAxis->coordToPixel(col), p->yAxis->coordToPixel(row));
    };
    QCOMPARE(view.readoutAt(pixelOf(2, 1)), u"r2, c1: 2.1"_s);
    QCOMPARE(view.readoutAt(pixelOf(0, 3)), u"r0, c3: 0.3"_s);
    // rows run top to bottom
    QVERIFY(pixelOf(0, 0).y() < pixelOf(2, 0).y());
    // near a cell's edge still that cell
    const double cellWidth = p->xAxis->coordToPixel(1) - p->xAxis->coordToPixel(0);
    QCOMPARE(view.readoutAt(pixelOf(1, 2) + QPointF(0.4 * cellWidth, 0)), u"r1, c2: 1.2"_s);
    QCOMPARE(view.readoutAt(pixelOf(1, 2) + QPointF(0.6 * cellWidth, 0)), u"r1, c3: 1.3"_s);
    // outside the matrix: nothing
    QCOMPARE(view.readoutAt(QPointF(1, 1)), QString());
    QCOMPARE(view.readoutAt(pixelOf(0, 4)), QString());

    // an export lays the plot out at another size; the screen layout comes back afterwards
    const QPointF before = pixelOf(2, 1);
    QString error;
    QVERIFY2(view.exportTo(m_dir.filePath(u"h.png"_s), {1500, 300, 96}, &error), qPrintable(error));
    QCOMPARE(pixelOf(2, 1), before);
    QCOMPARE(view.readoutAt(before), u"r2, c1: 2.1"_s);
    QFile::remove(m_dir.filePath(u"h.png"_s));

    // without labels, indices stand in
    view.setMatrix(1, 2, {0.5f, 0.25f});
    p->replot();
    QCOMPARE(view.readoutAt(pixelOf(0, 1)), u"0, 1: 0.25"_s);
}

void TestPlotView::heatmapCellsAreFlat()
{
    // Two cells, the dark and the bright end of the gradient: every pixel inside a cell has
    // the cell's colour (no interpolation), and the two differ.
    HeatmapPlot view;
    view.setMatrix(1, 2, {0.0f, 1.0f});
    const QString path = m_dir.filePath(u"flat.png"_s);
    QString error;
    QVERIFY2(view.exportTo(path, {800, 500, 96}, &error), qPrintable(error));
    // the view's own size is 800x500 too, so after the export its layout maps into the image
    QCustomPlot *p = view.plot();
    const QImage image(path);
    QCOMPARE(image.size(), QSize(800, 500));
    const int y = qRound(p->yAxis->coordToPixel(0));
    for (int col = 0; col < 2; ++col) {
        const QRgb centre = image.pixel(qRound(p->xAxis->coordToPixel(col)), y);
        for (const double dx : {-0.4, -0.2, 0.2, 0.4}) {
            const int x = qRound(p->xAxis->coordToPixel(col + dx));
            QCOMPARE(QColor(image.pixel(x, y)), QColor(centre));
        }
    }
    QVERIFY(image.pixel(qRound(p->xAxis->coordToPixel(0)), y) != image.pixel(qRound(p->xAxis->coordToPixel(1)), y));
    QFile::remove(path);
}

void TestPlotView::traditionalChineseLabels()
{
    auto loss = makeLossPlot();
    loss->plot()->xAxis->setLabel(u"訓練步數"_s);
    loss->plot()->yAxis->setLabel(u"損失"_s);
    auto heatmap = makeHeatmap();
    heatmap->setMatrix(2, 2, {0.1f, 0.9f, 0.6f, 0.4f}, {u"貓"_s, u"坐"_s}, {u"在"_s, u"墊子上"_s});
    heatmap->setAxisTitles(u"查詢"_s, u"鍵"_s);
    for (PlotView *view : {static_cast<PlotView *>(loss.get()), static_cast<PlotView *>(heatmap.get())}) {
        for (const QString &name : {u"中文圖.png"_s, u"中文圖.svg"_s, u"中文圖.pdf"_s, u"中文圖.csv"_s}) {
            const QString path = m_dir.filePath(name);
            QString error;
            QVERIFY2(view->exportTo(path, {}, &error), qPrintable(error));
            QVERIFY(QFileInfo(path).size() > 0);
            QFile::remove(path);
        }
    }
    QVERIFY(QString::fromUtf8(heatmap->toCsv().toUtf8()).contains(u"1,1,坐,墊子上,0.4"_s));
}

void TestPlotView::copyToClipboard()
{
    auto view = makeLossPlot();
    view->copyToClipboard();
    const QImage image = QGuiApplication::clipboard()->image();
    if (image.isNull())
        QSKIP("this platform plugin keeps no clipboard");
    QCOMPARE(image.size(), QSize(800, 500) * view->devicePixelRatioF());
}

void TestPlotView::keepSamples()
{
    const QString dir = qEnvironmentVariable("LMSCOPE_KEEP_PLOTS");
    if (dir.isEmpty())
        QSKIP("set LMSCOPE_KEEP_PLOTS=<dir> to keep sample plots");
    auto loss = makeLossPlot();
    auto heatmap = makeHeatmap();
    QString error;
    QVERIFY2(loss->exportTo(dir + u"/loss.png"_s, {}, &error), qPrintable(error));
    loss->setLogY(true);
    QVERIFY2(loss->exportTo(dir + u"/loss-log.png"_s, {}, &error), qPrintable(error));
    QVERIFY2(heatmap->exportTo(dir + u"/heatmap.png"_s, {}, &error), qPrintable(error));
    QVERIFY2(heatmap->exportTo(dir + u"/heatmap.svg"_s, {}, &error), qPrintable(error));
    QVERIFY2(heatmap->exportTo(dir + u"/heatmap.pdf"_s, {}, &error), qPrintable(error));
    // many, longer labels: slanted and thinned
    QStringList words;
    QVector<float> values;
    for (int i = 0; i < 40; ++i) {
        words.append(u"word%1"_s.arg(i));
        for (int j = 0; j < 40; ++j)
            values.append(float(std::sin(i * 0.3) * std::cos(j * 0.2)));
    }
    heatmap->setMatrix(40, 40, values, words, words);
    QVERIFY2(heatmap->exportTo(dir + u"/heatmap-40.png"_s, {}, &error), qPrintable(error));
    loss->plot()->xAxis->setLabel(u"訓練步數"_s);
    loss->plot()->yAxis->setLabel(u"損失"_s);
    QVERIFY2(loss->exportTo(dir + u"/loss-zh.png"_s, {600, 400, 144}, &error), qPrintable(error));
}

// The alignment figure paints itself; it exports in the four formats like a plot.
void TestPlotView::paintedWidgetExports()
{
    AlignmentView view; // never shown: exported at its sizeHint
    view.setAlignment({u"the"_s, u"queen"_s, u"reads"_s}, {u"女王"_s, u"讀書"_s},
                      {{0.1f, 0.8f, 0.1f}, {0.0f, 0.1f, 0.9f}});
    const QSize hint = view.sizeHint();
    QString error;
    const QString png = m_dir.filePath(u"a.png"_s);
    QVERIFY2(exportPainted(&view, png, view.csv(), &error), qPrintable(error));
    const QImage image(png);
    QCOMPARE(image.size(), hint * 2);
    // the links are drawn: some pixels are far darker than the background
    int dark = 0;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            dark += qGray(image.pixel(x, y)) < 128;
    QVERIFY2(dark > 50, qPrintable(QString::number(dark)));

    const QString svg = m_dir.filePath(u"a.svg"_s);
    QVERIFY2(exportPainted(&view, svg, view.csv(), &error), qPrintable(error));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(QPoint(0, 0), hint));
    QVERIFY(readAll(svg).contains("<path") || readAll(svg).contains("<polyline"));

    const QString pdf = m_dir.filePath(u"a.pdf"_s);
    QVERIFY2(exportPainted(&view, pdf, view.csv(), &error), qPrintable(error));
    QVERIFY(readAll(pdf).startsWith("%PDF"));

    const QString csv = m_dir.filePath(u"a.csv"_s);
    QVERIFY2(exportPainted(&view, csv, view.csv(), &error), qPrintable(error));
    QCOMPARE(QString::fromUtf8(readAll(csv)), view.csv());
    QVERIFY(view.csv().startsWith(u"target,\"the\",\"queen\",\"reads\"\n"_s));
    QCOMPARE(view.size(), QWidget().size()); // the export put its size back
}

void TestPlotView::paintedWidgetFailures()
{
    AlignmentView view;
    QString error;
    const QString old = m_dir.filePath(u"keep.svg"_s);
    {
        QFile f(old);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("old");
    }
    QVERIFY(!exportPainted(&view, m_dir.filePath(u"a.bmp"_s), view.csv(), &error));
    QVERIFY2(error.contains(u"unknown format"_s), qPrintable(error));
    QVERIFY(!QFile::exists(m_dir.filePath(u"a.bmp"_s)));
    QVERIFY(!exportPainted(&view, m_dir.filePath(u"missing/a.png"_s), view.csv(), &error));
    QVERIFY2(error.startsWith(u"cannot write"_s), qPrintable(error));
    QVERIFY(exportPainted(&view, old, view.csv(), &error)); // replaced whole
    QVERIFY(readAll(old).contains("<svg"));
}

QTEST_MAIN(TestPlotView)
#include "tst_plotview.moc"
