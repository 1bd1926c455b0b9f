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
from .graph.render import options as opt
from .graph.render.dispute_text import DisputeFormat, render_disputes
from .graph.render.options import (
    AllowFetchOption,
    FormatOption,
    SemanticOption,
    ServerNameOption,
    ServeTimeoutOption,
    StoreOption,
    TokenOption,
    WritableOption,
    settings_for,
)
from .graph.render.terminal import (
    SPLIT_HELP,
    TEXTS_HELP,
    ExportFormat,
    QueryFormat,
    RealSplit,
    ReportFormat,
    err,
    esc,
    ingest_progress,
    out,
    page_label,
    print_ingest,
    print_json,
    print_stats,
    render_findings,
)

app = typer.Typer(
    name="claimgraph",
    help="Who said what in the news, and where sources contradict each other.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
F = TypeVar("F", bound=Callable[..., Any])
#: Library arguments an error may be about that are options here ("--max-nodes").
FLAGS = ("store", "timeout", "jobs", "min_confidence", "max_nodes")


def handle_errors(func: F) -> F:
    """Turn a CkgError into one line on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CkgError as exc:
            flag = exc.setting in FLAGS and "--" + str(exc.setting).replace("_", "-")
            err.print(f"Error: {exc.naming(flag) if flag else exc}", markup=False)
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
    semantic: SemanticOption = None,
) -> None:
    """Extract assertions from articles, store them and detect contradictions."""
    from .graph.session import ClaimGraph

    settings = settings_for(semantic)
    with ClaimGraph(store, settings=settings) as graph, ingest_progress(quiet) as go:
        report = graph.ingest(sources, jobs=jobs, progress=go)
    print_ingest(report)


@app.command()
@handle_errors
def contradictions(
    store: StoreOption = None,
    format: opt.DisputeFormatOption = DisputeFormat.text,
    pairs: opt.PairsOption = False,
    side: opt.PartyOption = None,
    event: opt.EventOption = None,
    type: opt.TypeOption = None,
    min_confidence: opt.MinConfidenceOption = 0.0,
    corroborations: opt.CorroborationsOption = False,
    revisions: opt.RevisionsOption = False,
    fail_on_found: opt.FailOnFoundOption = False,
    limit: opt.LimitOption = None,
    offset: opt.OffsetOption = 0,
) -> None:
    """Report disputes: per question, the positions, parties and quotes.

    --pairs lists the pairwise findings instead (corroborations, revisions on
    request). The same statement carried by several outlets is one statement;
    the other outlets are listed as its reports. --limit and --offset page it.
    """
    from .graph.filters import ReportFilter
    from .graph.session import ClaimGraph

    extra = {"corroboration": corroborations, "revision": revisions}
    chosen = ReportFilter.parse(
        kinds=["contradiction", *(kind for kind, wanted in extra.items() if wanted)],
        side=side,
        event=event,
        types=type or (),
        min_confidence=min_confidence,
        limit=limit,
        offset=offset,
    )
    with ClaimGraph(store) as graph:
        found = None if pairs else graph.disputes(chosen)
        page = graph.findings_page(chosen) if pairs and chosen.paged else None
        records = graph.findings(chosen) if pairs and page is None else []
    if found is not None:
        render_disputes(found.records, format)
        if chosen.paged:
            shown = page_label(offset, len(found.records), found.total)
            err.print(f"Disputes {shown}; --offset and --limit show others.")
        if fail_on_found and found.total:
            raise typer.Exit(3)
        return
    shown_as = ReportFormat(format.value if format.value != "text" else "table")
    if page is None:
        render_findings(records, shown_as)
    else:
        shown = page_label(offset, len(page.records), page.total)
        render_findings(page.records, shown_as, f"findings {shown}")
        err.print(f"Findings {shown}; --offset and --limit show others.")
    if fail_on_found and (page.total if page else records):
        raise typer.Exit(3)


@app.command()
@handle_errors
def assertions(
    store: StoreOption = None,
    format: FormatOption = ReportFormat.table,
) -> None:
    """List every extracted assertion: speaker, side, cue, quote, offsets."""
    from .graph.render.printing import print_assertions
    from .graph.session import ClaimGraph

    with ClaimGraph(store) as graph:
        records = graph.assertions()
    print_assertions(records, format)


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
    from .graph.render.printing import print_table
    from .graph.session import ClaimGraph
    from .graph.sparql import parse_params

    if list_:
        for name, purpose in ClaimGraph.queries():
            out.print(f"[b]{name}[/b]  {esc(purpose)}")
        return
    if not sparql:
        raise CkgError("Give a query, a .rq file or a query name (see --list).")
    params = parse_params(param or [])
    with ClaimGraph(store) as graph:
        table = graph.query(sparql, params, timeout=timeout)
    print_table(table, format)


@app.command()
@handle_errors
def detect(store: StoreOption = None, semantic: SemanticOption = None) -> None:
    """Delete all findings and run every rule over the whole store again."""
    from .graph.session import ClaimGraph

    with ClaimGraph(store, settings=settings_for(semantic)) as graph:
        count = graph.detect()
    out.print(f"{count} findings")


@app.command()
@handle_errors
def validate(store: StoreOption = None) -> None:
    """Check the store against the SHACL shapes in ontology/shapes.ttl."""
    from .graph.session import ClaimGraph

    with ClaimGraph(store) as graph:
        result = graph.validate()
    out.print(f"Valid: {result.triples} triples conform to the claimgraph shapes.")


@app.command()
@handle_errors
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    store: StoreOption = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.trig,
) -> None:
    """Export the store as TriG/N-Quads, or the actor graph as GraphML/GEXF."""
    from .graph.session import ClaimGraph

    with ClaimGraph(store) as graph:
        count = graph.export(output, format.value)
    unit = "quads" if format.value in ("trig", "nquads") else "nodes"
    out.print(f"Wrote {count} {unit} to {output}")


@app.command()
@handle_errors
def viz(
    output: opt.VizOutputOption = Path("claimgraph.html"),
    store: StoreOption = None,
    event: opt.VizEventOption = None,
    actor: opt.VizActorOption = None,
    side: opt.VizSideOption = None,
    contradictions_only: opt.ContradictionsOnlyOption = False,
    max_nodes: opt.MaxNodesOption = 500,
    disputes: opt.DisputeViewOption = None,
) -> None:
    """Write an interactive HTML graph of who claims what (works offline)."""
    from .graph.filters import GraphFilter
    from .graph.session import ClaimGraph

    chosen = GraphFilter(event, actor, side, contradictions_only, max_nodes, disputes)
    with ClaimGraph(store) as graph:
        result = graph.visualise(output, chosen)
    out.print(f"Wrote {output} ({result.nodes} nodes, {result.edges} edges)")
    if result.note:
        err.print(result.note, markup=False)


@app.command()
@handle_errors
def brief(
    output: opt.BriefOutputOption = None,
    store: StoreOption = None,
    format: opt.BriefFormatOption = "html",
    event: opt.BriefEventOption = None,
) -> None:
    """Write a brief to share: disputes, positions side by side, a timeline."""
    from .graph.session import ClaimGraph

    with ClaimGraph(store) as graph:
        text = graph.brief(output, format=format, event=event)
    if output is None:
        sys.stdout.write(text)
    else:
        out.print(f"Wrote {esc(str(output))}")


@app.command()
@handle_errors
def stats(
    store: StoreOption = None,
    format: FormatOption = ReportFormat.table,
) -> None:
    """Counts and the actors most involved in disputes."""
    from .graph.session import ClaimGraph

    with ClaimGraph(store) as graph:
        data = graph.stats().as_dict()
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
    format: FormatOption = ReportFormat.table,
    split: Annotated[RealSplit, typer.Option(help=SPLIT_HELP)] = RealSplit.dev,
    texts: Annotated[Path | None, typer.Option(help=TEXTS_HELP)] = None,
    semantic: SemanticOption = None,
) -> None:
    """Score extraction against gold annotations (precision, recall, F1), or
    dispute finding on a real-news set (a folder with a manifest.json)."""
    from .graph.evaluate.runner import is_real_news_set
    from .graph.render.printing import print_real, print_scores
    from .graph.session import ClaimGraph

    # Scoring uses fresh in-memory stores, not --store.
    graph = ClaimGraph(settings=settings_for(semantic))
    if gold and all(is_real_news_set(path) for path in gold):
        for folder in gold:
            real = graph.evaluate_real(folder, texts=texts, split=split.value)
            print_real(real, folder, format)
        return
    print_scores(graph.evaluate(gold), format)


@app.command()
@handle_errors
def serve(
    store: StoreOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535)] = 7878,
    writable: WritableOption = False,
    token: TokenOption = None,
    timeout: ServeTimeoutOption = 30.0,
    server_name: ServerNameOption = None,
    allow_fetch: AllowFetchOption = None,
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint (/sparql) and the graph at /.

    Safe by default: read-only, loopback only, no SERVICE or LOAD, a time limit
    per query; requests from other web sites and for other host names are
    refused. With --writable, updates need the token printed at start.
    """
    from .graph.serve.security import serve_options
    from .graph.session import ClaimGraph

    options = serve_options(writable, token, timeout, server_name, allow_fetch)
    out.print(f"SPARQL endpoint on http://{host}:{port}/sparql (Ctrl-C to stop)")
    if options.token:
        out.print(f"Update token: {options.token}", markup=False)
    with ClaimGraph(store) as graph:
        graph.serve(host=host, port=port, writable=writable, options=options)


@app.command()
@handle_errors
def demo(
    seeds: Annotated[Path, typer.Argument(help="Folder of articles.")] = Path("seeds"),
    store: StoreOption = None,
    format: FormatOption = ReportFormat.table,
    semantic: SemanticOption = None,
) -> None:
    """Ingest a folder of articles (default ./seeds) and print the contradictions."""
    from .graph.filters import ReportFilter
    from .graph.session import ClaimGraph

    chosen = ReportFilter.parse(kinds=("contradiction", "corroboration"))
    with ClaimGraph(store, settings=settings_for(semantic)) as graph:
        print_ingest(graph.ingest([seeds]), brief=True)
        records = graph.findings(chosen)
    render_findings(records, format)


if __name__ == "__main__":  # pragma: no cover
    app()
