"""Another process holding the database: a writer in the middle of a transaction (BEGIN IMMEDIATE,
as an ingest holds it between documents), or a process holding it exclusively."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

HOLDER = """
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
if sys.argv[2] == "exclusive":
    db.execute("PRAGMA locking_mode = EXCLUSIVE")
    db.execute("BEGIN EXCLUSIVE")
else:
    db.execute("BEGIN IMMEDIATE")
db.execute("INSERT INTO skipped VALUES ('held.txt', 'written by the holding process', 'now')")
print("holding", flush=True)
sys.stdin.read()
db.execute("ROLLBACK")
"""


@contextmanager
def held(db: Path, mode: str = "write") -> Iterator[None]:
    """While inside, a second process holds `db` ('write': an open write transaction;
    'exclusive': an exclusive lock no reader gets past)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), mode], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
        yield
    finally:
        for pipe in (proc.stdin, proc.stdout):
            if pipe:
                pipe.close()
        proc.wait(timeout=30)
