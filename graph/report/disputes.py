"""Read disputes back from the store as plain records, filter them, make JSON.

A dispute (:mod:`graph.detect.disputes`) is one question about one incident,
its positions, the parties holding each and their statements; outlets' copies
of one statement are folded into its ``reports``. The JSON of
:func:`dispute_json` is a public contract (README, ``docs/schema/``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..detect.folds import Statements, restated_statements
from ..detect.rules import named_query
from ..rdf.ids import local_name
from ..store import ClaimStore
from .findings import FindingRecord, finding_json, load_findings


@dataclass
class Report:
    """Another outlet's copy of a statement."""

    source: str
    start: int
    end: int
    published: str | None


@dataclass
class Statement:
    """One statement taking a position, with the outlets that reported it."""

    id: str
    speaker: str
    party: str
    cue: str
    quote: str
    source: str
    start: int
    end: int
    published: str | None
    reports: list[Report] = field(default_factory=list)


@dataclass
class Party:
    """A party holding a position, and its state (None for non-state parties)."""

    name: str
    state: str | None


@dataclass
class Position:
    """One answer to a dispute's question."""

    value: str
    parties: list[Party] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)

    def strongest(self, party: str) -> Statement | None:
        """``party``'s most reported statement (ties: the longest quote)."""
        own = [s for s in self.statements if s.party == party]
        return max(
            own,
            key=lambda s: (len(s.reports), len(s.quote), s.id),
            default=None,
        )


@dataclass
class DisputeRecord:
    """A dispute as reports show it; ``findings`` are its pairwise evidence."""

    id: str
    incident: str
    event: str
    question: str
    aspect: str
    confidence: float
    first_seen: str | None
    last_seen: str | None
    positions: list[Position] = field(default_factory=list)
    findings: list[FindingRecord] = field(default_factory=list)

    @property
    def outlets(self) -> int:
        """How many sources carried a statement of the dispute."""
        return len(
            {s.source for p in self.positions for s in p.statements}
            | {
                r.source
                for p in self.positions
                for s in p.statements
                for r in s.reports
            }
        )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _fold(position: Position, statements: Statements | None) -> None:
    """One statement per restated group; the others become its reports."""
    groups: dict[str, list[Statement]] = {}
    for item in position.statements:
        root = (
            statements.find(item.id)
            if statements and item.id in statements
            else item.id
        )
        groups.setdefault(root, []).append(item)
    folded = []
    for members in groups.values():
        members.sort(key=lambda s: (s.published or "~", s.source, s.start))
        first = members[0]
        first.reports = [
            Report(m.source, m.start, m.end, m.published) for m in members[1:]
        ]
        folded.append(first)
    position.statements = sorted(
        folded, key=lambda s: (s.published or "~", s.source, s.start)
    )


def _records(store: ClaimStore) -> dict[str, DisputeRecord]:
    disputes: dict[str, DisputeRecord] = {}
    positions: dict[tuple[str, str], Position] = {}
    seen: set[tuple[str, str]] = set()
    for row in store.select(named_query("dispute-statements").text):
        key = str(row["dispute"])
        record = disputes.get(key)
        if record is None:
            record = disputes[key] = DisputeRecord(
                id=key,
                incident=str(row["incident"]),
                event=_text(row.get("eventLabel")) or local_name(row["incident"]),
                question=str(row["question"]),
                aspect=local_name(row["aspect"]),
                confidence=float(row["confidence"]),
                first_seen=_text(row.get("firstSeen")),
                last_seen=_text(row.get("lastSeen")),
            )
        pkey = (key, str(row["position"]))
        position = positions.get(pkey)
        if position is None:
            position = positions[pkey] = Position(str(row["value"]))
            record.positions.append(position)
        party = _text(row.get("partyLabel")) or local_name(row["party"])
        if all(p.name != party for p in position.parties):
            position.parties.append(Party(party, _text(row.get("state"))))
        assertion = str(row["assertion"])
        if (pkey[1], assertion) in seen:
            continue  # another label of a merged speaker or party
        seen.add((pkey[1], assertion))
        published = _text(row.get("published"))
        position.statements.append(
            Statement(
                id=assertion,
                speaker=_text(row.get("speaker")) or "unknown",
                party=party,
                cue=str(row["cue"]),
                quote=str(row["quote"]),
                source=str(row["source"]),
                start=int(row["start"]),
                end=int(row["end"]),
                published=published[:10] if published else None,
            )
        )
    return disputes


