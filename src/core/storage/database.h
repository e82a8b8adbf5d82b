// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

// The local SQLite store. One file; WAL so the GUI reads while a run writes; foreign keys on.
// A QSqlDatabase connection belongs to the thread that opened it, so connection() hands each
// thread its own. Destroy the Database only after the threads that used it have finished.
class Database final
{
public:
    explicit Database(QString filePath);
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Creates the folder and file if needed, sets the pragmas and migrates to the current schema.
    // On failure returns false and errorString() says what to do; the file is never overwritten.
    bool open();
    bool isOpen() const { return m_open; }
    QString errorString() const { return m_error; }
    QString filePath() const { return m_filePath; }

    // The calling thread's connection (opened on first use).
    QSqlDatabase connection();
    // A worker thread calls this before it ends, so its connection is closed in the thread that owns it.
    void releaseThreadConnection();

    int schemaVersion();
    static int currentSchemaVersion();

    // <AppDataLocation>/papersieve.sqlite
    static QString defaultFilePath();

private:
    QSqlDatabase openConnection(const QString &name, QString *error);

    QString m_filePath;
    QString m_connectionPrefix;
    QString m_error;
    bool m_open = false;
    QMutex m_mutex;
    QHash<Qt::HANDLE, QString> m_connections; // thread -> connection name
};
