#include "views/whylabelpanel.h"

#include "views/barlist.h"
#include "views/finetuneresults.h"
#include "views/tokenchips.h"
#include "workers/finetuneworker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace {

// Red for a push towards the label, blue for a push away, paler the weaker (|v| / max |v|).
QColor salienceColour(double v, double scale)
{
    const double a = scale > 0 ? std::min(1.0, std::abs(v) / scale) : 0.0;
    const QColor end = v >= 0 ? QColor(214, 39, 40) : QColor(31, 119, 180);
    auto mix = [a](int c) { return int(std::lround(255 + a * (c - 255))); };
    return QColor(mix(end.red()), mix(end.green()), mix(end.blue()));
}

} // namespace

WhyLabelPanel::WhyLabelPanel(QWidget *parent) : QGroupBox(tr("Why this label"), parent), m_worker(new FinetuneWorker)
{
    m_thread = startWorkerThread(m_worker, QStringLiteral("explaining labels"), {});
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_text = new QLineEdit(this);
    m_text->setPlaceholderText(tr("Type a sentence…"));
    m_go = new QPushButton(tr("Explain"), this);
    m_method = new QComboBox(this);
    m_method->addItem(tr("gradient × input"), false);
    m_method->addItem(tr("integrated gradients"), true);
    m_method->setToolTip(tr("Gradient × input: how the label's score changes with each token's vector, times that vector. "
                            "Integrated gradients: the same along the way from no input to the sentence; its values add up "
                            "to the score's change."));
    row->addWidget(m_text, 1);
    row->addWidget(m_go);
    row->addWidget(m_method);
    layout->addLayout(row);
    auto *answer = new QHBoxLayout;
    m_bars = new BarList(this);
    m_bars->setToolTip(tr("Click a label to explain it instead."));
    m_answer = new QLabel(tr("Fine-tune a model, then type a sentence."), this);
    m_answer->setWordWrap(true);
    auto *side = new QVBoxLayout;
    side->addWidget(m_answer);
    side->addWidget(m_bars);
    side->addStretch();
    answer->addLayout(side, 2);
    m_tokens = new TokenChips(this);
    m_tokens->setClickable(false);
    answer->addWidget(m_tokens, 3, Qt::AlignTop);
    layout->addLayout(answer);

    auto again = [this] { explain(m_text->text()); };
    connect(m_go, &QPushButton::clicked, this, again);
    connect(m_text, &QLineEdit::returnPressed, this, again);
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] {
        if (m_shown.explained >= 0)
            explain(m_text->text(), m_shown.explained);
    });
    connect(m_bars, &BarList::barClicked, this, [this](int label) { explain(m_text->text(), label); });
    connect(m_worker, &FinetuneWorker::explained, this, [this](const Explanation &e) {
        if (e.generation == m_generation)
            show(e);
    });
}

WhyLabelPanel::~WhyLabelPanel() = default;

void WhyLabelPanel::setModel(const EncoderHandle &model)
{
    m_model = model;
    if (!m_text->text().trimmed().isEmpty())
        explain(m_text->text());
}

QString WhyLabelPanel::text() const { return m_text->text(); }

void WhyLabelPanel::setIntegratedGradients(bool on) { m_method->setCurrentIndex(on ? 1 : 0); }

void WhyLabelPanel::explain(const QString &text, int label)
{
    if (m_text->text() != text)
        m_text->setText(text);
    ExplainRequest r;
    r.model = m_model;
    r.text = text;
    r.integratedGradients = m_method->currentData().toBool();
    r.label = label;
    r.generation = ++m_generation;
    if (!m_model.valid() || text.trimmed().isEmpty()) {
        Explanation none;
        none.generation = r.generation;
        if (!m_model.valid())
            none.error = tr("Fine-tune a model first.");
        show(none);
        return;
    }
    m_answer->setText(tr("Thinking…"));
    QMetaObject::invokeMethod(m_worker, [w = m_worker, r] { w->explain(r); }, Qt::QueuedConnection);
}

void WhyLabelPanel::show(const Explanation &e)
{
    m_shown = e;
    const QLocale loc;
    QList<TokenChip> chips;
    QList<ShareBar> bars;
    if (!e.error.isEmpty()) {
        m_answer->setText(e.error);
    } else if (!e.tags.isEmpty()) {
        m_answer->setText(tr("The tagger's tag for every word (B- begins an entity, I- continues it)."));
        for (qsizetype i = 0; i < e.words.size(); ++i) {
            TokenChip c;
            c.text = e.words[i];
            c.caption = e.tags.value(i);
            c.background = FinetuneResults::entityColour(e.tags.value(i));
            chips << c;
        }
    } else if (e.predicted >= 0) {
        const QString predicted = e.labels.value(e.predicted);
        m_answer->setText(tr("Predicted: <b>%1</b> (%2 %). Colours: how much each token pushed towards <b>%3</b> "
                             "(red) or away from it (blue), by %4.")
                              .arg(predicted.toHtmlEscaped(),
                                   loc.toString(100.0 * e.probabilities.value(e.predicted), 'f', 1),
                                   e.labels.value(e.explained).toHtmlEscaped(),
                                   e.integratedGradients ? tr("integrated gradients") : tr("gradient × input")));
        for (qsizetype k = 0; k < e.probabilities.size(); ++k)
            bars << ShareBar{e.labels.value(k, QString::number(k)), e.probabilities[k],
                             k == e.predicted ? QColor(214, 39, 40) : QColor(150, 150, 150), k == e.explained};
        double scale = 0;
        for (const double v : e.salience)
            scale = std::max(scale, std::abs(v));
        for (qsizetype t = 0; t < e.tokens.size(); ++t) {
            const double v = e.salience.value(t);
            TokenChip c;
            c.text = e.tokens[t];
            c.background = salienceColour(v, scale);
            c.textColour = scale > 0 && std::abs(v) / scale > 0.6 ? QColor(255, 255, 255) : QColor(20, 20, 20);
            c.toolTip = loc.toString(v, 'g', 3);
            chips << c;
        }
    } else {
        m_answer->setText(tr("Type a sentence."));
    }
    m_bars->setBars(bars);
    m_tokens->setChips(chips);
    Q_EMIT explained(e);
}
