// SPDX-License-Identifier: GPL-3.0-or-later
#include "llmfailure.h"

#include "llmerrortext.h"
#include "net/httpclient.h"

#include <algorithm>
#include <cmath>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace {
// Saturated far beyond any wait worth honouring (about 31,700 years) yet far inside qint64, so every
// later sum stays in range and the message can still say what the provider asked for.
constexpr qint64 kMaxWaitMs = 1'000'000'000'000'000LL;

qint64 saturatedMs(double seconds)
{
    if (!(seconds > 0)) // also NaN
        return 0;
    return seconds >= double(kMaxWaitMs) / 1000 ? kMaxWaitMs : qint64(std::ceil(seconds * 1000));
}

bool keyRejected(int status, const QByteArray &body)
{
    return status == 401 || status == 403
        || (status == 400 && (body.contains("API_KEY_INVALID") || body.contains("API key not valid")));
}

// Over the model's context window or the server's request limit, in each provider's words (OpenAI
// context_length_exceeded, Anthropic "prompt is too long", Gemini "input token count ... exceeds"):
// half the papers will fit where the whole batch did not.
bool promptTooLarge(int status, const QByteArray &body)
{
    if (status == 413)
        return true;
    return status == 400
        && (body.contains("context_length_exceeded") || body.contains("maximum context length")
            || body.contains("prompt is too long") || body.contains("exceeds the maximum number of tokens"));
}

// No HTTP answer. DNS not ready yet (after waking) and refused or dropped connections may clear up;
// a TLS or protocol failure will not.
bool transportRetryable(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}
} // namespace

bool LlmFailure::stopsAtOnce() const
{
    switch (kind) {
    case Kind::KeyRejected:
    case Kind::NotFound:
    case Kind::BadParameter:
        return true;
    case Kind::Unreachable:
        return !retryable; // TLS and the like: the next request meets the same certificate
    default:
        return false;
    }
}

bool LlmFailure::isRunLevel() const
{
    return stopsAtOnce() || kind == Kind::Unreachable || kind == Kind::Transient || kind == Kind::FlexBusy;
}

RunFailureKind LlmFailure::runFailure() const
{
    switch (kind) {
    case Kind::KeyRejected:
        return RunFailureKind::KeyRejected;
    case Kind::NotFound:
    case Kind::BadParameter:
    case Kind::FlexRefused:
        return RunFailureKind::ProviderRefused;
    case Kind::Unreachable:
        return RunFailureKind::ProviderUnreachable;
    case Kind::Transient:
    case Kind::FlexBusy:
        return RunFailureKind::ProviderUnavailable;
    case Kind::PromptTooLarge:
    case Kind::Content:
        break;
    }
    return RunFailureKind::None;
}

std::optional<qint64> LlmFailures::retryDelayFromBody(const QByteArray &body)
{
    const QJsonArray details
        = QJsonDocument::fromJson(body).object().value(u"error"_s).toObject().value(u"details"_s).toArray();
    static const QRegularExpression seconds(u"^(\\d+(?:\\.\\d+)?)s$"_s);
    for (const QJsonValue &d : details) {
        const auto m = seconds.match(d.toObject().value(u"retryDelay"_s).toString());
        if (m.hasMatch())
            return saturatedMs(m.captured(1).toDouble());
    }
    return std::nullopt;
}

std::optional<qint64> LlmFailures::retryAfterMs(const HttpResult &result)
{
    const QByteArray value = result.headers.value("retry-after").trimmed();
    if (value.isEmpty())
        return std::nullopt;
    // Seconds are parsed here, wider than HttpResult's int: "4294967296" is a wait, not garbage.
    bool ok = false;
    const double seconds = value.toDouble(&ok);
    if (ok && !value.contains('e') && !value.contains('E'))
        return seconds < 0 ? std::nullopt : std::optional<qint64>(saturatedMs(seconds));
    if (const auto date = result.retryAfterSeconds()) // an HTTP date
        return saturatedMs(*date);
    return std::nullopt;
}

LlmFailure LlmFailures::classify(
    const QString &providerName, const HttpResult &result, const LlmResponse &response, const LlmCallOptions &call)
{
    using Kind = LlmFailure::Kind;
    LlmFailure f;
    const bool flex = call.serviceTier == ServiceTier::Flex;
    f.httpStatus
        = response.kind == LlmResponse::Kind::HttpError && response.httpStatus ? response.httpStatus : result.status;
    if (result.timedOut) {
        f.kind = flex ? Kind::FlexBusy : Kind::Unreachable;
        f.retryable = true;
        f.status = u"timeout"_s;
        f.message = (flex ? QCoreApplication::translate("LlmFailures", "%1 did not answer at the flex tier within %2 s")
                          : QCoreApplication::translate("LlmFailures", "%1 did not answer within %2 s"))
                        .arg(providerName)
                        .arg(call.timeoutMs / 1000);
        return f;
    }
    if (result.status == 0) {
        f.kind = Kind::Unreachable;
        f.retryable = transportRetryable(result.networkError);
        f.status = u"http_error"_s;
        f.message = QCoreApplication::translate("LlmFailures", "%1 could not be reached: %2")
                        .arg(providerName, result.errorString);
        return f;
    }
    if (result.redirectRefused || result.tooLarge) {
        // Not the provider's words: HttpClient refused to follow it elsewhere, or to read it all.
        f.kind = Kind::BadParameter;
        f.status = u"http_error"_s;
        f.message = QCoreApplication::translate("LlmFailures", "%1: %2").arg(providerName, result.errorString);
        return f;
    }
    // A 2xx cut off mid-body is a content fault (parse_error below), not an HTTP error.
    if ((!result.isSuccess() && !result.isCutOff()) || response.kind == LlmResponse::Kind::HttpError) {
        const int s = f.httpStatus;
        const QByteArray &body = result.body;
        f.status = u"http_error"_s;
        f.message = response.error.isEmpty() ? LlmErrorText::describe(providerName, s, body) : response.error;
        if (flex && s == 400 && body.contains("service_tier"))
            f.kind = Kind::FlexRefused;
        else if (flex && s == 429)
            f.kind = Kind::FlexBusy;
        else if (keyRejected(s, body))
            f.kind = Kind::KeyRejected;
        else if (promptTooLarge(s, body))
            f.kind = Kind::PromptTooLarge;
        else if (s == 404)
            f.kind = Kind::NotFound;
        else if (s == 408 || s == 409 || s == 425 || s == 429 || (s >= 500 && s <= 599))
            f.kind = Kind::Transient;
        else if (s >= 400 && s <= 499)
            f.kind = Kind::BadParameter;
        else
            f.kind = Kind::Transient; // 1xx/3xx that reached us: a proxy in the way, worth another try
        f.retryable = f.kind == Kind::Transient || f.kind == Kind::FlexBusy;
        f.retryAfterMs = retryAfterMs(result);
        if (!f.retryAfterMs)
            f.retryAfterMs = retryDelayFromBody(body);
        return f;
    }
    // 2xx but not the provider's JSON (cut off: worth another try) or no text (a refusal: not).
    f.kind = Kind::Content;
    f.retryable = response.kind == LlmResponse::Kind::BadBody;
    f.status = u"parse_error"_s;
    f.message = response.error;
    return f;
}
