"""Result types of :class:`~graph.session.ClaimGraph` calls that have no other home."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Any


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


@dataclass(frozen=True)
class DisputedActor:
    """A speaker or state and how many findings its assertions are in."""

    actor: str
    kind: str
    side: str | None
    contradictions: int
    corroborations: int


@dataclass
class GraphStats:
    """Counts by what is counted (``articles``, ``assertions``, ...) and the actors
    most involved in disputes (at most ten, most disputed first)."""

    counts: dict[str, int] = field(default_factory=dict)
    most_disputed_actors: list[DisputedActor] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GraphStats:
        """From :func:`graph.render.network.stats`' JSON-shaped dict."""
        return cls(
            counts={k: int(v) for k, v in data.items() if k != "most_disputed_actors"},
            most_disputed_actors=[
                DisputedActor(**item) for item in data.get("most_disputed_actors", [])
            ],
        )

    def as_dict(self) -> dict[str, Any]:
        """JSON-shaped: the counts, then ``most_disputed_actors`` as objects."""
        return {
            **self.counts,
            "most_disputed_actors": [
                {
                    "actor": item.actor,
                    "kind": item.kind,
                    "side": item.side,
                    "contradictions": item.contradictions,
                    "corroborations": item.corroborations,
                }
                for item in self.most_disputed_actors
            ],
        }
