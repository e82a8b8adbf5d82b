// SPDX-License-Identifier: GPL-3.0-or-later
#include "xmlscanner.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace {
constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";
constexpr std::string_view kXmlnsNamespace = "http://www.w3.org/2000/xmlns/";

// A carriage return would need XML's line-end normalisation: it is outside the subset (arXiv sends
// none), so it is not "space" here and stops the reader wherever it appears.
inline bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\t';
}

// Names are ASCII here; a non-ASCII name is left to QXmlStreamReader.
inline bool isNameStart(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

inline bool isNameChar(unsigned char c)
{
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// The length of the UTF-8 sequence at p (lead byte >= 0x80) if it is valid and encodes a character
// XML allows (no surrogates, no U+FFFE/U+FFFF); else 0.
int utf8CharLength(const char *at, const char *end)
{
    const auto *p = reinterpret_cast<const unsigned char *>(at);
    const qsizetype left = end - at;
    const unsigned c0 = p[0];
    const auto cont = [p](int i) { return (p[i] & 0xC0) == 0x80; };
    if (c0 >= 0xC2 && c0 <= 0xDF)
        return left >= 2 && cont(1) ? 2 : 0;
    if (c0 >= 0xE0 && c0 <= 0xEF) {
        if (left < 3 || !cont(1) || !cont(2))
            return 0;
        if ((c0 == 0xE0 && p[1] < 0xA0) || (c0 == 0xED && p[1] >= 0xA0) || (c0 == 0xEF && p[1] == 0xBF && p[2] >= 0xBE))
            return 0; // overlong, surrogate, U+FFFE/U+FFFF
        return 3;
    }
    if (c0 >= 0xF0 && c0 <= 0xF4) {
        if (left < 4 || !cont(1) || !cont(2) || !cont(3))
            return 0;
        if ((c0 == 0xF0 && p[1] < 0x90) || (c0 == 0xF4 && p[1] >= 0x90))
            return 0; // overlong, past U+10FFFF
        return 4;
    }
    return 0;
}

// Skips bytes that need no attention in character data: printable ASCII other than '<', '&' and ']'.
// Stops at anything else (markup, references, "]]>", control characters, line breaks, non-ASCII).
const char *skipPlainText(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i lt = _mm_set1_epi8('<');
    const __m128i amp = _mm_set1_epi8('&');
    const __m128i bracket = _mm_set1_epi8(']');
    const __m128i space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        // Signed compare: bytes >= 0x80 are negative, so "< 0x20" also catches every non-ASCII byte.
        const __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, lt), _mm_cmpeq_epi8(v, amp)),
                                          _mm_or_si128(_mm_cmpeq_epi8(v, bracket), _mm_cmplt_epi8(v, space)));
        const int mask = _mm_movemask_epi8(stop);
        if (mask != 0)
            return p + __builtin_ctz(static_cast<unsigned>(mask));
        p += 16;
    }
#endif
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c < 0x20 || c >= 0x80 || c == '<' || c == '&' || c == ']')
            break;
        ++p;
    }
    return p;
}

// Skips printable ASCII (for comments, processing instructions, CDATA: their terminator is found
// separately).
const char *skipPrintableAscii(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const int mask = _mm_movemask_epi8(_mm_cmplt_epi8(v, space));
        if (mask != 0)
            return p + __builtin_ctz(static_cast<unsigned>(mask));
        p += 16;
    }
#endif
    while (p < end && static_cast<unsigned char>(*p) >= 0x20 && static_cast<unsigned char>(*p) < 0x80)
        ++p;
    return p;
}

const char *find(const char *from, const char *end, std::string_view what)
{
    const std::string_view hay(from, size_t(end - from));
    const size_t at = hay.find(what);
    return at == std::string_view::npos ? nullptr : from + at;
}

void appendUtf8(QByteArray &out, char32_t c)
{
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xF0 | (c >> 18));
        out += char(0x80 | ((c >> 12) & 0x3F));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

enum class Ref { Bad, Unknown, Ok };

