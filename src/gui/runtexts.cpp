// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtexts.h"

#include <QLocale>

QString RunTexts::stage(RunStage stage)
{
    switch (stage) {
    case RunStage::Feed: return tr("Fetching the feed");
    case RunStage::Metadata: return tr("Completing metadata");
    case RunStage::Authors: return tr("Matching followed authors");
    case RunStage::PreFilter: return tr("Pre-filtering titles");
    case RunStage::Scoring: return tr("Scoring abstracts");
    }
    return {};
}

QString RunTexts::advice(RunFailureKind kind)
{
    switch (kind) {
    case RunFailureKind::NoApiKey:
    case RunFailureKind::KeyRejected:
        return tr("Check the API key in Settings, then run again.");
    case RunFailureKind::KeychainUnreadable:
        return tr("Unlock the system keychain (or enter the key again in Settings), then run again.");
    case RunFailureKind::ProviderUnreachable:
        return tr("Check the network connection and the LLM address in Settings, then press Retry.");
    case RunFailureKind::ProviderRefused:
        return tr("Check the model and the LLM address in Settings, then run again.");
    case RunFailureKind::ProviderUnavailable:
        return tr("The provider is overloaded or limiting requests: wait a few minutes, then press Retry.");
    case RunFailureKind::ArxivUnavailable:
        return tr("arXiv could not be reached: check the network connection, then press Retry.");
    case RunFailureKind::FeedUnreadable:
        return tr("arXiv's answer could not be read; press Retry later.");
    case RunFailureKind::BadSettings:
        return tr("Correct it in Settings, then run again.");
    case RunFailureKind::Database:
        return tr("Check the disk space and the permissions of the data folder, then run again.");
    case RunFailureKind::AlreadyRunning:
        return tr("Wait for the other run to finish.");
    case RunFailureKind::Cancelled:
    case RunFailureKind::None:
        break;
    }
    return tr("Press Retry; the papers and scores already stored are kept and not paid for twice.");
}

bool RunTexts::retryHelps(RunFailureKind kind)
{
    switch (kind) {
    case RunFailureKind::ProviderUnreachable:
    case RunFailureKind::ProviderUnavailable:
    case RunFailureKind::ArxivUnavailable:
    case RunFailureKind::FeedUnreadable:
    case RunFailureKind::Cancelled:
        return true;
    default:
        return false;
    }
}

QString RunTexts::dayName(const QDate &day, const QDate &today)
{
    const QLocale locale;
    if (!day.isValid())
        return tr("today's feed (%1)").arg(locale.toString(today, QStringLiteral("ddd d MMM")));
    return locale.toString(day, day.year() == today.year() ? QStringLiteral("ddd d MMM") : QStringLiteral("ddd d MMM yyyy"));
}

QString RunTexts::runFailed(const QDate &day, const QString &error, RunFailureKind kind, const QDate &today)
{
    QString detail = error.trimmed();
    if (detail.isEmpty())
        detail = tr("no reason was given");
    const QString text = tr("The run for %1 failed: %2").arg(dayName(day, today), detail);
    const QString what = advice(kind);
    return what.isEmpty() ? text : text + u'\n' + what;
}
