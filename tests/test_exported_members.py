"""The package root exports exactly the public API, sorted (httpx's test)."""

from __future__ import annotations

import claimgraph
from claimgraph import graph


def test_all_is_sorted_and_every_name_resolves() -> None:
    assert claimgraph.__all__ == sorted(claimgraph.__all__)
    assert graph.__all__ == sorted(graph.__all__)
    for name in claimgraph.__all__:
        assert getattr(claimgraph, name) is not None, name


def test_root_exports_the_whole_graph_api() -> None:
    assert set(claimgraph.__all__) == set(graph.__all__) | {"__version__"}
    assert claimgraph.ClaimGraph is graph.ClaimGraph


def test_exported_classes_say_where_they_live() -> None:
    exported = {
        name
        for name in claimgraph.__all__
        if isinstance(getattr(claimgraph, name), type)
    }
    for name in exported:
        assert getattr(claimgraph, name).__module__.startswith("claimgraph.graph.")
