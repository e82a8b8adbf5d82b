// SPDX-License-Identifier: GPL-3.0-or-later
#include "memorysecretstore.h"

#include <QTimer>

void MemorySecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    const bool ok = m_failure.isEmpty();
    const QString value = ok ? m_values.value(key) : QString();
    const QString error = m_failure;
    QTimer::singleShot(0, context, [=] { done(ok, value, error); });
}

void MemorySecretStore::write(const QString &key, const QString &value, QObject *context, DoneCallback done)
{
    const bool ok = m_failure.isEmpty();
    if (ok)
        m_values.insert(key, value);
    const QString error = m_failure;
    QTimer::singleShot(0, context, [=] { done(ok, error); });
}

void MemorySecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    const bool ok = m_failure.isEmpty();
    if (ok)
        m_values.remove(key);
    const QString error = m_failure;
    QTimer::singleShot(0, context, [=] { done(ok, error); });
}
