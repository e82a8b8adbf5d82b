// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

// Why a run (or one of its stages) did not do its job, as a value: the window picks its advice and the
// command line its exit code from the kind, never from the text. `detail` is the one line a person
// needs to act (what answered what), already free of secrets.
enum class RunFailureKind {
    None,
    NoApiKey,            // the provider needs a key and none was given
    KeychainUnreadable,  // the key could not be read from the system keychain
    KeyRejected,         // 401 / 403, or the provider's own "key not valid"
    ProviderUnreachable, // no answer: connection refused, DNS, TLS, timeouts after every retry
    ProviderRefused,     // the request itself is wrong: 400 (a parameter), 404 (model or path), a refused redirect
    ProviderUnavailable, // 429 / 5xx after every retry, or too many failed batches in a row
    ArxivUnavailable,    // arXiv could not be reached or answered an error
    FeedUnreadable,      // arXiv's answer is not a feed PaperSieve can read
    BadSettings,         // categories, addresses or the provider are not usable as set
    Database,            // the database could not be read or written (full disk, read-only, damaged)
    AlreadyRunning,      // another run holds this database
    Cancelled,           // the user (or a signal) stopped it
};

struct RunFailure
{
    RunFailureKind kind = RunFailureKind::None;
    QString detail;

    bool isFailure() const { return kind != RunFailureKind::None; }
    explicit operator bool() const { return isFailure(); }
};
Q_DECLARE_METATYPE(RunFailure)
