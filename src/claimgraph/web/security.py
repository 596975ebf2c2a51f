"""The guard in front of every request: a Host allow-list (against DNS rebinding), a same-origin
check on every change (against cross-site request forgery), a body size limit enforced before
anything parses the body, and headers that keep our pages out of frames and limit them to our
own scripts and styles."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.responses import HTMLResponse, JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimgraph.errors import ClaimgraphError

LOOPBACK = ("127.0.0.1", "localhost", "::1")
WILDCARD = ("0.0.0.0", "::", "")
MIN_TOKEN_LENGTH = 16
MAX_BODY_BYTES = 64 * 1024  # a judgement is a few hundred bytes
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data", "text/plain")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = ((b"content-security-policy", CSP.encode()), (b"x-frame-options", b"DENY"),
           (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"),
           (b"cross-origin-opener-policy", b"same-origin"))


def check_token_length(token: str | None) -> None:
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise ClaimgraphError(f"the token must be at least {MIN_TOKEN_LENGTH} characters long (it guards every change); "
                              "make one with: python -c 'import secrets; print(secrets.token_urlsafe())'")


def host_name(value: str) -> str:
    """A Host header or host as a bare lowercase name: 'Example.org:8000' → 'example.org',
    '[::1]:8000' → '::1'."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def allowed_hosts(bound: str | None = None, extra: Iterable[str] = ()) -> frozenset[str]:
    """Loopback names, the interface the server is bound to (not a wildcard) and any extra names."""
    names = {*LOOPBACK, *extra}
    if bound and host_name(bound) not in WILDCARD:
        names.add(bound)
    return frozenset(host_name(n) for n in names)


def _origin(url: str) -> tuple[str, str, int] | None:
    try:
        parts = urlsplit(url)
        port = parts.port or {"http": 80, "https": 443}.get(parts.scheme, 0)
    except ValueError:
        return None
    return (parts.scheme, parts.hostname or "", port) if parts.scheme in ("http", "https") and parts.hostname else None


def cross_site(method: str, headers: Headers) -> str | None:
    """Why a change is refused as cross-site, or None. The Origin (or Referer) a browser sends must
    be this server as the browser addressed it (its Host header); a form sent with neither is
    refused too: forms are posted by our own pages, which browsers give an Origin."""
    if method not in UNSAFE:
        return None
    source = headers.get("origin") or headers.get("referer")
    if source:
        origin, host = _origin(source), headers.get("host", "")
        if origin is None or _origin(f"{origin[0]}://{host}") != origin:
            return "a change sent from another site is refused (cross-site request)"
        return None
    if headers.get("content-type", "").split(";")[0].strip().lower() in FORM_TYPES:
        return "a form must be sent from this server's own pages (no Origin or Referer header)"
    return None


def _refusal(path: str, status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse | HTMLResponse:
    if path.startswith("/api/"):
        code = {400: "bad_host", 403: "forbidden", 413: "too_large"}.get(status, "refused")
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)
    return HTMLResponse(f"<!DOCTYPE html><title>{status}</title><h1>{status}</h1><p>{escape(message)}</p>",
                        status_code=status, headers=headers)


class Guard:
    """Pure ASGI middleware (it must run before any body is read)."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str], max_body: int = MAX_BODY_BYTES):
        self.app, self.hosts, self.max_body = app, hosts, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = _with_headers(send)
        headers = Headers(scope=scope)
        path = str(scope.get("path", ""))
        if host_name(headers.get("host", "")) not in self.hosts:
            message = "unknown Host: this server answers only to its own names (add one with `serve --allow-host NAME`)"
            await _refusal(path, 400, message)(scope, receive, send)
            return
        reason = cross_site(str(scope["method"]), headers)
        if reason:
            await _refusal(path, 403, reason)(scope, receive, send)
            return
        messages, too_large = await self._body(headers, receive)
        if too_large:
            message = f"the request body is larger than {self.max_body} bytes"
            await _refusal(path, 413, message, {"connection": "close"})(scope, receive, send)
            return
        await self.app(scope, _replay(messages, receive), send)

    async def _body(self, headers: Headers, receive: Receive) -> tuple[list[Message], bool]:
        """The body's messages, read up to the limit (a declared length past it is refused unread)."""
        declared = headers.get("content-length", "")
        if declared.strip().isdigit() and int(declared) > self.max_body:
            return [], True
        messages, size = [], 0
        while True:
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                return messages, False
            size += len(message.get("body", b""))
            if size > self.max_body:
                return messages, True
            if not message.get("more_body", False):
                return messages, False


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replayed() -> Message:
        return pending.pop(0) if pending else await receive()

    return replayed


def _with_headers(send: Send) -> Send:
    """Add the security headers to every response, unless a route set its own (the API docs)."""
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            extra = [(k, v) for k, v in HEADERS if k not in present]
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return sending
