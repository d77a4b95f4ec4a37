// Legend: Tq = queries, Tk = keys, D = head dim, off = Tk − Tq (query i sits at position i + off),
// i = query row, j = key column. The arithmetic is redone in double from the traced float inputs:
//   S = Q Kᵀ,  S' = scale·S,  M_ij = S'_ij or −∞ (shown NaN) for j > i + off under the causal mask,
//   P = softmax_j(M) (a fully masked row gives zeros, as the engine),  O = P V.
#include "base/metatypes.h"

#include "views/headstepview.h"

#include "plots/heatmapplot.h"
#include "plots/traceplots.h"

#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace {

// A token fit for an axis label and for the panel: line breaks and tabs made visible.
QString visibleToken(QString t)
{
    t.replace(QLatin1Char('\n'), QStringLiteral("\u21b5"));
    t.replace(QLatin1Char('\t'), QStringLiteral("\u21e5"));
    return t;
}

} // namespace

HeadStepView::HeadStepView(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_plot = new HeatmapPlot(this);
    m_recordedPlot = new HeatmapPlot(this);
    m_recordedPlot->setAxisTitles(tr("query"), tr("key"));
    m_recordedPlot->setValueTitle(tr("recorded"));
    m_recordedPlot->setRange(0.0, 1.0);
    m_recordedPlot->hide();
    m_check = new QLabel(this);
    m_check->setWordWrap(true);
    m_previous = new QPushButton(tr("\u25c0 Previous"), this);
    m_next = new QPushButton(tr("Next \u25b6"), this);
    m_previous->setObjectName(QStringLiteral("previous"));
    m_next->setObjectName(QStringLiteral("next"));
    m_counter = new QLabel(this);
    m_queryBox = new QComboBox(this);
    m_queryBox->setToolTip(tr("The query token the dictionary panel follows"));
    m_analogy = new QLabel(this);
    m_analogy->setWordWrap(true);
    m_analogy->setTextFormat(Qt::RichText);
    m_analogy->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto *plots = new QHBoxLayout;
    plots->addWidget(m_plot, 1);
    plots->addWidget(m_recordedPlot, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_previous);
    buttons->addWidget(m_counter);
    buttons->addWidget(m_next);
    buttons->addStretch(1);
    buttons->addWidget(new QLabel(tr("Query token:"), this));
    buttons->addWidget(m_queryBox);
    auto *steps = new QVBoxLayout;
    steps->addWidget(m_title);
    steps->addWidget(m_text);
    steps->addLayout(plots, 1);
    steps->addWidget(m_check);
    steps->addLayout(buttons);

    auto *panel = new QFrame(this);
    panel->setFrameShape(QFrame::StyledPanel);
    panel->setFixedWidth(300);
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->addWidget(m_analogy);
    panelLayout->addStretch(1);

    auto *layout = new QHBoxLayout(this);
    layout->addLayout(steps, 1);
    layout->addWidget(panel);

    connect(m_previous, &QPushButton::clicked, this, [this] { setStep(m_step - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] { setStep(m_step + 1); });
    connect(m_queryBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            setQuery(index);
    });
    connect(m_plot, &HeatmapPlot::cellClicked, this, [this](int row, int) {
        if (m_step != 1 && m_step != 2) // rows are queries except in K and V
            setQuery(row);
    });
    setHead(nullptr, 0, 0);
}

HeadStepView::~HeadStepView() = default;

void HeadStepView::setHead(std::shared_ptr<const lm::Trace> trace, int layer, int head)
{
    m_trace = std::move(trace);
    m_layer = layer;
    m_head = head;
    m_step = 0;
    compute();
    m_query = m_tq > 0 ? m_tq - 1 : -1;
    {
        const QSignalBlocker block(m_queryBox);
        m_queryBox->clear();
        for (int i = 0; i < m_tq; ++i)
            m_queryBox->addItem(QStringLiteral("%1: %2").arg(i).arg(queryLabel(i)));
        m_queryBox->setCurrentIndex(m_query);
    }
    showStep();
    updateAnalogy();
}

