// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets.h"

#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString kRedacted = u"[redacted]"_s;
}

QString Secrets::scrub(QString text, const QStringList &knownSecrets)
{
    for (const QString &raw : knownSecrets) {
        const QString secret = raw.trimmed();
        if (secret.size() < kMinLength)
            continue;
        text.replace(secret, kRedacted);
        // A key can come back inside a URL or a form body.
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        if (encoded != secret)
            text.replace(encoded, kRedacted, Qt::CaseInsensitive);
    }
    return text;
}

QByteArray Secrets::scrub(QByteArray bytes, const QStringList &knownSecrets)
{
    for (const QString &raw : knownSecrets) {
        const QByteArray secret = raw.trimmed().toUtf8();
        if (secret.size() < kMinLength)
            continue;
        bytes.replace(secret, kRedacted.toUtf8());
        const QByteArray encoded = QUrl::toPercentEncoding(raw.trimmed());
        if (encoded != secret)
            bytes.replace(encoded, kRedacted.toUtf8());
    }
    return bytes;
}
