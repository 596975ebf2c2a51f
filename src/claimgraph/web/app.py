"""The FastAPI application: pages, the versioned JSON API, static files, one error shape."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph import __version__
from claimgraph.errors import ClaimgraphError, NotFound
from claimgraph.web.api import router as api_router
from claimgraph.web.pages import router as pages_router
from claimgraph.web.pages import templates


def create_app(db: str | Path, token: str | None = None) -> FastAPI:
    app = FastAPI(title="claimgraph", version=__version__, docs_url="/docs", openapi_url="/api/v1/openapi.json",
                  description="Sourced claims, entities and conflicts extracted from news reports.")
    app.state.db = str(db)
    app.state.token = token
    static = Path(str(resources.files("claimgraph.web") / "static"))
    app.mount("/static", StaticFiles(directory=static), name="static")
    app.include_router(api_router)
    app.include_router(pages_router)

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def error(request: Request, status: int, code: str, message: str) -> JSONResponse | HTMLResponse:
        if wants_json(request):
            return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message}, status_code=status)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> JSONResponse | HTMLResponse:
        return error(request, 404, "not_found", str(exc))

    @app.exception_handler(ClaimgraphError)
    async def domain_error(request: Request, exc: ClaimgraphError) -> JSONResponse | HTMLResponse:
        return error(request, 400, "bad_request", str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse | HTMLResponse:
        details = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        return error(request, 422, "invalid_request", details)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse | HTMLResponse:
        return error(request, exc.status_code, "http_error", str(exc.detail))

    return app
