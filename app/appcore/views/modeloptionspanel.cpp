#include "views/modeloptionspanel.h"

#include "base/application.h"
#include "base/spinbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <climits>

namespace {

QString local(const lm::LocalText &text) { return QString::fromStdString(text.in(currentLanguage().toStdString())); }

const char *const kOptionProperty = "lmscopeOption";

} // namespace

ModelOptionsPanel::ModelOptionsPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_picker = new QComboBox(this);
    m_picker->setObjectName(QStringLiteral("architecture"));
    m_pages = new QStackedWidget(this);
    for (const lm::Architecture *a : lm::architectures()) {
        m_picker->addItem(local(a->displayName), QString::fromStdString(a->name));
        m_picker->setItemData(m_picker->count() - 1, local(a->summary), Qt::ToolTipRole);
        m_pages->addWidget(makePage(*a));
    }
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("parameterCount"));
    layout->addWidget(m_picker);
    layout->addWidget(m_pages);
    layout->addWidget(m_count);
    m_families = new QLabel(this);
    m_families->setObjectName(QStringLiteral("familyCounts"));
    m_families->setWordWrap(true);
    m_families->setTextFormat(Qt::RichText);
    layout->addWidget(m_families);
    connect(m_picker, &QComboBox::currentIndexChanged, this, [this](int index) {
        showPage(index);
        updateCount();
        Q_EMIT changed();
    });
    showPage(0);
    updateCount();
}

