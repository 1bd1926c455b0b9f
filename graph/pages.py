"""One page of the findings report, read incident by incident.

The report is in order of event label, incident, aspect and confidence, so a
page is a run of incidents, the first and last maybe in part. A page counts each
incident's findings with aggregate queries (findings folded into another, see
:mod:`graph.folds`, are taken away), then reads only the incidents it covers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from graph.folds import Statements, group_by_statement, restated_statements
from graph.ids import local_name
from graph.report import (
    FindingRecord,
    ReportFilter,
    finding_records,
    folded_report,
    type_name,
)
from graph.rules import named_query
from graph.store import ClaimStore


@dataclass
class FindingPage:
    """One page of the report: its findings and how many there are in all."""

    records: list[FindingRecord]
    total: int
    offset: int


@dataclass
class _Entry:
    """A finding without its quotes: enough to count, fold and filter it."""

    id: str
    kind: str
    type: str
    aspect: str
    incident: str
    confidence: float
    assertions: list[str] = field(default_factory=list)
    event: str = ""
    merged: list[_Entry] = field(default_factory=list)


def _entry(row: dict[str, str | None], labels: _Labels) -> _Entry:
    """An entry from a row with a finding's kind, type, incident and confidence."""
    incident = str(row["incident"])
    return _Entry(
        id=str(row.get("finding") or ""),
        kind=local_name(row["kind"]).lower(),
        type=type_name(row["type"]),
        aspect=local_name(row.get("aspect")),
        incident=incident,
        confidence=float(str(row["confidence"])),
        event=labels.event(incident),
    )


def _entries(rows: Iterable[dict[str, str | None]], labels: _Labels) -> list[_Entry]:
    """Entries from rows of ``restated-findings.rq`` (a row per assertion)."""
    entries: dict[str, _Entry] = {}
    for row in rows:
        entry = entries.get(str(row["finding"]))
        if entry is None:
            entry = entries[str(row["finding"])] = _entry(row, labels)
        if row["assertion"] not in entry.assertions:
            entry.assertions.append(str(row["assertion"]))
    return list(entries.values())


class _Labels:
    """Labels of incidents and speakers, each read once per page."""

    def __init__(self, store: ClaimStore) -> None:
        self.store = store
        self.nodes: dict[str, dict[str, Node]] = {}
        self.events: dict[str, str] = {}
        for row in store.select_values(named_query("incident-labels").text):
            key, label = str(row["incident"]), str(row["label"])
            if key not in self.events or label < self.events[key]:
                self.events[key] = label

    def node(self, node: Node, name: str) -> Node | None:
        """``name`` (prefLabel, label or side, see ``node-labels.rq``) of ``node``."""
        key = str(node)
        if key not in self.nodes:
            found: dict[str, Node] = {}
            query = named_query("node-labels").text
            for row in self.store.select(query, {"node": node}):
                for column in ("prefLabel", "label", "side"):
                    value = row[column]
                    if value is not None and (
                        column not in found or str(value) < str(found[column])
                    ):
                        found[column] = value
            self.nodes[key] = found
        return self.nodes[key].get(name)

    def event(self, incident: str) -> str:
        """The label of ``incident`` as the whole report names it."""
        if incident not in self.events:
            # Not an incident of incident-labels.rq (not its own ckg:incident).
            label = self.node(URIRef(incident), "label")
            self.events[incident] = str(label) if label else local_name(incident)
        return self.events[incident]


def _on_side(store: ClaimStore, side: str, labels: _Labels) -> list[_Entry]:
    """Findings with an assertion by a speaker whose side is labelled ``side``."""
    found: dict[str, _Entry] = {}
    for node in sorted(
        {
            row["sideNode"]
            for row in store.select(named_query("side-labels").text)
            if str(row["label"]).lower() == side
        },
        key=str,
    ):
        query = named_query("side-findings").text
        for row in store.select_values(query, {"sideNode": node}):
            found[str(row["finding"])] = _entry(row, labels)
    return list(found.values())


