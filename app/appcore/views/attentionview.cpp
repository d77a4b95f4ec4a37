#include "views/attentionview.h"

#include "base/languagedefaults.h"
#include "workers/encoderreading.h"

#include "views/headstepview.h"
#include "views/implicitcomparepage.h"
#include "plots/implicitattention.h"
#include "plots/heatmapplot.h"
#include "plots/traceplots.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

AttentionView::AttentionView(QWidget *parent)
    : QWidget(parent), m_text(new QLineEdit(sampleSentence(), this)),
      m_note(new QLabel(this)), m_grid(new QGridLayout), m_gridHost(new QWidget(this)), m_head(new HeatmapPlot(this)),
      m_token(new QComboBox(this)), m_shaded(new QLabel(this)), m_entropy(new QTableWidget(this)),
      m_steps(new HeadStepView(this))
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_modes = new QTabWidget(this);
    outer->addWidget(m_modes);
    auto *thisModel = new QWidget(m_modes);
    m_modes->addTab(thisModel, tr("This model"));
    m_compare = new ImplicitComparePage(m_modes);
    m_modes->addTab(m_compare, tr("Implicit attention vs a Transformer"));
    auto *layout = new QVBoxLayout(thisModel);
    auto *row = new QHBoxLayout;
    auto *trace = new QPushButton(tr("Trace this text"), this);
    auto *generate = new QPushButton(tr("Continue it"), this);
    m_generate = generate;
    generate->setToolTip(tr("The model writes on, one token at a time; after each token the heatmaps show where the "
                            "new token looks."));
    row->addWidget(new QLabel(tr("Text"), this));
    row->addWidget(m_text, 1);
    row->addWidget(trace);
    row->addWidget(generate);
    layout->addLayout(row);
    // Encoders read a pair as "[CLS] A [SEP] B [SEP]"; the row shows for them only.
    auto *pairRow = new QHBoxLayout;
    m_secondLabel = new QLabel(tr("Second sentence (pair)"), this);
    m_second = new QLineEdit(this);
    m_second->setPlaceholderText(tr("Optional: a second sentence, read as [CLS] A [SEP] B [SEP]"));
    m_clsRow = new QPushButton(tr("Outline the [CLS] row"), this);
    m_clsRow->setToolTip(tr("[CLS] sits first; its vector after the last layer stands for the whole input in "
                            "classification and sentence-pair tasks. Its row shows where it looks."));
    m_legend = new QLabel(this);
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setText(tr("<span style=\"color:#1f77b4\">■ segment A (type 0)</span> &nbsp; "
                         "<span style=\"color:#ff7f0e\">■ segment B (type 1)</span> &nbsp; "
                         "<span style=\"color:#e61e1e\">┃ [SEP] boundary</span>"));
    pairRow->addWidget(m_secondLabel);
    pairRow->addWidget(m_second, 1);
    pairRow->addWidget(m_clsRow);
    pairRow->addWidget(m_legend);
    layout->addLayout(pairRow);
    setBidirectional(false);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->addWidget(new QLabel(tr("Layers (rows) × heads (columns): click one"), left));
    m_gridHost->setLayout(m_grid);
    m_grid->setSpacing(2);
    auto *scroll = new QScrollArea(left);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_gridHost);
    leftLayout->addWidget(scroll, 2);
    leftLayout->addWidget(new QLabel(tr("Entropy of each head (nats; low = focused)"), left));
    leftLayout->addWidget(m_entropy, 1);
    m_entropy->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *pages = new QTabWidget(split);
    m_pages = pages;
    auto *right = new QWidget(pages);
    auto *rightLayout = new QVBoxLayout(right);
    m_head->setAxisTitles(tr("query (the token that looks)"), tr("key (the token looked at)"));
    m_head->setValueTitle(tr("weight"));
    m_head->setRange(0, 1);
    rightLayout->addWidget(m_head, 3);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(new QLabel(tr("Attention of token"), right));
    tokenRow->addWidget(m_token, 1);
    rightLayout->addLayout(tokenRow);
    m_shaded->setWordWrap(true);
    m_shaded->setTextFormat(Qt::RichText);
    rightLayout->addWidget(m_shaded, 1);
    pages->addTab(right, tr("Where each token looks"));
    pages->addTab(m_steps, tr("Step through this head"));
    split->setStretchFactor(1, 2);
    split->setSizes({380, 760});
    layout->addWidget(split, 1);

    auto requestTrace = [this] {
        Q_EMIT inspectRequested(m_text->text(), m_second->isVisible() ? m_second->text().trimmed() : QString());
    };
    connect(trace, &QPushButton::clicked, this, requestTrace);
    connect(generate, &QPushButton::clicked, this, [this] { Q_EMIT generateRequested(m_text->text()); });
    connect(m_text, &QLineEdit::returnPressed, this, requestTrace);
    connect(m_second, &QLineEdit::returnPressed, this, requestTrace);
    connect(m_clsRow, &QPushButton::clicked, this, [this] { selectToken(0); });
    connect(m_head, &HeatmapPlot::cellClicked, this, [this](int query, int) { m_token->setCurrentIndex(query); });
    connect(m_token, &QComboBox::currentIndexChanged, this, &AttentionView::selectToken);
    connect(m_entropy, &QTableWidget::cellClicked, this, &AttentionView::selectHead);
}

