#pragma once

// PlotView: the base of every plot in LMScope. It owns a QCustomPlot, exports it
// (PNG, SVG, PDF, CSV) atomically, copies it to the clipboard and offers both through a
// right-click menu. It works offscreen and without ever being shown (the CLI exports
// this way).

#include <QString>
#include <QWidget>

// qcustomplot.h spells Qt's keywords (signals:, slots:, foreach) that QT_NO_KEYWORDS
// removes; lend them for the length of the include only.
#ifdef QT_NO_KEYWORDS
#  define signals Q_SIGNALS
#  define slots Q_SLOTS
#  define foreach Q_FOREACH
#  include <qcustomplot.h>
#  undef signals
#  undef slots
#  undef foreach
#else
#  include <qcustomplot.h>
#endif

class QContextMenuEvent;

class PlotView : public QWidget
{
    Q_OBJECT

public:
    // Size of exports and of a plot that has never been laid out (offscreen, CLI).
    static constexpr int defaultWidth = 800;
    static constexpr int defaultHeight = 500;

    struct ExportOptions
    {
        // Logical size in device-independent pixels; 0 = the view's current size
        // (defaultWidth x defaultHeight until the view is resized or laid out).
        int width = 0;
        int height = 0;
        // PNG only: the image has round(width * dpi / 96) x round(height * dpi / 96)
        // pixels and carries dpi as its resolution, so every dpi prints at the same
        // physical size. SVG and PDF are vector and ignore it.
        double dpi = 96;
    };

    explicit PlotView(QWidget *parent = nullptr);
    ~PlotView() override;

    // The plot this view draws into; owned by the view.
    QCustomPlot *plot() const { return m_plot; }

    // Writes the plot to path; the format comes from the suffix, case-insensitive:
    //   .png  raster at the size and dpi of opts (see ExportOptions)
    //   .svg  vector, width x height user units (QSvgGenerator at 96 dpi)
    //   .pdf  vector, one page of width x height points (QCustomPlot::savePdf)
    //   .csv  toCsv() as UTF-8
    // The file is written whole or not at all: the data goes to a temporary file in the
    // target's directory that is renamed over path at the end. On failure returns false,
    // leaves no file behind (an existing file at path is untouched) and, when error is
    // not null, sets *error to one line naming what failed and the path.
    bool exportTo(const QString &path, const ExportOptions &opts, QString *error);
    bool exportTo(const QString &path, QString *error) { return exportTo(path, ExportOptions{}, error); }

    // The numbers behind the plot as CSV: a header row, then one row per point; fields
    // separated by ',', lines ended by '\n', '.' as decimal point whatever the locale.
    virtual QString toCsv() const = 0;

    // Puts the plot on the clipboard as an image at the view's size and screen scale.
    void copyToClipboard();

    // The right-click menu's actions: a file dialog offering the four formats (a failure
    // is shown in a message box), and copyToClipboard().
    void exportWithDialog();

    // Formatting helpers for toCsv(): shortest text that reads back to the same number
    // ("0.1", "1e-05", "nan", "inf"), never locale-dependent; a field quoted per RFC 4180
    // when it holds ',', '"' or a line break.
    static QString csvNumber(double value);
    static QString csvNumber(float value);
    static QString csvField(const QString &text);

protected:
    // Called before every replot and every export: bring axes and derived data up to
    // date (e.g. rescale after new points). Default: nothing.
    virtual void prepareRender() {}

    // The size an export uses when opts leaves width or height at 0.
    QSize exportSize(const ExportOptions &opts) const;

private:
    void showContextMenu(const QPoint &pos);
    bool writePng(const QString &path, const QSize &size, double dpi, QString *error);
    bool writeSvg(const QString &path, const QSize &size, QString *error);
    bool writePdf(const QString &path, const QSize &size, QString *error);
    bool writeCsv(const QString &path, QString *error);

    QCustomPlot *m_plot = nullptr; // child widget, owned by Qt's parent chain
};
