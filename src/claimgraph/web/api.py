"""The JSON API, /api/v1/: documents, entities, claims (with provenance and grade), groups,
statements, conflicts, search, graph, timeline, judgements (with a preview and a report of what
moved), exports. Paging with limit (1-500) and offset; unknown ids answer 404."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import AfterValidator, AliasChoices, BaseModel, Field

from claimgraph.errors import NotFound
from claimgraph.query import View, build_dossier, document_record, judgement_rows, require_entity
from claimgraph.query import search as run_search
from claimgraph.store import Store
from claimgraph.store.browse import ClaimFilter
from claimgraph.web.deps import check_token, get_store, get_writer, service
from claimgraph.web.exports import stream_export
from claimgraph.web.views import graph as build_graph

router = APIRouter(prefix="/api/v1", tags=["api"])
StoreDep = Annotated[Store, Depends(get_store)]
WriterDep = Annotated[Store, Depends(get_writer)]
Limit = Annotated[int, Query(ge=1, le=500, description="Page size, at most 500.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Grade = Literal["confirmed", "corroborated", "single-source", "unconfirmed", "contested", "denied"]
Modality = Literal["asserted", "reported", "hedged", "denied"]
Day = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD")]
Name = Annotated[str | None, Query(max_length=300)]


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
             type: Literal["PERSON", "ORG", "PLACE"] | None = None,
             sort: Literal["mentions", "name"] = "mentions") -> dict[str, Any]:
    rows = store.entity_rows(limit, offset, type, sort)
    aliases = {e.id: e.aliases for e in (store.entity(r["id"]) for r in rows)}
    items = [{"id": r["id"], "entity_type": r["type"], "name": r["name"], "mentions": r["mentions"],
              "aliases": [{"name": n, "count": c} for n, c in aliases[r["id"]]]} for r in rows]
    return page(items, store.count_entities(type), limit, offset)


@router.get("/entities/{entity_id}", response_model=dict[str, Any])
def entity(entity_id: str, store: StoreDep) -> JSONResponse:
    """An entity's dossier: names, status, relations, timeline, conflicts and its claims. Plain
    JSON already (strings, numbers, lists): written as it is, not walked again by the encoder."""
    return JSONResponse(build_dossier(store, store.entity(entity_id)))


def claim_filter(store: Store, subject: str | None = None, predicate: str | None = None, claimant: str | None = None,
                 outlet: str | None = None, grade: str | None = None, modality: str | None = None,
                 since: str | None = None, until: str | None = None) -> ClaimFilter:
    """Names (or ids) of the subject and the claimant as entity ids; unknown names are 404."""
    return ClaimFilter(subject=require_entity(store, subject).id if subject else None, predicate=predicate,
                       claimant=require_entity(store, claimant).id if claimant else None, outlet=outlet,
                       grade=grade, modality=modality, since=since, until=until)


@router.get("/claims")
def claims(store: StoreDep, limit: Limit = 50, offset: Offset = 0, subject: Name = None,
           predicate: Annotated[str | None, Query(max_length=40)] = None, claimant: Name = None, outlet: Name = None,
           grade: Grade | None = None, modality: Modality | None = None, since: Day = None, until: Day = None) -> dict[str, Any]:
    """Claims with their grade, the grade's counts in words and provenance (outlet, report date, file,
    link to the sentence); filters combine. `since`/`until` bound the report's date."""
    rows, total = store.claims_page(claim_filter(store, subject, predicate, claimant, outlet, grade, modality, since, until),
                                    limit, offset)
    view = View(store, rows)
    return page([view.claim_row(c) for c in rows], total, limit, offset)


@router.get("/groups/{group_id}")
def group(group_id: str, store: StoreDep) -> dict[str, Any]:
    """A claim group (one edge of the graph): its grade, the reasons, and every claim with its evidence."""
    found = store.groups(ids=[group_id])
    if not found:
        raise NotFound(f"No claim group {group_id!r}.")
    g = found[0]
    rows, _ = store.claims_page(ClaimFilter(group=group_id), None)
    view = View(store, rows)
    return {"id": g.id, "subject": g.subject, "subject_name": view.name(g.subject), "predicate": g.predicate,
            "object": g.object, "target": view.name((g.object or {}).get("entity")) or (g.object or {}).get("value"),
            "grade": g.grade, "support": g.support, "reasons": list(g.reasons), "counts": g.counts,
            "claims": [view.claim_row(c) for c in rows]}


