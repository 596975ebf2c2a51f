"""Server-rendered pages: overview, entities, claims browser, search, entity dossier, document
reader, conflicts, graph, and curation (preview, record, undo, with a report of what moved)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from claimgraph.api import Movement
from claimgraph.model import PREDICATES
from claimgraph.query import View, build_dossier, entity_claims, file_name, judgement_rows, stats
from claimgraph.query import search as run_search
from claimgraph.store import Store
from claimgraph.web.api import QueryName, claim_filter
from claimgraph.web.deps import check_token, get_store, get_writer, service
from claimgraph.web.views import highlighted, timeline_svg
from claimgraph.web.vocabulary import GRADES, MODALITIES, language_name, template_globals

templates = Jinja2Templates(directory=Path(str(resources.files("claimgraph.web") / "templates")))
templates.env.globals.update(template_globals())
templates.env.filters["file_name"] = file_name
templates.env.filters["language_name"] = language_name
router = APIRouter(include_in_schema=False)
StoreDep = Annotated[Store, Depends(get_store)]
WriterDep = Annotated[Store, Depends(get_writer)]
PAGE = 50
DOCUMENTS = 50  # reports listed on a dossier page (with how many there are in all)
Text = Annotated[str, Query(max_length=300)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
PageSize = Annotated[int, Query(ge=1, le=500)]
FormDay = Annotated[str, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$", description="YYYY[-MM[-DD]] or empty")]


def one_of(values: Iterable[str]) -> str:
    """A pattern for one of `values`, or empty (a form's "any")."""
    return "^(" + "|".join(re.escape(v) for v in values) + ")?$"


GradeChoice = Annotated[str, Query(pattern=one_of(GRADES))]
ModalityChoice = Annotated[str, Query(pattern=one_of(MODALITIES))]


def snippet(text: str) -> Markup:
    """An FTS5 snippet with [hits] as <mark>, everything else escaped."""
    return Markup(re.sub(r"\[([^\[\]]*)\]", lambda m: f"<mark>{m.group(1)}</mark>", str(escape(text))))


def query_base(path: str, **params: Any) -> str:
    """`path?k=v&...&` with the filters that are set, ready for `offset=`."""
    kept = {k: v for k, v in params.items() if v}
    return f"{path}?{urlencode(kept)}&" if kept else f"{path}?"


@router.get("/", response_class=HTMLResponse)
def index(request: Request, store: StoreDep) -> Response:
    return templates.TemplateResponse(request, "index.html", {
        "stats": stats(store), "entities": store.entity_rows(15, 0), "conflicts": store.conflicts(limit=8),
        "documents": store.documents(limit=20),
    })


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, store: StoreDep, type: Annotated[str, Query(pattern="^(PERSON|ORG|PLACE)?$")] = "",
             sort: Annotated[str, Query(pattern="^(mentions|name)$")] = "mentions", offset: Offset = 0,
             limit: PageSize = PAGE) -> Response:
    return templates.TemplateResponse(request, "entities.html", {
        "rows": store.entity_rows(limit, offset, type or None, sort), "total": store.count_entities(type or None),
        "types": store.entity_type_counts(), "all": store.count_entities(), "type": type, "sort": sort,
        "offset": offset, "limit": limit,
        "base": query_base("/entities", type=type, sort=sort, limit=limit if limit != PAGE else None),
    })


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request, store: StoreDep, subject: Text = "", predicate: Text = "", claimant: Text = "",
           outlet: Text = "", grade: GradeChoice = "", modality: ModalityChoice = "", since: FormDay = "",
           until: FormDay = "", offset: Offset = 0, limit: PageSize = PAGE) -> Response:
    """Every claim, filtered by the URL's parameters (an empty field is no filter), a page at a
    time, with provenance."""
    chosen = {"subject": subject, "predicate": predicate, "claimant": claimant, "outlet": outlet, "grade": grade,
              "modality": modality, "since": since, "until": until}
    wanted = claim_filter(store, **{k: v or None for k, v in chosen.items()})
    rows, total = store.claims_page(wanted, limit, offset)
    view = View(store, rows)
    facets = store.claim_facets()
    view.add_names(v for v, _ in facets["claimant"])
    return templates.TemplateResponse(request, "claims.html", {
        "rows": [view.claim_row(c) for c in rows], "total": total, "offset": offset, "limit": limit, "chosen": chosen,
        "facets": facets, "names": view.names(),
        "base": query_base("/claims", **chosen, limit=limit if limit != PAGE else None),
        "subject_name": view.name(wanted.subject) if wanted.subject else "",
    })


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=500)] = "") -> Response:
    found = run_search(store, q, 30)
    found["documents"] = [{**d, "snippet": snippet(d["snippet"] or "")} for d in found["documents"]]
    return templates.TemplateResponse(request, "search.html", {"q": q, "found": found, "stats": stats(store)})


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str, store: StoreDep, message: str = "") -> Response:
    e = store.entity(entity_id)
    claims = entity_claims(store, e.id)
    view = View(store, claims)
    d = build_dossier(store, e, view, claims)
    by_predicate: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        by_predicate.setdefault(c.predicate, []).append(view.claim_row(c))
    names = {n for n, _ in e.aliases}
    return templates.TemplateResponse(request, "entity.html", {
        "e": e, "d": d, "by_predicate": by_predicate, "timeline": timeline_svg(d["timeline"]),
        "documents": store.entity_documents(e.id, limit=DOCUMENTS), "documents_total": store.count_entity_documents(e.id),
        "judgements": [j for j in judgement_rows(store) if e.id in (j["a"], j["b"]) or {j["a"], j["b"]} & names],
        "message": message, "needs_token": bool(request.app.state.token),
    })


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, doc_id: str, store: StoreDep) -> Response:
    d = store.document(doc_id)
    body, comments = highlighted(store, d)
    claims = store.claims(document=d.id)
    view = View(store, claims)
    rows = [view.claim_row(c) for c in claims]
    return templates.TemplateResponse(request, "document.html", {"doc": d, "body": body, "comments": comments, "claims": rows,
                                                                 "outlet": view.outlet(d)})


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts(request: Request, store: StoreDep, offset: Offset = 0, limit: PageSize = PAGE) -> Response:
    """The conflicts board, most supported first, a page at a time."""
    page = store.conflicts(limit=limit, offset=offset)
    claims = {c.id: c for c in store.claims_by_id(sorted({m for x in page for m in x.claims}))}
    view = View(store, claims.values())
    rows = []
    for c in page:
        members = [view.claim_row(claims[m]) for m in _in_report_order(c.claims, claims)]
        rows.append({"c": c, "members": members, "subject": members[0]["subject_name"] if members else "",
                     "subject_id": members[0]["subject"] if members else ""})
    return templates.TemplateResponse(request, "conflicts.html", {
        "rows": rows, "total": store.count("conflicts"), "offset": offset, "limit": limit,
        "base": query_base("/conflicts", limit=limit if limit != PAGE else None)})


