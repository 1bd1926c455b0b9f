"""The ``claimgraph`` command line: parse, call one library function, render.

Every error the library raises on purpose is a ``CkgError``: it is printed as one
line on stderr and the command exits with status 1.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from graph.errors import CkgError

app = typer.Typer(
    name="claimgraph",
    help="Who said what in the news, and where sources contradict each other.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])

StoreOption = Annotated[
    str | None,
    typer.Option(
        "--store",
        "-s",
        help="Store: a directory (embedded Oxigraph), ':memory:', or a SPARQL "
        "endpoint URL. Default: $CLAIMGRAPH_STORE or ./.claimgraph",
        show_default=False,
    ),
]


class ReportFormat(StrEnum):
    """Output formats of reports."""

    table = "table"
    markdown = "markdown"
    json = "json"


class QueryFormat(StrEnum):
    """Output formats of ``query``."""

    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    """Formats of ``export``."""

    trig = "trig"
    nquads = "nquads"
    graphml = "graphml"
    gexf = "gexf"


def handle_errors(func: F) -> F:
    """Turn a CkgError into one line on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CkgError as exc:
            err.print(f"Error: {exc}", markup=False)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err.print("Interrupted; every article written so far is complete.")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _findings_table(records: list[Any], title: str) -> Table:
    table = Table(title=title, show_lines=True, expand=True)
    for name in ("event / aspect", "type", "conf.", "side A", "side B", "why"):
        table.add_column(name, overflow="fold")
    for r in records:
        cells = []
        for a in r.assertions[:2]:
            cells.append(
                f"[b]{_esc(a.speaker)}[/b] ({_esc(a.side or 'no side')}) "
                f"{_esc(a.cue)}\n\u201c{_esc(a.quote)}\u201d\n"
                f"[dim]{_esc(a.source)} {a.start}-{a.end}[/dim]"
            )
        cells += [""] * (2 - len(cells))
        why = _esc(r.explanation)
        if r.reports:
            also = ", ".join(sorted({a.source for a in r.reports}))
            why += f"\n[dim]Same statement also reported in: {_esc(also)}[/dim]"
        table.add_row(
            f"{_esc(r.event)}\n[dim]{_esc(r.aspect)}[/dim]",
            r.type,
            f"{r.confidence:.2f}",
            *cells,
            why,
        )
    return table


