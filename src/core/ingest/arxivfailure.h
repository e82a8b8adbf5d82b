// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

struct HttpResult;

// One line for the user when a request to arXiv failed for good (after the queue's retries).
class ArxivFailure final
{
    Q_DECLARE_TR_FUNCTIONS(ArxivFailure)

public:
    // what: "arXiv's feed", "the arXiv API"; attempts: how many tries were made for retryable errors.
    static QString describe(const QString &what, const HttpResult &result, int attempts);
};
