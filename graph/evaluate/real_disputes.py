"""Disputes of the real-news set's multi-article incidents against the annotation.

For each incident covered by several outlets, the disputes ``contradictions``
reports are counted and compared with the annotated ones (within 20% is the
target), and each annotated statement of a dispute is checked for being
*placed*: it (or an outlet's report of it) stands under a reported position
whose other statements do not mostly hold a different annotated position of
that dispute.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from ..report.disputes import DisputeRecord, Position
from ..report.findings import AssertionRecord

Ref = tuple[str, int]  # (article id, gold assertion index)
#: How far a dispute count may be from the annotation's and still count as equal.
TOLERANCE = 0.2


def span_record(source: str, start: int, end: int, ident: str = "") -> AssertionRecord:
    """A statement known only by where it is: what the scorers map to gold."""
    return AssertionRecord(
        id=ident,
        speaker="",
        side=None,
        cue="",
        quote="",
        source=source,
        start=start,
        end=end,
        polarity="",
        certainty="",
    )


def _refs(position: Position, ref: Callable[[AssertionRecord], Ref | None]) -> set[Ref]:
    found: set[Ref] = set()
    for statement in position.statements:
        spans = [(statement.source, statement.start, statement.end)]
        spans += [(r.source, r.start, r.end) for r in statement.reports]
        for source, start, end in spans:
            mapped = ref(span_record(source, start, end, statement.id))
            if mapped is not None:
                found.add(mapped)
    return found


def score_disputes(
    records: list[DisputeRecord],
    ref: Callable[[AssertionRecord], Ref | None],
    story_of: Callable[[str], str | None],
    annotated: dict[str, list[list[set[Ref]]]],
    incidents: list[str],
) -> list[dict[str, Any]]:
    """One row per incident: disputes annotated and found, statements placed.

    ``ref`` maps a statement to its annotated statement, ``story_of`` a
    statement's source to its story, ``annotated`` a story to its disputes (positions
    as sets of statements); ``incidents`` are the stories to report.
    """
    found: Counter[str] = Counter()
    placed: dict[str, set[Ref]] = defaultdict(set)
    for record in records:
        positions = [_refs(p, ref) for p in record.positions]
        stories = Counter(
            story
            for p in record.positions
            for s in p.statements
            if (story := story_of(s.source)) is not None
        )
        if not stories:
            continue
        story = stories.most_common(1)[0][0]
        found[story] += 1
        for refs in positions:
            for dispute in annotated.get(story, []):
                hits = [len(refs & side) for side in dispute]
                for index, side in enumerate(dispute):
                    if hits[index] and hits[index] >= max(hits):
                        placed[story] |= refs & side
    rows = []
    for story in incidents:
        disputes = annotated.get(story, [])
        statements = {r for dispute in disputes for side in dispute for r in side}
        want, got = len(disputes), found[story]
        rows.append(
            {
                "incident": story,
                "annotated_disputes": want,
                "disputes_found": got,
                "within_tolerance": bool(want) and abs(got - want) <= TOLERANCE * want,
                "annotated_statements": len(statements),
                "statements_placed": len(statements & placed[story]),
            }
        )
    return rows


def markdown(rows: list[dict[str, Any]]) -> str:
    """The incidents' dispute counts as a Markdown table."""
    lines = [
        "| incident | annotated disputes | disputes found | within 20% "
        "| annotated statements placed |",
        "|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['incident']} | {row['annotated_disputes']} | "
            f"{row['disputes_found']} | {'yes' if row['within_tolerance'] else 'no'} | "
            f"{row['statements_placed']} of {row['annotated_statements']} |"
        )
    return "\n".join(lines) + "\n"
