// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;
class QLocale;

// The application's translations, embedded under :/i18n. English is a translation too: its only job is
// the plural forms ("1 paper", "2 papers") that tr("%n paper(s)", nullptr, n) cannot pick by itself.
namespace Translations {
// Installs English plurals, then the language of `locale` on top (when PaperSieve has it). Returns the
// number of translators installed.
int install(QCoreApplication &app, const QLocale &locale);
} // namespace Translations
