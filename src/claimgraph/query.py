"""Read functions shared by the CLI, the API and the pages; the export contract lives here too."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import PurePath
from typing import Any

from claimgraph.errors import NotFound
from claimgraph.model import Claim, ClaimGroup, Document, Entity, Section
from claimgraph.store.sqlite import SQLiteStore


class View:
    """A snapshot of the store's mention → entity map, to turn claims into entity terms."""

    def __init__(self, store: SQLiteStore):
        self.store = store
        self.mention_entity = store.mention_entities()
        self.publisher_entity: dict[str, str | None] = dict(store.publisher_entities())
        self.group_of = store.claim_groups()
        self._names: dict[str, str] | None = None
        self._documents: dict[str, Document] | None = None
        self._groups: dict[str, ClaimGroup] | None = None

    def entity(self, mention_id: str | None) -> str | None:
        return self.mention_entity.get(mention_id) if mention_id else None

    def names(self) -> dict[str, str]:
        if self._names is None:
            self._names = self.store.entity_names()
        return self._names

    def name(self, entity_id: str | None) -> str | None:
        return self.names().get(entity_id) if entity_id else None

    def claimant(self, claim: Claim) -> str | None:
        if claim.claimant:
            return self.entity(claim.claimant)
        return self.publisher_entity.get(claim.document)

    def documents(self) -> dict[str, Document]:
        if self._documents is None:
            self._documents = self.store.documents_meta()
        return self._documents

    def groups(self) -> dict[str, ClaimGroup]:
        if self._groups is None:
            self._groups = {g.id: g for g in self.store.groups()}
        return self._groups

    def outlet(self, document: Document | None) -> str | None:
        """Who published a report: its publisher as written, else its publisher entity's name."""
        if document is None:
            return None
        return document.publisher or self.name(self.publisher_entity.get(document.id))

    def provenance(self, c: Claim) -> dict[str, Any]:
        """Where a claim was read: the report's outlet, date, title and file, and a link to its sentence."""
        d = self.documents().get(c.document)
        return {"document": c.document, "outlet": self.outlet(d), "published": d.published if d else None,
                "title": d.title if d else None, "file": file_name(d.source) if d else None,
                "language": d.language if d else None, "link": f"/documents/{c.document}#s-{c.evidence.start}"}

    def claim_row(self, c: Claim) -> dict[str, Any]:
        """A claim as people read it: the export record, with names, grade, the grade's counts in
        words, and provenance."""
        rec = self.claim_record(c)
        obj = rec["object"] or {}
        group = self.groups().get(rec["group"] or "")
        return {**rec, "subject_name": self.name(rec["subject"]), "target_id": obj.get("entity"),
                "target": self.name(obj.get("entity")) or obj.get("value") or "",
                "who": self.name(rec["claimant"]) or "the author", "grade": group.grade if group else "",
                "basis": group.reasons[0] if group and group.reasons else "", "provenance": self.provenance(c)}

    def claim_record(self, c: Claim) -> dict[str, Any]:
        obj = c.object
        if obj and "mention" in obj:
            obj = {"entity": self.entity(obj["mention"])}
        return {
            "type": "claim", "id": c.id, "subject": self.entity(c.subject), "predicate": c.predicate,
            "object": obj, "time": c.time, "place": self.entity(c.place), "agent": self.entity(c.agent),
            "claimant": self.claimant(c), "modality": str(c.modality),
            "evidence": {"document": c.document, **c.evidence.as_dict()},
            "extractor": c.extractor, "confidence": round(c.confidence, 3),
            "statement": c.statement, "group": self.group_of.get(c.id),
        }


def file_name(source: str) -> str:
    """A report's source as shown: a URL whole, a path as its file name (a JSON Lines record keeps its line)."""
    return source if "://" in source else PurePath(source).name


def provenance_line(p: dict[str, Any]) -> str:
    """"Caspian Wire, 2024-03-04, 01_caspian_wire_strike.txt"; a report in another language than
    English says which ("…, 09_kavkaz_vestnik_ru.txt, in ru")."""
    parts = [p.get("outlet") or "outlet unknown", p.get("published") or "date unknown", p.get("file")]
    if p.get("language") and p["language"] != "en":
        parts.append(f"in {p['language']}")
    return ", ".join(x for x in parts if x)


def document_record(d: Document) -> dict[str, Any]:
    rec = {"type": "document", **asdict(d)}
    rec["authors"] = list(d.authors)
    return rec


def entity_record(e: Entity, mentions: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": "entity", "id": e.id, "entity_type": e.type, "name": e.name,
        "aliases": [{"name": n, "count": c} for n, c in e.aliases], "mentions": mentions,
    }


