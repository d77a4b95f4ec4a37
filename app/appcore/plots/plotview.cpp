#include "plots/plotview.h"

#include "plots/paintedexport.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTemporaryDir>
#include <QVBoxLayout>

#include <charconv>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// A PNG larger than this is refused before any memory is allocated (4 bytes a pixel).
constexpr qint64 maxPngSide = 32767;
constexpr qint64 maxPngPixels = qint64(100) * 1000 * 1000;
constexpr double maxDpi = 4800;

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

template<typename T>
QString shortestNumber(T value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return QString::fromLatin1(buffer, int(result.ptr - buffer));
}

} // namespace

PlotView::PlotView(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);

    // A view that is never shown (CLI, tests) still lays out at a sane size: a hidden
    // widget gets no resize events, so its plot viewport is set by hand until it is shown.
    resize(defaultWidth, defaultHeight);
    m_plot->resize(defaultWidth, defaultHeight);
    m_plot->setViewport(QRect(0, 0, defaultWidth, defaultHeight));

    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] {
        if (!m_plot->isVisible())
            m_plot->setViewport(QRect(QPoint(0, 0), exportSize(ExportOptions{})));
        prepareRender();
    });

    m_plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_plot, &QWidget::customContextMenuRequested, this, &PlotView::showContextMenu);
}

PlotView::~PlotView() = default;

QSize PlotView::exportSize(const ExportOptions &opts) const
{
    // Below this the view has not been laid out for real (a child's default is 100x30).
    constexpr int minUsable = 50;
    const QSize current = m_plot->isVisible() ? m_plot->size() : size();
    int w = opts.width;
    int h = opts.height;
    if (w <= 0)
        w = current.width() >= minUsable ? current.width() : defaultWidth;
    if (h <= 0)
        h = current.height() >= minUsable ? current.height() : defaultHeight;
    return {w, h};
}

bool PlotView::exportTo(const QString &path, const ExportOptions &opts, QString *error)
{
    QString scratch;
    QString &message = error ? *error : scratch;
    message.clear();

    const QString suffix = QFileInfo(path).suffix().toLower();
    const auto formats = QStringLiteral(".png, .svg, .pdf, .csv");
    if (suffix.isEmpty()) {
        message = tr("cannot export to \"%1\": the file name has no suffix (use one of %2)")
                      .arg(nativePath(path), formats);
        return false;
    }
    if (suffix != u"png" && suffix != u"svg" && suffix != u"pdf" && suffix != u"csv") {
        message = tr("cannot export to \"%1\": unknown format \".%2\" (use one of %3)")
                      .arg(nativePath(path), suffix, formats);
        return false;
    }
    if (opts.width < 0 || opts.height < 0) {
        message = tr("cannot export to \"%1\": invalid size %2x%3")
                      .arg(nativePath(path)).arg(opts.width).arg(opts.height);
        return false;
    }
    if (!std::isfinite(opts.dpi) || opts.dpi <= 0 || opts.dpi > maxDpi) {
        message = tr("cannot export to \"%1\": invalid resolution %2 dpi (allowed: above 0, at most %3)")
                      .arg(nativePath(path)).arg(opts.dpi).arg(maxDpi);
        return false;
    }

    const QSize size = exportSize(opts);
    bool ok = false;
    if (suffix == u"png")
        ok = writePng(path, size, opts.dpi, &message);
    else if (suffix == u"svg")
        ok = writeSvg(path, size, &message);
    else if (suffix == u"pdf")
        ok = writePdf(path, size, &message);
    else
        ok = writeCsv(path, &message);

    // Rendering at the export size moved the layout; put it back for the screen (and for
    // pixel <-> coordinate mapping).
    if (suffix != u"csv")
        m_plot->replot();
    return ok;
}

namespace {

bool openTarget(QSaveFile &file, const QString &path, QString *error)
{
    if (file.open(QIODevice::WriteOnly))
        return true;
    *error = PlotView::tr("cannot write \"%1\": %2").arg(nativePath(path), file.errorString());
    return false;
}

bool commitTarget(QSaveFile &file, const QString &path, QString *error)
{
    if (file.commit())
        return true;
    *error = PlotView::tr("cannot write \"%1\": %2").arg(nativePath(path), file.errorString());
    return false;
}

} // namespace

