// lmscope-cli end to end: exit codes, one "error: " line for bad usage and bad input, nothing
// written on failure, and the outputs of train and plot.
#include "io/checkpoint.h"
#include "io/safetensors.h"

#include <QtTest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <nlohmann/json.hpp>

namespace {
struct Run {
    int code = -1;
    QString out, err;
};

Run cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(LMSCOPE_CLI_PATH), args);
    if (!p.waitForFinished(120000))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// A copy of the tiny Hugging Face folder tests/golden/<name> (default bert-tiny) at `dir`.
bool copyBertFolder(const QString &dir, const char *name = "bert-tiny")
{
    const QDir source(QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/") + QLatin1String(name));
    if (!QDir().mkpath(dir))
        return false;
    for (const QString &name : source.entryList(QDir::Files))
        if (!QFile::copy(source.filePath(name), dir + QLatin1Char('/') + name))
            return false;
    return true;
}

// The folder's model.safetensors rewritten after `edit` (its integer buffers left out, as the
// import skips them anyway).
template<typename Edit>
bool editWeights(const QString &dir, Edit edit)
{
    const std::string path = (dir + QStringLiteral("/model.safetensors")).toStdString();
    lm::SafetensorsLimits limits;
    limits.skipOtherDtypes = true;
    auto file = lm::loadSafetensors(path, limits);
    if (!file)
        return false;
    edit(file.value().tensors);
    return lm::saveSafetensors(path, file.value().tensors, file.value().metadata).ok();
}
} // namespace

