-- claimgraph schema, version 1
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT,
    publisher TEXT,
    authors TEXT NOT NULL DEFAULT '[]',
    published TEXT,
    language TEXT,
    text TEXT NOT NULL,
    duplicate_of TEXT REFERENCES documents(id),
    comment_start INTEGER,
    status TEXT NOT NULL DEFAULT 'analysed',
    status_reason TEXT,
    signature BLOB,
    seq INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_source ON documents(source);

CREATE TABLE skipped (
    source TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE TABLE mentions (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER,
    end INTEGER,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    label TEXT NOT NULL,
    section TEXT NOT NULL,
    entity TEXT
);
CREATE INDEX mentions_document ON mentions(document);
CREATE INDEX mentions_entity ON mentions(entity);

CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- why a mention belongs to its entity: the rule and the evidence that decided it
CREATE TABLE links (
    mention TEXT PRIMARY KEY REFERENCES mentions(id) ON DELETE CASCADE,
    entity TEXT NOT NULL,
    rule TEXT NOT NULL,
    evidence TEXT NOT NULL
);

CREATE TABLE statements (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source TEXT,
    source_text TEXT NOT NULL,
    cue TEXT NOT NULL,
    content_start INTEGER NOT NULL,
    content_end INTEGER NOT NULL,
    content_text TEXT NOT NULL,
    kind TEXT NOT NULL
);
CREATE INDEX statements_document ON statements(document);

CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    predicate TEXT NOT NULL,
    object TEXT,
    time TEXT,
    place TEXT,
    agent TEXT,
    claimant TEXT,
    modality TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_text TEXT NOT NULL,
    statement TEXT,
    extractor TEXT NOT NULL,
    confidence REAL NOT NULL
);
CREATE INDEX claims_document ON claims(document);
CREATE INDEX claims_subject ON claims(subject);

CREATE TABLE groups (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL
);
CREATE TABLE claim_group (
    claim TEXT PRIMARY KEY,
    grp TEXT NOT NULL
);
CREATE TABLE grade_history (
    grp TEXT NOT NULL,
    grade TEXT NOT NULL,
    since TEXT NOT NULL
);
CREATE INDEX grade_history_grp ON grade_history(grp);
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    claims TEXT NOT NULL,
    summary TEXT NOT NULL,
    support INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE judgements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    author TEXT NOT NULL,
    created_at TEXT NOT NULL,
    undone_at TEXT
);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE VIRTUAL TABLE names_fts USING fts5(name, entity UNINDEXED);