def export_records(store: SQLiteStore) -> Iterator[dict[str, Any]]:
    """Every record of the JSON Lines contract, in its order: documents, entities, statements,
    claims, groups, conflicts."""
    view = View(store)
    texts: dict[str, str] = {}
    for d in store.documents():
        texts[d.id] = d.text
        yield document_record(d)
    spans: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in store.mentions():
        if m.entity and m.section is not Section.META:
            written = texts[m.document][m.start:m.end] if m.start is not None and m.end is not None else m.text
            record = {"document": m.document, "start": m.start, "end": m.end, "text": written, "section": str(m.section)}
            if written != m.text:  # an inflected form ("Джабраилова") and the name it is ("Джабраилов")
                record["name"] = m.text
            if m.sieve:  # a pronoun or description coreference linked, and why
                record["sieve"] = m.sieve
            spans[m.entity].append(record)
    for e in store.entities():
        yield entity_record(e, spans.get(e.id, []))
    for s in store.statements():
        yield {"type": "statement", "id": s.id, "document": s.document, "source": view.entity(s.source),
               "source_text": s.source_text, "cue": s.cue, "content": s.content.as_dict(), "kind": s.kind}
    for c in store.claims():
        yield view.claim_record(c)
    for g in store.groups():
        yield {"type": "group", **asdict(g), "claims": list(g.claims), "reasons": list(g.reasons), "history": list(g.history)}
    for x in store.conflicts():
        yield {"type": "conflict", "id": x.id, "kind": x.kind, "claims": list(x.claims), "summary": x.summary}


def find_entity(store: SQLiteStore, name: str) -> Entity:
    """The entity a user means by `name` (an id, a name or an alias), or NotFound with suggestions."""
    ids = store.entity_ids_named(name)
    if ids:
        return store.entity(ids[0])
    hits = store.search_names(name, limit=5)
    if len(hits) == 1:
        return store.entity(hits[0]["entity"])
    hint = f" Did you mean: {', '.join(sorted({h['name'] for h in hits}))}?" if hits else " List names with `claimgraph entities`."
    raise NotFound(f"No entity named {name!r}.{hint}")


def entity_links(store: SQLiteStore, entity_id: str, limit: int = 20) -> tuple[list[str], list[str]]:
    """Why each mention belongs to an entity, one line per name and rule ("Reid: short form of
    'Tara Reid'; ..."), and the coreference links of its pronouns and descriptions, each with the
    sieve that made it ("'she' → 'Tara Reid' (pronoun sieve: singular, female, ...)"), at most
    `limit` of those and a count of the rest."""
    mentions = store.mentions(entity=entity_id)
    links = store.links([m.id for m in mentions])
    names: list[str] = []
    references: list[str] = []
    seen: set[tuple[str, str]] = set()
    for m in mentions:
        rule, evidence = links.get(m.id, ("", ""))
        if (m.text, rule) in seen:
            continue
        seen.add((m.text, rule))
        if m.antecedent and m.sieve:
            references.append(f"{evidence} ({m.sieve})")
        else:
            names.append(f"{m.text}: {rule}; {evidence}")
    if len(references) > limit:
        references = references[:limit] + [f"… and {len(references) - limit} more"]
    return names, references


def search(store: SQLiteStore, q: str, limit: int = 20) -> dict[str, Any]:
    """Names grouped by entity (type, mentions, the names that matched) and reports, with how many
    of each there are in all. Words match anywhere; "quoted words" match as a phrase."""
    if not q.strip():
        return {"query": q, "entities": [], "documents": [], "total_entities": 0, "total_documents": 0}
    entities = []
    for hit in store.search_entities(q, limit):
        e = store.entity(hit["entity"])
        entities.append({"id": e.id, "name": e.name, "type": e.type, "mentions": sum(c for _, c in e.aliases),
                         "matched": hit["names"]})
    n_entities, n_documents = store.count_matches(q)
    documents = [{**d, "file": file_name(d["source"])} for d in store.search_documents(q, limit)]
    return {"query": q, "entities": entities, "documents": documents,
            "total_entities": n_entities, "total_documents": n_documents}


def judgement_rows(store: SQLiteStore, include_undone: bool = False) -> list[dict[str, Any]]:
    """People's judgements with both sides named: an entity id (a split's) as its entity's name."""
    def side(value: str) -> str:
        return store.entity(value).name if value.startswith("e:") and store.has_entity(value) else value
    out = []
    for j in store.judgements(include_undone=include_undone):
        a, b = side(j["a"]), side(j["b"])
        line = {"merge": f"“{a}” and “{b}” are one entity", "split": f"“{b}” split off {a}",
                "distinct": f"“{a}” and “{b}” are never one entity"}.get(j["kind"], f"{j['kind']} {a} / {b}")
        out.append({**j, "a_name": a, "b_name": b, "by": j["author"], "line": line})
    return out


