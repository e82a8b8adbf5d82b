// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoreparser.h"

#include "text/controlchars.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {
// Index of the bracket closing the one at `open`, honouring JSON strings; -1 when unbalanced.
qsizetype matchingClose(const QString &s, qsizetype open)
{
    const QChar opener = s.at(open);
    const QChar closer = opener == u'{' ? u'}' : u']';
    int depth = 0;
    bool inString = false;
    QChar quote;
    for (qsizetype i = open; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (inString) {
            if (c == u'\\')
                ++i;
            else if (c == quote)
                inString = false;
            continue;
        }
        if (c == u'"') {
            inString = true;
            quote = c;
        } else if (c == opener) {
            ++depth;
        } else if (c == closer) {
            if (--depth == 0)
                return i;
        }
    }
    return -1;
}

// Objects nested deeper than this inside a candidate are not tried as one whole: no reply is shaped
// so, and it bounds the parsing of a reply of nested braces to a few passes over the text.
constexpr int kMaxCandidateHeight = 16;

struct Candidate
{
    qsizetype open = 0;
    qsizetype close = -1; // -1: never closed
    int height = 0;       // how deep braces nest inside it (0: none)
};

// Every '{' of the text with the '}' closing it, in one pass with a stack (a search to the end for
// every '{' was quadratic: minutes for 300,000 of them). JSON strings are skipped; a JSON string holds
// no raw line break, so a quote mark still open at the end of a line was prose, and the line ends it.
QList<Candidate> braceCandidates(QStringView s)
{
    QList<Candidate> all;
    QList<qsizetype> open; // indices into all
    bool inString = false;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (inString) {
            if (c == u'\\')
                ++i;
            else if (c == u'"' || c == u'\n')
                inString = false;
            continue;
        }
        if (c == u'"') {
            inString = true;
        } else if (c == u'{') {
            open.append(all.size());
            all.append({i, -1, 0});
        } else if (c == u'}' && !open.isEmpty()) {
            Candidate &closed = all[open.takeLast()];
            closed.close = i;
            if (!open.isEmpty()) {
                Candidate &parent = all[open.last()];
                parent.height = std::max(parent.height, closed.height + 1);
            }
        }
    }
    return all;
}

// Common ways models bend JSON, repaired only when the text does not parse as it is.
std::optional<QJsonDocument> parseRepaired(const QString &candidate)
{
    QJsonParseError err{};
    QJsonDocument doc = QJsonDocument::fromJson(candidate.toUtf8(), &err);
    if (err.error == QJsonParseError::NoError)
        return doc;
    QString fixed = candidate;
    static const QRegularExpression trailingComma(u",\\s*([}\\]])"_s);
    fixed.replace(trailingComma, u"\\1"_s);
    if (!fixed.contains(u'"') && fixed.contains(u'\''))
        fixed.replace(u'\'', u'"');
    static const QRegularExpression bareKey(u"([{,]\\s*)([A-Za-z_][A-Za-z0-9_ ]*?)\\s*:"_s);
    fixed.replace(bareKey, u"\\1\"\\2\":"_s);
    doc = QJsonDocument::fromJson(fixed.toUtf8(), &err);
    if (err.error == QJsonParseError::NoError)
        return doc;
    return std::nullopt;
}

void collect(const QJsonValue &value, QList<QJsonObject> *out)
{
    if (value.isArray()) {
        for (const QJsonValue &v : value.toArray())
            collect(v, out);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject o = value.toObject();
    bool wrapper = false;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.value().isArray()) {
            const QJsonArray a = it.value().toArray();
            if (!a.isEmpty() && a.first().isObject()) {
                wrapper = true;
                collect(a, out);
            }
        }
    }
    if (!wrapper)
        out->append(o);
}

QString keyOf(const QString &key)
{
    QString k;
    for (const QChar c : key)
        if (c.isLetterOrNumber())
            k += c.toLower();
    return k;
}

QJsonValue field(const QJsonObject &o, std::initializer_list<const char16_t *> names)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString k = keyOf(it.key());
        for (const char16_t *n : names)
            if (k == QStringView(n))
                return it.value();
    }
    return QJsonValue(QJsonValue::Undefined);
}

