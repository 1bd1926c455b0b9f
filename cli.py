"""The ``claimgraph`` command line: parse, call one library function, render.

Every error the library raises on purpose is a ``CkgError``: it is printed as one
line on stderr and the command exits with status 1.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from .graph.errors import CkgError
from .graph.render.dispute_text import DisputeFormat, render_disputes
from .graph.render.terminal import (
    ExportFormat,
    QueryFormat,
    RealSplit,
    ReportFormat,
    assertions_table,
    err,
    esc,
    ingest_progress,
    out,
    page_label,
    print_ingest,
    print_json,
    print_stats,
    render_findings,
    rows_table,
    scores_table,
)

app = typer.Typer(
    name="claimgraph",
    help="Who said what in the news, and where sources contradict each other.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
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
    from .graph.api import ingest as run_ingest

    with ingest_progress(quiet) as advance:
        report = run_ingest(sources, store, jobs=jobs, progress=advance)
    print_ingest(report)


@app.command()
@handle_errors
def contradictions(
    store: StoreOption = None,
    format: Annotated[
        DisputeFormat, typer.Option("--format", "-f")
    ] = DisputeFormat.text,
    pairs: Annotated[
        bool, typer.Option("--pairs", help="List pairwise findings, not disputes.")
    ] = False,
    side: Annotated[
        str | None, typer.Option(help="Only findings involving this party or state.")
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
    """Report disputes: per question, the positions, parties and quotes.

    --pairs lists the pairwise findings instead (corroborations, revisions on
    request). The same statement carried by several outlets is one statement;
    the other outlets are listed as its reports. --limit and --offset page it.
    """
    from .graph.api import findings, findings_page

    if not pairs:
        from .graph.api import disputes

        found = disputes(
            store,
            side=side,
            event=event,
            types=type or (),
            min_confidence=min_confidence,
            limit=limit,
            offset=offset,
        )
        render_disputes(found.records, format)
        if limit is not None or offset:
            shown = page_label(offset, len(found.records), found.total)
            err.print(f"Disputes {shown}; --offset and --limit show others.")
        if fail_on_found and found.total:
            raise typer.Exit(3)
        return
    shown_as = ReportFormat(format.value if format.value != "text" else "table")
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
        render_findings(records, shown_as)
        total = len(records)
    else:
        page = findings_page(
            store, limit=limit or sys.maxsize, offset=offset, **filters
        )
        total = page.total
        shown = page_label(offset, len(page.records), total)
        render_findings(page.records, shown_as, f"findings {shown}")
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
    from .graph.api import assertions as load

    records = load(store)
    if format is ReportFormat.json:
        from .graph.report.findings import assertion_json

        print_json([assertion_json(r) for r in records])
    elif format is ReportFormat.markdown:
        from .graph.report.findings import assertions_markdown

        sys.stdout.write(assertions_markdown(records))
    else:
        out.print(assertions_table(records))


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
    from .graph.api import list_queries, run_query

    if list_:
        for name, purpose in list_queries():
            out.print(f"[b]{name}[/b]  {esc(purpose)}")
        return
    if not sparql:
        raise CkgError("Give a query, a .rq file or a query name (see --list).")
    table = run_query(store, sparql, param or [], timeout=timeout)
    if format is QueryFormat.json:
        print_json(table.as_dicts())
    elif format is QueryFormat.csv:
        sys.stdout.write(table.as_csv())
    else:
        out.print(rows_table(table.columns, table.rows))


@app.command()
@handle_errors
def detect(store: StoreOption = None) -> None:
    """Delete all findings and run every rule over the whole store again."""
    from .graph.api import redetect

    count = redetect(store)
    out.print(f"{count} findings")


@app.command()
@handle_errors
def validate(store: StoreOption = None) -> None:
    """Check the store against the SHACL shapes in ontology/shapes.ttl."""
    from .graph.api import validate as run_validate

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
    from .graph.api import export as run_export

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
    disputes: Annotated[
        bool | None,
        typer.Option(
            "--disputes/--assertions",
            help="Parties and the positions they hold, or assertions "
            "(default: disputes above 300 findings).",
        ),
    ] = None,
) -> None:
    """Write an interactive HTML graph of who claims what (works offline)."""
    from .graph.api import visualise

    result = visualise(
        store,
        output,
        event=event,
        actor=actor,
        side=side,
        contradictions_only=contradictions_only,
        max_nodes=max_nodes,
        disputes=disputes,
    )
    out.print(f"Wrote {output} ({result.nodes} nodes, {result.edges} edges)")
    if result.note:
        err.print(result.note, markup=False)


@app.command()
@handle_errors
def brief(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File (default: stdout).")
    ] = None,
    store: StoreOption = None,
    format: Annotated[str, typer.Option("--format", "-f", help="html or markdown.")] = (
        "html"
    ),
    event: Annotated[
        str | None, typer.Option(help="Only this incident (label contains).")
    ] = None,
) -> None:
    """Write a brief to share: disputes, positions side by side, a timeline."""
    from .graph.api import brief as make_brief

    text = make_brief(store, output, format=format, event=event)
    if output is None:
        sys.stdout.write(text)
    else:
        out.print(f"Wrote {esc(str(output))}")


@app.command()
@handle_errors
def stats(
    store: StoreOption = None,
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f")
    ] = ReportFormat.table,
) -> None:
    """Counts and the actors most involved in disputes."""
    from .graph.api import stats as load_stats

    data = load_stats(store)
    if format is ReportFormat.json:
        print_json(data)
        return
    print_stats(data)


@app.command(name="eval")
@handle_errors
def evaluate(
    gold: Annotated[
        list[Path], typer.Argument(help="Gold files (*.gold.json) or folders.")
    ],
    format: Annotated[
        ReportFormat, typer.Option("--format", "-f")
    ] = ReportFormat.table,
    split: Annotated[
        RealSplit,
        typer.Option(help="Real-news sets: which part to score (docs/real-news.md)."),
    ] = RealSplit.dev,
    texts: Annotated[
        Path | None,
        typer.Option(
            help="Real-news sets: folder of the texts "
            "(default $CLAIMGRAPH_REAL_CORPUS, else ./.real-corpus)."
        ),
    ] = None,
) -> None:
    """Score extraction against gold annotations (precision, recall, F1), or
    dispute finding on a real-news set (a folder with a manifest.json)."""
    from .graph.api import evaluate as run_eval
    from .graph.api import evaluate_real, is_real_news_set

    if gold and all(is_real_news_set(path) for path in gold):
        for folder in gold:
            real = evaluate_real(folder, texts=texts, split=split.value)
            if format is ReportFormat.json:
                print_json(real.as_dict())
            else:
                sys.stdout.write(real.as_markdown())
            if real.missing:
                err.print(
                    f"{len(real.missing)} texts of {esc(str(folder))} are not in "
                    "the texts folder and were not scored.",
                    markup=False,
                )
        return
    report = run_eval(gold)
    data = report.as_dict()
    if format is ReportFormat.json:
        print_json(data)
        return
    if format is ReportFormat.markdown:
        sys.stdout.write(report.as_markdown())
        return
    out.print(scores_table(data))
    for folder, incident in report.incidents.items():
        out.print(f"\n[b]{esc(folder)}[/b]: cross-article relations")
        out.print(incident.as_markdown(), markup=False)


@app.command()
@handle_errors
def serve(
    store: StoreOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535)] = 7878,
    writable: Annotated[
        bool, typer.Option("--writable", help="Accept SPARQL updates.")
    ] = False,
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (/sparql) and the graph at /."""
    from .graph.api import serve as run_serve

    out.print(f"SPARQL endpoint on http://{host}:{port}/sparql (Ctrl-C to stop)")
    run_serve(store, host=host, port=port, writable=writable)


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
    from .graph.api import findings
    from .graph.api import ingest as run_ingest

    print_ingest(run_ingest([str(seeds)], store), brief=True)
    render_findings(findings(store, kinds=("contradiction", "corroboration")), format)


if __name__ == "__main__":  # pragma: no cover
    app()
