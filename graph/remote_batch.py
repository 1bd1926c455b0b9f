"""Run an article's rule queries side by side on a remote SPARQL server.

On the embedded store the rules run one after the other in this process, on a
small working set. On a server (Virtuoso) each rule is one HTTP request whose
time is mostly the server's planning and evaluation; sent together, they
overlap, and checking an article takes about as long as its slowest rule
instead of the sum of all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from rdflib import URIRef

from graph.rules import Rule
from graph.store import ClaimStore

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
            yield rule, store.select(rule.text, bindings)
        return
    with ThreadPoolExecutor(PARALLEL, thread_name_prefix="claimgraph-rule") as pool:
        results = list(pool.map(lambda job: store.select(job[0].text, job[1]), jobs))
    for (rule, _), rows in zip(jobs, results, strict=True):
        yield rule, rows