def _render_findings(
    records: list[Any], format: ReportFormat, title: str | None = None
) -> None:
    from graph.report import finding_json, findings_markdown

    if format is ReportFormat.json:
        _print_json([finding_json(r) for r in records])
    elif format is ReportFormat.markdown:
        sys.stdout.write(findings_markdown(records))
    elif records:
        out.print(_findings_table(records, title or f"{len(records)} findings"))
    else:
        out.print("No findings on this page." if title else "No contradictions found.")


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@app.command()
@handle_errors
def ingest(
    sources: Annotated[
        list[str], typer.Argument(help="Files, folders, or '-' for standard input.")
    ],
    store: StoreOption = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Parallel processes.")
    ] = 1,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar.")
    ] = False,
) -> None:
    """Extract assertions from articles, store them and detect contradictions."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from graph.api import ingest as run_ingest

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        disable=quiet,
        transient=True,
    ) as bar:
        task = bar.add_task("Ingesting", total=None)

        def advance(done: int, total: int, name: str) -> None:
            bar.update(task, completed=done, total=total, description=name[:40])

        report = run_ingest(sources, store, jobs=jobs, progress=advance)
    for line in report.skipped:
        err.print(f"Skipped {line}", markup=False)
    for item in report.articles:
        out.print(
            f"{item.status:>11}  {item.id}  "
            f"({item.assertions} assertions, {item.findings} findings)",
            markup=False,
        )


@app.command()
@handle_errors
def contradictions(
    store: StoreOption = None,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f")
    ] = ReportFormat.table,
    side: Annotated[
        str | None, typer.Option(help="Only findings involving this side.")
    ] = None,
    event: Annotated[
        str | None, typer.Option(help="Only events whose label contains this.")
    ] = None,
    type: Annotated[
        list[str] | None,
        typer.Option(
            "--type",
            help="value, polarity, numeric, implication, rebuttal, agreement, "
            "revision.",
        ),
    ] = None,
    min_confidence: Annotated[float, typer.Option(min=0.0, max=1.0)] = 0.0,
    corroborations: Annotated[
        bool, typer.Option("--corroborations", help="Include corroborations.")
    ] = False,
    revisions: Annotated[
        bool,
        typer.Option(
            "--revisions", help="Include revisions (a side changing its own figure)."
        ),
    ] = False,
    fail_on_found: Annotated[
        bool, typer.Option("--fail-on-found", help="Exit 3 when anything is reported.")
    ] = False,
    limit: Annotated[
        int | None,
        typer.Option(min=1, help="Show at most this many findings (a page)."),
    ] = None,
    offset: Annotated[
        int, typer.Option(min=0, help="Skip this many findings first.")
    ] = 0,
) -> None:
    """Report contradictions between sides (corroborations, revisions on request).

    The same statement carried by several outlets is one finding; the other
    outlets are listed as its reports. --limit and --offset page the report: on
    a large store the first page is read far faster than the whole report.
    """
    from graph.api import findings, findings_page

    kinds = ["contradiction"]
    if corroborations:
        kinds.append("corroboration")
    if revisions:
        kinds.append("revision")
    filters: dict[str, Any] = {
        "kinds": kinds,
        "side": side,
        "event": event,
        "types": type or (),
        "min_confidence": min_confidence,
    }
    if limit is None and offset == 0:
        records = findings(store, **filters)
        _render_findings(records, format)
        total = len(records)
    else:
        page = findings_page(
            store, limit=limit or sys.maxsize, offset=offset, **filters
        )
        total = page.total
        shown = (
            f"{offset + 1}\u2013{offset + len(page.records)} of {total}"
            if page.records
            else f"none after {offset} of {total}"
        )
        _render_findings(page.records, format, f"findings {shown}")
        err.print(f"Findings {shown}; --offset and --limit show others.")
    if fail_on_found and total:
        raise typer.Exit(3)


@app.command()
@handle_errors
def assertions(
    store: StoreOption = None,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f")
    ] = ReportFormat.table,
) -> None:
    """List every extracted assertion: speaker, side, cue, quote, offsets."""
    from graph.api import assertions as load

    records = load(store)
    if format is ReportFormat.json:
        from graph.report import assertion_json

        _print_json([assertion_json(r) for r in records])
    elif format is ReportFormat.markdown:
        from graph.report import assertions_markdown

        sys.stdout.write(assertions_markdown(records))
    else:
        table = Table(title=f"{len(records)} assertions", show_lines=True, expand=True)
        for name in ("speaker", "side", "cue", "quote", "pol.", "cert.", "source"):
            table.add_column(name, overflow="fold")
        for a in records:
            table.add_row(
                _esc(a.speaker),
                _esc(a.side or "-"),
                _esc(a.cue),
                _esc(a.quote),
                a.polarity,
                a.certainty,
                f"{_esc(a.source)} {a.start}-{a.end}",
            )
        out.print(table)


@app.command()
@handle_errors
def query(
    sparql: Annotated[
        str | None,
        typer.Argument(
            help="A SPARQL query, a .rq file, or the name of a shipped query."
        ),
    ] = None,
    store: StoreOption = None,
    format: Annotated[QueryFormat, typer.Option("--format", "-f")] = QueryFormat.table,
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="Bind a variable: name=value (a literal)."),
    ] = None,
    list_: Annotated[
        bool, typer.Option("--list", help="List the shipped queries.")
    ] = False,
    timeout: Annotated[
        float | None,
        typer.Option(
            "--timeout",
            help="Give up after this many seconds "
            "(default: $CLAIMGRAPH_QUERY_TIMEOUT, else no limit).",
        ),
    ] = None,
) -> None:
    """Run a SPARQL query (text, .rq file or shipped query name) on the store."""
    from graph.api import list_queries, run_query

    if list_:
        for name, purpose in list_queries():
            out.print(f"[b]{name}[/b]  {_esc(purpose)}")
        return
    if not sparql:
        raise CkgError("Give a query, a .rq file or a query name (see --list).")
    if timeout is not None and timeout <= 0:
        raise CkgError(
            f"--timeout must be a positive number of seconds, not {timeout:g}."
        )
    table = run_query(store, sparql, param or [], timeout=timeout)
    if format is QueryFormat.json:
        _print_json(table.as_dicts())
    elif format is QueryFormat.csv:
        sys.stdout.write(table.as_csv())
    else:
        view = Table(title=f"{len(table.rows)} rows", expand=True)
        for name in table.columns:
            view.add_column(name, overflow="fold")
        for row in table.rows:
            view.add_row(*(_esc(cell) for cell in row))
        out.print(view)


@app.command()
@handle_errors
def detect(store: StoreOption = None) -> None:
    """Delete all findings and run every rule over the whole store again."""
    from graph.api import redetect

    count = redetect(store)
    out.print(f"{count} findings")


@app.command()
@handle_errors
def validate(store: StoreOption = None) -> None:
    """Check the store against the SHACL shapes in ontology/shapes.ttl."""
    from graph.api import validate as run_validate

    result = run_validate(store)
    out.print(f"Valid: {result.triples} triples conform to the claimgraph shapes.")


@app.command()
@handle_errors
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    store: StoreOption = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.trig,
) -> None:
    """Export the store as TriG/N-Quads, or the actor graph as GraphML/GEXF."""
    from graph.api import export as run_export

    count = run_export(store, output, format.value)
    unit = "quads" if format.value in ("trig", "nquads") else "nodes"
    out.print(f"Wrote {count} {unit} to {output}")


@app.command()
@handle_errors
def viz(
    output: Annotated[Path, typer.Option("--output", "-o")] = Path("claimgraph.html"),
    store: StoreOption = None,
    event: Annotated[
        str | None, typer.Option(help="Only this event (label contains).")
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="Only this actor (name contains).")
    ] = None,
    side: Annotated[
        str | None,
        typer.Option(help="Only assertions by this side (and those they dispute)."),
    ] = None,
    contradictions_only: Annotated[
        bool, typer.Option("--contradictions-only", help="Only disputed assertions.")
    ] = False,
    max_nodes: Annotated[int, typer.Option(min=10, help="Cap on nodes shown.")] = 500,
) -> None:
    """Write an interactive HTML graph of who claims what (works offline)."""
    from graph.api import visualise

    result = visualise(
        store,
        output,
        event=event,
        actor=actor,
        side=side,
        contradictions_only=contradictions_only,
        max_nodes=max_nodes,
    )
    out.print(f"Wrote {output} ({result.nodes} nodes, {result.edges} edges)")
    if result.note:
        err.print(result.note, markup=False)


@app.command()
@handle_errors
def stats(
    store: StoreOption = None,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f")
    ] = ReportFormat.table,
) -> None:
    """Counts and the actors most involved in disputes."""
    from graph.api import stats as load_stats

    data = load_stats(store)
    if format is ReportFormat.json:
        _print_json(data)
        return
    for key, value in data.items():
        if isinstance(value, list):
            out.print(f"[b]{key}[/b]")
            for item in value:
                out.print("  " + _esc(", ".join(f"{k}: {v}" for k, v in item.items())))
        else:
            out.print(f"[b]{key}[/b]: {value}")


@app.command(name="eval")
@handle_errors
def evaluate(
    gold: Annotated[
        list[Path], typer.Argument(help="Gold files (*.gold.json) or folders.")
    ],
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f")
    ] = ReportFormat.table,
) -> None:
    """Score extraction against gold annotations (precision, recall, F1)."""
    from graph.api import evaluate as run_eval

    report = run_eval(gold)
    data = report.as_dict()
    if format is ReportFormat.json:
        _print_json(data)
        return
    if format is ReportFormat.markdown:
        sys.stdout.write(report.as_markdown())
        return
    table = Table(title=f"{data['articles']} articles, {data['gold']} gold assertions")
    for name in ("field", "precision", "recall", "F1"):
        table.add_column(name)
    for name, score in data["fields"].items():
        table.add_row(
            name,
            f"{score['precision']:.3f}",
            f"{score['recall']:.3f}",
            f"{score['f1']:.3f}",
        )
    out.print(table)
    for folder, incident in report.incidents.items():
        out.print(f"\n[b]{_esc(folder)}[/b]: cross-article relations")
        out.print(incident.as_markdown(), markup=False)


@app.command()
@handle_errors
def serve(
    store: StoreOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535)] = 7878,
    writable: Annotated[
        bool,
        typer.Option(
            "--writable",
            help="Accept SPARQL updates; each must carry the token "
            "(Authorization: Bearer TOKEN, or HTTP Basic with it as password).",
        ),
    ] = False,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            envvar="CLAIMGRAPH_SERVE_TOKEN",
            help="Token for updates (default: a new one, printed at start).",
            show_default=False,
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(min=0.001, help="Seconds a query may run before it is stopped."),
    ] = 30.0,
    server_name: Annotated[
        list[str] | None,
        typer.Option(
            "--server-name",
            help="Also accept requests addressed to this host name (Host header); "
            "repeatable. Loopback names and the --host address are always accepted.",
        ),
    ] = None,
    allow_fetch: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-fetch",
            help="Let SERVICE and LOAD reach this host; repeatable. "
            "By default the server fetches nothing from the network.",
        ),
    ] = None,
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (/sparql) and the graph at /.

    Safe by default: read-only, loopback only, no SERVICE or LOAD, a time limit
    per query; requests from other web sites and for other host names are
    refused. With --writable, updates need the token printed at start.
    """
    from graph.api import serve as run_serve
    from graph.serve_security import ServeOptions, new_token

    if writable and not token:
        token = new_token()
    options = ServeOptions(
        token=token if writable else None,
        timeout=timeout,
        server_names=tuple(server_name or ()),
        fetch_hosts=tuple(allow_fetch or ()),
    )
    out.print(f"SPARQL endpoint on http://{host}:{port}/sparql (Ctrl-C to stop)")
    if writable:
        out.print(f"Update token: {token}", markup=False)
    run_serve(store, host=host, port=port, writable=writable, options=options)


@app.command()
@handle_errors
def demo(
    seeds: Annotated[Path, typer.Argument(help="Folder of articles.")] = Path("seeds"),
    store: StoreOption = None,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f")
    ] = ReportFormat.table,
) -> None:
    """Ingest a folder of articles (default ./seeds) and print the contradictions."""
    from graph.api import findings
    from graph.api import ingest as run_ingest

    report = run_ingest([str(seeds)], store)
    for item in report.articles:
        err.print(
            f"{item.status:>11}  {item.id}  ({item.assertions} assertions)",
            markup=False,
        )
    _render_findings(findings(store, kinds=("contradiction", "corroboration")), format)


if __name__ == "__main__":  # pragma: no cover
    app()
