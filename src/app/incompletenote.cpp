// SPDX-License-Identifier: GPL-3.0-or-later
#include "incompletenote.h"

#include "text/htmltext.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace {
struct RunCommand
{
    Q_DECLARE_TR_FUNCTIONS(RunCommand)
};

// The cause is a server's or the system's text: one line, and no Markdown that could make a link.
QString markdownInline(QString text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text.simplified()) {
        if (QStringView(u"\\`*_[]<>#!|~").contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}
} // namespace

QString IncompleteNote::text(const QString &cause)
{
    return RunCommand::tr("This digest is incomplete: %1").arg(cause.simplified());
}

QByteArray IncompleteNote::apply(const QByteArray &rendered, CommandLine::Format format, const QString &cause)
{
    const QString note = text(cause);
    switch (format) {
    case CommandLine::Format::Markdown:
        return (u"**"_s + markdownInline(note) + u"**\n\n"_s).toUtf8() + rendered;
    case CommandLine::Format::Bibtex:
        // Text outside an entry is a comment for BibTeX; '@' would start one.
        return (u"% "_s + QString(note).replace(u'@', u' ') + u"\n\n"_s).toUtf8() + rendered;
    case CommandLine::Format::Html: {
        const QByteArray paragraph = (u"<p class=\"incomplete\"><strong>"_s + HtmlText::escape(note)
                                      + u"</strong></p>\n"_s).toUtf8();
        const qsizetype body = rendered.indexOf("<body>");
        if (body < 0)
            return paragraph + rendered;
        QByteArray out = rendered;
        qsizetype at = body + qsizetype(qstrlen("<body>"));
        if (at < out.size() && out.at(at) == '\n')
            ++at;
        return out.insert(at, paragraph);
    }
    case CommandLine::Format::Json: {
        QJsonDocument doc = QJsonDocument::fromJson(rendered);
        if (!doc.isObject())
            return rendered;
        QJsonObject root = doc.object();
        root.insert(u"incomplete"_s, cause.simplified());
        return QJsonDocument(root).toJson(QJsonDocument::Indented);
    }
    }
    return rendered;
}
