"""Disputes as text: 80-column blocks, a wide table and Markdown.

A block is the question, a line of counts and dates, then each position with the
parties holding it and, per party, its strongest quote with source and offsets.
"""

from __future__ import annotations

import sys
import textwrap
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.table import Table

    from ..report.disputes import DisputeRecord, Position, Statement

#: Parties quoted per position in a block; the others are only named.
QUOTED_PARTIES = 3


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _dates(record: DisputeRecord) -> str:
    if not record.first_seen:
        return ""
    if record.first_seen == record.last_seen or not record.last_seen:
        return f" \u00b7 {record.first_seen}"
    return f" \u00b7 {record.first_seen} \u2013 {record.last_seen}"


def _parties(position: Position) -> str:
    return ", ".join(
        p.name if not p.state or p.state == p.name else f"{p.name} ({p.state})"
        for p in position.parties
    )


def _cite(item: Statement) -> str:
    also = f", +{_plural(len(item.reports), 'outlet')}" if item.reports else ""
    date = f" {item.published}" if item.published else ""
    return (
        f"\u2014 {item.speaker}, {item.source}{date} {item.start}\u2013{item.end}{also}"
    )


def statement_count(position: Position) -> int:
    """Statements taking the position, each outlet's copy counted once."""
    return len(position.statements)


def quotes(position: Position) -> list[Statement]:
    """The strongest statement of each of the first parties of ``position``."""
    found = [position.strongest(p.name) for p in position.parties[:QUOTED_PARTIES]]
    return [s for s in found if s is not None]


def dispute_block(record: DisputeRecord, width: int = 80) -> str:
    """One dispute as lines no wider than ``width``."""

    def wrap(text: str, indent: str, later: str | None = None) -> list[str]:
        return textwrap.wrap(
            text,
            width=width,
            initial_indent=indent,
            subsequent_indent=later if later is not None else indent,
            break_on_hyphens=False,
        ) or [indent.rstrip()]

    statements = sum(statement_count(p) for p in record.positions)
    lines = wrap(record.question, "", "  ")
    lines += wrap(
        f"{record.event} \u00b7 confidence {record.confidence:.2f} \u00b7 "
        f"{_plural(statements, 'statement')}, {_plural(record.outlets, 'outlet')}"
        f"{_dates(record)}",
        "  ",
    )
    for position in record.positions:
        lines += wrap(
            f"\u25b8 {position.value} \u2014 held by {_parties(position)} "
            f"({_plural(statement_count(position), 'statement')})",
            "  ",
            "      ",
        )
        for item in quotes(position):
            lines += wrap(
                f"{item.party}: \u201c{item.quote}\u201d", "      ", "        "
            )
            lines += wrap(_cite(item), "        ")
    return "\n".join(lines)


def disputes_text(records: list[DisputeRecord], width: int = 80) -> str:
    """Every dispute as a block, blank lines between."""
    if not records:
        return "No disputes found.\n"
    return "\n\n".join(dispute_block(r, width) for r in records) + "\n"


def disputes_table(records: list[DisputeRecord], title: str) -> Table:
    """A wide table: one row per position, for wide terminals."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=title, show_lines=True, expand=True)
    for name in ("question", "position", "parties", "stmts", "strongest quote"):
        table.add_column(name, overflow="fold")
    for record in records:
        for n, position in enumerate(record.positions):
            best = quotes(position)[:1]
            quote = (
                f"\u201c{escape(best[0].quote)}\u201d\n[dim]{escape(_cite(best[0]))}[/dim]"
                if best
                else ""
            )
            table.add_row(
                escape(record.question) if n == 0 else "",
                escape(position.value),
                escape(_parties(position)),
                str(statement_count(position)),
                quote,
            )
    return table


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def disputes_markdown(records: list[DisputeRecord]) -> str:
    """A Markdown report: a section per dispute, a list item per position."""
    if not records:
        return "No disputes found.\n"
    lines: list[str] = []
    for record in records:
        statements = sum(statement_count(p) for p in record.positions)
        lines += [
            f"## {_cell(record.question)}",
            "",
            f"{_cell(record.event)} \u00b7 confidence {record.confidence:.2f} \u00b7 "
            f"{_plural(statements, 'statement')}, "
            f"{_plural(record.outlets, 'outlet')}{_dates(record)}",
            "",
        ]
        for position in record.positions:
            lines.append(
                f"- **{_cell(position.value)}** \u2014 {_cell(_parties(position))} "
                f"({_plural(statement_count(position), 'statement')})"
            )
            for item in quotes(position):
                lines.append(
                    f"  - {_cell(item.party)}: \u201c{_cell(item.quote)}\u201d "
                    f"{_cell(_cite(item))}"
                )
        lines.append("")
    return "\n".join(lines)


class DisputeFormat(StrEnum):
    """Output formats of ``contradictions``: 80-column blocks by default."""

    text = "text"
    table = "table"
    markdown = "markdown"
    json = "json"


def render_disputes(
    records: list[DisputeRecord], format: DisputeFormat, title: str | None = None
) -> None:
    """Print disputes as blocks, a wide table, Markdown or JSON."""
    from ..report.disputes import dispute_json
    from .terminal import out, print_json

    if format is DisputeFormat.json:
        print_json([dispute_json(r) for r in records])
    elif format is DisputeFormat.markdown:
        sys.stdout.write(disputes_markdown(records))
    elif format is DisputeFormat.table and records:
        out.print(disputes_table(records, title or f"{len(records)} disputes"))
    else:
        sys.stdout.write(disputes_text(records, width=min(out.width, 80)))
