"""Store: the embedded database behind one interface (`claimgraph.store.base.Store`). The rest
of the program opens a store here and talks to the protocol, never to a backend's module."""

from __future__ import annotations

from pathlib import Path

from claimgraph.store.base import Store
from claimgraph.store.connection import READ_TIMEOUT, WRITE_TIMEOUT


def open_store(path: str | Path, create: bool = True, readonly: bool = False, timeout: float = WRITE_TIMEOUT,
               read_timeout: float = READ_TIMEOUT) -> Store:
    """The store at `path` (SQLite). `readonly`: a reader that never takes the write lock;
    `timeout`: how long a write waits for another writer; `read_timeout`: how long a read waits."""
    from claimgraph.store.sqlite import SQLiteStore

    return SQLiteStore(path, create=create, readonly=readonly, timeout=timeout, read_timeout=read_timeout)


__all__ = ["READ_TIMEOUT", "WRITE_TIMEOUT", "Store", "open_store"]
