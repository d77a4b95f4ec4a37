// Lesson handouts (lessons/lessonhandout.h): a lesson's PDF in either language, with the figure
// and check results of the steps run on this machine, written whole or not at all; and the
// lesson panel keeps what a run step left for it.
#include "appcore/lessons/lessonhandout.h"
#include "appcore/lessons/lessonpanel.h"

#include <QImage>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Page objects, as Qt's PDF writer spells them ("/Type /Page" then a line break; the tree is "/Pages").
int pages(const QByteArray &pdf) { return int(pdf.count("/Type /Page\n")); }

} // namespace

class TestLessonHandout final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LMScopeTest"));
    }

    void bothLanguagesWithAFigure()
    {
        auto lesson = loadLesson(LMSCOPE_SOURCE_DIR "/lessons/10-rnn-meets-transformer.json");
        QVERIFY(lesson.ok());
        QImage figure(600, 300, QImage::Format_RGB32);
        figure.fill(QColor(30, 60, 120));
        std::map<int, HandoutFigure> figures{{2, {figure, {QStringLiteral("✓ every row sums to 1")}}}};
        QTemporaryDir dir;
        const QString en = dir.filePath(QStringLiteral("en.pdf")), zh = dir.filePath(QStringLiteral("zh.pdf")),
                      bare = dir.filePath(QStringLiteral("bare.pdf"));
        QCOMPARE(writeLessonHandout(lesson.value(), false, figures, en), QString());
        QCOMPARE(writeLessonHandout(lesson.value(), true, figures, zh), QString());
        QCOMPARE(writeLessonHandout(lesson.value(), false, {}, bare), QString());
        const QByteArray enPdf = readAll(en), zhPdf = readAll(zh), barePdf = readAll(bare);
        QVERIFY(enPdf.startsWith("%PDF"));
        QVERIFY(zhPdf.startsWith("%PDF"));
        // Seven steps of text, a figure and the answers: more than one page.
        QVERIFY2(pages(enPdf) >= 2, qPrintable(QString::number(pages(enPdf))));
        // The figure is in the handouts that have it, and only there.
        QCOMPARE(int(enPdf.count("/Subtype /Image")), 1);
        QCOMPARE(int(barePdf.count("/Subtype /Image")), 0);
        // Traditional Chinese text needs a CJK font; the English handout does not.
        QVERIFY(zhPdf.contains("CJK"));
        QVERIFY(!enPdf.contains("CJK"));
    }

    void unwritablePathIsAnError()
    {
        auto lesson = loadLesson(LMSCOPE_SOURCE_DIR "/lessons/10-rnn-meets-transformer.json");
        QVERIFY(lesson.ok());
        const QString error = writeLessonHandout(lesson.value(), false, {}, QStringLiteral("/nonexistent/folder/h.pdf"));
        QVERIFY(error.contains(QStringLiteral("cannot write")));
        QVERIFY(!QFile::exists(QStringLiteral("/nonexistent/folder/h.pdf")));
    }

    // The panel records a run step's checks (both languages) and the figure the window hands it.
    void panelKeepsWhatAStepLeft()
    {
        QSettings().clear();
        LessonPanel panel;
        QCOMPARE(panel.exportHandout(QStringLiteral("x.pdf"), false), LessonPanel::tr("Open a lesson first."));
        int index = -1;
        for (int l = 0; l < panel.lessonCount(); ++l)
            if (panel.lesson(l).id == "06-memory")
                index = l;
        QVERIFY(index >= 0);
        panel.openLesson(index);
        panel.goToStep(0); // measures memory: quick, and checked
        panel.runStep();
        QTRY_VERIFY_WITH_TIMEOUT(!panel.isRunning(), 120000);
        QImage figure(200, 100, QImage::Format_RGB32);
        figure.fill(Qt::white);
        panel.setStepFigure(figure);
        const auto en = panel.handoutFigures(false), zh = panel.handoutFigures(true);
        QCOMPARE(int(en.size()), 1);
        QCOMPARE(en.begin()->first, 0);
        QCOMPARE(en.begin()->second.checks.size(), int(panel.lesson(index).steps[0].checks.size()));
        QVERIFY(!en.begin()->second.image.isNull());
        QVERIFY(en.begin()->second.checks.front() != zh.begin()->second.checks.front());
        QTemporaryDir dir;
        QCOMPARE(panel.exportHandout(dir.filePath(QStringLiteral("h.pdf")), true), QString());
        QVERIFY(readAll(dir.filePath(QStringLiteral("h.pdf"))).startsWith("%PDF"));
        QSettings().clear();
    }
};

QTEST_MAIN(TestLessonHandout)
#include "tst_lessonhandout.moc"
