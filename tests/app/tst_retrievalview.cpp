// Encoders in the app's views, with a tiny encoder of random weights (the plumbing, not the
// quality): sentence search returns k results by score and a three-row recall table; the Word
// vectors tab's contextual panel gives one vector per sentence and a proper cosine matrix beside
// word2vec's one point; the attention tab marks a pair's [SEP] boundary; the options panel counts
// both encoder families side by side.
#include "appcore/base/datasets.h"
#include "appcore/base/sessionencoder.h"
#include "appcore/plots/embeddingplot.h"
#include "appcore/plots/heatmapplot.h"
#include "appcore/views/attentionview.h"
#include "appcore/views/contextualpanel.h"
#include "appcore/views/modeloptionspanel.h"
#include "appcore/views/retrievalview.h"
#include "appcore/window/mainwindow.h"
#include "appcore/workers/encoderreading.h"

#include "models/architecture.h"
#include "text/specialtokens.h"

#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

#include <cmath>

namespace {

const lm::Architecture *encoderFamily(int index)
{
    int seen = 0;
    for (const lm::Architecture *a : lm::architectures())
        if (a->traits.direction == lm::Direction::Bidirectional && seen++ == index)
            return a;
    return nullptr;
}

// A WordPiece tokenizer learnt from the built-in retrieval set and an encoder of width 16, two
// layers, at random: enough to check every path through the views.
std::shared_ptr<const EncoderSnapshot> tinyEncoder()
{
    static std::shared_ptr<const EncoderSnapshot> cached = [] {
        auto set = loadRetrievalSpec(QStringLiteral("builtin:retrieval_en"));
        std::string text;
        for (const std::string &d : set.value().docs)
            text += d + "\n";
        text += "the king is old. she moved her king. the lion is the king of the forest.\n";
        lm::TokenizerOptions opts;
        opts.maxVocab = 400;
        auto tokenizer = lm::buildTokenizer("wordpiece", text, opts);
        const lm::Architecture *family = encoderFamily(0);
        auto config = family->configFor({{"dim", 16}, {"layers", 2}, {"heads", 2}}, tokenizer.value()->vocabSize(), 64);
        auto model = family->create(config.value(), 7);
        return snapshotIfEncoder(*model.value(), *tokenizer.value(), QStringLiteral("a tiny random encoder"));
    }();
    return cached;
}

} // namespace

