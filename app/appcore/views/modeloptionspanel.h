#pragma once
// ModelOptionsPanel: the model picker and its options, built from the architecture table
// (models/architecture.h). One page of fields per family, each field made from the option's
// type (integer: spin box, real: double spin box, true/false: check box, choice: combo box),
// labelled and explained in the interface language; below, the exact parameter count of the
// chosen model. For an encoder (a bidirectional family) it also counts every encoder family at
// the same width, layers and heads side by side, so ALBERT's saving (factorised embeddings, one
// shared layer) shows, with a line saying why. A family added to the table appears here without
// a change to this file.
#include "models/architecture.h"

#include <QVector>
#include <QWidget>

#include <nlohmann/json.hpp>

class QComboBox;
class QFormLayout;
class QLabel;
class QStackedWidget;

class ModelOptionsPanel final : public QWidget {
    Q_OBJECT

public:
    explicit ModelOptionsPanel(QWidget *parent = nullptr);

    const lm::Architecture &architecture() const;
    QString architectureName() const;
    // Selects a family by name; false (and no change) when the table has none by that name.
    bool setArchitecture(const QString &name);
    // The chosen family's option values by name, every option present.
    nlohmann::json values() const;
    // Sets the given options of the chosen family (others keep their fields); unknown names and
    // values the option refuses are skipped.
    void setValues(const nlohmann::json &values);
    // The vocabulary and window the parameter count assumes (the tokenizer decides the first).
    void setCountAssumptions(int vocabSize, int seq);
    QString parameterText() const;
    // Every bidirectional family (table order) with its exact parameter count for the shown
    // options (those it shares; its own at their defaults, an embedding width capped at the
    // width); empty unless a bidirectional family is shown. A family whose config fails is left out.
    struct FamilyCount {
        QString name; // the table's name
        QString displayName;
        qint64 parameters = 0;
    };
    const QVector<FamilyCount> &encoderFamilyCounts() const { return m_familyCounts; }
    QString familyComparisonText() const;
    // The picker, for tests and for enabling with the rest of the setup.
    QComboBox *picker() const { return m_picker; }
    // The field of option `name` on the chosen family's page; null when it has none.
    QWidget *field(const QString &name) const;

Q_SIGNALS:
    void changed();

private:
    QWidget *makePage(const lm::Architecture &arch);
    void showPage(int index);
    void updateCount();
    void updateFamilyCounts();

    QComboBox *m_picker;
    QStackedWidget *m_pages;
    QLabel *m_count;
    QLabel *m_families;
    QVector<FamilyCount> m_familyCounts;
    int m_vocabSize = 256;
    int m_seq = 32;
};