def _counted(
    store: ClaimStore,
    chosen: ReportFilter,
    statements: Statements | None,
    labels: _Labels,
) -> Counter[str]:
    """How many findings the report shows per incident, without reading them.

    Aggregates count findings (``finding-counts.rq``) and take away those folded
    into a more confident one (``folded-counts.rq``): what is left is one per
    group, its most confident, which the filters judge as the report does. With
    ``--side``, a group is shown when any member has that side, so that side's
    findings (``side-findings.rq``) and every finding that can fold
    (``restated-findings.rq``) are read instead.
    """
    if chosen.side:
        return _counted_for_side(store, chosen, statements, labels)
    counts: Counter[str] = Counter()
    for name, sign in (("finding-counts", 1), ("folded-counts", -1)):
        for row in store.select_values(named_query(name).text):
            entry = _entry(row, labels)
            if chosen.keeps(entry, ()):
                counts[entry.incident] += sign * int(str(row["count"]))
    return counts


def _counted_for_side(
    store: ClaimStore,
    chosen: ReportFilter,
    statements: Statements | None,
    labels: _Labels,
) -> Counter[str]:
    """:func:`_counted` for ``--side``."""
    name = str(chosen.side)
    found = _on_side(store, name, labels)
    on_side = {entry.id for entry in found}
    counts = Counter(e.incident for e in found if chosen.keeps(e, (name,)))
    if statements is None:
        return counts

    def sides(members: Iterable[_Entry]) -> tuple[str, ...]:
        return (name,) if any(m.id in on_side for m in members) else ()

    rows = store.select_values(named_query("restated-findings").text)
    for members in group_by_statement(
        _entries(rows, labels), statements, lambda e: e.assertions
    ):
        counted = sum(chosen.keeps(m, sides([m])) for m in members)
        shown = chosen.keeps(members[0], sides(members))
        counts[members[0].incident] += shown - counted
    return counts


def _incident_report(
    store: ClaimStore,
    incident: str,
    chosen: ReportFilter,
    statements: Statements | None,
    labels: _Labels,
) -> list[FindingRecord]:
    """The report's findings about one incident, in order."""
    rows: list[dict[str, Any]] = []
    query = named_query("incident-findings").text
    for row in store.select_values(query, {"incident": URIRef(incident)}):
        speaker = URIRef(str(row["speakerNode"]))
        rows.append(
            row
            | {
                "eventLabel": labels.event(incident),
                "speaker": labels.node(speaker, "prefLabel"),
                "side": labels.node(speaker, "side"),
            }
        )
    return folded_report(finding_records(rows), statements, chosen)


def load_findings_page(
    store: ClaimStore,
    *,
    limit: int,
    offset: int = 0,
    kinds: Iterable[str] = ("contradiction",),
    side: str | None = None,
    event: str | None = None,
    types: Iterable[str] = (),
    min_confidence: float = 0.0,
) -> FindingPage:
    """Findings ``offset`` to ``offset + limit`` of the whole report
    (:func:`graph.report.load_findings`), and how many it has."""
    chosen = ReportFilter.of(kinds, side, event, types, min_confidence)
    statements = restated_statements(store)
    labels = _Labels(store)
    counts = _counted(store, chosen, statements, labels)
    incidents = sorted(
        (labels.event(incident), incident)
        for incident, n in counts.items()
        if n > 0
        and (not chosen.event or chosen.event in labels.event(incident).lower())
    )
    records: list[FindingRecord] = []
    position = 0
    for _, incident in incidents:
        n = counts[incident]
        if position + n > offset and position < offset + limit:
            shown = _incident_report(store, incident, chosen, statements, labels)
            records += shown[max(0, offset - position) : offset + limit - position]
        position += n
    return FindingPage(records, position, offset)
