#include "views/maskedbatchview.h"

#include "views/barlist.h"
#include "views/tokenchips.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

#include <cmath>

namespace {
const char *const kCardProperty = "lmscopePosition";
}

QColor MaskedBatchView::roleColour(TokenRole role)
{
    switch (role) {
    case TokenRole::Masked:
        return QColor(255, 213, 79);
    case TokenRole::Replaced:
        return QColor(244, 143, 177);
    case TokenRole::Kept:
        return QColor(165, 214, 167);
    case TokenRole::Special:
        return QColor(214, 214, 214);
    case TokenRole::Ordinary:
        break;
    }
    return QColor(255, 255, 255);
}

QColor MaskedBatchView::segmentColour(int segment) { return segment == 0 ? QColor(66, 133, 244) : QColor(255, 152, 0); }

MaskedBatchView::MaskedBatchView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_header = new QLabel(tr("Start pre-training (or open a model) to see a batch."), this);
    m_header->setWordWrap(true);
    m_newBatch = new QPushButton(tr("New batch"), this);
    m_newBatch->setToolTip(tr("Draw another row from the corpus and show what the model guesses now."));
    m_newBatch->setEnabled(false);
    top->addWidget(m_header, 1);
    top->addWidget(m_newBatch);
    layout->addLayout(top);

    m_chips = new TokenChips(this);
    m_chips->setPlaceholder(tr("No batch yet."));
    layout->addWidget(m_chips);

    m_pair = new QLabel(this);
    m_pair->setWordWrap(true);
    layout->addWidget(m_pair);

    auto *legend = new TokenChips(this);
    legend->setClickable(false);
    QList<TokenChip> items;
    auto add = [&items](const QString &text, const QColor &background, const QColor &bar = QColor()) {
        TokenChip c;
        c.text = text;
        c.background = background;
        c.bar = bar;
        items << c;
    };
    add(tr("[MASK]: hidden, to predict"), roleColour(TokenRole::Masked));
    add(tr("random token: to predict the original"), roleColour(TokenRole::Replaced));
    add(tr("kept, still predicted"), roleColour(TokenRole::Kept));
    add(tr("special token"), roleColour(TokenRole::Special));
    add(tr("segment A"), QColor(255, 255, 255), segmentColour(0));
    add(tr("segment B"), QColor(255, 255, 255), segmentColour(1));
    legend->setChips(items);
    QFont small = legend->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    legend->setFont(small);
    layout->addWidget(legend);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_cardHost = new QWidget(m_scroll);
    m_cardLayout = new QHBoxLayout(m_cardHost);
    m_cardLayout->setContentsMargins(0, 0, 0, 0);
    m_cardLayout->addStretch();
    m_scroll->setWidget(m_cardHost);
    m_scroll->setMinimumHeight(165);
    m_scroll->setMaximumHeight(200);
    layout->addWidget(m_scroll);
    layout->addStretch();

    connect(m_newBatch, &QPushButton::clicked, this, &MaskedBatchView::newBatchRequested);
    connect(m_chips, &TokenChips::chipClicked, this, &MaskedBatchView::selectPosition);
}

void MaskedBatchView::setNewBatchEnabled(bool on) { m_newBatch->setEnabled(on); }

void MaskedBatchView::clear()
{
    m_batch = MaskedBatch{};
    m_chips->setChips({});
    m_pair->clear();
    for (QFrame *card : std::as_const(m_cards))
        delete card;
    m_cards.clear();
}

QString MaskedBatchView::pairText() const
{
    const QLocale loc;
    const bool nsp = m_batch.pair == PairObjective::NextSentence;
    QString truth;
    if (m_batch.pairLabel == 0)
        truth = nsp ? tr("B follows A in its document (is next)") : tr("A and B in their order (in order)");
    else
        truth = nsp ? tr("B comes from another document (random)") : tr("A and B swapped (swapped)");
    QString text = tr("Pair label: %1.").arg(truth);
    if (std::isfinite(m_batch.pairFirstProbability)) {
        const double p = m_batch.pairFirstProbability;
        text += QLatin1Char(' ') + (nsp ? tr("The model: %1 % is next.") : tr("The model: %1 % in order."))
                                       .arg(loc.toString(100.0 * p, 'f', 1));
    }
    return text;
}

