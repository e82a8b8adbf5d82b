// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

// The time of the last request to one service by any process on this machine, kept in a small file
// guarded by a QLockFile. arXiv asks for 3 s between requests from one machine, not per process: a
// cron run and the GUI fetching at once must take turns too. RequestQueue::setSpacingLedger uses it.
//
// The file holds milliseconds since the epoch (wall clock, since that is what processes share).
// A clock set back is handled: no wait is ever longer than the interval asked for.
class SpacingLedger final
{
public:
    explicit SpacingLedger(const QString &path);

    QString path() const { return m_path; }

    // If no process sent within intervalMs, records "now" as the last request and returns 0: the
    // caller sends at once. Otherwise returns the milliseconds left and records nothing.
    // When the file cannot be locked or written at all (read-only directory), returns 0 after one
    // warning, so a broken ledger never stops the work; the in-process spacing still holds then.
    qint64 claim(qint64 intervalMs);

    // Tests move the clock; the default is QDateTime::currentMSecsSinceEpoch.
    void setClock(std::function<qint64()> nowMs) { m_nowMs = std::move(nowMs); }

private:
    void write(qint64 nowMs); // under the lock

    QString m_path;
    std::function<qint64()> m_nowMs;
    bool m_warned = false;
};
