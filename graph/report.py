"""Read findings and assertions back from the store as plain records.

The JSON produced by :func:`finding_json` and :func:`assertion_json` is a public
contract (see README): tests and downstream tools rely on its field names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from rdflib import URIRef
from rdflib.term import Node

from graph.detect import humanise, local_name
from graph.rules import named_query
from graph.store import ClaimStore

_POLARITY = {
    "Positive": "positive",
    "Negative": "negative",
    "UnknownPolarity": "unknown",
}
_CERTAINTY = {
    "Certain": "certain",
    "Probable": "probable",
    "Possible": "possible",
    "Underspecified": "underspecified",
}
_TYPES = {
    "ValueConflict": "value",
    "PolarityConflict": "polarity",
    "NumericConflict": "numeric",
    "ImplicationConflict": "implication",
    "Rebuttal": "rebuttal",
    "Agreement": "agreement",
    "SameStatement": "same-statement",
    "ValueRevision": "revision",
}
#: ``--type`` values: every conflict type a shipped rule can produce.
FINDING_TYPES = tuple(sorted(set(_TYPES.values())))


@dataclass
class AssertionRecord:
    """One assertion as reports show it."""

    id: str
    speaker: str
    side: str | None
    cue: str
    quote: str
    source: str
    start: int
    end: int
    polarity: str
    certainty: str
    event: str | None = None
    cue_class: str | None = None
    nested_in: str | None = None


@dataclass
class FindingRecord:
    """A finding between two assertions, with other reports of the same statements.

    ``reports`` are assertions of other articles that restate one of the two
    (``ckg:restates``): the same statement carried by several outlets is one
    finding with several reports, and ``merged`` lists the ids of the findings
    folded into this one.
    """

    id: str
    kind: str  # "contradiction", "corroboration", "restatement" or "revision"
    type: str
    aspect: str
    event: str
    confidence: float
    explanation: str
    rule: str
    assertions: list[AssertionRecord] = field(default_factory=list)
    reports: list[AssertionRecord] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _assertion_record(key: str, row: dict[str, Any]) -> AssertionRecord:
    """The fields the assertions and findings queries share."""
    return AssertionRecord(
        id=key,
        speaker=_text(row["speaker"]) or "unknown",
        side=_text(row["side"]),
        cue=str(row["cue"]),
        quote=str(row["quote"]),
        source=str(row["source"]),
        start=int(row["start"]),
        end=int(row["end"]),
        polarity=_POLARITY.get(local_name(row["polarity"]), "unknown"),
        certainty=_CERTAINTY.get(local_name(row["certainty"]), "underspecified"),
    )


def load_assertions(store: ClaimStore) -> list[AssertionRecord]:
    """Every assertion, in article and offset order."""
    records: dict[str, AssertionRecord] = {}
    for row in store.select(named_query("assertions").text):
        key = str(row["assertion"])
        if key in records:
            continue  # an extra side or label of a merged actor
        record = _assertion_record(key, row)
        record.event = _text(row["event"])
        record.cue_class = local_name(row["cueClass"])
        record.nested_in = _text(row["parent"])
        records[key] = record
    return list(records.values())


class _Statements:
    """Union-find over ``ckg:restates``: which assertions report one statement."""

    def __init__(self, pairs: Iterable[tuple[str, str]]) -> None:
        self.parent: dict[str, str] = {}
        for one, two in pairs:
            self.parent[self.find(one)] = self.find(two)

    def find(self, key: str) -> str:
        root = key
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while key != root:  # path compression keeps later lookups short
            self.parent[key], key = root, self.parent.get(key, key)
        return root


class _Folded(Protocol):
    id: str
    kind: str
    type: str
    aspect: str
    event: str
    confidence: float


_F = TypeVar("_F", bound=_Folded)


def _restated(store: ClaimStore) -> _Statements | None:
    """Which assertions report one statement; None when nothing is restated."""
    pairs = [
        (str(r["a"]), str(r["b"]))
        for r in store.select_values(named_query("restatements").text)
    ]
    return _Statements(pairs) if pairs else None


def _group(
    items: list[_F],
    statements: _Statements | None,
    assertions: Callable[[_F], Iterable[str]],
) -> list[list[_F]]:
    """Findings between the same statements, each group most confident first.

    One statement carried by several outlets makes one finding per outlet; they
    share kind, type, aspect, event and the statements at both ends.
    """
    groups: dict[tuple[object, ...], list[_F]] = {}
    for item in items:
        if statements is None or item.kind == "restatement":
            groups[(item.id,)] = [item]
            continue
        ends = frozenset(statements.find(a) for a in assertions(item))
        key = (item.kind, item.type, item.aspect, item.event, ends)
        groups.setdefault(key, []).append(item)
    for members in groups.values():
        members.sort(key=lambda m: (-m.confidence, m.id))
    return list(groups.values())


def _merge(first: FindingRecord, rest: Iterable[FindingRecord]) -> FindingRecord:
    """``first`` with the others' ids as merged and their assertions as reports."""
    shown = {a.id for a in first.assertions}
    for other in rest:
        first.merged.append(other.id)
        for a in other.assertions:
            if a.id not in shown:
                shown.add(a.id)
                first.reports.append(a)
    first.reports.sort(key=lambda a: (a.source, a.start, a.id))
    return first


