// SPDX-License-Identifier: GPL-3.0-or-later
// A second process for tst_singleinstance and tst_autostart (a real process that can be killed, and a
// program a desktop launcher can start).
//   singleinstancehelper primary NAME          claim as primary, print "primary", then one line per message
//   singleinstancehelper send NAME MESSAGE     MESSAGE = activate | run-now; prints the role it got
//   singleinstancehelper argv                  writes its arguments, one a line, to $PAPERSIEVE_ARGV_OUT
#include "platform/singleinstance.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {
void say(const char *line)
{
    std::printf("%s\n", line);
    std::fflush(stdout);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString mode = args.value(1);

    if (mode == u"argv"_s) {
        QFile out(qEnvironmentVariable("PAPERSIEVE_ARGV_OUT"));
        if (!out.open(QIODevice::WriteOnly))
            return 3;
        for (const QString &a : args.mid(1))
            out.write(a.toUtf8() + '\n');
        return 0;
    }

    SingleInstance instance(args.value(2));
    if (mode == u"primary"_s) {
        if (instance.claim(SingleInstance::Message::Activate, 2000) != SingleInstance::Role::Primary) {
            say("not-primary");
            return 1;
        }
        QObject::connect(&instance, &SingleInstance::activateRequested, [] { say("activate"); });
        QObject::connect(&instance, &SingleInstance::runNowRequested, [] { say("run-now"); });
        say("primary");
        return QCoreApplication::exec();
    }
    if (mode == u"send"_s) {
        const auto message = args.value(3) == u"run-now"_s ? SingleInstance::Message::RunNow : SingleInstance::Message::Activate;
        switch (instance.claim(message, 3000)) {
        case SingleInstance::Role::Primary: say("primary"); return 2;
        case SingleInstance::Role::Secondary: say("secondary"); return 0;
        case SingleInstance::Role::Failed: say("failed"); return 1;
        }
    }
    return 64;
}
