-- claimgraph schema, version 2: documents and grade history get explicit integer keys, and
-- full-text search is keyed on the document key. VACUUM may renumber an implicit rowid; an
-- INTEGER PRIMARY KEY it keeps, so a search hit can never point at the wrong report.
-- Existing rows keep their rowid as their key; the search index is rebuilt from the documents.
CREATE TABLE documents_keyed (
    key INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
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
INSERT INTO documents_keyed (key, id, source, title, publisher, authors, published, language, text, duplicate_of,
                             comment_start, status, status_reason, signature, seq, ingested_at)
    SELECT rowid, id, source, title, publisher, authors, published, language, text, duplicate_of,
           comment_start, status, status_reason, signature, seq, ingested_at FROM documents;
DROP TRIGGER documents_ai;
DROP TRIGGER documents_ad;
DROP TABLE documents_fts;
DROP TABLE documents;
ALTER TABLE documents_keyed RENAME TO documents;
CREATE INDEX documents_source ON documents(source);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='key');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.key, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.key, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF key, title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.key, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.key, new.title, new.text);
END;
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');

CREATE TABLE grade_history_keyed (
    seq INTEGER PRIMARY KEY,
    grp TEXT NOT NULL,
    grade TEXT NOT NULL,
    since TEXT NOT NULL
);
INSERT INTO grade_history_keyed (seq, grp, grade, since) SELECT rowid, grp, grade, since FROM grade_history ORDER BY rowid;
DROP TABLE grade_history;
ALTER TABLE grade_history_keyed RENAME TO grade_history;
CREATE INDEX grade_history_grp ON grade_history(grp);
