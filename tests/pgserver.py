"""A throwaway PostgreSQL for the tests: CLAIMGRAPH_TEST_POSTGRES (a server URL) when set, else a
cluster of its own (initdb into a temporary folder, pg_ctl start on a free loopback port, as the
`postgres` user when the tests run as root: the server refuses to run as root), removed at the
end. Where no server can be started, the reason why (the tests that need one skip with it; in CI
they fail: `make test` installs Debian's postgresql first)."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def bindir() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else Debian's newest /usr/lib/postgresql/N/bin."""
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as(user: str | None, command: list[str]) -> list[str]:
    return ["runuser", "-u", user, "--", *command] if user else command


@contextmanager
def cluster() -> Iterator[tuple[str | None, str]]:
    """(admin URL, "") for a running server, or (None, why not)."""
    if url := os.environ.get("CLAIMGRAPH_TEST_POSTGRES"):
        yield url, ""
        return
    bins = bindir()
    if bins is None:
        yield None, "no PostgreSQL server here (initdb not found; `make test` installs Debian's postgresql)"
        return
    user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            yield None, "running as root and there is no `postgres` user to run the server as"
            return
        user = "postgres"
    home = Path(tempfile.mkdtemp(prefix="claimgraph-pg-"))
    if user:
        shutil.chown(home, user)
    data, port = home / "data", _free_port()
    try:
        subprocess.run(_as(user, [str(bins / "initdb"), "-D", str(data), "-U", "claimgraph", "--auth=trust",
                                  "-E", "UTF8", "--no-locale", "--no-sync"]), check=True, capture_output=True)
        options = f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        subprocess.run(_as(user, [str(bins / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(home / "log"),
                                  "-w", "start"]), check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        log = (home / "log").read_text(errors="replace")[-500:] if (home / "log").exists() else ""
        shutil.rmtree(home, ignore_errors=True)
        detail = getattr(exc, "stderr", b"") or b""
        yield None, f"cannot start PostgreSQL ({exc}; {detail.decode(errors='replace')[-300:]} {log})"
        return
    try:
        yield f"postgresql://claimgraph@127.0.0.1:{port}/postgres", ""
    finally:
        subprocess.run(_as(user, [str(bins / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def database(admin: str) -> Iterator[str]:
    """A new empty database on the server, its URL; dropped afterwards."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    try:
        yield admin.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(admin, autocommit=True) as db:
            db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