void HeadStepView::compute()
{
    m_tq = m_tk = m_d = 0;
    m_hasRecorded = false;
    m_difference = std::numeric_limits<double>::quiet_NaN();
    m_q.clear(), m_k.clear(), m_v.clear(), m_scores.clear(), m_scaled.clear(), m_masked.clear();
    m_probs.clear(), m_recorded.clear(), m_out.clear();
    m_queryTokens.clear(), m_keyTokens.clear();
    if (!m_trace)
        return;
    const std::string prefix = "layer" + std::to_string(m_layer) + ".";
    const std::string head = prefix + "head" + std::to_string(m_head);
    const lm::TraceMatrix *q = m_trace->find(head + ".q"), *k = m_trace->find(head + ".k"),
                          *v = m_trace->find(head + ".v");
    if (!q || !k || !v || q->rows < 1 || k->rows < 1 || q->cols != k->cols || k->rows != v->rows ||
        k->cols != v->cols || q->rows > k->rows)
        return;
    m_tq = q->rows, m_tk = k->rows, m_d = q->cols;
    const lm::TraceMatrix *scale = m_trace->find(prefix + "scale"), *causal = m_trace->find(prefix + "causal");
    m_scale = scale && !scale->values.empty() ? scale->values[0] : 1.0f / std::sqrt(static_cast<float>(m_d));
    m_causal = causal && !causal->values.empty() && causal->values[0] != 0.0f;
    m_q = QVector<float>(q->values.begin(), q->values.end());
    m_k = QVector<float>(k->values.begin(), k->values.end());
    m_v = QVector<float>(v->values.begin(), v->values.end());

    // Tokens: the trace's, when they cover the keys (queries are the last Tq of them).
    m_keyTokens = traceTokens(*m_trace, m_tk);
    for (QString &t : m_keyTokens)
        t = visibleToken(t);
    if (!m_keyTokens.isEmpty())
        m_queryTokens = m_keyTokens.mid(m_tk - m_tq);

    const int off = m_tk - m_tq;
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const auto n = static_cast<qsizetype>(m_tq) * m_tk;
    m_scores.resize(n), m_scaled.resize(n), m_masked.resize(n), m_probs.resize(n);
    m_out.resize(static_cast<qsizetype>(m_tq) * m_d);
    std::vector<double> row(static_cast<std::size_t>(m_tk));
    for (int i = 0; i < m_tq; ++i) {
        const int seen = m_causal ? std::clamp(i + off + 1, 0, m_tk) : m_tk; // keys j < seen
        double top = -std::numeric_limits<double>::infinity();
        for (int j = 0; j < m_tk; ++j) {
            double dot = 0.0;
            for (int c = 0; c < m_d; ++c)
                dot += double(m_q[i * m_d + c]) * double(m_k[j * m_d + c]);
            const double s = dot * m_scale;
            m_scores[i * m_tk + j] = static_cast<float>(dot);
            m_scaled[i * m_tk + j] = static_cast<float>(s);
            m_masked[i * m_tk + j] = j < seen ? static_cast<float>(s) : nan;
            row[static_cast<std::size_t>(j)] = s;
            if (j < seen)
                top = std::max(top, s);
        }
        double total = 0.0;
        for (int j = 0; j < seen; ++j)
            total += row[static_cast<std::size_t>(j)] = std::exp(row[static_cast<std::size_t>(j)] - top);
        for (int j = 0; j < m_tk; ++j)
            m_probs[i * m_tk + j] = j < seen && total > 0.0 ? static_cast<float>(row[static_cast<std::size_t>(j)] / total) : 0.0f;
        for (int c = 0; c < m_d; ++c) {
            double o = 0.0;
            for (int j = 0; j < seen; ++j)
                o += double(m_probs[i * m_tk + j]) * double(m_v[j * m_d + c]);
            m_out[i * m_d + c] = static_cast<float>(o);
        }
    }
    const lm::TraceMatrix *recorded = m_trace->find(head + ".attention");
    if (recorded && recorded->rows == m_tq && recorded->cols == m_tk) {
        m_hasRecorded = true;
        m_recorded = QVector<float>(recorded->values.begin(), recorded->values.end());
        m_difference = 0.0;
        for (qsizetype x = 0; x < n; ++x)
            m_difference = std::max(m_difference, std::abs(double(m_probs[x]) - double(m_recorded[x])));
    }
}

