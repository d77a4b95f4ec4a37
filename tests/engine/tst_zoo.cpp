// The zoo (inspect/zoo.h) on a tiny budget: each family at a width near the budget, the quality
// its objective has (next-token loss and perplexity, masked-LM accuracy, translation chrF),
// memory that grows with the training window, generation memory that grows for a KV cache and
// stays flat for a recurrent state, a CSV with one column per measure; errors named.
#include "inspect/zoo.h"

#include <QtTest>

#include <cmath>
#include <sstream>

using namespace lm;

namespace {

ZooRequest tinyRequest()
{
    ZooRequest r;
    std::string text;
    const char *subjects[] = {"the cat", "a dog", "the bird", "my friend", "the teacher"};
    const char *verbs[] = {"sees", "likes", "finds", "helps", "follows"};
    const char *objects[] = {"the mat.", "a ball.", "the tree.", "the river.", "a letter."};
    for (int i = 0; i < 300; ++i)
        text += std::string(subjects[i % 5]) + " " + verbs[(i / 5) % 5] + " " + objects[(i / 25) % 5] + "\n";
    r.text = text;
    for (int i = 0; i < 12; ++i)
        (i < 9 ? r.translationTrain : r.translationTest)
            .push_back({std::string(subjects[i % 5]) + " " + verbs[i % 5] + ".", std::string("甲乙丙").substr(0, 3 * (1 + i % 3))});
    r.families = {"gpt", "rwkv", "lstm", "bert", "t5"};
    r.budgetParams = 20000;
    r.steps = 3;
    r.batch = 2;
    r.seq = 16;
    r.trainLengths = {16, 48};
    r.generationLengths = {16, 48};
    return r;
}

} // namespace

class TestZoo final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void measuresEveryFamily()
    {
        const ZooRequest r = tinyRequest();
        std::vector<std::string> lines;
        auto rows = runZoo(r, [&](const std::string &line) { lines.push_back(line); });
        QVERIFY2(rows.ok(), rows.ok() ? "" : rows.error().c_str());
        QCOMPARE(rows.value().size(), r.families.size());
        QVERIFY(!lines.empty());
        for (std::size_t i = 0; i < r.families.size(); ++i) {
            const ZooRow &row = rows.value()[i];
            QCOMPARE(QString::fromStdString(row.family), QString::fromStdString(r.families[i]));
            QVERIFY2(row.params > r.budgetParams / 4 && row.params < 4 * r.budgetParams, row.family.c_str());
            QVERIFY2(std::isfinite(row.heldOutLoss) && row.heldOutLoss > 0, row.family.c_str());
            QVERIFY(row.tokensPerSecond > 0);
            QCOMPARE(row.trainBytes.size(), std::size_t(2));
            QVERIFY2(row.trainBytes[1] > row.trainBytes[0] && row.trainBytes[0] > 0, row.family.c_str());
        }
        const auto find = [&](const char *family) -> const ZooRow & {
            for (const ZooRow &row : rows.value())
                if (row.family == family)
                    return row;
            return rows.value().front();
        };
        const ZooRow &gpt = find("gpt"), &rwkv = find("rwkv"), &bert = find("bert"), &t5 = find("t5");
        QCOMPARE(QString::fromStdString(gpt.objective), QStringLiteral("causal"));
        QVERIFY(std::abs(gpt.perplexity - std::exp(gpt.heldOutLoss)) < 1e-9 * gpt.perplexity);
        QVERIFY(std::isnan(gpt.mlmAccuracy) && std::isnan(gpt.chrF));
        QCOMPARE(QString::fromStdString(bert.objective), QStringLiteral("mlm"));
        QVERIFY(bert.mlmAccuracy >= 0 && bert.mlmAccuracy <= 1 && std::isnan(bert.perplexity));
        QCOMPARE(bert.generationBytes, (std::vector<std::int64_t>{-1, -1})); // an encoder does not generate
        QCOMPARE(QString::fromStdString(t5.objective), QStringLiteral("translation"));
        QVERIFY(t5.chrF >= 0 && t5.chrF <= 100);
        // A KV cache grows with the length generated; a recurrent state does not.
        QVERIFY(gpt.generationBytes[1] > gpt.generationBytes[0]);
        QVERIFY(rwkv.generationBytes[1] <= rwkv.generationBytes[0] + rwkv.generationBytes[0] / 10);
        QVERIFY(std::isfinite(gpt.generationMsPerToken[0]) && gpt.generationMsPerToken[0] > 0);

        // One CSV column per measure, the same count on every line.
        std::istringstream csv(zooCsv(r, rows.value()));
        std::string header, line;
        std::getline(csv, header);
        QVERIFY(header.find("gen_ms_per_token_48") != std::string::npos);
        const auto commas = [](const std::string &s) { return std::count(s.begin(), s.end(), ','); };
        int count = 0;
        while (std::getline(csv, line)) {
            QCOMPARE(commas(line), commas(header));
            ++count;
        }
        QCOMPARE(count, int(r.families.size()));
    }

    void errorsAreNamed()
    {
        ZooRequest r = tinyRequest();
        r.families = {"gpt", "nosuch"};
        auto rows = runZoo(r);
        QVERIFY(!rows.ok());
        QVERIFY(rows.error().find("unknown family 'nosuch'") != std::string::npos);
        r = tinyRequest();
        r.text = "one line\n";
        rows = runZoo(r);
        QVERIFY(!rows.ok());
        QVERIFY2(rows.error().find("too few lines") != std::string::npos, rows.error().c_str());
        r = tinyRequest();
        r.families = {"t5"};
        r.translationTrain.clear();
        rows = runZoo(r);
        QVERIFY(!rows.ok());
        QVERIFY2(rows.error().find("t5 cannot join the zoo") != std::string::npos, rows.error().c_str());
    }
};

QTEST_APPLESS_MAIN(TestZoo)
#include "tst_zoo.moc"
