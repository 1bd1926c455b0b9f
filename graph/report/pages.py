"""One page of the findings report, read incident by incident.

The report is in order of event label, incident, aspect and confidence, so a
page is a run of incidents, the first and last maybe in part. A page counts each
incident's findings with an aggregate query (a finding folded into a more
confident one, see :mod:`graph.detect.folds`, is not counted), then reads only the
incidents it covers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from ...ontology.vocab import NS
from ..detect.folds import Statements
from ..detect.rules import named_query
from ..rdf.ids import local_name
from ..store import ClaimStore
from .findings import (
    FindingRecord,
    ReportFilter,
    finding_records,
    folded_report,
    type_name,
)


@dataclass
class FindingPage:
    """One page of the report: its findings and how many there are in all."""

    records: list[FindingRecord]
    total: int
    offset: int


@dataclass
class _Entry:
    """A finding (or a count of findings) without quotes: enough to filter it."""

    id: str
    kind: str
    type: str
    aspect: str
    incident: str
    confidence: float
    event: str


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


def _counted(store: ClaimStore, chosen: ReportFilter, labels: _Labels) -> Counter[str]:
    """How many findings the report shows per incident, without reading them.

    An aggregate counts the findings not folded into another
    (``finding-counts.rq``): one per group, its most confident, which the
    filters judge as the report does.
    """
    if chosen.side:
        return _counted_for_side(store, chosen, labels)
    counts: Counter[str] = Counter()
    for row in store.select_values(named_query("finding-counts").text):
        entry = _entry(row, labels)
        if chosen.keeps(entry, ()):
            counts[entry.incident] += int(str(row["count"]))
    return counts


def _counted_for_side(
    store: ClaimStore, chosen: ReportFilter, labels: _Labels
) -> Counter[str]:
    """:func:`_counted` for ``--side``: a group is shown when any of its findings
    has an assertion of that side, and judged by its most confident finding."""
    name = str(chosen.side)
    found = {entry.id: entry for entry in _on_side(store, name, labels)}
    into = {
        str(row["finding"]): str(row["into"])
        for row in store.select_values(named_query("fold-links").text)
    }
    groups: dict[str, _Entry] = {}
    for key, entry in found.items():
        lead, seen = key, {key}
        while lead in into and into[lead] not in seen:  # to the group's lead
            lead = into[lead]
            seen.add(lead)
        groups.setdefault(lead, entry)
    counts: Counter[str] = Counter()
    query = named_query("finding-confidence").text
    for lead, member in groups.items():
        if lead in found:
            member = found[lead]
        elif chosen.min_confidence > 0:  # the lead has no assertion of this side
            rows = store.select_values(query, {"finding": URIRef(lead)})
            member = replace(member, confidence=float(str(rows[0]["confidence"])))
        if chosen.keeps(member, (name,)):
            counts[member.incident] += 1
    return counts


def _incident_report(
    store: ClaimStore, incident: str, chosen: ReportFilter, labels: _Labels
) -> list[FindingRecord]:
    """The report's findings about one incident, in order."""
    node = URIRef(incident)
    pairs = [
        (str(row["a"]), str(row["b"]))
        for row in store.select_values(
            named_query("incident-restatements").text, {"incident": node}
        )
    ]
    rows: list[dict[str, Any]] = []
    query = named_query("incident-findings").text
    for kind in sorted(chosen.kinds):  # one query each: a bound kind prunes early
        bindings = {"incident": node, "kind": URIRef(NS + kind.capitalize())}
        for row in store.select_values(query, bindings):
            speaker = URIRef(str(row["speakerNode"]))
            rows.append(
                row
                | {
                    "eventLabel": labels.event(incident),
                    "speaker": labels.node(speaker, "prefLabel"),
                    "side": labels.node(speaker, "side"),
                }
            )
    statements = Statements(pairs) if pairs else None
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
    (:func:`graph.report.findings.load_findings`), and how many it has."""
    chosen = ReportFilter.of(kinds, side, event, types, min_confidence)
    labels = _Labels(store)
    counts = _counted(store, chosen, labels)
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
            shown = _incident_report(store, incident, chosen, labels)
            records += shown[max(0, offset - position) : offset + limit - position]
        position += n
    return FindingPage(records, position, offset)