// Reads the reference starting at p ('&'); on Ok sets *next past its ';' and *value to its character.
// A reference to a carriage return is outside the subset (Unknown), like an entity other than the five.
Ref readReference(const char *p, const char *end, const char **next, char32_t *value)
{
    const char *q = p + 1;
    if (q < end && *q == '#') {
        ++q;
        const bool hex = q < end && *q == 'x';
        if (hex)
            ++q;
        const char *digits = q;
        char32_t v = 0;
        for (; q < end; ++q) {
            const char c = *q;
            int d;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (hex && c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            else
                break;
            v = v * (hex ? 16 : 10) + char32_t(d);
            if (v > 0x10FFFF)
                return Ref::Bad;
        }
        if (q == digits || q == end || *q != ';')
            return Ref::Bad;
        const bool isChar = v == 0x9 || v == 0xA || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD)
            || (v >= 0x10000 && v <= 0x10FFFF);
        if (v == 0xD)
            return Ref::Unknown;
        if (!isChar)
            return Ref::Bad;
        *next = q + 1;
        *value = v;
        return Ref::Ok;
    }
    const char *name = q;
    while (q < end && isNameChar(static_cast<unsigned char>(*q)))
        ++q;
    if (q == end || *q != ';' || q == name || !isNameStart(static_cast<unsigned char>(*name)))
        return Ref::Bad;
    const std::string_view n(name, size_t(q - name));
    char32_t v = 0;
    if (n == "amp")
        v = '&';
    else if (n == "lt")
        v = '<';
    else if (n == "gt")
        v = '>';
    else if (n == "quot")
        v = '"';
    else if (n == "apos")
        v = '\'';
    else
        return Ref::Unknown;
    *next = q + 1;
    *value = v;
    return Ref::Ok;
}
} // namespace

XmlScanner::XmlScanner(const QByteArray &document)
    : m_document(document)
{
    m_begin = m_document.constData();
    m_end = m_begin + m_document.size();
    if (m_document.startsWith("\xEF\xBB\xBF"))
        m_begin += 3;
    m_pos = m_begin;
    m_stack.reserve(16);
    m_bindings.reserve(16);
    m_attributes.reserve(8);
}

XmlScanner::Token XmlScanner::fail(Error error, const char *what)
{
    if (m_error == Error::None) {
        m_error = error;
        m_errorString = u"%1 (byte %2)"_s.arg(QLatin1StringView(what)).arg(m_pos - m_document.constData());
    }
    m_token = Token::Invalid;
    return m_token;
}

XmlScanner::Token XmlScanner::readNext()
{
    if (m_error != Error::None)
        return Token::Invalid;
    if (m_token == Token::EndDocument)
        return m_token;
    if (m_pendingEnd) {
        m_pendingEnd = false;
        const Element &e = m_stack.back();
        m_name = e.name;
        m_namespaceUri = e.namespaceUri;
        m_bindings.resize(size_t(e.bindingMark));
        m_stack.pop_back();
        return m_token = Token::EndElement;
    }
    for (;;) {
        if (m_pos == m_end) {
            if (!m_stack.empty() || !m_seenRoot)
                return fail(Error::PrematureEnd, "the document ends early");
            return m_token = Token::EndDocument;
        }
        if (*m_pos != '<') {
            if (!m_stack.empty())
                return readText();
            // Outside the root element only white space.
            while (m_pos < m_end && isSpace(*m_pos))
                ++m_pos;
            if (m_pos < m_end && *m_pos != '<')
                return fail(*m_pos == '\r' ? Error::Unsupported : Error::NotWellFormed, "text outside the root element");
            continue;
        }
        if (m_pos + 1 == m_end)
            return fail(Error::PrematureEnd, "the document ends inside markup");
        const char next = m_pos[1];
        if (next == '!' || next == '?') {
            if (m_pos + 4 <= m_end && std::memcmp(m_pos, "<!--", 4) == 0) {
                if (!readComment())
                    return Token::Invalid;
                continue;
            }
            if (next == '?') {
                if (!readProcessingInstruction())
                    return Token::Invalid;
                continue;
            }
            if (m_pos + 9 <= m_end && std::memcmp(m_pos, "<![CDATA[", 9) == 0) {
                if (m_stack.empty())
                    return fail(Error::NotWellFormed, "CDATA outside the root element");
                return readCData();
            }
            if (m_end - m_pos < 9)
                return fail(Error::PrematureEnd, "the document ends inside markup");
            return fail(Error::Unsupported, "a declaration (DOCTYPE or similar)");
        }
        if (next == '/')
            return readEndTag();
        return readStartTag();
    }
}