def _fold_restatements(
    store: ClaimStore, records: list[FindingRecord]
) -> list[FindingRecord]:
    """One finding per pair of statements, however many outlets carried them."""
    groups = _group(records, _restated(store), lambda r: (a.id for a in r.assertions))
    return [_merge(members[0], members[1:]) for members in groups]


@dataclass(frozen=True)
class _Filter:
    """The report's filters (see :func:`load_findings`)."""

    kinds: frozenset[str]
    types: frozenset[str]
    side: str | None
    event: str | None
    min_confidence: float

    @classmethod
    def of(
        cls,
        kinds: Iterable[str],
        side: str | None,
        event: str | None,
        types: Iterable[str],
        min_confidence: float,
    ) -> _Filter:
        return cls(
            frozenset(kinds),
            frozenset(t.lower() for t in types),
            side.lower() if side else None,
            event.lower() if event else None,
            min_confidence,
        )

    def keeps(self, item: _Folded, sides: Iterable[str]) -> bool:
        """Whether ``item`` is reported; ``sides`` (read only for ``--side``,
        so a generator costs nothing otherwise) are its assertions' sides."""
        if item.kind not in self.kinds or item.confidence < self.min_confidence:
            return False
        if self.types and item.type not in self.types:
            return False
        if self.side and self.side not in {s.lower() for s in sides}:
            return False
        return not self.event or self.event in item.event.lower()


def _order(item: _Folded) -> tuple[str, str, float, str]:
    return (item.event, item.aspect, -item.confidence, item.id)


def _finding_records(rows: Iterable[dict[str, Any]]) -> dict[str, FindingRecord]:
    """Findings from rows of ``findings.rq``, each assertion once, in text order."""
    records: dict[str, FindingRecord] = {}
    for row in rows:
        key = str(row["finding"])
        record = records.get(key)
        if record is None:
            record = records[key] = FindingRecord(
                id=key,
                kind=local_name(row["kind"]).lower(),
                type=_TYPES.get(local_name(row["type"]), local_name(row["type"])),
                aspect=local_name(row["aspect"]),
                event=_text(row["eventLabel"]) or local_name(row["incident"]),
                confidence=float(row["confidence"]),
                explanation=str(row["explanation"]),
                rule=local_name(row["rule"]),
            )
        assertion = str(row["assertion"])
        if any(a.id == assertion for a in record.assertions):
            continue
        record.assertions.append(_assertion_record(assertion, row))
    for record in records.values():
        record.assertions.sort(key=lambda a: (a.source, a.start, a.id))
    return records


