"""One function per command: open the store, do the work, return values.

The CLI calls exactly one of these per command; other programs can too.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Literal

from .detect.rules import FINDING_KINDS, load_queries, named_query
from .errors import CkgError, InputError, QueryError
from .evaluate.real import ENV_REAL_CORPUS, RealReport
from .pipeline import IngestReport, Progress, ingest_paths
from .report.findings import (
    FINDING_TYPES,
    AssertionRecord,
    FindingRecord,
    load_assertions,
    load_findings,
)
from .report.pages import FindingPage, load_findings_page
from .store import open_store


def ingest(
    sources: list[str],
    store: str | None = None,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files, folders or ``-`` into the store at ``store``."""
    with open_store(store) as opened:
        return ingest_paths(opened, sources, jobs=jobs, progress=progress)


def _check_filters(kinds: Iterable[str], types: Iterable[str]) -> None:
    valid = set(FINDING_TYPES)
    unknown = sorted({t.lower() for t in types} - valid)
    if unknown:
        raise CkgError(
            f"Unknown finding type '{unknown[0]}'. Valid: {', '.join(sorted(valid))}."
        )
    known = set(FINDING_KINDS)
    odd = sorted(set(kinds) - known)
    if odd:
        raise CkgError(
            f"Unknown finding kind '{odd[0]}'. Valid: {', '.join(sorted(known))}."
        )


def findings(
    store: str | None = None,
    *,
    kinds: Iterable[str] = ("contradiction",),
    side: str | None = None,
    event: str | None = None,
    types: Iterable[str] = (),
    min_confidence: float = 0.0,
) -> list[FindingRecord]:
    """Stored findings of ``kinds``, filtered (see :func:`load_findings`)."""
    _check_filters(kinds, types)
    with open_store(store, read_only=True) as opened:
        return load_findings(
            opened,
            kinds=kinds,
            side=side,
            event=event,
            types=types,
            min_confidence=min_confidence,
        )


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
    _check_filters(kinds, types)
    if limit < 1 or offset < 0:
        raise CkgError(
            f"Invalid page (limit {limit}, offset {offset}): the limit must be "
            "at least 1 and the offset at least 0."
        )
    with open_store(store, read_only=True) as opened:
        return load_findings_page(
            opened,
            limit=limit,
            offset=offset,
            kinds=kinds,
            side=side,
            event=event,
            types=types,
            min_confidence=min_confidence,
        )


def assertions(store: str | None = None) -> list[AssertionRecord]:
    """Every stored assertion."""
    with open_store(store, read_only=True) as opened:
        return load_assertions(opened)


def list_queries() -> list[tuple[str, str]]:
    """Shipped read queries as (name, purpose)."""
    return [
        (name, item.purpose)
        for name, item in sorted(load_queries().items())
        if item.meta.get("kind") != "update"
    ]


@dataclass
class QueryTable:
    """Rows of a SELECT (or one row for ASK), as strings."""

    columns: list[str]
    rows: list[list[str]]

    def as_dicts(self) -> list[dict[str, str]]:
        """Rows as objects keyed by column."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def as_csv(self) -> str:
        """Rows as CSV with a header line."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return buffer.getvalue()


def _query_text(sparql: str) -> str:
    if sparql.endswith(".rq") or (len(sparql) < 256 and Path(sparql).is_file()):
        path = Path(sparql)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(f"No such query file: {sparql}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"Cannot read query file {sparql}: {exc}") from None
    if sparql in load_queries():
        return named_query(sparql).text
    if not any(
        word in sparql.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
    ):
        names = ", ".join(name for name, _ in list_queries())
        raise QueryError(
            f"'{sparql}' is neither a SPARQL query, a .rq file nor a shipped query "
            f"({names})."
        )
    return sparql


def run_query(
    store: str | None,
    sparql: str,
    params: list[str],
    *,
    timeout: float | None = None,
) -> QueryTable:
    """Run a read query; ``params`` are ``name=value`` literal bindings.

    ``timeout`` (seconds) stops waiting for a slow query with a QueryError.
    """
    if timeout is not None and timeout <= 0:
        raise QueryError(
            f"--timeout must be a positive number of seconds, not {timeout:g}."
        )
    bindings: dict[str, Any] = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"Parameter '{param}' must look like name=value.")
        bindings[name.strip().lstrip("?$")] = Literal(value)
    text = _query_text(sparql)
    with open_store(store, read_only=True, timeout=timeout) as opened:
        result = opened.query(text, bindings)
        if result.type == "ASK":
            return QueryTable(["ask"], [[str(bool(result.askAnswer)).lower()]])
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            graph = result.graph
            rows = [[str(s), str(p), str(o)] for s, p, o in graph] if graph else []
            return QueryTable(["subject", "predicate", "object"], sorted(rows))
        columns = [str(v) for v in result.vars or []]
        rows = [
            ["" if value is None else str(value) for value in row]  # type: ignore[union-attr]
            for row in result
        ]
        return QueryTable(columns, rows)


