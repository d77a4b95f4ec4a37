#pragma once
// MemoryCalculator: the memory lab's estimate for real models (GPT-2, Llama) that this machine
// could never run. Choose a configuration from lm::referenceConfigs(), a mode, batch, length,
// precision and the memory you have; it shows lm::predictMemory's parts and total, whether that
// fits, and the longest length and largest batch that would. Pure arithmetic: no model is built,
// every change answers at once.
#include "inspect/memorylab.h"

#include <QWidget>

#include <cstdint>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

// The limits memoryFit() answers, at the other quantity held fixed.
struct MemoryFit {
    std::int64_t longestLength = 0; // at the given batch; 0 when not even length 1 fits
    std::int64_t largestBatch = 0;  // at the given length; 0 when not even batch 1 fits
};

// The largest T in 1..maxLength (at `batch`) and the largest B in 1..maxBatch (at `seqLen`) whose
// predicted total (lm::predictMemory, weights included) is at most `budget` bytes. Binary search:
// every part grows with T and with B. An error when predictMemory refuses the config.
lm::Result<MemoryFit> memoryFit(const nlohmann::json &config, lm::MemoryMode mode, std::int64_t batch,
                                std::int64_t seqLen, int bytesPerValue, std::int64_t budget,
                                std::int64_t maxLength = 1 << 20, std::int64_t maxBatch = 1 << 20);

class MemoryCalculator final : public QWidget {
    Q_OBJECT

public:
    explicit MemoryCalculator(QWidget *parent = nullptr);

    // Sets every input at once (configIndex into lm::referenceConfigs(); precision in bytes per
    // number: 4, 2 or 1; memory in decimal GB) and recomputes.
    void setInputs(int configIndex, lm::MemoryMode mode, int batch, int seqLen, int bytesPerValue, double gigabytes);

    // What the panel shows now.
    const lm::MemoryParts &parts() const { return m_parts; }
    bool fits() const { return m_fits; }
    const MemoryFit &fit() const { return m_fit; }
    QString resultText() const; // plain text of the answer

private:
    void recompute();

    QComboBox *m_config;
    QComboBox *m_mode;
    QSpinBox *m_batch;
    QSpinBox *m_length;
    QComboBox *m_precision;
    QDoubleSpinBox *m_gigabytes;
    QLabel *m_result;

    lm::MemoryParts m_parts;
    MemoryFit m_fit;
    bool m_fits = false;
};
