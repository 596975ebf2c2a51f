"""The claimgraph command line: a thin layer over claimgraph.api and claimgraph.query.

Start-up is part of every command's cost (`claimgraph stats` is a Python start-up, Typer and one
query), so this module imports only Typer and the errors at load time: the service, the reads and
Rich's consoles, tables and progress bars are imported by the commands that use them. Plain lines
(counts, errors, "… N more") are written with `typer.echo`; Rich draws tables and styled text.
Annotations are real objects, not strings (no `from __future__ import annotations`): Typer reads
every command's parameters when the app starts and would evaluate each string annotation twice.
Typer is pinned below 0.29, which coerces every parameter through pydantic, imported for it.
"""

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from claimgraph.errors import ClaimgraphError

if TYPE_CHECKING:
    from rich.console import Console

    from claimgraph.api import Claimgraph

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Turn news reports into a sourced knowledge graph: who is who, who says what, and where sources disagree.")
F = TypeVar("F", bound=Callable[..., Any])
MODALITY_STYLE = {"asserted": "green", "reported": "cyan", "hedged": "yellow", "denied": "red"}


@functools.cache
def console() -> "Console":
    """Standard output for tables and styled text (Rich, loaded by the first command that draws)."""
    from rich.console import Console

    return Console(soft_wrap=True)


@functools.cache
def err() -> "Console":
    """Standard error, for the ingest's progress bar and what is said while it shows."""
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)


def say(text: str, *, to_err: bool = False) -> None:
    """One plain line, exactly as written (no markup, highlighting or emoji codes)."""
    typer.echo(text, err=to_err)


def handle_errors(fn: F) -> F:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ClaimgraphError as exc:
            say(f"Error: {exc}", to_err=True)
            raise typer.Exit(1) from None
    return wrapper  # type: ignore[return-value]


@app.callback()
def main(ctx: typer.Context,
         db: Annotated[str, typer.Option("--db", envvar="CLAIMGRAPH_DB", help="SQLite database file, or a PostgreSQL URL: postgresql://user@host/dbname.")] = "claimgraph.db") -> None:
    """Turn news reports into a sourced knowledge graph.

    Example:
        claimgraph --db news.db ingest reports/
        claimgraph --db news.db show "Abu Omar al-Shishani"
    """
    ctx.obj = {"db": db}


def _open(ctx: typer.Context, create: bool = False, **settings: Any) -> "Claimgraph":
    from claimgraph.api import Claimgraph

    return Claimgraph.open(ctx.obj["db"], create=create, **settings)


def _say_waiting(message: str) -> None:
    # through Rich's console: an ingest's progress bar may be showing on standard error
    err().print(message, markup=False, highlight=False)


