// SPDX-License-Identifier: GPL-3.0-or-later
#include "arxivurls.h"

#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

QUrl ArxivUrls::rssFeed(const QUrl &base, const QStringList &categories)
{
    QUrl url = base;
    QString path = url.path();
    if (!path.endsWith(u'/'))
        path += u'/';
    url.setPath(path + categories.join(u'+'));
    return url;
}

QUrl ArxivUrls::apiIdList(const QUrl &base, const QStringList &arxivIds)
{
    QUrl url = base;
    QUrlQuery q;
    q.addQueryItem(u"id_list"_s, arxivIds.join(u','));
    q.addQueryItem(u"start"_s, u"0"_s);
    q.addQueryItem(u"max_results"_s, QString::number(arxivIds.size()));
    url.setQuery(q);
    return url;
}

QUrl ArxivUrls::apiRecent(const QUrl &base, const QStringList &categories, int start, int maxResults)
{
    QStringList terms;
    for (const QString &c : categories)
        terms << u"cat:"_s + c;
    QUrl url = base;
    QUrlQuery q;
    q.addQueryItem(u"search_query"_s, terms.join(u" OR "_s));
    q.addQueryItem(u"sortBy"_s, u"lastUpdatedDate"_s);
    q.addQueryItem(u"sortOrder"_s, u"descending"_s);
    q.addQueryItem(u"start"_s, QString::number(start));
    q.addQueryItem(u"max_results"_s, QString::number(maxResults));
    url.setQuery(q);
    return url;
}

QUrl ArxivUrls::apiSubmittedBetween(const QUrl &base, const QStringList &categories, const QDateTime &from,
                                    const QDateTime &to, int start, int maxResults)
{
    QStringList terms;
    for (const QString &c : categories)
        terms << u"cat:"_s + c;
    // Both ends of the API's range are inclusive at minute resolution: [from, to) ends a minute early.
    const auto stamp = [](const QDateTime &t) { return t.toUTC().toString(u"yyyyMMddHHmm"_s); };
    const QString query = u"("_s + terms.join(u" OR "_s) + u") AND submittedDate:["_s + stamp(from) + u" TO "_s
        + stamp(to.addSecs(-60)) + u"]"_s;
    QUrl url = base;
    QUrlQuery q;
    q.addQueryItem(u"search_query"_s, query);
    q.addQueryItem(u"sortBy"_s, u"submittedDate"_s);
    q.addQueryItem(u"sortOrder"_s, u"ascending"_s);
    q.addQueryItem(u"start"_s, QString::number(start));
    q.addQueryItem(u"max_results"_s, QString::number(maxResults));
    url.setQuery(q);
    return url;
}