def _in_report_order(ids: Iterable[str], claims: dict[str, Any]) -> list[str]:
    order = {cid: i for i, cid in enumerate(claims)}  # claims_by_id gives report order
    return sorted((i for i in ids if i in claims), key=lambda i: order[i])


@router.get("/graph", response_class=HTMLResponse)
def graph(request: Request, store: StoreDep) -> Response:
    outlets = store.outlets()
    return templates.TemplateResponse(request, "graph.html", {"predicates": PREDICATES, "outlets": outlets,
                                                              "params": dict(request.query_params)})


Kind = Annotated[str, Query(pattern="^(merge|split|distinct)$")]


@router.get("/curate/preview", response_class=HTMLResponse)
def curate_preview(request: Request, store: StoreDep, kind: Kind, a: QueryName, b: QueryName,
                   back: Annotated[str, Query(pattern=r"^e:[0-9a-f]+$")]) -> Response:
    """What a judgement would move, before it is recorded; the form on this page records it."""
    moved = service(store).preview(kind, a, b)
    return templates.TemplateResponse(request, "preview.html", {"kind": kind, "a": a, "b": b, "back": back, "moved": moved,
                                                                "needs_token": bool(request.app.state.token)})


def _report(what: str, moved: Movement) -> str:
    text = f"{what}: {moved.summary()}"
    return text if len(text) <= 1500 else text[:1497] + "…"


@router.post("/curate")
def curate(request: Request, store: WriterDep, kind: Annotated[str, Form(pattern="^(merge|split|distinct)$")],
           a: Annotated[str, Form(min_length=1, max_length=300)], b: Annotated[str, Form(min_length=1, max_length=300)],
           back: Annotated[str, Form(pattern=r"^e:[0-9a-f]+$")], author: Annotated[str, Form(max_length=100)] = "web",
           token: Annotated[str | None, Form(max_length=200)] = None) -> Response:
    check_token(request, token)
    jid, moved = service(store).judge(kind, a, b, author or "web")
    named = store.entity_ids_named(a)
    target = back if store.has_entity(back) else (named[0] if named else "")
    message = urlencode({"message": _report(f"judgement {jid} recorded", moved)})
    return RedirectResponse(f"/entities/{target}?{message}" if target else "/", status_code=303)


@router.post("/curate/undo")
def curate_undo(request: Request, store: WriterDep, judgement: Annotated[int, Form(ge=1)],
                back: Annotated[str, Form(max_length=200)], token: Annotated[str | None, Form(max_length=200)] = None) -> Response:
    check_token(request, token)
    moved = service(store).undo(judgement)
    names = store.entity_ids_named(back)
    target = back if store.has_entity(back) else (names[0] if names else "")
    message = urlencode({"message": _report(f"judgement {judgement} undone", moved)})
    return RedirectResponse(f"/entities/{target}?{message}" if target else "/", status_code=303)
