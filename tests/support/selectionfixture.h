// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/paper.h"
#include "domain/score.h"
#include "net/retrypolicy.h"
#include "selection/selectionconfig.h"
#include "selection/selectionsummary.h"

#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

class Database;
class FakeLlmServer;
class SelectionRun;

// A real SQLite file in a temporary folder with papers stored the way ingest stores them.
class SelectionFixture final
{
public:
    SelectionFixture();
    ~SelectionFixture();

    bool open();
    Database &db() { return *m_db; }
    // Papers 2510.1xxxx numbered from 1, with distinct titles and abstracts, stored in the database.
    QList<Paper> addPapers(int count, int firstNumber = 1);
    static QList<Paper> makePapers(int count, int firstNumber = 1); // not stored
    bool store(const QList<Paper> &papers);
    qint64 newRun(const QString &model);

    // A config that talks to the fake server with the given provider and a cheap, fast retry.
    static SelectionConfig configFor(const FakeLlmServer &server, const QString &provider);
    static QStringList ids(const QList<Paper> &papers);
    // Four attempts with waits of tens of milliseconds: retries without slowing the tests down.
    static RetryPolicy fastRetry();

    // Starts the run and waits for finished(); nullopt when it never came.
    static std::optional<SelectionSummary> runToEnd(SelectionRun &run, qint64 runId, const QStringList &ids,
                                                    int timeoutMs = 15000);

    // Rows of the scores table for a stage ("title" | "abstract"), by arXiv id.
    QHash<QString, Score> scores(const QString &stage);
    int count(const QString &sql);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
};
