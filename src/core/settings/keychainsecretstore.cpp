// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    // No plaintext fallback: a key that cannot go to the keychain is not stored at all.
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *j) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (j->error() == QKeychain::NoError)
            done(true, readJob->textData(), QString());
        else if (j->error() == QKeychain::EntryNotFound)
            done(true, QString(), QString());
        else
            done(false, QString(), j->errorString());
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context, DoneCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(value);
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError, j->error() == QKeychain::NoError ? QString() : j->errorString());
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        done(ok, ok ? QString() : j->errorString());
    });
    job->start();
}
