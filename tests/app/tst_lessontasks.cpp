// The encoder and encoder–decoder lesson checks can fail: each judge passes on a sound record and
// fails when what it measures is broken (an encoder that learnt nothing, pair heads that swapped
// places, an ALBERT as large as BERT, a fine-tuning that pre-training did not help, vectors that
// ignore the sentence, an encoder that retrieves worse than word2vec, a beam worse than greedy,
// attention rows that do not sum to 1 or stay flat, corruption that keeps the text). The lesson
// files' own checks pass in tst_lessons; a tiny lesson here runs every new action end to end,
// fast enough for the sanitizer build.
#include "appcore/lessons/lesson.h"
#include "appcore/lessons/lessonsession.h"
#include "appcore/lessons/lessontasks.h"

#include <QtTest>

#include <cmath>
#include <limits>

namespace {

LessonPretraining pretraining(const char *arch, PairObjective pair, double before, double after, double pairAccuracy,
                              double cross, long long parameters)
{
    LessonPretraining p;
    p.request.arch = QString::fromLatin1(arch);
    p.request.pair = pair;
    PretrainScore first, last;
    first.maskedAccuracy = before;
    last.step = 100;
    last.maskedAccuracy = after;
    last.pairAccuracy = pairAccuracy;
    last.crossPairAccuracy = cross;
    p.scores = {first, last};
    p.parameters = parameters;
    return p;
}

LessonFinetuning finetuning(double pretrained, double scratch)
{
    LessonFinetuning f;
    for (const auto &[run, accuracy] : {std::pair{FinetuneRun::Pretrained, pretrained}, std::pair{FinetuneRun::Scratch, scratch}}) {
        FinetuneResult r;
        r.run = run;
        r.report.kind = lm::FinetuneKind::Classify;
        r.report.labels = {"neg", "pos"};
        r.report.confusion = lm::ConfusionMatrix(2);
        // 100 test examples, `accuracy` of them right.
        const int right = int(std::lround(100 * accuracy));
        for (int i = 0; i < 100; ++i)
            r.report.confusion.add(i % 2, i < right ? i % 2 : 1 - i % 2);
        f.runs.append(r);
    }
    return f;
}

LessonContextual contextual(const QVector<float> &cosines, bool hasStatic)
{
    LessonContextual c;
    c.result.word = QStringLiteral("letter");
    const int n = int(std::lround(std::sqrt(double(cosines.size()))));
    c.result.vectors = QVector<QVector<float>>(n, QVector<float>(4, 0.0f));
    c.result.cosines = cosines;
    c.hasStatic = hasStatic;
    return c;
}

LessonTranslation translation(double greedy, double beam, const QVector<QVector<float>> &alignment)
{
    LessonTranslation t;
    t.greedy.logProb = greedy;
    t.greedy.targetTokens = {QStringLiteral("貓")};
    t.greedy.alignment = alignment;
    t.beam.logProb = beam;
    t.beam.targetTokens = {QStringLiteral("貓")};
    return t;
}

CorruptionShown sample(bool span, const QStringList &original, const QStringList &input, const QStringList &target)
{
    CorruptionShown c;
    c.spanCorruption = span;
    c.original = original;
    c.input = input;
    c.target = target;
    c.targetSpan = QVector<int>(target.size(), -1);
    if (span && !target.isEmpty())
        c.targetSpan[0] = 0;
    return c;
}

} // namespace