def load_findings(
    store: ClaimStore,
    *,
    kinds: Iterable[str] = ("contradiction",),
    side: str | None = None,
    event: str | None = None,
    types: Iterable[str] = (),
    min_confidence: float = 0.0,
) -> list[FindingRecord]:
    """Findings with both assertions, filtered; by event and aspect, most confident
    first. :func:`load_findings_page` reads one page of the same list."""
    chosen = _Filter.of(kinds, side, event, types, min_confidence)
    records = _finding_records(store.select(named_query("findings").text))
    out = [
        record
        for record in _fold_restatements(store, list(records.values()))
        if chosen.keeps(
            record, (a.side or "" for a in record.assertions + record.reports)
        )
    ]
    return sorted(out, key=_order)


@dataclass
class FindingPage:
    """One page of the report: its findings and how many there are in all."""

    records: list[FindingRecord]
    total: int
    offset: int


@dataclass
class _Entry:
    """A finding as the index knows it: no quotes yet."""

    id: str
    kind: str
    type: str
    aspect: str
    incident: str
    confidence: float
    assertions: list[str] = field(default_factory=list)
    event: str = ""
    merged: list[_Entry] = field(default_factory=list)


def _index(store: ClaimStore) -> list[_Entry]:
    entries: dict[str, _Entry] = {}
    for row in store.select_values(named_query("finding-index").text):
        key = str(row["finding"])
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = _Entry(
                id=key,
                kind=local_name(row["kind"]).lower(),
                type=_TYPES.get(local_name(row["type"]), local_name(row["type"])),
                aspect=local_name(row["aspect"]),
                incident=str(row["incident"]),
                confidence=float(str(row["confidence"])),
            )
        if row["assertion"] not in entry.assertions:
            entry.assertions.append(str(row["assertion"]))
    labels = {
        str(row["incident"]): str(row["label"])
        for row in store.select_values(named_query("finding-events").text)
    }
    for entry in entries.values():
        entry.event = labels.get(entry.incident) or local_name(entry.incident)
    return list(entries.values())


def _fold_index(store: ClaimStore, entries: list[_Entry]) -> list[_Entry]:
    """:func:`_fold_restatements` on index entries: the leader keeps the rest."""
    groups = _group(entries, _restated(store), lambda e: e.assertions)
    for members in groups:
        members[0].merged = members[1:]
    return [members[0] for members in groups]


def _sides(store: ClaimStore) -> dict[str, set[str]]:
    sides: dict[str, set[str]] = defaultdict(set)
    for row in store.select_values(named_query("finding-sides").text):
        sides[str(row["assertion"])].add(str(row["side"]).lower())
    return sides


def _details(store: ClaimStore, entries: list[_Entry]) -> list[FindingRecord]:
    """Full records of index entries, with the reports of their merged findings.

    One query per finding (``finding-detail.rq``) and one per labelled node
    (``node-labels.rq``, cached): binding ``?incident`` instead (fewer queries)
    let Oxigraph pick a plan many times slower.
    """
    query = named_query("finding-detail").text
    labels: dict[str, dict[str, Node]] = {}

    def label(node: Node, field: str) -> Node | None:
        key = str(node)
        if key not in labels:
            found: dict[str, Node] = {}
            for row in store.select(named_query("node-labels").text, {"node": node}):
                for name in ("prefLabel", "label", "side"):
                    if row[name] is not None:
                        found.setdefault(name, row[name])
            labels[key] = found
        return labels[key].get(field)

    def read(finding: str) -> FindingRecord:
        rows = []
        for row in store.select(query, {"finding": URIRef(finding)}):
            speaker = row["speakerNode"]
            row |= {
                "eventLabel": label(row["incident"], "label"),
                "speaker": label(speaker, "prefLabel"),
                "side": label(speaker, "side"),
            }
            rows.append(row)
        return _finding_records(rows)[finding]

    return [
        _merge(read(entry.id), (read(other.id) for other in entry.merged))
        for entry in entries
    ]


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
    """Findings ``offset`` to ``offset + limit`` of :func:`load_findings`' list.

    Sorting, folding and filtering run on an index of the findings (no quotes);
    only the page's findings are read whole, so the first page of a large store
    costs a fraction of the whole report.
    """
    chosen = _Filter.of(kinds, side, event, types, min_confidence)
    sides = _sides(store) if side else {}

    def sides_of(entry: _Entry) -> Iterator[str]:
        for one in (entry, *entry.merged):
            for a in one.assertions:
                yield from sides.get(a, ())

    kept = [
        entry
        for entry in _fold_index(store, _index(store))
        if chosen.keeps(entry, sides_of(entry))
    ]
    kept.sort(key=_order)
    page = kept[offset : offset + limit]
    return FindingPage(_details(store, page), len(kept), offset)


