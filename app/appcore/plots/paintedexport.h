#pragma once
// Exports a widget that paints itself (not a QCustomPlot: the alignment figure, say) the way
// PlotView exports a plot: PNG, SVG, PDF or CSV by the path's suffix, written whole or not at all.
//   PNG  the widget rendered at `scale` × its size (2 by default: sharp on paper and screens)
//   SVG  vector, the widget's size in user units (QSvgGenerator at 96 dpi)
//   PDF  vector, one page of the widget's size in points
//   CSV  `csv` as UTF-8
// A widget never laid out (offscreen, never shown) is rendered at its sizeHint().
#include <QString>

class QWidget;

// On failure returns false, leaves no file behind (an existing file is untouched) and sets
// *error (when not null) to one line naming what failed and the path.
bool exportPainted(QWidget *widget, const QString &path, const QString &csv, QString *error, double scale = 2.0);

// A save dialog offering the four formats, headed `title`, proposing `stem`.png; the chosen path
// with the chosen filter's suffix added when the name has none, or empty when cancelled. PlotView
// asks with it too.
QString askExportPath(QWidget *parent, const QString &title, const QString &stem);

// askExportPath, then exportPainted; a failure is shown in a message box.
void exportPaintedWithDialog(QWidget *widget, const QString &csv, const QString &title, const QString &stem);
