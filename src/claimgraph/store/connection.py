"""Opening the SQLite file: WAL, busy timeouts, read-only readers, numbered migrations, and
SQLite's failures turned into the store's own errors ("busy, retry", "not a claimgraph database")."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from claimgraph.errors import StoreBusy, StoreError

READ_TIMEOUT = 5.0  # a WAL reader waits only for recovery or another process's exclusive lock
WRITE_TIMEOUT = 30.0  # writers queue behind each other's transactions
BUSY = ("database is locked", "database table is locked", "database is busy")
MAX_INTEGER = 2**63 - 1  # SQLite's largest integer: a bigger one can name no row
SCHEMA = Path(__file__).with_name("schema")  # the numbered migrations, package data beside this module


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def busy_message(path: str) -> str:
    return f"the database {path} is busy (another process is holding it); try again in a moment"


def is_busy(exc: sqlite3.Error) -> bool:
    return any(text in str(exc).lower() for text in BUSY)


class Connection(sqlite3.Connection):
    """A connection whose lock time-outs raise StoreBusy, and whose text parameters are always
    valid UTF-8 (a lone surrogate, as a command line's undecodable byte becomes, turns into '?'
    instead of an encoding error)."""

    path = ""
    read_timeout = READ_TIMEOUT

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        try:
            return super().execute(sql, _encodable(parameters))
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise StoreBusy(busy_message(self.path)) from exc
            raise

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> sqlite3.Cursor:
        try:
            return super().executemany(sql, (_encodable(p) for p in parameters))
        except sqlite3.OperationalError as exc:
            if is_busy(exc):
                raise StoreBusy(busy_message(self.path)) from exc
            raise


def _text(value: Any) -> Any:
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "replace").decode("utf-8")
    return value


def _encodable(parameters: Any) -> Any:
    if isinstance(parameters, dict):
        return {k: _text(v) for k, v in parameters.items()}
    parameters = parameters if isinstance(parameters, (tuple, list)) else tuple(parameters)
    for v in parameters:  # most rows are plain ASCII: passed on as they are
        if isinstance(v, str) and not v.isascii():
            return tuple(_text(v) for v in parameters)
    return parameters


def _unicase(a: str, b: str) -> int:
    """Compare names case-insensitively in every script."""
    x, y = a.lower(), b.lower()
    return (x > y) - (x < y)


def connect(path: str, readonly: bool, read_timeout: float = READ_TIMEOUT,
            write_timeout: float = WRITE_TIMEOUT) -> Connection:
    """A connection ready to use: WAL, foreign keys, the schema up to date. A reader is
    `query_only`: it never takes the write lock (unless the file first needs WAL or a migration,
    which happens once, as a writer would do it)."""
    try:
        db = sqlite3.connect(path, timeout=read_timeout, isolation_level=None, check_same_thread=False,
                             factory=Connection)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from exc
    db.path, db.read_timeout = path, read_timeout
    db.row_factory = sqlite3.Row
    db.create_collation("UNICASE", _unicase)  # NOCASE folds ASCII only: "местные" after "Министерство"
    try:
        if path != ":memory:" and db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            with _waiting(db, write_timeout):
                db.execute("PRAGMA journal_mode = WAL")
        migrate(db, write_timeout)
        # WAL + NORMAL: a commit is not flushed to the disk one by one (a checkpoint flushes them);
        # a killed process loses nothing it committed, a power cut at most the last commits, and
        # the file is never corrupt (docs/design.md)
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        if readonly:
            db.execute("PRAGMA query_only = ON")
    except StoreError:
        db.close()
        raise
    except sqlite3.DatabaseError as exc:
        db.close()
        raise StoreError(f"{path} is not a claimgraph database ({exc})") from exc
    return db


@contextmanager
def _waiting(db: Connection, seconds: float) -> Iterator[None]:
    """Wait up to `seconds` for a lock in this block, then back to the read timeout."""
    db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(db.read_timeout * 1000)}")


@contextmanager
def write_transaction(db: Connection, wait: float = WRITE_TIMEOUT) -> Iterator[Connection]:
    """BEGIN IMMEDIATE ... COMMIT: writers queue on the lock (up to `wait` seconds) instead of
    failing mid-way; past that, StoreBusy."""
    with _waiting(db, wait):
        db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


# ---- migrations ------------------------------------------------------------------------
def versions() -> list[tuple[int, Path]]:
    """The numbered migration files, oldest first. Only their names are read: opening an
    up-to-date store (the usual case) reads no SQL."""
    return sorted((int(f.name.split("_", 1)[0]), f) for f in SCHEMA.iterdir() if f.name.endswith(".sql"))


def migrations() -> list[tuple[int, str]]:
    return [(version, f.read_text(encoding="utf-8")) for version, f in versions()]


def pending(db: Connection) -> list[tuple[int, str]]:
    """The migrations this file still needs (all of them for an empty file)."""
    known = versions()
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "schema_migrations" not in tables:
        foreign = sorted(t for t in tables if not t.startswith("sqlite_"))
        if foreign:
            raise StoreError(f"{db.path} is not a claimgraph database (it holds other tables: {', '.join(foreign[:5])})")
        return migrations()
    done = {r[0] for r in db.execute("SELECT version FROM schema_migrations")}
    if done and max(done) > known[-1][0]:
        raise StoreError(f"{db.path} was written by a newer claimgraph (schema {max(done)}); upgrade claimgraph")
    return [(version, f.read_text(encoding="utf-8")) for version, f in known if version not in done]


def migrate(db: Connection, wait: float = WRITE_TIMEOUT) -> None:
    """Apply the numbered migrations in schema/, each once, under the write lock. Foreign keys
    are off meanwhile: a migration may rebuild a table that others reference."""
    if not pending(db):
        return  # the usual case: no lock taken
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with write_transaction(db, wait):
            db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT)")
            for version, sql in pending(db):  # again, under the lock: another process may have done it
                for statement in split_sql(sql):
                    db.execute(statement)
                db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, now()))
    finally:
        db.execute("PRAGMA foreign_keys = ON")


def split_sql(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies (BEGIN ... END;) whole."""
    out, buf = [], []
    for line in sql.splitlines():
        if line.strip().startswith("--") or not line.strip():
            continue
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and ("BEGIN" not in joined.upper().split() or joined.upper().endswith("END;")):
            out.append(joined)
            buf = []
    return out
