// Every string the interface shows has a Traditional Chinese translation: lupdate run over app/
// now finds no source text that the committed .ts file lacks, and no entry in the file is
// unfinished, empty or obsolete.
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Entry {
    QString context, source, translation, type;
};

QList<Entry> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Entry> entries;
    QXmlStreamReader xml(&file);
    QString context;
    Entry current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            current = Entry{context, {}, {}, {}};
        else if (xml.name() == QLatin1String("source"))
            current.source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            entries << current;
        }
    }
    return entries;
}

} // namespace

class TestTranslations final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyEntryIsTranslated()
    {
        const QList<Entry> entries = readTs(QStringLiteral(LMSCOPE_SOURCE_DIR "/resources/translations/lmscope_zh_TW.ts"));
        QVERIFY(entries.size() > 100);
        QStringList bad;
        for (const Entry &e : entries)
            if (!e.type.isEmpty() || e.translation.trimmed().isEmpty())
                bad << e.context + QStringLiteral(": ") + e.source + QStringLiteral(" [") + e.type + QLatin1Char(']');
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void noSourceStringIsMissingFromTheTsFile()
    {
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(LMSCOPE_SOURCE_DIR));
        lupdate.start(QStringLiteral(LMSCOPE_LUPDATE_PATH), {QStringLiteral("app"), QStringLiteral("-ts"), fresh});
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        QSet<QString> committed;
        for (const Entry &e : readTs(QStringLiteral(LMSCOPE_SOURCE_DIR "/resources/translations/lmscope_zh_TW.ts")))
            committed.insert(e.context + QLatin1Char('\x1f') + e.source);
        QStringList missing;
        for (const Entry &e : readTs(fresh))
            if (!committed.contains(e.context + QLatin1Char('\x1f') + e.source))
                missing << e.context + QStringLiteral(": ") + e.source;
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("run lupdate and translate:\n") + missing.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
