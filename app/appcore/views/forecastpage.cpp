#include "views/forecastpage.h"

#include "base/spinbox.h"
#include "io/csv.h"
#include "plots/lineplot.h"
#include "views/cellkindbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

QDoubleSpinBox *doubleSpin(double lo, double hi, double value, int decimals, double step, QWidget *parent)
{
    auto *s = new QDoubleSpinBox(parent);
    s->setRange(lo, hi);
    s->setDecimals(decimals);
    s->setSingleStep(step);
    s->setValue(value);
    return s;
}

} // namespace

ForecastPage::ForecastPage(QWidget *parent) : QWidget(parent), m_worker(new SequenceTaskWorker), m_plot(new LinePlot(this))
{
    m_thread = startWorkerThread(m_worker, QStringLiteral("forecast"), [w = m_worker] { w->cancel(); });

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *panel = new QWidget(scroll);
    auto *column = new QVBoxLayout(panel);

    auto *seriesBox = new QGroupBox(tr("Series"), panel);
    auto *sform = new QFormLayout(seriesBox);
    m_source = new QComboBox(seriesBox);
    m_source->addItem(tr("Generated"));
    m_source->addItem(tr("CSV file"));
    m_length = spinBox(100, 1000000, 1200, seriesBox);
    m_trend = doubleSpin(-1.0, 1.0, 0.0005, 4, 0.0005, seriesBox);
    m_period = spinBox(2, 10000, 24, seriesBox);
    m_noise = doubleSpin(0.0, 10.0, 0.1, 3, 0.05, seriesBox);
    m_seed = spinBox(0, 1000000, 4, seriesBox);
    auto *open = new QPushButton(tr("Open CSV…"), seriesBox);
    m_csvLabel = new QLabel(tr("No file"), seriesBox);
    m_csvLabel->setWordWrap(true);
    m_column = new QLineEdit(QStringLiteral("value"), seriesBox);
    m_column->setToolTip(tr("A header name, or a 0-based column number"));
    sform->addRow(tr("Source"), m_source);
    sform->addRow(tr("Length"), m_length);
    sform->addRow(tr("Trend per step"), m_trend);
    sform->addRow(tr("Season (steps)"), m_period);
    sform->addRow(tr("Noise σ"), m_noise);
    sform->addRow(tr("Seed"), m_seed);
    sform->addRow(open);
    sform->addRow(tr("File"), m_csvLabel);
    sform->addRow(tr("Column"), m_column);
    connect(open, &QPushButton::clicked, this, &ForecastPage::openCsv);
    connect(m_source, &QComboBox::currentIndexChanged, this, [this] { setBusy(); });
    column->addWidget(seriesBox);

    auto *modelBox = new QGroupBox(tr("Model"), panel);
    auto *mform = new QFormLayout(modelBox);
    m_kind = cellKindBox(modelBox);
    m_hidden = spinBox(1, 512, 24, modelBox);
    m_window = spinBox(2, 2000, 36, modelBox);
    m_window->setToolTip(tr("How many values the network reads before each prediction"));
    m_steps = spinBox(10, 100000, 600, modelBox);
    m_steps->setSingleStep(100);
    m_horizon = spinBox(1, 10000, 48, modelBox);
    m_horizon->setToolTip(tr("How many values the network continues on its own, each fed back as input"));
    mform->addRow(tr("Cell"), m_kind);
    mform->addRow(tr("Hidden units"), m_hidden);
    mform->addRow(tr("Window"), m_window);
    mform->addRow(tr("Training steps"), m_steps);
    mform->addRow(tr("Horizon"), m_horizon);
    auto *buttons = new QHBoxLayout;
    m_trainButton = new QPushButton(tr("Train"), modelBox);
    m_stopButton = new QPushButton(tr("Stop"), modelBox);
    buttons->addWidget(m_trainButton);
    buttons->addWidget(m_stopButton);
    mform->addRow(buttons);
    m_progress = new QProgressBar(modelBox);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    mform->addRow(m_progress);
    connect(m_trainButton, &QPushButton::clicked, this, &ForecastPage::startTraining);
    connect(m_stopButton, &QPushButton::clicked, this, &ForecastPage::stopTraining);
    column->addWidget(modelBox);
    column->addStretch();
    scroll->setWidget(panel);
    scroll->setMinimumWidth(panel->sizeHint().width() + 24);
    scroll->setMaximumWidth(360);

    m_status = new QLabel(tr("Train the forecaster to see its predictions."), this);
    m_status->setWordWrap(true);
    auto *explain = new QLabel(
        tr("The network reads a window of past values and predicts the next one. The last fifth of the series "
           "is held out: the one-step forecast there always reads the true values before it, while the "
           "continuation (dashed) starts at the same place and feeds its own predictions back in, so its errors "
           "add up. The baseline repeats the last value; a model worth having beats it."),
        this);
    explain->setWordWrap(true);
    m_plot->setAxisLabels(tr("time step"), tr("value"));
    // Top left: the held-out part and its curves are on the right.
    m_plot->plot()->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_wholeSeries = new QCheckBox(tr("Show the whole series"), this);
    connect(m_wholeSeries, &QCheckBox::toggled, this, &ForecastPage::setShowWholeSeries);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_plot, 1);
    rightLayout->addWidget(m_wholeSeries);
    rightLayout->addWidget(m_status);
    rightLayout->addWidget(explain);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(1, false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_worker, &SequenceTaskWorker::forecastTrained, this, &ForecastPage::onTrained);
    connect(m_worker, &SequenceTaskWorker::failed, this, [this](const QString &message) {
        m_training = false;
        m_status->setText(message);
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        setBusy();
        Q_EMIT trainingFinished(false);
    });
    setBusy();
}