class TestRetrievalView final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LMScopeTest"));
        QVERIFY(encoderFamily(0) && encoderFamily(1)); // two encoder families in the table
        QVERIFY(tinyEncoder());
        SessionEncoder::instance().publish(tinyEncoder());
    }

    void searchReturnsKSortedResultsAndThreeScores()
    {
        RetrievalView view;
        view.setEncoderChoice(QStringLiteral("session"));
        QVERIFY(view.contrastive()); // on by default
        view.setContrastive(false);
        const RetrievalRequest r = view.currentRequest();
        QVERIFY(r.source == RetrievalRequest::Source::Session);
        QCOMPARE(r.session, tinyEncoder());
        QCOMPARE(r.contrastiveSteps, 0);
        QSignalSpy prepared(&view, &RetrievalView::prepared);
        view.prepare();
        QTRY_COMPARE_WITH_TIMEOUT(prepared.size(), 1, 60000);
        QCOMPARE(prepared.front().front().toBool(), true);

        // Three methods, every score a share.
        QCOMPARE(view.scores().size(), 3);
        QCOMPARE(view.scores()[0].method, QStringLiteral("encoder"));
        QCOMPARE(view.scores()[1].method, QStringLiteral("word2vec"));
        QCOMPARE(view.scores()[2].method, QStringLiteral("tfidf"));
        for (const RetrievalScoreRow &s : view.scores())
            for (double v : {s.recallAt1, s.recallAt5, s.mrr})
                QVERIFY2(v >= 0.0 && v <= 1.0, qPrintable(s.method));
        for (const RetrievalScoreRow &s : view.scores())
            QVERIFY(s.recallAt1 <= s.recallAt5); // found first implies found in the first five
        QCOMPARE(view.scoreTable()->rowCount(), 3);
        QCOMPARE(view.scoreTable()->columnCount(), 3);
        const QStringList csv = view.scoresCsv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(csv.size(), 1 + 3);
        QCOMPARE(csv.front(), QStringLiteral("method,recall_at_1,recall_at_5,mrr"));
        QTemporaryDir dir;
        QString error;
        QVERIFY2(view.exportScores(dir.filePath(QStringLiteral("scores.csv")), &error), qPrintable(error));
        QFile file(dir.filePath(QStringLiteral("scores.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), view.scoresCsv());

        // A search: k hits per method, best first.
        QSignalSpy searched(&view, &RetrievalView::searched);
        view.setQuery(QStringLiteral("Steam the potatoes for ten minutes."));
        view.search();
        QTRY_COMPARE_WITH_TIMEOUT(searched.size(), 1, 30000);
        const SearchResult &result = view.lastResult();
        for (const QVector<SearchHit> *hits : {&result.encoder, &result.wordVectors, &result.tfidf}) {
            QCOMPARE(hits->size(), 5); // the default k
            for (int i = 1; i < hits->size(); ++i)
                QVERIFY((*hits)[i - 1].score >= (*hits)[i].score);
            for (const SearchHit &h : *hits)
                QVERIFY(!h.text.isEmpty());
        }
        // TF-IDF finds the sentence that shares the query's rare words.
        QVERIFY2(result.tfidf.front().text.contains(QStringLiteral("drain")), qPrintable(result.tfidf.front().text));

        // [CLS] pooling re-scores with the same encoder.
        prepared.clear();
        view.setClsPooling(true);
        RetrievalRequest keep = view.currentRequest();
        keep.source = RetrievalRequest::Source::Keep;
        view.prepareWith(keep);
        QTRY_COMPARE_WITH_TIMEOUT(prepared.size(), 1, 60000);
        QCOMPARE(prepared.front().front().toBool(), true);
        QVERIFY(view.scoresCsv().contains(QStringLiteral("encoder_cls")));
    }

    // Paraphrase pairs turn the (here random) encoder into a sentence encoder: it is scored beside
    // itself as it was, and finds more queries' sentences than before.
    void paraphrasePairsImproveTheEncoder()
    {
        RetrievalView view;
        view.setEncoderChoice(QStringLiteral("session"));
        view.setContrastive(true);
        const RetrievalRequest r = view.currentRequest();
        QVERIFY(r.contrastiveSteps > 0);
        QSignalSpy prepared(&view, &RetrievalView::prepared);
        view.prepare();
        QTRY_COMPARE_WITH_TIMEOUT(prepared.size(), 1, 240000);
        QCOMPARE(prepared.front().front().toBool(), true);
        QCOMPARE(view.scores().size(), 4);
        QCOMPARE(view.scores()[0].method, QStringLiteral("encoder"));
        QCOMPARE(view.scores()[3].method, QStringLiteral("encoder_mlm"));
        QCOMPARE(view.scoreTable()->rowCount(), 4);
        QVERIFY(view.scoresCsv().contains(QStringLiteral("\nencoder_mlm,")));
        const RetrievalScoreRow &after = view.scores()[0], &before = view.scores()[3];
        QVERIFY2(after.recallAt5 > before.recallAt5 && after.mrr > before.mrr,
                 qPrintable(QStringLiteral("recall@5 %1 -> %2, MRR %3 -> %4")
                                .arg(before.recallAt5).arg(after.recallAt5).arg(before.mrr).arg(after.mrr)));
        // The trained encoder is the session's now (other views read it), the tiny one is not changed.
        QVERIFY(SessionEncoder::instance().current() != tinyEncoder());
        SessionEncoder::instance().publish(tinyEncoder());
    }

    void contextualPanelGivesOneVectorPerSentence()
    {
        ContextualPanel panel;
        auto vectors = std::make_shared<lm::WordVectors>();
        vectors->dim = 4;
        vectors->words = {"king", "queen"};
        vectors->data = {0.5f, -0.25f, 1.0f, 0.125f, 0.0f, 1.0f, 0.0f, 0.0f};
        panel.setStaticVectors(vectors, nullptr, QStringLiteral("Skip-gram (word2vec)"));
        panel.setWord(QStringLiteral("king"));
        panel.setSentences({QStringLiteral("the king is old."), QStringLiteral("she moved her king one square."),
                            QStringLiteral("a queen and a cat."), // no king: left out
                            QStringLiteral("the lion is the king of the forest.")});
        QSignalSpy computed(&panel, &ContextualPanel::computed);
        panel.compare();
        QTRY_COMPARE_WITH_TIMEOUT(computed.size(), 1, 30000);
        QCOMPARE(computed.front().front().toBool(), true);
        const ContextualResult &r = panel.lastResult();
        const int n = 3;
        QCOMPARE(r.sentences.size(), n);
        QCOMPARE(r.skipped, QStringList{QStringLiteral("a queen and a cat.")});
        QCOMPARE(r.vectors.size(), n);
        for (const QVector<float> &v : r.vectors)
            QCOMPARE(v.size(), 16); // the encoder's width
        QCOMPARE(r.cosines.size(), n * n);
        QSet<int> distinct; // the contexts differ, so do the cosines between them
        for (int i = 0; i < n; ++i) {
            QVERIFY(std::abs(r.cosines[i * n + i] - 1.0f) < 1e-6f);
            for (int j = 0; j < n; ++j) {
                QVERIFY(std::abs(r.cosines[i * n + j] - r.cosines[j * n + i]) < 1e-6f);
                if (i < j) {
                    QVERIFY(r.cosines[i * n + j] < 1.0f - 1e-6f);
                    distinct.insert(int(std::lround(r.cosines[i * n + j] * 1e5)));
                }
            }
        }
        QVERIFY(distinct.size() > 1);
        QCOMPARE(panel.cosinePlot()->rows(), n);
        // word2vec: one vector whatever the sentence, so one point beside the encoder's n.
        QCOMPARE(panel.staticVector(), std::vector<float>(vectors->row(0), vectors->row(0) + 4));
        QCOMPARE(r.staticPoint.size(), 2);
        QCOMPARE(panel.pointsPlot()->pointCount(), n + 1);
        QVERIFY2(panel.summaryText().contains(QStringLiteral("1.000")), qPrintable(panel.summaryText()));

        // One sentence is not a comparison.
        computed.clear();
        panel.setSentences({QStringLiteral("the king is old.")});
        panel.compare();
        QTRY_COMPARE_WITH_TIMEOUT(computed.size(), 1, 30000);
        QCOMPARE(computed.front().front().toBool(), false);
    }

    void contextualWordVectorAveragesThePieces()
    {
        const auto enc = tinyEncoder();
        auto copy = cloneEncoder(*enc->model, *enc->tokenizer);
        QVERIFY(copy);
        lm::EncoderModel &model = *copy.value().model;
        const lm::Tokenizer &tok = *copy.value().tokenizer;
        auto missing = contextualWordVector(model, tok, "king", "the queen is old.");
        QVERIFY(!missing);
        // The same sentence twice gives the same vector; a word's vector is its pieces' mean.
        auto a = contextualWordVector(model, tok, "king", "the king is old.");
        auto b = contextualWordVector(model, tok, "king", "the king is old.");
        QVERIFY(a && b);
        QCOMPARE(a.value(), b.value());
        auto trace = traceEncoder(model, tok, "the king is old.", std::nullopt);
        QVERIFY(trace);
        const lm::TraceMatrix *last = trace.value()->find("layer1.hidden");
        QVERIFY(last);
        const std::vector<std::int32_t> pieces = tok.encode("king");
        const std::vector<std::int32_t> ids = lm::encodeForEncoder(tok, "the king is old.", std::nullopt, 64).ids;
        const auto at = int(std::search(ids.begin(), ids.end(), pieces.begin(), pieces.end()) - ids.begin());
        for (int h = 0; h < 16; ++h) {
            double mean = 0;
            for (int p = 0; p < int(pieces.size()); ++p)
                mean += last->at(at + p, h);
            mean /= double(pieces.size());
            QVERIFY(std::abs(mean - a.value()[std::size_t(h)]) < 1e-5);
        }
        const std::vector<float> cos = cosineMatrix({{1, 0}, {0, 2}, {3, 3}});
        QCOMPARE(cos[0 * 3 + 1], 0.0f);
        QVERIFY(std::abs(cos[0 * 3 + 2] - std::sqrt(0.5f)) < 1e-6f);
        QCOMPARE(sentencesContaining("The King is old.\nkingdom\n\nA king, a queen.\nThe King is old.\n", "king", 5),
                 (std::vector<std::string>{"The King is old.", "A king, a queen."}));
    }

    void attentionMarksThePairBoundary()
    {
        AttentionView view;
        view.setBidirectional(true);
        QVERIFY(view.pairInputShown());
        const auto enc = tinyEncoder();
        auto copy = cloneEncoder(*enc->model, *enc->tokenizer);
        auto trace = traceEncoder(*copy.value().model, *copy.value().tokenizer, "the king is old.", std::string("he sleeps."));
        QVERIFY(trace);
        const std::vector<std::string> &tokens = trace.value()->tokens;
        const int T = int(tokens.size());
        QCOMPARE(tokens.front(), std::string("[CLS]"));
        QCOMPARE(tokens.back(), std::string("[SEP]"));
        const int firstSep = int(std::find(tokens.begin(), tokens.end(), std::string("[SEP]")) - tokens.begin());
        QVERIFY(firstSep < T - 1);
        view.showTrace(trace.value());
        QCOMPARE(view.layerCount(), 2);
        QCOMPARE(view.separatorBoundaries(), QVector<int>{firstSep});
        QCOMPARE(view.headPlot()->boundaries(), QVector<int>{firstSep});
        QCOMPARE(view.tokenTypes().size(), T);
        for (int t = 0; t < T; ++t)
            QCOMPARE(view.tokenTypes()[t], t <= firstSep ? 0 : 1);
        // Both ways: the first token attends to the last (no causal triangle), and rows sum to 1.
        HeatmapPlot *head = view.headPlot();
        QCOMPARE(head->rows(), T);
        QVERIFY(head->value(0, T - 1) > 0.0f);
        for (int q = 0; q < T; ++q) {
            double total = 0;
            for (int k = 0; k < T; ++k)
                total += head->value(q, k);
            QVERIFY(std::abs(total - 1.0) < 1e-5);
        }
        view.selectToken(0); // the [CLS] row
        QCOMPARE(view.selectedToken(), 0);
        view.setBidirectional(false);
        QVERIFY(!view.pairInputShown());
    }

    // Through the window: an encoder trained on the language-model tab takes a pair on the
    // attention tab, and becomes the session's encoder.
    void windowTracesAPairThroughItsEncoder()
    {
        MainWindow w;
        w.setPersistent(false);
        const lm::Architecture *family = encoderFamily(0);
        w.setArchitecture(QString::fromStdString(family->name));
        QVERIFY(w.attentionView()->pairInputShown());
        TrainingRequest r = w.currentRequest();
        r.corpusSpec = QStringLiteral("builtin:documents_en");
        r.model.tokenizer = "wordpiece";
        r.model.options = {{"dim", 16}, {"layers", 1}, {"heads", 2}};
        r.train.steps = 2;
        r.train.batch = 2;
        r.train.seq = 16;
        const auto before = SessionEncoder::instance().current();
        QSignalSpy failed(w.controller(), &TrainingController::failed);
        w.controller()->start(r);
        QTRY_VERIFY_WITH_TIMEOUT(w.controller()->state() == TrainingController::State::Finished || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.front().front().toString()));
        QTRY_COMPARE_WITH_TIMEOUT(w.controller()->state(), TrainingController::State::Finished, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(SessionEncoder::instance().current() != before, 10000);
        QCOMPARE(SessionEncoder::instance().current()->model->encoderConfig().dim, 16);
        AttentionView *av = w.attentionView();
        Q_EMIT av->inspectRequested(QStringLiteral("the king is old."), QStringLiteral("he sleeps."));
        QTRY_COMPARE_WITH_TIMEOUT(av->layerCount(), 1, 10000);
        QCOMPARE(av->separatorBoundaries().size(), 1);
        QCOMPARE(av->tokenTypes().front(), 0);
        QCOMPARE(av->tokenTypes().back(), 1);
        w.setArchitecture(QString::fromStdString(lm::firstFeeding(lm::View::Attention)->name));
        QVERIFY(!w.attentionView()->pairInputShown());
        SessionEncoder::instance().publish(tinyEncoder()); // as the other tests expect
    }

    void optionsPanelCountsBothEncoderFamilies()
    {
        ModelOptionsPanel panel;
        panel.setCountAssumptions(2000, 64);
        QVERIFY(panel.setArchitecture(QString::fromStdString(lm::firstFeeding(lm::View::Attention)->name)));
        QVERIFY(panel.encoderFamilyCounts().isEmpty()); // a decoder: no comparison
        const lm::Architecture *first = encoderFamily(0), *second = encoderFamily(1);
        QVERIFY(panel.setArchitecture(QString::fromStdString(first->name)));
        panel.setValues({{"dim", 64}, {"layers", 4}, {"heads", 4}});
        const auto &counts = panel.encoderFamilyCounts();
        QCOMPARE(counts.size(), 2);
        QCOMPARE(counts[0].name, QString::fromStdString(first->name));
        QCOMPARE(counts[1].name, QString::fromStdString(second->name));
        // Each count is the table's for the same width, layers and heads.
        const nlohmann::json same = {{"dim", 64}, {"layers", 4}, {"heads", 4}};
        QCOMPARE(counts[0].parameters, qint64(first->parameterCount(first->configFor(same, 2000, 64).value()).value()));
        QCOMPARE(counts[1].parameters, qint64(second->parameterCount(second->configFor(same, 2000, 64).value()).value()));
        // The factorised family (its embedding narrower than the width, E = 32 < H = 64) is smaller.
        QVERIFY(second->option("embedding_dim"));
        QVERIFY(counts[1].parameters < counts[0].parameters);
        QVERIFY(panel.familyComparisonText().contains(QLocale().toString(counts[0].parameters)));
        QVERIFY(panel.familyComparisonText().contains(QLocale().toString(counts[1].parameters)));
        // Shown from the other family's page, the same two counts.
        QVERIFY(panel.setArchitecture(QString::fromStdString(second->name)));
        panel.setValues({{"dim", 64}, {"layers", 4}, {"heads", 4}, {"embedding_dim", 32}});
        QCOMPARE(panel.encoderFamilyCounts().size(), 2);
        QCOMPARE(panel.encoderFamilyCounts()[1].parameters, counts[1].parameters);
        QCOMPARE(panel.encoderFamilyCounts()[0].parameters, counts[0].parameters);
    }
};

QTEST_MAIN(TestRetrievalView)
#include "tst_retrievalview.moc"
