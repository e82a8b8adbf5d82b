// SPDX-License-Identifier: GPL-3.0-or-later
#include "dailyfixture.h"

#include "llm/llmapikeys.h"
#include "schedule/dailycontroller.h"
#include "schedule/schedulestate.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

using namespace Qt::Literals::StringLiterals;

DailyFixture::DailyFixture()
{
    FakeArxivServer::clearEnvironment();
    qunsetenv("PAPERSIEVE_LLM_BASE_URL");
    qunsetenv("OPENAI_API_KEY");
    if (!dir.isValid() || !arxiv.listen() || !llm.listen())
        return;
    // "Start at login" writes here, never into the user's own autostart folder.
    qputenv("XDG_CONFIG_HOME", dir.filePath(u"config"_s).toUtf8());
    llm.setExpectedApiKey(QString::fromLatin1(kApiKey));
    ini = std::make_unique<QSettings>(dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
    settings = std::make_unique<AppSettings>(*ini);
    settings->setArxivRssUrl(arxiv.rssBaseUrl().toString());
    settings->setArxivApiUrl(arxiv.apiUrl().toString());
    settings->setArxivRequestSpacingMs(10);
    settings->setArxivTimeoutMs(5000);
    settings->setProvider(u"openai"_s);
    settings->setModel(u"gpt-5"_s);
    settings->setLlmBaseUrl(llm.openAiBaseUrl().toString());
    settings->setAuthorMatchEnabled(false);
    db = std::make_unique<Database>(dir.filePath(u"papersieve.sqlite"_s));
    if (!db->open())
        return;
    bool written = false;
    secrets.write(LlmApiKeys::secretName(u"openai"_s), QString::fromLatin1(kApiKey), &arxiv,
                  [&written](bool ok, const QString &) { written = ok; });
    const QDeadlineTimer deadline(5000);
    while (!written && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    now = QDateTime(feedDay(), QTime(5, 0), zone());
    m_valid = written;
}

DailyFixture::~DailyFixture() = default;

std::unique_ptr<DailyController> DailyFixture::makeController()
{
    auto c = std::make_unique<DailyController>(*db, *settings, secrets);
    c->setClock([this] { return now; });
    c->setTimeZone(zone());
    return c;
}

void DailyFixture::setLastDoneDay(const QDate &day)
{
    ScheduleState s;
    s.lastDoneDay = day;
    s.armedSince = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    s.save(*settings);
}

void DailyFixture::judgeAllRelevant()
{
    llm.setJudge([](const FakeLlmPaper &) { return std::optional<FakeLlmJudgement>(FakeLlmJudgement{9, 9, QStringLiteral("on topic")}); });
}