bool XmlScanner::readComment()
{
    const char *from = m_pos + 4;
    const char *dashes = find(from, m_end, "--");
    if (!dashes) {
        fail(Error::PrematureEnd, "the document ends inside a comment");
        return false;
    }
    if (dashes + 2 == m_end) {
        fail(Error::PrematureEnd, "the document ends inside a comment");
        return false;
    }
    if (dashes[2] != '>') {
        fail(Error::NotWellFormed, "\"--\" inside a comment");
        return false;
    }
    if (!checkChars(from, dashes))
        return false;
    m_pos = dashes + 3;
    return true;
}

bool XmlScanner::readProcessingInstruction()
{
    const char *start = m_pos;
    m_pos += 2;
    std::string_view target;
    qsizetype colon = -1;
    if (!scanName(&target, &colon))
        return false;
    if (colon >= 0) {
        fail(Error::Unsupported, "a processing instruction target with a colon");
        return false;
    }
    if (target.size() == 3 && (target[0] | 0x20) == 'x' && (target[1] | 0x20) == 'm' && (target[2] | 0x20) == 'l') {
        if (target == "xml" && start == m_begin) {
            m_pos = start;
            return readXmlDeclaration();
        }
        fail(Error::Unsupported, "an XML declaration that is not at the start");
        return false;
    }
    const char *close = find(m_pos, m_end, "?>");
    if (!close) {
        fail(Error::PrematureEnd, "the document ends inside a processing instruction");
        return false;
    }
    if (close != m_pos && !isSpace(*m_pos)) {
        fail(*m_pos == '\r' ? Error::Unsupported : Error::NotWellFormed, "no space after a processing instruction target");
        return false;
    }
    if (!checkChars(m_pos, close))
        return false;
    m_pos = close + 2;
    return true;
}

bool XmlScanner::readXmlDeclaration()
{
    // <?xml version="1.0" [encoding="UTF-8"] [standalone="yes"|"no"] ?> exactly; anything else
    // (another version or encoding, odd syntax) is QXmlStreamReader's to judge.
    const char *close = find(m_pos, m_end, "?>");
    if (!close) {
        fail(Error::PrematureEnd, "the document ends inside the XML declaration");
        return false;
    }
    const char *p = m_pos + 5;
    const auto pseudoAttribute = [&](std::string_view name, std::string_view *value) {
        const char *q = p;
        if (q == close || !isSpace(*q))
            return false;
        while (q < close && isSpace(*q))
            ++q;
        if (size_t(close - q) < name.size() || std::string_view(q, name.size()) != name)
            return false;
        q += name.size();
        while (q < close && isSpace(*q))
            ++q;
        if (q == close || *q != '=')
            return false;
        ++q;
        while (q < close && isSpace(*q))
            ++q;
        if (q == close || (*q != '"' && *q != '\''))
            return false;
        const char quote = *q++;
        const char *valueStart = q;
        while (q < close && *q != quote)
            ++q;
        if (q == close)
            return false;
        *value = std::string_view(valueStart, size_t(q - valueStart));
        p = q + 1;
        return true;
    };
    std::string_view value;
    if (!pseudoAttribute("version", &value) || value != "1.0") {
        fail(Error::Unsupported, "an XML declaration other than version 1.0");
        return false;
    }
    if (pseudoAttribute("encoding", &value)) {
        const QByteArray encoding = QByteArray(value.data(), qsizetype(value.size())).toLower();
        if (encoding != "utf-8") {
            fail(Error::Unsupported, "an encoding other than UTF-8");
            return false;
        }
    }
    if (pseudoAttribute("standalone", &value) && value != "yes" && value != "no") {
        fail(Error::Unsupported, "an odd standalone declaration");
        return false;
    }
    while (p < close && isSpace(*p))
        ++p;
    if (p != close) {
        fail(Error::Unsupported, "an odd XML declaration");
        return false;
    }
    m_pos = close + 2;
    return true;
}

