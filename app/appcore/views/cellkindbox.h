#pragma once
// The recurrent-cell picker the sequence-task pages share: Simple RNN, LSTM (selected) and GRU,
// each item's data the int of its lm::CellKind.
#include <QComboBox>

QComboBox *cellKindBox(QWidget *parent);