// A whole number from 8, 8.0, "8", " 8 ", "8/10"; nullopt otherwise.
std::optional<int> wholeNumber(const QJsonValue &v, QString *why)
{
    double d = 0;
    if (v.isDouble()) {
        d = v.toDouble();
    } else if (v.isString()) {
        static const QRegularExpression leading(u"^\\s*(-?\\d+(?:\\.\\d+)?)\\s*(?:/\\s*10)?\\s*$"_s);
        const auto m = leading.match(v.toString());
        if (!m.hasMatch()) {
            *why = ScoreParser::tr("'%1' is not a number").arg(v.toString().left(40));
            return std::nullopt;
        }
        d = m.captured(1).toDouble();
    } else {
        *why = v.isUndefined() ? ScoreParser::tr("no value") : ScoreParser::tr("not a number");
        return std::nullopt;
    }
    // Casting a double outside int's range is undefined behaviour (1e300, "99999999999").
    if (!std::isfinite(d) || d < std::numeric_limits<int>::min() || d > std::numeric_limits<int>::max()) {
        *why = ScoreParser::tr("%1 is far outside 1-10").arg(v.isString() ? v.toString().trimmed().left(40) : QString::number(d, 'g', 12));
        return std::nullopt;
    }
    if (std::floor(d) != d) {
        *why = ScoreParser::tr("%1 is not a whole number").arg(d);
        return std::nullopt;
    }
    // Clamped first: converting a double outside int's range (1e10) is undefined; out of 1-10 either way.
    return int(std::clamp(d, double(std::numeric_limits<int>::min()), double(std::numeric_limits<int>::max())));
}

QString stripFences(const QString &text)
{
    // ```json ... ``` and ```jsonl ... ```: drop the fence lines, keep what is between.
    static const QRegularExpression fence(u"```[A-Za-z]*"_s);
    QString t = text;
    t.replace(fence, QString());
    return t;
}
} // namespace

QString ScoreParser::normalizeId(const QString &text)
{
    static const QRegularExpression newStyle(u"(\\d{4}\\.\\d{4,5})(?:v\\d+)?"_s);
    static const QRegularExpression oldStyle(u"([a-z\\-]+(?:\\.[A-Z]{2})?/\\d{7})(?:v\\d+)?"_s);
    const QString t = text.trimmed();
    if (const auto m = newStyle.match(t); m.hasMatch())
        return m.captured(1);
    if (const auto m = oldStyle.match(t); m.hasMatch())
        return m.captured(1);
    return t;
}

QList<QJsonObject> ScoreParser::extractObjects(const QString &input)
{
    const QString text = stripFences(input.left(kMaxReplyLength));
    QList<QJsonObject> out;
    // The whole text first: a clean array or object is the common case.
    if (const auto doc = parseRepaired(text.trimmed())) {
        collect(doc->isArray() ? QJsonValue(doc->array()) : QJsonValue(doc->object()), &out);
        if (!out.isEmpty())
            return out;
    }
    // Otherwise every balanced {...} in turn; one that does not parse is searched for inner objects,
    // one that does is taken whole.
    qsizetype takenUntil = -1;
    for (const Candidate &c : braceCandidates(text)) {
        if (c.open <= takenUntil || c.close < 0 || c.height > kMaxCandidateHeight)
            continue;
        if (const auto doc = parseRepaired(text.mid(c.open, c.close - c.open + 1)); doc && doc->isObject()) {
            collect(doc->object(), &out);
            takenUntil = c.close;
        }
    }
    return out;
}

