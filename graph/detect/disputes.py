"""Fold pairwise findings into disputes: one question per incident and proposition.

A dispute gathers the contradictions (and the corroborations that side with one
of their positions) about one proposition of one incident: an aspect (plus the
counted noun for counts), or, for claims no aspect is recognised for
(``ckg:WholeClaim``), each connected group of rebuttals and the claims they
answer. Each assertion of a finding takes a position: the value it gives (an
actor, a number, yes or no) or its stance on the rebutted claim. Dispute and
position IRIs are hashes of the incident and proposition, so rebuilding gives
the same graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import RDF, XSD, Literal, URIRef
from rdflib.term import Node

from ...ontology.vocab import CKG, DATA
from ..rdf.ids import digest, humanise, local_name
from ..rdf.quads import DEFAULT, Quad
from ..store import ClaimStore
from .folds import Statements, restated_statements
from .rules import named_query
from .wording import Names, number_text, plural, question

_REJECTING_RULES = {"rebuttal", "open-rebuttal"}
#: Position labels of open claims (``ckg:WholeClaim``).
_STANCES = {"yes": "yes: says so", "no": "no: says it is not so"}


@dataclass
class _End:
    """One assertion of one finding, with the values it gives for the aspect."""

    assertion: str
    party: str
    negative: bool = False
    rejects: bool = False
    actor: str | None = None
    number: Decimal | None = None
    unit: str | None = None
    holds: bool | None = None
    published: str | None = None


@dataclass
class _Finding:
    id: str
    kind: str
    rule: str
    aspect: str
    incident: str
    confidence: float
    ends: dict[str, _End] = field(default_factory=dict)


@dataclass
class _Dispute:
    incident: str
    aspect: str
    unit: str | None
    anchor: str  # the proposition: aspect (+ unit), or a WholeClaim group's root
    findings: list[_Finding] = field(default_factory=list)
    # position key -> (label, {assertion: party})
    positions: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)
    claims: dict[str, int] = field(default_factory=dict)  # rebutted -> rebuttals

    @property
    def claim(self) -> str | None:
        """The most rebutted claim (ties: the lowest IRI): the question names it."""
        return min(self.claims, key=lambda c: (-self.claims[c], c), default=None)

    dates: dict[str, str] = field(default_factory=dict)  # assertion -> published


def _findings(store: ClaimStore, incident: Node | None) -> list[_Finding]:
    bindings = {} if incident is None else {"incident": incident}
    found: dict[str, _Finding] = {}
    # Lexical rows: native on the embedded store, where converting every row to
    # rdflib terms cost most of an article's dispute rebuild.
    for row in store.select_values(named_query("dispute-evidence").text, bindings):
        key = str(row["finding"])
        item = found.get(key)
        if item is None:
            item = found[key] = _Finding(
                key,
                local_name(row["kind"]).lower(),
                str(row["rule"]),
                str(row["aspect"]),
                str(row["incident"]),
                float(str(row["confidence"])),
            )
        name = str(row["assertion"])
        end = item.ends.get(name)
        if end is None or str(row["party"]) < end.party:
            end = item.ends[name] = _End(
                name,
                str(row["party"]),
                negative=local_name(row["polarity"]) == "Negative",
                rejects=row.get("rejects") in ("true", "1"),
            )
        published = row.get("published")
        if published is not None and (end.published or "~") > str(published):
            end.published = str(published)
    _add_values(store, bindings, found)
    return sorted((f for f in found.values() if len(f.ends) == 2), key=lambda f: f.id)


#: dispute-values properties -> the :class:`_End` field they fill.
_VALUE_FIELDS = {
    "valueActor": "actor",
    "valueNumber": "number",
    "unit": "unit",
    "valueHolds": "holds",
}


def _add_values(
    store: ClaimStore, bindings: dict[str, Node], found: dict[str, _Finding]
) -> None:
    """Give each end the value its assertion states for the finding's aspect.

    Several value nodes of the aspect in one claim: the first by IRI that has
    a field gives it (the unit goes with the number), so one incident's rebuild
    and the whole store's agree.
    """
    values: dict[tuple[str, str], dict[str, dict[str, str]]] = defaultdict(dict)
    parties: dict[str, str] = {}  # an actor -> its (lowest) party
    for row in store.select_values(named_query("dispute-value-parties").text, bindings):
        actor, party = str(row["object"]), str(row["party"])
        parties[actor] = min(party, parties.get(actor, party))
    for row in store.select_values(named_query("dispute-values").text, bindings):
        node = values[(str(row["finding"]), str(row["assertion"]))].setdefault(
            str(row["value"]), {}
        )
        field_name = _VALUE_FIELDS.get(local_name(str(row["property"])))
        if field_name is None:
            continue
        text = str(row["object"])
        if field_name == "actor" and text in parties:
            text = parties[text]  # an actor counts as its party
        held = node.get(field_name)
        if held is None or text < held:  # several objects: the lowest
            node[field_name] = text
    for (finding, assertion), nodes in values.items():
        item = found.get(finding)
        end = item.ends.get(assertion) if item is not None else None
        if end is None:
            continue
        for _, fields in sorted(nodes.items()):
            if end.actor is None and "actor" in fields:
                end.actor = fields["actor"]
            if end.number is None and "number" in fields:
                end.number = Decimal(fields["number"])
                end.unit = fields.get("unit")
            if end.holds is None and "holds" in fields:
                end.holds = fields["holds"] in ("true", "1")


def _unit(finding: _Finding) -> str | None:
    if local_name(finding.aspect) != "Count":
        return None
    return min((e.unit for e in finding.ends.values() if e.unit), default=None)


def _value(end: _End, finding: _Finding, names: Names) -> tuple[str, str]:
    """The position ``end`` takes in ``finding``, as (key, label)."""
    rule = finding.rule
    if rule.startswith("numeric-") and end.number is not None:
        unit = f" {plural(end.unit)}" if end.unit and end.number != 1 else ""
        unit = unit or (f" {end.unit}" if end.unit else "")
        return f"number {end.number}{unit}", number_text(end.number) + unit
    if rule == "implication-conflict" and end.number is not None:
        return "no", "no"
    if rule in ("polarity-conflict", "implication-conflict", "open-polarity"):
        yes = end.holds if end.holds is not None else not end.negative
        return ("yes", "yes") if yes else ("no", "no")
    whole = local_name(finding.aspect) == "WholeClaim"
    # Actor-valued rules name an actor; for other aspects a number comes first
    # (a casualty count may also name whose casualties they were).
    if (
        end.actor is not None
        and not whole
        and (rule in ("value-conflict", "corroboration") or end.number is None)
    ):
        return f"actor {end.actor}", names.get(end.actor, humanise(end.actor))
    if end.number is not None and not whole:
        unit = f" {plural(end.unit)}" if end.unit and end.number != 1 else ""
        unit = unit or (f" {end.unit}" if end.unit else "")
        return f"number {end.number}{unit}", number_text(end.number) + unit
    if end.holds is not None:
        return ("yes", "yes") if end.holds else ("no", "no")
    if end.rejects or end.negative:
        return "no", _STANCES["no"]
    return "yes", _STANCES["yes"]


def _rejection(claim: _End, finding: _Finding, names: Names) -> tuple[str, str]:
    """The position of a rebuttal of ``claim``: "not <its value>", or no."""
    if local_name(finding.aspect) == "WholeClaim":
        return "no", _STANCES["no"]
    value, label = _value(claim, finding, names)
    if value in _STANCES:
        return ("no", "no") if value == "yes" else ("yes", "yes")
    return f"not {value}", f"not {label}"


def _rebutted(finding: _Finding) -> tuple[_End, _End] | None:
    """(rejecting end, claim end) of a rebuttal, None for other findings."""
    ends = sorted(finding.ends.values(), key=lambda e: e.assertion)
    if finding.rule not in _REJECTING_RULES | {"open-polarity"}:
        return None
    for one, two in (ends, ends[::-1]):
        if (one.rejects or one.negative) and not (two.rejects or two.negative):
            return one, two
    return None


def _whole_claim_groups(
    findings: list[_Finding], statements: Statements | None
) -> dict[str, str]:
    """Finding id -> root of its connected group of statements (one incident)."""
    roots = Statements([])

    def statement(assertion: str) -> str:
        return statements.find(assertion) if statements else assertion

    # The rebuttals of one party in one incident are one quarrel told in many
    # sentences, whoever made the claims it answers (each denial pairs with the
    # claim it answers best): one group.
    first: dict[frozenset[str], str] = {}
    for f in findings:
        one, two = (statement(a) for a in sorted(f.ends))
        pair = _rebutted(f)
        parties = frozenset(
            {pair[0].party} if pair else {e.party for e in f.ends.values()}
        )
        two = first.setdefault(parties, two)
        roots.parent.setdefault(one, one)
        roots.parent.setdefault(two, two)
        # Union by the smaller root, so the group's name does not depend on order.
        low, high = sorted((roots.find(one), roots.find(two)))
        roots.parent[high] = low
    return {f.id: roots.find(statement(min(f.ends))) for f in findings}


def build_disputes(
    store: ClaimStore, names: Names, incident: Node | None = None
) -> list[_Dispute]:
    """Disputes of one incident (all when None); ``names`` labels actors."""
    findings = _findings(store, incident)
    statements = restated_statements(store, incident)
    groups: dict[tuple[str, str, str | None, str], _Dispute] = {}
    whole = defaultdict(list)
    for f in findings:
        if local_name(f.aspect) == "WholeClaim" and f.kind == "contradiction":
            whole[f.incident].append(f)
    anchors: dict[str, str] = {}
    for items in whole.values():
        anchors |= _whole_claim_groups(items, statements)
    for f in findings:
        unit = _unit(f)
        anchor = anchors.get(f.id, f"{f.aspect} {unit or ''}")
        key = (f.incident, f.aspect, unit, anchor)
        if key not in groups:
            if f.kind != "contradiction":
                continue  # a corroboration only joins a dispute (below)
            groups[key] = _Dispute(f.incident, f.aspect, unit, anchor)
    for f in findings:
        unit = _unit(f)
        key = (
            f.incident,
            f.aspect,
            unit,
            anchors.get(f.id, f"{f.aspect} {unit or ''}"),
        )
        dispute = groups.get(key)
        if dispute is None:
            continue
        dispute.findings.append(f)
        pair = _rebutted(f)
        if pair is not None:
            claim = pair[1].assertion
            dispute.claims[claim] = dispute.claims.get(claim, 0) + 1
        for end in f.ends.values():
            value, label = _value(end, f, names)
            if pair is not None and end is pair[0]:
                value, label = _rejection(pair[1], f, names)
            held = dispute.positions.setdefault(value, (label, {}))[1]
            held[end.assertion] = end.party
            if end.published:
                dispute.dates[end.assertion] = end.published[:10]
    for dispute in groups.values():
        if local_name(dispute.aspect) == "WholeClaim":
            dispute.positions = {
                k: (_STANCES.get(k, label), held)
                for k, (label, held) in dispute.positions.items()
            }
    return [d for d in groups.values() if len(d.positions) >= 2]


def dispute_iri(incident: str, anchor: str) -> URIRef:
    """The dispute about ``anchor`` (aspect and unit, or claim group) of an incident."""
    return DATA[f"dispute/{digest(incident, anchor)}"]


def dispute_quads(dispute: _Dispute, question: str) -> list[Quad]:
    """The triples of one dispute and its positions."""
    node = dispute_iri(dispute.incident, dispute.anchor)
    confidence = max(
        (f.confidence for f in dispute.findings if f.kind == "contradiction"),
        default=0.0,
    )
    triples: list[tuple[Node, Node, Node]] = [
        (node, RDF.type, CKG.Dispute),
        (node, CKG.disputeAbout, URIRef(dispute.incident)),
        (node, CKG.disputedAspect, URIRef(dispute.aspect)),
        (node, CKG.question, Literal(question)),
        (
            node,
            CKG.disputeConfidence,
            Literal(Decimal(str(round(confidence, 3))), datatype=XSD.decimal),
        ),
    ]
    if dispute.unit:
        triples.append((node, CKG.disputedUnit, Literal(dispute.unit)))
    seen = sorted(d for d in dispute.dates.values() if d)
    if seen:
        triples += [
            (node, CKG.firstSeen, Literal(seen[0], datatype=XSD.date)),
            (node, CKG.lastSeen, Literal(seen[-1], datatype=XSD.date)),
        ]
    triples += [(node, CKG.evidence, URIRef(f.id)) for f in dispute.findings]
    for value, (label, held) in sorted(dispute.positions.items()):
        position = DATA[f"position/{digest(str(node), value)}"]
        triples += [
            (node, CKG.hasPosition, position),
            (position, RDF.type, CKG.Position),
            (position, CKG.positionValue, Literal(label)),
        ]
        triples += [(position, CKG.statedIn, URIRef(a)) for a in sorted(held)]
        triples += [
            (position, CKG.heldBy, URIRef(p)) for p in sorted(set(held.values()))
        ]
    return [(s, p, o, DEFAULT) for s, p, o in triples]


def disputes_quads(
    store: ClaimStore, incidents: Iterable[Node] | None = None
) -> list[Quad]:
    """Quads of the disputes of ``incidents`` (every incident when None)."""
    names = Names(store)
    targets: list[Node | None] = [None] if incidents is None else list(incidents)
    quads: list[Quad] = []
    for incident in targets:
        for dispute in build_disputes(store, names, incident):
            claim = names.quote(dispute.claim) if dispute.claim else ""
            event = names.get(dispute.incident, "event")
            words = question(local_name(dispute.aspect), event, dispute.unit, claim)
            quads += dispute_quads(dispute, words)
    return quads


def refresh_disputes(store: ClaimStore, incidents: Iterable[Node] | None = None) -> int:
    """Replace the disputes of ``incidents`` (all when None); returns how many."""
    if incidents is None:
        store.update(named_query("clear-all-disputes").text)
    else:
        incidents = list(dict.fromkeys(incidents))
        marks: list[Quad] = []
        for incident in incidents:
            for row in store.select(
                named_query("incident-disputes").text, {"incident": incident}
            ):
                marks.append((row["node"], CKG.rebuildPending, Literal(True), DEFAULT))
        if marks:
            store.add_quads(marks)
            store.update(named_query("clear-disputes").text)
    quads = disputes_quads(store, incidents)
    store.add_quads(quads)
    return sum(1 for q in quads if q[1] == RDF.type and q[2] == CKG.Dispute)


#: Findings disputes are built from: contradictions and corroborations are their
#: evidence, restatements group the statements of open claims. Revisions and fold
#: links change no dispute.
_DISPUTE_KINDS = (CKG.Contradiction, CKG.Corroboration, CKG.Restatement)


def touched_incidents(findings: Iterable[Quad]) -> list[Node]:
    """Incidents whose disputes detection's ``findings`` quads can change: those
    of its contradictions, corroborations and restatements."""
    quads, rdf_type, about = list(findings), RDF.type, CKG.aboutEvent
    kept = {q[0] for q in quads if q[1] == rdf_type and q[2] in _DISPUTE_KINDS}
    return list(dict.fromkeys(q[2] for q in quads if q[1] == about and q[0] in kept))
