"""SQLite's SQL as PostgreSQL reads it. The store's queries (store/sqlite.py, browse.py,
resolution.py, reasoning.py) are written once, in SQLite's dialect; the few places where the two
differ are rewritten here, each by an explicit rule, so that both backends run the same queries
and give the same answers:

- `?` placeholders become `%s` (and a literal `%` becomes `%%`);
- `INSERT OR IGNORE` becomes `ON CONFLICT DO NOTHING`; `INSERT OR REPLACE` an upsert on the
  table's key (REPLACE_KEYS);
- `json_extract(x, '$.a.b')` becomes `(x::jsonb #>> '{a,b}')`;
- `x COLLATE NOCASE` (or the store's UNICASE) becomes `lower(x)`; a bare integer flag (`AND named`) becomes `named <> 0`;
- `LIMIT ?` takes SQLite's -1 ("no limit") as NULL; `length(?)` types its parameter as text;
- a bare column beside an aggregate (SQLite takes it from some row of the group) is asked of
  the group: `label = 'rules/description'` becomes `bool_or(...)`;
- `CROSS JOIN t ON` (SQLite's way to fix the join order) becomes `JOIN t ON`;
- the column `end` (a reserved word in PostgreSQL) is quoted; `IN ()` becomes `IN (NULL)`;
- writes to the FTS5 table `names_fts` are dropped: PostgreSQL searches `entity_search` through
  a GIN index (schema/pg/004_archive.sql) that keeps itself up to date.
"""

from __future__ import annotations

import re
from functools import lru_cache

# the key that INSERT OR REPLACE replaces on, and the columns it then overwrites
REPLACE_KEYS = {
    "skipped": ("source", ("reason", "at")),
    "claim_group": ("claim", ("grp",)),
    "links": ("mention", ("entity", "rule", "evidence")),
}
SKIP = "SELECT 1 WHERE false"  # what a statement that PostgreSQL does not need becomes

_JSON = re.compile(r"json_extract\(([\w.]+), '\$((?:\.\w+|\[\d+\])+)'\)")
_NOCASE = re.compile(r"([\w.]+) COLLATE (?:NOCASE|UNICASE)")
_FLAG = re.compile(r"\bAND named\b(?!\s*[=<>!])")
_END = re.compile(r"(?<=[,(]) ?end(?=\s*[,)])")
_CROSS = re.compile(r"CROSS JOIN (\w+(?: \w+)?) ON")
_OR_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO", re.IGNORECASE)
_OR_REPLACE = re.compile(r"^\s*INSERT OR REPLACE INTO (\w+)", re.IGNORECASE)


@lru_cache(maxsize=1024)
def translate(sql: str) -> str:
    """One SQLite statement as PostgreSQL's; the same text always gives the same statement."""
    if "names_fts" in sql:
        return SKIP
    sql = sql.replace("%", "%%")
    sql = _JSON.sub(lambda m: f"({m.group(1)}::jsonb #>> '{{{_path(m.group(2))}}}')", sql)
    sql = _NOCASE.sub(r"lower(\1)", sql)
    sql = _FLAG.sub("AND named <> 0", sql)
    sql = _END.sub(lambda m: m.group(0).replace("end", '"end"'), sql)
    sql = sql.replace("count(*), label = 'rules/description'", "count(*), bool_or(label = 'rules/description')")
    sql = _CROSS.sub(r"JOIN \1 ON", sql)
    sql = sql.replace("IN ()", "IN (NULL)").replace("length(?)", "length(?::text)")
    sql = sql.replace("LIMIT ?", "LIMIT nullif(?, -1)")
    if _OR_IGNORE.match(sql):
        sql = _OR_IGNORE.sub("INSERT INTO", sql) + " ON CONFLICT DO NOTHING"
    elif m := _OR_REPLACE.match(sql):
        key, columns = REPLACE_KEYS[m.group(1)]
        sets = ", ".join(f"{c} = excluded.{c}" for c in columns)
        sql = _OR_REPLACE.sub(f"INSERT INTO {m.group(1)}", sql) + f" ON CONFLICT ({key}) DO UPDATE SET {sets}"
    return sql.replace("?", "%s")


def _path(path: str) -> str:
    """A JSON path in SQLite's syntax ('.a.b', '[0]') as PostgreSQL's text array ('a,b', '0')."""
    return ",".join(re.findall(r"\w+", path))
