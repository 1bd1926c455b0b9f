"""Ingest into a remote SPARQL server with few requests per article.

On a server (Virtuoso) each rule query is a request whose cost grows with the
store, and each write is a request too. So, for each new article:

- :func:`remote_working_set` fetches the part of the server's data its rules
  can reach (a few requests) and the rules run on that copy in memory, as on
  the embedded store;
- the article and its findings are one update request, sent in the background
  (:func:`write_later`) while the next article is extracted; :func:`settle`
  waits for it before the store is used again.

:func:`rule_rows` runs whole-store rule queries (``claimgraph detect``) side by
side, so they overlap on the server.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from rdflib import URIRef
from rdflib.namespace import PROV
from rdflib.term import Node

from ...ontology.vocab import CKG
from ..rdf.quads import DEFAULT, Quad
from ..store import ClaimStore, oxigraph_store, to_oxigraph
from .requirements import may_match
from .rules import Rule
from .workset import _ACTOR_FIELDS

#: Requests in flight at once: enough to overlap, few enough for a small server.
PARALLEL = 4


def rule_rows(
    store: ClaimStore, rules: Iterable[Rule], targets: Sequence[URIRef | None]
) -> Iterator[tuple[Rule, list[dict[str, Any]]]]:
    """Each (rule, rows) for every target article, in rule then target order.

    Locally one query at a time (only one rule's rows are held at once).
    """
    jobs = [
        (rule, {"article": article} if article is not None else {})
        for rule in rules
        for article in targets
    ]
    if store.endpoint is None or len(jobs) < 2:
        for rule, bindings in jobs:
            # A rule whose patterns find nothing here is not parsed and planned.
            rows = (
                store.select(rule.text, bindings) if may_match(store, rule.text) else []
            )
            yield rule, rows
        return
    with ThreadPoolExecutor(PARALLEL, thread_name_prefix="claimgraph-rule") as pool:
        results = list(pool.map(lambda job: store.select(job[0].text, job[1]), jobs))
    for (rule, _), rows in zip(jobs, results, strict=True):
        yield rule, rows


# --- a working set fetched from the server ------------------------------------

#: IRIs per VALUES block: keeps each request well inside servers' limits.
CHUNK = 200


def _values(nodes: Iterable[Node]) -> str:
    return " ".join(node.n3() for node in nodes)


def _chunks(items: list[Node]) -> Iterator[list[Node]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def remote_working_set(
    store: ClaimStore, articles: Iterable[URIRef], pending: Iterable[Quad]
) -> ClaimStore | None:
    """:func:`.workset.working_set` for a store on a SPARQL server.

    The part of the server's data the rules could reach from the articles'
    incidents (the same links, as deep) is fetched level by level, a few
    requests per article, into memory with ``pending``; the working set is
    then cut from that copy exactly as from an embedded store. Rules and label
    lookups then run locally: on a server each rule is a request whose cost
    grows with the store. None when ``store`` is not remote.
    """
    import pyoxigraph as ox

    from .workset import DEPTH, _ontology, working_set

    if store.endpoint is None:
        return None
    targets = list(articles)
    staged = list(pending)
    copy = ox.Store()
    copy.extend(to_oxigraph(staged))
    mirror = oxigraph_store(copy, f"{store.location} (copy)", "memory")
    incidents = {o for s, p, o, _ in staged if p == CKG.incident}
    roots: dict[Node, None] = dict.fromkeys(incidents)
    roots.update(dict.fromkeys(s for s, p, o, _ in staged if p == PROV.wasDerivedFrom))
    for group in _chunks(sorted(incidents, key=str)):
        query = (
            "SELECT DISTINCT ?n WHERE { VALUES ?inc { " + _values(group) + " } "
            "?e ckg:incident ?inc . { BIND (?e AS ?n) } UNION "
            "{ ?n ckg:aboutEvent ?e . ?n a ckg:Assertion } UNION "
            "{ ?a ckg:aboutEvent ?e . ?a a ckg:Assertion . ?n ckg:nestedIn ?a } }"
        )
        roots.update(dict.fromkeys(row["n"] for row in store.select(query)))
    _, skip = _ontology()
    skipped = {URIRef(n.value) for n in skip if isinstance(n, ox.NamedNode)}
    fields = " ".join(f"<{p.value}>" for p in _ACTOR_FIELDS)
    seen: set[Node] = set()
    # The article's own nodes (actors, events, values...) may exist on the
    # server too: start from all of them, a superset of what rules reach.
    frontier: list[Node] = [n for n in roots if isinstance(n, URIRef)]
    frontier += [n for q in staged for n in (q[0], q[2]) if isinstance(n, URIRef)]
    for _ in range(DEPTH + 1):
        level = [
            n for n in dict.fromkeys(frontier) if n not in seen and n not in skipped
        ]
        seen.update(level)
        following: list[Node] = []
        graphs: list[Node] = []
        fetched: list[Quad] = []
        for group in _chunks(level):
            query = (
                "SELECT ?s ?p ?o WHERE { VALUES ?s { " + _values(group) + " } "
                "?s ?p ?o FILTER (?p IN (" + fields.replace(" ", ", ") + ") "
                "|| NOT EXISTS { ?s a ckg:Actor }) }"
            )
            for row in store.select(query):
                fetched.append((row["s"], row["p"], row["o"], DEFAULT))
        for _s, p, o, _ in fetched:
            if p == CKG.hasContent:
                graphs.append(o)
            if isinstance(o, URIRef):
                following.append(o)
        for group in _chunks(sorted(set(graphs) - seen, key=str)):
            seen.update(group)
            query = (
                "SELECT ?g ?s ?p ?o WHERE { VALUES ?g { " + _values(group) + " } "
                "GRAPH ?g { ?s ?p ?o } }"
            )
            for row in store.select(query):
                fetched.append((row["s"], row["p"], row["o"], row["g"]))
                following.append(row["s"])
                if isinstance(row["o"], URIRef):
                    following.append(row["o"])
        copy.extend(to_oxigraph(fetched))
        frontier = following
    return working_set(mirror, targets, ())


# --- writes that overlap the next article's extraction -------------------------

_WRITES: dict[int, Future[None]] = {}
_WRITER: list[ThreadPoolExecutor] = []


def write_later(store: ClaimStore, quads: list[Quad]) -> None:
    """Send ``quads`` to the server in the background (one request).

    The server stores them while this process extracts the next article; the
    next call that reads or writes the store must first :func:`settle`.
    """
    settle(store)
    if not _WRITER:
        _WRITER.append(ThreadPoolExecutor(1, thread_name_prefix="claimgraph-write"))
    _WRITES[id(store)] = _WRITER[0].submit(store.add_quads, quads)


def settle(store: ClaimStore) -> None:
    """Wait for the background write to ``store``; raise its error if it failed."""
    future = _WRITES.pop(id(store), None)
    if future is not None:
        future.result()
