-- claimgraph schema, version 4: an archive, not a folder. One new report touches what it
-- changes: the resolver's state (each entity's names and type votes, its creation order, the
-- blocking keys it is filed under) and the near-copy index (MinHash LSH bands) are kept here and
-- queried, not rebuilt; groups and conflicts carry their subject, so that they are recomputed and
-- read one subject at a time; every read of a page is an indexed query.
CREATE UNIQUE INDEX documents_seq ON documents(seq);
CREATE INDEX claims_order ON claims(document, evidence_start, id);
CREATE INDEX claims_claimant ON claims(claimant);
CREATE INDEX claims_predicate ON claims(predicate);
CREATE INDEX claims_object ON claims(json_extract(object, '$.mention'));
CREATE INDEX mentions_name ON mentions(lower(text));
CREATE INDEX mentions_entity_text ON mentions(entity, text);
CREATE INDEX claim_group_grp ON claim_group(grp);

-- the resolver's state of each entity (claimgraph.resolve.resolver.EntityState)
ALTER TABLE entities ADD COLUMN ord INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN named INTEGER NOT NULL DEFAULT 1;
ALTER TABLE entities ADD COLUMN types TEXT NOT NULL DEFAULT '{}';
ALTER TABLE entities ADD COLUMN display_key TEXT;
ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
UPDATE entities SET mention_count = (SELECT count(*) FROM mentions m WHERE m.entity = entities.id);
CREATE INDEX entities_display_key ON entities(display_key, ord);
CREATE INDEX entities_by_mentions ON entities(mention_count DESC, name, id);
CREATE INDEX entities_by_name ON entities(name COLLATE NOCASE, id);
CREATE INDEX entities_lower_name ON entities(lower(name));
CREATE TABLE entity_names (
    entity TEXT NOT NULL,
    name TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (entity, name)
) WITHOUT ROWID;
-- blocking keys: candidates for a new name are the entities filed under its keys, oldest first
CREATE TABLE entity_keys (
    key TEXT NOT NULL,
    ord INTEGER NOT NULL,
    entity TEXT NOT NULL,
    PRIMARY KEY (key, ord, entity)
) WITHOUT ROWID;
CREATE INDEX entity_keys_entity ON entity_keys(entity);
-- what a later run must do before it can work incrementally ('resolver' = 'rebuild')
CREATE TABLE store_state (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO store_state SELECT 'resolver', 'rebuild' WHERE EXISTS (SELECT 1 FROM entities);

-- the near-copy index: each signature's LSH bands (25 bands of 5 hash values, 8 bytes each, as
-- claimgraph.ingest.dedupe files them), each bucket read in arrival order
CREATE TABLE near_copy_keys (
    band INTEGER NOT NULL,
    key BLOB NOT NULL,
    seq INTEGER NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (band, key, seq)
) WITHOUT ROWID;
INSERT INTO near_copy_keys (band, key, seq, document)
    WITH RECURSIVE bands(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM bands WHERE i < 24)
    SELECT bands.i, substr(d.signature, 1 + 40 * bands.i, 40), d.seq, d.id
    FROM documents d, bands WHERE d.signature IS NOT NULL;

-- groups and conflicts by subject
ALTER TABLE groups ADD COLUMN subject TEXT;
ALTER TABLE groups ADD COLUMN predicate TEXT;
ALTER TABLE groups ADD COLUMN grade TEXT;
ALTER TABLE groups ADD COLUMN target TEXT;
UPDATE groups SET subject = json_extract(data, '$.subject'), predicate = json_extract(data, '$.predicate'),
    grade = json_extract(data, '$.grade'), target = json_extract(data, '$.object.entity');
CREATE INDEX groups_subject ON groups(subject, predicate);
CREATE INDEX groups_target ON groups(target);
CREATE INDEX groups_grade ON groups(grade);
ALTER TABLE conflicts ADD COLUMN subject TEXT;
UPDATE conflicts SET subject = (SELECT g.subject FROM claim_group cg JOIN groups g ON g.id = cg.grp
                                WHERE cg.claim = json_extract(conflicts.claims, '$[0]'));
CREATE INDEX conflicts_subject ON conflicts(subject);
CREATE INDEX conflicts_order ON conflicts(support DESC, id);

-- the names search: a table of (entity, name) pairs that the full-text index reads, so that a
-- new report adds its new pairs instead of rebuilding the index
CREATE TABLE entity_search (
    id INTEGER PRIMARY KEY,
    entity TEXT NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (entity, name)
);
INSERT INTO entity_search (entity, name)
    SELECT DISTINCT entity, text FROM mentions WHERE entity IS NOT NULL AND label NOT LIKE 'coref/%' ORDER BY entity, text;
DROP TABLE names_fts;
CREATE VIRTUAL TABLE names_fts USING fts5(name, entity UNINDEXED, content='entity_search', content_rowid='id');
INSERT INTO names_fts(names_fts) VALUES ('rebuild');

-- a report's publisher entity (the claimant of the author's own voice), looked up by document
CREATE INDEX mentions_publisher ON mentions(document, entity) WHERE label = 'meta/publisher' AND entity IS NOT NULL;