AttentionView::~AttentionView() = default;

const lm::TraceMatrix *AttentionView::matrix(int layer, int head) const
{
    if (!m_trace)
        return nullptr;
    if (const lm::TraceMatrix *m = m_trace->find("layer" + std::to_string(layer) + ".head" + std::to_string(head) + ".attention"))
        return m;
    const auto implicit = m_implicit.find(layer);
    return head == 0 && implicit != m_implicit.end() ? &implicit->second : nullptr;
}

void AttentionView::showTrace(std::shared_ptr<const lm::Trace> trace)
{
    m_trace = std::move(trace);
    m_layers = 0;
    m_heads = 0;
    m_implicit.clear();
    // Every layer records either its heads' attention or (a state-space layer) its implicit attention.
    for (;; ++m_layers) {
        if (const lm::TraceMatrix *implicit = m_trace->find(implicitAttentionKey(m_layers)))
            m_implicit[m_layers] = rowsSummingToOne(*implicit);
        int heads = 0;
        while (matrix(m_layers, heads))
            ++heads;
        if (heads == 0)
            break;
        m_heads = std::max(m_heads, heads);
    }
    if (m_layers == 0) {
        m_note->setText(tr("This model has no attention to show: train a model with attention (a Transformer)."));
        return;
    }
    // The model says how it reads (the attention records its mask): causal or both ways.
    // A state-space layer reads only the past, so a model of those alone is causal too.
    const lm::TraceMatrix *mask = nullptr;
    for (int l = 0; l < m_layers && !mask; ++l)
        mask = m_trace->find("layer" + std::to_string(l) + ".causal");
    if (mask ? !mask->values.empty() && mask->values[0] != 0.0f : !m_implicit.empty())
        m_note->setText(tr("Row i of a heatmap is where token i looks: its weights over the tokens before it sum to 1. "
                           "The triangle is the causal mask: no token sees the future."));
    else
        m_note->setText(tr("Row i of a heatmap is where token i looks: its weights over every token of the text sum "
                           "to 1. This model reads both ways, so there is no triangle: every token sees the whole text."));
    // A pair's segments: token types colour the labels, every [SEP] but the last is a boundary.
    m_tokenTypes.clear();
    m_boundaries.clear();
    m_bandColours.clear();
    const lm::TraceMatrix *types = m_trace->find(kTraceTokenTypes);
    const lm::TraceMatrix *seps = m_trace->find(kTraceSeparators);
    if (types && types->rows == matrix(0, 0)->rows) {
        for (int t = 0; t < types->rows; ++t) {
            m_tokenTypes << int(types->at(t, 0));
            m_bandColours << (m_tokenTypes.back() == 0 ? QColor(0x1f, 0x77, 0xb4) : QColor(0xff, 0x7f, 0x0e));
        }
        if (seps && seps->rows == types->rows)
            for (int t = 0; t + 1 < seps->rows; ++t)
                if (seps->at(t, 0) != 0.0f)
                    m_boundaries << t;
    }
    m_clsRow->setEnabled(!m_tokenTypes.isEmpty());
    if (!m_implicit.empty())
        m_note->setText(m_note->text() + QLatin1Char(' ') +
                        tr("A layer with one map and no heads is a state-space layer: it keeps a fixed-size state "
                           "instead of looking back, but its output is still a weighted sum of the inputs before it. "
                           "Its map shows those weights, averaged over its channels, each row scaled to sum to 1."));
    if (!m_boundaries.isEmpty())
        m_note->setText(m_note->text() + QLatin1Char(' ') +
                        tr("The red lines fall after [SEP]: segment A (blue labels) above and left of them, segment B "
                           "(orange) below and right. Where a block between the lines is bright, tokens look across "
                           "the pair."));
    rebuildOverview();
    m_entropy->setRowCount(m_layers);
    m_entropy->setColumnCount(m_heads);
    QStringList rows, cols;
    for (int l = 0; l < m_layers; ++l)
        rows << tr("layer %1").arg(l);
    for (int h = 0; h < m_heads; ++h)
        cols << tr("head %1").arg(h);
    m_entropy->setVerticalHeaderLabels(rows);
    m_entropy->setHorizontalHeaderLabels(cols);
    for (int l = 0; l < m_layers; ++l)
        for (int h = 0; h < m_heads; ++h)
            m_entropy->setItem(l, h, new QTableWidgetItem(matrix(l, h) ? QLocale().toString(headEntropy(l, h), 'f', 2)
                                                                       : QString()));
    m_entropy->resizeColumnsToContents();
    {
        const QSignalBlocker block(m_token);
        m_token->clear();
        const lm::TraceMatrix *m = matrix(0, 0);
        const QStringList tokens = traceTokens(*m_trace, m->rows);
        for (int t = 0; t < m->rows; ++t) {
            m_token->addItem(QStringLiteral("%1: %2").arg(t).arg(tokens.value(t)));
            if (t < m_bandColours.size())
                m_token->setItemData(t, m_bandColours[t], Qt::ForegroundRole);
        }
        m_token->setCurrentIndex(m->rows - 1); // the newest token: during generation, the one just written
    }
    selectHead(std::min(m_layer, m_layers - 1), std::min(m_headIndex, m_heads - 1));
}

