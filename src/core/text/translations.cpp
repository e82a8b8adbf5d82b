// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

int Translations::install(QCoreApplication &app, const QLocale &locale)
{
    int installed = 0;
    // Qt asks the translator installed last first, so the user's language wins over English plurals.
    auto *english = new QTranslator(&app);
    if (english->load(u":/i18n/papersieve_en.qm"_s) && QCoreApplication::installTranslator(english))
        ++installed;
    else
        delete english;
    if (locale.language() != QLocale::English && locale.language() != QLocale::C) {
        auto *native = new QTranslator(&app);
        if (native->load(locale, u"papersieve"_s, u"_"_s, u":/i18n"_s) && QCoreApplication::installTranslator(native))
            ++installed;
        else
            delete native;
    }
    return installed;
}