XmlScanner::Token XmlScanner::readCData()
{
    const char *from = m_pos + 9;
    const char *close = find(from, m_end, "]]>");
    if (!close)
        return fail(Error::PrematureEnd, "the document ends inside CDATA");
    if (!checkChars(from, close))
        return Token::Invalid;
    m_text = std::string_view(from, size_t(close - from));
    m_textHasReference = false;
    m_pos = close + 3;
    return m_token = Token::Characters;
}

XmlScanner::Token XmlScanner::readText()
{
    const char *p = m_pos;
    bool reference = false;
    for (;;) {
        p = skipPlainText(p, m_end);
        if (p == m_end) {
            m_pos = p;
            return fail(Error::PrematureEnd, "the document ends inside an element");
        }
        const char c = *p;
        if (c == '<')
            break;
        if (c == '&') {
            const char *next = nullptr;
            char32_t value = 0;
            const Ref r = readReference(p, m_end, &next, &value);
            if (r != Ref::Ok) {
                m_pos = p;
                return fail(r == Ref::Unknown ? Error::Unsupported : Error::NotWellFormed, "an entity or character reference");
            }
            reference = true;
            p = next;
        } else if (c == ']') {
            if (m_end - p >= 3 && p[1] == ']' && p[2] == '>') {
                m_pos = p;
                return fail(Error::NotWellFormed, "\"]]>\" in text");
            }
            ++p;
        } else if (c == '\n' || c == '\t') {
            ++p;
        } else if (static_cast<unsigned char>(c) < 0x80) {
            m_pos = p;
            return fail(c == '\r' ? Error::Unsupported : Error::NotWellFormed, "a control character");
        } else {
            const int n = utf8CharLength(p, m_end);
            if (n == 0) {
                m_pos = p;
                return fail(Error::Unsupported, "invalid UTF-8 or a non-character");
            }
            p += n;
        }
    }
    m_text = std::string_view(m_pos, size_t(p - m_pos));
    m_textHasReference = reference;
    m_pos = p;
    return m_token = Token::Characters;
}

bool XmlScanner::checkChars(const char *from, const char *to)
{
    const char *p = from;
    while (p < to) {
        p = skipPrintableAscii(p, to);
        if (p == to)
            break;
        const char c = *p;
        if (c == '\n' || c == '\t') {
            ++p;
            continue;
        }
        if (static_cast<unsigned char>(c) < 0x80) {
            m_pos = p;
            fail(c == '\r' ? Error::Unsupported : Error::NotWellFormed, "a control character");
            return false;
        }
        const int n = utf8CharLength(p, to);
        if (n == 0) {
            m_pos = p;
            fail(Error::Unsupported, "invalid UTF-8 or a non-character");
            return false;
        }
        p += n;
    }
    return true;
}

bool XmlScanner::scanName(std::string_view *name, qsizetype *colon)
{
    const char *start = m_pos;
    if (m_pos == m_end) {
        fail(Error::PrematureEnd, "the document ends inside a name");
        return false;
    }
    if (!isNameStart(static_cast<unsigned char>(*m_pos))) {
        fail(static_cast<unsigned char>(*m_pos) >= 0x80 ? Error::Unsupported : Error::NotWellFormed, "a name expected");
        return false;
    }
    *colon = -1;
    ++m_pos;
    for (; m_pos < m_end; ++m_pos) {
        const auto c = static_cast<unsigned char>(*m_pos);
        if (isNameChar(c))
            continue;
        if (c != ':')
            break;
        // One colon between a non-empty prefix and a local name that starts like a name.
        if (*colon >= 0 || m_pos + 1 == m_end || !isNameStart(static_cast<unsigned char>(m_pos[1]))) {
            fail(Error::Unsupported, "an unusual qualified name");
            return false;
        }
        *colon = m_pos - start;
    }
    if (m_pos == m_end) {
        fail(Error::PrematureEnd, "the document ends inside a name");
        return false;
    }
    if (static_cast<unsigned char>(*m_pos) >= 0x80) {
        fail(Error::Unsupported, "a non-ASCII name");
        return false;
    }
    *name = std::string_view(start, size_t(m_pos - start));
    return true;
}

