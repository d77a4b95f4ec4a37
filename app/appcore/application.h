#pragma once
// Start-up shared by the GUI and the CLI: names for QSettings, and the translation that matches
// the language setting (or the system locale when none is set).
class QCoreApplication;
class QString;

// Sets organisation/application names and version; installs the zh_TW translator when the chosen
// language is Traditional Chinese. `language` overrides the setting when not empty ("en", "zh_TW").
void initApplication(QCoreApplication &app, const QString &language);
