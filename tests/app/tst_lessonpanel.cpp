// The lesson dock offscreen: lessons come from the binary's resources, a step's actions run on
// the worker thread while the panel stays responsive, the checks' results are listed, a later
// step first runs the ones it builds on, questions answer, and the step reached is remembered.
#include "appcore/lessons/lessonpanel.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QLabel>
#include <QSettings>
#include <QtTest>

class TestLessonPanel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LMScopeTest"));
        QSettings().clear();
    }

    void runsStepsAndRemembersWhereTheLearnerIs()
    {
        LessonPanel panel;
        panel.show();
        QVERIFY(panel.lessonCount() >= 7);
        // The lesson with the fewest actions before its first checked step keeps the test quick.
        int index = -1; // the map of families: a few short steps
        for (int l = 0; l < panel.lessonCount(); ++l)
            if (panel.lesson(l).id == "07-families")
                index = l;
        QVERIFY(index >= 0);
        const Lesson &lesson = panel.lesson(index);
        panel.openLesson(index);
        QCOMPARE(panel.currentStep(), 0);
        int checked = -1;
        for (std::size_t i = 0; i < lesson.steps.size(); ++i)
            if (!lesson.steps[i].checks.empty()) {
                checked = static_cast<int>(i);
                break;
            }
        QVERIFY2(checked >= 0, "the lesson checks something");
        panel.goToStep(checked);
        QSignalSpy done(&panel, &LessonPanel::stepDone);
        panel.runStep(); // runs steps 0 .. checked
        QVERIFY(panel.isRunning());
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), 120000);
        QCOMPARE(done.count(), 1);
        const QStringList lines = panel.checkLines();
        QCOMPARE(lines.size(), int(lesson.steps[static_cast<std::size_t>(checked)].checks.size()));
        for (const QString &line : lines)
            QVERIFY2(line.startsWith(QStringLiteral("✓")), qPrintable(line));
        QVERIFY(panel.lastRunPassed());

        // Reopening resumes at the step reached.
        LessonPanel again;
        again.openLesson(index);
        QCOMPARE(again.currentStep(), checked);
    }

    void questionsAnswer()
    {
        LessonPanel panel;
        for (int l = 0; l < panel.lessonCount(); ++l)
            for (std::size_t s = 0; s < panel.lesson(l).steps.size(); ++s) {
                const LessonStep &step = panel.lesson(l).steps[s];
                if (!step.hasQuestion)
                    continue;
                panel.openLesson(l);
                panel.goToStep(static_cast<int>(s));
                auto *group = panel.findChild<QButtonGroup *>();
                QVERIFY(group);
                QCOMPARE(group->buttons().size(), int(step.question.choices.size()));
                group->button(step.question.answer)->click();
                const auto buttons = panel.findChildren<QAbstractButton *>();
                for (QAbstractButton *b : buttons)
                    if (b->text() == QStringLiteral("Answer"))
                        b->click();
                bool right = false;
                for (QLabel *label : panel.findChildren<QLabel *>())
                    right = right || label->text().startsWith(QStringLiteral("Right."));
                QVERIFY(right);
                return;
            }
        QFAIL("no lesson asks a question");
    }

    void stopCancelsARunningStep()
    {
        LessonPanel panel;
        // The memory lesson's sweeps take long enough to be stopped midway.
        int index = -1;
        for (int l = 0; l < panel.lessonCount(); ++l)
            if (panel.lesson(l).id.find("memory") != std::string::npos)
                index = l;
        QVERIFY(index >= 0);
        panel.openLesson(index);
        panel.goToStep(static_cast<int>(panel.lesson(index).steps.size()) - 1);
        panel.runStep();
        QTest::qWait(200);
        panel.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), 30000);
    }
};

QTEST_MAIN(TestLessonPanel)
#include "tst_lessonpanel.moc"
