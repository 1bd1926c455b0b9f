"""Terminal output for the CLI: rich tables, JSON and Markdown on stdout.

``cli.py`` parses options and calls the library; what it shows is drawn here.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from ..pipeline import IngestReport

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class ReportFormat(StrEnum):
    """Output formats of reports."""

    table = "table"
    markdown = "markdown"
    json = "json"


SPLIT_HELP = "Real-news sets: which part to score (docs/real-news.md)."
TEXTS_HELP = (
    "Real-news sets: folder of the texts "
    "(default $CLAIMGRAPH_REAL_CORPUS, else ./.real-corpus)."
)


class RealSplit(StrEnum):
    """Parts of a real-news set (docs/real-news.md)."""

    dev = "dev"
    heldout = "heldout"
    fresh = "fresh"
    all = "all"


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


def print_json(data: Any) -> None:
    """Write ``data`` to stdout as indented JSON (non-ASCII kept)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def findings_table(records: list[Any], title: str) -> Table:
    """A table of findings: event, type, confidence, both sides and why."""
    table = Table(title=title, show_lines=True, expand=True)
    for name in ("event / aspect", "type", "conf.", "side A", "side B", "why"):
        table.add_column(name, overflow="fold")
    for r in records:
        cells = []
        for a in r.assertions[:2]:
            cells.append(
                f"[b]{esc(a.speaker)}[/b] ({esc(a.side or 'no side')}) "
                f"{esc(a.cue)}\n\u201c{esc(a.quote)}\u201d\n"
                f"[dim]{esc(a.source)} {a.start}-{a.end}[/dim]"
            )
        cells += [""] * (2 - len(cells))
        why = esc(r.explanation)
        if r.reports:
            also = ", ".join(sorted({a.source for a in r.reports}))
            why += f"\n[dim]Same statement also reported in: {esc(also)}[/dim]"
        table.add_row(
            f"{esc(r.event)}\n[dim]{esc(r.aspect)}[/dim]",
            r.type,
            f"{r.confidence:.2f}",
            *cells,
            why,
        )
    return table


def render_findings(
    records: list[Any], format: ReportFormat, title: str | None = None
) -> None:
    """Print findings as a table, Markdown or JSON."""
    from ..report.findings import finding_json, findings_markdown

    if format is ReportFormat.json:
        print_json([finding_json(r) for r in records])
    elif format is ReportFormat.markdown:
        sys.stdout.write(findings_markdown(records))
    elif records:
        out.print(findings_table(records, title or f"{len(records)} findings"))
    else:
        out.print("No findings on this page." if title else "No contradictions found.")


def esc(text: str) -> str:
    """``text`` with rich markup escaped."""
    from rich.markup import escape

    return escape(text)


def assertions_table(records: list[Any]) -> Table:
    """A table of assertions: speaker, side, cue, quote, polarity, certainty."""
    table = Table(title=f"{len(records)} assertions", show_lines=True, expand=True)
    for name in ("speaker", "side", "cue", "quote", "pol.", "cert.", "source"):
        table.add_column(name, overflow="fold")
    for a in records:
        table.add_row(
            esc(a.speaker),
            esc(a.side or "-"),
            esc(a.cue),
            esc(a.quote),
            a.polarity,
            a.certainty,
            f"{esc(a.source)} {a.start}-{a.end}",
        )
    return table


def rows_table(columns: list[str], rows: list[list[str]]) -> Table:
    """A table of query results."""
    view = Table(title=f"{len(rows)} rows", expand=True)
    for name in columns:
        view.add_column(name, overflow="fold")
    for row in rows:
        view.add_row(*(esc(cell) for cell in row))
    return view


def print_stats(data: dict[str, Any]) -> None:
    """Print store statistics: one line per count, lists indented below."""
    for key, value in data.items():
        if isinstance(value, list):
            out.print(f"[b]{key}[/b]")
            for item in value:
                out.print("  " + esc(", ".join(f"{k}: {v}" for k, v in item.items())))
        else:
            out.print(f"[b]{key}[/b]: {value}")


def scores_table(data: dict[str, Any]) -> Table:
    """Precision, recall and F1 per field of an evaluation report."""
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
    return table


@contextmanager
def ingest_progress(quiet: bool) -> Iterator[Callable[[int, int, str], None]]:
    """A progress bar on stderr; yields the callback that advances it."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

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

        yield advance


def print_ingest(report: IngestReport, brief: bool = False) -> None:
    """One line per article ingested; ``brief`` (the demo) on stderr, no findings."""
    if brief:
        for item in report.articles:
            err.print(
                f"{item.status:>11}  {item.id}  ({item.assertions} assertions)",
                markup=False,
            )
        return
    for line in report.skipped:
        err.print(f"Skipped {line}", markup=False)
    for item in report.articles:
        out.print(
            f"{item.status:>11}  {item.id}  "
            f"({item.assertions} assertions, {item.findings} findings)",
            markup=False,
        )


def page_label(offset: int, shown: int, total: int) -> str:
    """Which findings a page shows: "3–4 of 9", or "none after 9 of 9"."""
    if shown:
        return f"{offset + 1}\u2013{offset + shown} of {total}"
    return f"none after {offset} of {total}"
