#pragma once
// FinetuneResults: what a fine-tuned model did on the test set, in two panels the fine-tuning
// page lays out (views/finetunepage.h):
//   summary  classify: the confusion matrix as a heatmap with counts (plots/confusionplot.h);
//            tag: precision, recall and F1 per entity type and overall
//   detail   classify: precision, recall and F1 per class, and the wrong examples (text, gold,
//            predicted, confidence; most confident first); tag: test sentences with the model's
//            tag on every word, coloured by entity type (a wrong tag outlined in red)
#include "workers/encoderjobs.h"

#include <QObject>

class ConfusionPlot;
class QLabel;
class QStackedWidget;
class QTableWidget;
class QWidget;

class FinetuneResults final : public QObject {
    Q_OBJECT

public:
    // The panels are created without a parent; the caller puts them in its layout.
    explicit FinetuneResults(QObject *parent = nullptr);
    ~FinetuneResults() override;

    QWidget *summary() const;
    QWidget *detail() const;
    void showResult(const FinetuneResult &result);
    void clear();

    ConfusionPlot *confusion() const { return m_confusion; }
    QTableWidget *classTable() const { return m_classes; }
    QTableWidget *wrongTable() const { return m_wrong; }
    QTableWidget *entityTable() const { return m_entities; }
    // A colour per entity type (PER, LOC, …; the same type always the same colour); white for O.
    static QColor entityColour(const QString &tag);

private:
    QStackedWidget *m_summary;
    QStackedWidget *m_detail;
    ConfusionPlot *m_confusion = nullptr;
    QTableWidget *m_entities = nullptr;
    QTableWidget *m_classes = nullptr;
    QTableWidget *m_wrong = nullptr;
    QWidget *m_sentences = nullptr; // tagged test sentences (TokenChips rows)
};
