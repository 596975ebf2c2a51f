"""Claims in entity terms: what reasoning compares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from anyascii import anyascii

from claimgraph.model import Claim, Document, Modality


@dataclass(frozen=True, slots=True)
class Fact:
    claim: Claim
    subject: str
    object_key: str  # entity id, normalised value, or "" for none
    object: dict[str, Any] | None
    claimant: str | None  # entity id; the publisher's when the author asserts it
    source_key: str  # what counts once for independence
    document: Document

    @property
    def negative(self) -> bool:
        return self.claim.modality is Modality.DENIED

    @property
    def hedged(self) -> bool:
        """Believed, apparently, "could not confirm": said, but not asserted."""
        return self.claim.modality is Modality.HEDGED

    @property
    def supports(self) -> bool:
        """Asserted or reported: the only claims that count as support."""
        return not self.negative and not self.hedged

    @property
    def time(self) -> str | None:
        return (self.claim.time or {}).get("start")

    @property
    def stated_time(self) -> str | None:
        """The event's own date, not the date of the report that carries it."""
        return None if (self.claim.time or {}).get("basis") == "report" else self.time

    @property
    def known_by(self) -> str | None:
        """The status held no later than this: its date, else the report's, else the document's."""
        return self.time or self.document.published


def value_key(obj: dict[str, Any] | None, entity_of: dict[str, str]) -> tuple[str, dict[str, Any] | None]:
    if not obj:
        return "", None
    if "mention" in obj:
        eid = entity_of.get(obj["mention"], obj["mention"])
        return f"e:{eid}", {"entity": eid}
    value = str(obj.get("value", ""))
    if obj.get("datatype") in ("money", "number"):
        digits = re.sub(r"[^\d.]", "", value.replace(",", ""))
        scale = 1e6 if re.search(r"million|\bm\b", value, re.I) else 1e9 if re.search(r"billion|\bbn\b", value, re.I) else 1
        try:
            return f"n:{float(digits) * scale:g}", obj
        except ValueError:
            return f"v:{value.lower()}", obj
    return "v:" + re.sub(r"[^a-z0-9 ]", "", anyascii(value).lower()).strip(), obj


def root_document(doc_id: str, documents: dict[str, Document]) -> str:
    seen = set()
    while documents.get(doc_id) and documents[doc_id].duplicate_of and doc_id not in seen:
        seen.add(doc_id)
        doc_id = documents[doc_id].duplicate_of or doc_id
    return doc_id


def to_facts(claims: list[Claim], entity_of: dict[str, str], documents: dict[str, Document],
             publisher_of: dict[str, str]) -> list[Fact]:
    facts = []
    for c in claims:
        subject = entity_of.get(c.subject)
        if subject is None or c.document not in documents:
            continue
        key, obj = value_key(c.object, entity_of)
        claimant = entity_of.get(c.claimant) if c.claimant else publisher_of.get(c.document)
        origin = root_document(c.document, documents)
        # a third party's claim counts once per party; the author's once per original report
        source_key = f"party:{claimant}" if c.claimant and claimant else f"doc:{origin}"
        facts.append(Fact(c, subject, key, obj, claimant, source_key, documents[c.document]))
    return facts