void AttentionView::rebuildOverview()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int l = 0; l < m_layers; ++l)
        for (int h = 0; h < m_heads; ++h) {
            const lm::TraceMatrix *m = matrix(l, h);
            if (!m)
                continue; // a state-space layer among attention layers has one map
            auto *small = new HeatmapPlot(m_gridHost);
            small->setMinimumWidth(60);
            small->setFixedHeight(84);
            small->makeThumbnail();
            small->setRange(0, 1);
            small->setMatrix(m->rows, m->cols, QVector<float>(m->values.begin(), m->values.end()));
            small->setBoundaries(m_boundaries);
            small->setToolTip(isImplicitLayer(l) ? tr("layer %1: implicit attention (a state-space layer)").arg(l)
                                                 : tr("layer %1, head %2").arg(l).arg(h));
            connect(small, &HeatmapPlot::cellClicked, this, [this, l, h](int, int) { selectHead(l, h); });
            m_grid->addWidget(small, l, h);
        }
    for (int r = 0; r <= m_layers; ++r)
        m_grid->setRowStretch(r, r == m_layers ? 1 : 0); // thumbnails keep their height; space goes below
}

double AttentionView::headEntropy(int layer, int head) const
{
    const lm::TraceMatrix *m = matrix(layer, head);
    if (!m || m->rows == 0)
        return 0.0;
    double total = 0.0;
    for (int r = 0; r < m->rows; ++r)
        for (int c = 0; c < m->cols; ++c) {
            const double p = m->at(r, c);
            if (p > 0)
                total -= p * std::log(p);
        }
    return total / m->rows;
}

