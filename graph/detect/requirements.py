"""What a rule query needs in the data to return a row: rules that cannot are skipped.

Oxigraph spends a millisecond or more parsing and planning each rule query,
whatever the data: on an article's small working set that is most of a rule's
cost, and many rules cannot match there at all (no duration stated, no
rebuttal). Every triple pattern a query must match (outside OPTIONAL, MINUS's
right side, FILTER and aggregates; in both sides of a UNION) names a
predicate, and sometimes a class or other IRI object, that some quad of the
store must have for any row to come back. Looking those up is a few index
probes. The requirements are read from the query text itself (rdflib's
algebra), so they follow the rules as they change; a query the reader does not
follow is always run.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from rdflib import URIRef
from rdflib.paths import InvPath, MulPath, OneOrMore, SequencePath

from ...ontology.vocab import PREFIXES
from ..store import ClaimStore

#: (predicate, object IRI or None): some quad must match it.
Requirement = tuple[str, str | None]
#: Algebra nodes whose solutions all come from their ``p``: their requirements.
#: Not aggregates: ``COUNT`` over nothing is still a row.
_THROUGH = {
    "SelectQuery",
    "Project",
    "Distinct",
    "Reduced",
    "Filter",
    "Extend",
    "Graph",
    "Slice",
    "OrderBy",
}


def _path(path: Any) -> set[Requirement]:
    """Predicates every match of a property path uses."""
    if isinstance(path, URIRef):
        return {(str(path), None)}
    if isinstance(path, SequencePath):
        return {need for step in path.args for need in _path(step)}
    if isinstance(path, InvPath):
        return _path(path.arg)
    if isinstance(path, MulPath) and path.mod == OneOrMore:
        return _path(path.path)
    return set()  # alternatives, negated paths, zero-length paths


def _required(node: Any) -> set[Requirement]:
    name = getattr(node, "name", None)
    if name == "BGP":
        needs: set[Requirement] = set()
        for _, predicate, obj in node.triples:
            if isinstance(predicate, URIRef):
                needs.add(
                    (str(predicate), str(obj) if isinstance(obj, URIRef) else None)
                )
            else:
                needs |= _path(predicate)
        return needs
    if name == "Join":
        return _required(node.p1) | _required(node.p2)
    if name == "Union":  # what both sides need
        return _required(node.p1) & _required(node.p2)
    if name in ("LeftJoin", "Minus"):
        return _required(node.p1)
    if name in _THROUGH:
        return _required(node.p)
    return set()


@lru_cache(maxsize=256)
def requirements(text: str) -> frozenset[Requirement]:
    """The patterns some quad must match for the SELECT ``text`` to return a row
    (empty when the query is not one this reader follows)."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        query = prepareQuery(text, initNs=PREFIXES)
    except Exception:  # noqa: BLE001 - unreadable here: Oxigraph decides
        return frozenset()
    algebra = query.algebra
    if algebra.name != "SelectQuery" or algebra.get("datasetClause"):
        return frozenset()
    return frozenset(_required(algebra))


def may_match(store: ClaimStore, text: str) -> bool:
    """False only when the query ``text`` certainly returns no row on ``store``
    (an embedded store: elsewhere each lookup would be a request)."""
    inner = store.oxigraph
    if inner is None:
        return True
    import pyoxigraph as ox

    for predicate, obj in requirements(text):
        pattern = inner.quads_for_pattern(
            None, ox.NamedNode(predicate), None if obj is None else ox.NamedNode(obj)
        )
        if next(iter(pattern), None) is None:
            return False
    return True