@dataclass(frozen=True)
class DisputeFilter:
    """The report's filters applied to disputes (see :func:`load_disputes`)."""

    side: str | None = None
    event: str | None = None
    types: frozenset[str] = frozenset()
    min_confidence: float = 0.0

    def keeps(self, record: DisputeRecord) -> bool:
        """Whether ``record`` is reported."""
        if record.confidence < self.min_confidence:
            return False
        if self.event and self.event.lower() not in record.event.lower():
            return False
        if self.types and not {f.type for f in record.findings} & self.types:
            return False
        if self.side:
            names = {
                n.lower()
                for p in record.positions
                for party in p.parties
                for n in (party.name, party.state or "")
            }
            return self.side.lower() in names
        return True


@dataclass
class DisputePage:
    """Disputes of one page and how many there are in all."""

    records: list[DisputeRecord]
    total: int


def load_disputes(
    store: ClaimStore,
    *,
    side: str | None = None,
    event: str | None = None,
    types: Iterable[str] = (),
    min_confidence: float = 0.0,
) -> list[DisputeRecord]:
    """Disputes, filtered; by event, most confident first. ``side`` is a party
    or a state; ``types`` keeps disputes with a finding of one of those types."""
    records = _records(store)
    statements = restated_statements(store)
    for record in records.values():
        for position in record.positions:
            _fold(position, statements)
            position.parties.sort(key=lambda p: p.name)
        record.positions.sort(key=lambda p: (-len(p.statements), p.value))
    evidence: dict[str, str] = {
        str(row["finding"]): str(row["dispute"])
        for row in store.select(named_query("dispute-findings").text)
    }
    for finding in load_findings(store, kinds=("contradiction", "corroboration")):
        owner = next(
            (
                evidence[i]
                for i in (finding.id, *finding.merged)
                if evidence.get(i) in records
            ),
            None,
        )
        if owner is not None:
            records[owner].findings.append(finding)
    chosen = DisputeFilter(
        side, event, frozenset(t.lower() for t in types), min_confidence
    )
    kept = [r for r in records.values() if chosen.keeps(r)]
    return sorted(kept, key=lambda r: (r.event, r.incident, -r.confidence, r.id))


def statement_json(item: Statement) -> dict[str, Any]:
    """The JSON object of one statement (contract: see README)."""
    return {
        "speaker": item.speaker,
        "party": item.party,
        "cue": item.cue,
        "quote": item.quote,
        "source": item.source,
        "start": item.start,
        "end": item.end,
        "published": item.published,
        "reports": [
            {
                "source": r.source,
                "start": r.start,
                "end": r.end,
                "published": r.published,
            }
            for r in item.reports
        ],
    }


def dispute_json(record: DisputeRecord) -> dict[str, Any]:
    """The JSON object of one dispute (contract: see README)."""
    return {
        "id": record.id,
        "incident": record.incident,
        "event": record.event,
        "question": record.question,
        "aspect": record.aspect,
        "confidence": record.confidence,
        "first_seen": record.first_seen,
        "last_seen": record.last_seen,
        "positions": [
            {
                "value": p.value,
                "parties": [{"name": x.name, "state": x.state} for x in p.parties],
                "statements": [statement_json(s) for s in p.statements],
            }
            for p in record.positions
        ],
        "findings": [finding_json(f) for f in record.findings],
    }
