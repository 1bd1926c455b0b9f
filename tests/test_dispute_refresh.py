"""Disputes rebuilt per incident at ingest match a full rebuild (no model needed)."""

from __future__ import annotations

import itertools

import pytest
from rdflib import RDF, URIRef

from claimgraph.graph.detect.disputes import refresh_disputes, touched_incidents
from claimgraph.graph.detect.folds import Statements
from claimgraph.graph.pipeline import ingest_extraction
from claimgraph.graph.rdf.quads import DEFAULT
from claimgraph.graph.store import ClaimStore, open_store
from claimgraph.graph.store.ontology import ensure_ontology
from claimgraph.ontology.vocab import CKG
from tests.builders import ArticleBuilder

DISPUTE_TRIPLES = (
    "SELECT ?s ?p ?o WHERE { { ?s a ckg:Dispute } UNION "
    "{ ?d ckg:hasPosition ?s } ?s ?p ?o }"
)


def dispute_triples(store: ClaimStore) -> set[tuple[str | None, ...]]:
    return {tuple(row.values()) for row in store.select_values(DISPUTE_TRIPLES)}


def border_report(name: str, killed: float, outlet: str = "") -> ArticleBuilder:
    """Atlantis and Borduria blame each other; Atlantis counts the dead."""
    b = ArticleBuilder(name, date="2026-05-01", published="2026-05-02")
    army = b.org(f"Atlantis army{outlet}", "Atlantis")
    ministry = b.org("Bordurian ministry", "Borduria")
    b.say(
        army,
        "Borduria fired the first missile at the border post",
        values=[("Responsibility", {"actor": "state:borduria"})],
    )
    b.say(
        ministry,
        "Atlantis fired first",
        values=[("Responsibility", {"actor": "state:atlantis"})],
    )
    b.say(
        army,
        f"{killed:.0f} soldiers were killed in the attack on the post",
        values=[("Casualties", {"number": killed, "unit": "dead"})],
    )
    b.say(ministry, "notice was given", values=[("AdvanceNotice", {"positive": True})])
    return b


def strike_report(name: str) -> ArticleBuilder:
    """Another incident: Lilliput and Blefuscu over a strike, with a rebuttal."""
    b = ArticleBuilder(
        name,
        event_type="Strike",
        event_label="the harbour strike",
        participants=("Lilliput", "Blefuscu"),
        date="2026-09-20",
        published="2026-09-21",
    )
    union = b.org("Lilliput dockers union", "Lilliput")
    port = b.org("Blefuscu port authority", "Blefuscu")
    b.say(
        union,
        "Blefuscu caused the strike",
        values=[("Responsibility", {"actor": "state:blefuscu"})],
    )
    rejection = b.say(
        port,
        "the union's claim that the port had cut wages",
        cue="rejected",
        cue_class="Reject",
        polarity="negative",
    )
    b.say(union, "the port had cut wages", cue="claim", parent=rejection)
    b.say(
        port,
        "Lilliput caused the strike",
        values=[("Responsibility", {"actor": "state:lilliput"})],
    )
    return b


ARTICLES = [
    border_report("wire-one", 7),
    strike_report("harbour-news"),
    border_report("wire-two", 3),
    # Another outlet carries wire-one's statements: restatements, folded.
    border_report("wire-three", 7, outlet=""),
    border_report("wire-four", 12, outlet=" command"),
]


@pytest.fixture
def store() -> ClaimStore:
    opened = open_store(":memory:")
    ensure_ontology(opened)
    for item in ARTICLES:
        ingest_extraction(opened, item.build())
    return opened


def test_incremental_disputes_equal_a_full_rebuild(store: ClaimStore) -> None:
    incremental = dispute_triples(store)
    kinds = {
        str(row["k"])
        for row in store.select_values("SELECT ?k WHERE { ?f a ckg:Finding , ?k }")
    }
    # The inputs exercise what disputes read: both kinds of evidence and the
    # restatements that group statements.
    assert {str(CKG.Contradiction), str(CKG.Restatement)} <= kinds
    incidents = [
        URIRef(str(row["i"]))
        for row in store.select_values(
            "SELECT DISTINCT ?i WHERE { ?d ckg:disputeAbout ?i }"
        )
    ]
    assert len(incidents) == 2
    assert refresh_disputes(store) >= 3
    assert dispute_triples(store) == incremental
    for incident in reversed(incidents):
        refresh_disputes(store, [incident])
    assert dispute_triples(store) == incremental
    assert not store.ask("ASK { ?n ckg:rebuildPending ?x }")


def test_ingest_rebuilds_only_incidents_that_gained_evidence() -> None:
    finding = URIRef("urn:f:contradiction")
    revision = URIRef("urn:f:revision")
    restated = URIRef("urn:f:restatement")
    quads = [
        (finding, RDF.type, CKG.Finding, DEFAULT),
        (finding, RDF.type, CKG.Contradiction, DEFAULT),
        (finding, CKG.aboutEvent, URIRef("urn:incident:1"), DEFAULT),
        (revision, RDF.type, CKG.Finding, DEFAULT),
        (revision, RDF.type, CKG.Revision, DEFAULT),
        (revision, CKG.aboutEvent, URIRef("urn:incident:2"), DEFAULT),
        (restated, RDF.type, CKG.Restatement, DEFAULT),
        (restated, CKG.aboutEvent, URIRef("urn:incident:3"), DEFAULT),
    ]
    assert touched_incidents(quads) == [
        URIRef("urn:incident:1"),
        URIRef("urn:incident:3"),
    ]


@pytest.mark.parametrize(
    "pairs",
    list(itertools.permutations([("c", "d"), ("b", "c"), ("d", "a"), ("x", "y")])),
)
def test_restated_groups_are_named_by_their_lowest_iri(
    pairs: tuple[tuple[str, str], ...],
) -> None:
    groups = Statements(pairs)
    assert {key: groups.find(key) for key in "abcdxy"} == {
        "a": "a",
        "b": "a",
        "c": "a",
        "d": "a",
        "x": "x",
        "y": "x",
    }