// Only the shown page counts for the panel's height, so a family with three options does not
// leave the room of one with thirteen.
void ModelOptionsPanel::showPage(int index)
{
    for (int i = 0; i < m_pages->count(); ++i)
        m_pages->widget(i)->setSizePolicy(QSizePolicy::Preferred, i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    m_pages->setCurrentIndex(index);
    m_pages->adjustSize();
}

QWidget *ModelOptionsPanel::makePage(const lm::Architecture &arch)
{
    auto *page = new QWidget(m_pages);
    auto *form = new QFormLayout(page);
    form->setContentsMargins(0, 0, 0, 0);
    for (const lm::ArchOption &o : arch.options) {
        QWidget *w = nullptr;
        switch (o.type) {
        case lm::OptionType::Integer: {
            auto *s = spinBox(static_cast<int>(std::max<double>(o.min, INT_MIN)), static_cast<int>(std::min<double>(o.max, INT_MAX)),
                              o.defaultValue.get<int>(), page);
            connect(s, &QSpinBox::valueChanged, this, [this] { updateCount(); Q_EMIT changed(); });
            w = s;
            break;
        }
        case lm::OptionType::Real: {
            auto *s = new QDoubleSpinBox(page);
            s->setDecimals(3);
            s->setRange(o.min, o.max);
            s->setSingleStep((o.max - o.min) / 100.0);
            s->setValue(o.defaultValue.get<double>());
            connect(s, &QDoubleSpinBox::valueChanged, this, [this] { updateCount(); Q_EMIT changed(); });
            w = s;
            break;
        }
        case lm::OptionType::Flag: {
            auto *c = new QCheckBox(page);
            c->setChecked(o.defaultValue.get<bool>());
            connect(c, &QCheckBox::toggled, this, [this] { updateCount(); Q_EMIT changed(); });
            w = c;
            break;
        }
        case lm::OptionType::Choice: {
            auto *c = new QComboBox(page);
            for (const std::string &choice : o.choices)
                c->addItem(QString::fromStdString(choice), QString::fromStdString(choice));
            c->setCurrentIndex(c->findData(QString::fromStdString(o.defaultValue.get<std::string>())));
            connect(c, &QComboBox::currentIndexChanged, this, [this] { updateCount(); Q_EMIT changed(); });
            w = c;
            break;
        }
        }
        w->setObjectName(QString::fromStdString(o.name));
        w->setProperty(kOptionProperty, QString::fromStdString(o.name));
        w->setToolTip(local(o.help));
        form->addRow(local(o.label), w);
    }
    return page;
}

const lm::Architecture &ModelOptionsPanel::architecture() const
{
    return *lm::architectures().at(static_cast<std::size_t>(std::max(0, m_picker->currentIndex())));
}

QString ModelOptionsPanel::architectureName() const { return QString::fromStdString(architecture().name); }

bool ModelOptionsPanel::setArchitecture(const QString &name)
{
    const int index = m_picker->findData(name);
    if (index < 0)
        return false;
    m_picker->setCurrentIndex(index);
    return true;
}

QWidget *ModelOptionsPanel::field(const QString &name) const
{
    QWidget *page = m_pages->currentWidget();
    return page ? page->findChild<QWidget *>(name, Qt::FindDirectChildrenOnly) : nullptr;
}

nlohmann::json ModelOptionsPanel::values() const
{
    nlohmann::json values = nlohmann::json::object();
    for (const lm::ArchOption &o : architecture().options) {
        QWidget *w = field(QString::fromStdString(o.name));
        if (auto *s = qobject_cast<QSpinBox *>(w))
            values[o.name] = s->value();
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
            values[o.name] = d->value();
        else if (auto *c = qobject_cast<QCheckBox *>(w))
            values[o.name] = c->isChecked();
        else if (auto *b = qobject_cast<QComboBox *>(w))
            values[o.name] = b->currentData().toString().toStdString();
    }
    return values;
}

void ModelOptionsPanel::setValues(const nlohmann::json &values)
{
    if (!values.is_object())
        return;
    const lm::Architecture &arch = architecture();
    for (const auto &item : values.items()) {
        const lm::ArchOption *o = arch.option(item.key());
        if (!o || !o->check(item.value()))
            continue;
        QWidget *w = field(QString::fromStdString(o->name));
        if (auto *s = qobject_cast<QSpinBox *>(w))
            s->setValue(item.value().get<int>());
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
            d->setValue(item.value().get<double>());
        else if (auto *c = qobject_cast<QCheckBox *>(w))
            c->setChecked(item.value().get<bool>());
        else if (auto *b = qobject_cast<QComboBox *>(w))
            b->setCurrentIndex(b->findData(QString::fromStdString(item.value().get<std::string>())));
    }
    updateCount();
}

void ModelOptionsPanel::setCountAssumptions(int vocabSize, int seq)
{
    m_vocabSize = std::max(2, vocabSize);
    m_seq = std::max(1, seq);
    updateCount();
}

QString ModelOptionsPanel::parameterText() const { return m_count->text(); }

QString ModelOptionsPanel::familyComparisonText() const { return m_families->text(); }

void ModelOptionsPanel::updateFamilyCounts()
{
    m_familyCounts.clear();
    const lm::Architecture &shown = architecture();
    if (shown.traits.direction != lm::Direction::Bidirectional) {
        m_families->hide();
        m_families->clear();
        return;
    }
    const nlohmann::json current = values();
    const lm::Architecture *factorised = nullptr;
    int embedding = 0;
    for (const lm::Architecture *a : lm::architectures()) {
        if (a->traits.direction != lm::Direction::Bidirectional)
            continue;
        nlohmann::json given = nlohmann::json::object();
        for (const lm::ArchOption &o : a->options)
            if (current.contains(o.name) && o.check(current[o.name]).ok())
                given[o.name] = current[o.name];
        const lm::ArchOption *e = a->option("embedding_dim");
        if (e && current.contains("dim")) { // an embedding no wider than the model
            const int width = current["dim"].get<int>();
            const int value = given.contains(e->name) ? given[e->name].get<int>() : e->defaultValue.get<int>();
            given[e->name] = std::min(value, width);
        }
        auto config = a->configFor(given, m_vocabSize, m_seq);
        auto count = config ? a->parameterCount(config.value()) : lm::Result<std::int64_t>(lm::Error{config.error()});
        if (!count)
            continue;
        m_familyCounts.push_back({QString::fromStdString(a->name), local(a->displayName), count.value()});
        if (e) {
            factorised = a;
            embedding = given[e->name].get<int>();
        }
    }
    if (m_familyCounts.size() < 2) {
        m_families->hide();
        m_families->clear();
        return;
    }
    QStringList parts;
    for (const FamilyCount &f : std::as_const(m_familyCounts))
        parts << tr("%1: <b>%2</b>").arg(f.displayName.toHtmlEscaped(), QLocale().toString(f.parameters));
    QString text = tr("Same width, layers and heads: %1.").arg(parts.join(QStringLiteral(" · ")));
    if (factorised)
        text += QLatin1Char(' ') +
                tr("%1 saves by factorising the embeddings (V×E + E×H numbers instead of V×H, here E = %2, H = %3) "
                   "and by sharing one layer's weights across all %4 layers.")
                    .arg(local(factorised->displayName).toHtmlEscaped())
                    .arg(embedding)
                    .arg(current.value("dim", 0))
                    .arg(current.value("layers", 0));
    m_families->setText(text);
    m_families->show();
}

void ModelOptionsPanel::updateCount()
{
    updateFamilyCounts();
    const lm::Architecture &arch = architecture();
    auto config = arch.configFor(values(), m_vocabSize, m_seq);
    auto count = config ? arch.parameterCount(config.value()) : lm::Result<std::int64_t>(lm::Error{config.error()});
    if (!count) {
        m_count->setText(QString::fromStdString(count.error()));
        m_count->setStyleSheet(QStringLiteral("color: #b00020"));
        return;
    }
    m_count->setStyleSheet(QString());
    m_count->setText(tr("%1 parameters (vocabulary %2)")
                         .arg(QLocale().toString(static_cast<qlonglong>(count.value())))
                         .arg(m_vocabSize));
}
