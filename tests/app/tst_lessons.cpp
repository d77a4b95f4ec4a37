// Every lesson in lessons/ loads and passes its own checks headless (what `lmscope-cli lesson
// --check` does), and the loader rejects broken files with a message that says where and what.
#include "appcore/lessons/lesson.h"
#include "appcore/lessons/lessonsession.h"

#include <QDir>
#include <QProcess>
#include <QtTest>

class TestLessons final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyLessonPassesItsChecks_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(LMSCOPE_SOURCE_DIR "/lessons"));
        const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 7, "the seven lessons of the course");
        for (const QString &f : files)
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
    void everyLessonPassesItsChecks()
    {
        QFETCH(QString, path);
        auto lesson = loadLesson(path.toStdString());
        QVERIFY2(lesson.ok(), lesson.ok() ? "" : lesson.error().c_str());
        QVERIFY(lesson.value().steps.size() >= 3);
        bool asks = false, trainsEncoders = false;
        for (const LessonStep &s : lesson.value().steps) {
            asks = asks || s.hasQuestion;
            for (const LessonAction &a : s.actions)
                trainsEncoders = trainsEncoders || a.kind == "pretrain" || a.kind == "finetune" || a.kind == "retrieve" ||
                                 a.kind == "translate";
        }
        QVERIFY2(asks, "every lesson asks at least one question");
#ifndef LMSCOPE_SANITIZED
        QSKIP("run once, with the idea coverage, by checkAllPassesAndCoversEveryIdea (lmscope-cli lesson --check-all)");
#endif
        // Under the sanitizers the lessons that pre-train several encoders and encoder-decoders
        // would take most of an hour; tst_lessontasks runs each of their actions at toy sizes.
        if (trainsEncoders)
            QSKIP("trains encoders at full lesson size: checked by the Release suite's lesson --check-all");
        QStringList failures;
        const bool passed = checkLesson(lesson.value(), [&](const std::string &line) {
            if (line.find("FAILED") != std::string::npos)
                failures << QString::fromStdString(line);
        });
        QVERIFY2(passed, qPrintable(failures.join(QLatin1Char('\n'))));
    }

    // What CI runs: every lesson headless, then the coverage table; it must pass with every idea
    // of lessons/README.md taught by a passing step.
    void checkAllPassesAndCoversEveryIdea()
    {
#ifdef LMSCOPE_SANITIZED
        QSKIP("the whole course takes minutes in Release; under the sanitizers the lessons run one by one above");
#endif
        QProcess cli;
        cli.setProcessChannelMode(QProcess::MergedChannels);
        cli.start(QStringLiteral(LMSCOPE_CLI_PATH),
                  {QStringLiteral("lesson"), QStringLiteral("--check-all"), QStringLiteral("--dir"),
                   QStringLiteral(LMSCOPE_SOURCE_DIR "/lessons")});
        QVERIFY(cli.waitForStarted());
        QVERIFY2(cli.waitForFinished(60 * 60 * 1000), "lesson --check-all hung"); // a hang guard, not a timing
        const QString out = QString::fromUtf8(cli.readAll());
        QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("all checks passed, every idea covered")), qPrintable(out));
    }

    void brokenLessonsAreRefusedPrecisely_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        const QString head = QStringLiteral(R"({"schema":1,"id":"x","title":{"zh-TW":"標題","en":"Title"},)"
                                            R"("summary":{"zh-TW":"摘要","en":"Summary"},"steps":[)");
        const QString step = QStringLiteral(R"({"title":{"zh-TW":"一","en":"One"},"text":{"zh-TW":"文","en":"Text"})");
        const auto withStep = [&](const QString &extra) { return head + step + extra + QStringLiteral("}]}"); };
        QTest::newRow("broken JSON") << QStringLiteral("{\"schema\": 1,\n\"id\": }") << QStringLiteral("x.json: broken JSON at line 2");
        QTest::newRow("no steps") << head + QStringLiteral("]}") << QStringLiteral("'steps' must list 1 to 50 steps");
        QTest::newRow("one language") << head + QStringLiteral(R"({"title":{"en":"One"},"text":{"zh-TW":"文","en":"Text"}}]})")
                                      << QStringLiteral("step 1: 'title': 'zh-TW' is missing");
        QTest::newRow("unknown action") << withStep(QStringLiteral(R"(,"actions":[{"do":"dance"}])"))
                                        << QStringLiteral("step 1: action 1 (dance): unknown action 'dance'");
        QTest::newRow("steps out of range") << withStep(QStringLiteral(R"(,"actions":[{"do":"train","steps":0}])"))
                                            << QStringLiteral("step 1: action 1 (train): 'steps' must be an integer from 1 to 20000");
        QTest::newRow("typo in a check") << withStep(QStringLiteral(R"(,"checks":[{"expect":"loss_below","valu":2}])"))
                                         << QStringLiteral("step 1: check 1 (loss_below): unknown field 'valu'");
        QTest::newRow("answer out of range")
            << withStep(QStringLiteral(R"(,"question":{"prompt":{"zh-TW":"問","en":"Q"},"choices":[{"zh-TW":"甲","en":"A"},)"
                                       R"({"zh-TW":"乙","en":"B"}],"answer":2,"explanation":{"zh-TW":"因為","en":"Because"}})"))
            << QStringLiteral("step 1: question: 'answer' must be an integer from 0 to 1");
        QTest::newRow("bad view") << withStep(QStringLiteral(R"(,"actions":[{"do":"open","view":"bert"}])"))
                                  << QStringLiteral("'view' is 'bert'; expected one of lm, vectors, recurrent, attention, memory");
        QTest::newRow("min above max")
            << withStep(QStringLiteral(R"(,"checks":[{"expect":"memory_slope","arch":"gpt","min":2,"max":1}])"))
            << QStringLiteral("step 1: check 1 (memory_slope): 'min' must not exceed 'max'");
        QTest::newRow("unknown idea") << withStep(QStringLiteral(R"(,"teaches":["telepathy"])"))
                                      << QStringLiteral("step 1: 'teaches': \"telepathy\" is not an idea (symbols-to-vectors, skip-gram");
        QTest::newRow("teaching without a check")
            << withStep(QStringLiteral(R"(,"teaches":["cbow"],"actions":[{"do":"embed","method":"cbow"}])"))
            << QStringLiteral("step 1: a step that 'teaches' must run and show something");
        QTest::newRow("teaching without showing")
            << withStep(QStringLiteral(R"(,"teaches":["cbow"],"checks":[{"expect":"loss_fell","fraction":0.1}])"))
            << QStringLiteral("step 1: a step that 'teaches' must run and show something");
        // Found by fuzz_lesson: nlohmann-json throws out_of_range, not parse_error, for this.
        QTest::newRow("number beyond double") << QStringLiteral("13133366656666.333000e665666666")
                                              << QStringLiteral("x.json: broken JSON: [json.exception.out_of_range.406]");
        QTest::newRow("invalid UTF-8") << QString::fromLatin1("{\"id\": \"\xff\"}") << QStringLiteral("not valid UTF-8 at byte");
    }
    void brokenLessonsAreRefusedPrecisely()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        // QString::fromLatin1 above keeps the 0xFF byte as U+00FF; write it back as that byte.
        const std::string bytes = message.contains(QStringLiteral("UTF-8")) ? json.toLatin1().toStdString() : json.toStdString();
        auto lesson = parseLesson(bytes, "x.json");
        QVERIFY(!lesson.ok());
        QVERIFY2(QString::fromStdString(lesson.error()).contains(message), lesson.error().c_str());
        QVERIFY(lesson.error().rfind("x.json: ", 0) == 0);
    }

    void missingAndHugeFiles()
    {
        QVERIFY(!loadLesson("/nonexistent/lesson.json").ok());
        QTemporaryFile big;
        QVERIFY(big.open());
        big.write(QByteArray(2 << 20, ' '));
        big.close();
        auto lesson = loadLesson(big.fileName().toStdString());
        QVERIFY(!lesson.ok());
        QVERIFY(QString::fromStdString(lesson.error()).contains(QStringLiteral("1 MB")));
    }
};

QTEST_GUILESS_MAIN(TestLessons)
#include "tst_lessons.moc"
