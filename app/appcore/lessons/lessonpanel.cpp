#include "lessons/lessonpanel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <map>

namespace {

QString settingsKey(const Lesson &lesson) { return QStringLiteral("lessons/%1/step").arg(QString::fromStdString(lesson.id)); }

} // namespace

void LessonWorker::restart()
{
    m_cancel.reset();
    m_session = std::make_unique<LessonSession>(&m_cancel);
    m_pendingLosses.clear();
    m_pendingRun = -1;
    m_session->setLossObserver([this](std::size_t run, double loss) {
        if (static_cast<int>(run) != m_pendingRun)
            flushLosses(); // the losses of the run before go out under its own index
        m_pendingRun = static_cast<int>(run);
        m_pendingLosses.push_back(loss);
        if (!m_sinceReport.isValid() || m_sinceReport.elapsed() >= 100) {
            flushLosses();
            m_sinceReport.restart();
        }
    });
}

void LessonWorker::flushLosses()
{
    if (m_pendingLosses.isEmpty() || !m_session)
        return;
    const std::vector<LessonRun> &runs = m_session->results().runs;
    const QString arch = m_pendingRun >= 0 && m_pendingRun < static_cast<int>(runs.size())
                             ? QString::fromStdString(runs[static_cast<std::size_t>(m_pendingRun)].arch)
                             : QString();
    Q_EMIT trainingProgress(m_pendingRun, arch, m_pendingLosses);
    m_pendingLosses.clear();
}

void LessonWorker::runSteps(const std::vector<LessonStep> &steps)
{
    if (!m_session)
        restart();
    m_cancel.reset();
    StepOutcome outcome;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        outcome = m_session->runStep(steps[i], [this](const std::string &kind) { Q_EMIT actionStarted(QString::fromStdString(kind)); });
        if (!outcome.error.empty() && i + 1 < steps.size() && outcome.error != "cancelled") {
            outcome.error = "an earlier step: " + outcome.error;
            break;
        }
        if (!outcome.error.empty())
            break;
    }
    flushLosses();
    LessonSnapshot s;
    s.results = m_session->results();
    s.selection = m_session->selection();
    s.corpusSpec = QString::fromStdString(m_session->corpusSpec());
    s.arch = QString::fromStdString(m_session->modelChoice().arch);
    Q_EMIT stepFinished(outcome, s);
}

