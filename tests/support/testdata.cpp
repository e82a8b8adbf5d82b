// SPDX-License-Identifier: GPL-3.0-or-later
#include "testdata.h"

#include <QFile>
#include <QtTest>

QString TestData::path(const QString &relative)
{
    const QString root = qEnvironmentVariable("PAPERSIEVE_TESTDATA");
    return root + u'/' + relative;
}

QByteArray TestData::read(const QString &relative)
{
    QFile f(path(relative));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("test data missing: %s (PAPERSIEVE_TESTDATA=%s)", qPrintable(relative),
               qPrintable(qEnvironmentVariable("PAPERSIEVE_TESTDATA")));
    return f.readAll();
}
