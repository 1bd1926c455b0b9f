"""One page of the findings report, read incident by incident.

The report is in order of event label, incident, aspect and confidence, so a
page is a run of incidents, the first and last maybe in part. A page counts
every incident's findings, then reads only the incidents it covers: reading
every finding of a store with a million triples took seconds.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from graph.detect import local_name
from graph.report import (
    FindingRecord,
    ReportFilter,
    Statements,
    finding_records,
    folded_report,
    group_by_statement,
    restated_statements,
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


def _entries(rows: Iterable[dict[str, str | None]], labels: _Labels) -> list[_Entry]:
    """Entries from rows of ``finding-index.rq`` or ``restated-findings.rq``."""
    entries: dict[str, _Entry] = {}
    for row in rows:
        key = str(row["finding"])
        entry = entries.get(key)
        if entry is None:
            incident = str(row["incident"])
            entry = entries[key] = _Entry(
                id=key,
                kind=local_name(row["kind"]).lower(),
                type=type_name(row["type"]),
                aspect=local_name(row["aspect"]),
                incident=incident,
                confidence=float(str(row["confidence"])),
                event=labels.event(incident),
            )
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


def _counted(
    store: ClaimStore,
    chosen: ReportFilter,
    statements: Statements | None,
    labels: _Labels,
) -> Counter[str]:
    """How many findings the report shows per incident, from aggregate counts.

    Only findings with a restated assertion fold, so only those are read to
    take away the findings folded into others. Not valid for ``--side``, which
    needs every finding's sides.
    """
    least = chosen.min_confidence
    counts: Counter[str] = Counter()
    for row in store.select_values(named_query("finding-counts").text):
        kind = local_name(row["kind"]).lower()
        kept = (
            kind in chosen.kinds
            and (not chosen.types or type_name(row["type"]) in chosen.types)
            and float(str(row["confidence"])) >= least
        )
        if kept:
            counts[str(row["incident"])] += int(str(row["count"]))
    if statements is not None:
        rows = store.select_values(named_query("restated-findings").text)
        for lead, *rest in group_by_statement(
            _entries(rows, labels), statements, lambda e: e.assertions
        ):
            if chosen.keeps(lead, ()):  # counted above: all but the lead fold away
                counts[lead.incident] -= sum(1 for m in rest if m.confidence >= least)
    return counts


def _indexed(
    store: ClaimStore,
    chosen: ReportFilter,
    statements: Statements | None,
    labels: _Labels,
) -> Counter[str]:
    """How many findings the report shows per incident, from every finding."""
    sides: dict[str, set[str]] = defaultdict(set)
    if chosen.side:
        for row in store.select_values(named_query("finding-sides").text):
            sides[str(row["assertion"])].add(str(row["side"]).lower())

    def sides_of(members: list[_Entry]) -> Iterator[str]:
        for one in members:
            for a in one.assertions:
                yield from sides.get(a, ())

    rows = store.select_values(named_query("finding-index").text)
    return Counter(
        members[0].incident
        for members in group_by_statement(
            _entries(rows, labels), statements, lambda e: e.assertions
        )
        if chosen.keeps(members[0], sides_of(members))
    )


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
    for row in store.select(query, {"incident": URIRef(incident)}):
        speaker = row["speakerNode"]
        row |= {
            "eventLabel": labels.event(incident),
            "speaker": labels.node(speaker, "prefLabel"),
            "side": labels.node(speaker, "side"),
        }
        rows.append(row)
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
    """Findings ``offset`` to ``offset + limit`` of :func:`graph.report.load_findings`.

    Findings are counted from aggregates (``finding-counts.rq``); a filter by
    side reads an index of every finding instead (``finding-index.rq``), which
    takes several times longer on a large store.
    """
    chosen = ReportFilter.of(kinds, side, event, types, min_confidence)
    statements = restated_statements(store)
    labels = _Labels(store)
    count = _indexed if chosen.side else _counted
    counts = count(store, chosen, statements, labels)
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
