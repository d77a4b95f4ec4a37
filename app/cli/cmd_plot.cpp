// lmscope-cli plot: the GUI's plots, rendered offscreen and exported (PNG, SVG, PDF, CSV).
#include "args.h"
#include "commands.h"
#include "common.h"

#include "appcore/plots/embeddingplot.h"
#include "appcore/plots/heatmapplot.h"
#include "appcore/plots/lineplot.h"
#include "appcore/plots/memoryplots.h"
#include "appcore/plots/traceplots.h"
#include "core/rng.h"
#include "core/tape.h"
#include "core/threads.h"
#include "io/checkpoint.h"
#include "io/hfimport.h"
#include "models/architecture.h"
#include "io/csv.h"
#include "train/forecasting.h"
#include "models/recurrent/recurrentlm.h"
#include "appcore/plots/lossplot.h"
#include "inspect/projection.h"
#include "io/vecfile.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <cmath>
#include <memory>

namespace {

// Reads train's --log CSV: a header naming "step" and "loss" columns, then numbers.
// Errors name the file and the line.
void readLossLog(const QString &path, QVector<double> &steps, QVector<double> &losses)
{
    if (QFileInfo(path).size() > (256ll << 20))
        throw InputError(path.toStdString() + ": larger than 256 MiB; not a loss log");
    auto columns = lm::loadCsvColumns(QFile::encodeName(path).toStdString(), {"step", "loss"});
    if (!columns)
        throw InputError(columns.error());
    for (std::size_t i = 0; i < columns.value()[0].size(); ++i) {
        steps << columns.value()[0][i];
        losses << columns.value()[1][i];
    }
}

// Plots are widgets: a QApplication renders them, offscreen unless a platform was chosen.
std::unique_ptr<QApplication> makeOffscreenApp()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Qt's own warnings (a missing XDG_RUNTIME_DIR, say) are noise on the CLI's stderr.
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &msg) {
        if (type == QtCriticalMsg || type == QtFatalMsg)
            std::fprintf(stderr, "error: %s\n", qPrintable(msg));
    });
    static int argc = 1;
    static char name[] = "lmscope-cli";
    static char *argv[] = {name, nullptr};
    return std::make_unique<QApplication>(argc, argv);
}

PlotView::ExportOptions exportOptions(const Args &args)
{
    PlotView::ExportOptions opts;
    opts.width = static_cast<int>(args.integer("width", 800, 16, 16384));
    opts.height = static_cast<int>(args.integer("height", 500, 16, 16384));
    opts.dpi = args.real("dpi", 96, 24, 1200);
    return opts;
}

void checkPlotSuffix(const QString &out)
{
    const QString suffix = out.section(QLatin1Char('.'), -1).toLower();
    if (out.indexOf(QLatin1Char('.')) < 0 ||
        !QStringList{QStringLiteral("png"), QStringLiteral("svg"), QStringLiteral("pdf"), QStringLiteral("csv")}.contains(suffix))
        throw UsageError("--out must end in .png, .svg, .pdf or .csv");
}

void exportOrThrow(PlotView &plot, const QString &out, const PlotView::ExportOptions &opts)
{
    QString error;
    if (!plot.exportTo(out, opts, &error))
        throw std::runtime_error(error.toStdString());
    std::printf("wrote: %s\n", qPrintable(out));
}

int plotLoss(const std::vector<std::string> &rest)
{
    const Args args(rest, {"log", "out", "width", "height", "dpi", "smoothing"}, {"log-y"});
    if (!args.positionals().empty())
        throw UsageError("unexpected argument '" + args.positionals().front() + "'");
    const QString logPath = QString::fromStdString(args.required("log"));
    const QString out = QString::fromStdString(args.required("out"));
    const PlotView::ExportOptions opts = exportOptions(args);
    const double smoothing = args.real("smoothing", 0.9, 0.0, 0.999);
    checkPlotSuffix(out);
    QVector<double> steps, losses;
    readLossLog(logPath, steps, losses);
    const auto app = makeOffscreenApp();
    LossPlot plot;
    plot.setSmoothing(smoothing);
    plot.setLogY(args.has("log-y"));
    plot.addPoints(steps, losses);
    exportOrThrow(plot, out, opts);
    return 0;
}

// "word<TAB>group" lines; a header line "word<TAB>group" is skipped.
QHash<QString, QString> readGroupsFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw InputError(path.toStdString() + ": cannot open (" + f.errorString().toStdString() + ")");
    QHash<QString, QString> groups;
    int lineNo = 0;
    while (!f.atEnd()) {
        ++lineNo;
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList cells = line.split(QLatin1Char('\t'));
        if (cells.size() != 2)
            throw InputError(path.toStdString() + ":" + std::to_string(lineNo) + ": expected word<TAB>group");
        if (cells[0] != QStringLiteral("word"))
            groups.insert(cells[0], cells[1]);
    }
    return groups;
}