ForecastPage::~ForecastPage() = default; // m_thread's deleter cancels the job and waits

ForecastRequest ForecastPage::currentRequest() const
{
    ForecastRequest r;
    if (m_source->currentIndex() == 1)
        r.csvPath = m_csvPath;
    r.column = m_column->text().trimmed();
    r.length = m_length->value();
    r.trend = m_trend->value();
    r.period = m_period->value();
    r.noise = m_noise->value();
    r.seed = quint64(m_seed->value());
    r.model.kind = static_cast<lm::CellKind>(m_kind->currentData().toInt());
    r.model.hidden = m_hidden->value();
    r.model.window = m_window->value();
    r.steps = m_steps->value();
    r.horizon = m_horizon->value();
    return r;
}

void ForecastPage::setRequest(const ForecastRequest &r)
{
    if (!r.csvPath.isEmpty()) {
        m_csvPath = r.csvPath;
        m_csvLabel->setText(QFileInfo(r.csvPath).fileName());
        m_csvLabel->setToolTip(r.csvPath);
    }
    m_source->setCurrentIndex(r.csvPath.isEmpty() ? 0 : 1);
    m_column->setText(r.column);
    m_length->setValue(r.length);
    m_trend->setValue(r.trend);
    m_period->setValue(r.period);
    m_noise->setValue(r.noise);
    m_seed->setValue(int(r.seed));
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(r.model.kind))));
    m_hidden->setValue(r.model.hidden);
    m_window->setValue(r.model.window);
    m_steps->setValue(r.steps);
    m_horizon->setValue(r.horizon);
}

void ForecastPage::showResult(const ForecastResult &result)
{
    if (m_training)
        return;
    m_result = result;
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    showResult();
}

void ForecastPage::openCsv()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a series"), QString(), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    // Read it now, so a bad file is reported at once and the page keeps its previous series.
    auto loaded = lm::loadSeriesCsv(QFile::encodeName(path).toStdString(), m_column->text().toStdString());
    if (!loaded.ok()) {
        QMessageBox::warning(this, tr("Open a series"), QString::fromStdString(loaded.error()));
        return;
    }
    m_csvPath = path;
    m_csvLabel->setText(QFileInfo(path).fileName());
    m_csvLabel->setToolTip(path);
    m_source->setCurrentIndex(1);
}

