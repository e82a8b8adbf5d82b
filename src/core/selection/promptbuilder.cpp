// SPDX-License-Identifier: GPL-3.0-or-later
#include "promptbuilder.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace {
QString builtinText(const QString &name)
{
    QFile f(u":/prompts/"_s + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("built-in prompt %s is missing from the resources", qPrintable(name));
    return QString::fromUtf8(f.readAll()).trimmed();
}

const QString &titleNote()
{
    static const QString text = builtinText(u"papers_note_title.md"_s);
    return text;
}

const QString &abstractNote()
{
    static const QString text = builtinText(u"papers_note_abstract.md"_s);
    return text;
}

// Non-empty parts joined by one blank line, ending in a blank line so the papers start cleanly.
QString joinFixed(const QStringList &parts)
{
    QStringList kept;
    for (const QString &p : parts) {
        const QString t = p.trimmed();
        if (!t.isEmpty())
            kept.append(t);
    }
    return kept.join(u"\n\n"_s) + u"\n\n"_s;
}

QString authorsLine(const Paper &paper, int maxAuthors)
{
    QStringList names;
    for (const Author &a : paper.authors)
        names.append(a.name);
    if (names.size() > maxAuthors) {
        names = names.mid(0, maxAuthors);
        names.append(u"et al."_s);
    }
    return names.join(u", "_s);
}

LlmPrompt makePrompt(const Criteria &criteria, const QString &fixed, const QString &papers)
{
    LlmPrompt p;
    p.system = criteria.systemPrompt.trimmed();
    p.user = fixed + papers;
    p.fixedLength = fixed.size();
    return p;
}
} // namespace

QString PromptBuilder::fenceText(const QString &text)
{
    // Any "<" that opens something reading like our fence tags becomes a look-alike that closes nothing.
    static const QRegularExpression tag(u"<(\\s*/?\\s*papers?)"_s, QRegularExpression::CaseInsensitiveOption);
    QString t = text.simplified();
    t.replace(tag, u"‹\\1"_s);
    return t;
}

QString PromptBuilder::fixedTitlePart(const Criteria &criteria)
{
    return joinFixed({criteria.topics, criteria.titlePostfix, titleNote()});
}

QString PromptBuilder::fixedAbstractPart(const Criteria &criteria)
{
    return joinFixed({criteria.topics, criteria.rubric, criteria.abstractPostfix, abstractNote()});
}

LlmPrompt PromptBuilder::titleBatch(const Criteria &criteria, const QList<Paper> &papers)
{
    QString body = u"<papers>\n"_s;
    for (qsizetype i = 0; i < papers.size(); ++i)
        body += u'[' + QString::number(i + 1) + u"] "_s + fenceText(papers.at(i).title) + u'\n';
    body += u"</papers>\n"_s;
    return makePrompt(criteria, fixedTitlePart(criteria), body);
}

LlmPrompt PromptBuilder::abstractBatch(const Criteria &criteria, const QList<Paper> &papers, const Options &options)
{
    QStringList blocks;
    for (const Paper &paper : papers) {
        QString abstract = paper.abstract.simplified();
        if (options.maxAbstractChars > 0 && abstract.size() > options.maxAbstractChars)
            abstract = abstract.left(options.maxAbstractChars) + u'…';
        // The id is an arXiv id we parsed ourselves, but fence it too: it sits inside an attribute.
        QString block = u"<paper id=\""_s + fenceText(paper.arxivId).remove(u'"') + u"\">\n"_s;
        block += u"Title: "_s + fenceText(paper.title) + u'\n';
        if (options.includeAuthors && !paper.authors.isEmpty())
            block += u"Authors: "_s + fenceText(authorsLine(paper, options.maxAuthors)) + u'\n';
        block += u"Abstract: "_s + fenceText(abstract) + u"\n</paper>"_s;
        blocks.append(block);
    }
    const QString body = blocks.isEmpty() ? QString() : blocks.join(u"\n\n"_s) + u'\n';
    return makePrompt(criteria, fixedAbstractPart(criteria), body);
}

LlmPrompt PromptBuilder::preview(const Criteria &criteria, const QList<Paper> &samplePapers)
{
    return abstractBatch(criteria, samplePapers);
}

LlmPrompt PromptBuilder::previewTitles(const Criteria &criteria, const QList<Paper> &samplePapers)
{
    return titleBatch(criteria, samplePapers);
}

QString PromptBuilder::cacheKey(const LlmPrompt &prompt)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(prompt.system.toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(prompt.fixedPart().toUtf8());
    return u"papersieve-"_s + QString::fromLatin1(hash.result().toHex().left(16));
}