int plotEmbedding(const std::vector<std::string> &rest)
{
    const Args args(rest, {"vectors", "out", "projection", "words", "dims", "groups", "highlight", "perplexity",
                           "iterations", "threads", "seed", "width", "height", "dpi"},
                    {});
    if (!args.positionals().empty())
        throw UsageError("unexpected argument '" + args.positionals().front() + "'");
    const std::string vecPath = args.required("vectors");
    const QString out = QString::fromStdString(args.required("out"));
    checkPlotSuffix(out);
    const PlotView::ExportOptions opts = exportOptions(args);
    const std::string projection = args.text("projection", "pca");
    if (projection != "pca" && projection != "tsne")
        throw UsageError("--projection must be pca or tsne, got '" + projection + "'");
    const int dims = static_cast<int>(args.integer("dims", 2, 2, 3));
    const int wanted = static_cast<int>(args.integer("words", 300, 3, 100000));
    QHash<QString, QString> groupOf;
    if (args.has("groups"))
        groupOf = readGroupsFile(QString::fromStdString(args.required("groups")));
    auto vectors = lm::loadVec(vecPath);
    if (!vectors)
        throw InputError(vectors.error());
    const lm::WordVectors &v = vectors.value();
    const int n = std::min(wanted, int(v.size()));
    if (n < 3 || v.dim < dims)
        throw InputError(vecPath + ": needs at least 3 words and " + std::to_string(dims) + " dimensions to plot");
    lm::Projection p;
    if (projection == "pca") {
        p = lm::pca(v.data.data(), n, v.dim, dims);
    } else {
        lm::TsneOptions o;
        o.dims = dims;
        o.perplexity = args.real("perplexity", std::min(30.0, (n - 1) / 3.0), 1.0, 1000.0);
        o.iterations = static_cast<int>(args.integer("iterations", 1000, 1, 100000));
        o.threads = static_cast<int>(args.integer("threads", 2, 1, 256));
        lm::setThreadCount(o.threads); // the t-SNE blocks and OpenBLAS alike (core/parallel.h)
        o.seed = static_cast<std::uint64_t>(args.integer("seed", 1, 0, 1ll << 62));
        lm::CancelToken never;
        auto t = lm::tsne(v.data.data(), n, v.dim, o, never);
        if (!t)
            throw UsageError(t.error());
        p = std::move(t).value();
    }
    QStringList words, groups;
    for (int i = 0; i < n; ++i) {
        words << QString::fromStdString(v.words[static_cast<std::size_t>(i)]);
        if (!groupOf.isEmpty())
            groups << groupOf.value(words.back());
    }
    const auto app = makeOffscreenApp();
    EmbeddingPlot plot;
    plot.setPoints(words, QVector<float>(p.points.begin(), p.points.end()), dims, groups);
    if (args.has("highlight")) {
        QSet<int> ids;
        for (const QString &w : QString::fromStdString(args.required("highlight")).split(QLatin1Char(',')))
            if (const auto i = words.indexOf(w); i >= 0)
                ids.insert(int(i));
        plot.setHighlighted(ids);
    }
    exportOrThrow(plot, out, opts);
    return 0;
}

// Runs --model over --text and returns its trace (tokens filled in) and the model's arch.
std::pair<lm::Trace, std::string> tracedRun(const Args &args)
{
    auto ckpt = lm::loadModelPath(args.required("model"));
    if (!ckpt)
        throw InputError(ckpt.error());
    lm::Checkpoint &c = ckpt.value();
    const std::vector<std::int32_t> ids = c.tokenizer->encode(args.required("text"));
    if (ids.empty())
        throw InputError("--text gives no tokens");
    lm::Trace trace;
    for (std::int32_t id : ids)
        trace.tokens.push_back(c.tokenizer->tokenText(id));
    lm::NoGradScope noGrad;
    c.model->sequenceLogits(ids, &trace);
    return {std::move(trace), c.model->arch()};
}

// tracedRun() for the recurrent views: an error when the model has no hidden states over time.
lm::Trace traceOf(const Args &args)
{
    auto [trace, arch] = tracedRun(args);
    if (traceLayers(trace).isEmpty())
        throw InputError(args.required("model") + ": a " + arch + " model has no hidden states over time");
    return trace;
}

QString layerOption(const Args &args, const lm::Trace &trace)
{
    const QStringList layers = traceLayers(trace);
    const int layer = static_cast<int>(args.integer("layer", layers.size() - 1, 0, layers.size() - 1));
    return layers[layer];
}