void ForecastPage::startTraining()
{
    if (m_training)
        return;
    const ForecastRequest request = currentRequest();
    if (m_source->currentIndex() == 1 && request.csvPath.isEmpty()) {
        m_status->setText(tr("Open a CSV file first."));
        return;
    }
    m_training = true;
    m_status->setText(tr("Training…"));
    m_progress->setRange(0, 0); // the engine reports no steps for this job: a busy bar
    setBusy();
    m_worker->resetCancel();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, request] { w->trainForecaster(request); }, Qt::QueuedConnection);
}

void ForecastPage::stopTraining() { m_worker->cancel(); }

void ForecastPage::onTrained(const ForecastResult &result)
{
    m_training = false;
    m_result = result;
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    showResult();
    setBusy();
    Q_EMIT trainingFinished(!result.cancelled);
}

void ForecastPage::setShowWholeSeries(bool on)
{
    if (m_wholeSeries->isChecked() != on)
        m_wholeSeries->setChecked(on); // toggled() comes back here
    else if (!m_result.series.isEmpty())
        showResult();
}

void ForecastPage::showResult()
{
    const ForecastResult &r = m_result;
    m_plot->clear();
    // One tail length of training values before the marker keeps the held-out part readable.
    const qsizetype tail = r.series.size() - r.trainSize;
    const qsizetype from = m_wholeSeries->isChecked() ? 0 : std::max<qsizetype>(0, r.trainSize - tail);
    QVector<double> x(r.series.size() - from);
    for (qsizetype i = 0; i < x.size(); ++i)
        x[i] = double(from + i);
    m_plot->addSeries(tr("truth"), x, r.series.mid(from), QColor(90, 90, 90));
    QVector<double> testX(r.testPredictions.size());
    for (int i = 0; i < testX.size(); ++i)
        testX[i] = r.trainSize + i;
    m_plot->addSeries(tr("one-step forecast"), testX, r.testPredictions, QColor(31, 119, 180));
    QVector<double> contX(r.continuation.size());
    for (int i = 0; i < contX.size(); ++i)
        contX[i] = r.trainSize + i;
    m_plot->addSeries(tr("continuation"), contX, r.continuation, QColor(255, 127, 14), true);
    m_plot->addMarker(r.trainSize, tr("held-out part"));

    const QLocale loc;
    auto num = [&loc](double v) { return loc.toString(v, 'g', 3); };
    const double gain = r.naiveTestRmse > 0.0 ? 100.0 * (1.0 - r.testRmse / r.naiveTestRmse) : 0.0;
    QString text = tr("Test RMSE %1 against %2 for the naive forecast (repeat the last value): %3 % %4. "
                      "Train RMSE %5 (naive %6).")
                       .arg(num(r.testRmse), num(r.naiveTestRmse), loc.toString(std::abs(gain), 'f', 0),
                            gain >= 0.0 ? tr("lower") : tr("higher"), num(r.trainRmse), num(r.naiveTrainRmse));
    text += QLatin1Char(' ') + tr("Continuation over the first %1 held-out values: RMSE %2 (a flat line: %3).")
                                   .arg(std::min<qsizetype>(r.continuation.size(), r.series.size() - r.trainSize))
                                   .arg(num(r.continuationRmse), num(r.flatRmse));
    text += QLatin1Char(' ') + (r.cancelled ? tr("Stopped after %1 steps.").arg(r.stepsDone)
                                            : tr("%1 steps in %2 s; loss %3 → %4.")
                                                  .arg(r.stepsDone)
                                                  .arg(loc.toString(r.seconds, 'f', 1), num(r.firstLoss), num(r.lastLoss)));
    m_status->setText(text);
}

void ForecastPage::setBusy()
{
    m_trainButton->setEnabled(!m_training);
    m_stopButton->setEnabled(m_training);
    const bool generated = m_source->currentIndex() == 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_length, m_trend, m_period, m_noise, m_seed})
        w->setEnabled(!m_training && generated);
    m_column->setEnabled(!m_training && !generated);
    for (QWidget *w : std::initializer_list<QWidget *>{m_source, m_kind, m_hidden, m_window, m_steps, m_horizon})
        w->setEnabled(!m_training);
}
