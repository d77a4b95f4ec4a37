// The GUI renders offscreen in both languages: `lmscope --screenshot` writes a full-size PNG in
// English and in Traditional Chinese, and a font with Traditional Chinese glyphs is there to draw
// the Chinese interface, plots and exported files.
#include <QFontDatabase>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestScreenshots final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bothLanguagesRender_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_TW") << QStringLiteral("zh_TW");
    }
    void bothLanguagesRender()
    {
        QFETCH(QString, lang);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path()); // no settings from other runs
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(LMSCOPE_GUI_PATH),
                  {QStringLiteral("--screenshot"), png, QStringLiteral("--train-steps"), QStringLiteral("20"),
                   QStringLiteral("--lang"), lang});
        QVERIFY(gui.waitForFinished(120000));
        QCOMPARE(gui.exitCode(), 0);
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 1000 && image.height() >= 700);
        // Not a blank frame: the window's text and plot make many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    }

    // A lesson step renders with what it produced: word vectors (lesson 1, step 2) and a
    // forecast (lesson 2, step 1). tst_mainwindow checks that the views hold those results.
    void lessonStepsRender_data()
    {
        QTest::addColumn<QString>("lesson");
        QTest::addColumn<QString>("step");
        QTest::newRow("word vectors") << QStringLiteral("1") << QStringLiteral("2");
        QTest::newRow("forecast") << QStringLiteral("2") << QStringLiteral("1");
    }
    void lessonStepsRender()
    {
        QFETCH(QString, lesson);
        QFETCH(QString, step);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("lesson.png"));
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(LMSCOPE_GUI_PATH), {QStringLiteral("--screenshot"), png, QStringLiteral("--lesson"), lesson,
                                                      QStringLiteral("--lesson-step"), step, QStringLiteral("--lang"),
                                                      QStringLiteral("en")});
        QVERIFY(gui.waitForFinished(180000));
        QCOMPARE(gui.exitCode(), 0);
        const QImage image(png);
        QVERIFY(!image.isNull());
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    }

    void aTraditionalChineseFontIsInstalled()
    {
        QVERIFY2(!QFontDatabase::families(QFontDatabase::TraditionalChinese).isEmpty(),
                 "install fonts-noto-cjk: the Chinese interface would draw empty boxes");
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