int plotHidden(const std::vector<std::string> &rest, bool gates)
{
    const Args args(rest, {"model", "text", "layer", "gate", "direction", "out", "width", "height", "dpi"}, {});
    const QString out = QString::fromStdString(args.required("out"));
    checkPlotSuffix(out);
    const PlotView::ExportOptions opts = exportOptions(args);
    const lm::Trace trace = traceOf(args);
    const QString layer = layerOption(args, trace);
    const auto app = makeOffscreenApp();
    HeatmapPlot plot;
    if (gates) {
        const QStringList available = traceGates(trace, layer);
        if (available.isEmpty())
            throw InputError("this model has no gates (a vanilla RNN); plot hidden instead");
        const QString gate = QString::fromStdString(args.text("gate", available.front().toStdString()));
        if (!plotGate(plot, trace, layer, gate))
            throw UsageError("--gate " + gate.toStdString() + " is not in this model (gates: " +
                             available.join(QStringLiteral(", ")).toStdString() + ")");
    } else {
        const QString direction = QString::fromStdString(args.text("direction", "forward"));
        if (direction != QStringLiteral("forward") && direction != QStringLiteral("backward"))
            throw UsageError("--direction must be forward or backward");
        if (!plotHiddenStates(plot, trace, layer, direction))
            throw InputError("this model has no " + direction.toStdString() + " direction");
    }
    exportOrThrow(plot, out, opts);
    return 0;
}

int plotAttention(const std::vector<std::string> &rest)
{
    const Args args(rest, {"model", "text", "layer", "head", "out", "width", "height", "dpi"}, {});
    const QString out = QString::fromStdString(args.required("out"));
    checkPlotSuffix(out);
    const PlotView::ExportOptions opts = exportOptions(args);
    const auto [trace, arch] = tracedRun(args);
    auto name = [](long long l, long long h) { return "layer" + std::to_string(l) + ".head" + std::to_string(h) + ".attention"; };
    long long layers = 0, heads = 0;
    while (trace.has(name(layers, 0)))
        ++layers;
    while (layers > 0 && trace.has(name(0, heads)))
        ++heads;
    if (layers == 0)
        throw InputError(args.required("model") + ": a " + arch + " model has no attention to plot");
    const long long layer = args.integer("layer", layers - 1, 0, layers - 1);
    const long long head = args.integer("head", 0, 0, heads - 1);
    const lm::TraceMatrix *m = trace.find(name(layer, head));
    const QStringList tokens = traceTokens(trace, m->rows);
    const auto app = makeOffscreenApp();
    HeatmapPlot plot;
    plot.setAxisTitles(QCoreApplication::translate("AttentionView", "query (the token that looks)"),
                       QCoreApplication::translate("AttentionView", "key (the token looked at)"));
    plot.setValueTitle(QCoreApplication::translate("AttentionView", "layer %1, head %2").arg(layer).arg(head));
    plot.setRange(0, 1);
    plot.setMatrix(m->rows, m->cols, QVector<float>(m->values.begin(), m->values.end()), tokens, tokens);
    exportOrThrow(plot, out, opts);
    return 0;
}

int plotGradients(const std::vector<std::string> &rest)
{
    const Args args(rest, {"steps", "hidden", "scale", "out", "width", "height", "dpi"}, {});
    const QString out = QString::fromStdString(args.required("out"));
    checkPlotSuffix(out);
    const PlotView::ExportOptions opts = exportOptions(args);
    const int steps = static_cast<int>(args.integer("steps", 100, 2, 5000));
    const int hidden = static_cast<int>(args.integer("hidden", 64, 1, 2048));
    const double scale = args.real("scale", 1.0, 0.01, 100.0);
    const auto app = makeOffscreenApp();
    LinePlot plot;
    plotGradientProbe(plot, steps, hidden, scale);
    exportOrThrow(plot, out, opts);
    return 0;
}

