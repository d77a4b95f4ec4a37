#include "application.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

void initApplication(QCoreApplication &app, const QString &language)
{
    QCoreApplication::setOrganizationName(QStringLiteral("LMScope"));
    QCoreApplication::setApplicationName(QStringLiteral("LMScope"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QString lang = language;
    if (lang.isEmpty())
        lang = QSettings().value(QStringLiteral("ui/language")).toString();
    if (lang.isEmpty())
        lang = QLocale().name().startsWith(QStringLiteral("zh")) ? QStringLiteral("zh_TW") : QStringLiteral("en");
    if (lang != QStringLiteral("zh_TW"))
        return;
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::TraditionalHanScript, QLocale::Taiwan));
    auto *ours = new QTranslator(&app);
    if (ours->load(QStringLiteral(":/i18n/lmscope_zh_TW.qm")))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app); // Qt's own dialogs and buttons
    if (qt->load(QStringLiteral("qtbase_zh_TW"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}
