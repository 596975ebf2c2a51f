"""The FastAPI application: pages, the versioned JSON API, static files, one error shape, and the
guard (security.py) in front of it all."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError, NotFound, StoreBusy
from claimgraph.store import READ_TIMEOUT
from claimgraph.web.api import router as api_router
from claimgraph.web.pages import router as pages_router
from claimgraph.web.pages import templates
from claimgraph.web.security import (
    MAX_BODY_BYTES,
    Guard,
    allowed_hosts,
    check_token_length,
)

RETRY_AFTER = "2"  # seconds, on a 503 while another process holds the database
WRITE_TIMEOUT = 10.0  # a change from the web waits this long for a writer elsewhere (an ingest)
DOCS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API — claimgraph</title><link rel="stylesheet" href="/static/swagger/swagger-ui.css"></head>
<body><p><a href="/">← claimgraph workspace</a> · <a href="/openapi.json">openapi.json</a></p>
<div id="swagger-ui"></div>
<script src="/static/swagger/swagger-ui-bundle.js"></script><script src="/static/docs.js"></script></body></html>
"""  # Swagger UI vendored from npm (static/swagger/VERSION.txt): no CDN, no inline script


def create_app(db: str | Path, token: str | None = None, host: str | None = None, allowed: Iterable[str] = (),
               max_body: int = MAX_BODY_BYTES, read_timeout: float = READ_TIMEOUT,
               write_timeout: float = WRITE_TIMEOUT) -> FastAPI:
    """The workspace over the store at `db`. Requests must name this server (loopback, `host` or
    one of `allowed`); changes need `token` when there is one (at least 16 characters)."""
    check_token_length(token)
    app = FastAPI(title="claimgraph", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/api/v1/openapi.json",
                  description="Sourced claims, entities and conflicts extracted from news reports.")
    app.state.db, app.state.token = str(db), token
    app.state.read_timeout, app.state.write_timeout = read_timeout, write_timeout
    static = Path(str(resources.files("claimgraph.web") / "static"))
    app.mount("/static", StaticFiles(directory=static), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)
    app.add_middleware(Guard, hosts=allowed_hosts(host, allowed), max_body=max_body)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE)

    @app.get("/openapi.json", include_in_schema=False)
    def openapi() -> JSONResponse:
        return JSONResponse(app.openapi())

    _add_error_handlers(app)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    def error(request: Request, status: int, code: str, message: str,
              headers: dict[str, str] | None = None) -> JSONResponse | HTMLResponse:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                          status_code=status, headers=headers)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> JSONResponse | HTMLResponse:
        return error(request, 404, "not_found", str(exc))

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> JSONResponse | HTMLResponse:
        return error(request, 503, "busy", str(exc), {"Retry-After": RETRY_AFTER})

    @app.exception_handler(ClaimgraphError)
    async def domain_error(request: Request, exc: ClaimgraphError) -> JSONResponse | HTMLResponse:
        return error(request, 400, "bad_request", str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse | HTMLResponse:
        details = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return error(request, 422, "invalid_request", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse | HTMLResponse:
        return error(request, exc.status_code, "http_error", str(exc.detail), getattr(exc, "headers", None))
