#pragma once
// ModelOptionsPanel: the model picker and its options, built from the architecture table
// (models/architecture.h). One page of fields per family, each field made from the option's
// type (integer: spin box, real: double spin box, true/false: check box, choice: combo box),
// labelled and explained in the interface language; below, the exact parameter count of the
// chosen model. A family added to the table appears here without a change to this file.
#include "models/architecture.h"

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

    QComboBox *m_picker;
    QStackedWidget *m_pages;
    QLabel *m_count;
    int m_vocabSize = 256;
    int m_seq = 32;
};
