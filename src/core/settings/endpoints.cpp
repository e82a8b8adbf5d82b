// SPDX-License-Identifier: GPL-3.0-or-later
#include "endpoints.h"

#include "appsettings.h"


using namespace Qt::Literals::StringLiterals;

namespace {
QUrl pick(const char *envName, const QString &setting, const QString &fallback)
{
    const QString env = qEnvironmentVariable(envName);
    if (!env.isEmpty())
        return QUrl(env);
    if (!setting.isEmpty())
        return QUrl(setting);
    return fallback.isEmpty() ? QUrl() : QUrl(fallback);
}
} // namespace

Endpoints Endpoints::resolve(const AppSettings &settings)
{
    Endpoints e;
    e.arxivRss = pick("PAPERSIEVE_ARXIV_RSS_URL", settings.arxivRssUrl(), u"https://rss.arxiv.org/rss/"_s);
    e.arxivApi = pick("PAPERSIEVE_ARXIV_API_URL", settings.arxivApiUrl(), u"https://export.arxiv.org/api/query"_s);
    e.s2Api = pick("PAPERSIEVE_S2_API_URL", settings.s2ApiUrl(), u"https://api.semanticscholar.org/graph/v1"_s);
    e.llmBase = pick("PAPERSIEVE_LLM_BASE_URL", settings.llmBaseUrl(), QString());
    return e;
}