class TestLessonTasks final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void maskedWords()
    {
        QVERIFY(judgeMaskedWordsLearnt(pretraining("bert", PairObjective::None, 0.01, 0.2, NAN, NAN, 1), 0.1).passed);
        // An encoder that learnt nothing, or a run without scores.
        QVERIFY(!judgeMaskedWordsLearnt(pretraining("bert", PairObjective::None, 0.01, 0.02, NAN, NAN, 1), 0.1).passed);
        QVERIFY(!judgeMaskedWordsLearnt(LessonPretraining{}, 0.0).passed);
    }

    void pairTasks()
    {
        auto nsp = pretraining("bert", PairObjective::NextSentence, 0, 0.2, 0.6, 0.48, 1);
        auto sop = pretraining("bert", PairObjective::SentenceOrder, 0, 0.2, 0.62, 0.55, 1);
        nsp.topicRule = 0.8;
        sop.topicRule = 0.5;
        QVERIFY(judgeTopicSolvesNsp(nsp, sop, 0.15).passed);
        QVERIFY(!judgeTopicSolvesNsp(sop, nsp, 0.0).passed); // the runs the wrong way round
        QVERIFY(judgeSopHeadReadsOrder(sop, nsp, 0.05).passed);
        // An SOP head no better at order than the NSP head; a rule that reads both tasks alike.
        QVERIFY(!judgeSopHeadReadsOrder(pretraining("bert", PairObjective::SentenceOrder, 0, 0.2, 0.49, 0.5, 1), nsp, 0.05).passed);
        sop.topicRule = 0.78;
        QVERIFY(!judgeTopicSolvesNsp(nsp, sop, 0.15).passed);
        sop.topicRule = std::numeric_limits<double>::quiet_NaN();
        QVERIFY(!judgeTopicSolvesNsp(nsp, sop, 0.0).passed);
    }

    // The topic rule on hand-made pairs: [CLS] A [SEP] B [SEP], types 0 then 1.
    void topicRule()
    {
        const std::int32_t cls = 1, sep = 2, pad = 0;
        lm::TokenBatch b;
        b.batch = 4;
        b.time = 8;
        // Rows 0 and 1 belong together (label 0) and share words; rows 2 and 3 do not (label 1).
        const std::vector<std::vector<std::int32_t>> rows{{cls, 10, 11, sep, 10, 11, sep, pad},
                                                          {cls, 12, 13, sep, 13, 12, sep, pad},
                                                          {cls, 10, 11, sep, 20, 21, sep, pad},
                                                          {cls, 12, 13, sep, 22, 23, sep, pad}};
        for (const auto &r : rows) {
            b.inputs.insert(b.inputs.end(), r.begin(), r.end());
            b.tokenTypes.insert(b.tokenTypes.end(), {0, 0, 0, 0, 1, 1, 1, 1});
            b.targets.insert(b.targets.end(), 8, lm::TokenBatch::kIgnore);
        }
        b.labels = {0, 0, 1, 1};
        const std::vector<std::int32_t> ignored{pad, cls, sep};
        QCOMPARE(topicRuleAccuracy(b, ignored), 1.0);
        // A masked word is read back from its target: masking row 0's shared word changes nothing.
        b.inputs[4] = 99;
        b.targets[4] = 10;
        QCOMPARE(topicRuleAccuracy(b, ignored), 1.0);
        // Labels that do not follow the overlap (a swap keeps every word): the rule is at chance.
        b.labels = {0, 1, 0, 1};
        QCOMPARE(topicRuleAccuracy(b, ignored), 0.5);
        b.labels.clear();
        QVERIFY(std::isnan(topicRuleAccuracy(b, ignored)));
    }

    void parameters()
    {
        const auto albert = pretraining("albert", PairObjective::None, 0, 0.1, NAN, NAN, 100);
        const auto bert = pretraining("bert", PairObjective::None, 0, 0.1, NAN, NAN, 270);
        QVERIFY(judgeFewerParameters(albert, bert, 0.7).passed);
        QVERIFY(!judgeFewerParameters(bert, albert, 0.7).passed);
        // Sharing layers that saves a little only.
        QVERIFY(!judgeFewerParameters(pretraining("albert", PairObjective::None, 0, 0.1, NAN, NAN, 250), bert, 0.7).passed);
    }

    void pretrainedAgainstScratch()
    {
        QVERIFY(judgePretrainedBeatsScratch(finetuning(0.9, 0.8), 0.05, 0.85).passed);
        QVERIFY(!judgePretrainedBeatsScratch(finetuning(0.7, 0.72), 0.0, 0.0).passed); // pre-training did not help
        QVERIFY(!judgePretrainedBeatsScratch(finetuning(0.6, 0.5), 0.05, 0.85).passed);  // too weak to count
        LessonFinetuning alone = finetuning(0.9, 0.8);
        alone.runs.removeLast(); // nothing to compare with
        QVERIFY(!judgePretrainedBeatsScratch(alone, 0.0, 0.0).passed);
    }

    void contextualVectors()
    {
        QVERIFY(judgeContextualDiffers(contextual({1, 0.6f, 0.6f, 1}, true), 0.95).passed);
        // One vector copied into every sentence, or no static vector to set it against.
        QVERIFY(!judgeContextualDiffers(contextual({1, 1, 1, 1}, true), 0.95).passed);
        QVERIFY(!judgeContextualDiffers(contextual({1, 0.6f, 0.6f, 1}, false), 0.95).passed);
        QVERIFY(!judgeContextualDiffers(contextual({1}, true), 0.95).passed);
    }

    void retrieval()
    {
        LessonRetrieval r;
        r.ready.scores = {{QStringLiteral("encoder"), 0.9, 0.99, 0.9}, {QStringLiteral("word2vec"), 0.3, 0.5, 0.4}};
        QVERIFY(judgeRetrieval(r, QStringLiteral("encoder"), QStringLiteral("word2vec"), 5).passed);
        QVERIFY(!judgeRetrieval(r, QStringLiteral("word2vec"), QStringLiteral("encoder"), 1).passed);
        QVERIFY(!judgeRetrieval(r, QStringLiteral("encoder"), QStringLiteral("tfidf"), 5).passed); // not scored
    }

    void translationChecks()
    {
        const QVector<QVector<float>> peaked{{0.7f, 0.1f, 0.1f, 0.1f}, {0.1f, 0.8f, 0.05f, 0.05f}};
        const QVector<QVector<float>> flat{{0.25f, 0.25f, 0.25f, 0.25f}, {0.25f, 0.25f, 0.25f, 0.25f}};
        const QVector<QVector<float>> unnormalised{{0.7f, 0.7f, 0.1f, 0.1f}};
        QVERIFY(judgeBeamAtLeastGreedy(translation(-7.0, -6.5, peaked)).passed);
        QVERIFY(judgeBeamAtLeastGreedy(translation(-7.0, -7.0, peaked)).passed);
        QVERIFY(!judgeBeamAtLeastGreedy(translation(-7.0, -7.5, peaked)).passed);
        QVERIFY(judgeCrossAttentionAligns(translation(0, 0, peaked), 2.0).passed);
        QVERIFY(!judgeCrossAttentionAligns(translation(0, 0, flat), 2.0).passed);
        QVERIFY(!judgeCrossAttentionAligns(translation(0, 0, unnormalised), 1.0).passed);
        LessonTranslation t = translation(0, 0, peaked);
        t.ready.chrF = 40;
        t.ready.scratchChrF = 30;
        QVERIFY(judgeTranslationPretraining(t, 5).passed);
        t.ready.scratchChrF = 38;
        QVERIFY(!judgeTranslationPretraining(t, 5).passed);
        t.ready.scratchChrF = -1; // not compared
        QVERIFY(!judgeTranslationPretraining(t, 0).passed);
    }

    void corruption()
    {
        const QStringList original{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")};
        const QStringList s0{QStringLiteral("<extra_id_0>")}, m{QStringLiteral("<mask>")};
        LessonCorruption sound;
        const QString a = QStringLiteral("a"), b = QStringLiteral("b"), c = QStringLiteral("c"), d = QStringLiteral("d");
        sound.shown = {sample(true, original, QStringList{a} + s0 + QStringList{d}, s0 + QStringList{b, c}),
                       sample(false, original, QStringList{a} + m + QStringList{d}, original)};
        QVERIFY(judgeCorruptionKinds(sound).passed);
        // BART's target that drops the kept tokens, T5's target that is the whole text, one family only.
        LessonCorruption broken = sound;
        broken.shown[1].target = QStringList{b, c};
        QVERIFY(!judgeCorruptionKinds(broken).passed);
        broken = sound;
        broken.shown[0].target = original;
        QVERIFY(!judgeCorruptionKinds(broken).passed);
        broken.shown = {sound.shown[0]};
        QVERIFY(!judgeCorruptionKinds(broken).passed);
    }

    // Every new action and check once, end to end through the tabs' workers, at toy sizes.
    void tinyLessonRunsEveryAction()
    {
        const char *json = R"({"schema": 1, "id": "tiny", "title": {"zh-TW": "小", "en": "tiny"},
          "summary": {"zh-TW": "小", "en": "tiny"}, "steps": [
          {"title": {"zh-TW": "一", "en": "one"}, "text": {"zh-TW": "一", "en": "one"},
           "actions": [{"do": "pretrain", "arch": "bert", "objective": "mlm,nsp", "dim": 16, "layers": 1, "heads": 2,
                        "steps": 3, "seq": 32, "batch": 4, "vocab_size": 300},
                       {"do": "pretrain", "arch": "albert", "objective": "mlm,sop", "dim": 16, "layers": 1, "heads": 2,
                        "embedding_dim": 8, "steps": 3, "seq": 32, "batch": 4, "vocab_size": 300},
                       {"do": "finetune", "task": "ner", "steps": 2, "examples": 16},
                       {"do": "corpus", "spec": "builtin:en"},
                       {"do": "embed", "method": "skipgram", "dim": 8, "epochs": 1},
                       {"do": "contextual", "word": "letter", "sentences": ["a letter came", "the letter A"]},
                       {"do": "corrupt", "archs": ["t5", "bart"]}],
           "checks": [{"expect": "fewer_parameters", "arch": "albert", "than": "bert"},
                      {"expect": "corruption_kinds"}]}]})";
        auto lesson = parseLesson(json, "tiny");
        QVERIFY2(lesson.ok(), lesson.ok() ? "" : lesson.error().c_str());
        LessonSession session;
        const StepOutcome out = session.runStep(lesson.value().steps.front());
        QVERIFY2(out.error.empty(), out.error.c_str());
        QCOMPARE(int(out.checks.size()), 2);
        QVERIFY2(out.checks[0].passed, out.checks[0].message.en.c_str());
        QVERIFY2(out.checks[1].passed, out.checks[1].message.en.c_str());
        const LessonResults &r = session.results();
        QCOMPARE(int(r.pretrainings.size()), 2);
        QCOMPARE(r.pretrainings[1]->request.pair, PairObjective::SentenceOrder);
        QVERIFY(r.pretrainings[0]->scores.size() >= 2);
        QVERIFY(r.finetuning && r.finetuning->runs.size() == 2);
        QVERIFY(r.contextual && r.contextual->result.vectors.size() == 2);
        QVERIFY(r.corruption && r.corruption->shown.size() == 2);
        QCOMPARE(session.selection().view, std::string("translation"));
    }

    void badActionsAreRefused()
    {
        const auto step = [](const char *action) {
            return std::string(R"({"schema": 1, "id": "x", "title": {"zh-TW": "x", "en": "x"}, "summary": {"zh-TW": "x", "en": "x"},
              "steps": [{"title": {"zh-TW": "x", "en": "x"}, "text": {"zh-TW": "x", "en": "x"}, "actions": [)") + action + "]}]}";
        };
        const auto error = [&](const char *action) {
            auto l = parseLesson(step(action), "x.json");
            return l.ok() ? std::string() : l.error();
        };
        QVERIFY(error(R"({"do": "pretrain", "arch": "gpt", "steps": 10})").find("'arch'") != std::string::npos);
        QVERIFY(error(R"({"do": "pretrain", "arch": "bert"})").find("'steps' is missing") != std::string::npos);
        QVERIFY(error(R"({"do": "finetune", "task": "poetry"})").find("'task'") != std::string::npos);
        QVERIFY(error(R"({"do": "contextual", "word": "a", "sentences": ["one"]})").find("'sentences'") != std::string::npos);
        QVERIFY(error(R"({"do": "corrupt", "archs": ["gpt"]})").find("'archs'") != std::string::npos);
        QVERIFY(error(R"({"do": "translate", "beam": 1})").find("'beam'") != std::string::npos);
        QVERIFY(error(R"({"do": "retrieve", "language": "fr"})").find("'language'") != std::string::npos);
        QVERIFY(error(R"({"do": "pretrain", "arch": "bert", "steps": 5})").empty());
    }
};

QTEST_MAIN(TestLessonTasks)
#include "tst_lessontasks.moc"