QString HeadStepView::keyLabel(int j) const
{
    return j >= 0 && j < m_keyTokens.size() ? m_keyTokens[j] : QStringLiteral("#%1").arg(j);
}

QString HeadStepView::queryLabel(int i) const
{
    return i >= 0 && i < m_queryTokens.size() ? m_queryTokens[i] : QStringLiteral("#%1").arg(i);
}

void HeadStepView::setStep(int step)
{
    step = std::clamp(step, 0, stepCount() - 1);
    if (step == m_step)
        return;
    m_step = step;
    showStep();
    Q_EMIT stepChanged(m_step);
}

void HeadStepView::setQuery(int query)
{
    if (m_tq == 0)
        return;
    query = std::clamp(query, 0, m_tq - 1);
    if (query == m_query)
        return;
    m_query = query;
    {
        const QSignalBlocker block(m_queryBox);
        m_queryBox->setCurrentIndex(query);
    }
    updateAnalogy();
    Q_EMIT queryChanged(m_query);
}

QString HeadStepView::stepTitle() const
{
    static const char *const titles[] = {
        QT_TR_NOOP("Q: the queries"),      QT_TR_NOOP("K: the keys"),   QT_TR_NOOP("V: the values"),
        QT_TR_NOOP("QKᵀ: the scores"), QT_TR_NOOP("÷ √d: scaled scores"),
        QT_TR_NOOP("Mask: no peeking"),    QT_TR_NOOP("Softmax: the attention weights"),
        QT_TR_NOOP("\u00d7 V: the head's output"),
    };
    return tr("Step %1 of %2 \u2014 %3").arg(m_step + 1).arg(stepCount()).arg(tr(titles[m_step]));
}

QString HeadStepView::explanation() const
{
    switch (m_step) {
    case 0:
        return tr("Each row is one token's query vector (%1 numbers): what this token is looking for in the "
                  "tokens before it.").arg(m_d);
    case 1:
        return tr("Each row is one token's key vector: what this token offers to the queries that look for "
                  "something.");
    case 2:
        return tr("Each row is one token's value vector: what this token hands over when a query picks it.");
    case 3:
        return tr("Row i, column j is the dot product q\u1d62\u00b7k\u2c7c: how well query i matches key j. "
                  "Large means a good match.");
    case 4:
        return tr("The scores times %1 (1/√d with d = %2): without it the scores grow with d and the "
                  "softmax would be too sharp, putting nearly all weight on one key.")
            .arg(QLocale().toString(m_scale, 'g', 4))
            .arg(m_d);
    case 5:
        return m_causal ? tr("The future is set to \u2212\u221e (grey cells): a token may only look at itself and "
                             "the tokens before it, since when generating, the next tokens do not exist yet.")
                        : tr("This attention has no causal mask: every query may see every key.");
    case 6:
        return tr("Softmax turns each row into weights between 0 and 1 that sum to 1 (\u2212\u221e becomes 0): "
                  "the attention weights. Computed here from Q and K; right: what the model recorded.");
    default:
        return tr("Each output row is the weighted mix of the value rows, with the row's attention weights: "
                  "the head's output for that token (%1 numbers).").arg(m_d);
    }
}