bool PlotView::writePng(const QString &path, const QSize &size, double dpi, QString *error)
{
    const double scale = dpi / 96.0;
    const qint64 pixelWidth = qRound64(scale * size.width());
    const qint64 pixelHeight = qRound64(scale * size.height());
    if (pixelWidth < 1 || pixelHeight < 1 || pixelWidth > maxPngSide || pixelHeight > maxPngSide
        || pixelWidth * pixelHeight > maxPngPixels) {
        *error = tr("cannot export to \"%1\": an image of %2x%3 pixels is too large "
                    "(at most %4 pixels a side and %5 megapixels)")
                     .arg(nativePath(path))
                     .arg(pixelWidth)
                     .arg(pixelHeight)
                     .arg(maxPngSide)
                     .arg(maxPngPixels / 1000000);
        return false;
    }

    QSaveFile file(path);
    if (!openTarget(file, path, error))
        return false;

    prepareRender();
    QImage image = m_plot->toPixmap(size.width(), size.height(), scale).toImage();
    if (image.isNull()) {
        *error = tr("cannot export to \"%1\": rendering an image of %2x%3 pixels failed")
                     .arg(nativePath(path)).arg(pixelWidth).arg(pixelHeight);
        return false;
    }
    const int dotsPerMeter = qRound(dpi / 0.0254);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);

    QImageWriter writer(&file, "png");
    if (!writer.write(image)) {
        *error = tr("cannot write \"%1\": %2").arg(nativePath(path), writer.errorString());
        return false;
    }
    return commitTarget(file, path, error);
}

bool PlotView::writeSvg(const QString &path, const QSize &size, QString *error)
{
    QSaveFile file(path);
    if (!openTarget(file, path, error))
        return false;

    QSvgGenerator generator;
    generator.setOutputDevice(&file);
    generator.setSize(size);
    generator.setViewBox(QRect(QPoint(0, 0), size));
    generator.setResolution(96);
    generator.setTitle(windowTitle());
    generator.setDescription(tr("Exported from LMScope"));

    prepareRender();
    QCPPainter painter;
    if (!painter.begin(&generator)) {
        *error = tr("cannot export to \"%1\": the SVG painter did not start").arg(nativePath(path));
        return false;
    }
    painter.setMode(QCPPainter::pmVectorized);
    m_plot->toPainter(&painter, size.width(), size.height());
    painter.end();
    return commitTarget(file, path, error);
}

bool PlotView::writePdf(const QString &path, const QSize &size, QString *error)
{
    // savePdf only writes to a file name; render into a scratch file, then copy it into
    // the QSaveFile so the target still appears whole or not at all.
    QSaveFile file(path);
    if (!openTarget(file, path, error))
        return false;

    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        *error = tr("cannot export to \"%1\": no temporary directory: %2")
                     .arg(nativePath(path), scratch.errorString());
        return false;
    }
    const QString scratchPath = scratch.filePath(QStringLiteral("plot.pdf"));

    prepareRender();
    const bool rendered = m_plot->savePdf(scratchPath, size.width(), size.height(), QCP::epNoCosmetic,
                                          QStringLiteral("LMScope"), windowTitle());
    QFile pdf(scratchPath);
    if (!rendered || !pdf.open(QIODevice::ReadOnly)) {
        *error = tr("cannot export to \"%1\": rendering the PDF failed").arg(nativePath(path));
        return false;
    }
    const QByteArray bytes = pdf.readAll();
    if (bytes.isEmpty() || file.write(bytes) != bytes.size()) {
        *error = tr("cannot write \"%1\": %2").arg(nativePath(path), file.errorString());
        return false;
    }
    return commitTarget(file, path, error);
}

bool PlotView::writeCsv(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!openTarget(file, path, error))
        return false;
    const QByteArray bytes = toCsv().toUtf8();
    if (file.write(bytes) != bytes.size()) {
        *error = tr("cannot write \"%1\": %2").arg(nativePath(path), file.errorString());
        return false;
    }
    return commitTarget(file, path, error);
}

void PlotView::copyToClipboard()
{
    const QSize size = exportSize(ExportOptions{});
    const double scale = devicePixelRatioF();
    prepareRender();
    const QImage image = m_plot->toPixmap(size.width(), size.height(), scale).toImage();
    m_plot->replot();
    if (!image.isNull())
        QApplication::clipboard()->setImage(image);
}

void PlotView::exportWithDialog()
{
    const QString path = askExportPath(this, tr("Export plot"), tr("plot"));
    if (path.isEmpty())
        return;

    ExportOptions opts;
    opts.dpi = 96.0 * devicePixelRatioF(); // as sharp as the screen shows it
    QString error;
    if (!exportTo(path, opts, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

void PlotView::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    menu.addAction(tr("Export…"), this, &PlotView::exportWithDialog);
    menu.addAction(tr("Copy"), this, &PlotView::copyToClipboard);
    menu.exec(m_plot->mapToGlobal(pos));
}

QString PlotView::csvNumber(double value)
{
    return shortestNumber(value);
}

QString PlotView::csvNumber(float value)
{
    return shortestNumber(value);
}

QString PlotView::csvField(const QString &text)
{
    const bool needsQuotes = text.contains(u',') || text.contains(u'"') || text.contains(u'\n')
        || text.contains(u'\r');
    if (!needsQuotes)
        return text;
    QString quoted = text;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}
