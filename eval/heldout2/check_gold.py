"""Sanity check for heldout2.gold.yaml: structure, keys, ids, evidence substrings, names.

Usage: /work/main/.venv/bin/python check_gold.py [gold.yaml]
"""
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
GOLD = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "heldout2.gold.yaml"
CORPUS = HERE / "corpus"

PREDICATES = {
    # predicate: (subject types, object kind) ; object kind: entity types, "text", "money", "number", None
    "alias": (None, "value"), "member_of": ({"PERSON"}, {"ORG"}), "leader_of": ({"PERSON"}, {"ORG"}),
    "role": ({"PERSON"}, "value"), "trained_by": ({"PERSON", "ORG"}, {"ORG", "PLACE"}),
    "origin": ({"PERSON"}, {"PLACE"}), "located_in": ({"PERSON", "ORG"}, {"PLACE"}),
    "affiliated_with": ({"ORG"}, {"ORG"}), "allied_with": ({"ORG", "PERSON"}, {"ORG"}),
    "opposed_to": ({"ORG", "PERSON"}, {"ORG"}), "dead": ({"PERSON"}, None), "wounded": ({"PERSON"}, None),
    "alive": ({"PERSON"}, None), "arrested": ({"PERSON"}, None), "released": ({"PERSON"}, None),
    "defected_to": ({"PERSON"}, {"ORG"}), "bounty": ({"PERSON"}, "money"), "quantity": ({"ORG", "PLACE"}, "number"),
}
MODALITIES = {"asserted", "reported", "hedged", "denied"}
TYPES = {"PERSON", "ORG", "PLACE"}
DATATYPES = {"text", "date", "money", "number"}
KINDS = {"status", "value", "denial"}
TIME_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

errors, warnings = [], []
err = errors.append
warn = warnings.append

gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
if gold.get("corpus") != "heldout2":
    err("corpus is %r" % gold.get("corpus"))

texts = {}
for d in gold["documents"]:
    f = d["file"]
    path = CORPUS / f
    if not path.exists():
        err("document file missing: %s" % f)
        continue
    text = path.read_text(encoding="utf-8")
    texts[f] = text
    if d.get("title") != text.splitlines()[0]:
        err("%s: title differs from line 1" % f)
    if d.get("published") is not None and not TIME_RE.match(str(d["published"])):
        err("%s: bad published %r" % (f, d["published"]))
    nwords = len(text.split())
    if not 250 <= nwords <= 450:
        warn("%s: %d words" % (f, nwords))
on_disk = {p.name for p in CORPUS.glob("*.txt")}
if on_disk != set(texts):
    err("corpus files not annotated: %s" % sorted(on_disk - set(texts)))
alltext = "\n".join(texts.values())

ents = gold["entities"]
for k, e in ents.items():
    if e.get("type") not in TYPES:
        err("entity %s: bad type %r" % (k, e.get("type")))
    names = e.get("names") or []
    if not names:
        err("entity %s: no names" % k)
    if len(set(names)) != len(names):
        err("entity %s: duplicate names" % k)
    for n in names:
        if not isinstance(n, str) or n not in alltext:
            err("entity %s: name %r occurs in no document" % (k, n))

