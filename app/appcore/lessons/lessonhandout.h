#pragma once
// A lesson as a printable handout (PDF, A4) in one language: the title and summary, then each
// step's title and text, the figure the step produced on this machine with what its checks found
// (for the steps the learner ran), and its question with the choices; the answers and their
// explanations close the handout, so it works as a worksheet.
#include "lessons/lesson.h"

#include <QImage>
#include <QString>
#include <QStringList>

#include <map>

// What one run step left for the handout.
struct HandoutFigure {
    QImage image;       // the view the step showed (may be null: checks only)
    QStringList checks; // "✓ loss went from 3.98 to 0.75", in the handout's language
};

// Writes `path` (a PDF) whole or not at all; `figures` by step index (from 0). Needs a
// QGuiApplication (fonts). Returns an empty string on success, else what went wrong.
QString writeLessonHandout(const Lesson &lesson, bool chinese, const std::map<int, HandoutFigure> &figures,
                           const QString &path);
