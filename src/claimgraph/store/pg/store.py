"""PostgreSQL store: the team's archive. The same queries as the SQLite store (it inherits them,
and store/pg/dialect.py translates the few words that differ), the same schema in the numbered
migrations of schema/pg/, one transaction per document under the writers' advisory lock, and
full-text search through GIN indexes over `tsvector`s.

    claimgraph --db postgresql://ana@db.newsroom/claims ingest reports/

Keep the password out of the URL (PGPASSWORD or ~/.pgpass): the URL is shown in messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from claimgraph.errors import StoreError
from claimgraph.store.connection import READ_TIMEOUT, WRITE_TIMEOUT, now
from claimgraph.store.pg.connection import Connection, migrate, redacted
from claimgraph.store.sqlite import SQLiteStore

DOCUMENT_WORDS = "to_tsvector('simple', coalesce(d.title, '') || ' ' || left(d.text, 500000))"  # as the GIN index
NAME_WORDS = "to_tsvector('simple', s.name)"
HEADLINE = "StartSel=[, StopSel=], MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…"


class PostgresStore(SQLiteStore):
    def __init__(self, url: str, create: bool = True, readonly: bool = False,
                 timeout: float = WRITE_TIMEOUT, read_timeout: float = READ_TIMEOUT):
        self.path = url
        self.timeout = timeout
        db = Connection(url, readonly=False, timeout=timeout)
        try:
            if not create and db.execute("SELECT to_regclass('schema_migrations')").fetchone()[0] is None:
                raise StoreError(f"No claimgraph store at {redacted(url)}. Run `claimgraph --db URL ingest PATH` first.")
            migrate(db)
            if readonly:
                db.raw.execute("SET default_transaction_read_only = on")
        except BaseException:
            db.close()
            raise
        self.db = db  # type: ignore[assignment]

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        with self.db.transaction() as db:  # type: ignore[attr-defined]
            yield db

    # ---- judgements: who made them, numbered by the server ------------------------------
    def add_judgement(self, kind: str, a: str, b: str, author: str) -> int:
        with self.transaction() as db:
            return int(db.execute("INSERT INTO judgements (kind, a, b, author, created_at) VALUES (?,?,?,?,?) RETURNING id",
                                  (kind, a, b, author, now())).fetchone()[0])

    # ---- search: GIN indexes over tsvectors --------------------------------------------
    def search_documents(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        match, args = tsquery(query)
        if not args:
            return []
        sql = (f"SELECT d.id, d.title, d.source, d.publisher, d.published, ts_headline('simple', d.text, q, '{HEADLINE}') "
               f"AS snippet FROM documents d, {match} AS w WHERE {DOCUMENT_WORDS} @@ q "
               f"ORDER BY ts_rank({DOCUMENT_WORDS}, q) DESC, d.seq LIMIT ?")
        return [dict(r) for r in self.db.execute(sql, [*args, limit])]

    def search_names(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        match, args = tsquery(query)
        if not args:
            return []
        sql = (f"SELECT s.entity, s.name FROM entity_search s, {match} AS w WHERE {NAME_WORDS} @@ q "
               f"ORDER BY ts_rank({NAME_WORDS}, q) DESC, s.entity, s.name LIMIT ?")
        return [dict(r) for r in self.db.execute(sql, [*args, limit])]

    def search_entities(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        match, args = tsquery(query)
        if not args:
            return []
        sql = (f"SELECT s.entity, array_agg(s.name::text) AS names, max(ts_rank({NAME_WORDS}, q)) AS best "
               f"FROM entity_search s, {match} AS w WHERE {NAME_WORDS} @@ q GROUP BY s.entity "
               f"ORDER BY best DESC, s.entity LIMIT ?")
        return [{"entity": r["entity"], "names": sorted(set(r["names"]))} for r in self.db.execute(sql, [*args, limit])]

    def count_matches(self, query: str) -> tuple[int, int]:
        match, args = tsquery(query)
        if not args:
            return 0, 0
        entities = self.db.execute(f"SELECT count(DISTINCT s.entity) FROM entity_search s, {match} AS w "
                                   f"WHERE {NAME_WORDS} @@ q", args).fetchone()[0]
        documents = self.db.execute(f"SELECT count(*) FROM documents d, {match} AS w WHERE {DOCUMENT_WORDS} @@ q",
                                    args).fetchone()[0]
        return int(entities), int(documents)


def tsquery(text: str) -> tuple[str, list[str]]:
    """User text as a tsquery, as the SQLite store reads it (store.sqlite.fts_query): every word
    and "quoted phrase" must occur, a phrase as written; no operator of the user's is read."""
    terms = []
    for phrase, word in re.findall(r'"([^"]*)"|(\S+)', text.replace("\x00", " ")):
        words = re.findall(r"\w+", phrase or word)
        if words:
            terms.append(" ".join(words))
    match = " && ".join(["phraseto_tsquery('simple', ?)"] * len(terms)) or "NULL::tsquery"
    return f"(SELECT {match} AS q)", terms
