// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmltext.h"

#include "latextext.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace HtmlText {

QString escape(const QString &text)
{
    QString out = text.toHtmlEscaped(); // &, <, >, "
    out.replace(u'\'', u"&#39;"_s);
    return out;
}

QString escapeWithLinks(const QString &text)
{
    // Only http and https become links; the scheme is part of the match, so "javascript:" never does.
    static const QRegularExpression url(uR"(https?://[^\s<>"'{}|\\^`]+)"_s);
    QString out;
    qsizetype last = 0;
    auto it = url.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        QString target = m.captured();
        // Sentence punctuation after a URL is not part of it.
        while (!target.isEmpty() && QStringView(u".,;:!?)]").contains(target.back()))
            target.chop(1);
        if (target.size() <= 8)
            continue;
        out += escape(text.mid(last, m.capturedStart() - last));
        const QString safe = escape(target);
        out += u"<a href=\""_s + safe + u"\">"_s + safe + u"</a>"_s;
        last = m.capturedStart() + target.size();
    }
    out += escape(text.mid(last));
    return out;
}

QString readable(const QString &text)
{
    return escapeWithLinks(LatexText::toReadable(text));
}

QString literalRichText(const QString &text)
{
    // Plain text is no option: QToolTip calls it rich when its first line holds a known tag, or "&lt;".
    return u"<qt>"_s + escape(text).replace(u'\n', u"<br>"_s) + u"</qt>"_s;
}

} // namespace HtmlText
