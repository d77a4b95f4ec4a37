// Hostile files through lmscope-cli: truncated and lying safetensors headers, negative and
// enormous shapes, wrong dtypes, offsets past the end, inconsistent .vec rows, NaN values, broken
// JSON in checkpoints, Hugging Face folders and lessons, broken CSV and corpora. Each must end
// with exit code 2, exactly one line on stderr that starts with "error: " and names the file, and
// no output file. (Under the sanitizer build the same runs also prove there is no memory error.)
// Plain string literals below: moc misreads raw strings that start with a quote.
#include <QtTest>

#include <cstring>

namespace {

struct Run {
    int code = -1;
    QString err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(LMSCOPE_CLI_PATH), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {-2, QStringLiteral("timed out")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardError())};
}

// A safetensors file: 8-byte little-endian header length, the JSON header, then `data`.
QByteArray safetensors(const QByteArray &header, const QByteArray &data, qint64 claimedLength = -1)
{
    QByteArray out(8, '\0');
    const quint64 n = claimedLength >= 0 ? quint64(claimedLength) : quint64(header.size());
    for (int i = 0; i < 8; ++i)
        out[i] = char((n >> (8 * i)) & 0xff);
    return out + header + data;
}

QByteArray floats(int count, float value = 0.5f)
{
    QByteArray b(count * 4, '\0');
    for (int i = 0; i < count; ++i)
        std::memcpy(b.data() + 4 * i, &value, 4);
    return b;
}

} // namespace

class TestHostile final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString write(const QString &name, const QByteArray &bytes) const
    {
        QFile f(path(name));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
        return f.fileName();
    }