@app.command()
@handle_errors
def ingest(ctx: typer.Context, paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt .md .html .htm .jsonl).")],
           extractor: Annotated[str | None, typer.Option(
               help="`rules`, or `rules+learned` to add the learned extractor (default: CLAIMGRAPH_EXTRACTOR, else the shipped default).")] = None,
           workers: Annotated[int | None, typer.Option(
               min=1, help="Parse and extract on a local Dask cluster of this many worker processes (default: CLAIMGRAPH_WORKERS, else 1: in this process).")] = None,
           scheduler: Annotated[str | None, typer.Option(
               help="Parse and extract on a running Dask cluster, e.g. tcp://host:8786 (default: CLAIMGRAPH_SCHEDULER).")] = None,
           ) -> None:
    """Ingest reports: clean, analyse, extract claims, resolve entities, grade.

    Example:
        claimgraph --db news.db ingest reports/ extra.jsonl
        claimgraph --db news.db ingest --extractor rules reports/
        claimgraph --db news.db ingest --workers 2 reports/
        claimgraph --db postgresql://ana@db.newsroom/claims ingest --scheduler tcp://scheduler.newsroom:8786 reports/
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from claimgraph.api import Claimgraph

    total = Claimgraph.count_files(paths)
    with _open(ctx, create=True, extractor=extractor, workers=workers, scheduler=scheduler) as cg, Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), TextColumn("{task.description}"),
        console=err(), disable=not err().is_terminal, transient=True,
    ) as bar:
        task = bar.add_task("", total=total)
        report = cg.ingest(paths, progress=lambda src: bar.update(task, advance=1, description=Path(src).name[:40]),
                           on_wait=_say_waiting)
    say(f"{len(report.new)} new, {len(report.already_known)} already known, "
        f"{len(report.near_duplicates)} near-duplicate, {len(report.not_analysed)} linked by names only, "
        f"{len(report.skipped)} skipped")
    for source, reason in report.not_analysed:
        say(f"  linked by names only: {source}: {reason}")
    for source, reason in report.skipped:
        say(f"  skipped: {source}: {reason}")


@app.command()
@handle_errors
def export(ctx: typer.Context,
           format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or graphml.")] = "jsonl",
           output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: standard output).")] = None) -> None:
    """Export the store: JSON Lines (the full contract), CSV (claims) or GraphML (the network).

    Example:
        claimgraph --db news.db export --format jsonl > news.jsonl
    """
    from claimgraph.api import WRITERS

    if format not in WRITERS:
        raise ClaimgraphError(f"unknown format {format!r}; choose one of {', '.join(WRITERS)}")
    with _open(ctx) as cg:
        if output:
            tmp = output.with_name(output.name + ".part")
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                n = cg.export(fh, format)
            tmp.replace(output)
            say(f"wrote {n} records to {output}", to_err=True)
        else:
            cg.export(sys.stdout, format)


@app.command()
@handle_errors
def entities(ctx: typer.Context, limit: Annotated[int, typer.Option(help="How many rows.")] = 50,
             type: Annotated[str | None, typer.Option("--type", help="PERSON, ORG or PLACE.")] = None,
             as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False) -> None:
    """List entities with their names and mention counts, most mentioned first.

    Example:
        claimgraph --db news.db entities --type PERSON --limit 20
    """
    from rich.table import Table

    with _open(ctx) as cg:
        rows = cg.store.entities(limit=limit, type_=type.upper() if type else None)
        total = cg.store.count_entities(type.upper() if type else None)
    if as_json:
        for e in rows:
            console().print_json(json.dumps({"id": e.id, "type": e.type, "name": e.name, "aliases": dict(e.aliases)}))
        _say_cut(total, len(rows))
        return
    table = Table("name", "type", "mentions", "other names", "id")
    for e in rows:
        others = [f"{n} ({c})" for n, c in e.aliases if n != e.name]
        shown = ", ".join(others[:6]) + (f", … {len(others) - 6} more" if len(others) > 6 else "")
        table.add_row(e.name, e.type, str(sum(c for _, c in e.aliases)), shown, e.id)
    console().print(table)
    _say_cut(total, len(rows))


@app.command()
@handle_errors
def show(ctx: typer.Context, name: Annotated[str, typer.Argument(help="A name, alias or entity id.")]) -> None:
    """Everything known about one entity: names, status, relations, timeline, conflicts.

    Example:
        claimgraph --db news.db show "Omar al-Shishani"
    """
    from rich.text import Text

    from claimgraph.query import build_dossier, find_entity

    with _open(ctx) as cg:
        entity = find_entity(cg.store, name)
        d = build_dossier(cg.store, entity)
    console().print(Text(f"{d['name']}  ({d['type']}, {d['id']})", style="bold"))
    console().print("names: " + ", ".join(f"{n} ({c})" for n, c in d["aliases"]), highlight=False)
    if d["status_rows"]:
        console().print(Text("status", style="bold underline"))
    for row in d["status_rows"]:  # one line a status, then what its grade rests on
        times = f" {'/'.join(row['times'])}" if row["times"] else ""
        console().print(Text(f"  {row['words']}{times} — {row['grade']}", style="bold magenta"))
        for line in [row["basis"], *row["why"]]:
            console().print(Text(f"    {line}", style="dim"))
    for section, rows in (("relations", d["relations"]), ("timeline", d["timeline"])):
        if rows:
            console().print(Text(section, style="bold underline"))
            for r in rows:
                line = Text("  ")
                line.append(r["line"], style=MODALITY_STYLE.get(r["modality"], ""))
                console().print(line)
    if d["conflicts"]:
        console().print(Text("conflicts", style="bold underline red"))
        for c in d["conflicts"]:
            say(f"  [{c['kind']}] {c['summary']}")


@app.command()
@handle_errors
def claims(ctx: typer.Context,
           subject: Annotated[str | None, typer.Option(help="Only claims about this entity.")] = None,
           predicate: Annotated[str | None, typer.Option(help="Only this predicate (dead, member_of, ...).")] = None,
           claimant: Annotated[str | None, typer.Option(help="Only claims made by this party.")] = None,
           outlet: Annotated[str | None, typer.Option(help="Only claims read in reports of this outlet.")] = None,
           grade: Annotated[str | None, typer.Option(help="Only claims of this grade (confirmed, contested, ...).")] = None,
           modality: Annotated[str | None, typer.Option(help="asserted, reported, hedged or denied.")] = None,
           limit: Annotated[int, typer.Option(help="How many claims.")] = 100,
           as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of text.")] = False) -> None:
    """List claims with their claimant, modality, grade, evidence sentence and where it was read
    (outlet, date, file), coloured by modality.

    Example:
        claimgraph --db news.db claims --predicate dead --claimant "Russian defence ministry"
    """
    from claimgraph.query import View, find_entity
    from claimgraph.store.browse import ClaimFilter

    with _open(ctx) as cg:
        wanted = ClaimFilter(subject=find_entity(cg.store, subject).id if subject else None, predicate=predicate,
                             claimant=find_entity(cg.store, claimant).id if claimant else None, outlet=outlet,
                             grade=grade, modality=modality)
        rows, total = cg.store.claims_page(wanted, limit)
        view = View(cg.store, rows)
        for c in rows:
            row = view.claim_row(c)
            if as_json:
                sys.stdout.write(json.dumps({k: v for k, v in row.items() if k not in ROW_ONLY}, ensure_ascii=False) + "\n")
            else:
                _print_claim(row)
    _say_cut(total, len(rows))


ROW_ONLY = ("subject_name", "target_id", "target", "who", "basis")  # --json keeps the record, its grade and provenance


def _say_cut(total: int, shown: int) -> None:
    """Never stop silently: say how many rows a limit left out."""
    if total > shown:
        say(f"… {total - shown} more, use --limit", to_err=True)


def _print_claim(row: dict[str, Any]) -> None:
    from rich.text import Text

    from claimgraph.query import provenance_line

    when = (row["time"] or {}).get("start", "")
    line = Text()
    line.append(f"{row['subject_name']} {row['predicate']} {row['target']}".strip(), style="bold")
    line.append(f"  [{row['modality']}]", style=MODALITY_STYLE.get(row["modality"], ""))
    if when:
        line.append(f" {when}")
    line.append(f"  says: {row['who']}")
    if row["grade"]:
        line.append(f"  grade: {row['grade']}")
    console().print(line)
    console().print(Text(f"    “{row['evidence']['text']}”", style="dim"))
    console().print(Text(f"    — {provenance_line(row['provenance'])}", style="dim"))


@app.command()
@handle_errors
def conflicts(ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List conflicts between claims, most supported first.

    Example:
        claimgraph --db news.db conflicts
    """
    from rich.text import Text

    with _open(ctx) as cg:
        rows = cg.store.conflicts()  # all of them: a list to read or pipe
    if not rows:
        console().print("no conflicts found")
    for c in rows:
        if as_json:
            sys.stdout.write(json.dumps({"id": c.id, "kind": c.kind, "claims": list(c.claims), "summary": c.summary}) + "\n")
        else:
            console().print(Text(f"[{c.kind}] ", style="bold red") + Text(c.summary))


