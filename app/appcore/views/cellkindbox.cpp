#include "views/cellkindbox.h"

#include "models/recurrent/recurrent.h"

#include <QCoreApplication>

QComboBox *cellKindBox(QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->addItem(QCoreApplication::translate("SequenceTaskPages", "Simple RNN"), int(lm::CellKind::Rnn));
    box->addItem(QCoreApplication::translate("SequenceTaskPages", "LSTM"), int(lm::CellKind::Lstm));
    box->addItem(QCoreApplication::translate("SequenceTaskPages", "GRU"), int(lm::CellKind::Gru));
    box->setCurrentIndex(1);
    return box;
}
