// The GUI's model picker and options panel show exactly the families and options of the
// architecture table: a field per option with the table's type, range and default, and the
// exact parameter count of the chosen model.
#include "appcore/views/modeloptionspanel.h"
#include "appcore/window/mainwindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>
#include <QtTest>

class TestModelOptionsPanel final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("LMScopeTest"));
    }

    void pickerWalksTheTable()
    {
        ModelOptionsPanel panel;
        QComboBox *picker = panel.picker();
        QCOMPARE(std::size_t(picker->count()), lm::architectures().size());
        for (int i = 0; i < picker->count(); ++i) {
            const lm::Architecture &a = *lm::architectures()[std::size_t(i)];
            QCOMPARE(picker->itemData(i).toString(), QString::fromStdString(a.name));
            QCOMPARE(picker->itemText(i), QString::fromStdString(a.displayName.en));
            picker->setCurrentIndex(i);
            QCOMPARE(&panel.architecture(), &a);
            for (const lm::ArchOption &o : a.options) {
                QWidget *w = panel.field(QString::fromStdString(o.name));
                QVERIFY2(w, (a.name + "." + o.name).c_str());
                QCOMPARE(w->toolTip(), QString::fromStdString(o.help.en));
                switch (o.type) {
                case lm::OptionType::Integer: {
                    auto *s = qobject_cast<QSpinBox *>(w);
                    QVERIFY(s);
                    QCOMPARE(double(s->minimum()), o.min);
                    QCOMPARE(double(s->maximum()), o.max);
                    break;
                }
                case lm::OptionType::Real: QVERIFY(qobject_cast<QDoubleSpinBox *>(w)); break;
                case lm::OptionType::Flag: QVERIFY(qobject_cast<QCheckBox *>(w)); break;
                case lm::OptionType::Choice: {
                    auto *c = qobject_cast<QComboBox *>(w);
                    QVERIFY(c);
                    QCOMPARE(std::size_t(c->count()), o.choices.size());
                    break;
                }
                }
            }
            // Every field starts at the table's default, and nothing else is offered.
            QCOMPARE(panel.values(), a.defaults());
            const int fields = int(panel.findChildren<QWidget *>(QString(), Qt::FindChildrenRecursively).size());
            QVERIFY(fields > 0);
        }
    }

    void valuesAndCountFollowTheTable()
    {
        ModelOptionsPanel panel;
        QVERIFY(panel.setArchitecture(QStringLiteral("llama")));
        QVERIFY(!panel.setArchitecture(QStringLiteral("no-such-family")));
        QCOMPARE(panel.architectureName(), QStringLiteral("llama"));
        panel.setValues({{"dim", 32}, {"layers", 3}, {"norm", "layernorm"}, {"tied_head", true}, {"heads", 999999}});
        nlohmann::json v = panel.values();
        QCOMPARE(v["dim"].get<int>(), 32);
        QCOMPARE(v["layers"].get<int>(), 3);
        QCOMPARE(v["norm"].get<std::string>(), std::string("layernorm"));
        QCOMPARE(v["tied_head"].get<bool>(), true);
        QCOMPARE(v["heads"].get<int>(), 4); // out of range: skipped
        panel.setCountAssumptions(100, 16);
        const lm::Architecture &a = panel.architecture();
        const std::int64_t n = a.parameterCount(a.configFor(v, 100, 16).value()).value();
        QVERIFY2(panel.parameterText().startsWith(QLocale().toString(qlonglong(n))), qPrintable(panel.parameterText()));
        panel.setValues({{"dim", 30}, {"heads", 4}}); // not a multiple: the panel says so
        QVERIFY2(panel.parameterText().contains(QStringLiteral("must be a multiple of heads")), qPrintable(panel.parameterText()));
    }

    // The main window trains what the panel says.
    void windowRequestCarriesTheOptions()
    {
        MainWindow w;
        w.setArchitecture(QStringLiteral("gru"));
        w.modelOptions()->setValues({{"hidden", 48}, {"layers", 2}});
        const TrainingRequest r = w.currentRequest();
        QCOMPARE(r.model.arch, std::string("gru"));
        QCOMPARE(r.model.options["hidden"].get<int>(), 48);
        QCOMPARE(r.model.options["layers"].get<int>(), 2);
    }
};

QTEST_MAIN(TestModelOptionsPanel)
#include "tst_modeloptionspanel.moc"
