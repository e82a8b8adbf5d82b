// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakellmserver.h"

#include "selection/promptbuilder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool isReasoningModel(const QString &model)
{
    QString m = model.toLower();
    if (const qsizetype slash = m.lastIndexOf(u'/'); slash >= 0)
        m = m.mid(slash + 1);
    return m.startsWith(u"gpt-5") || m.startsWith(u"o1") || m.startsWith(u"o3") || m.startsWith(u"o4");
}

// Text a gullible model would take as an order when it reads it outside any paper fence.
bool looksLikeInjection(const QString &text)
{
    static const QRegularExpression order(
        u"ignore\\s+(all\\s+|the\\s+|any\\s+)?(previous\\s+|above\\s+|prior\\s+)?instructions|give\\s+every\\s+paper"_s,
        QRegularExpression::CaseInsensitiveOption);
    return order.match(text).hasMatch();
}

quint32 fnv1a(const QString &text)
{
    quint32 h = 2166136261u;
    for (const char c : text.toUtf8()) {
        h ^= quint8(c);
        h *= 16777619u;
    }
    return h;
}

qsizetype commonPrefix(const QString &a, const QString &b)
{
    const qsizetype n = std::min(a.size(), b.size());
    qsizetype i = 0;
    while (i < n && a.at(i) == b.at(i))
        ++i;
    return i;
}
} // namespace

QStringList FakeLlmCall::ids() const
{
    QStringList out;
    for (const FakeLlmPaper &p : papers)
        out.append(p.arxivId);
    return out;
}

FakeLlmServer::FakeLlmServer(QObject *parent)
    : QObject(parent)
{
    m_http.route("POST", "/v1/chat/completions", [this](const FakeRequest &r) { return handleOpenAi(r); });
    m_http.route("POST", "/v1/messages", [this](const FakeRequest &r) { return handleAnthropic(r); });
    m_http.route("POST", "/v1beta/models/", [this](const FakeRequest &r) { return handleGemini(r); });
}

FakeLlmServer::~FakeLlmServer() = default;

bool FakeLlmServer::listen()
{
    m_clock.start();
    return m_http.listen();
}

QUrl FakeLlmServer::openAiBaseUrl() const
{
    return m_http.url(u"/v1"_s);
}

QUrl FakeLlmServer::anthropicBaseUrl() const
{
    return m_http.baseUrl();
}

QUrl FakeLlmServer::geminiBaseUrl() const
{
    return m_http.url(u"/v1beta"_s);
}

QUrl FakeLlmServer::baseUrlFor(const QString &providerId) const
{
    if (providerId == u"anthropic")
        return anthropicBaseUrl();
    if (providerId == u"gemini")
        return geminiBaseUrl();
    return openAiBaseUrl();
}

void FakeLlmServer::registerPapers(const QList<Paper> &papers)
{
    for (const Paper &p : papers)
        m_idByTitle.insert(PromptBuilder::fenceText(p.title), p.arxivId);
}

FakeLlmJudgement FakeLlmServer::defaultJudgement(const QString &arxivId)
{
    const quint32 h = fnv1a(arxivId);
    FakeLlmJudgement j;
    j.relevance = int(h % 10) + 1;
    j.novelty = int((h / 10) % 10) + 1;
    j.comment = u"Deterministic fake judgement for %1."_s.arg(arxivId);
    return j;
}

void FakeLlmServer::failNext(Fault fault, int times, Stage stage)
{
    m_queue.append({fault, times, stage});
}

int FakeLlmServer::callCount(Stage stage) const
{
    if (stage == Stage::Unknown)
        return int(m_calls.size());
    return int(std::count_if(m_calls.cbegin(), m_calls.cend(), [stage](const FakeLlmCall &c) { return c.stage == stage; }));
}

QStringList FakeLlmServer::abstractIdsSent() const
{
    QStringList out;
    for (const FakeLlmCall &c : m_calls)
        if (c.stage == Stage::Abstract)
            out += c.ids();
    return out;
}

void FakeLlmServer::clearLog()
{
    m_calls.clear();
    m_http.clearRequests();
}

qint64 FakeLlmServer::estimateTokens(const QString &text)
{
    return (text.toUtf8().size() + 3) / 4;
}

