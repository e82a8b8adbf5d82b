-- PaperSieve schema v2: a day's new papers are indexed for full-text search in one statement.
-- Statements end with ';' at the end of a line; a trigger body ends with 'END;'.
--
-- Every statement that writes papers_fts inside a transaction makes FTS5 flush its pending terms into a
-- new index segment, so the per-row insert trigger cost a 1,350-paper day ~40 ms more than indexing the
-- same rows with one INSERT ... SELECT (docs/BENCHMARKS.md, "Ingest"). While papers_fts_bulk holds its
-- row, the insert trigger leaves papers_fts alone: PaperRepository::upsertMany sets the row, inserts the
-- day's new papers, indexes exactly those rows and removes the row again, all inside one savepoint, so
-- the row is never committed. Every other writer (one paper at a time, the demo, tests, tools) keeps the
-- trigger. Updates and deletes are indexed by their triggers as before.

CREATE TABLE papers_fts_bulk (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

DROP TRIGGER papers_fts_insert;

CREATE TRIGGER papers_fts_insert AFTER INSERT ON papers WHEN NOT EXISTS (SELECT 1 FROM papers_fts_bulk) BEGIN
    INSERT INTO papers_fts(rowid, title, abstract, authors_text, comment)
    VALUES (new.id, new.title, new.abstract, new.authors_text, new.comment);
END;

-- A rewrite that leaves the indexed text as it was (a journal reference, a DOI, the same title and
-- abstract from the API) no longer deletes and re-adds the paper's index entries.
DROP TRIGGER papers_fts_update;

CREATE TRIGGER papers_fts_update AFTER UPDATE OF title, abstract, authors_text, comment ON papers
WHEN old.title IS NOT new.title OR old.abstract IS NOT new.abstract
    OR old.authors_text IS NOT new.authors_text OR old.comment IS NOT new.comment BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, abstract, authors_text, comment)
    VALUES ('delete', old.id, old.title, old.abstract, old.authors_text, old.comment);
    INSERT INTO papers_fts(rowid, title, abstract, authors_text, comment)
    VALUES (new.id, new.title, new.abstract, new.authors_text, new.comment);
END;
