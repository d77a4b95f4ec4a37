#pragma once
// The integer fields of the app's forms: a range, a starting value, and digit grouping so that
// "10,000,000 steps" reads at a glance.
#include <QSpinBox>

inline QSpinBox *spinBox(int lo, int hi, int value, QWidget *parent)
{
    auto *s = new QSpinBox(parent);
    s->setRange(lo, hi);
    s->setValue(value);
    s->setGroupSeparatorShown(true);
    return s;
}
