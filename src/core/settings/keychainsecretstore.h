// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

// API keys in the system keychain through QtKeychain, under one service name.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("PaperSieve"));

    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &value, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

private:
    QString m_service;
};