LessonPanel::LessonPanel(QWidget *parent)
    : QWidget(parent), m_choice(new QComboBox(this)), m_stepLabel(new QLabel(this)), m_progress(new QProgressBar(this)),
      m_text(new QTextBrowser(this)), m_run(new QPushButton(tr("Do this step"), this)), m_stop(new QPushButton(tr("Stop"), this)),
      m_back(new QPushButton(tr("Back"), this)), m_next(new QPushButton(tr("Next"), this)), m_status(new QLabel(this)),
      m_checks(new QListWidget(this)), m_questionBox(new QWidget(this)), m_questionPrompt(new QLabel(m_questionBox)),
      m_choicesLayout(new QVBoxLayout), m_choices(new QButtonGroup(this)), m_answer(new QPushButton(tr("Answer"), m_questionBox)),
      m_explanation(new QLabel(m_questionBox))
{
    qRegisterMetaType<LessonSnapshot>();
    qRegisterMetaType<StepOutcome>();

    // The lessons travel in the binary (resources/lessons.qrc is generated from lessons/*.json).
    const QDir dir(QStringLiteral(":/lessons"));
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        auto lesson = parseLesson(file.readAll().toStdString(), name.toStdString());
        if (lesson)
            m_lessons.push_back(std::move(lesson).value());
        else
            qWarning("%s", lesson.error().c_str());
    }

    auto *layout = new QVBoxLayout(this);
    m_choice->addItem(tr("Choose a lesson…"));
    for (const Lesson &l : m_lessons)
        m_choice->addItem(t(l.title));
    layout->addWidget(m_choice);
    auto *where = new QHBoxLayout;
    where->addWidget(m_stepLabel, 1);
    where->addWidget(m_progress, 1);
    layout->addLayout(where);
    m_text->setOpenExternalLinks(false);
    layout->addWidget(m_text, 3);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_run);
    actions->addWidget(m_stop);
    actions->addStretch(1);
    layout->addLayout(actions);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_checks->setToolTip(tr("What this step's checks found in the app"));
    m_checks->setWordWrap(true);
    layout->addWidget(m_checks, 1);

    auto *questionLayout = new QVBoxLayout(m_questionBox);
    questionLayout->setContentsMargins(0, 0, 0, 0);
    m_questionPrompt->setWordWrap(true);
    m_explanation->setWordWrap(true);
    questionLayout->addWidget(m_questionPrompt);
    questionLayout->addLayout(m_choicesLayout);
    questionLayout->addWidget(m_answer, 0, Qt::AlignLeft);
    questionLayout->addWidget(m_explanation);
    layout->addWidget(m_questionBox);

    auto *nav = new QHBoxLayout;
    nav->addWidget(m_back);
    nav->addStretch(1);
    nav->addWidget(m_next);
    layout->addLayout(nav);

    m_worker = new LessonWorker;
    m_thread = startWorkerThread(m_worker, QStringLiteral("lesson"), [w = m_worker] { w->cancel(); });
    connect(m_worker, &LessonWorker::actionStarted, this, [this](const QString &kind) {
        const std::map<QString, QString> doing{
            {QStringLiteral("corpus"), tr("choosing the text")},        {QStringLiteral("model"), tr("building the model")},
            {QStringLiteral("train"), tr("training")},                  {QStringLiteral("generate"), tr("writing text")},
            {QStringLiteral("trace"), tr("tracing the text")},          {QStringLiteral("embed"), tr("training word vectors")},
            {QStringLiteral("forecast"), tr("training the forecaster")}, {QStringLiteral("tag"), tr("training the tagger")},
            {QStringLiteral("gradients"), tr("probing the gradients")}, {QStringLiteral("memory"), tr("measuring memory")}};
        const auto it = doing.find(kind);
        m_status->setText(tr("Working: %1…").arg(it != doing.end() ? it->second : tr("arranging the views")));
    });
    connect(m_worker, &LessonWorker::stepFinished, this, &LessonPanel::onFinished);
    connect(m_worker, &LessonWorker::trainingProgress, this, &LessonPanel::trainingProgress);
    connect(m_choice, &QComboBox::activated, this, [this](int row) {
        if (row > 0)
            openLesson(row - 1);
    });
    connect(m_run, &QPushButton::clicked, this, &LessonPanel::runStep);
    connect(m_stop, &QPushButton::clicked, this, &LessonPanel::stop);
    connect(m_back, &QPushButton::clicked, this, [this] { goToStep(m_step - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { goToStep(m_step + 1); });
    connect(m_answer, &QPushButton::clicked, this, &LessonPanel::answer);
    showStep();
}

LessonPanel::~LessonPanel() = default;

bool LessonPanel::chinese() const { return QLocale().language() == QLocale::Chinese; }

QString LessonPanel::t(const LessonText &text) const { return QString::fromStdString(text.in(chinese())); }

QStringList LessonPanel::checkLines() const
{
    QStringList lines;
    for (int i = 0; i < m_checks->count(); ++i)
        lines << m_checks->item(i)->text();
    return lines;
}

void LessonPanel::openLesson(int index)
{
    if (index < 0 || index >= lessonCount() || m_running)
        return;
    m_lesson = index;
    m_choice->setCurrentIndex(index + 1);
    m_stepsRunThrough = 0;
    QMetaObject::invokeMethod(m_worker, &LessonWorker::restart, Qt::QueuedConnection);
    const int saved = QSettings().value(settingsKey(lesson(index)), 0).toInt();
    m_step = std::clamp(saved, 0, static_cast<int>(lesson(index).steps.size()) - 1);
    showStep();
}

void LessonPanel::goToStep(int step)
{
    if (m_lesson < 0 || m_running)
        return;
    m_step = std::clamp(step, 0, static_cast<int>(lesson(m_lesson).steps.size()) - 1);
    QSettings().setValue(settingsKey(lesson(m_lesson)), m_step);
    showStep();
}

void LessonPanel::showStep()
{
    m_checks->clear();
    m_status->clear();
    m_explanation->clear();
    const bool open = m_lesson >= 0;
    const int steps = open ? static_cast<int>(lesson(m_lesson).steps.size()) : 0;
    m_run->setEnabled(open && !m_running);
    m_stop->setEnabled(m_running);
    m_back->setEnabled(open && !m_running && m_step > 0);
    m_next->setEnabled(open && !m_running && m_step + 1 < steps);
    m_progress->setRange(0, std::max(1, steps));
    m_progress->setValue(open ? m_step + 1 : 0);
    m_questionBox->setVisible(false);
    if (!open) {
        m_stepLabel->setText(tr("%n lesson(s)", nullptr, lessonCount()));
        m_text->setMarkdown(tr("Each lesson walks through one idea step by step. A step does something in the app "
                               "(trains a model, opens a view, picks a head) and checks that what it wants to show "
                               "is really there."));
        return;
    }
    const LessonStep &s = lesson(m_lesson).steps[static_cast<std::size_t>(m_step)];
    m_stepLabel->setText(tr("Step %1 of %2").arg(m_step + 1).arg(steps));
    m_text->setMarkdown(QStringLiteral("## ") + t(s.title) + QStringLiteral("\n\n") + t(s.text));
    m_run->setText(s.actions.empty() && s.checks.empty() ? tr("Nothing to do here: read on") : tr("Do this step"));
    m_run->setEnabled(!s.actions.empty() || !s.checks.empty());
    if (s.hasQuestion) {
        m_questionBox->setVisible(true);
        m_questionPrompt->setText(QStringLiteral("<b>%1</b>").arg(t(s.question.prompt).toHtmlEscaped()));
        for (QAbstractButton *b : m_choices->buttons()) {
            m_choices->removeButton(b);
            delete b;
        }
        int id = 0;
        for (const LessonText &choice : s.question.choices) {
            auto *radio = new QRadioButton(t(choice), m_questionBox);
            m_choices->addButton(radio, id++);
            m_choicesLayout->addWidget(radio);
        }
    }
    Q_EMIT stepShown(m_lesson, m_step);
}

void LessonPanel::runStep()
{
    if (m_lesson < 0 || m_running)
        return;
    // Steps build on each other: run the ones before this step first, once, in order. Going back
    // to an earlier step starts the lesson's session afresh.
    if (m_step < m_stepsRunThrough) {
        QMetaObject::invokeMethod(m_worker, &LessonWorker::restart, Qt::QueuedConnection);
        m_stepsRunThrough = 0;
    }
    m_running = true;
    m_lastPassed = false;
    showStep();
    if (m_stepsRunThrough < m_step)
        m_status->setText(tr("First doing steps %1–%2, which this one builds on…").arg(m_stepsRunThrough + 1).arg(m_step));
    const auto &all = lesson(m_lesson).steps;
    std::vector<LessonStep> steps(all.begin() + m_stepsRunThrough, all.begin() + m_step + 1);
    if (m_stepsRunThrough == 0)
        Q_EMIT sessionStarted();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, steps = std::move(steps)] { w->runSteps(steps); }, Qt::QueuedConnection);
    m_stepsRunThrough = m_step + 1;
}

