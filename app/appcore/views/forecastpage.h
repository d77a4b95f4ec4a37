#pragma once
// ForecastPage: time-series forecasting on the Recurrent tab. Trains a SeriesForecaster on a
// generated seasonal series or on a column of a CSV file and plots the truth, the one-step-ahead
// forecast of the held-out tail, and a free-running (autoregressive) continuation from where the
// held-out part starts, with the test RMSE beside the naive "next = last value" forecast.
//
// Threads: the page owns a SequenceTaskWorker (workers/sequencetaskworker.h) on its own QThread.
// Work starts with QMetaObject::invokeMethod, results come back by value through queued signals,
// and Stop sets the worker's CancelToken. The destructor cancels and waits for the thread.
#include "base/workerthread.h"
#include "workers/sequencetaskworker.h"

#include <QString>
#include <QWidget>

class LinePlot;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

class ForecastPage final : public QWidget {
    Q_OBJECT

public:
    explicit ForecastPage(QWidget *parent = nullptr);
    ~ForecastPage() override; // cancels a running job and waits for the worker thread

    // Series "truth", "one-step forecast" and "continuation" (dashed) after a training, with a
    // marker where the held-out tail starts. The truth starts one tail length before the marker,
    // or at 0 when "Show the whole series" is on (setShowWholeSeries).
    LinePlot *plot() const { return m_plot; }
    bool isTraining() const { return m_training; }
    // Of the last result, in the series' units; 0 before any.
    double testRmse() const { return m_result.testRmse; }
    double naiveRmse() const { return m_result.naiveTestRmse; }
    const ForecastResult &lastResult() const { return m_result; }

    ForecastRequest currentRequest() const;
    // Fills the controls; a non-empty csvPath selects the CSV source.
    void setRequest(const ForecastRequest &request);
    // Shows a forecast computed elsewhere (a lesson) as if trained here. Ignored while the page
    // trains.
    void showResult(const ForecastResult &result);

public Q_SLOTS:
    void startTraining(); // no-op while training
    void stopTraining();
    void openCsv(); // a file dialog; selects the CSV source
    void setShowWholeSeries(bool on); // replots the last result

Q_SIGNALS:
    // ok = false when the job failed or was stopped (a stopped model is still scored and plotted).
    void trainingFinished(bool ok);

private:
    void onTrained(const ForecastResult &result);
    void showResult();
    void setBusy();

    SequenceTaskWorker *m_worker;
    WorkerThread m_thread;
    LinePlot *m_plot;

    QComboBox *m_source = nullptr; // generated | CSV
    QSpinBox *m_length = nullptr, *m_period = nullptr, *m_seed = nullptr;
    QDoubleSpinBox *m_trend = nullptr, *m_noise = nullptr;
    QLabel *m_csvLabel = nullptr;
    QLineEdit *m_column = nullptr;
    QComboBox *m_kind = nullptr;
    QSpinBox *m_hidden = nullptr, *m_window = nullptr, *m_steps = nullptr, *m_horizon = nullptr;
    QPushButton *m_trainButton = nullptr, *m_stopButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QCheckBox *m_wholeSeries = nullptr;
    QLabel *m_status = nullptr;

    QString m_csvPath;
    ForecastResult m_result;
    bool m_training = false;
};
