"""Incident working sets: the part of an embedded store a new article's rules need.

Rules only pair assertions about one incident. Oxigraph plans a query before it
applies the bound ``?article``, so on a large store a rule can still scan
store-wide patterns, and checking one article costs more as the store grows.
Copying the article's incidents (their events, assertions, claim graphs and what
those point to, three links deep; actors with their names, kind and side but not
their mentions) into a small in-memory store, with the ontology, and running the
unchanged rules there keeps that cost flat. Only embedded stores get this;
remote stores evaluate rules on the server.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import chain
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, URIRef
from rdflib.namespace import SKOS

from ...ontology.vocab import CKG, PROV
from ..rdf.quads import Quad
from ..store import ClaimStore, oxigraph_store, to_oxigraph
from ..store.ontology import ontology_quads

#: Links followed from the incident's events and assertions.
DEPTH = 3
_DEFAULT = ox.DefaultGraph()


@lru_cache(maxsize=1)
def _ontology() -> tuple[tuple[Any, ...], frozenset[Any]]:
    """The ontology as pyoxigraph quads, and its subjects (never followed)."""
    quads = tuple(to_oxigraph(ontology_quads()))
    return quads, frozenset(q.subject for q in quads)


_DERIVED = ox.NamedNode(str(PROV.wasDerivedFrom))
_INCIDENT = ox.NamedNode(str(CKG.incident))
_ABOUT = ox.NamedNode(str(CKG.aboutEvent))
_NESTED = ox.NamedNode(str(CKG.nestedIn))
_CONTENT = ox.NamedNode(str(CKG.hasContent))
_TYPE = ox.NamedNode(str(RDF.type))
_ASSERTION = ox.NamedNode(str(CKG.Assertion))
_ACTOR = ox.NamedNode(str(CKG.Actor))
#: What an actor brings along: names, kind, side and party, not its mentions in every
#: article (``gaf:denotedBy``), which no rule needs and which grow with the store.
_ACTOR_FIELDS = tuple(
    ox.NamedNode(str(p))
    for p in (
        RDF.type,
        SKOS.prefLabel,
        SKOS.altLabel,
        CKG.actorKind,
        CKG.roleLabel,
        CKG.side,
        CKG.party,
        PROV.actedOnBehalfOf,
    )
)


def _outgoing(inner: Any, node: Any) -> Iterable[Any]:
    # Iterators chained in C, not generators: this runs for every quad copied.
    if ox.Quad(node, _TYPE, _ACTOR, _DEFAULT) in inner:
        return chain.from_iterable(
            inner.quads_for_pattern(node, predicate, None, _DEFAULT)
            for predicate in _ACTOR_FIELDS
        )
    return inner.quads_for_pattern(node, None, None, _DEFAULT)  # type: ignore[no-any-return]


def _objects(inner: Any, subject: Any, predicate: Any) -> list[Any]:
    return [
        q.object for q in inner.quads_for_pattern(subject, predicate, None, _DEFAULT)
    ]


def _subjects(inner: Any, predicate: Any, obj: Any) -> list[Any]:
    return [q.subject for q in inner.quads_for_pattern(None, predicate, obj, _DEFAULT)]


def _roots(inner: Any, articles: Iterable[URIRef]) -> list[Any]:
    """The articles' own nodes, and the events and assertions of their incidents."""
    roots: dict[Any, None] = {}
    for article in articles:
        for node in _subjects(inner, _DERIVED, ox.NamedNode(str(article))):
            roots[node] = None
    incidents = {
        incident
        for node in list(roots)
        for event in [node, *_objects(inner, node, _ABOUT)]
        for incident in _objects(inner, event, _INCIDENT)
    }
    for incident in incidents:
        roots[incident] = None
        for event in _subjects(inner, _INCIDENT, incident):
            roots[event] = None
            for assertion in _subjects(inner, _ABOUT, event):
                if ox.Quad(assertion, _TYPE, _ASSERTION, _DEFAULT) not in inner:
                    continue  # a finding about the incident
                roots[assertion] = None
                # Claims reported inside it ("rejected X's claim that ...").
                roots.update(dict.fromkeys(_subjects(inner, _NESTED, assertion)))
    return list(roots)


class _Overlay:
    """A store and the quads about to be written to it, read as one."""

    def __init__(self, *parts: Any) -> None:
        self.parts = parts

    def quads_for_pattern(self, *pattern: Any) -> Iterable[Any]:
        return chain.from_iterable(
            part.quads_for_pattern(*pattern) for part in self.parts
        )

    def __contains__(self, quad: Any) -> bool:
        return any(quad in part for part in self.parts)


def working_set(
    store: ClaimStore,
    articles: Iterable[URIRef],
    pending: Iterable[Quad] = (),
    *,
    staged: Sequence[Any] | None = None,
) -> ClaimStore | None:
    """An in-memory store holding what rules need to check ``articles``.

    ``pending`` are quads not written yet (the articles themselves), read as if
    they were in ``store``: the articles and their findings can then be written
    in one transaction. ``staged``, if given, are the same quads already as
    pyoxigraph quads (:func:`~claimgraph.graph.store.to_oxigraph`), so the
    caller converts them once for this and for the write. None when ``store``
    is not embedded Oxigraph (query it directly instead).
    """
    inner: Any = store.oxigraph
    if inner is None:
        return None
    waiting = list(staged) if staged is not None else to_oxigraph(pending)
    if waiting:
        overlay = ox.Store()
        overlay.extend(waiting)
        inner = _Overlay(inner, overlay)
    ontology, skip = _ontology()
    quads: list[Any] = []
    seen: set[Any] = set()
    frontier = _roots(inner, articles)
    for _ in range(DEPTH + 1):
        following: list[Any] = []
        for node in frontier:
            if node in seen or node in skip:
                continue
            seen.add(node)
            for quad in _outgoing(inner, node):
                quads.append(quad)
                if quad.predicate == _CONTENT:
                    # A claim graph comes whole: its values point further.
                    for inside in inner.quads_for_pattern(
                        None, None, None, quad.object
                    ):
                        quads.append(inside)
                        following.append(inside.subject)
                        if not isinstance(inside.object, ox.Literal):
                            following.append(inside.object)
                if not isinstance(quad.object, ox.Literal):
                    following.append(quad.object)
        frontier = following
    memory = ox.Store()
    memory.extend(ontology)
    memory.extend(quads)
    return oxigraph_store(memory, f"{store.location} (working set)", "memory")
