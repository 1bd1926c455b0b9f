"""Run the SPARQL rules and store their findings as contradiction nodes.

Rules are SELECT queries (``ontology/rules/*.rq``) that return pairs of
assertions; this module turns each pair into a finding node (``ckg:Contradiction``,
``ckg:Corroboration``, ``ckg:Restatement`` or ``ckg:Revision``) with a type,
aspect, event, confidence and a one-sentence explanation, plus a direct link
between the two assertions. Finding IRIs are deterministic, so running the rules
again adds nothing.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.term import Node

from ...ontology.vocab import CKG, DATA, LEX
from ..errors import StoreError
from ..rdf import ids
from ..rdf.ids import humanise, local_name
from ..rdf.quads import DEFAULT, Quad
from ..store import ClaimStore
from .disputes import refresh_disputes
from .folds import fold_links
from .relevance import REQUIRES, best, word_overlap
from .remote_batch import remote_working_set, rule_rows
from .rules import Rule, load_rules, named_query
from .similar import SimilarPairs, note, selected
from .workset import working_set

# How much a speaker's hedging weakens a finding (FactBank certainty).
_CERTAINTY_WEIGHT = {
    str(CKG.Certain): 1.0,
    str(CKG.Probable): 0.8,
    str(CKG.Possible): 0.6,
    str(CKG.Underspecified): 0.5,
}


# Finding kind -> (class, link between the assertions, link is symmetric).
_KINDS = {
    "contradiction": (CKG.Contradiction, CKG.contradicts, True),
    "corroboration": (CKG.Corroboration, CKG.corroborates, True),
    "restatement": (CKG.Restatement, CKG.restates, True),
    "revision": (CKG.Revision, CKG.revises, False),
}


@dataclass(frozen=True)
class _Side:
    speaker: str
    side: str
    party: str
    certainty: float
    confidence: float


def _label_key(side: _Side) -> tuple[str, str, str]:
    return (side.speaker, side.side, side.party)


def rule_iri(rule: Rule) -> URIRef:
    """The node standing for a rule file in the graph."""
    return DATA[f"rule/{rule.id}"]


def _side(row: dict[str, Any]) -> _Side:
    return _Side(
        speaker=str(row.get("speaker") or "unknown speaker"),
        side=str(row.get("side") or "no side"),
        party=str(row.get("party") or row.get("side") or "no party"),
        certainty=_CERTAINTY_WEIGHT.get(str(row.get("certainty")), 0.5),
        confidence=float(row.get("confidence") or 1.0),
    )


class _Labels:
    """Looks up labels of assertions and actors once per run."""

    def __init__(self, store: ClaimStore) -> None:
        self.store = store
        self.cache: dict[str, _Side] = {}
        self.names: dict[str, str] = {}
        self.events: dict[str, str] = {}
        self.incidents: set[str] = set()

    def preload(self) -> None:
        """Look every assertion up in one query (a full run needs most of them)."""
        for row in self.store.select(named_query("assertion-label").text):
            self._keep(str(row["assertion"]), _side(row))

    def load_incident(self, incident: Node) -> None:
        """Look up every assertion about ``incident`` in one query."""
        key = str(incident)
        if key in self.incidents:
            return
        self.incidents.add(key)
        query = named_query("incident-assertion-labels").text
        for row in self.store.select(query, {"incident": incident}):
            self._keep(str(row["assertion"]), _side(row))

    def _keep(self, key: str, side: _Side) -> None:
        # A merged speaker (or its side) has several labels, one row each, in
        # whatever order the store returns them: the first in sort order wins,
        # as in the reports, so every store writes the same explanation.
        held = self.cache.get(key)
        if held is None or _label_key(side) < _label_key(held):
            self.cache[key] = side

    def side(self, assertion: Node) -> _Side:
        key = str(assertion)
        if key not in self.cache:
            rows = self.store.select(
                named_query("assertion-label").text, {"assertion": assertion}
            )
            sides = [_side(row) for row in rows] or [_side({})]
            self.cache[key] = min(sides, key=_label_key)
        return self.cache[key]

    def name(self, node: Node | None) -> str:
        if node is None:
            return ""
        key = str(node)
        if key not in self.names:
            if isinstance(node, Literal):
                self.names[key] = str(node)
            else:
                rows = self.store.select(
                    "SELECT ?l ?n WHERE { ?n skos:prefLabel ?l }", {"n": node}
                )
                self.names[key] = (
                    min(str(row["l"]) for row in rows)
                    if rows
                    else humanise(local_name(node))
                )
        return self.names[key]

    def event(self, node: Node) -> str:
        key = str(node)
        if key not in self.events:
            rows = self.store.select(
                "SELECT ?l ?e WHERE { ?e rdfs:label ?l }", {"e": node}
            )
            self.events[key] = min(str(row["l"]) for row in rows) if rows else "event"
        return self.events[key]


def _finding_quads(
    rule: Rule, row: dict[str, Any], labels: _Labels
) -> tuple[URIRef, list[Quad]]:
    a1, a2 = row["a1"], row["a2"]
    value1, value2 = row["value1"], row["value2"]
    if rule.symmetric and str(a1) > str(a2):
        # Either order is the same finding: fix one so every engine agrees.
        a1, a2, value1, value2 = a2, a1, value2, value1
    aspect, incident = row["aspect"], row["incident"]
    kind, link, both_ways = _KINDS[rule.finding]
    node = ids.finding_iri(rule.finding, str(aspect), a1, a2)
    one, two = labels.side(a1), labels.side(a2)
    confidence = (
        rule.confidence
        * min(one.certainty, two.certainty)
        * min(one.confidence, two.confidence)
    )
    explanation = rule.explain.format(
        speaker1=one.speaker,
        side1=one.side,
        party1=one.party,
        speaker2=two.speaker,
        side2=two.side,
        party2=two.party,
        value1=labels.name(value1),
        value2=labels.name(value2),
        aspect=humanise(local_name(aspect)),
        event=labels.event(incident),
    ) + note(row)
    triples: list[tuple[Node, Node, Node]] = [
        (node, RDF.type, CKG.Finding),
        (node, RDF.type, kind),
        (node, CKG.between, a1),
        (node, CKG.between, a2),
        (node, CKG.conflictType, LEX[rule.type]),
        (node, CKG.contestedAspect, aspect),
        (node, CKG.aboutEvent, incident),
        (
            node,
            CKG.confidence,
            Literal(Decimal(str(round(confidence, 3))), datatype=XSD.decimal),
        ),
        (node, CKG.explanation, Literal(explanation)),
        (node, CKG.byRule, rule_iri(rule)),
        (rule_iri(rule), RDF.type, CKG.Rule),
        (rule_iri(rule), RDFS.label, Literal(rule.id)),
        (rule_iri(rule), RDFS.comment, Literal(rule.purpose)),
    ]
    triples.append((a1, link, a2))
    if both_ways:
        triples.append((a2, link, a1))
    if rule.link:
        triples.append((a1, CKG[rule.link], a2))
    return node, [(s, p, o, DEFAULT) for s, p, o in triples]


def find(
    store: ClaimStore,
    articles: Iterable[URIRef] | None = None,
    rules: Iterable[Rule] | None = None,
    *,
    pending: list[Quad] | None = None,
    similar: SimilarPairs | None = None,
    staged: list[Any] | None = None,
) -> list[Quad]:
    """Quads of every finding involving ``articles`` (all articles if None), and
    the ``ckg:foldedInto`` links they call for (:func:`graph.detect.folds.fold_links`).

    ``pending`` are the articles' quads, not written yet: only an embedded store
    can read them with its own (see :func:`graph.detect.workset.working_set`,
    which also takes ``staged``, the same quads converted for pyoxigraph).
    ``similar`` also lets the open rules pick candidates by sentence similarity
    (:mod:`graph.detect.similar`).
    """
    # Millions of long-lived tuples make the cyclic GC rescan the heap again and
    # again (cost growing with the store); nothing built here forms cycles.
    enabled = gc.isenabled()
    gc.disable()
    try:
        if articles is not None:
            targets = list(articles)
            # An embedded store checks new articles on a copy of their incidents.
            local = working_set(store, targets, pending or (), staged=staged)
            if local is None and pending:  # a server: rules run on a fetched copy
                local = remote_working_set(store, targets, pending)
            if local is None and pending:
                raise StoreError(
                    f"Store {store.location} cannot check articles before they are "
                    "written; only the embedded Oxigraph store can."
                )
            found = _find(store if local is None else local, targets, rules, similar)
        else:
            found = _find(store, articles, rules, similar)
        return found + fold_links(store, found)
    finally:
        if enabled:
            gc.enable()


def _find(
    store: ClaimStore,
    articles: Iterable[URIRef] | None,
    rules: Iterable[Rule] | None,
    similar: SimilarPairs | None = None,
) -> list[Quad]:
    labels = _Labels(store)
    if articles is None:
        labels.preload()
    quads: dict[Quad, None] = {}
    seen: set[URIRef] = set()
    targets: list[URIRef | None] = list(articles) if articles is not None else [None]
    matches: list[tuple[Rule, dict[str, Any]]] = []
    chosen = rules if rules is not None else load_rules()
    for rule, found in rule_rows(store, chosen, targets):
        rows = [
            row
            for row in found
            if row["a1"] != row["a2"]
            and (
                rule.similarity is None
                or word_overlap(str(row["value1"]), str(row["value2"]), names=False)
                >= rule.similarity
            )
            and (
                rule.require is None
                or REQUIRES[rule.require](str(row["value1"]), str(row["value2"]))
            )
        ]
        if rule.select == "best":
            rows = selected(rule, found, best(rows), similar)
        matches += [(rule, row) for row in rows]
    # Rules that select the best candidate are fallbacks for propositions no
    # aspect is recognised for: a pair another rule reports is left to it.
    paired = {
        frozenset((row["a1"], row["a2"])) for rule, row in matches if not rule.select
    }
    matches = [
        (rule, row)
        for rule, row in matches
        if not rule.select or frozenset((row["a1"], row["a2"])) not in paired
    ]
    if articles is not None:
        for incident in dict.fromkeys(row["incident"] for _, row in matches):
            labels.load_incident(incident)
    for rule, row in matches:
        node, new = _finding_quads(rule, row, labels)
        if node in seen:
            continue
        seen.add(node)
        quads.update(dict.fromkeys(new))
    return list(quads)


def refresh(
    store: ClaimStore,
    rules: Iterable[Rule] | None = None,
    similar: SimilarPairs | None = None,
) -> int:
    """Delete all findings and run every rule (default :func:`load_rules`) over
    the whole store again."""
    store.update(named_query("clear-findings").text)
    quads = find(store, rules=rules, similar=similar)
    store.add_quads(quads)
    refresh_disputes(store)
    return sum(1 for q in quads if q[1] == RDF.type and q[2] == CKG.Finding)
