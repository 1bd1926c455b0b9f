"""Rules skipped when the store lacks a pattern they must match
(graph/detect/requirements.py): the skip never changes what the rules find."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from claimgraph.graph.detect.detection import find
from claimgraph.graph.detect.requirements import may_match, requirements
from claimgraph.graph.detect.rules import load_rules
from claimgraph.graph.rdf.quads import DEFAULT
from claimgraph.graph.store import open_store
from claimgraph.graph.store.ontology import ensure_ontology
from tests.test_rules import every_kind_of_finding

CKG = "https://w3id.org/claimgraph/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.mark.parametrize(
    ("query", "needed"),
    [
        ("SELECT ?a WHERE { ?a ckg:polarity ?p }", {(CKG + "polarity", None)}),
        (
            "SELECT ?a WHERE { ?a a ckg:Assertion }",
            {(RDF_TYPE, CKG + "Assertion")},
        ),
        # A path needs each step; OPTIONAL, FILTER and MINUS's right side nothing.
        (
            "SELECT ?a WHERE { ?a ckg:aboutEvent/ckg:incident ?i "
            "OPTIONAL { ?a ckg:hasContent ?g } "
            "FILTER NOT EXISTS { ?a ckg:rejectsClaim ?c } "
            "MINUS { ?a ckg:nestedIn ?b } }",
            {(CKG + "aboutEvent", None), (CKG + "incident", None)},
        ),
        # A UNION needs what both sides need.
        (
            "SELECT ?a WHERE { { ?a ckg:party ?p ; ckg:side ?s } "
            "UNION { ?a ckg:party ?p } }",
            {(CKG + "party", None)},
        ),
        # Zero-length paths, alternatives and aggregates need nothing.
        ("SELECT ?a WHERE { ?a skos:broader* ?b }", set()),
        ("SELECT ?a WHERE { ?a ckg:party|ckg:side ?b }", set()),
        ("SELECT (COUNT(*) AS ?n) WHERE { ?a ckg:party ?b }", set()),
        ("not SPARQL", set()),
    ],
)
def test_requirements(query: str, needed: set[tuple[str, str | None]]) -> None:
    assert requirements(query) == needed


def test_may_match_looks_in_every_graph() -> None:
    store = open_store(":memory:")
    query = "SELECT ?v WHERE { GRAPH ?g { ?v ckg:valueActor ?x } }"
    assert not may_match(store, query)
    node = URIRef("https://example.org/v")
    graph = URIRef("https://example.org/g")
    store.add_quads([(node, URIRef(CKG + "valueActor"), node, graph)])
    assert may_match(store, query)
    assert not may_match(store, "SELECT ?a WHERE { ?a a ckg:Assertion }")
    store.add_quads([(node, URIRef(RDF_TYPE), Literal("x"), DEFAULT)])
    assert not may_match(store, "SELECT ?a WHERE { ?a a ckg:Assertion }")


def test_skipped_rules_find_nothing() -> None:
    """On a store with every kind of finding, a rule is only skipped where it
    returns no row, and every rule runs."""
    store = open_store(":memory:")
    ensure_ontology(store)
    for rule in load_rules():
        if not may_match(store, rule.text):
            assert store.select(rule.text) == []
    every_kind_of_finding(store)
    assert all(may_match(store, rule.text) for rule in load_rules())
    assert find(store)
