"""Request-scoped access to the store, and the write guard."""

from __future__ import annotations

import hmac
from collections.abc import Iterator

from fastapi import HTTPException, Request

from claimgraph.store.sqlite import SQLiteStore


def get_store(request: Request) -> Iterator[SQLiteStore]:
    """One connection per request: SQLite connections are cheap and never shared across threads."""
    store = SQLiteStore(request.app.state.db, create=False)
    try:
        yield store
    finally:
        store.close()


def check_token(request: Request, supplied: str | None) -> None:
    """Writes need the server's token when it has one (always, beyond loopback)."""
    expected = request.app.state.token
    if not expected:
        return
    header = request.headers.get("authorization", "")
    given = supplied or (header[7:] if header.lower().startswith("bearer ") else "")
    if not given or not hmac.compare_digest(given, expected):
        raise HTTPException(status_code=401, detail="this server needs a token for changes: send `Authorization: Bearer TOKEN`")