FakeLlmServer::Fault FakeLlmServer::nextFault(const FakeLlmCall &call)
{
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        Queued &q = m_queue[i];
        if (q.stage != Stage::Unknown && q.stage != call.stage)
            continue;
        const Fault f = q.fault;
        if (--q.times <= 0)
            m_queue.removeAt(i);
        return f;
    }
    return m_rule ? m_rule(call) : Fault::None;
}

void FakeLlmServer::readPrompt(FakeLlmCall &call) const
{
    const QString &user = call.user;
    // Abstract batches: a block opens on its own line; like a naive reader, ANY "</paper>" closes it.
    static const QRegularExpression paperOpen(u"(?:^|\\n)<paper id=\"([^\"\\n]*)\">\\n"_s);
    static const QRegularExpression paperClose(u"</paper>"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression titlesOpen(u"(?:^|\\n)<papers>\\n"_s);
    static const QRegularExpression titlesClose(u"</papers>"_s, QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression titleLine(u"^\\[(\\d+)\\] (.*)$"_s);

    QString outside; // what the model reads outside the fences, after the first one opens
    if (auto first = paperOpen.match(user); first.hasMatch()) {
        call.stage = Stage::Abstract;
        qsizetype pos = first.capturedStart();
        int number = 0;
        while (true) {
            const auto open = paperOpen.match(user, pos);
            if (!open.hasMatch()) {
                outside += user.mid(pos);
                break;
            }
            outside += user.mid(pos, open.capturedStart() - pos);
            const auto close = paperClose.match(user, open.capturedEnd());
            const qsizetype contentEnd = close.hasMatch() ? close.capturedStart() : user.size();
            const QString content = user.mid(open.capturedEnd(), contentEnd - open.capturedEnd());
            FakeLlmPaper paper;
            paper.arxivId = open.captured(1);
            paper.number = ++number;
            for (const QString &line : content.split(u'\n', Qt::SkipEmptyParts)) {
                if (line.startsWith(u"Title: "))
                    paper.title = line.mid(7);
                else if (line.startsWith(u"Authors: "))
                    paper.authors = line.mid(9);
                else if (line.startsWith(u"Abstract: "))
                    paper.abstract = line.mid(10);
                else
                    paper.abstract += u' ' + line; // text that broke its line: still this paper's
            }
            call.papers.append(paper);
            if (!close.hasMatch())
                break;
            pos = close.capturedEnd();
        }
    } else if (auto open = titlesOpen.match(user); open.hasMatch()) {
        call.stage = Stage::Title;
        const auto close = titlesClose.match(user, open.capturedEnd());
        const qsizetype end = close.hasMatch() ? close.capturedStart() : user.size();
        for (const QString &line : user.mid(open.capturedEnd(), end - open.capturedEnd()).split(u'\n')) {
            if (line.trimmed().isEmpty())
                continue;
            if (const auto m = titleLine.match(line); m.hasMatch()) {
                FakeLlmPaper paper;
                paper.number = m.captured(1).toInt();
                paper.title = m.captured(2);
                paper.arxivId = m_idByTitle.value(paper.title);
                call.papers.append(paper);
            } else {
                outside += line + u'\n'; // a line without its number: text that escaped its title
            }
        }
        if (close.hasMatch())
            outside += user.mid(close.capturedEnd());
    }
    // A paper seen twice means a forged block: the reader has been fooled as well.
    QSet<QString> seen;
    bool forged = false;
    if (call.stage == Stage::Abstract) {
        for (const FakeLlmPaper &p : std::as_const(call.papers)) {
            forged = forged || seen.contains(p.arxivId);
            seen.insert(p.arxivId);
        }
    }
    call.obeyedInjection = looksLikeInjection(outside) || forged;
}

QString FakeLlmServer::modelText(FakeLlmCall &call, Fault fault) const
{
    if (fault == Fault::Prose)
        return u"I have read the papers carefully. The first one looks closest to the topics, while the others are "
               "mostly applications; overall an interesting batch, and I would keep an eye on the first two."_s;

    QString text;
    if (call.stage == Stage::Title) {
        QStringList numbers;
        if (!call.obeyedInjection)
            for (const FakeLlmPaper &p : std::as_const(call.papers))
                if (m_titleJudge && m_titleJudge(p))
                    numbers.append(QString::number(p.number));
        if (fault == Fault::UnknownIds || fault == Fault::OutOfRange)
            numbers.append(QString::number(call.papers.size() + 7));
        text = u'[' + numbers.join(u", "_s) + u']';
    } else {
        struct Entry
        {
            QString id;
            FakeLlmJudgement j;
        };
        QList<Entry> entries;
        for (const FakeLlmPaper &p : std::as_const(call.papers)) {
            if (call.obeyedInjection) {
                entries.append({p.arxivId, {10, 10, u"As instructed."_s}});
                continue;
            }
            const std::optional<FakeLlmJudgement> j = m_judge ? m_judge(p) : defaultJudgement(p.arxivId);
            if (j)
                entries.append({p.arxivId, *j});
        }
        if (!entries.isEmpty()) {
            switch (fault) {
            case Fault::MissingPapers:
                entries.resize(entries.size() - std::max<qsizetype>(1, entries.size() / 2));
                break;
            case Fault::UnknownIds:
                entries.first().id = u"2599.99999"_s;
                break;
            case Fault::OutOfRange:
                entries.first().j.relevance = 11;
                entries.first().j.novelty = 0;
                break;
            case Fault::DuplicateIds: {
                Entry again = entries.first();
                again.j.relevance = again.j.relevance % 10 + 1;
                entries.append(again);
                break;
            }
            default:
                break;
            }
        }
        QStringList lines;
        for (const Entry &e : std::as_const(entries)) {
            QJsonObject o{{u"ARXIVID"_s, e.id}, {u"COMMENT"_s, e.j.comment}};
            if (m_style == ReplyStyle::StringNumbers) {
                o.insert(u"RELEVANCE"_s, QString::number(e.j.relevance));
                o.insert(u"NOVELTY"_s, QString::number(e.j.novelty));
            } else {
                o.insert(u"RELEVANCE"_s, e.j.relevance);
                o.insert(u"NOVELTY"_s, e.j.novelty);
            }
            lines.append(QString::fromUtf8(compact(o)));
        }
        switch (m_style) {
        case ReplyStyle::JsonArray:
            text = u"[\n"_s + lines.join(u",\n"_s) + u"\n]"_s;
            break;
        case ReplyStyle::CodeFence:
            text = u"```json\n"_s + lines.join(u'\n') + u"\n```"_s;
            break;
        case ReplyStyle::ProseAround:
            text = u"Here are the scores you asked for:\n\n"_s + lines.join(u'\n') + u"\n\nLet me know if you need more."_s;
            break;
        default:
            text = lines.join(u'\n');
        }
    }
    if (fault == Fault::TruncatedJson)
        text = text.left(std::max<qsizetype>(1, text.size() / 2));
    return text;
}

qint64 FakeLlmServer::cachedPrefixTokens(const QString &prompt, qint64 nowMs, bool roundTo128) const
{
    qsizetype best = 0;
    for (const Cached &c : m_cache)
        if (c.availableAtMs <= nowMs)
            best = std::max(best, commonPrefix(prompt, c.prefix));
    const qint64 tokens = estimateTokens(prompt.left(best));
    if (estimateTokens(prompt) < 1024 || tokens < 1024)
        return 0; // below the providers' minimum cacheable prompt
    return roundTo128 ? tokens / 128 * 128 : tokens;
}

void FakeLlmServer::remember(const QString &prefix, qint64 availableAtMs)
{
    for (Cached &c : m_cache) {
        if (c.prefix == prefix) {
            c.availableAtMs = std::min(c.availableAtMs, availableAtMs);
            return;
        }
    }
    m_cache.append({prefix, availableAtMs});
}

bool FakeLlmServer::keyOk(const FakeLlmCall &call) const
{
    if (m_expectedKey.isEmpty())
        return true;
    const QByteArray key = m_expectedKey.toUtf8();
    if (call.provider == u"openai")
        return call.headers.value("authorization") == "Bearer " + key || call.headers.value("api-key") == key;
    if (call.provider == u"anthropic")
        return call.headers.value("x-api-key") == key;
    return call.headers.value("x-goog-api-key") == key;
}

FakeResponse FakeLlmServer::errorResponse(const QString &provider, Fault fault) const
{
    FakeResponse r;
    r.delayMs = m_latencyMs;
    const QByteArray retryAfter = m_retryAfterText.isEmpty() ? QByteArray::number(m_retryAfterSeconds) : m_retryAfterText;
    if (provider == u"openai") {
        auto body = [](const QString &message, const QString &type, const QJsonValue &code) {
            return compact(QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, message}, {u"type"_s, type},
                                                                 {u"param"_s, QJsonValue::Null}, {u"code"_s, code}}}});
        };
        switch (fault) {
        case Fault::FlexUnavailable:
            // Modelled on OpenAI's flex processing guide ("429 Resource Unavailable"); no recorded body.
            r = FakeResponse::json(body(u"Resource unavailable: there is no capacity for flex processing right now. "
                                        "Retry later, or send the request at the default service tier."_s,
                                        u"rate_limit_exceeded"_s, u"resource_unavailable"_s),
                                   429);
            break;
        case Fault::RateLimited:
            r = FakeResponse::json(body(u"Rate limit reached for gpt-5 in organization org-fake on requests per min (RPM): "
                                        "Limit 3, Used 3, Requested 1. Please try again in %1s. Visit "
                                        "https://platform.openai.com/account/rate-limits to learn more."_s.arg(m_retryAfterSeconds),
                                        u"requests"_s, u"rate_limit_exceeded"_s),
                                   429);
            r.headers.append({"retry-after", retryAfter});
            break;
        case Fault::Overloaded:
            r = FakeResponse::json(body(u"The engine is currently overloaded, please try again later."_s, u"server_error"_s,
                                        QJsonValue::Null),
                                   503);
            break;
        case Fault::ContextTooLong:
            r = FakeResponse::json(body(u"This model's maximum context length is 128000 tokens. However, your messages "
                                        "resulted in 131072 tokens. Please reduce the length of the messages."_s,
                                        u"invalid_request_error"_s, u"context_length_exceeded"_s),
                                   400);
            break;
        case Fault::ModelNotFound:
            // Wording of OpenAI's 404 (testdata/llm/openai_404_model_not_found.json).
            r = FakeResponse::json(body(u"The model `gpt-5-typo` does not exist or you do not have access to it."_s,
                                        u"invalid_request_error"_s, u"model_not_found"_s),
                                   404);
            break;
        case Fault::BadParameter:
            r = FakeResponse::json(body(u"Unsupported parameter: 'foo' is not supported with this model."_s,
                                        u"invalid_request_error"_s, u"unsupported_parameter"_s),
                                   400);
            break;
        case Fault::Unauthorized:
            r = FakeResponse::json(body(u"Incorrect API key provided: sk-fake****. You can find your API key at "
                                        "https://platform.openai.com/account/api-keys."_s,
                                        u"invalid_request_error"_s, u"invalid_api_key"_s),
                                   401);
            break;
        default:
            r = FakeResponse::json(body(u"The server had an error while processing your request. Sorry about that!"_s,
                                        u"server_error"_s, QJsonValue::Null),
                                   500);
        }
    } else if (provider == u"anthropic") {
        auto body = [](const QString &type, const QString &message) {
            return compact(QJsonObject{{u"type"_s, u"error"_s},
                                       {u"error"_s, QJsonObject{{u"type"_s, type}, {u"message"_s, message}}}});
        };
        switch (fault) {
        case Fault::RateLimited:
            r = FakeResponse::json(body(u"rate_limit_error"_s,
                                        u"This request would exceed the rate limit for your organization of 50 requests "
                                        "per minute. Please wait and try again."_s),
                                   429);
            r.headers.append({"retry-after", retryAfter});
            break;
        case Fault::Overloaded:
            r = FakeResponse::json(body(u"overloaded_error"_s, u"Overloaded"_s), 529);
            break;
        case Fault::Unauthorized:
            r = FakeResponse::json(body(u"authentication_error"_s, u"invalid x-api-key"_s), 401);
            break;
        case Fault::ModelNotFound:
            r = FakeResponse::json(body(u"not_found_error"_s, u"model: claude-typo"_s), 404);
            break;
        case Fault::BadParameter:
            r = FakeResponse::json(body(u"invalid_request_error"_s, u"foo: Extra inputs are not permitted"_s), 400);
            break;
        case Fault::ContextTooLong:
            r = FakeResponse::json(body(u"invalid_request_error"_s, u"prompt is too long: 207165 tokens > 200000 maximum"_s), 400);
            break;
        default:
            r = FakeResponse::json(body(u"api_error"_s, u"Internal server error"_s), 500);
        }
    } else {
        auto body = [](int code, const QString &status, const QString &message, const QJsonArray &details = {}) {
            QJsonObject e{{u"code"_s, code}, {u"message"_s, message}, {u"status"_s, status}};
            if (!details.isEmpty())
                e.insert(u"details"_s, details);
            return compact(QJsonObject{{u"error"_s, e}});
        };
        switch (fault) {
        case Fault::RateLimited:
            // Gemini says when to retry in the body (RetryInfo), not in a Retry-After header.
            r = FakeResponse::json(
                body(429, u"RESOURCE_EXHAUSTED"_s,
                     u"You exceeded your current quota, please check your plan and billing details."_s,
                     QJsonArray{QJsonObject{{u"@type"_s, u"type.googleapis.com/google.rpc.RetryInfo"_s},
                                            {u"retryDelay"_s, QJsonValue(QString::fromLatin1(retryAfter) + u"s"_s)}}}),
                429);
            break;
        case Fault::Overloaded:
            r = FakeResponse::json(body(503, u"UNAVAILABLE"_s, u"The model is overloaded. Please try again later."_s), 503);
            break;
        case Fault::Unauthorized:
            r = FakeResponse::json(body(400, u"INVALID_ARGUMENT"_s, u"API key not valid. Please pass a valid API key."_s), 400);
            break;
        case Fault::ModelNotFound:
            r = FakeResponse::json(body(404, u"NOT_FOUND"_s, u"Requested entity was not found."_s), 404);
            break;
        case Fault::BadParameter:
            r = FakeResponse::json(body(400, u"INVALID_ARGUMENT"_s,
                                        u"Invalid JSON payload received. Unknown name \"foo\": Cannot find field."_s),
                                   400);
            break;
        case Fault::ContextTooLong:
            r = FakeResponse::json(body(400, u"INVALID_ARGUMENT"_s,
                                        u"The input token count (1100000) exceeds the maximum number of tokens allowed "
                                        "(1048576)."_s),
                                   400);
            break;
        default:
            r = FakeResponse::json(body(500, u"INTERNAL"_s,
                                        u"An internal error has occurred. Please retry or report in "
                                        "https://developers.generativeai.google/guide/troubleshooting"_s),
                                   500);
        }
    }
    r.delayMs = m_latencyMs;
    return r;
}

