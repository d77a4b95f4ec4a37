#pragma once
// MaskedBatchView: "a batch as the model sees it" on the pre-training page. One row of a
// pre-training batch (MaskedBatch) as chips: [MASK]-replaced, randomly replaced (with the
// original under it), kept but still predicted, special tokens, and the two segments as bars
// under the chips with a gap at the [SEP] between them; the pair's label and the model's guess
// for it; and for every predicted position a card with the model's top five guesses as bars
// (the right answer in bold). Clicking a chip brings its card forward.
#include "workers/encoderjobs.h"

#include <QList>
#include <QWidget>

class BarList;
class QFrame;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class TokenChips;

class MaskedBatchView final : public QWidget {
    Q_OBJECT

public:
    explicit MaskedBatchView(QWidget *parent = nullptr);

    void showBatch(const MaskedBatch &batch);
    void clear();
    const MaskedBatch &batch() const { return m_batch; }
    bool hasBatch() const { return !m_batch.tokens.isEmpty(); }
    TokenChips *chips() const { return m_chips; }
    int cardCount() const { return int(m_cards.size()); }
    // The chip colours by role and the segment bars, shared with the legend.
    static QColor roleColour(TokenRole role);
    static QColor segmentColour(int segment);
    void setNewBatchEnabled(bool on);

Q_SIGNALS:
    void newBatchRequested();

private:
    void selectPosition(int tokenIndex);
    QString pairText() const;

    MaskedBatch m_batch;
    QLabel *m_header = nullptr;
    QLabel *m_pair = nullptr;
    TokenChips *m_chips = nullptr;
    QPushButton *m_newBatch = nullptr;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_cardHost = nullptr;
    QHBoxLayout *m_cardLayout = nullptr;
    QList<QFrame *> m_cards; // one per prediction, in order
};
