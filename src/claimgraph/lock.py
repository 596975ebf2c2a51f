"""One writer at a time: ingests and resolutions of one database run one after another.

Resolution reads everything stored before it and writes entity ids that later documents build
on; two processes interleaving their documents and resolutions would each resolve against a half
of the other's work and end in a graph no sequential run gives. A lock file beside the database
("news.db.lock", an advisory `flock`, released by the system when its holder dies, even by
kill -9) makes a second writer wait, saying so. A PostgreSQL store (`postgresql://...`) is
locked on the server instead, by an advisory lock (claimgraph.store.pg.connection.ingest_lock), so
that writers on different machines take turns too.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from claimgraph.errors import StoreError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: SQLite's own lock still keeps each document whole
    fcntl = None  # type: ignore[assignment]

_held = threading.local()  # the databases this thread holds the lock of (a writer may nest calls)


def lock_path(db: str) -> str:
    return f"{db}.lock"


@contextmanager
def writer_lock(db: str, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the writer lock of database `db` (none for an in-memory database); when another
    process holds it, call `on_wait` with a message once, then wait for it."""
    held: set[str] = _held.__dict__.setdefault("dbs", set())
    if db == ":memory:" or db in held or (fcntl is None and not db.startswith(("postgresql://", "postgres://"))):
        yield
        return
    if db.startswith(("postgresql://", "postgres://")):
        from claimgraph.store.pg.connection import ingest_lock

        held.add(db)
        try:
            with ingest_lock(db, on_wait):
                yield
        finally:
            held.discard(db)
        return
    try:
        fd = os.open(lock_path(db), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"cannot create the lock file {lock_path(db)} ({exc.strerror or exc})") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait(f"waiting for another ingest or resolution of {db} to finish …")
            fcntl.flock(fd, fcntl.LOCK_EX)
        held.add(db)
        try:
            yield
        finally:
            held.discard(db)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
