// SPDX-License-Identifier: GPL-3.0-or-later
#include "criteria.h"

#include <QCryptographicHash>
#include <QFile>

using namespace Qt::Literals::StringLiterals;

namespace {
QString readPrompt(const QString &name)
{
    QFile f(u":/prompts/"_s + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("built-in prompt %s is missing from the resources", qPrintable(name));
    return QString::fromUtf8(f.readAll()).trimmed();
}
} // namespace

Criteria Criteria::defaults()
{
    Criteria c;
    c.systemPrompt = readPrompt(u"system_prompt.md"_s);
    c.topics = readPrompt(u"topics.md"_s);
    c.rubric = readPrompt(u"rubric.md"_s);
    c.titlePostfix = readPrompt(u"title_postfix.md"_s);
    c.abstractPostfix = readPrompt(u"abstract_postfix.md"_s);
    return c;
}

QByteArray Criteria::contentHash() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString *text : {&systemPrompt, &topics, &rubric, &titlePostfix, &abstractPostfix}) {
        // Trimmed, as PromptBuilder sends them: a stray blank line is not a new criteria version.
        const QByteArray utf8 = text->trimmed().toUtf8();
        hash.addData(QByteArray(QByteArray::number(utf8.size()) + ':'));
        hash.addData(utf8);
    }
    return hash.result().toHex();
}
