#include "views/routingview.h"

#include "base/application.h"
#include "base/languagedefaults.h"
#include "plots/lineplot.h"
#include "plots/traceplots.h"

#include "models/architecture.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>


RoutingView::RoutingView(QWidget *parent)
    : QWidget(parent), m_text(new QLineEdit(sampleSentence(), this)), m_note(new QLabel(this)),
      m_tokens(new QLabel(this)), m_layer(new QComboBox(this)), m_load(new LinePlot(this)), m_balance(new LinePlot(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    auto *trace = new QPushButton(tr("Trace this text"), this);
    row->addWidget(new QLabel(tr("Text"), this));
    row->addWidget(m_text, 1);
    row->addWidget(trace);
    row->addWidget(new QLabel(tr("Routing layer"), this));
    row->addWidget(m_layer);
    layout->addLayout(row);
    m_note->setWordWrap(true);
    m_note->setText(tr("Train a model with mixture-of-experts layers (%1, with more than one expert) on the "
                       "language-model tab: each such layer has several feed-forward networks, the experts, and a "
                       "router that sends every token to the few it scores highest.")
                        .arg(familiesFeeding(lm::View::Routing)));
    layout->addWidget(m_note);
    m_tokens->setWordWrap(true);
    m_tokens->setTextFormat(Qt::RichText);
    m_tokens->setMinimumHeight(60);
    layout->addWidget(m_tokens);
    auto *split = new QSplitter(Qt::Horizontal, this);
    m_load->setParent(split);
    m_balance->setParent(split);
    m_load->setAxisLabels(tr("training step"), tr("share of the tokens"));
    m_balance->setAxisLabels(tr("training step"), tr("load-balancing loss"));
    split->addWidget(m_load);
    split->addWidget(m_balance);
    layout->addWidget(split, 1);
    connect(trace, &QPushButton::clicked, this, [this] { Q_EMIT inspectRequested(m_text->text()); });
    connect(m_text, &QLineEdit::returnPressed, this, [this] { Q_EMIT inspectRequested(m_text->text()); });
    connect(m_layer, &QComboBox::currentIndexChanged, this, &RoutingView::selectLayer);
}

RoutingView::~RoutingView() = default;

QColor RoutingView::expertColour(int expert)
{
    static const QColor palette[] = {{0x1f, 0x77, 0xb4}, {0xff, 0x7f, 0x0e}, {0x2c, 0xa0, 0x2c}, {0xd6, 0x27, 0x28},
                                     {0x94, 0x67, 0xbd}, {0x8c, 0x56, 0x4b}, {0xe3, 0x77, 0xc2}, {0x7f, 0x7f, 0x7f},
                                     {0xbc, 0xbd, 0x22}, {0x17, 0xbe, 0xcf}};
    constexpr int n = int(std::size(palette));
    const QColor base = palette[expert % n];
    return expert < n ? base : base.darker(100 + 40 * (expert / n)); // past ten: darker shades
}

QString RoutingView::text() const { return m_text->text(); }

QString RoutingView::tokenHtml() const { return m_tokens->text(); }

namespace {
// The routing layers a trace holds, in order: (layer, its "layer{l}.moe.experts" (T, K)).
std::vector<std::pair<int, const lm::TraceMatrix *>> routedLayers(const lm::Trace &trace)
{
    std::vector<std::pair<int, const lm::TraceMatrix *>> layers;
    for (const auto &[name, m] : trace.matrices) {
        int layer = -1;
        char rest[16] = {};
        if (std::sscanf(name.c_str(), "layer%d.%15s", &layer, rest) == 2 && std::string(rest) == "moe.experts")
            layers.emplace_back(layer, &m);
    }
    std::sort(layers.begin(), layers.end());
    return layers;
}
} // namespace

QVector<int> RoutingView::tokenExperts(int index) const
{
    QVector<int> out;
    if (!m_trace || index < 0)
        return out;
    const auto layers = routedLayers(*m_trace);
    if (index < int(layers.size()))
        for (int t = 0; t < layers[std::size_t(index)].second->rows; ++t)
            out << int(layers[std::size_t(index)].second->at(t, 0));
    return out;
}

void RoutingView::showTrace(std::shared_ptr<const lm::Trace> trace)
{
    m_trace = std::move(trace);
    QString html;
    int routed = 0, experts = 0;
    for (const auto &[l, e] : routedLayers(*m_trace)) {
        const lm::TraceMatrix *p = m_trace->find("layer" + std::to_string(l) + ".moe.probs");
        ++routed;
        if (p)
            experts = std::max(experts, p->cols);
        const QStringList tokens = traceTokens(*m_trace, e->rows);
        // A row per choice: the expert each token went to first, then second (when K > 1).
        for (int k = 0; k < std::min(e->cols, 2); ++k) {
            html += QStringLiteral("<tr><td><b>%1</b></td><td style=\"font-size:large\">")
                        .arg((k == 0 ? tr("layer %1").arg(l) : tr("second choice")).toHtmlEscaped());
            for (int t = 0; t < e->rows; ++t) {
                const QColor c = expertColour(int(e->at(t, k)));
                html += QStringLiteral("<span style=\"background-color:rgba(%1,%2,%3,%4)\">%5</span>")
                            .arg(c.red())
                            .arg(c.green())
                            .arg(c.blue())
                            .arg(k == 0 ? 170 : 90)
                            .arg(tokens.value(t).toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;")));
            }
            html += QStringLiteral("</td></tr>");
        }
    }
    if (routed == 0) {
        m_tokens->setText(tr("This model routes no tokens: it has no mixture-of-experts layer."));
        return;
    }
    QString legend = QStringLiteral("<p>");
    for (int x = 0; x < experts; ++x)
        legend += QStringLiteral("<span style=\"background:%1;color:white\">&nbsp;%2&nbsp;</span> ")
                      .arg(expertColour(x).name(), tr("expert %1").arg(x).toHtmlEscaped());
    legend += QStringLiteral("</p>");
    m_tokens->setText(legend + QStringLiteral("<table cellspacing=\"3\">") + html + QStringLiteral("</table>") +
                      QStringLiteral("<p><i>%1</i></p>")
                          .arg(tr("Each token is coloured by the expert it went to first, and, in the lighter row "
                                  "below, second.")
                                   .toHtmlEscaped()));
}

void RoutingView::clearHistory()
{
    m_layers.clear();
    m_experts = 0;
    m_steps.clear();
    m_balanceLoss.clear();
    m_loads.clear();
    m_lastStep = 0;
    {
        const QSignalBlocker block(m_layer);
        m_layer->clear();
    }
    m_load->clear();
    m_balance->clear();
}

void RoutingView::addReports(const QVector<lm::StepReport> &reports)
{
    bool changed = false;
    for (const lm::StepReport &r : reports) {
        if (!r.routing)
            continue;
        const QVector<int> layers(r.routing->layers.begin(), r.routing->layers.end());
        const int experts = r.routing->load.empty() ? 0 : int(r.routing->load.front().size());
        if (r.step <= m_lastStep || layers != m_layers || experts != m_experts) { // a new run, or another model
            clearHistory();
            m_layers = layers;
            m_experts = experts;
            m_loads = QVector<QVector<QVector<double>>>(m_layers.size(), QVector<QVector<double>>(m_experts));
            const QSignalBlocker block(m_layer);
            for (int l : std::as_const(m_layers))
                m_layer->addItem(tr("layer %1").arg(l));
        }
        m_lastStep = r.step;
        m_steps << r.step;
        m_balanceLoss << r.routing->balanceLoss;
        for (int i = 0; i < m_layers.size() && i < int(r.routing->load.size()); ++i)
            for (int x = 0; x < m_experts && x < int(r.routing->load[std::size_t(i)].size()); ++x)
                m_loads[i][x] << r.routing->load[std::size_t(i)][std::size_t(x)];
        changed = true;
    }
    if (changed) {
        m_note->setText(tr("%1 experts in each of %2 routing layers. Left: each expert's share of the (token, choice) "
                           "pairs in every training batch; the dashed line is the even share. Right: the load-balancing "
                           "loss added to the training loss, which pushes the router towards even shares (with "
                           "even shares it sits at about the number of experts per token).")
                            .arg(m_experts)
                            .arg(m_layers.size()));
        replot();
    }
}

void RoutingView::selectLayer(int index)
{
    if (index >= 0 && index < m_layer->count() && m_layer->currentIndex() != index) {
        const QSignalBlocker block(m_layer);
        m_layer->setCurrentIndex(index);
    }
    replot();
}

void RoutingView::replot()
{
    m_load->clear();
    m_balance->clear();
    const int i = std::max(0, m_layer->currentIndex());
    if (m_steps.isEmpty() || i >= m_loads.size())
        return;
    for (int x = 0; x < m_experts; ++x)
        m_load->addSeries(tr("expert %1").arg(x), m_steps, m_loads[i][x], expertColour(x));
    m_load->addSeries(tr("even share"), {m_steps.front(), m_steps.back()}, {1.0 / m_experts, 1.0 / m_experts},
                      QColor(0x40, 0x40, 0x40), true);
    m_balance->addSeries(tr("load-balancing loss"), m_steps, m_balanceLoss, QColor(0xd6, 0x27, 0x28));
}
