"""Server-rendered pages: overview, search, entity dossier, document reader, conflicts, graph."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from claimgraph.model import PREDICATES
from claimgraph.query import View, build_dossier, stats
from claimgraph.store.sqlite import SQLiteStore
from claimgraph.web.api import record_judgement, undo_judgement
from claimgraph.web.deps import check_token, get_store, get_writer
from claimgraph.web.views import MODALITY_COLOURS, highlighted, timeline_svg

templates = Jinja2Templates(directory=Path(str(resources.files("claimgraph.web") / "templates")))
router = APIRouter(include_in_schema=False)
StoreDep = Annotated[SQLiteStore, Depends(get_store)]
WriterDep = Annotated[SQLiteStore, Depends(get_writer)]


def snippet(text: str) -> Markup:
    """An FTS5 snippet with [hits] as <mark>, everything else escaped."""
    return Markup(re.sub(r"\[([^\[\]]*)\]", lambda m: f"<mark>{m.group(1)}</mark>", str(escape(text))))


@router.get("/", response_class=HTMLResponse)
def index(request: Request, store: StoreDep) -> Response:
    return templates.TemplateResponse(request, "index.html", {
        "stats": stats(store), "entities": store.entities(limit=15), "conflicts": store.conflicts()[:8],
        "documents": store.documents(limit=20),
    })


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=500)] = "") -> Response:
    names, docs = [], []
    if q.strip():
        names = store.search_names(q, 30)
        docs = [{**d, "snippet": snippet(d["snippet"] or "")} for d in store.search_documents(q, 30)]
    return templates.TemplateResponse(request, "search.html", {"q": q, "names": names, "docs": docs})


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str, store: StoreDep, message: str = "") -> Response:
    e = store.entity(entity_id)
    d = build_dossier(store, e)
    by_predicate: dict[str, list[dict]] = {}
    view = View(store)
    groups = {g.id: g for g in store.groups()}
    for r in d["claims"]:
        obj = r["object"] or {}
        r = {**r, "target": view.name(obj.get("entity")) or obj.get("value") or "", "target_id": obj.get("entity"),
             "who": view.name(r["claimant"]) or "the author", "grade": groups[r["group"]].grade if r["group"] in groups else ""}
        by_predicate.setdefault(r["predicate"], []).append(r)
    return templates.TemplateResponse(request, "entity.html", {
        "e": e, "d": d, "by_predicate": by_predicate, "timeline": timeline_svg(d["timeline"]),
        "judgements": [j for j in store.judgements() if e.id in (j["a"], j["b"]) or j["a"] in {n for n, _ in e.aliases} or j["b"] in {n for n, _ in e.aliases}],
        "message": message, "needs_token": bool(request.app.state.token), "colours": MODALITY_COLOURS,
    })


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, store: StoreDep) -> Response:
    d = store.document(doc_id)
    body, comments = highlighted(store, d)
    view = View(store)
    claims = [view.claim_record(c) for c in store.claims(document=d.id)]
    for c in claims:
        obj = c["object"] or {}
        c["subject_name"] = view.name(c["subject"])
        c["target"] = view.name(obj.get("entity")) or obj.get("value") or ""
        c["who"] = view.name(c["claimant"]) or "the author"
    return templates.TemplateResponse(request, "document.html", {"doc": d, "body": body, "comments": comments, "claims": claims})


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts(request: Request, store: StoreDep) -> Response:
    view = View(store)
    claims = {c.id: view.claim_record(c) for c in store.claims()}
    rows = []
    for c in store.conflicts():
        members = [claims[i] for i in c.claims if i in claims]
        for m in members:
            m["who"] = view.name(m["claimant"]) or "the author"
        rows.append({"c": c, "members": members, "subject": view.name(members[0]["subject"]) if members else "",
                     "subject_id": members[0]["subject"] if members else ""})
    return templates.TemplateResponse(request, "conflicts.html", {"rows": rows})


@router.get("/graph", response_class=HTMLResponse)
def graph(request: Request) -> Response:
    return templates.TemplateResponse(request, "graph.html", {"predicates": PREDICATES})


@router.post("/curate")
def curate(request: Request, store: WriterDep, kind: Annotated[str, Form(pattern="^(merge|split|distinct)$")],
           a: Annotated[str, Form(min_length=1, max_length=300)], b: Annotated[str, Form(min_length=1, max_length=300)],
           back: Annotated[str, Form(pattern=r"^e:[0-9a-f]+$")], author: Annotated[str, Form(max_length=100)] = "web",
           token: Annotated[str | None, Form(max_length=200)] = None) -> Response:
    check_token(request, token)
    jid = record_judgement(store, kind, a, b, author or "web")
    named = store.entity_ids_named(a)
    target = back if store.has_entity(back) else (named[0] if named else "")
    return RedirectResponse(f"/entities/{target}?message=judgement+{jid}+recorded" if target else "/", status_code=303)


@router.post("/curate/undo")
def curate_undo(request: Request, store: WriterDep, judgement: Annotated[int, Form(ge=1)],
                back: Annotated[str, Form(max_length=200)], token: Annotated[str | None, Form(max_length=200)] = None) -> Response:
    check_token(request, token)
    undo_judgement(store, judgement)
    names = store.entity_ids_named(back)
    target = back if store.has_entity(back) else (names[0] if names else "")
    return RedirectResponse(f"/entities/{target}?message=judgement+{judgement}+undone" if target else "/", status_code=303)