def entity_claims(store: SQLiteStore, view: View, entity_id: str) -> list[Claim]:
    mention_ids = [m for m, e in view.mention_entity.items() if e == entity_id]
    return store.claims(subject_mentions=mention_ids) if mention_ids else []


def stats(store: SQLiteStore) -> dict[str, int]:
    out = {t: store.count(t) for t in ("documents", "entities", "mentions", "statements", "claims", "groups", "conflicts", "skipped", "judgements")}
    out["judgements"] = store.count_active_judgements()  # an undone judgement no longer counts
    out["near_duplicates"] = int(store.db.execute("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0])
    out["not_analysed"] = int(store.db.execute("SELECT count(*) FROM documents WHERE status != 'analysed'").fetchone()[0])
    return out


def require_entity(store: SQLiteStore, entity_id: str) -> Entity:
    try:
        return store.entity(entity_id)
    except NotFound:
        return find_entity(store, entity_id)


STATUS_WORDS = {"dead": "reported killed", "alive": "reported alive", "wounded": "reported wounded",
                "arrested": "reported arrested", "released": "reported released"}


def _shown_time(time: dict[str, str]) -> str:
    """A claim's date as shown: a report's date, not the event's, is an upper bound ("≤2017-04")."""
    return ("≤" if time.get("basis") == "report" else "") + str(time["start"])


def build_dossier(store: SQLiteStore, entity: Entity) -> dict[str, Any]:
    """An entity's names, status line, relations, timeline and conflicts, ready to print or render."""
    view = View(store)
    groups = {g.id: g for g in store.groups()}
    records = [view.claim_record(c) for c in entity_claims(store, view, entity.id)]
    by_group: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        by_group.setdefault(r["group"] or r["id"], []).append(r)
    relations, status, timeline, seen = [], [], [], set()
    status_rows: list[dict[str, Any]] = []
    for gid, members in by_group.items():
        g = groups.get(gid)
        first = members[0]
        obj = first["object"] or {}
        target = view.name(obj.get("entity")) or obj.get("value") or ""
        parties = []
        for r in members:
            who = view.name(r["claimant"]) or "the author"
            label = who if r["modality"] in ("asserted", "reported") else f"{who} ({r['modality']})"
            if label not in parties:
                parties.append(label)
        grade = g.grade if g else ""
        when = (g.time or {}).get("start") if g and g.time else None
        row = {"predicate": first["predicate"], "target": target, "parties": parties, "grade": grade,
               "support": g.support if g else 1, "time": when, "group": gid, "claims": members,
               "modality": "denied" if all(r["modality"] == "denied" for r in members) else first["modality"],
               "reasons": list(g.reasons) if g else []}
        row["line"] = f"{first['predicate']} {target}".strip() + f" — {', '.join(parties)}" + (f" [{grade}]" if grade else "")
        if first["predicate"] in STATUS_WORDS:
            times = sorted({_shown_time(r["time"]) for r in members if r["time"]}, key=lambda t: (t.removeprefix("≤"), t))
            status.append(f"{STATUS_WORDS[first['predicate']]}{' ' + '/'.join(times) if times else ''} by "
                          f"{', '.join(parties)} — {grade}")
            status_rows.append({"predicate": first["predicate"], "words": STATUS_WORDS[first["predicate"]], "times": times,
                                "parties": parties, "grade": grade, "basis": row["reasons"][0] if row["reasons"] else "",
                                "why": row["reasons"][1:], "group": gid})
        elif target:
            relations.append(row)
        for r in members:
            t = (r["time"] or {}).get("start")
            key = (t, r["predicate"], target, r["claimant"], r["modality"])
            if t and key not in seen:
                seen.add(key)
                who = view.name(r["claimant"]) or "the author"
                shown = _shown_time(r["time"])
                timeline.append({"time": t, "as_of": shown.startswith("≤"), "predicate": r["predicate"], "target": target, "who": who,
                                 "modality": r["modality"], "grade": grade, "claim": r["id"],
                                 "evidence": r["evidence"],
                                 "line": f"{shown}  {r['predicate']} {target}".rstrip() + f" — {r['modality']} by {who} [{grade}]"})
    timeline.sort(key=lambda row: (row["time"], row["predicate"]))
    claim_ids = {r["id"] for r in records}
    conflicts = [{"kind": c.kind, "summary": c.summary, "id": c.id, "claims": list(c.claims)}
                 for c in store.conflicts() if claim_ids & set(c.claims)]
    return {"id": entity.id, "name": entity.name, "type": entity.type, "aliases": list(entity.aliases),
            "status": "; ".join(status), "status_rows": status_rows, "relations": relations, "timeline": timeline,
            "conflicts": conflicts, "claims": records}
