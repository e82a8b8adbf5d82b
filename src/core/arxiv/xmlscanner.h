// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <string_view>
#include <unordered_map>
#include <vector>

// A small, strict XML pull reader over a whole UTF-8 document, for the feeds arXiv sends (RSS 2.0,
// Atom). It reads only a subset of XML: an XML declaration (version 1.0, UTF-8), comments, processing
// instructions, CDATA, elements with attributes, namespaces (resolved by URI through their xmlns
// declarations), the five predefined entities and numeric character references. It checks what
// QXmlStreamReader would reject (tag balance, names, attribute syntax and duplicates, undeclared
// prefixes, characters XML forbids, invalid UTF-8, text outside the root, truncation).
//
// Why it exists: QXmlStreamReader needs ~20 ms for a 1,350-item feed (2.7 MiB) on the development
// machine, the whole budget of issue 3; this reads the bytes once and converts to QString only the
// text a parser keeps (docs/BENCHMARKS.md, "Ingest").
//
// Anything outside the subset (DOCTYPE, another encoding, an entity other than the five, a carriage
// return, a non-ASCII name, ...) or any error stops it with hasError(): the caller then reads the
// document again with QXmlStreamReader, whose messages (line, column) and behaviour for odd input
// users see. So this reader never has to explain an error, only to never accept what
// QXmlStreamReader rejects and never read a document differently.
//
// The interface mirrors the QXmlStreamReader calls the feed parsers use, so one parser template
// serves both readers.
class XmlScanner final
{
public:
    enum class Token { NoToken, StartElement, EndElement, Characters, EndDocument, Invalid };
    enum class Error { None, NotWellFormed, PrematureEnd, Unsupported };

    explicit XmlScanner(const QByteArray &document);

    // Comments and processing instructions are read but not reported; a CDATA section is Characters.
    Token readNext();
    Token tokenType() const { return m_token; }

    bool readNextStartElement();
    void skipCurrentElement();
    // The text of the current start element up to its end tag (comments skipped); a child element is
    // an error, as for QXmlStreamReader::readElementText().
    QString readElementText();
    // Reads what is left; returns false when the document has an error or is outside the subset.
    bool readToEnd();

    // Of the current start or end element.
    QStringView name() const { return m_name; }
    QStringView namespaceUri() const { return m_namespaceUri; }
    // The value of the current start element's attribute with this qualified name ("term",
    // "xml:lang"), entities decoded and whitespace normalised as XML says; empty when absent.
    QString attribute(QStringView qualifiedName) const;
    // The qualified names of the current start element's attributes in document order, namespace
    // declarations left out (as QXmlStreamReader::attributes() does).
    QStringList attributeNames() const;
    // The current Characters token's text, entities decoded, as UTF-8.
    QByteArray textUtf8() const;

    bool atEnd() const { return m_token == Token::EndDocument || m_token == Token::Invalid; }
    bool hasError() const { return m_error != Error::None; }
    Error error() const { return m_error; }
    // What stopped the reader and where (byte offset); for tests and logs, not for users.
    QString errorString() const { return m_errorString; }

private:
    struct Element
    {
        std::string_view qualifiedName;
        QStringView name;
        QStringView namespaceUri;
        qsizetype bindingMark;
    };
    struct Binding
    {
        std::string_view prefix; // empty: the default namespace
        QStringView uri;
    };
    struct Attribute
    {
        std::string_view qualifiedName;
        std::string_view rawValue; // between the quotes, as written
        bool hasReference;         // '&' in the value
    };

    Token fail(Error error, const char *what);
    Token readMarkup();
    Token readStartTag();
    Token readEndTag();
    Token readText();
    bool readComment();
    bool readProcessingInstruction();
    Token readCData();
    bool readXmlDeclaration();

    bool scanName(std::string_view *name, qsizetype *colon);
    qsizetype skipSpace();
    bool checkChars(const char *from, const char *to);
    bool resolve(std::string_view prefix, QStringView *uri) const;
    QStringView intern(std::string_view bytes);

    static void appendDecoded(QByteArray &out, std::string_view raw, bool normaliseSpace);

    QByteArray m_document; // keeps the bytes alive: views below point into them
    const char *m_begin;
    const char *m_pos;
    const char *m_end;

    Token m_token = Token::NoToken;
    Error m_error = Error::None;
    QString m_errorString;
    QStringView m_name;
    QStringView m_namespaceUri;
    std::string_view m_text;
    bool m_textHasReference = false;
    bool m_pendingEnd = false; // <empty/>: the end element comes next
    bool m_seenRoot = false;

    std::vector<Element> m_stack;
    std::vector<Binding> m_bindings;
    std::vector<Attribute> m_attributes;
    std::unordered_map<std::string_view, QString> m_interned;
    QByteArray m_buffer;
};
