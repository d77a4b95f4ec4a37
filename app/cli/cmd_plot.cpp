// lmscope-cli plot: the GUI's plots, rendered offscreen and exported (PNG, SVG, PDF, CSV).
#include "args.h"
#include "commands.h"

#include "appcore/lossplot.h"

#include <QApplication>
#include <QFile>

#include <cmath>
#include <memory>

namespace {

// Reads train's --log CSV: a header naming "step" and "loss" columns, then numbers.
// Errors name the file and the line.
void readLossLog(const QString &path, QVector<double> &steps, QVector<double> &losses)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw InputError(path.toStdString() + ": cannot open (" + f.errorString().toStdString() + ")");
    if (f.size() > (256ll << 20))
        throw InputError(path.toStdString() + ": larger than 256 MiB; not a loss log");
    const QStringList header = QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char(','));
    const qsizetype stepCol = header.indexOf(QStringLiteral("step")), lossCol = header.indexOf(QStringLiteral("loss"));
    if (stepCol < 0 || lossCol < 0)
        throw InputError(path.toStdString() + ":1: the header needs 'step' and 'loss' columns");
    int lineNo = 1;
    while (!f.atEnd()) {
        ++lineNo;
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList cells = line.split(QLatin1Char(','));
        if (cells.size() != header.size())
            throw InputError(path.toStdString() + ":" + std::to_string(lineNo) + ": " + std::to_string(cells.size()) +
                             " fields, the header has " + std::to_string(header.size()));
        bool okStep = false, okLoss = false;
        const double step = cells[stepCol].toDouble(&okStep);
        const double loss = cells[lossCol].toDouble(&okLoss);
        if (!okStep || !okLoss || !std::isfinite(step))
            throw InputError(path.toStdString() + ":" + std::to_string(lineNo) + ": not a number");
        steps << step;
        losses << loss;
    }
    if (steps.isEmpty())
        throw InputError(path.toStdString() + ": no data rows");
}

} // namespace

int plotCommand(const std::vector<std::string> &words)
{
    if (words.empty() || words.front().rfind("--", 0) == 0)
        throw UsageError("plot needs a view: plot loss --log LOSS.csv --out FILE");
    const std::string view = words.front();
    const std::vector<std::string> rest(words.begin() + 1, words.end());
    if (view != "loss")
        throw UsageError("unknown plot view '" + view + "' (views: loss)");
    const Args args(rest, {"log", "out", "width", "height", "dpi", "smoothing"}, {"log-y"});
    if (!args.positionals().empty())
        throw UsageError("unexpected argument '" + args.positionals().front() + "'");
    const QString logPath = QString::fromStdString(args.required("log"));
    const QString out = QString::fromStdString(args.required("out"));
    PlotView::ExportOptions opts;
    opts.width = static_cast<int>(args.integer("width", 800, 16, 16384));
    opts.height = static_cast<int>(args.integer("height", 500, 16, 16384));
    opts.dpi = args.real("dpi", 96, 24, 1200);
    const double smoothing = args.real("smoothing", 0.9, 0.0, 0.999);
    const QString suffix = out.section(QLatin1Char('.'), -1).toLower();
    if (out.indexOf(QLatin1Char('.')) < 0 ||
        !QStringList{QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf"), QStringLiteral("csv")}.contains(suffix))
        throw UsageError("--out must end in .png, .svg, .pdf or .csv");

    QVector<double> steps, losses;
    readLossLog(logPath, steps, losses);

    // Plots are widgets: render them offscreen unless a platform was chosen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt's own warnings (a missing XDG_RUNTIME_DIR, say) are noise on the CLI's stderr.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &msg) {
        if (type == QtCriticalMsg || type == QtFatalMsg)
            std::fprintf(stderr, "error: %s\n", qPrintable(msg));
    });
    int argc = 1;
    char name[] = "lmscope-cli";
    char *argv[] = {name, nullptr};
    QApplication app(argc, argv);
    LossPlot plot;
    plot.setSmoothing(smoothing);
    plot.setLogY(args.has("log-y"));
    plot.addPoints(steps, losses);
    QString error;
    if (!plot.exportTo(out, opts, &error))
        throw std::runtime_error(error.toStdString());
    std::printf("wrote: %s\n", qPrintable(out));
    return 0;
}
