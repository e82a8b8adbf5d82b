// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QString>
#include <QStringList>

class Database;

// Writes papers and scores into a test database through the real repositories.
namespace GuiFixture {

struct TestPaper
{
    QString arxivId;
    QString title;
    QStringList authors = {QStringLiteral("Ada Lovelace")};
    QStringList categories = {QStringLiteral("cs.LG")};
    QString abstract = QStringLiteral("An abstract.");
    QDate day = QDate(2025, 10, 7);
    int relevance = 0; // 0: not scored
    int novelty = 0;
    QString llmComment;
};

// Returns the paper row id (0 on failure, with a QTest failure message printed).
qint64 addPaper(Database &db, const TestPaper &paper);

} // namespace GuiFixture
