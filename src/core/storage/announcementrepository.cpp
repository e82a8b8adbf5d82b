// SPDX-License-Identifier: GPL-3.0-or-later
#include "announcementrepository.h"

#include "sqljson.h"

using namespace Qt::Literals::StringLiterals;

namespace {
enum Slot { InsertOne, InsertMany };
} // namespace

AnnouncementRepository::AnnouncementRepository(Database &db)
    : m_sql(db, "AnnouncementRepository")
{
}

bool AnnouncementRepository::add(qint64 paperId, const QDate &day, const QString &category, AnnounceType type,
                                 int version)
{
    QSqlQuery &q = m_sql.get(InsertOne, u"INSERT OR REPLACE INTO announcements (paper_id, day, category, type, version) "
                                        u"VALUES (?, ?, ?, ?, ?)"_s);
    q.bindValue(0, paperId);
    q.bindValue(1, day.toString(Qt::ISODate));
    q.bindValue(2, category);
    q.bindValue(3, announceTypeToString(type));
    q.bindValue(4, std::max(1, version));
    return q.exec() || m_sql.fail(q);
}

bool AnnouncementRepository::addMany(const QDate &day, const QList<Announcement> &rows)
{
    if (rows.isEmpty())
        return true;
    // [[paper, "category", "type", version], ...]: one statement for the day, one bound value.
    QString json;
    json.reserve(rows.size() * 32 + 2);
    json += u'[';
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Announcement &a = rows.at(i);
        json += i ? u",["_s : u"["_s;
        json += QString::number(a.paperId);
        json += u',';
        SqlJson::appendString(json, a.category);
        json += u',';
        SqlJson::appendString(json, announceTypeToString(a.type));
        json += u',';
        json += QString::number(std::max(1, a.version));
        json += u']';
    }
    json += u']';
    QSqlQuery &q = m_sql.get(InsertMany,
                             u"INSERT OR REPLACE INTO announcements (paper_id, day, category, type, version) "
                             u"SELECT json_extract(value, '$[0]'), ?, json_extract(value, '$[1]'), "
                             u"json_extract(value, '$[2]'), json_extract(value, '$[3]') FROM json_each(?)"_s);
    q.bindValue(0, day.toString(Qt::ISODate));
    q.bindValue(1, json);
    return m_sql.exec(q);
}