void AttentionView::selectHead(int layer, int head)
{
    const lm::TraceMatrix *m = matrix(layer, head);
    if (!m)
        return;
    m_layer = layer;
    m_headIndex = head;
    const QStringList tokens = traceTokens(*m_trace, m->rows);
    m_head->setValueTitle(isImplicitLayer(layer) ? tr("layer %1, implicit").arg(layer)
                                                 : tr("layer %1, head %2").arg(layer).arg(head));
    m_head->setMatrix(m->rows, m->cols, QVector<float>(m->values.begin(), m->values.end()), tokens, tokens);
    m_head->setBoundaries(m_boundaries);
    m_head->setLabelBands(m_bandColours, m_bandColours);
    m_steps->setHead(m_trace, layer, head);
    selectToken(m_token->currentIndex());
}

void AttentionView::selectToken(int query)
{
    const lm::TraceMatrix *m = matrix(m_layer, m_headIndex);
    if (!m || query < 0 || query >= m->rows)
        return;
    if (m_token->currentIndex() != query) { // chosen from elsewhere (a click, a lesson): keep the list in step
        const QSignalBlocker block(m_token);
        m_token->setCurrentIndex(query);
    }
    // Each token shaded by how much the chosen token attends to it (a head view in one line).
    const QStringList tokens = traceTokens(*m_trace, m->cols);
    QString html;
    for (int k = 0; k < m->cols; ++k) {
        const int alpha = int(std::lround(255 * std::clamp(m->at(query, k), 0.0f, 1.0f)));
        QString text = tokens.value(k).toHtmlEscaped();
        if (k < m_bandColours.size()) // the token's segment, underlined in its colour
            text = QStringLiteral("<span style=\"border-bottom:2px solid %1; color:%1\">%2</span>")
                       .arg(m_bandColours[k].name(), text);
        html += k == query ? QStringLiteral("<span style=\"border:1px solid #c00; background:rgba(255,140,0,%1)\"><b>%2</b></span>")
                                 .arg(alpha)
                                 .arg(text)
                           : QStringLiteral("<span style=\"background:rgba(255,140,0,%1)\">%2</span>").arg(alpha).arg(text);
    }
    m_shaded->setText(html);
    m_head->setHighlightedRow(query);
}

void AttentionView::setGeneratedText(const QString &text)
{
    const QSignalBlocker block(m_text);
    m_text->setText(text);
}

QWidget *AttentionView::entropyTable() const { return m_entropy; }

void AttentionView::showStepThrough(bool on)
{
    m_modes->setCurrentIndex(0);
    m_pages->setCurrentIndex(on ? 1 : 0);
}

void AttentionView::showComparison(bool on) { m_modes->setCurrentIndex(on ? 1 : 0); }

QString AttentionView::shadedText() const { return m_shaded->text(); }

int AttentionView::selectedToken() const { return m_token->currentIndex(); }

QString AttentionView::generatedText() const { return m_text->text(); }

bool AttentionView::pairInputShown() const { return !m_second->isHidden(); }

void AttentionView::setSecondText(const QString &text) { m_second->setText(text); }

void AttentionView::setBidirectional(bool on)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_secondLabel, m_second, m_clsRow, m_legend})
        w->setVisible(on);
    m_generate->setEnabled(!on); // an encoder does not write the next token
    if (!m_trace)
        m_note->setText(on ? tr("Train an encoder on the language-model tab, then trace a text or a pair of sentences "
                                "through it.")
                           : tr("Train a GPT or Llama model on the language-model tab, then trace a text through it."));
}
