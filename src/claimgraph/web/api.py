"""The JSON API, /api/v1/: documents, entities, claims, statements, conflicts, search, graph,
timeline, judgements. Paging with limit (1-500) and offset; unknown ids answer 404."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import AfterValidator, BaseModel, Field

from claimgraph.pipeline import update_graph
from claimgraph.query import View, build_dossier, document_record, entity_claims, require_entity
from claimgraph.store.sqlite import SQLiteStore
from claimgraph.web.deps import check_token, get_store, get_writer
from claimgraph.web.views import graph as build_graph

router = APIRouter(prefix="/api/v1", tags=["api"])
StoreDep = Annotated[SQLiteStore, Depends(get_store)]
WriterDep = Annotated[SQLiteStore, Depends(get_writer)]
Limit = Annotated[int, Query(ge=1, le=500, description="Page size, at most 500.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


def page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"items": items, "total": total, "limit": limit, "offset": offset}


@router.get("/documents")
def documents(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    rows = []
    for d in store.documents(limit=limit, offset=offset):
        rec = document_record(d)
        rec.pop("text")
        rows.append(rec)
    return page(rows, store.count("documents"), limit, offset)


@router.get("/documents/{doc_id}")
def document(doc_id: str, store: StoreDep) -> dict[str, Any]:
    return document_record(store.document(doc_id))


@router.get("/entities")
def entities(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
             type: Literal["PERSON", "ORG", "PLACE"] | None = None) -> dict[str, Any]:
    rows = [{"id": e.id, "entity_type": e.type, "name": e.name, "aliases": [{"name": n, "count": c} for n, c in e.aliases]}
            for e in store.entities(limit=limit, offset=offset, type_=type)]
    return page(rows, store.count("entities"), limit, offset)


@router.get("/entities/{entity_id}")
def entity(entity_id: str, store: StoreDep) -> dict[str, Any]:
    return build_dossier(store, store.entity(entity_id))


@router.get("/claims")
def claims(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
           subject: Annotated[str | None, Query(max_length=300)] = None,
           predicate: Annotated[str | None, Query(max_length=40)] = None) -> dict[str, Any]:
    view = View(store)
    rows = entity_claims(store, view, require_entity(store, subject).id) if subject else store.claims(predicate=predicate)
    if predicate:
        rows = [c for c in rows if c.predicate == predicate]
    return page([view.claim_record(c) for c in rows[offset : offset + limit]], len(rows), limit, offset)


@router.get("/statements")
def statements(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
               document: Annotated[str | None, Query(max_length=100)] = None) -> dict[str, Any]:
    view = View(store)
    rows = store.statements(document)
    items = [{"id": s.id, "document": s.document, "source": view.entity(s.source), "source_text": s.source_text,
              "cue": s.cue, "content": s.content.as_dict(), "kind": s.kind} for s in rows[offset : offset + limit]]
    return page(items, len(rows), limit, offset)


@router.get("/conflicts")
def conflicts(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    rows = store.conflicts()
    items = [{"id": c.id, "kind": c.kind, "claims": list(c.claims), "summary": c.summary} for c in rows[offset : offset + limit]]
    return page(items, len(rows), limit, offset)


@router.get("/search")
def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=500)], limit: Limit = 20) -> dict[str, Any]:
    return {"query": q, "names": store.search_names(q, limit), "documents": store.search_documents(q, limit)}


@router.get("/graph")
def graph(store: StoreDep, type: Literal["PERSON", "ORG", "PLACE"] | None = None,
          predicate: Annotated[str | None, Query(max_length=40)] = None,
          grade: Literal["confirmed", "corroborated", "single-source", "contested", "denied"] | None = None,
          since: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None,
          until: Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")] = None) -> dict[str, Any]:
    return build_graph(store, type, predicate, grade, since, until)


@router.get("/timeline/{entity_id}")
def timeline(entity_id: str, store: StoreDep) -> dict[str, Any]:
    d = build_dossier(store, store.entity(entity_id))
    return {"entity": entity_id, "name": d["name"], "items": [{k: v for k, v in r.items() if k != "line"} for r in d["timeline"]]}


def plain_text(value: str) -> str:
    """Names are text: no NUL, no lone surrogate (JSON can carry both; neither can be stored or shown)."""
    if "\x00" in value or any("\ud800" <= ch <= "\udfff" for ch in value):
        raise ValueError("must be text without NUL characters or lone surrogates")
    return value


Text = Annotated[str, AfterValidator(plain_text)]


class JudgementIn(BaseModel):
    kind: Literal["merge", "split", "distinct"]
    a: Text = Field(min_length=1, max_length=300, description="A name (merge, distinct) or the entity id (split).")
    b: Text = Field(min_length=1, max_length=300, description="A name.")
    author: Text = Field(default="api", min_length=1, max_length=100)


@router.get("/judgements")
def judgements(store: StoreDep, all: bool = False) -> dict[str, Any]:
    rows = store.judgements(include_undone=all)
    return page(rows, len(rows), len(rows), 0)


def record_judgement(store: SQLiteStore, kind: str, a: str, b: str, author: str) -> int:
    """Shared by the API and the pages: check the names, record, re-resolve."""
    if kind == "split":
        a = require_entity(store, a).id
    else:
        require_entity(store, a), require_entity(store, b)
    jid = store.add_judgement(kind, a, b, author)
    update_graph(store, full=True)
    return jid


def undo_judgement(store: SQLiteStore, judgement_id: int) -> None:
    store.undo_judgement(judgement_id)
    update_graph(store, full=True)


@router.post("/judgements", status_code=201)
def add_judgement(body: JudgementIn, request: Request, store: WriterDep, token: str | None = None) -> dict[str, Any]:
    check_token(request, token)
    jid = record_judgement(store, body.kind, body.a, body.b, body.author)
    return {"id": jid, "kind": body.kind, "a": body.a, "b": body.b, "author": body.author}


@router.delete("/judgements/{judgement_id}")
def delete_judgement(judgement_id: int, request: Request, store: WriterDep, token: str | None = None) -> dict[str, Any]:
    check_token(request, token)
    undo_judgement(store, judgement_id)
    return {"id": judgement_id, "undone": True}