private Q_SLOTS:
    void refused_data()
    {
        QTest::addColumn<QStringList>("args"); // {FILE} stands for the hostile file, {OUT} for the output
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("bytes");

        const QStringList forward{QStringLiteral("forward"), QStringLiteral("--model"), QStringLiteral("{FILE}"),
                                  QStringLiteral("--text"), QStringLiteral("ab"), QStringLiteral("--logits"),
                                  QStringLiteral("{OUT}")};
        const QByteArray config = "{\"arch\":\"mlp\",\"vocab_size\":4,\"context\":2,\"dim\":2,\"hidden\":3}";
        const auto meta = [&](const QByteArray &tensors) { // the config as a JSON string in __metadata__
            QByteArray escaped = config;
            escaped.replace("\"", "\\\"");
            return "{\"__metadata__\":{\"config\":\"" + escaped + "\"}," + tensors + "}";
        };
        QTest::newRow("empty checkpoint") << forward << QStringLiteral("a.safetensors") << QByteArray();
        QTest::newRow("truncated length") << forward << QStringLiteral("b.safetensors") << QByteArray("\x10\x00\x00", 3);
        QTest::newRow("header longer than the file")
            << forward << QStringLiteral("c.safetensors") << safetensors("{}", {}, 1 << 20);
        QTest::newRow("enormous header length")
            << forward << QStringLiteral("d.safetensors") << safetensors("{}", {}, qint64(1) << 62);
        QTest::newRow("broken JSON header") << forward << QStringLiteral("e.safetensors") << safetensors("{\"a\":", {});
        QTest::newRow("negative shape")
            << forward << QStringLiteral("f.safetensors")
            << safetensors(meta("\"w\":{\"dtype\":\"F32\",\"shape\":[-2,2],\"data_offsets\":[0,16]}"), floats(4));
        QTest::newRow("enormous shape")
            << forward << QStringLiteral("g.safetensors")
            << safetensors(meta("\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,16]}"), floats(4));
        QTest::newRow("wrong dtype")
            << forward << QStringLiteral("h.safetensors")
            << safetensors(meta("\"w\":{\"dtype\":\"Q7\",\"shape\":[2,2],\"data_offsets\":[0,16]}"), floats(4));
        QTest::newRow("offsets past the end")
            << forward << QStringLiteral("i.safetensors")
            << safetensors(meta("\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,4096]}"), floats(4));
        QTest::newRow("offsets that disagree with the shape")
            << forward << QStringLiteral("j.safetensors")
            << safetensors(meta("\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,12]}"), floats(4));
        QTest::newRow("config that is not JSON")
            << forward << QStringLiteral("k.safetensors")
            << safetensors("{\"__metadata__\":{\"config\":\"{arch: mlp\"},\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
                           floats(1));

        const QStringList neighbors{QStringLiteral("neighbors"), QStringLiteral("--vectors"), QStringLiteral("{FILE}"),
                                    QStringLiteral("--word"), QStringLiteral("king")};
        QTest::newRow("vec rows of different widths")
            << neighbors << QStringLiteral("a.vec") << QByteArray("2 3\nking 0.1 0.2 0.3\nqueen 0.1 0.2\n");
        QTest::newRow("vec with fewer rows than its header")
            << neighbors << QStringLiteral("b.vec") << QByteArray("5 2\nking 0.1 0.2\n");
        QTest::newRow("vec with an enormous header")
            << neighbors << QStringLiteral("c.vec") << QByteArray("999999999999 999999999\nking 0.1\n");
        QTest::newRow("vec with NaN") << neighbors << QStringLiteral("d.vec")
                                      << QByteArray("2 2\nking 0.1 nan\nqueen 0.3 0.4\n");
        QTest::newRow("vec with a negative count") << neighbors << QStringLiteral("e.vec") << QByteArray("-3 2\nking 1 2\n");

        const QStringList plotVec{QStringLiteral("plot"), QStringLiteral("embedding"), QStringLiteral("--vectors"),
                                  QStringLiteral("{FILE}"), QStringLiteral("--out"), QStringLiteral("{OUT}")};
        QTest::newRow("plot: vec with infinity") << plotVec << QStringLiteral("f.vec")
                                                 << QByteArray("2 2\nking 0.1 inf\nqueen 0.3 0.4\n");

        const QStringList lesson{QStringLiteral("lesson"), QStringLiteral("--check"), QStringLiteral("{FILE}")};
        QTest::newRow("lesson: broken JSON") << lesson << QStringLiteral("a.json") << QByteArray("{\"schema\": 1,");
        QTest::newRow("lesson: wrong schema") << lesson << QStringLiteral("b.json") << QByteArray("{\"schema\": 2}");
        QTest::newRow("lesson: not UTF-8") << lesson << QStringLiteral("c.json") << QByteArray("{\"id\": \"\xc3\x28\"}");

        const QStringList train{QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("mlp"),
                                QStringLiteral("--corpus"), QStringLiteral("{FILE}"), QStringLiteral("--out"),
                                QStringLiteral("{OUT}"), QStringLiteral("--steps"), QStringLiteral("2")};
        QTest::newRow("corpus: binary") << train << QStringLiteral("a.txt") << QByteArray("ab\0\0cd", 6);
        QTest::newRow("corpus: invalid UTF-8") << train << QStringLiteral("b.txt") << QByteArray("hello \xff world");
        QTest::newRow("corpus: empty") << train << QStringLiteral("c.txt") << QByteArray(" \n\n ");

        const QStringList forecast{QStringLiteral("plot"), QStringLiteral("forecast"), QStringLiteral("--series"),
                                   QStringLiteral("{FILE}"), QStringLiteral("--out"), QStringLiteral("{OUT}")};
        QTest::newRow("series: not numbers") << forecast << QStringLiteral("a.csv") << QByteArray("v\n1\n2\nabc\n4\n");
        QTest::newRow("series: NaN") << forecast << QStringLiteral("b.csv") << QByteArray("v\n1\n2\nnan\n4\n");
    }
    void refused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, file);
        QFETCH(QByteArray, bytes);
        const QString hostile = write(file, bytes);
        QVERIFY(!hostile.isEmpty());
        const QString out = path(QStringLiteral("out-") + file + QStringLiteral(".csv"));
        for (QString &a : args)
            a.replace(QStringLiteral("{FILE}"), hostile).replace(QStringLiteral("{OUT}"), out);
        const Run r = cli(args);
        QVERIFY2(r.code == 2, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
        const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 1, qPrintable(r.err));
        QVERIFY2(lines.front().startsWith(QStringLiteral("error: ")), qPrintable(r.err));
        QVERIFY2(lines.front().contains(QFileInfo(hostile).fileName()), qPrintable(r.err)); // names the file
        QVERIFY(!QFileInfo::exists(out));
    }

    void hostileHuggingFaceFolder()
    {
        const QString dir = path(QStringLiteral("hf"));
        QVERIFY(QDir().mkpath(dir));
        QFile::copy(QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/gpt2-tiny/model.safetensors"), dir + QStringLiteral("/model.safetensors"));
        QFile::copy(QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/gpt2-tiny/vocab.json"), dir + QStringLiteral("/vocab.json"));
        QFile::copy(QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/gpt2-tiny/merges.txt"), dir + QStringLiteral("/merges.txt"));
        QFile config(dir + QStringLiteral("/config.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{\"model_type\": \"gpt2\", \"n_embd\": 99999999, \"n_layer\": -1");
        config.close();
        const QString out = path(QStringLiteral("hf-logits.csv"));
        const Run r = cli({QStringLiteral("forward"), QStringLiteral("--model"), dir, QStringLiteral("--text"),
                           QStringLiteral("hi"), QStringLiteral("--logits"), out});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 1);
        QVERIFY(r.err.startsWith(QStringLiteral("error: ")));
        QVERIFY(!QFileInfo::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