AbstractReply ScoreParser::parseAbstractReply(const QString &text, const QStringList &batchIds)
{
    AbstractReply reply;
    const QSet<QString> batch(batchIds.cbegin(), batchIds.cend());
    QHash<QString, ParsedScore> valid;
    QHash<QString, int> seen;
    QStringList order;

    const QList<QJsonObject> objects = extractObjects(text);
    reply.foundJson = !objects.isEmpty();
    if (text.size() > kMaxReplyLength)
        reply.problems.append(ScoreParser::tr("the reply is longer than %1 characters; the rest was not read").arg(kMaxReplyLength));
    for (const QJsonObject &o : objects) {
        const QJsonValue idValue = field(o, {u"arxivid", u"arxiv", u"id", u"paperid", u"paper"});
        const QString id = normalizeId(idValue.isDouble() ? QString::number(idValue.toDouble(), 'f', 5)
                                                          : idValue.toString());
        if (id.isEmpty()) {
            reply.problems.append(ScoreParser::tr("an object without an ARXIVID"));
            continue;
        }
        if (!batch.contains(id)) {
            reply.problems.append(ScoreParser::tr("unknown id %1 (not in this batch)").arg(id.left(40)));
            continue;
        }
        if (++seen[id] > 1) {
            reply.problems.append(ScoreParser::tr("%1 was scored more than once").arg(id));
            valid.remove(id);
            reply.whyMissing.insert(id, ScoreParser::tr("the reply scored it more than once"));
            continue;
        }
        QString why;
        const auto relevance = wholeNumber(field(o, {u"relevance", u"rel"}), &why);
        if (!relevance) {
            reply.problems.append(ScoreParser::tr("%1: relevance %2").arg(id, why));
            reply.whyMissing.insert(id, ScoreParser::tr("relevance: %1").arg(why));
            continue;
        }
        const auto novelty = wholeNumber(field(o, {u"novelty", u"nov"}), &why);
        if (!novelty) {
            reply.problems.append(ScoreParser::tr("%1: novelty %2").arg(id, why));
            reply.whyMissing.insert(id, ScoreParser::tr("novelty: %1").arg(why));
            continue;
        }
        if (*relevance < 1 || *relevance > 10 || *novelty < 1 || *novelty > 10) {
            const QString reason = ScoreParser::tr("scores %1/%2 are outside 1-10").arg(*relevance).arg(*novelty);
            reply.problems.append(id + u": "_s + reason);
            reply.whyMissing.insert(id, reason);
            continue;
        }
        const QJsonValue comment = field(o, {u"comment", u"comments", u"reason"});
        // The comment is shown and printed (stdout digest): no escape sequences from the model.
        const QString commentText = comment.isString() ? ControlChars::stripped(comment.toString()).trimmed() : QString();
        valid.insert(id, {id, *relevance, *novelty, commentText});
        order.append(id);
    }
    for (const QString &id : std::as_const(order))
        if (valid.contains(id) && seen.value(id) == 1)
            reply.scores.append(valid.value(id));
    for (const QString &id : batchIds) {
        if (!valid.contains(id) || seen.value(id) != 1) {
            reply.missing.append(id);
            if (!reply.whyMissing.contains(id))
                reply.whyMissing.insert(id, reply.foundJson ? ScoreParser::tr("the reply did not score it")
                                                            : ScoreParser::tr("the reply held no JSON"));
        } else {
            reply.whyMissing.remove(id);
        }
    }
    return reply;
}

TitleReply ScoreParser::parseTitleReply(const QString &input, const QStringList &batchIds)
{
    TitleReply reply;
    const QString text = stripFences(input);
    const qsizetype open = text.indexOf(u'[');
    const qsizetype close = open >= 0 ? matchingClose(text, open) : -1;
    if (close < 0) {
        reply.problems.append(open < 0 ? ScoreParser::tr("the reply held no list") : ScoreParser::tr("the list in the reply is cut off"));
        return reply;
    }
    reply.ok = true;
    const QString inside = text.mid(open + 1, close - open - 1);
    // Tokens: quoted strings or bare words between commas, so ["2510.03438", 12] and [2510.03438]
    // (an id written as a number) both work.
    static const QRegularExpression token(u"\"([^\"]*)\"|'([^']*)'|([^,\\s\\[\\]{}\"']+)"_s);
    QSet<QString> drop;
    auto it = token.globalMatch(inside);
    while (it.hasNext()) {
        const auto m = it.next();
        QString t = m.captured(1) + m.captured(2) + m.captured(3);
        t = t.trimmed();
        if (t.isEmpty())
            continue;
        bool isNumber = false;
        const int n = t.toInt(&isNumber);
        QString id;
        if (isNumber) {
            if (n >= 1 && n <= batchIds.size())
                id = batchIds.at(n - 1);
        } else {
            const QString norm = normalizeId(t);
            if (batchIds.contains(norm))
                id = norm;
        }
        if (id.isEmpty())
            reply.problems.append(ScoreParser::tr("unknown entry %1 (not in this batch)").arg(t.left(40)));
        else
            drop.insert(id);
    }
    for (const QString &id : batchIds)
        if (drop.contains(id))
            reply.drop.append(id);
    return reply;
}
