// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmprovider.h"

#include "llmerrortext.h"

#include <QCoreApplication>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

QUrl LlmProvider::joinPath(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString p = url.path();
    while (p.endsWith(u'/'))
        p.chop(1);
    QString tail = path;
    while (tail.startsWith(u'/'))
        tail.remove(0, 1);
    url.setPath(p + u'/' + tail);
    return url;
}

bool LlmProvider::isOpenAiReasoningModel(const QString &model)
{
    QString m = model.toLower();
    if (const qsizetype slash = m.lastIndexOf(u'/'); slash >= 0)
        m = m.mid(slash + 1);
    return m.startsWith(u"gpt-5") || m.startsWith(u"o1") || m.startsWith(u"o3") || m.startsWith(u"o4");
}

std::optional<QJsonObject> LlmProvider::jsonObjectOrError(int httpStatus, const QByteArray &body,
                                                          LlmResponse &response) const
{
    response.httpStatus = httpStatus;
    if (httpStatus < 200 || httpStatus >= 300) {
        response.kind = LlmResponse::Kind::HttpError;
        response.error = LlmErrorText::describe(displayName(), httpStatus, body);
        return std::nullopt;
    }
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        response.kind = LlmResponse::Kind::BadBody;
        response.error = QCoreApplication::translate("LlmProvider", "%1 sent an answer that is not JSON: %2")
                             .arg(displayName(), err.errorString());
        return std::nullopt;
    }
    return doc.object();
}