void HeadStepView::showStep()
{
    m_title->setText(stepTitle());
    m_counter->setText(tr("%1 / %2").arg(m_step + 1).arg(stepCount()));
    m_previous->setEnabled(m_step > 0);
    m_next->setEnabled(m_step < stepCount() - 1);
    m_recordedPlot->setVisible(m_step == 6 && m_hasRecorded);
    m_check->clear();
    if (m_tq == 0) {
        m_text->setText(m_trace ? tr("This trace has no inputs for this head (only transformers traced by "
                                     "this version record them).")
                                : tr("Trace a transformer to step through one of its heads."));
        m_plot->setMatrix(0, 0, {});
        return;
    }
    m_text->setText(explanation());
    const QString query = tr("query"), key = tr("key"), dim = tr("dimension");
    m_plot->setAutoRange();
    switch (m_step) {
    case 0:
        m_plot->setAxisTitles(query, dim);
        m_plot->setValueTitle(QStringLiteral("q"));
        m_plot->setMatrix(m_tq, m_d, m_q, m_queryTokens);
        break;
    case 1:
        m_plot->setAxisTitles(key, dim);
        m_plot->setValueTitle(QStringLiteral("k"));
        m_plot->setMatrix(m_tk, m_d, m_k, m_keyTokens);
        break;
    case 2:
        m_plot->setAxisTitles(key, dim);
        m_plot->setValueTitle(QStringLiteral("v"));
        m_plot->setMatrix(m_tk, m_d, m_v, m_keyTokens);
        break;
    case 3:
        m_plot->setAxisTitles(query, key);
        m_plot->setValueTitle(QStringLiteral("q\u00b7k"));
        m_plot->setMatrix(m_tq, m_tk, m_scores, m_queryTokens, m_keyTokens);
        break;
    case 4:
        m_plot->setAxisTitles(query, key);
        m_plot->setValueTitle(QStringLiteral("q\u00b7k/√d"));
        m_plot->setMatrix(m_tq, m_tk, m_scaled, m_queryTokens, m_keyTokens);
        break;
    case 5:
        m_plot->setAxisTitles(query, key);
        m_plot->setValueTitle(tr("masked"));
        m_plot->setMatrix(m_tq, m_tk, m_masked, m_queryTokens, m_keyTokens);
        break;
    case 6:
        m_plot->setAxisTitles(query, key);
        m_plot->setValueTitle(tr("computed"));
        m_plot->setRange(0.0, 1.0);
        m_plot->setMatrix(m_tq, m_tk, m_probs, m_queryTokens, m_keyTokens);
        if (m_hasRecorded) {
            m_recordedPlot->setMatrix(m_tq, m_tk, m_recorded, m_queryTokens, m_keyTokens);
            m_check->setText(tr("Largest difference from the recorded attention: %1 (float rounding).")
                                 .arg(QLocale().toString(m_difference, 'g', 2)));
        } else {
            m_check->setText(tr("The trace has no recorded attention for this head to compare with."));
        }
        break;
    default:
        m_plot->setAxisTitles(query, dim);
        m_plot->setValueTitle(tr("output"));
        m_plot->setMatrix(m_tq, m_d, m_out, m_queryTokens);
        break;
    }
}

QString HeadStepView::analogyText() const { return m_analogy->text(); }

void HeadStepView::updateAnalogy()
{
    QString html = tr("<p><b>A dictionary lookup</b><br>In Python, <tt>d[key]</tt> needs a key that matches "
                      "exactly; then exactly one value comes back, and no match is an error.</p>"
                      "<p><b>Attention: a soft lookup</b><br>The query is compared with every key, and every "
                      "key matches a little (the score). The softmax turns the scores into weights that sum "
                      "to 1, and the answer is a mix of <i>all</i> the values, each weighed by its key's "
                      "weight.</p>");
    if (m_tq > 0 && m_query >= 0) {
        const int i = m_query;
        std::vector<int> order(static_cast<std::size_t>(m_tk));
        std::iota(order.begin(), order.end(), 0);
        const auto weight = [&](int j) { return m_probs[i * m_tk + j]; };
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return weight(a) > weight(b); });
        const int shown = std::min(3, m_tk);
        QString rows;
        double rest = 1.0;
        for (int r = 0; r < shown; ++r) {
            const int j = order[static_cast<std::size_t>(r)];
            if (r > 0 && weight(j) <= 0.0f)
                break;
            rest -= weight(j);
            rows += tr("<tr><td>%1. \u201c%2\u201d (#%3)</td><td align=\"right\">&nbsp;%4</td></tr>")
                        .arg(r + 1)
                        .arg(keyLabel(j).toHtmlEscaped())
                        .arg(j)
                        .arg(QLocale().toString(weight(j), 'f', 3));
        }
        html += tr("<p><b>Example</b><br>The query \u201c%1\u201d (#%2) finds these keys best:</p>")
                    .arg(queryLabel(i).toHtmlEscaped())
                    .arg(i);
        html += QStringLiteral("<table>") + rows + QStringLiteral("</table>");
        html += tr("<p>Its output is these weights times their tokens' values, plus %1 of weight spread over "
                   "the other keys. A dictionary would have returned one value only.</p>")
                    .arg(QLocale().toString(std::max(0.0, rest), 'f', 3));
    }
    m_analogy->setText(html);
}