FakeResponse FakeLlmServer::finish(FakeLlmCall &call, FakeResponse response)
{
    response.delayMs = m_latencyMs;
    m_calls.append(call);
    emit callReceived(call);
    return response;
}

FakeResponse FakeLlmServer::handleOpenAi(const FakeRequest &request)
{
    FakeLlmCall call;
    call.provider = u"openai"_s;
    call.headers = request.headers;
    call.receivedAtMs = m_clock.elapsed();
    call.body = QJsonDocument::fromJson(request.body).object();
    call.model = call.body.value(u"model"_s).toString();
    call.serviceTier = call.body.value(u"service_tier"_s).toString();
    for (const QJsonValue &m : call.body.value(u"messages"_s).toArray()) {
        const QJsonObject msg = m.toObject();
        QString text;
        if (msg.value(u"content"_s).isString())
            text = msg.value(u"content"_s).toString();
        else
            for (const QJsonValue &part : msg.value(u"content"_s).toArray())
                text += part.toObject().value(u"text"_s).toString();
        const QString role = msg.value(u"role"_s).toString();
        if (role == u"system" || role == u"developer")
            call.system += text;
        else if (role == u"user")
            call.user += text;
    }
    readPrompt(call);

    auto invalid = [&](const QString &message, const QString &param, const QString &code) {
        call.fault = -1;
        return finish(call, FakeResponse::json(compact(QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, message},
                                                                                           {u"type"_s, u"invalid_request_error"_s},
                                                                                           {u"param"_s, param},
                                                                                           {u"code"_s, code}}}}),
                                               400));
    };
    if (call.model.isEmpty() || call.body.value(u"messages"_s).toArray().isEmpty())
        return invalid(u"you must provide a model parameter"_s, u"model"_s, u"missing_required_parameter"_s);
    if (isReasoningModel(call.model)) {
        // What OpenAI answers when a reasoning model gets sampling parameters of the older models.
        if (call.body.contains(u"temperature"_s) && call.body.value(u"temperature"_s).toDouble() != 1.0)
            return invalid(u"Unsupported value: 'temperature' does not support %1 with this model. Only the default (1) "
                           "value is supported."_s.arg(call.body.value(u"temperature"_s).toDouble()),
                           u"temperature"_s, u"unsupported_value"_s);
        if (call.body.contains(u"max_tokens"_s))
            return invalid(u"Unsupported parameter: 'max_tokens' is not supported with this model. Use "
                           "'max_completion_tokens' instead."_s,
                           u"max_tokens"_s, u"unsupported_parameter"_s);
    }
    const bool flex = call.serviceTier == u"flex";
    if (flex && !m_flexModels.contains(call.model))
        return invalid(u"Unsupported service_tier: flex"_s, u"service_tier"_s, u"unsupported_value"_s);
    Fault fault = keyOk(call) ? nextFault(call) : Fault::Unauthorized;
    if (fault == Fault::FlexUnavailable && !flex)
        fault = Fault::None; // only the flex tier runs out of capacity
    call.fault = int(fault);
    switch (fault) {
    case Fault::FlexUnavailable:
    case Fault::RateLimited:
    case Fault::ServerError:
    case Fault::Overloaded:
    case Fault::Unauthorized:
    case Fault::ContextTooLong:
    case Fault::ModelNotFound:
    case Fault::BadParameter:
        return finish(call, errorResponse(call.provider, fault));
    case Fault::Stall: {
        FakeResponse r;
        r.fault = FakeResponse::Fault::Stall;
        return finish(call, r);
    }
    default:
        break;
    }

    const qint64 now = m_clock.elapsed();
    const QString prompt = call.system + u"\n\n"_s + call.user;
    call.replyText = modelText(call, fault);
    call.promptTokens = estimateTokens(call.system) + estimateTokens(call.user) + 7;
    call.cachedTokens = std::min(call.promptTokens, cachedPrefixTokens(prompt, now, true));
    call.reasoningTokens = qint64(m_reasoningPerPaper) * call.papers.size();
    call.completionTokens = estimateTokens(call.replyText) + call.reasoningTokens;
    remember(prompt, now + m_latencyMs);

    const QJsonObject usage{
        {u"prompt_tokens"_s, call.promptTokens},
        {u"completion_tokens"_s, call.completionTokens},
        {u"total_tokens"_s, call.promptTokens + call.completionTokens},
        {u"prompt_tokens_details"_s, QJsonObject{{u"cached_tokens"_s, call.cachedTokens}, {u"audio_tokens"_s, 0}}},
        {u"completion_tokens_details"_s,
         QJsonObject{{u"reasoning_tokens"_s, call.reasoningTokens}, {u"audio_tokens"_s, 0},
                     {u"accepted_prediction_tokens"_s, 0}, {u"rejected_prediction_tokens"_s, 0}}}};
    const QJsonObject message{{u"role"_s, u"assistant"_s}, {u"content"_s, call.replyText},
                              {u"refusal"_s, QJsonValue::Null}, {u"annotations"_s, QJsonArray()}};
    const QJsonObject body{
        {u"id"_s, u"chatcmpl-fake%1"_s.arg(m_calls.size() + 1)},
        {u"object"_s, u"chat.completion"_s},
        {u"created"_s, QDateTime::currentSecsSinceEpoch()},
        {u"model"_s, call.model},
        {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0}, {u"message"_s, message},
                                              {u"finish_reason"_s, fault == Fault::TruncatedJson ? u"length"_s : u"stop"_s}}}},
        {u"usage"_s, usage},
        {u"service_tier"_s, flex ? u"flex"_s : u"default"_s},
        {u"system_fingerprint"_s, QJsonValue::Null}};
    FakeResponse r = FakeResponse::json(compact(body));
    if (fault == Fault::CutBody)
        r.fault = FakeResponse::Fault::Truncate;
    return finish(call, r);
}

