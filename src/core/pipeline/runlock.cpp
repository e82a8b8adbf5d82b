// SPDX-License-Identifier: GPL-3.0-or-later
#include "runlock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace RunLock {

QString pathFor(const QString &databasePath)
{
    // The file exists once the database is open; before that, the absolute path is the best name there is.
    const QFileInfo info(databasePath);
    const QString canonical = info.canonicalFilePath();
    return (canonical.isEmpty() ? info.absoluteFilePath() : canonical) + u".run-lock"_s;
}

std::unique_ptr<QLockFile> acquire(const QString &databasePath, RunFailure *failure)
{
    const QString lockPath = pathFor(databasePath);
    auto lock = std::make_unique<QLockFile>(lockPath);
    lock->setStaleLockTime(0);
    if (lock->tryLock(0))
        return lock;
    if (lock->error() != QLockFile::LockFailedError) {
        failure->kind = RunFailureKind::Database;
        failure->detail = QCoreApplication::translate("DailyRun",
            "Cannot create the run lock %1 (%2): is the database's folder writable, "
            "and is there free space?")
                              .arg(QDir::toNativeSeparators(lockPath),
                                  lock->error() == QLockFile::PermissionError
                                      ? QCoreApplication::translate("DailyRun", "permission denied")
                                      : QCoreApplication::translate("DailyRun", "unknown error"));
        return nullptr;
    }
    qint64 pid = 0;
    QString host, app;
    lock->getLockInfo(&pid, &host, &app);
    failure->kind = RunFailureKind::AlreadyRunning;
    failure->detail = QCoreApplication::translate("DailyRun",
        "Another PaperSieve run is already working on this database "
        "(process %1). Wait for it to finish, or stop it, then try again.")
                          .arg(pid);
    return nullptr;
}

} // namespace RunLock
