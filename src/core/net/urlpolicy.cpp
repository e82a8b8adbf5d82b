// SPDX-License-Identifier: GPL-3.0-or-later
#include "urlpolicy.h"

#include <QCoreApplication>
#include <QHostAddress>

using namespace Qt::Literals::StringLiterals;

namespace UrlPolicy {

bool isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString problemWith(const QUrl &url)
{
    // A password in the URL must not reach a message (they end up in logs and the runs table).
    const QString shown = url.toString(QUrl::RemoveUserInfo);
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("UrlPolicy", "'%1' is not a valid URL").arg(shown);
    if (url.scheme() == u"https")
        return {};
    if (url.scheme() == u"http" && isLoopback(url))
        return {};
    if (url.scheme() == u"http")
        return QCoreApplication::translate("UrlPolicy", "%1 is not on this computer, so it must use https://")
            .arg(url.host());
    return QCoreApplication::translate("UrlPolicy", "'%1' must start with https://").arg(shown);
}

} // namespace UrlPolicy
