"""Load the ontology and lexicons into the store, so rules and users can query them."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from rdflib import Graph, Literal

from ...ontology import resource
from ...ontology.vocab import DCTERMS, ONTOLOGY
from ..errors import OntologyError
from ..rdf.quads import DEFAULT, Quad
from .base import ClaimStore


def ontology_files() -> list[tuple[str, str]]:
    """``ckg.ttl`` and every lexicon file, as (name, text), in a stable order."""
    items = [("ckg.ttl", resource("ckg.ttl").read_text(encoding="utf-8"))]
    lexicon = resource("lexicon")
    if lexicon.is_dir():
        items += sorted(
            (f"lexicon/{entry.name}", entry.read_text(encoding="utf-8"))
            for entry in lexicon.iterdir()
            if entry.name.endswith(".ttl")
        )
    return items


@lru_cache(maxsize=1)
def ontology_quads() -> tuple[Quad, ...]:
    """The ontology and lexicons as default-graph quads, tagged with a content hash."""
    graph = Graph()
    sha = hashlib.sha256()
    for name, text in ontology_files():
        sha.update(text.encode("utf-8"))
        try:
            graph.parse(data=text, format="turtle")
        except Exception as exc:  # noqa: BLE001 - rdflib raises several parser errors
            raise OntologyError(f"ontology/{name} is not valid Turtle: {exc}") from exc
    graph.add((ONTOLOGY, DCTERMS.hasVersion, Literal(sha.hexdigest()[:16])))
    return tuple((s, p, o, DEFAULT) for s, p, o in sorted(graph))


def ensure_ontology(store: ClaimStore) -> bool:
    """Add the ontology to ``store`` unless this version is there; True if added."""
    quads = ontology_quads()
    version = next(o for s, p, o, _ in quads if p == DCTERMS.hasVersion)
    if store.ask("ASK { ?o dcterms:hasVersion ?v }", {"o": ONTOLOGY, "v": version}):
        return False
    store.add_quads(quads)
    return True