@router.get("/statements")
def statements(store: StoreDep, limit: Limit = 50, offset: Offset = 0,
               document: Annotated[str | None, Query(max_length=100)] = None) -> dict[str, Any]:
    rows = store.statements(document, limit=limit, offset=offset)
    source = store.entities_of_mentions([s.source for s in rows if s.source])
    items = [{"id": s.id, "document": s.document, "source": source.get(s.source or ""), "source_text": s.source_text,
              "cue": s.cue, "content": s.content.as_dict(), "kind": s.kind} for s in rows]
    return page(items, store.count_statements(document), limit, offset)


@router.get("/conflicts")
def conflicts(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    rows = store.conflicts(limit=limit, offset=offset)
    items = [{"id": c.id, "kind": c.kind, "claims": list(c.claims), "summary": c.summary} for c in rows]
    return page(items, store.count("conflicts"), limit, offset)


@router.get("/search")
def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=500)], limit: Limit = 20) -> dict[str, Any]:
    """Names grouped by entity (`entities`, with type and mentions), reports (`documents`), and how
    many of each there are; "quoted words" are a phrase. `names` lists each matching name."""
    found = run_search(store, q, limit)
    return {**found, "names": store.search_names(q, limit)}


@router.get("/graph")
def graph(store: StoreDep, type: Literal["PERSON", "ORG", "PLACE"] | None = None,
          predicate: Annotated[str | None, Query(max_length=40)] = None, grade: Grade | None = None,
          outlet: Name = None, since: Day = None, until: Day = None) -> dict[str, Any]:
    """Entities and the claim groups between them; `outlet` keeps relations read in that outlet's reports."""
    return build_graph(store, type, predicate, grade, since, until, outlet)


@router.get("/export")
def export(request: Request, format: Literal["jsonl", "csv", "graphml"] = "jsonl") -> StreamingResponse:
    """The whole store, streamed: JSON Lines (the contract), CSV (claims with provenance) or GraphML."""
    return stream_export(request.app.state.db, format, request.app.state.read_timeout)


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
QueryName = Annotated[str, Query(min_length=1, max_length=300), AfterValidator(plain_text)]


class JudgementIn(BaseModel):
    kind: Literal["merge", "split", "distinct"]
    a: Text = Field(min_length=1, max_length=300, description="A name (merge, distinct) or the entity (split).")
    b: Text = Field(min_length=1, max_length=300, description="A name.")
    by: Text = Field(default="api", min_length=1, max_length=100, validation_alias=AliasChoices("by", "author"),
                     description="Who decides (recorded); `author` is accepted too.")


@router.get("/judgements")
def judgements(store: StoreDep, all: bool = False) -> dict[str, Any]:
    """Judgements with both sides named (`a_name`, `b_name`) beside what was recorded."""
    rows = judgement_rows(store, include_undone=all)
    return page(rows, len(rows), len(rows), 0)


@router.get("/judgements/preview")
def preview_judgement(store: StoreDep, kind: Literal["merge", "split", "distinct"], a: QueryName, b: QueryName) -> dict[str, Any]:
    """What recording this judgement would move (names, mentions, claims), without recording it."""
    return {"kind": kind, "a": a, "b": b, **service(store).preview(kind, a, b).as_dict()}


@router.post("/judgements", status_code=201)
def add_judgement(body: JudgementIn, request: Request, store: WriterDep, token: str | None = None) -> dict[str, Any]:
    check_token(request, token)
    jid, moved = service(store).judge(body.kind, body.a, body.b, body.by)
    return {"id": jid, "kind": body.kind, "a": body.a, "b": body.b, "by": body.by, "author": body.by, "moved": moved.as_dict()}


@router.delete("/judgements/{judgement_id}")
def delete_judgement(judgement_id: int, request: Request, store: WriterDep, token: str | None = None) -> dict[str, Any]:
    check_token(request, token)
    moved = service(store).undo(judgement_id)
    return {"id": judgement_id, "undone": True, "moved": moved.as_dict()}