void LessonPanel::stop()
{
    if (!m_running)
        return;
    m_worker->cancel(); // atomic; the worker stops between units of work
}

void LessonPanel::onFinished(const StepOutcome &outcome, const LessonSnapshot &snapshot)
{
    m_running = false;
    showStep();
    if (!outcome.error.empty()) {
        m_stepsRunThrough = 0; // the session is in an unknown state: start over next time
        QMetaObject::invokeMethod(m_worker, &LessonWorker::restart, Qt::QueuedConnection);
        m_status->setText(outcome.error == "cancelled" ? tr("Stopped.")
                                                       : tr("This step could not run: %1").arg(QString::fromStdString(outcome.error)));
        return;
    }
    for (const CheckOutcome &c : outcome.checks) {
        auto *item = new QListWidgetItem((c.passed ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + t(c.message), m_checks);
        item->setForeground(c.passed ? QColor(0, 110, 40) : QColor(170, 20, 20));
    }
    m_lastPassed = outcome.passed();
    StepRecord &record = m_records[{m_lesson, m_step}];
    record.checks.clear();
    for (const CheckOutcome &c : outcome.checks)
        record.checks.emplace_back(c.passed, c.message);
    m_status->setText(outcome.checks.empty() ? tr("Done.")
                                             : (m_lastPassed ? tr("Done: every check holds.") : tr("Done, but a check did not hold.")));
    Q_EMIT stepDone(snapshot);
}

void LessonPanel::setStepFigure(const QImage &image)
{
    if (m_lesson >= 0)
        m_records[{m_lesson, m_step}].figure = image;
}

std::map<int, HandoutFigure> LessonPanel::handoutFigures(bool inChinese) const
{
    std::map<int, HandoutFigure> figures;
    for (const auto &[where, record] : m_records)
        if (where.first == m_lesson) {
            HandoutFigure &f = figures[where.second];
            f.image = record.figure;
            for (const auto &[passed, message] : record.checks)
                f.checks << (passed ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + QString::fromStdString(message.in(inChinese));
        }
    return figures;
}

QString LessonPanel::exportHandout(const QString &pdfPath, bool inChinese) const
{
    if (m_lesson < 0)
        return tr("Open a lesson first.");
    return writeLessonHandout(lesson(m_lesson), inChinese, handoutFigures(inChinese), pdfPath);
}

void LessonPanel::answer()
{
    if (m_lesson < 0)
        return;
    const LessonStep &s = lesson(m_lesson).steps[static_cast<std::size_t>(m_step)];
    const int chosen = m_choices->checkedId();
    if (chosen < 0) {
        m_explanation->setText(tr("Choose an answer first."));
        return;
    }
    const bool right = chosen == s.question.answer;
    m_explanation->setText((right ? tr("Right.") : tr("Not quite.")) + QLatin1Char(' ') + t(s.question.explanation));
}
