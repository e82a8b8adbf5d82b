// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

#include <QHash>

// A SecretStore in memory for unit tests: answers on the next event-loop turn, like the real one.
class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QString &value, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

    void setFailure(const QString &error) { m_failure = error; } // every call fails while set

private:
    QHash<QString, QString> m_values;
    QString m_failure;
};