void MaskedBatchView::showBatch(const MaskedBatch &batch)
{
    clear();
    m_batch = batch;
    const QLocale loc;
    m_header->setText(tr("One row of the batch after %1 steps: %2 tokens, %3 of them to predict.")
                          .arg(loc.toString(batch.step), loc.toString(batch.tokens.size()),
                               loc.toString(batch.predictions.size())));
    QList<TokenChip> chips;
    const bool pairs = batch.pair != PairObjective::None;
    for (qsizetype i = 0; i < batch.tokens.size(); ++i) {
        const BatchToken &t = batch.tokens[i];
        TokenChip c;
        c.text = t.text;
        c.background = roleColour(t.role);
        c.bold = t.role == TokenRole::Special || t.role == TokenRole::Masked;
        if (pairs)
            c.bar = segmentColour(t.segment);
        c.gapBefore = i > 0 && batch.tokens[i - 1].segment != t.segment;
        switch (t.role) {
        case TokenRole::Masked:
            c.caption = t.original;
            c.toolTip = tr("Hidden behind [MASK]; the model must say “%1”.").arg(t.original);
            break;
        case TokenRole::Replaced:
            c.caption = tr("was: %1").arg(t.original);
            c.toolTip = tr("Replaced by a random token; the model must still say “%1”.").arg(t.original);
            break;
        case TokenRole::Kept:
            c.caption = tr("kept");
            c.toolTip = tr("Left as it was, but the model must still predict it: it cannot trust what it sees.");
            break;
        case TokenRole::Special:
            c.toolTip = tr("A special token: never hidden, never predicted.");
            break;
        case TokenRole::Ordinary:
            break;
        }
        if (pairs)
            c.toolTip += (c.toolTip.isEmpty() ? QString() : QStringLiteral("\n")) +
                         (t.segment == 0 ? tr("Segment A (token type 0)") : tr("Segment B (token type 1)"));
        chips << c;
    }
    m_chips->setChips(chips);
    m_pair->setText(pairs && batch.pairLabel >= 0 ? pairText() : QString());
    m_pair->setVisible(pairs && batch.pairLabel >= 0);

    for (const PredictedPosition &p : batch.predictions) {
        const BatchToken &t = batch.tokens.value(p.position);
        auto *card = new QFrame(m_cardHost);
        card->setFrameShape(QFrame::StyledPanel);
        card->setProperty(kCardProperty, p.position);
        card->setFixedWidth(190);
        card->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Maximum);
        auto *v = new QVBoxLayout(card);
        v->setContentsMargins(6, 4, 6, 4);
        auto *title = new QLabel(tr("#%1 %2 → %3").arg(p.position).arg(t.text, t.original), card);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        title->setStyleSheet(QStringLiteral("background: %1; padding: 1px 3px;").arg(roleColour(t.role).name()));
        v->addWidget(title);
        if (p.guesses.isEmpty()) {
            auto *none = new QLabel(tr("No masked-word head: no guesses."), card);
            none->setWordWrap(true);
            v->addWidget(none);
        } else {
            auto *bars = new BarList(card);
            QList<ShareBar> list;
            for (const TokenGuess &g : p.guesses)
                list << ShareBar{g.text, g.probability, g.text == t.original ? QColor(46, 160, 67) : QColor(66, 133, 244),
                                 g.text == t.original};
            bars->setBars(list);
            v->addWidget(bars);
        }
        v->addStretch();
        m_cardLayout->insertWidget(m_cardLayout->count() - 1, card, 0, Qt::AlignTop);
        m_cards << card;
    }
}

void MaskedBatchView::selectPosition(int tokenIndex)
{
    for (QFrame *card : std::as_const(m_cards)) {
        const bool chosen = card->property(kCardProperty).toInt() == tokenIndex;
        card->setFrameShape(chosen ? QFrame::Box : QFrame::StyledPanel);
        card->setLineWidth(chosen ? 2 : 1);
        if (chosen)
            m_scroll->ensureWidgetVisible(card);
    }
}
