-- PaperSieve schema v1. Dates are ISO 8601 text (days as YYYY-MM-DD, instants in UTC).
-- Statements end with ';' at the end of a line; a trigger body ends with 'END;'.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE papers (
    id                INTEGER PRIMARY KEY,
    arxiv_id          TEXT NOT NULL UNIQUE,          -- without version
    version           INTEGER NOT NULL DEFAULT 1,
    title             TEXT NOT NULL,
    abstract          TEXT NOT NULL DEFAULT '',
    comment           TEXT NOT NULL DEFAULT '',      -- the authors' arXiv comment
    journal_ref       TEXT NOT NULL DEFAULT '',
    doi               TEXT NOT NULL DEFAULT '',
    license           TEXT NOT NULL DEFAULT '',
    categories        TEXT NOT NULL DEFAULT '',      -- space separated, primary first
    primary_category  TEXT NOT NULL DEFAULT '',
    authors_text      TEXT NOT NULL DEFAULT '',      -- "A, B, C": display and full-text search
    published         TEXT,
    updated           TEXT,
    abs_url           TEXT NOT NULL DEFAULT '',
    pdf_url           TEXT NOT NULL DEFAULT '',
    html_url          TEXT NOT NULL DEFAULT '',
    metadata_complete INTEGER NOT NULL DEFAULT 0,    -- 1 once the arXiv API has filled the record
    first_seen        TEXT NOT NULL
);

CREATE TABLE authors (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    s2_id           TEXT UNIQUE,                     -- Semantic Scholar author id, when known
    h_index         INTEGER,
    h_index_fetched TEXT                             -- when h_index was looked up (cache age)
);
CREATE INDEX authors_name ON authors(name);

CREATE TABLE paper_authors (
    paper_id  INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    author_id INTEGER NOT NULL REFERENCES authors(id),
    PRIMARY KEY (paper_id, position)
);
CREATE INDEX paper_authors_author ON paper_authors(author_id);

CREATE TABLE announcements (
    paper_id INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    day      TEXT NOT NULL,
    category TEXT NOT NULL,
    type     TEXT NOT NULL CHECK (type IN ('new', 'cross', 'replace', 'replace-cross')),
    version  INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (paper_id, day, category)
);
CREATE INDEX announcements_day ON announcements(day);

-- One row per fetched day and category set: the counts a digest reports.
CREATE TABLE feed_days (
    day        TEXT NOT NULL,
    categories TEXT NOT NULL,                        -- "cs.AI+cs.LG", sorted
    source     TEXT NOT NULL DEFAULT 'rss',          -- rss | api (catch-up)
    announced  INTEGER NOT NULL DEFAULT 0,           -- all types, de-duplicated
    kept       INTEGER NOT NULL DEFAULT 0,           -- after the announce-type filter, de-duplicated
    fetched_at TEXT NOT NULL,
    PRIMARY KEY (day, categories)
);

CREATE TABLE criteria_versions (
    id                INTEGER PRIMARY KEY,
    created           TEXT NOT NULL,
    topics            TEXT NOT NULL,
    system_prompt     TEXT NOT NULL,
    rubric            TEXT NOT NULL,
    title_postfix     TEXT NOT NULL,
    abstract_postfix  TEXT NOT NULL,
    content_hash      TEXT NOT NULL UNIQUE           -- sha256 of all the texts: one row per distinct criteria
);

CREATE TABLE runs (
    id            INTEGER PRIMARY KEY,
    day           TEXT NOT NULL,
    started       TEXT NOT NULL,
    finished      TEXT,
    status        TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'cancelled', 'budget')),
    message       TEXT NOT NULL DEFAULT '',
    settings_json TEXT NOT NULL DEFAULT '{}',
    criteria_id   INTEGER REFERENCES criteria_versions(id),
    model         TEXT NOT NULL DEFAULT '',
    announced     INTEGER NOT NULL DEFAULT 0,
    scanned       INTEGER NOT NULL DEFAULT 0,
    relevant      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX runs_day ON runs(day);

CREATE TABLE llm_requests (
    id                INTEGER PRIMARY KEY,
    run_id            INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    stage             TEXT NOT NULL,                 -- title | abstract
    provider          TEXT NOT NULL,
    model             TEXT NOT NULL,
    started           TEXT NOT NULL,
    latency_ms        INTEGER NOT NULL DEFAULT 0,
    paper_count       INTEGER NOT NULL DEFAULT 0,
    prompt_tokens     INTEGER NOT NULL DEFAULT 0,    -- includes cached_tokens
    cached_tokens     INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,    -- includes reasoning_tokens
    reasoning_tokens  INTEGER NOT NULL DEFAULT 0,
    cost_usd          REAL NOT NULL DEFAULT 0,
    status            TEXT NOT NULL,                 -- ok | http_error | timeout | parse_error | cancelled
    http_status       INTEGER,
    error             TEXT NOT NULL DEFAULT ''
);
CREATE INDEX llm_requests_run ON llm_requests(run_id);

CREATE TABLE scores (
    id            INTEGER PRIMARY KEY,
    paper_id      INTEGER NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
    paper_version INTEGER NOT NULL,                  -- the version that was scored; kept when a new one arrives
    criteria_id   INTEGER NOT NULL REFERENCES criteria_versions(id),
    model         TEXT NOT NULL,
    stage         TEXT NOT NULL CHECK (stage IN ('author', 'hindex', 'title', 'abstract')),
    status        TEXT NOT NULL CHECK (status IN ('scored', 'kept', 'dropped', 'unscored')),
    relevance     INTEGER CHECK (relevance BETWEEN 1 AND 10),
    novelty       INTEGER CHECK (novelty BETWEEN 1 AND 10),
    comment       TEXT NOT NULL DEFAULT '',
    reason        TEXT NOT NULL DEFAULT '',
    run_id        INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    request_id    INTEGER REFERENCES llm_requests(id) ON DELETE SET NULL,
    created       TEXT NOT NULL,
    UNIQUE (paper_id, paper_version, criteria_id, model, stage)
);
CREATE INDEX scores_lookup ON scores(criteria_id, model, stage);

CREATE TABLE user_marks (
    paper_id   INTEGER PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
    starred    INTEGER NOT NULL DEFAULT 0,
    starred_at TEXT,
    read_at    TEXT
);

-- Full-text search over the whole history, kept in step with papers by triggers.
CREATE VIRTUAL TABLE papers_fts USING fts5(
    title, abstract, authors_text, comment,
    content = 'papers', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER papers_fts_insert AFTER INSERT ON papers BEGIN
    INSERT INTO papers_fts(rowid, title, abstract, authors_text, comment)
    VALUES (new.id, new.title, new.abstract, new.authors_text, new.comment);
END;

CREATE TRIGGER papers_fts_delete AFTER DELETE ON papers BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, abstract, authors_text, comment)
    VALUES ('delete', old.id, old.title, old.abstract, old.authors_text, old.comment);
END;

CREATE TRIGGER papers_fts_update AFTER UPDATE OF title, abstract, authors_text, comment ON papers BEGIN
    INSERT INTO papers_fts(papers_fts, rowid, title, abstract, authors_text, comment)
    VALUES ('delete', old.id, old.title, old.abstract, old.authors_text, old.comment);
    INSERT INTO papers_fts(rowid, title, abstract, authors_text, comment)
    VALUES (new.id, new.title, new.abstract, new.authors_text, new.comment);
END;
