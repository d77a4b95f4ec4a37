#include "views/finetuneresults.h"

#include "plots/confusionplot.h"
#include "views/tokenchips.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QTableWidget *makeTable(const QStringList &headers)
{
    auto *t = new QTableWidget(0, int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QTableWidgetItem *numberItem(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString percent(double share) { return QLocale().toString(100.0 * share, 'f', 1) + QStringLiteral(" %"); }

QString entityType(const QString &tag) { return tag.size() > 2 && tag[1] == QLatin1Char('-') ? tag.mid(2) : QString(); }

} // namespace

QColor FinetuneResults::entityColour(const QString &tag)
{
    const QString type = entityType(tag);
    if (type.isEmpty())
        return QColor(255, 255, 255);
    static const QColor colours[] = {QColor(174, 199, 232), QColor(152, 223, 138), QColor(255, 187, 120),
                                     QColor(197, 176, 213), QColor(255, 152, 150), QColor(219, 219, 141)};
    static const QStringList known{QStringLiteral("PER"), QStringLiteral("LOC"), QStringLiteral("ORG"), QStringLiteral("DATE")};
    const qsizetype i = known.indexOf(type);
    return colours[(i >= 0 ? std::size_t(i) : qHash(type)) % std::size(colours)];
}

FinetuneResults::FinetuneResults(QObject *parent)
    : QObject(parent), m_summary(new QStackedWidget), m_detail(new QStackedWidget)
{
    m_confusion = new ConfusionPlot(m_summary);
    m_confusion->setObjectName(QStringLiteral("confusion"));
    m_entities = makeTable({tr("Entity type"), tr("Precision"), tr("Recall"), tr("F1"), tr("Gold entities")});
    m_summary->addWidget(m_confusion);
    m_summary->addWidget(m_entities);

    auto *classify = new QWidget(m_detail);
    auto *row = new QHBoxLayout(classify);
    row->setContentsMargins(0, 0, 0, 0);
    m_classes = makeTable({tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Examples")});
    m_wrong = makeTable({tr("Text"), tr("Gold"), tr("Predicted"), tr("Confidence")});
    m_wrong->horizontalHeader()->setStretchLastSection(false);
    m_wrong->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_wrong->setWordWrap(false);
    auto *wrongBox = new QVBoxLayout;
    wrongBox->addWidget(new QLabel(tr("Wrong examples, most confident first"), classify));
    wrongBox->addWidget(m_wrong);
    auto *classBox = new QVBoxLayout;
    classBox->addWidget(new QLabel(tr("Per class"), classify));
    classBox->addWidget(m_classes);
    row->addLayout(classBox, 2);
    row->addLayout(wrongBox, 3);
    m_detail->addWidget(classify);

    auto *scroll = new QScrollArea(m_detail);
    scroll->setWidgetResizable(true);
    m_sentences = new QWidget(scroll);
    new QVBoxLayout(m_sentences);
    scroll->setWidget(m_sentences);
    m_detail->addWidget(scroll);
}

FinetuneResults::~FinetuneResults()
{
    // The panels belong to whatever layout took them; delete them only if none did.
    if (!m_summary->parent())
        delete m_summary;
    if (!m_detail->parent())
        delete m_detail;
}

QWidget *FinetuneResults::summary() const { return m_summary; }

QWidget *FinetuneResults::detail() const { return m_detail; }

void FinetuneResults::clear()
{
    m_confusion->setCounts({}, {});
    m_entities->setRowCount(0);
    m_classes->setRowCount(0);
    m_wrong->setRowCount(0);
    QLayout *layout = m_sentences->layout();
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void FinetuneResults::showResult(const FinetuneResult &result)
{
    clear();
    const lm::FinetuneReport &r = result.report;
    QStringList labels;
    for (const std::string &l : r.labels)
        labels << QString::fromStdString(l);
    const QLocale loc;
    if (r.kind == lm::FinetuneKind::Classify) {
        m_summary->setCurrentIndex(0);
        m_detail->setCurrentIndex(0);
        const int k = r.confusion.classes();
        QVector<qint64> counts;
        for (int g = 0; g < k; ++g)
            for (int p = 0; p < k; ++p)
                counts << r.confusion.count(g, p);
        QStringList names = labels.mid(0, k);
        while (names.size() < k)
            names << QString::number(names.size());
        m_confusion->setCounts(names, counts);
        m_classes->setRowCount(k);
        for (int c = 0; c < k; ++c) {
            qint64 support = 0;
            for (int p = 0; p < k; ++p)
                support += r.confusion.count(c, p);
            m_classes->setItem(c, 0, new QTableWidgetItem(names[c]));
            m_classes->setItem(c, 1, numberItem(percent(r.confusion.precision(c))));
            m_classes->setItem(c, 2, numberItem(percent(r.confusion.recall(c))));
            m_classes->setItem(c, 3, numberItem(percent(r.confusion.f1(c))));
            m_classes->setItem(c, 4, numberItem(loc.toString(support)));
        }
        m_classes->resizeColumnsToContents();
        m_wrong->setRowCount(int(r.wrong.size()));
        for (int i = 0; i < int(r.wrong.size()); ++i) {
            const lm::WrongExample &w = r.wrong[std::size_t(i)];
            auto *text = new QTableWidgetItem(QString::fromStdString(w.text));
            text->setToolTip(text->text());
            m_wrong->setItem(i, 0, text);
            m_wrong->setItem(i, 1, new QTableWidgetItem(names.value(w.gold)));
            m_wrong->setItem(i, 2, new QTableWidgetItem(names.value(w.predicted)));
            m_wrong->setItem(i, 3, numberItem(percent(w.confidence)));
        }
        m_wrong->resizeColumnToContents(1);
        m_wrong->resizeColumnToContents(2);
        m_wrong->resizeColumnToContents(3);
        return;
    }

    m_summary->setCurrentIndex(1);
    m_detail->setCurrentIndex(1);
    auto addRow = [&](const QString &name, const lm::PrecisionRecall &s, bool bold) {
        const int row = m_entities->rowCount();
        m_entities->insertRow(row);
        auto *item = new QTableWidgetItem(name);
        item->setBackground(entityColour(QStringLiteral("B-") + name));
        QFont f = item->font();
        f.setBold(bold);
        item->setFont(f);
        m_entities->setItem(row, 0, item);
        m_entities->setItem(row, 1, numberItem(percent(s.precision)));
        m_entities->setItem(row, 2, numberItem(percent(s.recall)));
        m_entities->setItem(row, 3, numberItem(percent(s.f1)));
        m_entities->setItem(row, 4, numberItem(loc.toString(qlonglong(s.gold))));
    };
    for (const auto &[type, s] : r.entities.perType)
        addRow(QString::fromStdString(type), s, false);
    addRow(tr("all"), r.entities.overall, true);
    m_entities->item(m_entities->rowCount() - 1, 0)->setBackground(QColor(240, 240, 240));
    m_entities->resizeColumnsToContents();

    QLayout *layout = m_sentences->layout();
    for (qsizetype s = 0; s < result.testWords.size(); ++s) {
        auto *chips = new TokenChips(m_sentences);
        chips->setClickable(false);
        QList<TokenChip> list;
        const QStringList &words = result.testWords[s];
        for (qsizetype w = 0; w < words.size(); ++w) {
            const QString predicted = result.testPredictedTags.value(s).value(w, QStringLiteral("O"));
            const QString gold = result.testGoldTags.value(s).value(w, QStringLiteral("O"));
            TokenChip c;
            c.text = words[w];
            c.caption = predicted == QStringLiteral("O") ? QString() : predicted;
            c.background = entityColour(predicted);
            if (predicted != gold) {
                c.border = QColor(220, 30, 30);
                c.toolTip = tr("The model: %1; the data: %2").arg(predicted, gold);
            }
            list << c;
        }
        chips->setChips(list);
        layout->addWidget(chips);
    }
    static_cast<QVBoxLayout *>(layout)->addStretch();
}
