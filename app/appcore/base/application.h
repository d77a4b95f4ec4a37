#pragma once
// Start-up shared by the GUI and the CLI: names for QSettings, and the translation that matches
// the language setting (or the system locale when none is set).
#include <string>

namespace lm {
enum class View; // models/architecture.h
}
class QCoreApplication;
class QColor;
class QString;

// Sets organisation/application names and version, then applies the language: `language`
// ("en", "zh_TW") when not empty, else the saved setting, else the system locale (Chinese →
// zh_TW, anything else → en).
void initApplication(QCoreApplication &app, const QString &language);

// Installs the translators for `language` ("en" or "zh_TW"; others act as "en") in place of the
// ones installed before, and sets the default QLocale to match. Widgets built afterwards speak
// the new language; the GUI rebuilds its window for it (see gui/main.cpp).
void applyLanguage(QCoreApplication &app, const QString &language);

// The language in effect: "zh_TW" or "en".
QString currentLanguage();

// The display names, in the interface language, of the families of the table that feed `view`,
// as a list for a sentence ("RNN, LSTM and GRU").
QString familiesFeeding(lm::View view);
// A family of the architecture table by its name in the interface language ("GPT (Transformer
// decoder)"), and its colour in every plot; the name itself and an invalid colour when the table
// has no such family.
QString familyDisplayName(const std::string &arch);
QColor familyColour(const std::string &arch);
