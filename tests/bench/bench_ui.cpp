// The app's responsiveness: time from process start to the main window's first paint, and the
// event-loop latency of the GUI thread while a model trains on the worker thread.
//   bench_ui [--seconds S]   (run with QT_QPA_PLATFORM=offscreen or under a display)
#include "appcore/base/application.h"
#include "appcore/plots/heatmapplot.h"
#include "appcore/plots/lossplot.h"
#include "appcore/window/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {
// Seconds since this process started, from /proc (clock-tick resolution, ~10 ms).
double secondsSinceProcessStart()
{
    std::ifstream statFile("/proc/self/stat");
    std::string stat((std::istreambuf_iterator<char>(statFile)), {});
    std::istringstream rest(stat.substr(stat.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 22; ++i) // field 22: starttime in clock ticks since boot
        rest >> field;
    const double start = std::stod(field) / static_cast<double>(sysconf(_SC_CLK_TCK));
    double uptime = 0;
    std::ifstream("/proc/uptime") >> uptime;
    return uptime - start;
}

struct FirstPaint final : QObject {
    double atSeconds = -1;
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint && atSeconds < 0)
            atSeconds = secondsSinceProcessStart();
        return false;
    }
};
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    initApplication(app, QStringLiteral("en"));
    double seconds = 5;
    const QStringList args = app.arguments();
    if (const auto i = args.indexOf(QStringLiteral("--seconds")); i > 0 && i + 1 < args.size())
        seconds = args[i + 1].toDouble();

    FirstPaint firstPaint;
    MainWindow w;
    w.installEventFilter(&firstPaint);
    w.resize(1280, 800);
    w.show();
    QTimer::singleShot(0, &app, [] {});
    QElapsedTimer wait;
    wait.start();
    while (firstPaint.atSeconds < 0 && wait.elapsed() < 5000)
        app.processEvents(QEventLoop::AllEvents, 10);
    std::printf("startup_to_first_paint_ms: %.0f\n", firstPaint.atSeconds * 1e3);

    // While training runs, a 10 ms timer measures how late the GUI thread serves it.
    w.setSteps(10'000'000);
    w.startTraining();
    std::vector<double> lateness;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.nsecsElapsed();
        lateness.push_back(std::max(0.0, (now - last) / 1e6 - 10.0));
        last = now;
        if (now > seconds * 1e9)
            app.quit();
    });
    tick.start();
    app.exec();
    const int points = w.lossPlot()->pointCount();
    w.controller()->cancel();
    std::sort(lateness.begin(), lateness.end());
    auto pct = [&](double p) { return lateness[std::min(lateness.size() - 1, static_cast<std::size_t>(p * lateness.size()))]; };
    // A 512 × 512 attention-sized heatmap: the time of a full redraw (data already set).
    {
        HeatmapPlot heat;
        heat.resize(900, 800);
        heat.show();
        QVector<float> values(512 * 512);
        for (int i = 0; i < values.size(); ++i)
            values[i] = float((i * 2654435761u) % 1000) / 1000.0f;
        heat.setMatrix(512, 512, values);
        heat.plot()->replot(QCustomPlot::rpImmediateRefresh);
        std::vector<double> ms;
        for (int i = 0; i < 20; ++i) {
            values[i] = 0.5f; // new values each time, as a live view would get
            heat.setMatrix(512, 512, values);
            QElapsedTimer t;
            t.start();
            heat.plot()->replot(QCustomPlot::rpImmediateRefresh);
            ms.push_back(t.nsecsElapsed() / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        std::printf("heatmap_512x512_redraw_ms: median %.1f  max %.1f\n", ms[ms.size() / 2], ms.back());
    }
    std::printf("ui_latency_ms_while_training: p50 %.2f  p99 %.2f  max %.2f  (%zu ticks, %d training steps plotted)\n",
                pct(0.5), pct(0.99), lateness.back(), lateness.size(), points);
    return 0;
}
