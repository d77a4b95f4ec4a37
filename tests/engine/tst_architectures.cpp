// The architecture table: every family builds from its defaults, its parameter count is exact,
// its options are checked at the table, and every name and option is listed once.
#include "inspect/memorymodel.h"
#include "models/architecture.h"

#include <cmath>
#include <string>

#include <QtTest>

#include <set>

using namespace lm;

class TestArchitectures final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void namesAreUniqueAndDescribed()
    {
        std::set<std::string> names;
        QVERIFY(architectures().size() >= 6);
        for (const Architecture *a : architectures()) {
            QVERIFY2(names.insert(a->name).second, a->name.c_str());
            QVERIFY(!a->displayName.en.empty() && !a->displayName.zhTW.empty());
            QVERIFY(!a->summary.en.empty() && !a->summary.zhTW.empty());
            QVERIFY(!a->objectives.empty());
            QVERIFY(a->makeConfig && a->create && a->parameterCount);
            std::set<std::string> options;
            for (const ArchOption &o : a->options) {
                QVERIFY2(options.insert(o.name).second, o.name.c_str());
                QVERIFY2(o.check(o.defaultValue).ok(), (a->name + "." + o.name).c_str()); // defaults obey the ranges
                QVERIFY(!o.label.en.empty() && !o.label.zhTW.empty() && !o.help.en.empty() && !o.help.zhTW.empty());
            }
            QCOMPARE(findArchitecture(a->name), a);
        }
        QCOMPARE(findArchitecture("no-such-family"), nullptr);
    }

    // Each family from its defaults: the count the table predicts without building is exactly
    // what the built model holds, and the model answers with its own name.
    void defaultsBuildAndCountExactly()
    {
        for (const Architecture *a : architectures()) {
            auto config = a->configFor(nlohmann::json::object(), 40, 16);
            QVERIFY2(config.ok(), config.ok() ? "" : config.error().c_str());
            auto model = a->create(config.value(), 3);
            QVERIFY2(model.ok(), model.ok() ? "" : model.error().c_str());
            QCOMPARE(model.value()->arch(), a->name);
            QCOMPARE(a->parameterCount(config.value()).value(), model.value()->parameterCount());
            QCOMPARE(parameterCount(model.value()->config()).value(), model.value()->parameterCount());
        }
    }

    void optionsAreCheckedAtTheTable()
    {
        const Architecture *lstm = findArchitecture("lstm");
        QVERIFY(lstm);
        auto r = lstm->resolveOptions({{"hidden", 0}});
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error()), QStringLiteral("hidden must be an integer between 1 and 4096, got 0"));
        r = lstm->resolveOptions({{"norm", "rmsnorm"}});
        QCOMPARE(QString::fromStdString(r.error()), QStringLiteral("norm does not apply to lstm"));
        const Architecture *llama = findArchitecture("llama");
        r = llama->resolveOptions({{"positions", "spiral"}});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().find("positions must be one of learned, sinusoidal, rope, alibi, none") == 0, r.error().c_str());
        r = llama->resolveOptions({{"dropout", 1}}); // an integer where a real is expected is fine, out of range is not
        QVERIFY(!r.ok());
        r = llama->resolveOptions({{"dropout", 0}, {"tied_head", true}, {"norm", "layernorm"}});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().c_str());
        const nlohmann::json config = llama->makeConfig(r.value(), 50, 8).value();
        QCOMPARE(config["norm"].get<std::string>(), std::string("layernorm"));
        QCOMPARE(config["tied_head"].get<bool>(), true);
        // The structure the options chose is the model built: a tied head has no lm_head.
        auto model = llama->create(config, 1).value();
        for (const auto &p : model->parameters())
            QVERIFY2(p.name != "lm_head.weight", p.name.c_str());
    }

    // The memory lab, the calculator and the CLI read the table.
    void memoryAndReferenceConfigsComeFromTheTable()
    {
        for (const std::string &name : memoryLabArchitectures()) {
            QVERIFY(findArchitecture(name)->memory);
            auto config = labModelConfig({name, 32, 1, 4, false}, 64);
            QVERIFY2(config.ok(), config.ok() ? "" : config.error().c_str());
            QVERIFY(predictMemory(config.value(), MemoryMode::Train, 2, 64).ok());
        }
        QVERIFY(!labModelConfig({"mlp", 32, 1, 4, false}, 64).ok()); // no memory formula
        QVERIFY(!memoryLabDefaultArchitectures().empty());
        QVERIFY(referenceConfigs().size() >= 4);
        // Real models: the count a name gives ("BERT-base (110M)") within 10 %, else over 100M.
        for (const NamedConfig &c : referenceConfigs()) {
            const double count = static_cast<double>(parameterCount(c.config).value());
            const auto open = c.name.find('('), millions = c.name.find("M)");
            if (open != std::string::npos && millions != std::string::npos)
                QVERIFY2(std::abs(count / (std::stod(c.name.substr(open + 1)) * 1e6) - 1.0) < 0.10,
                         qPrintable(QString::fromStdString(c.name) + QStringLiteral(": %1").arg(count)));
            else
                QVERIFY2(count > 100'000'000, c.name.c_str());
        }
    }

    void tableAsJson()
    {
        const nlohmann::json table = architecturesJson();
        QCOMPARE(table.size(), architectures().size());
        for (std::size_t i = 0; i < table.size(); ++i) {
            const Architecture &a = *architectures()[i];
            QCOMPARE(table[i]["name"].get<std::string>(), a.name);
            QCOMPARE(table[i]["options"].size(), a.options.size());
            QCOMPARE(table[i]["objectives"][0].get<std::string>(), objectiveName(a.objectives.front()));
            for (const auto &o : table[i]["options"])
                QVERIFY(o.contains("default") && o.contains("help") && o["flag"].get<std::string>().rfind("--", 0) == 0);
        }
        QVERIFY(architectureForHuggingFace("gpt2"));
        QCOMPARE(architectureForHuggingFace("t6"), nullptr);
    }
};

QTEST_APPLESS_MAIN(TestArchitectures)
#include "tst_architectures.moc"
