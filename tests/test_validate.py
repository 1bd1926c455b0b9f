"""SHACL validation catches broken data, not just passes good data."""

from __future__ import annotations

import pytest
from rdflib import Literal

from claimgraph.graph.detect.validate import validate_store
from claimgraph.graph.errors import ValidationFailed
from claimgraph.graph.rdf.build import extraction_quads
from claimgraph.graph.rdf.quads import DEFAULT
from claimgraph.graph.store import open_store
from claimgraph.ontology.vocab import NIF
from tests.builders import ArticleBuilder


def _quads() -> list:
    b = ArticleBuilder("v.txt")
    army = b.org("Atlantis army", "Atlantis")
    b.say(army, "the border is closed")
    return extraction_quads(b.build())


def test_built_graph_conforms() -> None:
    store = open_store(":memory:")
    store.add_quads(_quads())
    assert validate_store(store).triples > 20


def test_anchor_that_does_not_match_the_text_is_a_violation() -> None:
    quads = _quads()
    broken = [
        (s, p, Literal("something else"), g)
        if p == NIF.anchorOf and "char=0," in str(s)
        else (s, p, o, g)
        for s, p, o, g in quads
    ]
    store = open_store(":memory:")
    store.add_quads(broken)
    with pytest.raises(ValidationFailed, match="anchorOf is not the article text"):
        validate_store(store)


def test_assertion_without_speaker_is_a_violation() -> None:
    from claimgraph.ontology.vocab import PROV

    quads = [q for q in _quads() if q[1] != PROV.wasAttributedTo]
    store = open_store(":memory:")
    store.add_quads(quads)
    with pytest.raises(ValidationFailed, match="SHACL violations"):
        validate_store(store)
    assert DEFAULT is not None
