// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "arxiv/apiresponse.h"
#include "daylisting.h"

#include <QDateTime>
#include <QString>

class Database;

// Writes a day's listing in one transaction: the papers (PaperRepository::upsertMany, which also indexes
// the new ones for full-text search), one announcements row per listed category (one statement), and the
// feed_days counts. Either all of it is stored or none of it.
class DayStore final
{
public:
    explicit DayStore(Database &db);

    // Returns false and sets errorString() when nothing was stored. *stored = papers inserted or updated.
    bool store(const DayListing &listing, const QDateTime &nowUtc, int *stored);

    // Fills stored papers from an API answer, in one transaction. *completed = records written.
    bool completeMetadata(const ApiResponse &response, int *completed);

    QString errorString() const { return m_error; }

private:
    Database &m_db;
    QString m_error;
};
