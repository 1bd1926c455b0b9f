"""Read findings and assertions back from the store as plain records.

The JSON produced by :func:`finding_json` and :func:`assertion_json` is a public
contract (see README): tests and downstream tools rely on its field names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from ..detect.folds import Statements, group_by_statement, restated_statements
from ..detect.rules import named_query
from ..rdf.ids import humanise, local_name
from ..store import ClaimStore

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

    ``event`` is the label of ``incident`` (its IRI). ``reports`` are
    assertions of other articles that restate one of the two (``ckg:restates``):
    the same statement carried by several outlets is one finding with several
    reports, and ``merged`` lists the ids of the findings folded into this one.
    """

    id: str
    kind: str  # "contradiction", "corroboration", "restatement" or "revision"
    type: str
    aspect: str
    event: str
    confidence: float
    explanation: str
    rule: str
    incident: str = ""
    assertions: list[AssertionRecord] = field(default_factory=list)
    reports: list[AssertionRecord] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)


def type_name(node: object) -> str:
    """A conflict type's ``--type`` name (its local name if no rule of ours has it)."""
    name = local_name(str(node))
    return _TYPES.get(name, name)


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


class _Folded(Protocol):
    id: str
    kind: str
    type: str
    aspect: str
    event: str
    incident: str
    confidence: float


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


@dataclass(frozen=True)
class ReportFilter:
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
    ) -> ReportFilter:
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


def report_order(item: _Folded) -> tuple[str, str, str, float, str]:
    """The report's order: by event label, incident, aspect, most confident first."""
    return (item.event, item.incident, item.aspect, -item.confidence, item.id)


def finding_records(rows: Iterable[dict[str, Any]]) -> list[FindingRecord]:
    """Findings from rows of ``findings.rq``, each assertion once, in text order.

    A node with several labels (an incident, a merged speaker or its sides) is
    named by the first in sort order, as :mod:`graph.report.pages` names it.
    """
    records: dict[str, FindingRecord] = {}
    for row in rows:
        key = str(row["finding"])
        label = _text(row["eventLabel"])
        record = records.get(key)
        if record is None:
            record = records[key] = FindingRecord(
                id=key,
                kind=local_name(row["kind"]).lower(),
                type=type_name(row["type"]),
                aspect=local_name(row["aspect"]),
                event=label or local_name(row["incident"]),
                confidence=float(row["confidence"]),
                explanation=str(row["explanation"]),
                rule=local_name(row["rule"]),
                incident=str(row["incident"]),
            )
        elif label is not None and label < record.event:
            record.event = label
        one = _assertion_record(str(row["assertion"]), row)
        known = next((a for a in record.assertions if a.id == one.id), None)
        if known is None:
            record.assertions.append(one)
        else:  # another label or side of a merged speaker: keep the first in order
            known.speaker = min(known.speaker, one.speaker)
            known.side = min((s for s in (known.side, one.side) if s), default=None)
    for record in records.values():
        record.assertions.sort(key=lambda a: (a.source, a.start, a.id))
    return list(records.values())


def folded_report(
    records: list[FindingRecord], statements: Statements | None, chosen: ReportFilter
) -> list[FindingRecord]:
    """``records`` folded by statement, filtered and in the report's order."""
    groups = group_by_statement(
        records, statements, lambda r: (a.id for a in r.assertions)
    )
    kept = [
        record
        for record in (_merge(members[0], members[1:]) for members in groups)
        if chosen.keeps(
            record, (a.side or "" for a in record.assertions + record.reports)
        )
    ]
    return sorted(kept, key=report_order)


def load_findings(
    store: ClaimStore,
    *,
    kinds: Iterable[str] = ("contradiction",),
    side: str | None = None,
    event: str | None = None,
    types: Iterable[str] = (),
    min_confidence: float = 0.0,
) -> list[FindingRecord]:
    """Findings with both assertions, filtered; by event, incident and aspect, most
    confident first. :func:`graph.report.pages.load_findings_page` reads one page
    of it."""
    chosen = ReportFilter.of(kinds, side, event, types, min_confidence)
    records = finding_records(store.select(named_query("findings").text))
    return folded_report(records, restated_statements(store), chosen)


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
        "incident": record.incident,
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
        if (record.incident, record.aspect) != current:
            current = (record.incident, record.aspect)
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