def redetect(store: str | None = None) -> int:
    """Delete all findings and run every rule over the whole store again."""
    from .detect.detection import refresh

    with open_store(store) as opened:
        return refresh(opened)


def validate(store: str | None = None) -> Any:
    """Validate the store with SHACL; raises ValidationFailed on violations."""
    from .detect.validate import validate_store

    with open_store(store, read_only=True) as opened:
        return validate_store(opened)


def export(store: str | None, output: Path, fmt: str) -> int:
    """Write the store (trig, nquads) or the actor network (graphml, gexf)."""
    from .render.export import export_store

    with open_store(store, read_only=True) as opened:
        return export_store(opened, output, fmt)


def visualise(store: str | None, output: Path, **filters: Any) -> Any:
    """Write the interactive HTML graph; returns counts and a note on cuts."""
    from .render.viz import visualise as render

    with open_store(store, read_only=True) as opened:
        return render(opened, output, **filters)


def stats(store: str | None = None) -> dict[str, Any]:
    """Counts and the actors most involved in disputes."""
    from .render.network import stats as compute

    with open_store(store, read_only=True) as opened:
        return compute(opened)


def is_real_news_set(path: Path) -> bool:
    """A real-news set: a folder with a ``manifest.json`` (docs/real-news.md)."""
    return path.is_dir() and (path / "manifest.json").is_file()


def evaluate_real(
    folder: Path, *, texts: Path | None = None, split: str = "dev"
) -> RealReport:
    """Score dispute finding on a real-news set whose texts are in ``texts``
    (default ``$CLAIMGRAPH_REAL_CORPUS``, else ``./.real-corpus``)."""
    from .evaluate.real import evaluate_real as score_real

    local = texts or Path(os.environ.get(ENV_REAL_CORPUS) or ".real-corpus")
    return score_real(folder, local, split=split)


def evaluate(gold: list[Path], *, contradictions: bool = True) -> Any:
    """Score extraction (and the rules) against gold files or folders of them.

    A folder with an ``expected.json`` is also an incident: its articles are
    ingested one by one and the cross-article findings scored.
    """
    from .evaluate.scoring import evaluate as score
    from .evaluate.scoring import rule_detector

    paths: list[Path] = []
    for item in gold:
        if item.is_dir():
            # A real-news set (a folder with a manifest) is scored apart: its
            # texts are not in the repository (graph.evaluate.real).
            paths += sorted(
                p
                for p in item.rglob("*.gold.json")
                if not (p.parent / "manifest.json").is_file()
            )
        else:
            paths.append(item)
    if not paths:
        raise InputError("No gold files found (expected *.gold.json).")
    report = score(paths, detector=rule_detector if contradictions else None)
    if contradictions:
        from .evaluate.incident import evaluate_incident

        for item in gold:
            if item.is_dir() and (item / "expected.json").is_file():
                report.incidents[str(item)] = evaluate_incident(item)
    return report


def serve(
    store: str | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
) -> None:
    """Serve the store over the SPARQL 1.1 Protocol until interrupted."""
    from .serve import serve as run

    with open_store(store, read_only=not writable) as opened:
        run(opened, host=host, port=port, writable=writable)


@dataclass
class DisputePage:
    """Disputes of one page and how many there are in all."""

    records: list[Any]
    total: int


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
    """Stored disputes, filtered and paged (see :func:`load_disputes`)."""
    from .report.disputes import load_disputes

    _check_filters((), types)
    with open_store(store, read_only=True) as opened:
        records = load_disputes(
            opened, side=side, event=event, types=types, min_confidence=min_confidence
        )
    end = None if limit is None else offset + limit
    return DisputePage(records[offset:end], len(records))


def brief(
    store: str | None,
    output: Path | None,
    *,
    format: str = "html",
    event: str | None = None,
) -> str:
    """The brief of the store's disputes (one incident with ``event``) as HTML or
    Markdown; written to ``output`` when given, and returned."""
    from .render.brief import brief_html, brief_markdown
    from .render.output import write_atomically
    from .report.disputes import load_disputes

    if format not in ("html", "markdown"):
        raise InputError(f"Unknown brief format '{format}'. Valid: html, markdown.")
    with open_store(store, read_only=True) as opened:
        records = load_disputes(opened, event=event)
    title = f"Disputes: {records[0].event}" if event and records else "Disputes"
    make = brief_html if format == "html" else brief_markdown
    text = make(records, title)
    if output is not None:
        write_atomically(output, text.encode("utf-8"))
    return text