FakeResponse FakeLlmServer::handleAnthropic(const FakeRequest &request)
{
    FakeLlmCall call;
    call.provider = u"anthropic"_s;
    call.headers = request.headers;
    call.receivedAtMs = m_clock.elapsed();
    call.body = QJsonDocument::fromJson(request.body).object();
    call.model = call.body.value(u"model"_s).toString();

    // The cached prefix: everything up to and including the last block marked cache_control.
    QString prefix;
    QString running;
    auto addBlocks = [&](const QJsonValue &v, QString *target) {
        if (v.isString()) {
            *target += v.toString();
            running += v.toString();
            return;
        }
        for (const QJsonValue &b : v.toArray()) {
            const QJsonObject block = b.toObject();
            const QString t = block.value(u"text"_s).toString();
            *target += t;
            running += t;
            if (block.contains(u"cache_control"_s))
                prefix = running;
        }
    };
    addBlocks(call.body.value(u"system"_s), &call.system);
    for (const QJsonValue &m : call.body.value(u"messages"_s).toArray())
        if (m.toObject().value(u"role"_s).toString() == u"user")
            addBlocks(m.toObject().value(u"content"_s), &call.user);
    readPrompt(call);

    auto invalid = [&](const QString &message) {
        call.fault = -1;
        return finish(call, FakeResponse::json(compact(QJsonObject{{u"type"_s, u"error"_s},
                                                                   {u"error"_s, QJsonObject{{u"type"_s, u"invalid_request_error"_s},
                                                                                            {u"message"_s, message}}}}),
                                               400));
    };
    if (!request.headers.contains("anthropic-version"))
        return invalid(u"anthropic-version: header is required"_s);
    if (!call.body.contains(u"max_tokens"_s))
        return invalid(u"max_tokens: Field required"_s);

    Fault fault = keyOk(call) ? nextFault(call) : Fault::Unauthorized;
    call.fault = int(fault);
    switch (fault) {
    case Fault::RateLimited:
    case Fault::ServerError:
    case Fault::Overloaded:
    case Fault::Unauthorized:
    case Fault::ContextTooLong:
    case Fault::ModelNotFound:
    case Fault::BadParameter:
        return finish(call, errorResponse(call.provider, fault));
    case Fault::Stall: {
        FakeResponse r;
        r.fault = FakeResponse::Fault::Stall;
        return finish(call, r);
    }
    default:
        break;
    }

    const qint64 now = m_clock.elapsed();
    call.replyText = modelText(call, fault);
    const qint64 total = estimateTokens(call.system) + estimateTokens(call.user) + 8;
    qint64 cacheRead = 0, cacheWrite = 0;
    const qint64 prefixTokens = estimateTokens(prefix);
    if (!prefix.isEmpty() && prefixTokens >= 1024) {
        const bool hit = std::any_of(m_cache.cbegin(), m_cache.cend(), [&](const Cached &c) {
            return c.availableAtMs <= now && c.prefix == prefix;
        });
        (hit ? cacheRead : cacheWrite) = prefixTokens;
        remember(prefix, now + m_latencyMs);
    }
    call.promptTokens = total;
    call.cachedTokens = cacheRead;
    call.reasoningTokens = qint64(m_reasoningPerPaper) * call.papers.size();
    call.completionTokens = estimateTokens(call.replyText) + call.reasoningTokens;

    QJsonArray content;
    if (call.reasoningTokens > 0)
        content.append(QJsonObject{{u"type"_s, u"thinking"_s}, {u"thinking"_s, u"Let me weigh each paper."_s},
                                   {u"signature"_s, u"fake-signature"_s}});
    content.append(QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, call.replyText}});
    const QJsonObject usage{{u"input_tokens"_s, total - cacheRead - cacheWrite},
                            {u"cache_creation_input_tokens"_s, cacheWrite},
                            {u"cache_read_input_tokens"_s, cacheRead},
                            {u"cache_creation"_s, QJsonObject{{u"ephemeral_5m_input_tokens"_s, cacheWrite},
                                                              {u"ephemeral_1h_input_tokens"_s, 0}}},
                            {u"output_tokens"_s, call.completionTokens}};
    const QJsonObject body{{u"id"_s, u"msg_fake%1"_s.arg(m_calls.size() + 1)},
                           {u"type"_s, u"message"_s},
                           {u"role"_s, u"assistant"_s},
                           {u"model"_s, call.model},
                           {u"content"_s, content},
                           {u"stop_reason"_s, fault == Fault::TruncatedJson ? u"max_tokens"_s : u"end_turn"_s},
                           {u"stop_sequence"_s, QJsonValue::Null},
                           {u"usage"_s, usage}};
    FakeResponse r = FakeResponse::json(compact(body));
    if (fault == Fault::CutBody)
        r.fault = FakeResponse::Fault::Truncate;
    return finish(call, r);
}