qsizetype XmlScanner::skipSpace()
{
    const char *start = m_pos;
    while (m_pos < m_end && isSpace(*m_pos))
        ++m_pos;
    return m_pos - start;
}

bool XmlScanner::resolve(std::string_view prefix, QStringView *uri) const
{
    for (auto it = m_bindings.crbegin(); it != m_bindings.crend(); ++it) {
        if (it->prefix == prefix) {
            *uri = it->uri;
            return true;
        }
    }
    if (prefix.empty()) {
        *uri = {};
        return true;
    }
    return false;
}

QStringView XmlScanner::intern(std::string_view bytes)
{
    auto it = m_interned.find(bytes);
    if (it == m_interned.end())
        it = m_interned.emplace(bytes, QString::fromUtf8(bytes.data(), qsizetype(bytes.size()))).first;
    return it->second;
}

XmlScanner::Token XmlScanner::readStartTag()
{
    if (m_seenRoot && m_stack.empty())
        return fail(Error::NotWellFormed, "a second root element");
    ++m_pos;
    std::string_view qname;
    qsizetype colon = -1;
    if (!scanName(&qname, &colon))
        return Token::Invalid;
    m_attributes.clear();
    bool empty = false;
    bool declares = false;
    for (;;) {
        const qsizetype space = skipSpace();
        if (m_pos == m_end)
            return fail(Error::PrematureEnd, "the document ends inside a tag");
        const char c = *m_pos;
        if (c == '>') {
            ++m_pos;
            break;
        }
        if (c == '/') {
            if (m_pos + 1 == m_end)
                return fail(Error::PrematureEnd, "the document ends inside a tag");
            if (m_pos[1] != '>')
                return fail(Error::NotWellFormed, "'/' inside a tag");
            m_pos += 2;
            empty = true;
            break;
        }
        if (space == 0)
            return fail(c == '\r' ? Error::Unsupported : Error::NotWellFormed, "no space before an attribute");
        Attribute a{};
        qsizetype attributeColon = -1;
        if (!scanName(&a.qualifiedName, &attributeColon))
            return Token::Invalid;
        skipSpace();
        if (m_pos == m_end)
            return fail(Error::PrematureEnd, "the document ends inside a tag");
        if (*m_pos != '=')
            return fail(Error::NotWellFormed, "'=' expected after an attribute name");
        ++m_pos;
        skipSpace();
        if (m_pos == m_end)
            return fail(Error::PrematureEnd, "the document ends inside a tag");
        const char quote = *m_pos;
        if (quote != '"' && quote != '\'')
            return fail(Error::NotWellFormed, "an unquoted attribute value");
        const char *valueStart = ++m_pos;
        for (;;) {
            if (m_pos == m_end)
                return fail(Error::PrematureEnd, "the document ends inside an attribute value");
            const char v = *m_pos;
            if (v == quote)
                break;
            if (v == '<')
                return fail(Error::NotWellFormed, "'<' in an attribute value");
            if (v == '&') {
                const char *next = nullptr;
                char32_t value = 0;
                const Ref r = readReference(m_pos, m_end, &next, &value);
                if (r != Ref::Ok)
                    return fail(r == Ref::Unknown ? Error::Unsupported : Error::NotWellFormed, "an entity or character reference");
                a.hasReference = true;
                m_pos = next;
                continue;
            }
            const auto u = static_cast<unsigned char>(v);
            if (u >= 0x20 && u < 0x80) {
                ++m_pos;
            } else if (v == '\n' || v == '\t') {
                ++m_pos;
            } else if (u < 0x80) {
                return fail(v == '\r' ? Error::Unsupported : Error::NotWellFormed, "a control character");
            } else {
                const int n = utf8CharLength(m_pos, m_end);
                if (n == 0)
                    return fail(Error::Unsupported, "invalid UTF-8 or a non-character");
                m_pos += n;
            }
        }
        a.rawValue = std::string_view(valueStart, size_t(m_pos - valueStart));
        ++m_pos; // the closing quote
        for (const Attribute &other : m_attributes) {
            if (other.qualifiedName == a.qualifiedName)
                return fail(Error::NotWellFormed, "an attribute given twice");
        }
        if (a.qualifiedName.substr(0, 5) == "xmlns")
            declares = true;
        m_attributes.push_back(a);
    }

    const auto mark = qsizetype(m_bindings.size());
    if (declares) {
        for (const Attribute &a : m_attributes) {
            std::string_view prefix;
            if (a.qualifiedName == "xmlns")
                prefix = {};
            else if (a.qualifiedName.substr(0, 6) == "xmlns:")
                prefix = a.qualifiedName.substr(6);
            else
                continue;
            const std::string_view uri = a.rawValue;
            if (a.hasReference || uri.find_first_of("\n\t") != std::string_view::npos)
                return fail(Error::Unsupported, "a namespace URI with references or line breaks");
            if (prefix == "xml" || prefix == "xmlns" || uri == kXmlNamespace || uri == kXmlnsNamespace)
                return fail(Error::Unsupported, "a declaration of a reserved namespace");
            if (!prefix.empty() && uri.empty())
                return fail(Error::Unsupported, "an empty namespace URI for a prefix");
            m_bindings.push_back(Binding{prefix, intern(uri)});
        }
    }

    // Attribute prefixes must be declared, and no two attributes may share namespace and local name.
    qsizetype prefixed = 0;
    for (const Attribute &a : m_attributes) {
        const size_t c = a.qualifiedName.find(':');
        if (c == std::string_view::npos)
            continue;
        const std::string_view prefix = a.qualifiedName.substr(0, c);
        if (prefix == "xmlns")
            continue;
        ++prefixed;
        QStringView uri;
        if (prefix != "xml" && !resolve(prefix, &uri))
            return fail(Error::NotWellFormed, "an undeclared attribute prefix");
    }
    if (prefixed > 1)
        return fail(Error::Unsupported, "several namespaced attributes on one element");

    Element e;
    e.qualifiedName = qname;
    e.bindingMark = mark;
    const std::string_view prefix = colon >= 0 ? qname.substr(0, size_t(colon)) : std::string_view();
    if (prefix == "xml" || prefix == "xmlns")
        return fail(Error::Unsupported, "an element with a reserved prefix");
    if (!resolve(prefix, &e.namespaceUri))
        return fail(Error::NotWellFormed, "an undeclared element prefix");
    e.name = intern(colon >= 0 ? qname.substr(size_t(colon) + 1) : qname);
    m_stack.push_back(e);
    m_seenRoot = true;
    m_name = e.name;
    m_namespaceUri = e.namespaceUri;
    m_pendingEnd = empty;
    return m_token = Token::StartElement;
}

