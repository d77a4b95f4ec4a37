#include "plots/confusionplot.h"

#include <QLocale>

#include <numeric>
#include <stdexcept>
#include <string>

ConfusionPlot::ConfusionPlot(QWidget *parent) : HeatmapPlot(parent)
{
    setAxisTitles(tr("gold"), tr("predicted"));
    setValueTitle(tr("examples"));
}

void ConfusionPlot::setCounts(const QStringList &labels, const QVector<qint64> &counts)
{
    const qsizetype k = labels.size();
    if (counts.size() != k * k)
        throw std::invalid_argument("ConfusionPlot::setCounts: " + std::to_string(k) + " labels need " +
                                    std::to_string(k * k) + " counts, got " + std::to_string(counts.size()));
    for (QCPItemText *t : std::as_const(m_texts))
        plot()->removeItem(t);
    m_texts.clear();
    m_labels = labels;
    m_counts = counts;
    QVector<float> values;
    values.reserve(counts.size());
    qint64 most = 0;
    for (const qint64 c : counts) {
        values << float(c);
        most = std::max(most, c);
    }
    setMatrix(int(k), int(k), values, labels, labels);
    if (k > 0)
        setRange(0.0, double(std::max<qint64>(most, 1)));
    const QLocale loc;
    QFont font = plot()->font();
    font.setBold(true);
    for (int g = 0; g < k; ++g)
        for (int p = 0; p < k; ++p) {
            const qint64 c = counts[g * k + p];
            auto *text = new QCPItemText(plot());
            text->position->setCoords(p, g); // cells are centred on integer coordinates
            text->setText(loc.toString(c));
            text->setFont(font);
            // The colour map runs from dark (few) to light (many): light text on dark cells.
            text->setColor(double(c) > 0.6 * double(std::max<qint64>(most, 1)) ? Qt::black : Qt::white);
            text->setClipToAxisRect(true);
            m_texts << text;
        }
    plot()->replot(QCustomPlot::rpQueuedReplot);
}

qint64 ConfusionPlot::count(int gold, int predicted) const
{
    const int k = classes();
    if (gold < 0 || gold >= k || predicted < 0 || predicted >= k)
        throw std::out_of_range("ConfusionPlot::count: (" + std::to_string(gold) + ", " + std::to_string(predicted) +
                                ") outside " + std::to_string(k) + "x" + std::to_string(k));
    return m_counts[qsizetype(gold) * k + predicted];
}

qint64 ConfusionPlot::total() const { return std::accumulate(m_counts.begin(), m_counts.end(), qint64(0)); }
