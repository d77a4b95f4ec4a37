#include "plots/paintedexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QMessageBox>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace {

// The context of this file's translations.
struct PaintedExport {
    Q_DECLARE_TR_FUNCTIONS(PaintedExport)
};

QString nativePath(const QString &path) { return QDir::toNativeSeparators(path); }

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QSize renderSize(const QWidget *w)
{
    const bool laidOut = w->testAttribute(Qt::WA_WState_Created) && w->width() > 1 && w->height() > 1;
    return laidOut ? w->size() : w->sizeHint().expandedTo(QSize(1, 1));
}

} // namespace

bool exportPainted(QWidget *widget, const QString &path, const QString &csv, QString *error, double scale)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != u"png" && suffix != u"svg" && suffix != u"pdf" && suffix != u"csv")
        return fail(error, PaintedExport::tr("cannot export to \"%1\": unknown format \"%2\" (use .png, .svg, .pdf or .csv)")
                               .arg(nativePath(path), suffix));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, PaintedExport::tr("cannot write \"%1\": %2").arg(nativePath(path), file.errorString()));
    const QSize size = renderSize(widget);
    const bool resized = widget->size() != size;
    const QSize before = widget->size();
    if (resized)
        widget->resize(size); // a never-shown widget paints at the size it has
    bool ok = true;
    if (suffix == u"csv") {
        const QByteArray bytes = csv.toUtf8();
        ok = file.write(bytes) == bytes.size();
    } else if (suffix == u"png") {
        QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(scale);
        image.fill(Qt::white);
        widget->render(&image);
        const int dotsPerMeter = qRound(96.0 * scale / 0.0254);
        image.setDotsPerMeterX(dotsPerMeter);
        image.setDotsPerMeterY(dotsPerMeter);
        QImageWriter writer(&file, "png");
        ok = writer.write(image);
    } else if (suffix == u"svg") {
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setResolution(96);
        generator.setDescription(PaintedExport::tr("Exported from LMScope"));
        QPainter painter;
        ok = painter.begin(&generator);
        if (ok) {
            widget->render(&painter);
            painter.end();
        }
    } else {
        QPdfWriter pdf(&file);
        pdf.setCreator(u"LMScope"_s);
        pdf.setResolution(72); // one point a pixel: the page is the widget's size in points
        pdf.setPageLayout(QPageLayout(QPageSize(QSizeF(size), QPageSize::Point), QPageLayout::Portrait, QMarginsF()));
        QPainter painter;
        ok = painter.begin(&pdf);
        if (ok) {
            widget->render(&painter);
            painter.end();
        }
    }
    if (resized)
        widget->resize(before);
    if (!ok) {
        file.cancelWriting();
        return fail(error, PaintedExport::tr("cannot export to \"%1\": rendering the %2 failed").arg(nativePath(path), suffix.toUpper()));
    }
    if (!file.commit())
        return fail(error, PaintedExport::tr("cannot write \"%1\": %2").arg(nativePath(path), file.errorString()));
    return true;
}

QString askExportPath(QWidget *parent, const QString &title, const QString &stem)
{
    const QString png = PaintedExport::tr("PNG image (*.png)");
    const QString svg = PaintedExport::tr("SVG vector image (*.svg)");
    const QString pdf = PaintedExport::tr("PDF document (*.pdf)");
    const QString csv = PaintedExport::tr("CSV data (*.csv)");
    QString selected = png;
    QString path = QFileDialog::getSaveFileName(parent, title, stem + u".png"_s,
                                                QStringList{png, svg, pdf, csv}.join(u";;"_s), &selected);
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += selected == svg ? u".svg"_s : selected == pdf ? u".pdf"_s : selected == csv ? u".csv"_s : u".png"_s;
    return path;
}

void exportPaintedWithDialog(QWidget *widget, const QString &csv, const QString &title, const QString &stem)
{
    const QString path = askExportPath(widget, title, stem);
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPainted(widget, path, csv, &error))
        QMessageBox::warning(widget, PaintedExport::tr("Export failed"), error);
}
