"""Connecting to PostgreSQL (psycopg 3): rows that read like sqlite3.Row, SQLite's dialect
translated (store/pg/dialect.py), the numbered migrations of schema/pg/, one writer at a time
through advisory locks, and PostgreSQL's failures turned into the store's own errors.

psycopg is LGPL-3.0, used as a library (imported, never copied or changed), which an MIT project
may do; it is needed only for a `postgresql://` store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from typing import Any

from claimgraph.errors import StoreBusy, StoreError
from claimgraph.store.pg.dialect import SKIP, translate

WRITER_KEY = 0x636C6169  # the advisory lock every write transaction takes ("clai")
INGEST_KEY = 0x6772_6170  # the advisory lock an ingest or a resolution holds ("grap")
SCHEMAS = ("postgresql://", "postgres://")


def is_url(db: str) -> bool:
    return db.startswith(SCHEMAS)


def redacted(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


class Row(tuple[Any, ...]):
    """A row read by position or by column name, and a mapping for dict(row), as sqlite3.Row."""

    names: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(self.names[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self.names)


def row_factory(cursor: Any) -> Any:
    names = {d.name: i for i, d in enumerate(cursor.description or ())}
    kind = type("Row", (Row,), {"names": names})
    return lambda values: kind(values)


def _param(value: Any) -> Any:
    """Text PostgreSQL can hold: a NUL (which only a typed query can bring) becomes U+FFFD, and a
    lone surrogate (a command line's undecodable byte) '?', as the SQLite store does."""
    if isinstance(value, str):
        if "\x00" in value:
            value = value.replace("\x00", "\ufffd")
        if not value.isascii():
            value = value.encode("utf-8", "replace").decode("utf-8")
    return value


def _numeric_loader() -> Any:
    """A loader of NUMERIC (what sum() of integers gives) as SQLite gives it: an int when whole."""
    from psycopg.types.numeric import NumericLoader

    class Loader(NumericLoader):
        def load(self, data: Any) -> Any:
            value = super().load(data)
            return int(value) if value == value.to_integral_value() else float(value)

    return Loader


class Connection:
    """One psycopg connection speaking the SQLite store's SQL."""

    def __init__(self, url: str, readonly: bool, timeout: float):
        import psycopg

        self.url, self.timeout, self.errors = url, timeout, psycopg.errors
        try:
            self.raw = psycopg.connect(url, autocommit=True, row_factory=row_factory, connect_timeout=10)
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {redacted(url)}: {_first_line(exc)}") from exc
        self.raw.adapters.register_loader("numeric", _numeric_loader())
        if readonly:
            self.raw.execute("SET default_transaction_read_only = on")

    def execute(self, sql: str, parameters: Sequence[Any] | None = ()) -> Any:
        query = translate(sql)
        with self._errors():
            return self.raw.execute(query, () if query == SKIP else tuple(_param(v) for v in parameters or ()))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any:
        rows = [tuple(_param(v) for v in r) for r in rows]
        cur = self.raw.cursor()
        if rows:
            with self._errors():
                cur.executemany(translate(sql), rows)
        return cur

    def close(self) -> None:
        self.raw.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """BEGIN ... COMMIT under the writers' advisory lock: writers queue on it (up to the
        timeout, then StoreBusy), so each document's transaction sees the one before it whole."""
        with self._errors(), self.raw.transaction():
            self.raw.execute(f"SET LOCAL lock_timeout = {int(self.timeout * 1000)}")
            self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_KEY,))
            yield self

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except self.errors.LockNotAvailable as exc:
            raise StoreBusy(f"the database {redacted(self.url)} is busy (another writer is holding it); "
                            "try again in a moment") from exc
        except self.errors.OperationalError as exc:
            raise StoreError(f"{redacted(self.url)}: {_first_line(exc)}") from exc


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


# ---- migrations ------------------------------------------------------------------------
def migrations() -> list[tuple[int, str]]:
    folder = resources.files("claimgraph.store") / "schema" / "pg"
    return sorted((int(f.name.split("_", 1)[0]), f.read_text(encoding="utf-8"))
                  for f in folder.iterdir() if f.name.endswith(".sql"))


def migrate(db: Connection) -> None:
    """Apply the numbered migrations of schema/pg/, each once, in one transaction under the
    writers' lock (two processes opening a new database at once migrate it once)."""
    known = migrations()
    if db.raw.execute("SELECT to_regclass('schema_migrations')").fetchone() != (None,):
        done = {r[0] for r in db.raw.execute("SELECT version FROM schema_migrations")}
        if {v for v, _ in known} <= done and max(done) == known[-1][0]:
            return  # the usual case: no lock taken
    with db.transaction():
        tables = {r[0] for r in db.raw.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()")}
        if "schema_migrations" not in tables:
            if tables:
                raise StoreError(f"{redacted(db.url)} is not a claimgraph database (it holds other tables: "
                                 f"{', '.join(sorted(tables)[:5])})")
            db.raw.execute("CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at text)")
        done = {r[0] for r in db.raw.execute("SELECT version FROM schema_migrations")}
        if done and max(done) > known[-1][0]:
            raise StoreError(f"{redacted(db.url)} was written by a newer claimgraph (schema {max(done)}); upgrade claimgraph")
        for version, sql in known:
            if version not in done:
                db.raw.execute(sql.encode("utf-8"))
                db.raw.execute("INSERT INTO schema_migrations VALUES (%s, now()::text)", (version,))


@contextmanager
def ingest_lock(url: str, on_wait: Any = None) -> Iterator[None]:
    """The writer lock of a PostgreSQL store (claimgraph.lock): a session advisory lock on a
    connection of its own, released by the server when its holder ends, even by kill -9."""
    db = Connection(url, readonly=False, timeout=0)
    try:
        got = db.raw.execute("SELECT pg_try_advisory_lock(%s)", (INGEST_KEY,)).fetchone()
        if not (got and got[0]):
            if on_wait:
                on_wait(f"waiting for another ingest or resolution of {redacted(url)} to finish …")
            db.raw.execute("SELECT pg_advisory_lock(%s)", (INGEST_KEY,))
        yield
    finally:
        db.close()