FakeResponse FakeLlmServer::handleGemini(const FakeRequest &request)
{
    FakeLlmCall call;
    call.provider = u"gemini"_s;
    call.headers = request.headers;
    call.receivedAtMs = m_clock.elapsed();
    call.body = QJsonDocument::fromJson(request.body).object();
    // /v1beta/models/<model>:generateContent
    const QString path = QString::fromUtf8(QByteArray::fromPercentEncoding(request.path));
    const qsizetype start = path.indexOf(u"/models/"_s) + 8;
    const qsizetype colon = path.lastIndexOf(u':');
    call.model = colon > start ? path.mid(start, colon - start) : QString();
    for (const QJsonValue &p : call.body.value(u"systemInstruction"_s).toObject().value(u"parts"_s).toArray())
        call.system += p.toObject().value(u"text"_s).toString();
    for (const QJsonValue &c : call.body.value(u"contents"_s).toArray()) {
        const QJsonObject content = c.toObject();
        if (content.value(u"role"_s).toString(u"user"_s) != u"user")
            continue;
        for (const QJsonValue &p : content.value(u"parts"_s).toArray())
            call.user += p.toObject().value(u"text"_s).toString();
    }
    readPrompt(call);

    if (!path.endsWith(u":generateContent"_s) || call.model.isEmpty())
        return finish(call, FakeResponse::json(R"({"error":{"code":404,"message":"Not found","status":"NOT_FOUND"}})", 404));

    Fault fault = keyOk(call) ? nextFault(call) : Fault::Unauthorized;
    call.fault = int(fault);
    switch (fault) {
    case Fault::RateLimited:
    case Fault::ServerError:
    case Fault::Overloaded:
    case Fault::Unauthorized:
    case Fault::ContextTooLong:
    case Fault::ModelNotFound:
    case Fault::BadParameter:
        return finish(call, errorResponse(call.provider, fault));
    case Fault::Stall: {
        FakeResponse r;
        r.fault = FakeResponse::Fault::Stall;
        return finish(call, r);
    }
    default:
        break;
    }

    const qint64 now = m_clock.elapsed();
    const QString prompt = call.system + u"\n\n"_s + call.user;
    call.replyText = modelText(call, fault);
    call.promptTokens = estimateTokens(call.system) + estimateTokens(call.user) + 4;
    call.cachedTokens = std::min(call.promptTokens, cachedPrefixTokens(prompt, now, false));
    call.reasoningTokens = qint64(m_reasoningPerPaper) * call.papers.size();
    const qint64 candidates = estimateTokens(call.replyText);
    call.completionTokens = candidates + call.reasoningTokens;
    remember(prompt, now + m_latencyMs);

    QJsonObject usage{{u"promptTokenCount"_s, call.promptTokens},
                      {u"candidatesTokenCount"_s, candidates},
                      {u"totalTokenCount"_s, call.promptTokens + call.completionTokens},
                      {u"promptTokensDetails"_s,
                       QJsonArray{QJsonObject{{u"modality"_s, u"TEXT"_s}, {u"tokenCount"_s, call.promptTokens}}}}};
    if (call.cachedTokens > 0)
        usage.insert(u"cachedContentTokenCount"_s, call.cachedTokens);
    if (call.reasoningTokens > 0)
        usage.insert(u"thoughtsTokenCount"_s, call.reasoningTokens);
    const QJsonObject body{
        {u"candidates"_s,
         QJsonArray{QJsonObject{{u"content"_s, QJsonObject{{u"parts"_s, QJsonArray{QJsonObject{{u"text"_s, call.replyText}}}},
                                                           {u"role"_s, u"model"_s}}},
                                {u"finishReason"_s, fault == Fault::TruncatedJson ? u"MAX_TOKENS"_s : u"STOP"_s},
                                {u"index"_s, 0}}}},
        {u"usageMetadata"_s, usage},
        {u"modelVersion"_s, call.model},
        {u"responseId"_s, u"fake%1"_s.arg(m_calls.size() + 1)}};
    FakeResponse r = FakeResponse::json(compact(body));
    if (fault == Fault::CutBody)
        r.fault = FakeResponse::Fault::Truncate;
    return finish(call, r);
}
