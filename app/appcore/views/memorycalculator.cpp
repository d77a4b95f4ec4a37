#include "views/memorycalculator.h"

#include "plots/memoryplots.h"
#include "base/spinbox.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#include <functional>

namespace {

// The largest v in 1..maxValue with fitsAt(v), for a fitsAt that holds up to some point and not
// beyond; 0 when not even 1 fits. Doubling first, then halving the gap: it never asks about a
// value much past the first that does not fit, so the byte counts stay far from overflowing.
std::int64_t largestFitting(const std::function<bool(std::int64_t)> &fitsAt, std::int64_t maxValue)
{
    if (maxValue < 1 || !fitsAt(1))
        return 0;
    std::int64_t lo = 1, hi = 2;
    while (hi <= maxValue && fitsAt(hi)) {
        lo = hi;
        hi *= 2;
    }
    if (hi > maxValue) {
        if (fitsAt(maxValue))
            return maxValue;
        hi = maxValue;
    }
    while (hi - lo > 1) { // lo fits, hi does not
        const std::int64_t mid = lo + (hi - lo) / 2;
        (fitsAt(mid) ? lo : hi) = mid;
    }
    return lo;
}

QString bytesText(std::int64_t bytes) { return QString::fromStdString(lm::formatBytes(double(bytes))); }

} // namespace

lm::Result<MemoryFit> memoryFit(const nlohmann::json &config, lm::MemoryMode mode, std::int64_t batch,
                                std::int64_t seqLen, int bytesPerValue, std::int64_t budget, std::int64_t maxLength,
                                std::int64_t maxBatch)
{
    if (auto check = lm::predictMemory(config, mode, batch, seqLen, bytesPerValue); !check)
        return lm::makeError(check.error());
    const auto fitsAt = [&](std::int64_t b, std::int64_t t) {
        auto parts = lm::predictMemory(config, mode, b, t, bytesPerValue);
        return parts && parts.value().total() >= 0 && parts.value().total() <= budget;
    };
    MemoryFit fit;
    fit.longestLength = largestFitting([&](std::int64_t t) { return fitsAt(batch, t); }, maxLength);
    fit.largestBatch = largestFitting([&](std::int64_t b) { return fitsAt(b, seqLen); }, maxBatch);
    return fit;
}

MemoryCalculator::MemoryCalculator(QWidget *parent)
    : QWidget(parent), m_config(new QComboBox(this)), m_mode(new QComboBox(this)), m_batch(spinBox(1, 4096, 8, this)),
      m_length(spinBox(1, 1 << 20, 1024, this)), m_precision(new QComboBox(this)), m_gigabytes(new QDoubleSpinBox(this)),
      m_result(new QLabel(this))
{
    for (const lm::NamedConfig &c : lm::referenceConfigs())
        m_config->addItem(QString::fromStdString(c.name));
    for (lm::MemoryMode mode : {lm::MemoryMode::Train, lm::MemoryMode::Prefill, lm::MemoryMode::Infer})
        m_mode->addItem(memoryModeText(mode), int(mode));
    m_precision->addItem(tr("float32 (4 bytes)"), 4);
    m_precision->addItem(tr("bfloat16 (2 bytes)"), 2);
    m_precision->addItem(tr("float16 (2 bytes)"), 2);
    m_precision->addItem(tr("int8 (1 byte)"), 1);
    m_gigabytes->setRange(0.01, 100000.0); // at most 1e14 bytes: the search stays far from overflow
    m_gigabytes->setDecimals(2);
    m_gigabytes->setValue(16.0);
    m_gigabytes->setSuffix(tr(" GB"));
    m_gigabytes->setGroupSeparatorShown(true);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Model"), m_config);
    form->addRow(tr("Mode"), m_mode);
    form->addRow(tr("Batch size"), m_batch);
    form->addRow(tr("Sequence length"), m_length);
    form->addRow(tr("Precision"), m_precision);
    form->addRow(tr("Memory you have"), m_gigabytes);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(form);
    column->addWidget(m_result);

    for (QComboBox *c : {m_config, m_mode, m_precision})
        connect(c, &QComboBox::currentIndexChanged, this, &MemoryCalculator::recompute);
    for (QSpinBox *s : {m_batch, m_length})
        connect(s, &QSpinBox::valueChanged, this, &MemoryCalculator::recompute);
    connect(m_gigabytes, &QDoubleSpinBox::valueChanged, this, &MemoryCalculator::recompute);
    recompute();
}

