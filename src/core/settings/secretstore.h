// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>

// Where API keys live. Asynchronous because the system keychain may prompt the user.
// Implementations: KeychainSecretStore (QtKeychain: Secret Service, Keychain, Credential Manager)
// and MemorySecretStore (tests). A key never goes to QSettings, a log or a file.
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    // ok=false with error set when the store failed; ok=true with an empty value when there is no entry.
    using ReadCallback = std::function<void(bool ok, const QString &value, const QString &error)>;
    using DoneCallback = std::function<void(bool ok, const QString &error)>;

    // context: callbacks are dropped if it is destroyed first.
    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    virtual void write(const QString &key, const QString &value, QObject *context, DoneCallback done) = 0;
    virtual void remove(const QString &key, QObject *context, DoneCallback done) = 0;
};
