// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstrunchecklist.h"

#include "domain/criteria.h"
#include "llm/llmapikeys.h"
#include "llm/llmproviders.h"
#include "settings/appsettings.h"
#include "settings/secretstore.h"

using namespace Qt::Literals::StringLiterals;

FirstRunChecklist::FirstRunChecklist(AppSettings &settings, SecretStore &secrets, QWidget *parent)
    : QLabel(parent)
    , m_settings(settings)
    , m_secrets(secrets)
{
    setObjectName(u"firstRunChecklist"_s);
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setMargin(12);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    refresh();
}

void FirstRunChecklist::refresh()
{
    const QString provider = m_settings.provider();
    m_hasKey = !LlmProviders::needsApiKey(provider) || !LlmApiKeys::fromEnvironment(provider).isEmpty();
    render();
    if (m_hasKey)
        return;
    // The keychain answers later; the step is ticked when it does.
    m_secrets.read(LlmApiKeys::secretName(provider), this, [this](bool ok, const QString &value, const QString &) {
        m_hasKey = ok && !value.trimmed().isEmpty();
        render();
    });
}

void FirstRunChecklist::render()
{
    const QString done = u"✓"_s, todo = u"○"_s;
    const QStringList categories = m_settings.categories();
    const bool exampleInterests = m_settings.criteria() == Criteria::defaults();
    auto step = [](const QString &mark, const QString &text) -> QString { return u"<p>"_s + mark + u"&nbsp;&nbsp;"_s + text + u"</p>"_s; };
    QString html = u"<h3>"_s + tr("Your library is empty: four steps to your first digest") + u"</h3>"_s;
    html += step(categories.isEmpty() ? todo : done,
                 tr("<b>Categories</b>: %1 — <a href=\"settings\">choose yours</a>")
                     .arg(categories.isEmpty() ? tr("none yet") : categories.join(u", "_s).toHtmlEscaped()));
    html += step(m_hasKey ? done : todo,
                 m_hasKey ? tr("<b>API key</b>: stored — <a href=\"model\">change the model or key</a>")
                          : tr("<b>API key</b>: none yet — <a href=\"model\">add your provider's key</a>"));
    html += step(exampleInterests ? todo : done,
                 exampleInterests ? tr("<b>Your research interests</b>: still the shipped example — "
                                       "<a href=\"interests\">write yours</a> (every paper is scored against them)")
                                  : tr("<b>Your research interests</b>: yours — <a href=\"interests\">edit</a>"));
    html += step(todo, tr("<b>Run now</b> (F5): fetch today's papers and score them — <a href=\"run\">run now</a>; "
                          "Research interests shows what it will cost first"));
    setText(html);
}
