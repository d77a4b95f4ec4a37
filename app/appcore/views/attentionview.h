#pragma once
// AttentionView: where a Transformer looks. For the model trained on the language-model tab (GPT
// or Llama), trace a text and see: a layer × head overview of small heatmaps (click one to open
// it), the chosen head's query × key heatmap with the tokens on both axes, each head's entropy
// (low: the head looks at few tokens; high: it spreads out), and, for a chosen token, its
// attention shaded over the text. For an encoder (a bidirectional family) there is no causal
// triangle, a second field takes a pair "[CLS] A [SEP] B [SEP]", the [SEP] boundaries are drawn
// across the heatmaps, token labels carry their segment's colour, and the [CLS] row can be
// outlined. A state-space layer (a family that feeds the table's ImplicitAttention view) has no
// heads: its row shows one map, the attention it computes implicitly ("layer{l}.implicit.attention",
// each row scaled to sum to 1), so a hybrid's attention and state-space layers sit in one overview.
// The second page, "Implicit attention vs a Transformer", trains small models of those families and
// a Transformer on the same corpus and shows their maps for the same text side by side.

#include "base/metatypes.h"
#include <QWidget>

#include <map>
#include <memory>

class HeadStepView;
class ImplicitComparePage;
class HeatmapPlot;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;

class AttentionView final : public QWidget {
    Q_OBJECT

public:
    explicit AttentionView(QWidget *parent = nullptr);
    ~AttentionView() override;

    HeatmapPlot *headPlot() const { return m_head; }
    HeadStepView *stepView() const { return m_steps; }
    QWidget *overview() const { return m_gridHost; }
    QWidget *entropyTable() const;
    // Shows the step-through page (true) or the heatmap page (false).
    void showStepThrough(bool on);
    int layerCount() const { return m_layers; }
    int headCount() const { return m_heads; } // the most heads of any layer; a state-space layer has 1
    // Whether layer `layer` of the last trace is a state-space layer (its map is implicit attention).
    bool isImplicitLayer(int layer) const { return m_implicit.count(layer) != 0; }
    ImplicitComparePage *comparePage() const { return m_compare; }
    // Shows the page of this model's heads (false) or the comparison of implicit attention (true).
    void showComparison(bool on);
    // Entropy (nats) of head h in layer l, averaged over the query rows.
    double headEntropy(int layer, int head) const;
    QString shadedText() const; // the HTML of the token-over-text view
    int selectedToken() const;  // the query token whose attention is shaded and outlined
    QString generatedText() const; // the text box: the prompt, and during generation what follows it
    // Encoders: whether the second-sentence field is offered, and what the last trace showed: each
    // token's type (0: [CLS] A [SEP], 1: B [SEP]; empty for other models) and the positions after
    // which a [SEP] boundary is drawn (every [SEP] but the last).
    bool pairInputShown() const;
    const QVector<int> &tokenTypes() const { return m_tokenTypes; }
    const QVector<int> &separatorBoundaries() const { return m_boundaries; }

public Q_SLOTS:
    void showTrace(std::shared_ptr<const lm::Trace> trace);
    void selectHead(int layer, int head);
    void selectToken(int query);
    void setGeneratedText(const QString &text);
    // The model to trace reads both ways (an encoder): offer the pair field, no generation.
    void setBidirectional(bool on);
    void setSecondText(const QString &text);

Q_SIGNALS:
    // `second`: the pair's second sentence, empty for one text (and for every causal model).
    void inspectRequested(const QString &text, const QString &second = QString());
    // Continue the text with the model, tracing after every token (the attention of each new
    // token back to the prompt); the text field follows through setGeneratedText().
    void generateRequested(const QString &prompt);

private:
    const lm::TraceMatrix *matrix(int layer, int head) const;
    void rebuildOverview();

    QLineEdit *m_text;
    QLineEdit *m_second = nullptr;
    QLabel *m_secondLabel = nullptr, *m_legend = nullptr;
    QPushButton *m_generate = nullptr, *m_clsRow = nullptr;
    QVector<int> m_tokenTypes, m_boundaries;
    QVector<QColor> m_bandColours;
    QLabel *m_note;
    QGridLayout *m_grid;
    QWidget *m_gridHost;
    HeatmapPlot *m_head;
    QComboBox *m_token;
    QLabel *m_shaded;
    QTableWidget *m_entropy;
    HeadStepView *m_steps;
    QTabWidget *m_pages = nullptr;
    QTabWidget *m_modes = nullptr; // this model | implicit attention vs a Transformer
    ImplicitComparePage *m_compare = nullptr;
    std::shared_ptr<const lm::Trace> m_trace;
    std::map<int, lm::TraceMatrix> m_implicit; // per state-space layer: its implicit attention, rows summing to 1
    int m_layers = 0, m_heads = 0, m_layer = 0, m_headIndex = 0;
};
