// SPDX-License-Identifier: GPL-3.0-or-later
#include "spacingledger.h"

#include <QDateTime>
#include <QFile>
#include <QLockFile>
#include <QSaveFile>
#include <QtDebug>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
// Held only for a read and a write of a few bytes; a holder that died is found stale by its PID.
constexpr int kLockWaitMs = 500;
constexpr int kBusyRetryMs = 20;
} // namespace

SpacingLedger::SpacingLedger(const QString &path)
    : m_path(path)
    , m_nowMs([] { return QDateTime::currentMSecsSinceEpoch(); })
{
}

qint64 SpacingLedger::claim(qint64 intervalMs)
{
    QLockFile lock(m_path + u".lock"_s);
    lock.setStaleLockTime(10000);
    if (!lock.tryLock(kLockWaitMs)) {
        if (lock.error() == QLockFile::LockFailedError)
            return kBusyRetryMs; // another process is in the few lines below right now
        if (!m_warned)
            qWarning("cannot lock %s; requests are spaced within this process only", qPrintable(m_path));
        m_warned = true;
        return 0;
    }
    const qint64 now = m_nowMs();
    QFile in(m_path);
    if (in.open(QIODevice::ReadOnly)) {
        bool ok = false;
        const qint64 last = in.read(64).trimmed().toLongLong(&ok);
        if (ok && last <= now) {
            if (const qint64 left = last + intervalMs - now; left > 0)
                return left;
        } else if (ok) {
            // A record from the future: the clock was set back. Count it as a request made now, so
            // everyone waits one interval and then goes, instead of waiting for the old clock.
            write(now);
            return intervalMs;
        }
    }
    write(now);
    return 0;
}

void SpacingLedger::write(qint64 nowMs)
{
    // Atomic replace, so a reader never sees half a number even if we die mid-write.
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly) || out.write(QByteArray::number(nowMs) + '\n') < 0 || !out.commit()) {
        if (!m_warned)
            qWarning("cannot write %s; requests are spaced within this process only", qPrintable(m_path));
        m_warned = true;
    }
}