ids = set()
used = Counter()
for c in gold["claims"]:
    cid = c.get("id")
    where = "claim %s" % cid
    if cid in ids:
        err("%s: duplicate id" % where)
    ids.add(cid)
    for field in ("doc", "subject", "predicate", "object", "claimant", "modality", "time", "evidence"):
        if field not in c:
            err("%s: missing %s" % (where, field))
    doc = c.get("doc")
    if doc not in texts:
        err("%s: unknown doc %r" % (where, doc))
        continue
    pred = c.get("predicate")
    if pred not in PREDICATES:
        err("%s: unknown predicate %r" % (where, pred))
        continue
    subj_types, obj_kind = PREDICATES[pred]
    subj = c.get("subject")
    if subj not in ents:
        err("%s: unknown subject %r" % (where, subj))
    elif subj_types and ents[subj]["type"] not in subj_types:
        err("%s: subject %s is %s, %s wants %s" % (where, subj, ents[subj]["type"], pred, subj_types))
    used[subj] += 1
    obj = c.get("object")
    if isinstance(obj, str):
        if obj not in ents:
            err("%s: unknown object %r" % (where, obj))
        elif not isinstance(obj_kind, set) or ents[obj]["type"] not in obj_kind:
            err("%s: object %s (%s) does not fit %s" % (where, obj, ents[obj]["type"], pred))
        used[obj] += 1
    elif isinstance(obj, dict):
        if "value" not in obj or obj.get("datatype") not in DATATYPES:
            err("%s: bad literal object %r" % (where, obj))
        elif isinstance(obj_kind, set) or obj_kind is None:
            err("%s: %s wants %s, got a literal" % (where, pred, obj_kind))
        elif obj_kind in ("number", "money") and obj["datatype"] not in ("number", "money"):
            err("%s: %s wants a number/money literal" % (where, pred))
        if pred == "quantity" and not obj.get("unit"):
            err("%s: quantity without unit" % where)
    elif obj is None:
        if isinstance(obj_kind, set) or obj_kind in ("value", "number"):
            err("%s: %s needs an object" % (where, pred))
    else:
        err("%s: bad object %r" % (where, obj))
    cl = c.get("claimant")
    if cl != "publisher":
        if cl not in ents:
            err("%s: unknown claimant %r" % (where, cl))
        used[cl] += 1
    if c.get("modality") not in MODALITIES:
        err("%s: bad modality %r" % (where, c.get("modality")))
    if c.get("modality") == "asserted" and cl != "publisher":
        err("%s: asserted but claimant is %s" % (where, cl))
    t = c.get("time")
    if t is not None and not (isinstance(t, str) and TIME_RE.match(t)):
        err("%s: bad time %r" % (where, t))
    for opt in ("agent", "place"):
        if c.get(opt) is not None:
            if c[opt] not in ents:
                err("%s: unknown %s %r" % (where, opt, c[opt]))
            used[c[opt]] += 1
    if c.get("place") is not None and ents.get(c["place"], {}).get("type") != "PLACE":
        err("%s: place is not a PLACE" % where)
    ev = c.get("evidence")
    if not isinstance(ev, str) or ev not in texts[doc]:
        err("%s: evidence not an exact substring of %s: %r" % (where, doc, ev))
    else:
        if "\n" in ev:
            err("%s: evidence spans a line break" % where)
        if len(ev.split()) > 15:
            warn("%s: evidence has %d words" % (where, len(ev.split())))

for x in gold.get("conflicts") or []:
    if x.get("kind") not in KINDS:
        err("conflict: bad kind %r" % x.get("kind"))
    cs = x.get("claims") or []
    if len(cs) < 2:
        err("conflict %s: fewer than two claims" % cs)
    for cid in cs:
        if cid not in ids:
            err("conflict: unknown claim %s" % cid)
    if not x.get("note"):
        err("conflict %s: no note" % cs)

expected = ["c%d" % i for i in range(1, len(ids) + 1)]
if sorted(ids, key=lambda s: int(s[1:])) != expected:
    warn("claim ids are not c1..c%d" % len(ids))

for w in warnings:
    print("WARN ", w)
for e in errors:
    print("ERROR", e)
claims = gold["claims"]
print("documents %d, entities %d (%d used in claims), claims %d, conflicts %d" % (
    len(gold["documents"]), len(ents), len([k for k in ents if used[k]]), len(claims), len(gold.get("conflicts") or [])))
print("by predicate:", dict(sorted(Counter(c["predicate"] for c in claims).items())))
print("by modality: ", dict(sorted(Counter(c["modality"] for c in claims).items())))
print("by document: ", dict(sorted(Counter(c["doc"][:2] for c in claims).items())))
print("conflicts by kind:", dict(Counter(x["kind"] for x in gold.get("conflicts") or [])))
sys.exit(1 if errors else 0)
