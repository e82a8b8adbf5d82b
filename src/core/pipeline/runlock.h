// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/runfailure.h"

#include <memory>
#include <QLockFile>
#include <QString>

// One run per database file across processes: the window's scheduled run and a cron `papersieve run`
// on the same database must not both score the same papers (paying twice) or mark each other's live
// run as interrupted.
namespace RunLock {

// Next to the file's canonical path, so a symlinked, relative or ".."-spelled --db shares the lock.
QString pathFor(const QString &databasePath);
// The held lock, or nullptr with *failure saying why: another run (AlreadyRunning, with its process),
// or the lock file cannot be made (Database: read-only folder, full disk). QLockFile takes over a lock
// left by a killed process (its PID is gone).
std::unique_ptr<QLockFile> acquire(const QString &databasePath, RunFailure *failure);

} // namespace RunLock