int plotForecast(const std::vector<std::string> &rest)
{
    const Args args(rest, {"series", "column", "arch", "hidden", "window", "steps", "horizon", "seed", "out", "width", "height", "dpi"},
                    {});
    const QString out = QString::fromStdString(args.required("out"));
    checkPlotSuffix(out);
    const PlotView::ExportOptions opts = exportOptions(args);
    const std::string spec = args.text("series", "generated");
    const auto seed = static_cast<std::uint64_t>(args.integer("seed", 1, 0, 1ll << 62));
    std::vector<double> series;
    if (spec == "generated") {
        series = lm::generateSeries(1200, seed);
    } else {
        auto loaded = lm::loadSeriesCsv(spec, args.text("column", "0"));
        if (!loaded)
            throw InputError(loaded.error());
        series = std::move(loaded).value();
    }
    lm::ForecasterConfig fc;
    const std::string arch = args.text("arch", lm::cellName(lm::CellKind::Lstm));
    const lm::Architecture *family = lm::findArchitecture(arch);
    const auto cell = lm::cellKindFromName(arch);
    if (!family || !family->supports(lm::ObjectiveKind::Forecasting) || !cell) {
        std::string list;
        for (const lm::Architecture *a : lm::architectures())
            if (a->supports(lm::ObjectiveKind::Forecasting))
                list += (list.empty() ? "" : ", ") + a->name;
        throw UsageError("--arch must be a family that forecasts (" + list + "), got '" + arch + "'");
    }
    fc.kind = *cell;
    fc.hidden = static_cast<int>(args.integer("hidden", 32, 1, 1024));
    fc.window = static_cast<int>(args.integer("window", 48, 2, 10000));
    lm::ForecastTrainConfig tc;
    tc.steps = static_cast<int>(args.integer("steps", 400, 1, 1'000'000));
    tc.seed = seed;
    const int horizon = static_cast<int>(args.integer("horizon", 48, 0, 100000));
    auto run = lm::runForecast(series, fc, tc, horizon);
    if (!run)
        throw InputError(run.error());
    const lm::ForecastReport &r = run.value().report;
    std::fprintf(stderr, "test RMSE %.4f (last-value baseline %.4f)\n", r.testRmse, r.naiveTestRmse);
    const lm::Forecast &f = run.value().forecast;
    const auto app = makeOffscreenApp();
    LinePlot plot;
    QVector<double> x, y;
    for (std::size_t i = 0; i < series.size(); ++i) {
        x << double(i);
        y << series[i];
    }
    plot.addSeries(QCoreApplication::translate("ForecastPlot", "truth"), x, y, QColor(90, 90, 90));
    x.clear();
    y.clear();
    for (std::size_t i = 0; i < f.oneStep.size(); ++i) {
        x << double(f.first + i);
        y << f.oneStep[i];
    }
    plot.addSeries(QCoreApplication::translate("ForecastPlot", "one step ahead"), x, y);
    x.clear();
    y.clear();
    for (std::size_t i = 0; i < f.continuation.size(); ++i) {
        x << double(series.size() + i);
        y << f.continuation[i];
    }
    plot.addSeries(QCoreApplication::translate("ForecastPlot", "continuation"), x, y, QColor(), true);
    plot.addMarker(double(r.trainSize), QCoreApplication::translate("ForecastPlot", "held out"));
    plot.setAxisLabels(QCoreApplication::translate("ForecastPlot", "time"), QCoreApplication::translate("ForecastPlot", "value"));
    exportOrThrow(plot, out, opts);
    return 0;
}

// The memory lab's sweep (as `memory` runs it), drawn as the memory view's bytes-versus-length
// plot; the CSV is the same as `memory --csv` writes.
int plotMemory(const std::vector<std::string> &rest)
{
    const Args args(rest, {"arch", "seq-lens", "mode", "batch", "dim", "layers", "heads", "memory-limit", "out", "width",
                           "height", "dpi"},
                    {"chunked-attention"});
    if (!args.positionals().empty())
        throw UsageError("unexpected argument '" + args.positionals().front() + "'");
    const QString out = QString::fromStdString(args.required("out"));
    checkPlotSuffix(out);
    const PlotView::ExportOptions opts = exportOptions(args);
    const lm::MemoryLabRequest request = memoryRequestFromArgs(args);
    checkOutputPath("out", out.toStdString()); // before a sweep that may take minutes
    lm::CancelToken cancel;
    InterruptScope interrupts(cancel);
    auto rows = lm::runMemoryLab(request, {}, &cancel);
    if (!rows) {
        if (rows.error() == "cancelled")
            throw std::runtime_error("cancelled; " + out.toStdString() + " was not written");
        throw InputError(rows.error());
    }
    const auto app = makeOffscreenApp();
    MemoryBytesPlot plot;
    plot.setRows(rows.value());
    for (const QString &label : plot.slopeLabels())
        std::printf("%s\n", qPrintable(label));
    exportOrThrow(plot, out, opts);
    return 0;
}

} // namespace

int plotCommand(const std::vector<std::string> &words)
{
    if (words.empty() || words.front().rfind("--", 0) == 0)
        throw UsageError("plot needs a view: plot loss|embedding … --out FILE");
    const std::string view = words.front();
    const std::vector<std::string> rest(words.begin() + 1, words.end());
    if (view == "loss")
        return plotLoss(rest);
    if (view == "embedding")
        return plotEmbedding(rest);
    if (view == "hidden" || view == "gates")
        return plotHidden(rest, view == "gates");
    if (view == "gradients")
        return plotGradients(rest);
    if (view == "attention")
        return plotAttention(rest);
    if (view == "forecast")
        return plotForecast(rest);
    if (view == "memory")
        return plotMemory(rest);
    throw UsageError("unknown plot view '" + view +
                     "' (views: loss, embedding, hidden, gates, attention, gradients, forecast, memory)");
}
