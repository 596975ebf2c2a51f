"""Request-scoped access to the store (a reader for reads, a writer for changes), and the write guard."""

from __future__ import annotations

import hmac
from collections.abc import Iterator

from fastapi import HTTPException, Request

from claimgraph.api import Claimgraph
from claimgraph.settings import Settings
from claimgraph.store import Store, open_store


def get_store(request: Request) -> Iterator[Store]:
    """A read-only connection per request: it never takes or waits for the write lock, so pages
    answer while an ingest writes. (SQLite connections are cheap and never shared across threads.)"""
    state = request.app.state
    store = open_store(state.db, create=False, readonly=True, read_timeout=state.read_timeout)
    try:
        yield store
    finally:
        store.close()


def get_writer(request: Request) -> Iterator[Store]:
    """A connection that may write: it waits for another writer up to the app's write timeout."""
    state = request.app.state
    store = open_store(state.db, create=False, timeout=state.write_timeout, read_timeout=state.read_timeout)
    try:
        yield store
    finally:
        store.close()


def service(store: Store) -> Claimgraph:
    """The service over a request's store: what changes the graph (judgements) goes through it."""
    return Claimgraph(store, Settings())


def check_token(request: Request, supplied: str | None) -> None:
    """Writes need the server's token when it has one (always, beyond loopback). Compared as bytes:
    any token, ASCII or not, is simply right or wrong."""
    expected = request.app.state.token
    if not expected:
        return
    header = request.headers.get("authorization", "")
    if supplied:
        given = supplied.encode("utf-8", "replace")
    elif header.lower().startswith("bearer "):
        given = header[7:].strip().encode("latin-1", "replace")  # header values arrive decoded as Latin-1
    else:
        given = b""
    if not given or not hmac.compare_digest(given, expected.encode("utf-8", "replace")):
        raise HTTPException(status_code=401, detail="this server needs a token for changes: send `Authorization: Bearer TOKEN`")