XmlScanner::Token XmlScanner::readEndTag()
{
    m_pos += 2;
    std::string_view qname;
    qsizetype colon = -1;
    if (!scanName(&qname, &colon))
        return Token::Invalid;
    skipSpace();
    if (m_pos == m_end)
        return fail(Error::PrematureEnd, "the document ends inside an end tag");
    if (*m_pos != '>')
        return fail(Error::NotWellFormed, "'>' expected after an end tag's name");
    ++m_pos;
    if (m_stack.empty() || m_stack.back().qualifiedName != qname)
        return fail(Error::NotWellFormed, "an end tag that does not match its start tag");
    const Element &e = m_stack.back();
    m_name = e.name;
    m_namespaceUri = e.namespaceUri;
    m_bindings.resize(size_t(e.bindingMark));
    m_stack.pop_back();
    return m_token = Token::EndElement;
}

bool XmlScanner::readNextStartElement()
{
    for (;;) {
        switch (readNext()) {
        case Token::StartElement:
            return true;
        case Token::Characters:
            continue;
        default:
            return false;
        }
    }
}

void XmlScanner::skipCurrentElement()
{
    int depth = 1;
    while (depth > 0) {
        switch (readNext()) {
        case Token::StartElement:
            ++depth;
            break;
        case Token::EndElement:
            --depth;
            break;
        case Token::Characters:
            break;
        default:
            return;
        }
    }
}