void MemoryCalculator::setInputs(int configIndex, lm::MemoryMode mode, int batch, int seqLen, int bytesPerValue,
                                 double gigabytes)
{
    const QSignalBlocker blockers[] = {QSignalBlocker(m_config), QSignalBlocker(m_mode), QSignalBlocker(m_batch),
                                       QSignalBlocker(m_length), QSignalBlocker(m_precision), QSignalBlocker(m_gigabytes)};
    m_config->setCurrentIndex(configIndex);
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
    m_batch->setValue(batch);
    m_length->setValue(seqLen);
    m_precision->setCurrentIndex(std::max(0, m_precision->findData(bytesPerValue)));
    m_gigabytes->setValue(gigabytes);
    recompute();
}

QString MemoryCalculator::resultText() const { return QTextDocumentFragment::fromHtml(m_result->text()).toPlainText(); }

void MemoryCalculator::recompute()
{
    const std::vector<lm::NamedConfig> configs = lm::referenceConfigs();
    const int index = m_config->currentIndex();
    if (index < 0 || index >= int(configs.size()))
        return;
    const nlohmann::json &config = configs[std::size_t(index)].config;
    const auto mode = lm::MemoryMode(m_mode->currentData().toInt());
    const int bytesPerValue = m_precision->currentData().toInt();
    const std::int64_t budget = std::llround(m_gigabytes->value() * 1e9);
    const QString batchText = QLocale().toString(m_batch->value()), lengthText = QLocale().toString(m_length->value());

    auto parts = lm::predictMemory(config, mode, m_batch->value(), m_length->value(), bytesPerValue);
    auto fit = memoryFit(config, mode, m_batch->value(), m_length->value(), bytesPerValue, budget);
    if (!parts || !fit) {
        m_parts = {};
        m_fit = {};
        m_fits = false;
        m_result->setText(QString::fromStdString(parts ? fit.error() : parts.error()).toHtmlEscaped());
        return;
    }
    m_parts = parts.value();
    m_fit = fit.value();
    m_fits = m_parts.total() <= budget;

    // The non-zero parts two to a row, so the panel stays short enough to read without scrolling.
    const QStringList names = memoryPartNames();
    const QVector<double> bytes = memoryPartBytes(m_parts);
    QStringList cells;
    for (int i = 0; i < names.size(); ++i)
        if (bytes[i] > 0)
            cells << QStringLiteral("<td>%1</td><td align='right'>&nbsp;%2&nbsp;&nbsp;&nbsp;</td>")
                         .arg(names[i].toHtmlEscaped(), bytesText(std::int64_t(bytes[i])));
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='1'>");
    for (int i = 0; i < cells.size(); i += 2)
        html += QStringLiteral("<tr>") + cells[i] + (i + 1 < cells.size() ? cells[i + 1] : QString()) + QStringLiteral("</tr>");
    html += QStringLiteral("<tr><td><b>%1</b></td><td align='right'>&nbsp;<b>%2</b>&nbsp;&nbsp;&nbsp;</td></tr></table>")
                .arg(tr("total").toHtmlEscaped(), bytesText(m_parts.total()));
    const QString budgetText = bytesText(budget);
    html += m_fits ? QStringLiteral("<p style='color:#2a7d2a'>%1</p>").arg(tr("Fits in %1.").arg(budgetText).toHtmlEscaped())
                   : QStringLiteral("<p style='color:#b22222'>%1</p>")
                         .arg(tr("Does not fit in %1: it needs %2 more.")
                                  .arg(budgetText, bytesText(m_parts.total() - budget))
                                  .toHtmlEscaped());
    QString limits;
    if (m_fit.longestLength == 0)
        limits = tr("Not even one token fits at batch %1.").arg(batchText).toHtmlEscaped();
    else
        limits = tr("Longest length that fits at batch %1: %2 tokens.")
                     .arg(batchText, QLocale().toString(qlonglong(m_fit.longestLength)))
                     .toHtmlEscaped();
    // Learned positions or training stop the real model at max_seq; the memory would not.
    const int maxSeq = config.value("max_seq", 0);
    if (maxSeq > 0 && m_fit.longestLength > maxSeq)
        limits += QLatin1Char(' ') +
                  tr("(The model itself reads at most %1 tokens.)").arg(QLocale().toString(maxSeq)).toHtmlEscaped();
    limits += QStringLiteral("<br>");
    if (m_fit.largestBatch == 0)
        limits += tr("Not even batch 1 fits at length %1.").arg(lengthText).toHtmlEscaped();
    else
        limits += tr("Largest batch that fits at length %1: %2.")
                      .arg(lengthText, QLocale().toString(qlonglong(m_fit.largestBatch)))
                      .toHtmlEscaped();
    html += QStringLiteral("<p>%1</p>").arg(limits);
    m_result->setText(html);
}