def assertion_json(record: AssertionRecord, *, full: bool = True) -> dict[str, Any]:
    """The JSON object of one assertion (contract: see README)."""
    data = {
        "speaker": record.speaker,
        "side": record.side,
        "cue": record.cue,
        "quote": record.quote,
        "source": record.source,
        "start": record.start,
        "end": record.end,
    }
    if full:
        data |= {
            "id": record.id,
            "polarity": record.polarity,
            "certainty": record.certainty,
            "event": record.event,
            "cue_class": record.cue_class,
            "nested_in": record.nested_in,
        }
    return data


def finding_json(record: FindingRecord) -> dict[str, Any]:
    """The JSON object of one finding (contract: see README)."""
    return {
        "id": record.id,
        "kind": record.kind,
        "type": record.type,
        "aspect": record.aspect,
        "event": record.event,
        "confidence": record.confidence,
        "explanation": record.explanation,
        "rule": record.rule,
        "assertions": [
            assertion_json(a, full=False)
            | {"polarity": a.polarity, "certainty": a.certainty}
            for a in record.assertions
        ],
        "reports": [assertion_json(a, full=False) for a in record.reports],
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def findings_markdown(records: list[FindingRecord]) -> str:
    """A Markdown report grouped by event and aspect."""
    if not records:
        return "No contradictions found.\n"
    lines: list[str] = []
    current: tuple[str, str] | None = None
    for record in records:
        if (record.event, record.aspect) != current:
            current = (record.event, record.aspect)
            lines += ["", f"## {record.event}: {humanise(record.aspect)}", ""]
        lines += [
            f"### {record.kind.capitalize()} ({record.type}, "
            f"confidence {record.confidence:.2f})",
            "",
            record.explanation,
            "",
            "| speaker | side | cue | quote | source | offsets |",
            "|---|---|---|---|---|---|",
        ]
        for a in record.assertions:
            lines.append(
                f"| {_cell(a.speaker)} | {_cell(a.side or '-')} | {_cell(a.cue)} | "
                f"\u201c{_cell(a.quote)}\u201d | {_cell(a.source)} | "
                f"{a.start}\u2013{a.end} |"
            )
        for a in record.reports:
            lines.append(
                f"| {_cell(a.speaker)} (same statement) | {_cell(a.side or '-')} | "
                f"{_cell(a.cue)} | \u201c{_cell(a.quote)}\u201d | {_cell(a.source)} | "
                f"{a.start}\u2013{a.end} |"
            )
        lines.append("")
    return "\n".join(lines).lstrip("\n") + "\n"


def assertions_markdown(records: list[AssertionRecord]) -> str:
    """A Markdown table of assertions."""
    lines = [
        "| speaker | side | cue | quote | polarity | certainty | source | offsets |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for a in records:
        lines.append(
            f"| {_cell(a.speaker)} | {_cell(a.side or '-')} | {_cell(a.cue)} | "
            f"\u201c{_cell(a.quote)}\u201d | {a.polarity} | {a.certainty} | "
            f"{_cell(a.source)} | {a.start}\u2013{a.end} |"
        )
    return "\n".join(lines) + "\n"
