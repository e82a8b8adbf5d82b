// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QDateTime>

// The schedule's answer for one moment: when the next automatic run starts and which feed day it reads.
struct SchedulePlan
{
    QDateTime runAt;      // in the user's time zone; invalid: nothing scheduled (see `day`)
    QDate day;            // the feed day (America/New_York date) the run fetches and the digest is dated by
    bool due = false;     // runAt <= now: start it now
    bool catchUp = false; // due because its regular time passed while the app was not running or asleep
    bool retry = false;   // an earlier automatic attempt for `day` failed; this is the next try

    bool isValid() const { return runAt.isValid() && day.isValid(); }
};
