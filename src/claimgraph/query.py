"""Read functions shared by the CLI, the API and the pages; the export contract lives here too."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import PurePath
from typing import Any

from claimgraph.errors import NotFound
from claimgraph.model import Claim, ClaimGroup, Document, Entity, Section
from claimgraph.store.base import Store


class View:
    """What it takes to show some claims in entity terms (the entities of their mentions, their
    groups, the names, the reports they were read in), fetched for those claims only: a page of
    claims costs the same in a store of any size."""

    def __init__(self, store: Store, claims: Iterable[Claim] = ()):
        self.store = store
        self.mention_entity: dict[str, str] = {}
        self.publisher_entity: dict[str, str | None] = {}
        self.group_of: dict[str, str] = {}
        self._names: dict[str, str] = {}
        self._documents: dict[str, Document] = {}
        self._groups: dict[str, ClaimGroup] = {}
        self.add(claims)

    def add(self, claims: Iterable[Claim]) -> View:
        """Fetch what these claims need that is not known yet."""
        claims = list(claims)
        mentions = {m for c in claims for m in (c.subject, c.claimant, c.place, c.agent, (c.object or {}).get("mention"))
                    if m and m not in self.mention_entity}
        self.mention_entity.update(self.store.entities_of_mentions(mentions))
        documents = {c.document for c in claims} - set(self._documents)
        self._documents.update(self.store.documents_meta(documents))
        publishers = self.store.publisher_entities(documents)
        self.publisher_entity.update({d: publishers.get(d) for d in documents})
        self.group_of.update(self.store.claim_groups([c.id for c in claims if c.id not in self.group_of]))
        wanted = set(self.group_of.values()) - set(self._groups)
        self._groups.update((g.id, g) for g in self.store.groups(ids=sorted(wanted)))
        self.add_names([*self.mention_entity.values(), *(e for e in publishers.values() if e)])
        return self

    def add_names(self, ids: Iterable[str | None]) -> None:
        wanted = {e for e in ids if e and e not in self._names}
        if wanted:
            self._names.update(self.store.entity_names(wanted))

    def entity(self, mention_id: str | None) -> str | None:
        return self.mention_entity.get(mention_id) if mention_id else None

    def names(self) -> dict[str, str]:
        return self._names

    def name(self, entity_id: str | None) -> str | None:
        if not entity_id:
            return None
        if entity_id not in self._names:
            self.add_names([entity_id])
        return self._names.get(entity_id)

    def claimant(self, claim: Claim) -> str | None:
        if claim.claimant:
            return self.entity(claim.claimant)
        return self.publisher_entity.get(claim.document)

    def documents(self) -> dict[str, Document]:
        return self._documents

    def groups(self) -> dict[str, ClaimGroup]:
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


EXPORT_CHUNK = 2000


def export_records(store: Store) -> Iterator[dict[str, Any]]:
    """Every record of the JSON Lines contract, in its order: documents, entities, statements,
    claims, groups, conflicts. Claims are put in entity terms a chunk at a time."""
    texts: dict[str, str] = {}  # reports in other languages, whose names may be stored in a base form
    for d in store.documents():
        if d.language not in (None, "en"):
            texts[d.id] = d.text
        yield document_record(d)
    spans: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in store.mentions():
        if m.entity and m.section is not Section.META:
            inflected = m.document in texts and m.start is not None and m.end is not None
            written = texts[m.document][m.start:m.end] if inflected else m.text
            record = {"document": m.document, "start": m.start, "end": m.end, "text": written, "section": str(m.section)}
            if written != m.text:  # an inflected form ("Джабраилова") and the name it is ("Джабраилов")
                record["name"] = m.text
            if m.sieve:  # a pronoun or description coreference linked, and why
                record["sieve"] = m.sieve
            spans[m.entity].append(record)
    for e in store.entities():
        yield entity_record(e, spans.get(e.id, []))
    statements = store.statements()
    for i in range(0, len(statements), EXPORT_CHUNK):
        part = statements[i : i + EXPORT_CHUNK]
        source = store.entities_of_mentions([s.source for s in part if s.source])
        for s in part:
            yield {"type": "statement", "id": s.id, "document": s.document, "source": source.get(s.source or ""),
                   "source_text": s.source_text, "cue": s.cue, "content": s.content.as_dict(), "kind": s.kind}
    claims = store.claims()
    for i in range(0, len(claims), EXPORT_CHUNK):
        view = View(store, claims[i : i + EXPORT_CHUNK])
        for c in claims[i : i + EXPORT_CHUNK]:
            yield view.claim_record(c)
    for g in store.groups():
        yield {"type": "group", **asdict(g), "claims": list(g.claims), "reasons": list(g.reasons), "history": list(g.history)}
    for x in store.conflicts():
        yield {"type": "conflict", "id": x.id, "kind": x.kind, "claims": list(x.claims), "summary": x.summary}


def find_entity(store: Store, name: str) -> Entity:
    """The entity a user means by `name` (an id, a name or an alias), or NotFound with suggestions."""
    ids = store.entity_ids_named(name)
    if ids:
        return store.entity(ids[0])
    hits = store.search_names(name, limit=5)
    if len(hits) == 1:
        return store.entity(hits[0]["entity"])
    hint = f" Did you mean: {', '.join(sorted({h['name'] for h in hits}))}?" if hits else " List names with `claimgraph entities`."
    raise NotFound(f"No entity named {name!r}.{hint}")


def entity_links(store: Store, entity_id: str, limit: int = 20) -> tuple[list[str], list[str]]:
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


def search(store: Store, q: str, limit: int = 20) -> dict[str, Any]:
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


def judgement_rows(store: Store, include_undone: bool = False) -> list[dict[str, Any]]:
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


def entity_claims(store: Store, entity_id: str) -> list[Claim]:
    """The claims about an entity, in report order (an indexed query: its mentions, their claims)."""
    return store.claims_about([entity_id])


def stats(store: Store) -> dict[str, int]:
    out = {t: store.count(t) for t in ("documents", "entities", "mentions", "statements", "claims", "groups", "conflicts", "skipped", "judgements")}
    out["judgements"] = store.count_active_judgements()  # an undone judgement no longer counts
    out["near_duplicates"] = store.count_documents_where("near-copy")
    out["not_analysed"] = store.count_documents_where("not-analysed")
    return out


def require_entity(store: Store, entity_id: str) -> Entity:
    try:
        return store.entity(entity_id)
    except NotFound:
        return find_entity(store, entity_id)


STATUS_WORDS = {"dead": "reported killed", "alive": "reported alive", "wounded": "reported wounded",
                "arrested": "reported arrested", "released": "reported released"}


def _shown_time(time: dict[str, str]) -> str:
    """A claim's date as shown: a report's date, not the event's, is an upper bound ("≤2017-04")."""
    return ("≤" if time.get("basis") == "report" else "") + str(time["start"])


def build_dossier(store: Store, entity: Entity, view: View | None = None, claims: list[Claim] | None = None) -> dict[str, Any]:
    """An entity's names, status line, relations, timeline and conflicts, ready to print or render:
    its claims, their groups and its conflicts, each by an indexed query. A caller that shows the
    claims too passes them and their `view`."""
    if claims is None:
        claims = entity_claims(store, entity.id)
    view = view if view is not None else View(store, claims)
    groups = view.groups()
    records = [view.claim_record(c) for c in claims]
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
    conflicts = [{"kind": c.kind, "summary": c.summary, "id": c.id, "claims": list(c.claims)}
                 for c in store.conflicts(subject=entity.id)]
    return {"id": entity.id, "name": entity.name, "type": entity.type, "aliases": list(entity.aliases),
            "status": "; ".join(status), "status_rows": status_rows, "relations": relations, "timeline": timeline,
            "conflicts": conflicts, "claims": records}
