"""One function per command, each a thin wrapper over :class:`ClaimGraph`.

Kept for programs written against them; new code uses ``ClaimGraph`` (it keeps
the store open between calls and takes typed filters).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .detect.validate import ValidationResult
from .evaluate.real import RealReport
from .evaluate.runner import is_real_news_set
from .evaluate.scoring import EvalReport
from .filters import GraphFilter, ReportFilter
from .pipeline import IngestReport, Progress
from .render.viz import VizResult
from .report.disputes import DisputePage
from .report.findings import AssertionRecord, FindingRecord
from .report.pages import FindingPage
from .results import GraphStats, QueryTable
from .serve.security import ServeOptions
from .session import ClaimGraph
from .sparql import list_queries, parse_params

__all__ = [
    "DisputePage",
    "QueryTable",
    "assertions",
    "brief",
    "disputes",
    "evaluate",
    "evaluate_real",
    "export",
    "findings",
    "findings_page",
    "ingest",
    "is_real_news_set",
    "list_queries",
    "redetect",
    "run_query",
    "serve",
    "stats",
    "validate",
    "visualise",
]


def ingest(
    sources: list[str],
    store: str | None = None,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files, folders or ``-`` into the store at ``store``."""
    with ClaimGraph(store) as graph:
        return graph.ingest(sources, jobs=jobs, progress=progress)


def findings(
    store: str | None = None,
    *,
    kinds: Iterable[str] = ("contradiction",),
    side: str | None = None,
    event: str | None = None,
    types: Iterable[str] = (),
    min_confidence: float = 0.0,
) -> list[FindingRecord]:
    """Stored findings of ``kinds``, filtered (see :class:`ReportFilter`)."""
    chosen = ReportFilter.parse(
        kinds=kinds,
        side=side,
        event=event,
        types=types,
        min_confidence=min_confidence,
    )
    with ClaimGraph(store) as graph:
        return graph.findings(chosen)


def findings_page(
    store: str | None = None,
    *,
    limit: int,
    offset: int = 0,
    kinds: Iterable[str] = ("contradiction",),
    side: str | None = None,
    event: str | None = None,
    types: Iterable[str] = (),
    min_confidence: float = 0.0,
) -> FindingPage:
    """One page of :func:`findings` and the number of findings in all."""
    chosen = ReportFilter.parse(
        kinds=kinds,
        side=side,
        event=event,
        types=types,
        min_confidence=min_confidence,
        limit=limit,
        offset=offset,
    )
    with ClaimGraph(store) as graph:
        return graph.findings_page(chosen)


def assertions(store: str | None = None) -> list[AssertionRecord]:
    """Every stored assertion."""
    with ClaimGraph(store) as graph:
        return graph.assertions()


def run_query(
    store: str | None,
    sparql: str,
    params: list[str],
    *,
    timeout: float | None = None,
    allow_hosts: Iterable[str] = (),
) -> QueryTable:
    """Run a read query; ``params`` are ``name=value`` literal bindings."""
    bindings = parse_params(params)
    with ClaimGraph(store) as graph:
        return graph.query(sparql, bindings, timeout=timeout)


def redetect(store: str | None = None) -> int:
    """Delete all findings and run every rule over the whole store again."""
    with ClaimGraph(store) as graph:
        return graph.detect()


def validate(store: str | None = None) -> ValidationResult:
    """Validate the store with SHACL; raises ValidationFailed on violations."""
    with ClaimGraph(store) as graph:
        return graph.validate()


def export(store: str | None, output: Path, fmt: str) -> int:
    """Write the store (trig, nquads) or the actor network (graphml, gexf)."""
    with ClaimGraph(store) as graph:
        return graph.export(output, fmt)


def visualise(
    store: str | None, output: Path, filter: GraphFilter | None = None
) -> VizResult:
    """Write the interactive HTML graph; returns counts and a note on cuts."""
    with ClaimGraph(store) as graph:
        return graph.visualise(output, filter)


def stats(store: str | None = None) -> GraphStats:
    """Counts and the actors most involved in disputes."""
    with ClaimGraph(store) as graph:
        return graph.stats()


def evaluate_real(
    folder: Path, *, texts: Path | None = None, split: str = "dev"
) -> RealReport:
    """Score dispute finding on a real-news set (texts default: settings)."""
    return ClaimGraph().evaluate_real(folder, texts=texts, split=split)


def evaluate(gold: list[Path], *, contradictions: bool = True) -> EvalReport:
    """Score extraction (and the rules) against gold files or folders of them."""
    return ClaimGraph().evaluate(gold, contradictions=contradictions)


def serve(
    store: str | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    options: ServeOptions | None = None,
) -> None:
    """Serve the store over the SPARQL 1.1 Protocol until interrupted."""
    with ClaimGraph(store) as graph:
        graph.serve(host=host, port=port, writable=writable, options=options)


def disputes(
    store: str | None = None,
    *,
    side: str | None = None,
    event: str | None = None,
    types: Iterable[str] = (),
    min_confidence: float = 0.0,
    limit: int | None = None,
    offset: int = 0,
) -> DisputePage:
    """Stored disputes, filtered and paged (:meth:`ClaimGraph.disputes`)."""
    chosen = ReportFilter.parse(
        side=side,
        event=event,
        types=types,
        min_confidence=min_confidence,
        limit=limit,
        offset=offset,
    )
    with ClaimGraph(store) as graph:
        return graph.disputes(chosen)


def brief(
    store: str | None,
    output: Path | None,
    *,
    format: str = "html",
    event: str | None = None,
) -> str:
    """The brief of the store's disputes (:meth:`ClaimGraph.brief`)."""
    with ClaimGraph(store) as graph:
        return graph.brief(output, format=format, event=event)
