"""Store: the database behind one interface (`claimgraph.store.base.Store`): a SQLite file, or a
PostgreSQL database for a team (`postgresql://user@host/dbname`). The rest of the program opens
a store here and talks to the protocol, never to a backend's module."""

from __future__ import annotations

from pathlib import Path

from claimgraph.store.base import Store
from claimgraph.store.connection import READ_TIMEOUT, WRITE_TIMEOUT


def open_store(path: str | Path, create: bool = True, readonly: bool = False, timeout: float = WRITE_TIMEOUT,
               read_timeout: float = READ_TIMEOUT) -> Store:
    """The store at `path`: a SQLite file, or PostgreSQL for a `postgresql://` URL. `readonly`: a
    reader that never takes the write lock; `timeout`: how long a write waits for another
    writer; `read_timeout`: how long a read waits."""
    if str(path).startswith(("postgresql://", "postgres://")):
        from claimgraph.store.pg.store import PostgresStore

        return PostgresStore(str(path), create=create, readonly=readonly, timeout=timeout, read_timeout=read_timeout)
    from claimgraph.store.sqlite import SQLiteStore

    return SQLiteStore(path, create=create, readonly=readonly, timeout=timeout, read_timeout=read_timeout)


__all__ = ["READ_TIMEOUT", "WRITE_TIMEOUT", "Store", "open_store"]