QString XmlScanner::readElementText()
{
    if (m_token != Token::StartElement)
        return {};
    Token t = readNext();
    if (t == Token::EndElement)
        return QString();
    if (t != Token::Characters) {
        if (t == Token::StartElement)
            fail(Error::NotWellFormed, "an element inside text");
        return {};
    }
    // The common case, one run of text without references, is converted straight from the document.
    const std::string_view first = m_text;
    const bool firstHasReference = m_textHasReference;
    t = readNext();
    if (t == Token::EndElement && !firstHasReference)
        return QString::fromUtf8(first.data(), qsizetype(first.size()));
    m_buffer.clear();
    if (firstHasReference)
        appendDecoded(m_buffer, first, false);
    else
        m_buffer.append(first.data(), qsizetype(first.size()));
    for (;; t = readNext()) {
        switch (t) {
        case Token::EndElement:
            return QString::fromUtf8(m_buffer);
        case Token::Characters:
            if (m_textHasReference)
                appendDecoded(m_buffer, m_text, false);
            else
                m_buffer.append(m_text.data(), qsizetype(m_text.size()));
            break;
        case Token::StartElement:
            fail(Error::NotWellFormed, "an element inside text");
            return {};
        default:
            return {};
        }
    }
}

bool XmlScanner::readToEnd()
{
    for (;;) {
        switch (readNext()) {
        case Token::EndDocument:
            return true;
        case Token::Invalid:
            return false;
        default:
            break;
        }
    }
}

QString XmlScanner::attribute(QStringView qualifiedName) const
{
    if (m_token != Token::StartElement)
        return {};
    for (const Attribute &a : m_attributes) {
        if (QLatin1StringView(a.qualifiedName.data(), qsizetype(a.qualifiedName.size())) != qualifiedName)
            continue;
        if (a.qualifiedName == "xmlns" || a.qualifiedName.substr(0, 6) == "xmlns:")
            return {}; // declarations are not attributes (as in QXmlStreamReader)
        if (!a.hasReference && a.rawValue.find_first_of("\n\t") == std::string_view::npos)
            return QString::fromUtf8(a.rawValue.data(), qsizetype(a.rawValue.size()));
        QByteArray value;
        appendDecoded(value, a.rawValue, true);
        return QString::fromUtf8(value);
    }
    return {};
}

QStringList XmlScanner::attributeNames() const
{
    QStringList names;
    if (m_token != Token::StartElement)
        return names;
    for (const Attribute &a : m_attributes) {
        if (a.qualifiedName != "xmlns" && a.qualifiedName.substr(0, 6) != "xmlns:")
            names << QString::fromLatin1(a.qualifiedName.data(), qsizetype(a.qualifiedName.size()));
    }
    return names;
}

QByteArray XmlScanner::textUtf8() const
{
    if (m_token != Token::Characters)
        return {};
    QByteArray out;
    appendDecoded(out, m_text, false);
    return out;
}

void XmlScanner::appendDecoded(QByteArray &out, std::string_view raw, bool normaliseSpace)
{
    const char *p = raw.data();
    const char *end = p + raw.size();
    while (p < end) {
        const char *run = p;
        while (p < end && *p != '&' && !(normaliseSpace && (*p == '\n' || *p == '\t')))
            ++p;
        out.append(run, p - run);
        if (p == end)
            break;
        if (*p != '&') {
            out += ' '; // attribute value normalisation: a literal line break or tab is a space
            ++p;
            continue;
        }
        const char *next = nullptr;
        char32_t value = 0;
        if (readReference(p, end, &next, &value) != Ref::Ok) { // checked while scanning: cannot happen
            out += *p++;
            continue;
        }
        appendUtf8(out, value);
        p = next;
    }
}
