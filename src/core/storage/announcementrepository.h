// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "preparedstatements.h"

#include "domain/announcetype.h"

#include <QDate>
#include <QList>
#include <QString>

class Database;

// The announcements table: which paper arXiv listed on which day, under which category, as what.
// A re-fetch of a day replaces its rows.
class AnnouncementRepository final
{
public:
    explicit AnnouncementRepository(Database &db);
    Q_DISABLE_COPY_MOVE(AnnouncementRepository)

    struct Announcement
    {
        qint64 paperId = 0;
        QString category;
        AnnounceType type = AnnounceType::New;
        int version = 1;
    };

    bool add(qint64 paperId, const QDate &day, const QString &category, AnnounceType type, int version);
    // add() for a day's listings, in one statement.
    bool addMany(const QDate &day, const QList<Announcement> &rows);

    QString errorString() const { return m_sql.errorString(); }

private:
    PreparedStatements m_sql;
};