class TestCli final : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    // A state-space folder's own exports: Mamba's scan output and implicit attention, RWKV's WKV
    // output; each refused, one error line and exit 2, where the family has none or the layer is out of range.
    void forwardWritesTheStateSpaceExports()
    {
        const QString mamba = QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/mamba-tiny");
        const QString rwkv = QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/rwkv-tiny");
        const QString ids = QStringLiteral("4,8,15,16");
        const auto json = [](const QString &file) {
            QFile f(file);
            return f.open(QIODevice::ReadOnly) ? nlohmann::json::parse(f.readAll().toStdString(), nullptr, false)
                                               : nlohmann::json();
        };
        Run r = cli({QStringLiteral("forward"), QStringLiteral("--model"), mamba, QStringLiteral("--ids"), ids,
                     QStringLiteral("--implicit"), path("implicit.json"), QStringLiteral("--layer"), QStringLiteral("1"),
                     QStringLiteral("--ssm"), path("ssm.json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const nlohmann::json implicit = json(path("implicit.json")), ssm = json(path("ssm.json"));
        QCOMPARE(implicit.size(), std::size_t(48)); // every channel of layer 1: [channel][output][input]
        QCOMPARE(implicit[0].size(), std::size_t(4));
        QCOMPARE(implicit[0][0][3].get<double>(), 0.0); // no output reads a later input
        QCOMPARE(ssm.size(), std::size_t(2));          // [layer][position][channel]
        QCOMPARE(ssm[1].size(), std::size_t(4));
        r = cli({QStringLiteral("forward"), QStringLiteral("--model"), rwkv, QStringLiteral("--ids"), ids,
                 QStringLiteral("--wkv"), path("wkv.json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(json(path("wkv.json"))[0][3].size(), std::size_t(16));
        for (const QStringList &bad :
             {QStringList{QStringLiteral("--implicit"), path("no1.json")}, QStringList{QStringLiteral("--ssm"), path("no2.json")}}) {
            r = cli(QStringList{QStringLiteral("forward"), QStringLiteral("--model"), rwkv, QStringLiteral("--ids"), ids} + bad);
            QCOMPARE(r.code, 2);
            QVERIFY2(r.err.startsWith(QStringLiteral("error: --")) && r.err.count(QLatin1Char('\n')) == 1, qPrintable(r.err));
            QVERIFY(!QFile::exists(bad.last()));
        }
        r = cli({QStringLiteral("forward"), QStringLiteral("--model"), mamba, QStringLiteral("--ids"), ids,
                 QStringLiteral("--implicit"), path("no3.json"), QStringLiteral("--layer"), QStringLiteral("2")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--layer 2")), qPrintable(r.err));
        QVERIFY(!QFile::exists(path("no3.json")));
    }

    // export-hf writes a folder that forward reads back to the same logits; a folder that is not
    // empty, or a family without a Hugging Face counterpart, is one error line, exit 2, nothing written.
    void exportHfThenForward()
    {
        const QString mamba = QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/mamba-tiny");
        const QString ids = QStringLiteral("4,8,15,16");
        Run r = cli({QStringLiteral("export-hf"), QStringLiteral("--model"), mamba, QStringLiteral("--out"), path("mamba-out")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("MambaForCausalLM")), qPrintable(r.out));
        for (const char *file : {"config.json", "model.safetensors"})
            QVERIFY(QFile::exists(path("mamba-out") + QLatin1Char('/') + QLatin1String(file)));
        const auto logits = [&](const QString &model, const char *out) {
            const Run f = cli({QStringLiteral("forward"), QStringLiteral("--model"), model, QStringLiteral("--ids"), ids,
                               QStringLiteral("--logits"), path(out)});
            QFile file(path(out));
            return f.code == 0 && file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        const QByteArray original = logits(mamba, "mamba-original.csv");
        QVERIFY(!original.isEmpty());
        QCOMPARE(logits(path("mamba-out"), "mamba-exported.csv"), original);

        r = cli({QStringLiteral("export-hf"), QStringLiteral("--model"), mamba, QStringLiteral("--out"), path("mamba-out")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("error: ")) && r.err.contains(QStringLiteral("not empty")) &&
                     r.err.count(QLatin1Char('\n')) == 1,
                 qPrintable(r.err));

        r = cli({QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("rnn"), QStringLiteral("--corpus"),
                 QStringLiteral("builtin:en"), QStringLiteral("--steps"), QStringLiteral("1"), QStringLiteral("--seq"),
                 QStringLiteral("8"), QStringLiteral("--batch"), QStringLiteral("2"), QStringLiteral("--out"), path("rnn.safetensors")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("export-hf"), QStringLiteral("--model"), path("rnn.safetensors"), QStringLiteral("--out"),
                 path("rnn-out")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("no Hugging Face counterpart")), qPrintable(r.err));
        QVERIFY(!QFile::exists(path("rnn-out")));
    }

    // zoo: a family it does not know, or no --out, is one error line, exit 2, nothing written.
    void zooRefusesBadInput()
    {
        Run r = cli({QStringLiteral("zoo"), QStringLiteral("--families"), QStringLiteral("gpt,nosuch"), QStringLiteral("--out"),
                     path("zoo.csv")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("error: ")) && r.err.contains(QStringLiteral("unknown family 'nosuch'")) &&
                     r.err.count(QLatin1Char('\n')) == 1,
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(path("zoo.csv")));
        r = cli({QStringLiteral("zoo")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--out")), qPrintable(r.err));
    }

    // --check-all runs a folder's lessons and prints the coverage table; an idea without a passing
    // step makes it exit 1, and --check with --check-all is bad usage.
    void lessonCheckAllPrintsCoverage()
    {
        QDir().mkpath(path("lessons"));
        writeFile(path("lessons") + QStringLiteral("/01-memory.json"), R"({"schema":1,"id":"01-memory",
            "title":{"zh-TW":"記憶體","en":"Memory"},"summary":{"zh-TW":"量","en":"Measure"},
            "steps":[{"title":{"zh-TW":"量","en":"Measure"},"teaches":["memory-scaling"],
              "text":{"zh-TW":"文","en":"Text"},
              "actions":[{"do":"memory","archs":["gpt"],"seq_lens":[16,32],"batch":1,"dim":16,"layers":1,"heads":2}],
              "checks":[{"expect":"memory_slope","arch":"gpt","min":0,"max":3}]}]})");
        Run r = cli({QStringLiteral("lesson"), QStringLiteral("--check-all"), QStringLiteral("--dir"), path("lessons")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("01-memory step 1")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("memory linear in batch and quadratic in length *\\| 01-memory step 1 *\\| ok"))),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("1 of ")) && r.out.contains(QStringLiteral("not covered: symbols-to-vectors")),
                 qPrintable(r.out));
        r = cli({QStringLiteral("lesson"), QStringLiteral("--check-all"), QStringLiteral("--check"), QStringLiteral("x.json")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.startsWith(QStringLiteral("error: ")));
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        writeFile(path("empty.txt"), "  \n\t\n");
        writeFile(path("bad-utf8.txt"), "hello \xff world");
        writeFile(path("binary.bin"), QByteArray("ab\0cd", 5));
        writeFile(path("tiny.txt"), "ab");
        writeFile(path("bad-log.csv"), "step,loss\n1,2.5\n2,oops\n");
        writeFile(path("no-loss.csv"), "step,accuracy\n1,0.5\n");
        writeFile(path("nan.vec"), "2 3\nking 0.1 0.2 0.3\nqueen 0.1 nan 0.3\n");
        writeFile(path("few.txt"), "one two three\nfour five six\n");

        // Broken copies of a Hugging Face BERT folder: a tensor missing, a tensor whose shape is
        // not config.json's, a vocab.txt without [MASK] (renamed, so the count still matches).
        QVERIFY(copyBertFolder(path("bert-missing")));
        QVERIFY(editWeights(path("bert-missing"), [](std::vector<lm::NamedParameter> &tensors) {
            std::erase_if(tensors,
                          [](const lm::NamedParameter &p) { return p.name == "bert.encoder.layer.1.output.dense.weight"; });
        }));
        QVERIFY(copyBertFolder(path("bert-shape")));
        QVERIFY(editWeights(path("bert-shape"), [](std::vector<lm::NamedParameter> &tensors) {
            for (auto &p : tensors)
                if (p.name == "bert.encoder.layer.0.intermediate.dense.weight")
                    p.tensor = lm::Tensor::zeros({48, 32}); // config.json: intermediate_size 64
        }));
        QVERIFY(copyBertFolder(path("bert-nomask")));
        {
            QFile vocab(path("bert-nomask/vocab.txt"));
            QVERIFY(vocab.open(QIODevice::ReadOnly));
            QByteArray text = vocab.readAll();
            vocab.close();
            QVERIFY(text.contains("[MASK]\n"));
            writeFile(path("bert-nomask/vocab.txt"), text.replace("[MASK]\n", "[MASQUE]\n"));
        }
        // A T5 folder without one cross-attention tensor, another whose config.json asks for a
        // wider feed-forward part than its tensors hold.
        QVERIFY(copyBertFolder(path("t5-missing"), "t5-tiny"));
        QVERIFY(editWeights(path("t5-missing"), [](std::vector<lm::NamedParameter> &tensors) {
            std::erase_if(tensors, [](const lm::NamedParameter &p) { return p.name == "decoder.block.2.layer.1.EncDecAttention.k.weight"; });
        }));
        QVERIFY(copyBertFolder(path("t5-shape"), "t5-tiny"));
        {
            QFile config(path("t5-shape/config.json"));
            QVERIFY(config.open(QIODevice::ReadOnly));
            QByteArray text = config.readAll();
            config.close();
            QVERIFY(text.contains("\"d_ff\": 24"));
            writeFile(path("t5-shape/config.json"), text.replace("\"d_ff\": 24", "\"d_ff\": 28"));
        }
        // Fine-tuning data: labels outside --labels, a test file with a label training lacks, a
        // line without its tab, one label only.
        const QByteArray train = "positive\tthe cat is good\nnegative\tthe cat is bad\n";
        writeFile(path("sentiment.tsv"), train.repeated(4));
        writeFile(path("neutral.tsv"), train + "neutral\tthe cat is a cat\n" + train);
        writeFile(path("no-tab.tsv"), train + "positive the cat is good\n" + train);
        writeFile(path("one-label.tsv"), QByteArray("positive\tthe cat is good\n").repeated(14));
        // Text pairs for an encoder-decoder: the third line has no source.
        writeFile(path("pairs-empty-source.tsv"), "the cat\tle chat\nthe dog\tle chien\n\tle rat\n");
        // A T5 folder whose tokenizer lost its sentinel.
        QVERIFY(copyBertFolder(path("t5-nosentinel"), "t5-tiny"));
        {
            QFile tok(path("t5-nosentinel/tokenizer.json"));
            QVERIFY(tok.open(QIODevice::ReadOnly));
            QByteArray text = tok.readAll();
            tok.close();
            QVERIFY(text.contains("<extra_id_0>"));
            writeFile(path("t5-nosentinel/tokenizer.json"), text.replace("<extra_id_0>", "<extra_id_x>"));
        }
        writeFile(path("ner-bad.tsv"), QByteArray("anna flew to rome\tB-PER O O B-LOC\n").repeated(2) + "bob sat\tB-PER\n");
    }

    void helpAndUsage()
    {
        Run r = cli({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("train")) && r.out.contains(QStringLiteral("plot")));
        QCOMPARE(cli({}).code, 2);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected"); // part of the error line
        const QString out = path("never.safetensors");
        auto train = [&](QStringList extra) {
            return QStringList{QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("mlp"), QStringLiteral("--out"), out} + extra;
        };
        QTest::newRow("unknown command") << QStringList{QStringLiteral("fly")} << QStringLiteral("unknown command 'fly'");
        QTest::newRow("no arch") << QStringList{QStringLiteral("train"), QStringLiteral("--corpus"), QStringLiteral("builtin:en")}
                                 << QStringLiteral("--arch is required");
        QTest::newRow("unknown arch")
            << QStringList{QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("transformer-xl"), QStringLiteral("--corpus"),
                           QStringLiteral("builtin:en"), QStringLiteral("--out"), out}
            << QStringLiteral("--arch: unknown architecture 'transformer-xl' (available: mlp, rnn,");
        QTest::newRow("choice not in the table")
            << QStringList{QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("llama"), QStringLiteral("--norm"),
                           QStringLiteral("batchnorm"), QStringLiteral("--corpus"), QStringLiteral("builtin:en"), QStringLiteral("--out"), out}
            << QStringLiteral("--norm must be one of layernorm, rmsnorm, got \"batchnorm\"");
        QTest::newRow("switch off on the wrong family")
            << train({QStringLiteral("--corpus"), QStringLiteral("builtin:en"), QStringLiteral("--no-tied-head")})
            << QStringLiteral("--no-tied-head does not apply to --arch mlp");
        QTest::newRow("unknown option") << train({QStringLiteral("--corpus"), QStringLiteral("builtin:en"), QStringLiteral("--speed"), QStringLiteral("9")})
                                        << QStringLiteral("unknown option --speed");
        QTest::newRow("steps not a number") << train({QStringLiteral("--corpus"), QStringLiteral("builtin:en"), QStringLiteral("--steps"), QStringLiteral("ten")})
                                            << QStringLiteral("--steps: expected an integer, got 'ten'");
        QTest::newRow("negative lr") << train({QStringLiteral("--corpus"), QStringLiteral("builtin:en"), QStringLiteral("--lr"), QStringLiteral("-1")})
                                     << QStringLiteral("--lr must be between");
        QTest::newRow("heads for mlp") << train({QStringLiteral("--corpus"), QStringLiteral("builtin:en"), QStringLiteral("--heads"), QStringLiteral("4")})
                                       << QStringLiteral("--heads does not apply to --arch mlp");
        QTest::newRow("missing corpus") << train({QStringLiteral("--corpus"), path("nope.txt")}) << QStringLiteral("nope.txt");
        QTest::newRow("empty corpus") << train({QStringLiteral("--corpus"), path("empty.txt")}) << QStringLiteral("empty");
        QTest::newRow("invalid utf-8") << train({QStringLiteral("--corpus"), path("bad-utf8.txt")}) << QStringLiteral("byte offset 6");
        QTest::newRow("binary corpus") << train({QStringLiteral("--corpus"), path("binary.bin")}) << QStringLiteral("NUL byte at offset 2");
        QTest::newRow("corpus too short") << train({QStringLiteral("--corpus"), path("tiny.txt")}) << QStringLiteral("tokens");
        QTest::newRow("unknown builtin") << train({QStringLiteral("--corpus"), QStringLiteral("builtin:fr")}) << QStringLiteral("builtin:fr");
        QTest::newRow("out dir missing")
            << QStringList{QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("mlp"), QStringLiteral("--corpus"),
                           QStringLiteral("builtin:en"), QStringLiteral("--out"), path("no/dir/m.safetensors")}
            << QStringLiteral("does not exist");
        QTest::newRow("plot bad row") << QStringList{QStringLiteral("plot"), QStringLiteral("loss"), QStringLiteral("--log"), path("bad-log.csv"),
                                                     QStringLiteral("--out"), path("never.png")}
                                      << QStringLiteral("bad-log.csv:3: 'oops' in column 'loss' is not a finite number");
        QTest::newRow("plot no loss column") << QStringList{QStringLiteral("plot"), QStringLiteral("loss"), QStringLiteral("--log"), path("no-loss.csv"),
                                                            QStringLiteral("--out"), path("never.png")}
                                             << QStringLiteral("no-loss.csv:1: no column 'loss' in the header (step, accuracy)");
        QTest::newRow("plot bad suffix") << QStringList{QStringLiteral("plot"), QStringLiteral("loss"), QStringLiteral("--log"), path("bad-log.csv"),
                                                        QStringLiteral("--out"), path("never.gif")}
                                         << QStringLiteral("--out must end in");
        QTest::newRow("embed bad method") << QStringList{QStringLiteral("embed"), QStringLiteral("--method"), QStringLiteral("lsa"),
                                                         QStringLiteral("--corpus"), QStringLiteral("builtin:en"), QStringLiteral("--out"), path("never.vec")}
                                          << QStringLiteral("--method must be");
        QTest::newRow("embed emptied by min-count")
            << QStringList{QStringLiteral("embed"), QStringLiteral("--method"), QStringLiteral("skipgram"), QStringLiteral("--corpus"),
                           path("few.txt"), QStringLiteral("--out"), path("never.vec")}
            << QStringLiteral("lower --min-count");
        QTest::newRow("vec with nan") << QStringList{QStringLiteral("neighbors"), QStringLiteral("--vectors"), path("nan.vec"),
                                                     QStringLiteral("--word"), QStringLiteral("king")}
                                      << QStringLiteral("nan.vec:3");
        QTest::newRow("bidirectional language model")
            << QStringList{QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("gru"), QStringLiteral("--bidirectional"),
                           QStringLiteral("--corpus"), QStringLiteral("builtin:en"), QStringLiteral("--out"), out}
            << QStringLiteral("bidirectional does not fit a language model");
        QTest::newRow("layers for mlp") << train({QStringLiteral("--corpus"), QStringLiteral("builtin:en"), QStringLiteral("--layers"), QStringLiteral("2")})
                                        << QStringLiteral("--layers does not apply to --arch mlp");
        QTest::newRow("forward text and ids") << QStringList{QStringLiteral("forward"), QStringLiteral("--model"), path("m.safetensors"),
                                                             QStringLiteral("--text"), QStringLiteral("a"), QStringLiteral("--ids"), QStringLiteral("1")}
                                              << QStringLiteral("exactly one of --text");
        QTest::newRow("plot memory bad lengths")
            << QStringList{QStringLiteral("plot"), QStringLiteral("memory"), QStringLiteral("--arch"), QStringLiteral("gpt"),
                           QStringLiteral("--seq-lens"), QStringLiteral("64,lots"), QStringLiteral("--out"), path("never.png")}
            << QStringLiteral("--seq-lens: 'lots' is not a length");
        QTest::newRow("plot memory unknown arch")
            << QStringList{QStringLiteral("plot"), QStringLiteral("memory"), QStringLiteral("--arch"), QStringLiteral("wavenet"),
                           QStringLiteral("--seq-lens"), QStringLiteral("64"), QStringLiteral("--out"), path("never.png")}
            << QStringLiteral("no architecture 'wavenet'");
        QTest::newRow("plot unknown view") << QStringList{QStringLiteral("plot"), QStringLiteral("cake"), QStringLiteral("--out"), path("never.png")}
                                           << QStringLiteral("unknown plot view 'cake'");

        // Encoders: broken Hugging Face folders, texts beyond the position table, bad tasks.
        const QString bert = QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/bert-tiny");
        auto forward = [&](const QString &model, const QString &text) {
            return QStringList{QStringLiteral("forward"), QStringLiteral("--model"), model, QStringLiteral("--text"), text,
                               QStringLiteral("--logits"), path("never.csv"), QStringLiteral("--attention"), path("never.json")};
        };
        auto finetune = [&](const QString &task, QStringList extra = {}) {
            return QStringList{QStringLiteral("finetune"), QStringLiteral("--model"), bert, QStringLiteral("--task"), task,
                               QStringLiteral("--steps"), QStringLiteral("2"), QStringLiteral("--out"), out} + extra;
        };
        const QString tooLong = QStringLiteral("the ").repeated(50).trimmed(); // 50 + [CLS] [SEP] > 40 positions
        QTest::newRow("hf bert tensor missing")
            << forward(path("bert-missing"), QStringLiteral("the"))
            << path("bert-missing") + QStringLiteral("/model.safetensors: tensor 'bert.encoder.layer.1.output.dense.weight' is missing");
        QTest::newRow("hf bert tensor shape")
            << forward(path("bert-shape"), QStringLiteral("the"))
            << path("bert-shape") + QStringLiteral("/model.safetensors: tensor 'bert.encoder.layer.0.intermediate.dense.weight' "
                                                   "has shape (48, 32); config.json needs (64, 32)");
        QTest::newRow("fill-mask vocab without [MASK]")
            << QStringList{QStringLiteral("fill-mask"), QStringLiteral("--model"), path("bert-nomask"), QStringLiteral("--text"),
                           QStringLiteral("the [MASK] is red")}
            << path("bert-nomask") + QStringLiteral("/vocab.txt: no [MASK] token");
        QTest::newRow("fill-mask without [MASK] in the text")
            << QStringList{QStringLiteral("fill-mask"), QStringLiteral("--model"), bert, QStringLiteral("--text"), QStringLiteral("the cat")}
            << QStringLiteral("--text has no [MASK] token to fill");
        QTest::newRow("fill-mask on a decoder")
            << QStringList{QStringLiteral("fill-mask"), QStringLiteral("--model"), QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/gpt2-tiny"),
                           QStringLiteral("--text"), QStringLiteral("the [MASK]")}
            << QStringLiteral("model is not an encoder");
        QTest::newRow("forward text beyond the positions")
            << forward(bert, tooLong) << QStringLiteral("--text: 52 tokens exceed the position table of ") + bert + QStringLiteral(" (max_seq 40)");
        QTest::newRow("forward pair beyond the positions")
            << forward(bert, tooLong) + QStringList{QStringLiteral("--pair"), QStringLiteral("the cat")}
            << QStringLiteral("--text: 55 tokens exceed the position table");
        QTest::newRow("forward token type outside")
            << QStringList{QStringLiteral("forward"), QStringLiteral("--model"), bert, QStringLiteral("--ids"), QStringLiteral("2,5,3"),
                           QStringLiteral("--token-type-ids"), QStringLiteral("0,0,2"), QStringLiteral("--logits"), path("never.csv")}
            << QStringLiteral("--token-type-ids: 2 is outside the type vocabulary of 2");
        QTest::newRow("fill-mask text beyond the positions")
            << QStringList{QStringLiteral("fill-mask"), QStringLiteral("--model"), bert, QStringLiteral("--text"),
                           tooLong + QStringLiteral(" [MASK]")}
            << QStringLiteral("--text: 53 tokens exceed the position table");
        QTest::newRow("finetune unknown task") << finetune(QStringLiteral("poetry"))
                                               << QStringLiteral("--task poetry --language en is not a built-in task");
        QTest::newRow("finetune label outside --labels")
            << finetune(path("neutral.tsv"), {QStringLiteral("--labels"), QStringLiteral("positive,negative")})
            << path("neutral.tsv") + QStringLiteral(":3: label 'neutral' is not one of negative, positive");
        QTest::newRow("finetune test label unknown")
            << finetune(path("sentiment.tsv"), {QStringLiteral("--test"), path("neutral.tsv")})
            << path("neutral.tsv") + QStringLiteral(":3: label 'neutral' is not one of negative, positive");
        QTest::newRow("finetune line without a tab") << finetune(path("no-tab.tsv")) << path("no-tab.tsv") + QStringLiteral(":3: ");
        QTest::newRow("finetune tag file with a bad line") // not "label 'anna flew to rome' contains a space"
            << finetune(path("ner-bad.tsv")) << path("ner-bad.tsv") + QStringLiteral(":3: 2 tokens but 1 tags");
        QTest::newRow("finetune one label") << finetune(path("one-label.tsv")) << QStringLiteral("at least two labels");
        QTest::newRow("finetune builtin with --test")
            << finetune(QStringLiteral("sentiment"), {QStringLiteral("--test"), path("sentiment.tsv")})
            << QStringLiteral("--test and --labels go with a .tsv --task");
        // Encoder-decoders: broken T5 folders, a decoder input where none is read.
        const QString t5 = QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/t5-tiny");
        auto seq2seq = [&](const QString &model, const QString &decoderIds) {
            return QStringList{QStringLiteral("forward"), QStringLiteral("--model"), model, QStringLiteral("--ids"), QStringLiteral("5,9,1"),
                               QStringLiteral("--decoder-ids"), decoderIds, QStringLiteral("--logits"), path("never.csv"),
                               QStringLiteral("--cross-attention"), path("never.json")};
        };
        QTest::newRow("hf t5 tensor missing")
            << seq2seq(path("t5-missing"), QStringLiteral("0"))
            << path("t5-missing") + QStringLiteral("/model.safetensors: tensor 'decoder.block.2.layer.1.EncDecAttention.k.weight' is missing");
        QTest::newRow("hf t5 shape against config.json")
            << seq2seq(path("t5-shape"), QStringLiteral("0"))
            << path("t5-shape") + QStringLiteral("/model.safetensors: tensor 'encoder.block.0.layer.1.DenseReluDense.wi.weight' "
                                                 "has shape (24, 16); config.json needs (28, 16)");
        QTest::newRow("decoder id outside the vocabulary")
            << seq2seq(t5, QStringLiteral("0,40")) << QStringLiteral("--decoder-ids: 40 is outside the vocabulary of 40");
        QTest::newRow("decoder ids for a decoder-only model")
            << QStringList{QStringLiteral("forward"), QStringLiteral("--model"), QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/gpt2-tiny"),
                           QStringLiteral("--ids"), QStringLiteral("1,2"), QStringLiteral("--decoder-ids"), QStringLiteral("3"),
                           QStringLiteral("--logits"), path("never.csv")}
            << QStringLiteral("--decoder-ids applies to encoder-decoder models; a gpt model reads one sequence");
        QTest::newRow("span corruption with a tokenizer that cannot hold sentinels")
            << QStringList{QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("t5"), QStringLiteral("--corpus"),
                           QStringLiteral("builtin:en"), QStringLiteral("--objective"), QStringLiteral("span"),
                           QStringLiteral("--tokenizer"), QStringLiteral("bpe"), QStringLiteral("--out"), out}
            << QStringLiteral("use the unigram tokenizer");
        QTest::newRow("the other family's denoising")
            << QStringList{QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("bart"), QStringLiteral("--corpus"),
                           QStringLiteral("builtin:en"), QStringLiteral("--objective"), QStringLiteral("span"), QStringLiteral("--out"), out}
            << QStringLiteral("bart does not train with span");
        QTest::newRow("empty source line")
            << QStringList{QStringLiteral("finetune"), QStringLiteral("--model"), t5, QStringLiteral("--task"),
                           path("pairs-empty-source.tsv"), QStringLiteral("--out"), out}
            << QStringLiteral("pairs-empty-source.tsv:3: empty source");
        QTest::newRow("summaries in a language there are none of")
            << QStringList{QStringLiteral("finetune"), QStringLiteral("--model"), t5, QStringLiteral("--task"),
                           QStringLiteral("summarize"), QStringLiteral("--language"), QStringLiteral("fr"), QStringLiteral("--out"), out}
            << QStringLiteral("--language fr: the built-in summaries are en or zh_TW");
        QTest::newRow("a language for translation")
            << QStringList{QStringLiteral("finetune"), QStringLiteral("--model"), t5, QStringLiteral("--task"),
                           QStringLiteral("translate-en-zh"), QStringLiteral("--language"), QStringLiteral("en"), QStringLiteral("--out"), out}
            << QStringLiteral("--language goes with --task summarize");
        QTest::newRow("tokenizer without sentinels")
            << QStringList{QStringLiteral("translate"), QStringLiteral("--model"), path("t5-nosentinel"), QStringLiteral("--text"),
                           QStringLiteral("the cat")}
            << QStringLiteral("tokenizer.json: no <extra_id_0> token");
        QTest::newRow("translate nothing")
            << QStringList{QStringLiteral("translate"), QStringLiteral("--model"), t5, QStringLiteral("--text"), QString()}
            << QStringLiteral("--text is empty");
        QTest::newRow("translate with an encoder")
            << QStringList{QStringLiteral("translate"), QStringLiteral("--model"), bert, QStringLiteral("--text"),
                           QStringLiteral("the cat")}
            << QStringLiteral("does not write a target for a source");
        QTest::newRow("search missing query set")
            << QStringList{QStringLiteral("search"), QStringLiteral("--model"), bert, QStringLiteral("--eval"), path("no-queries.tsv")}
            << QStringLiteral("no-queries.tsv");
        QTest::newRow("search missing corpus")
            << QStringList{QStringLiteral("search"), QStringLiteral("--model"), bert, QStringLiteral("--corpus"), path("no-corpus.txt"),
                           QStringLiteral("--query"), QStringLiteral("the cat")}
            << QStringLiteral("no-corpus.txt");
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const Run r = cli(args);
        QCOMPARE(r.code, 2);
        const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.front().startsWith(QStringLiteral("error: ")), qPrintable(r.err));
        QVERIFY2(lines.front().contains(expected), qPrintable(r.err));
        QVERIFY(!QFile::exists(path("never.safetensors")));
        QVERIFY(!QFile::exists(path("never.png")));
        QVERIFY(!QFile::exists(path("never.vec")));
        QVERIFY(!QFile::exists(path("never.csv")));
        QVERIFY(!QFile::exists(path("never.json")));
    }

    // translate writes a target and, with --steps-out, each step: the beams with their scores,
    // the chosen token and a cross-attention row over the source that sums to 1.
    void translateWritesItsSteps()
    {
        const Run r = cli({QStringLiteral("translate"), QStringLiteral("--model"), QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/t5-tiny"),
                           QStringLiteral("--text"), QStringLiteral("the cat"), QStringLiteral("--beam"), QStringLiteral("3"),
                           QStringLiteral("--max-tokens"), QStringLiteral("5"), QStringLiteral("--steps-out"), path("steps.json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile f(path("steps.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray steps = doc[QStringLiteral("steps")].toArray();
        QVERIFY(!steps.isEmpty() && steps.size() <= 5);
        const int Ts = doc[QStringLiteral("source")].toArray().size();
        QVERIFY(Ts >= 2);
        for (const auto &step : steps) {
            const QJsonObject o = step.toObject();
            QVERIFY(!o[QStringLiteral("beams")].toArray().isEmpty());
            const QJsonArray cross = o[QStringLiteral("cross")].toArray();
            QCOMPARE(cross.size(), Ts);
            double sum = 0.0;
            for (const auto &v : cross)
                sum += v.toDouble();
            QVERIFY(std::abs(sum - 1.0) < 1e-4);
        }
        if (steps.size() > 1) // beam 3 keeps several prefixes after the first step
            QVERIFY(steps[1].toObject()[QStringLiteral("beams")].toArray().size() >= 2);
    }

    // archs --json is the architecture table: the families train accepts, each with its options.
    void archsListsTheTable()
    {
        const Run r = cli({QStringLiteral("archs"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonArray table = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(table.size() >= 6);
        QStringList names;
        for (const auto &entry : table) {
            const QJsonObject family = entry.toObject();
            names << family[QStringLiteral("name")].toString();
            QVERIFY(!family[QStringLiteral("options")].toArray().isEmpty());
            QVERIFY(!family[QStringLiteral("objectives")].toArray().isEmpty());
            QVERIFY(!family[QStringLiteral("display_name")].toObject()[QStringLiteral("zh-TW")].toString().isEmpty());
        }
        for (const char *expected : {"mlp", "rnn", "lstm", "gru", "gpt", "llama"})
            QVERIFY2(names.contains(QLatin1String(expected)), expected);
        const Run text = cli({QStringLiteral("archs")});
        QCOMPARE(text.code, 0);
        QVERIFY(text.out.contains(QStringLiteral("--positions")));
    }

    // A Hugging Face T5 folder: the source, a decoder input, and the logits (a row per decoder
    // position) and the three kinds of attention, as the goldens script's torch computed them.
    void encoderDecoderForward()
    {
        QFile goldenFile(QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/seq2seq_golden.json"));
        QVERIFY(goldenFile.open(QIODevice::ReadOnly));
        const QJsonObject g = QJsonDocument::fromJson(goldenFile.readAll()).object()[QStringLiteral("t5")].toObject()
                                  [QStringLiteral("cases")].toArray()[0].toObject();
        const auto joined = [&](const char *key) {
            QStringList ids;
            for (const auto &v : g[QLatin1String(key)].toArray())
                ids << QString::number(v.toInt());
            return ids.join(QLatin1Char(','));
        };
        const Run r = cli({QStringLiteral("forward"), QStringLiteral("--model"), QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/t5-tiny"),
                           QStringLiteral("--ids"), joined("input_ids"), QStringLiteral("--decoder-ids"), joined("decoder_input_ids"),
                           QStringLiteral("--logits"), path("t5.csv"), QStringLiteral("--cross-attention"), path("cross.json"),
                           QStringLiteral("--decoder-attention"), path("self.json"), QStringLiteral("--encoder-attention"),
                           path("enc.json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile csv(path("t5.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        const QJsonArray want = g[QStringLiteral("logits")].toArray();
        const int Td = g[QStringLiteral("decoder_input_ids")].toArray().size(), V = 40;
        QCOMPARE(lines.size(), 1 + Td);
        for (int t = 0; t < Td; ++t) {
            const QStringList cells = lines[1 + t].split(QLatin1Char(','));
            QCOMPARE(cells.size(), 2 + V);
            for (int v = 0; v < V; ++v)
                QVERIFY2(std::abs(cells[2 + v].toDouble() - want[t * V + v].toDouble()) < 1e-3,
                         qPrintable(QStringLiteral("row %1, logit %2").arg(t).arg(v)));
        }
        const auto read = [&](const char *name) {
            QFile f(path(name));
            return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).array() : QJsonArray();
        };
        const int Ts = g[QStringLiteral("input_ids")].toArray().size();
        const QJsonArray cross = read("cross.json"), self = read("self.json"), enc = read("enc.json");
        QCOMPARE(cross.size(), 3); // decoder blocks
        QCOMPARE(enc.size(), 2);   // encoder blocks
        QCOMPARE(cross[0].toArray().size(), 3); // heads
        QCOMPARE(cross[0].toArray()[0].toArray().size(), Td);
        QCOMPARE(cross[0].toArray()[0].toArray()[0].toArray().size(), Ts);
        QCOMPARE(self[2].toArray()[1].toArray()[0].toArray().size(), Td);
        QCOMPARE(self[2].toArray()[1].toArray()[0].toArray()[1].toDouble(), 0.0); // causal
        const double wantCross = g[QStringLiteral("cross_attentions")].toArray()[1].toArray()[2].toArray()[3].toArray()[4].toDouble();
        QVERIFY(std::abs(cross[1].toArray()[2].toArray()[3].toArray()[4].toDouble() - wantCross) < 1e-4);
        // BART: the folder's byte-level BPE reads --text; 3 decoder layers of 2 heads, 2 decoder positions.
        const Run bart = cli({QStringLiteral("forward"), QStringLiteral("--model"), QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/bart-tiny"),
                              QStringLiteral("--text"), QStringLiteral("the cat"), QStringLiteral("--decoder-ids"), QStringLiteral("2,0"),
                              QStringLiteral("--cross-attention"), path("bart-cross.json")});
        QVERIFY2(bart.code == 0, qPrintable(bart.err));
        const QJsonArray bartCross = read("bart-cross.json");
        QCOMPARE(bartCross.size(), 3);
        QCOMPARE(bartCross[2].toArray().size(), 2);
        QCOMPARE(bartCross[2].toArray()[1].toArray().size(), 2);                  // decoder positions
        QCOMPARE(bartCross[2].toArray()[1].toArray()[0].toArray().size(), 6);     // source: t he Ġ c a t
    }

    void embedThenAsk()
    {
        const QString vec = path("w.vec");
        Run r = cli({QStringLiteral("embed"), QStringLiteral("--method"), QStringLiteral("skipgram"), QStringLiteral("--corpus"),
                     QStringLiteral("builtin:en"), QStringLiteral("--normalize"), QStringLiteral("--dim"), QStringLiteral("30"),
                     QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--min-count"), QStringLiteral("3"),
                     QStringLiteral("--out"), vec});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.trimmed().split(QLatin1Char('\n')).last().startsWith(QStringLiteral("words/s: ")));
        r = cli({QStringLiteral("neighbors"), QStringLiteral("--vectors"), vec, QStringLiteral("--word"), QStringLiteral("paris"),
                 QStringLiteral("--k"), QStringLiteral("5")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 5);
        r = cli({QStringLiteral("analogy"), QStringLiteral("--vectors"), vec, QStringLiteral("man"), QStringLiteral("king"),
                 QStringLiteral("woman")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(!r.out.contains(QStringLiteral("king\t")));
        r = cli({QStringLiteral("neighbors"), QStringLiteral("--vectors"), vec, QStringLiteral("--word"), QStringLiteral("kingdoms")});
        QCOMPARE(r.code, 2); // unseen word and no subword model beside the .vec
        QVERIFY(r.err.startsWith(QStringLiteral("error: 'kingdoms' is not in")));
        for (const char *name : {"words.png", "words.csv"}) {
            r = cli({QStringLiteral("plot"), QStringLiteral("embedding"), QStringLiteral("--vectors"), vec, QStringLiteral("--words"),
                     QStringLiteral("50"), QStringLiteral("--out"), path(name)});
            QVERIFY2(r.code == 0, qPrintable(r.err));
        }
        QFile csv(path("words.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 1 + 50);
    }

    void recurrentTrainForwardGenerate()
    {
        const QString model = path("gru.safetensors");
        Run r = cli({QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("gru"), QStringLiteral("--corpus"),
                     QStringLiteral("builtin:en"), QStringLiteral("--hidden"), QStringLiteral("32"), QStringLiteral("--layers"),
                     QStringLiteral("2"), QStringLiteral("--steps"), QStringLiteral("20"), QStringLiteral("--tbptt"), QStringLiteral("--out"),
                     model});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("tokens/s: ")));
        const QString hidden = path("h.csv"), logits = path("l.csv");
        r = cli({QStringLiteral("forward"), QStringLiteral("--model"), model, QStringLiteral("--text"), QStringLiteral("The king"),
                 QStringLiteral("--hidden"), hidden, QStringLiteral("--logits"), logits});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile h(hidden);
        QVERIFY(h.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(h.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 1 + 8); // "The king": 8 characters
        QCOMPARE(rows.front().count(QLatin1Char(',')), 1 + 32); // position, token, h0..h31
        QFile l(logits);
        QVERIFY(l.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(l.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 1 + 8);
        for (const char *view : {"hidden", "gates"}) {
            r = cli({QStringLiteral("plot"), QString::fromLatin1(view), QStringLiteral("--model"), model, QStringLiteral("--text"),
                     QStringLiteral("The king"), QStringLiteral("--out"), path("view.csv")});
            QVERIFY2(r.code == 0, qPrintable(r.err));
            QFile f(path("view.csv"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 1 + 32 * 8);
        }
        r = cli({QStringLiteral("plot"), QStringLiteral("gates"), QStringLiteral("--model"), model, QStringLiteral("--text"),
                 QStringLiteral("The"), QStringLiteral("--gate"), QStringLiteral("f"), QStringLiteral("--out"), path("never.png")});
        QCOMPARE(r.code, 2); // a GRU has r, z and n
        QVERIFY(r.err.contains(QStringLiteral("gates: r, z, n")));
        r = cli({QStringLiteral("plot"), QStringLiteral("gradients"), QStringLiteral("--steps"), QStringLiteral("40"), QStringLiteral("--out"),
                 path("grad.png")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("plot"), QStringLiteral("forecast"), QStringLiteral("--steps"), QStringLiteral("60"), QStringLiteral("--out"),
                 path("forecast.csv")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("test RMSE")));
        // An MLP has no hidden states over time.
        r = cli({QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("mlp"), QStringLiteral("--corpus"),
                 QStringLiteral("builtin:en"), QStringLiteral("--steps"), QStringLiteral("2"), QStringLiteral("--out"), path("mlp2.safetensors")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("forward"), QStringLiteral("--model"), path("mlp2.safetensors"), QStringLiteral("--text"),
                 QStringLiteral("The"), QStringLiteral("--hidden"), path("never.csv")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("no hidden states")));
        QVERIFY(!QFile::exists(path("never.csv")));
    }

    void transformerTrainAndGenerate()
    {
        const QString model = path("llama.safetensors");
        Run r = cli({QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("llama"), QStringLiteral("--corpus"),
                     QStringLiteral("builtin:en"), QStringLiteral("--dim"), QStringLiteral("32"), QStringLiteral("--layers"),
                     QStringLiteral("2"), QStringLiteral("--heads"), QStringLiteral("4"), QStringLiteral("--kv-heads"), QStringLiteral("2"),
                     QStringLiteral("--steps"), QStringLiteral("5"), QStringLiteral("--out"), model});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("generate"), QStringLiteral("--model"), model, QStringLiteral("--prompt"), QStringLiteral("The"),
                 QStringLiteral("--max-new"), QStringLiteral("10"), QStringLiteral("--top-k"), QStringLiteral("5")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.startsWith(QStringLiteral("The")));
        // A Hugging Face GPT-2 folder: attention as [layer][head][query][key].
        const QString folder = QStringLiteral(LMSCOPE_SOURCE_DIR "/tests/golden/gpt2-tiny");
        r = cli({QStringLiteral("forward"), QStringLiteral("--model"), folder, QStringLiteral("--text"), QStringLiteral("Hello"),
                 QStringLiteral("--attention"), path("att.json")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile att(path("att.json"));
        QVERIFY(att.open(QIODevice::ReadOnly));
        const QJsonArray layers = QJsonDocument::fromJson(att.readAll()).array();
        QCOMPARE(layers.size(), 2);                                     // n_layer
        QCOMPARE(layers[0].toArray().size(), 4);                        // n_head
        const QJsonArray rows = layers[0].toArray()[0].toArray();
        QCOMPARE(rows.size(), rows[0].toArray().size());                // query × key
        r = cli({QStringLiteral("plot"), QStringLiteral("attention"), QStringLiteral("--model"), folder, QStringLiteral("--text"),
                 QStringLiteral("Hello"), QStringLiteral("--head"), QStringLiteral("3"), QStringLiteral("--out"), path("att.csv")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile attCsv(path("att.csv"));
        QVERIFY(attCsv.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(attCsv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(),
                 1 + int(rows.size() * rows.size()));
        r = cli({QStringLiteral("plot"), QStringLiteral("attention"), QStringLiteral("--model"), folder, QStringLiteral("--text"),
                 QStringLiteral("Hello"), QStringLiteral("--head"), QStringLiteral("9"), QStringLiteral("--out"), path("never.png")});
        QCOMPARE(r.code, 2); // 4 heads
        // A byte-level BPE trained on the corpus.
        r = cli({QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("gpt"), QStringLiteral("--tokenizer"),
                 QStringLiteral("bpe"), QStringLiteral("--vocab-size"), QStringLiteral("300"), QStringLiteral("--dim"), QStringLiteral("16"),
                 QStringLiteral("--layers"), QStringLiteral("1"), QStringLiteral("--corpus"), QStringLiteral("builtin:zh_TW"),
                 QStringLiteral("--steps"), QStringLiteral("3"), QStringLiteral("--out"), path("bpe.safetensors")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("gpt"), QStringLiteral("--corpus"),
                 QStringLiteral("builtin:en"), QStringLiteral("--dim"), QStringLiteral("30"), QStringLiteral("--heads"), QStringLiteral("4"),
                 QStringLiteral("--out"), path("never.safetensors")});
        QCOMPARE(r.code, 2); // 30 is not a multiple of 4
        QVERIFY(r.err.startsWith(QStringLiteral("error: ")));
        QVERIFY(!QFile::exists(path("never.safetensors")));
    }

    void fastTextAnswersForUnseenWords()
    {
        const QString vec = path("ft.vec");
        Run r = cli({QStringLiteral("embed"), QStringLiteral("--method"), QStringLiteral("fasttext"), QStringLiteral("--corpus"),
                     QStringLiteral("builtin:en"), QStringLiteral("--normalize"), QStringLiteral("--dim"), QStringLiteral("20"),
                     QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--bucket"), QStringLiteral("50000"),
                     QStringLiteral("--out"), vec});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(path("ft.subwords.safetensors")));
        r = cli({QStringLiteral("neighbors"), QStringLiteral("--vectors"), vec, QStringLiteral("--word"), QStringLiteral("kingdoms"),
                 QStringLiteral("--k"), QStringLiteral("3")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 3);
    }

    void memoryPlot()
    {
        const QStringList sweep{QStringLiteral("plot"), QStringLiteral("memory"), QStringLiteral("--arch"), QStringLiteral("gpt,lstm"),
                                QStringLiteral("--seq-lens"), QStringLiteral("32,64,128"), QStringLiteral("--batch"), QStringLiteral("1"),
                                QStringLiteral("--dim"), QStringLiteral("16"), QStringLiteral("--layers"), QStringLiteral("1"),
                                QStringLiteral("--heads"), QStringLiteral("2"), QStringLiteral("--out")};
        Run r = cli(sweep + QStringList{path("memory.csv")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("gpt: slope ")) && r.out.contains(QStringLiteral("lstm: slope ")), qPrintable(r.out));
        QFile csv(path("memory.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 1 + 2 * 3); // header, then gpt and lstm at three lengths
        QVERIFY(rows.front().startsWith(QStringLiteral("arch,mode,seq_len,batch,measured_bytes,predicted_bytes")));
        QVERIFY(rows[1].startsWith(QStringLiteral("gpt,train,32,1,")));
        r = cli(sweep + QStringList{path("memory.png"), QStringLiteral("--width"), QStringLiteral("640"), QStringLiteral("--height"),
                                    QStringLiteral("400")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(QImage(path("memory.png")).size(), QSize(640, 400));
    }

    void trainThenPlot()
    {
        const QString model = path("m.safetensors"), log = path("loss.csv");
        const Run r = cli({QStringLiteral("train"), QStringLiteral("--arch"), QStringLiteral("mlp"), QStringLiteral("--corpus"),
                           QStringLiteral("builtin:en"), QStringLiteral("--out"), model, QStringLiteral("--steps"),
                           QStringLiteral("40"), QStringLiteral("--log"), log, QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith(QStringLiteral("loss: ")));
        QVERIFY(lines[1].startsWith(QStringLiteral("tokens/s: ")));
        const double loss = lines[0].mid(6).toDouble();
        QVERIFY2(loss > 0.5 && loss < 3.5, qPrintable(lines[0])); // well below ln(54) ≈ 4 after 40 steps

        auto ckpt = lm::loadCheckpoint(model.toStdString());
        QVERIFY2(ckpt.ok(), ckpt.ok() ? "" : ckpt.error().c_str());
        QCOMPARE(ckpt.value().model->arch(), std::string("mlp"));
        QCOMPARE(ckpt.value().training["steps"].get<int>(), 40);

        // Same seed, same text; the prompt comes first.
        const QStringList gen{QStringLiteral("generate"), QStringLiteral("--model"), model, QStringLiteral("--prompt"),
                              QStringLiteral("The king"), QStringLiteral("--max-new"), QStringLiteral("30"), QStringLiteral("--seed"),
                              QStringLiteral("5")};
        const Run g1 = cli(gen), g2 = cli(gen);
        QVERIFY2(g1.code == 0, qPrintable(g1.err));
        QVERIFY(g1.out.startsWith(QStringLiteral("The king")));
        QVERIFY(g1.out.size() > QStringLiteral("The king").size() + 10);
        QCOMPARE(g1.out, g2.out);
        QCOMPARE(cli({QStringLiteral("generate"), QStringLiteral("--model"), path("missing.safetensors"), QStringLiteral("--prompt"),
                      QStringLiteral("x")}).code, 2);

        QFile csv(log);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList rows = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 1 + 40);
        QCOMPARE(rows.front(), QStringLiteral("step,loss,grad_norm,lr,tokens_per_s"));

        for (const char *name : {"loss.png", "loss.svg", "loss.pdf", "loss.csv.csv"}) {
            const Run p = cli({QStringLiteral("plot"), QStringLiteral("loss"), QStringLiteral("--log"), log, QStringLiteral("--out"),
                               path(name), QStringLiteral("--width"), QStringLiteral("640"), QStringLiteral("--height"),
                               QStringLiteral("400")});
            QVERIFY2(p.code == 0, qPrintable(p.err));
            QVERIFY2(p.err.isEmpty(), qPrintable(p.err));
            QVERIFY(QFileInfo(path(name)).size() > 0);
        }
        QCOMPARE(QImage(path("loss.png")).size(), QSize(640, 400));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
