"""Running the workspace: options checked first (each problem one `ClaimgraphError` line), then uvicorn."""

from __future__ import annotations

import socket
from collections.abc import Iterable

from claimgraph.errors import ClaimgraphError
from claimgraph.store import open_store
from claimgraph.web.app import create_app
from claimgraph.web.security import LOOPBACK


def parse_port(text: str) -> int:
    port = int(text) if text.strip().isdigit() else -1
    if not 1 <= port <= 65535:
        raise ClaimgraphError(f"--port must be a number from 1 to 65535, not {text!r}")
    return port


def check_address(host: str, port: int) -> None:
    """Fail now, in one line, when the address cannot be listened on (unknown host, port taken)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
            probe.bind(address)
    except (OSError, UnicodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise ClaimgraphError(f"cannot listen on {host}:{port}: {reason}") from exc


def serve(db: str, host: str, port: str, token: str | None, allowed: Iterable[str] = ()) -> None:
    import uvicorn

    number, token = parse_port(port), token or None  # an empty CLAIMGRAPH_TOKEN is no token
    if host not in LOOPBACK and not token:
        raise ClaimgraphError(f"binding to {host} exposes the store beyond this machine: give --token or CLAIMGRAPH_TOKEN")
    app = create_app(db, token=token, host=host, allowed=allowed)  # a short token is refused here
    open_store(db, create=False).close()  # no database: the usual message; an old schema: upgraded now
    check_address(host, number)
    uvicorn.run(app, host=host, port=number, log_level="warning")
