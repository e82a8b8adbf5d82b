// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlscript.h"

using namespace Qt::Literals::StringLiterals;

QStringList splitSqlScript(const QString &script)
{
    QStringList statements;
    QString current;
    bool inTrigger = false;
    const auto lines = QStringView(script).split(u'\n');
    for (QStringView raw : lines) {
        const QStringView line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u"--"))
            continue;
        if (current.isEmpty() && line.startsWith(u"CREATE TRIGGER", Qt::CaseInsensitive))
            inTrigger = true;
        if (!current.isEmpty())
            current += u'\n';
        current += line;
        const bool ends = inTrigger ? line.compare(u"END;", Qt::CaseInsensitive) == 0 : line.endsWith(u';');
        if (ends) {
            statements << current;
            current.clear();
            inTrigger = false;
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current;
    return statements;
}
