// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmerrortext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace {
QString messageFromJson(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (!value.isObject())
        return {};
    const QJsonObject o = value.toObject();
    if (o.contains(u"error"_s)) {
        const QString inner = messageFromJson(o.value(u"error"_s));
        if (!inner.isEmpty())
            return inner;
    }
    QString message = o.value(u"message"_s).toString();
    // OpenRouter wraps the upstream provider's words in metadata.raw.
    const QJsonValue raw = o.value(u"metadata"_s).toObject().value(u"raw"_s);
    if (raw.isString() && !raw.toString().isEmpty())
        message = message.isEmpty() ? raw.toString() : message + u": "_s + raw.toString();
    if (message.isEmpty())
        message = o.value(u"detail"_s).toString();
    return message;
}
} // namespace

namespace LlmErrorText {

QString redactSecrets(QString text)
{
    static const QRegularExpression openAiKey(u"\\b(sk-[A-Za-z0-9]{0,4})[A-Za-z0-9_\\-*]{6,}"_s);
    static const QRegularExpression anthropicKey(u"\\b(sk-ant-)[A-Za-z0-9_\\-*]{6,}"_s);
    static const QRegularExpression googleKey(u"\\b(AIza)[0-9A-Za-z_\\-]{10,}"_s);
    static const QRegularExpression queryKey(u"([?&](?:key|api[-_]?key)=)[^&\\s]+"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    text.replace(anthropicKey, u"\\1…"_s);
    text.replace(openAiKey, u"\\1…"_s);
    text.replace(googleKey, u"\\1…"_s);
    text.replace(queryKey, u"\\1…"_s);
    return text;
}

QString oneLine(const QString &text, int maxChars)
{
    QString s = text.simplified();
    if (s.size() > maxChars)
        s = s.left(maxChars - 1) + u'…';
    return s;
}

QString extractMessage(const QByteArray &body)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    QString message;
    if (err.error == QJsonParseError::NoError) {
        if (doc.isObject())
            message = messageFromJson(doc.object());
        else if (doc.isArray() && !doc.array().isEmpty())
            message = messageFromJson(doc.array().first()); // Gemini sometimes wraps the error in a list
    } else {
        static const QRegularExpression tags(u"<[^>]*>"_s);
        message = QString::fromUtf8(body.left(2000));
        message.replace(tags, u" "_s);
    }
    return oneLine(redactSecrets(message));
}

QString describe(const QString &providerName, int httpStatus, const QByteArray &body)
{
    const QString message = extractMessage(body);
    QString head;
    switch (httpStatus) {
    case 401:
        head = QCoreApplication::translate("LlmErrorText", "%1 rejected the API key (%2)");
        break;
    case 403:
        head = QCoreApplication::translate("LlmErrorText", "%1 refused access with this API key (%2)");
        break;
    case 402:
        head = QCoreApplication::translate("LlmErrorText", "%1 says the account has no credit left (%2)");
        break;
    case 404:
        head = QCoreApplication::translate("LlmErrorText", "%1 does not know this model or address (%2)");
        break;
    case 408:
    case 504:
        head = QCoreApplication::translate("LlmErrorText", "%1 timed out (%2)");
        break;
    case 413:
        head = QCoreApplication::translate("LlmErrorText", "%1 says the request is too large (%2)");
        break;
    case 429:
        head = QCoreApplication::translate("LlmErrorText", "%1 is rate limiting requests (%2)");
        break;
    case 529:
        head = QCoreApplication::translate("LlmErrorText", "%1 is overloaded (%2)");
        break;
    default:
        if (httpStatus >= 500)
            head = QCoreApplication::translate("LlmErrorText", "%1 had a server error (%2)");
        else if (httpStatus >= 400)
            head = QCoreApplication::translate("LlmErrorText", "%1 refused the request (%2)");
        else
            head = QCoreApplication::translate("LlmErrorText", "%1 answered with HTTP status %2");
    }
    head = head.arg(providerName).arg(httpStatus);
    return message.isEmpty() ? head : head + u": "_s + message;
}

} // namespace LlmErrorText