@app.command()
@handle_errors
def timeline(ctx: typer.Context, name: Annotated[str, typer.Argument(help="A name, alias or entity id.")]) -> None:
    """The dated claims about one entity, in order, with claimant and grade.

    Example:
        claimgraph --db news.db timeline "Gulmurod Khalimov"
    """
    from rich.text import Text

    from claimgraph.query import build_dossier, find_entity

    with _open(ctx) as cg:
        d = build_dossier(cg.store, find_entity(cg.store, name))
    if not d["timeline"]:
        console().print(f"no dated claims about {d['name']}")
    for r in d["timeline"]:
        console().print(Text(r["line"], style=MODALITY_STYLE.get(r["modality"], "")))


@app.command()
@handle_errors
def search(ctx: typer.Context, text: Annotated[str, typer.Argument(help="Words to find in documents and names.")],
           limit: Annotated[int, typer.Option(help="How many hits of each kind.")] = 10) -> None:
    """Full-text search over documents and entity names.

    Example:
        claimgraph --db news.db search "airstrike"
    """
    from rich.text import Text

    from claimgraph.query import search as run_search

    with _open(ctx) as cg:
        found = run_search(cg.store, text, limit)
    for e in found["entities"]:
        others = [n for n in e["matched"] if n != e["name"]]
        console().print(Text("name  ", style="bold cyan") + Text(f"{e['name']} ({e['type']}, {e['mentions']} mentions)"
                                                               + (f" as {', '.join(others)}" if others else "") + f"  {e['id']}"))
    for d in found["documents"]:
        console().print(Text("doc   ", style="bold green") + Text(f"{d['title'] or d['file']}  {d['id']}"))
        console().print(Text(f"      {d['snippet']}", style="dim"))
    if not found["entities"] and not found["documents"]:
        console().print("no hits")
    _say_cut(found["total_entities"], len(found["entities"]))
    _say_cut(found["total_documents"], len(found["documents"]))


@app.command("stats")
@handle_errors
def stats_cmd(ctx: typer.Context) -> None:
    """Counts of everything in the store.

    Example:
        claimgraph --db news.db stats
    """
    with _open(ctx) as cg:
        for k, v in cg.stats().items():
            say(f"{k:16} {v}")


