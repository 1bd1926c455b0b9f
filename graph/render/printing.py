"""Print what a command returned, in the format asked for (the CLI's renderers).

Kept apart from :mod:`.terminal` (tables, progress) so each command's body in
``cli.py`` is: parse, one library call, one of these.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..evaluate.real import RealReport
from ..evaluate.scoring import EvalReport
from ..report.findings import AssertionRecord
from ..results import QueryTable
from .terminal import (
    QueryFormat,
    ReportFormat,
    assertions_table,
    err,
    esc,
    out,
    print_json,
    rows_table,
    scores_table,
)


def print_assertions(records: list[AssertionRecord], format: ReportFormat) -> None:
    """Every assertion as a table, Markdown or JSON."""
    if format is ReportFormat.json:
        from ..report.findings import assertion_json

        print_json([assertion_json(r) for r in records])
    elif format is ReportFormat.markdown:
        from ..report.findings import assertions_markdown

        sys.stdout.write(assertions_markdown(records))
    else:
        out.print(assertions_table(records))


def print_table(table: QueryTable, format: QueryFormat) -> None:
    """Query rows as a table, JSON objects or CSV."""
    if format is QueryFormat.json:
        print_json(table.as_dicts())
    elif format is QueryFormat.csv:
        sys.stdout.write(table.as_csv())
    else:
        out.print(rows_table(table.columns, table.rows))


def print_real(real: RealReport, folder: Path, format: ReportFormat) -> None:
    """A real-news set's scores; texts not found are counted on stderr."""
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


def print_scores(report: EvalReport, format: ReportFormat) -> None:
    """Extraction scores, and each incident folder's cross-article relations."""
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
