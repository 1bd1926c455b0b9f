"""Whole-dataset export (TriG, N-Quads), Gephi delegation, atomic writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from rdflib import RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from claimgraph.graph.errors import CkgError, StoreError
from claimgraph.graph.render.export import export_store, store_quads, write_atomically
from claimgraph.graph.store import ClaimStore
from tests.fixtures_graph import disputed, three_sides

NAMED = URIRef("https://w3id.org/claimgraph/id/test/graph")


def rdflib_parser(func: Any) -> Any:
    """rdflib 7.6 parses TriG/N-Quads through its own deprecated internals."""
    for message in (
        "ConjunctiveGraph is deprecated",
        "Dataset.default_context is deprecated",
    ):
        func = pytest.mark.filterwarnings(f"ignore:{message}:DeprecationWarning")(func)
    return func


def with_awkward_terms(store: ClaimStore) -> ClaimStore:
    """Blank nodes, a language tag, quotes and newlines, in two graphs."""
    node = BNode()
    default = DATASET_DEFAULT_GRAPH_ID
    store.add_quads(
        [
            (node, RDFS.label, Literal("d\u00e9menti", lang="fr"), default),
            (node, RDFS.comment, Literal('a "quoted"\nline </script>'), NAMED),
            (NAMED, RDFS.seeAlso, node, NAMED),
        ]
    )
    return store


def rdf11(term: Any) -> Any:
    # In RDF 1.1 "x" and "x"^^xsd:string are one literal; Oxigraph returns the
    # second, rdflib's parser the first.
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def graphs(quads: Any) -> dict[str, Graph]:
    """One rdflib Graph per graph name (``""`` for the default graph)."""
    out: dict[str, Graph] = {}
    for s, p, o, g in quads:
        name = "" if g is None or g == DATASET_DEFAULT_GRAPH_ID else str(g)
        out.setdefault(name, Graph()).add((s, p, rdf11(o)))
    return out


@rdflib_parser
@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_round_trip_through_rdflib(tmp_path: Path, fmt: str) -> None:
    store = with_awkward_terms(three_sides())
    out = tmp_path / f"store.{fmt}"
    count = export_store(store, out, fmt)
    assert count == len(store) == len(store_quads(store))
    parsed = Dataset()
    parsed.parse(data=out.read_text(encoding="utf-8"), format=fmt)
    back = list(parsed.quads((None, None, None, None)))
    assert len(back) == count
    expected, actual = graphs(store_quads(store)), graphs(back)
    assert sorted(actual) == sorted(expected)
    assert len(expected) > 2  # the default graph and several named graphs
    for name, graph in expected.items():
        assert isomorphic(graph, actual[name]), name


def test_trig_keeps_named_graphs_apart(tmp_path: Path) -> None:
    out = tmp_path / "store.trig"
    export_store(disputed(), out, "trig")
    text = out.read_text(encoding="utf-8")
    # The default graph, then one block per assertion with aspect values.
    assert text.count("{") == 2 and "@prefix ckg:" in text


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_formats_delegate(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"g.{fmt}"
    count = export_store(disputed(), out, fmt)
    read = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert read.number_of_nodes() == count == 8


def test_unknown_format_lists_the_valid_ones(tmp_path: Path) -> None:
    with pytest.raises(CkgError) as info:
        export_store(disputed(), tmp_path / "x.ttl", "turtle")
    assert str(info.value) == (
        "Unknown export format 'turtle'. Valid: trig, nquads, graphml, gexf."
    )
    assert not (tmp_path / "x.ttl").exists()


def test_write_replaces_the_whole_file(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    out.write_text("old and much longer content")
    write_atomically(out, b"new")
    assert out.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_failed_write_is_one_line_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "a-directory"
    target.mkdir()
    with pytest.raises(StoreError) as info:
        export_store(disputed(), target, "trig")
    assert str(info.value).startswith(f"Cannot write {target}: ")
    assert "\n" not in str(info.value)
    assert [p.name for p in tmp_path.iterdir()] == ["a-directory"]
    assert list(target.iterdir()) == []


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="No such file or directory"):
        export_store(disputed(), tmp_path / "nope" / "x.trig", "trig")