@app.command()
@handle_errors
def why(ctx: typer.Context, a: Annotated[str, typer.Argument(help="First name.")],
        b: Annotated[str, typer.Argument(help="Second name.")]) -> None:
    """Explain why two names are, or are not, one entity.

    Example:
        claimgraph --db news.db why "Gumurod Halimov" "Gulmurod Khalimov"
    """
    from claimgraph.query import entity_links

    with _open(ctx) as cg:
        ea, eb, evidence = cg.why(a, b)
        if ea.id == eb.id:
            console().print(f"{a!r} and {b!r} are one entity: {ea.name} ({ea.id})")
            names, references = entity_links(cg.store, ea.id)
            for line in names:
                say(f"  {line}")
            if references:
                console().print("  pronouns and descriptions that refer to it (coreference):")
            for line in references:
                say(f"    {line}")
        else:
            console().print(f"{a!r} ({ea.name}, {ea.id}) and {b!r} ({eb.name}, {eb.id}) are different entities.")
            say(f"  best evidence: {evidence}")


def _judge(ctx: typer.Context, kind: str, a: str, b: str, author: str | None) -> None:
    from claimgraph.query import judgement_rows

    with _open(ctx) as cg:
        jid, moved = cg.judge(kind, a, b, author, on_wait=_say_waiting)
        said = next((j["line"] for j in judgement_rows(cg.store) if j["id"] == jid), f"{kind} {a!r} {b!r}")
    say(f"judgement {jid} recorded: {said}")
    say(f"  moved: {moved.summary()}")


AuthorOpt = Annotated[str | None, typer.Option("--by", envvar="CLAIMGRAPH_AUTHOR", help="Who decides (recorded).")]


@app.command()
@handle_errors
def merge(ctx: typer.Context, a: str, b: str, by: AuthorOpt = None) -> None:
    """Record that two names are one entity; re-runs and new documents respect it.

    Example:
        claimgraph --db news.db merge "Jaysh al-Muhajireen Brigade" "JMA" --by ana
    """
    _judge(ctx, "merge", a, b, by)


@app.command()
@handle_errors
def split(ctx: typer.Context, entity: str, name: str, by: AuthorOpt = None) -> None:
    """Record that NAME is not the entity it was resolved into; its mentions become their own entity.

    Example:
        claimgraph --db news.db split "Abu Omar al-Shishani" "Umar Shishani" --by ana
    """
    _judge(ctx, "split", entity, name, by)


@app.command()
@handle_errors
def distinct(ctx: typer.Context, a: str, b: str, by: AuthorOpt = None) -> None:
    """Record that two names are never one entity.

    Example:
        claimgraph --db news.db distinct "Tarkhan Batirashvili" "Temur Batirashvili"
    """
    _judge(ctx, "distinct", a, b, by)


@app.command()
@handle_errors
def judgements(ctx: typer.Context, undo: Annotated[int | None, typer.Option(help="Undo the judgement with this number.")] = None,
               all_: Annotated[bool, typer.Option("--all", help="Include undone judgements.")] = False) -> None:
    """List people's judgements (merge, split, distinct), or undo one.

    Example:
        claimgraph --db news.db judgements --undo 3
    """
    from rich.table import Table

    from claimgraph.query import judgement_rows

    with _open(ctx) as cg:
        if undo is not None:
            moved = cg.undo(undo, on_wait=_say_waiting)
            console().print(f"judgement {undo} undone")
            say(f"  moved: {moved.summary()}")
            return
        rows = judgement_rows(cg.store, include_undone=all_)
    table = Table("#", "judgement", "kind", "by", "when", "undone")
    for j in rows:
        table.add_row(str(j["id"]), j["line"], j["kind"], j["author"], j["created_at"], j["undone_at"] or "")
    console().print(table)


@app.command()
@handle_errors
def resolve(ctx: typer.Context) -> None:
    """Re-resolve every mention from scratch (judgements applied) and regrade all claims.

    Example:
        claimgraph --db news.db resolve
    """
    with _open(ctx) as cg:
        cg.resolve(full=True, on_wait=_say_waiting)
        console().print(f"{cg.store.count('entities')} entities")


@app.command()
@handle_errors
def serve(ctx: typer.Context, host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
          port: Annotated[str, typer.Option(metavar="PORT", help="Port, 1-65535.")] = "8000",
          token: Annotated[str | None, typer.Option(envvar="CLAIMGRAPH_TOKEN", help="At least 16 characters. Required for writes; required to bind beyond loopback.")] = None,
          allow_host: Annotated[list[str] | None, typer.Option("--allow-host", help="Another name clients reach this server by (its Host header); repeatable.")] = None) -> None:
    """Open the web workspace and the JSON API (/api/v1/, OpenAPI at /docs).

    Requests must name this server (127.0.0.1, localhost, --host or --allow-host): another Host
    is refused, and so is a change sent from another site.

    Example:
        claimgraph --db news.db serve --port 8000
    """
    from claimgraph.web.server import serve as run

    run(ctx.obj["db"], host, port, token, allow_host or ())
