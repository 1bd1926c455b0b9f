"""The networkx projection: nodes, edges, filters, the cap, stats, Gephi files."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from claimgraph.graph.errors import CkgError
from claimgraph.graph.render.colours import GREEN, RED
from claimgraph.graph.render.network import (
    full_graph,
    involvement,
    project,
    stats,
    write_network,
)
from tests.fixtures_graph import (
    disputed,
    many_disputes,
    store_of,
    three_sides,
    three_sides_extraction,
)


def kinds(g: nx.MultiDiGraph) -> Counter[str]:
    return Counter(kind for _, kind in g.nodes(data="kind"))


def edge_kinds(g: nx.MultiDiGraph) -> Counter[str]:
    return Counter(kind for *_, kind in g.edges(data="kind"))


def quotes(g: nx.MultiDiGraph) -> set[str]:
    return {d["quote"] for _, d in g.nodes(data=True) if d["kind"] == "assertion"}


def by_label(g: nx.MultiDiGraph, label: str) -> str:
    (node,) = [n for n, d in g.nodes(data=True) if d["label"] == label]
    return node


def test_nodes_and_edges() -> None:
    g = project(three_sides()).graph
    assert kinds(g) == {"assertion": 6, "actor": 3, "state": 3, "event": 1}
    assert edge_kinds(g) == {
        "said": 6,
        "about": 6,
        "acts for": 3,
        "contradiction": 3,
        "corroboration": 1,
    }
    # The state Atlantis speaks and is the army's side: one node, not two.
    atlantis = by_label(g, "Atlantis")
    assert g.nodes[atlantis]["kind"] == "state"
    army = by_label(g, "Atlantis army")
    assert g.has_edge(army, atlantis, key="acts for")
    assert [k for *_, k in g.out_edges(atlantis, data="kind")] == ["said"]


def test_assertion_attributes_point_into_the_article() -> None:
    extraction = three_sides_extraction()
    g = project(store_of(extraction)).graph
    text = extraction.article.text
    for _, data in g.nodes(data=True):
        if data["kind"] != "assertion":
            continue
        assert text[data["begin_index"] : data["end_index"]] == data["quote"]
        assert data["source"] == "three.txt" and data["cue"] == "said"
        assert data["event"] == "the attack"
        assert data["polarity"] == "positive" and data["certainty"] == "certain"
    (node,) = [n for n, d in g.nodes(data=True) if d.get("quote") == "Atlantis fired"]
    assert g.nodes[node]["speaker"] == "Bordurian ministry"
    assert g.nodes[node]["side"] == "Borduria"


def test_works_without_the_lexicon_loaded() -> None:
    g = project(store_of(three_sides_extraction(), ontology=False)).graph
    assert kinds(g)["assertion"] == 6
    assert {d["polarity"] for _, d in g.nodes(data=True) if "polarity" in d} == {
        "positive"
    }


def test_finding_edges_carry_the_finding() -> None:
    g = project(disputed()).graph
    ((a, b, data),) = [e for e in g.edges(data=True) if e[2]["kind"] == "contradiction"]
    assert data["type"] == "ValueConflict" and data["aspect"] == "Responsibility"
    assert 0 < data["confidence"] <= 1 and data["explanation"]
    assert {g.nodes[a]["speaker"], g.nodes[b]["speaker"]} == {
        "Atlantis army",
        "Bordurian ministry",
    }


def test_involvement_counts_contradictions_per_node() -> None:
    g = full_graph(three_sides())
    disputes = involvement(g)
    assert disputes[by_label(g, "Bordurian ministry")] == 3
    assert disputes[by_label(g, "Borduria")] == 3
    assert disputes[by_label(g, "the attack")] == 3
    assert disputes[by_label(g, "Carpathian ministry")] == 1
    assert involvement(g, ("corroboration",))[by_label(g, "Carpathia")] == 1


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"event": "ATTACK"}, 6),
        ({"event": "no such event"}, 0),
        # The army's one assertion and the two it is linked to.
        ({"actor": "army"}, 3),
        # Carpathia's two assertions and the two they are linked to.
        ({"side": "carpathia"}, 4),
        ({"side": "Carp"}, 0),
        ({"contradictions_only": True}, 5),
        ({"side": "Carpathia", "contradictions_only": True}, 2),
    ],
)
def test_filters(filters: dict[str, object], expected: int) -> None:
    g = project(three_sides(), **filters).graph  # type: ignore[arg-type]
    assert kinds(g)["assertion"] == expected


def test_filters_keep_both_ends_of_a_finding() -> None:
    g = project(three_sides(), side="Carpathia").graph
    assert quotes(g) == {
        "Borduria fired",
        "talks will resume",
        "Atlantis fired",
        "Borduria fired first",
    }
    assert edge_kinds(g)["corroboration"] == 1
    only = project(three_sides(), contradictions_only=True).graph
    assert "talks will resume" not in quotes(only)


def test_cap_keeps_the_most_disputed_and_says_what_it_left_out() -> None:
    store = three_sides()
    assert project(store).note is None
    capped = project(store, max_nodes=4)
    # The assertion in two contradictions, its speaker, state and incident.
    assert quotes(capped.graph) == {"Atlantis fired"}
    assert capped.graph.number_of_nodes() == 4
    assert capped.note == (
        "Showing 4 of 13 nodes (node cap 4): 5 of 6 assertions left out, "
        "the least disputed first."
    )


def test_cap_on_a_larger_store_is_respected_and_repeatable() -> None:
    store = many_disputes(20)
    first = project(store, max_nodes=50)
    second = project(store, max_nodes=50)
    assert 40 < first.graph.number_of_nodes() <= 50
    assert sorted(first.graph.nodes) == sorted(second.graph.nodes)
    assert first.note and "(node cap 50)" in first.note


def test_empty_store() -> None:
    projection = project(store_of())
    assert projection.graph.number_of_nodes() == 0 and projection.note is None
    data = stats(store_of())
    assert data["assertions"] == 0 and data["most_disputed_actors"] == []


def test_stats() -> None:
    data = stats(three_sides())
    json.dumps(data)
    assert {k: v for k, v in data.items() if k != "most_disputed_actors"} == {
        "articles": 1,
        "actors": 6,
        "events": 1,
        "assertions": 6,
        "contradictions": 3,
        "corroborations": 1,
    }
    top = data["most_disputed_actors"]
    assert top[0] == {
        "actor": "Borduria",
        "kind": "state",
        "side": "Borduria",
        "contradictions": 3,
        "corroborations": 0,
    }
    assert [a["actor"] for a in top[:2]] == ["Borduria", "Bordurian ministry"]
    assert all(a["contradictions"] > 0 for a in top)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_gephi_files(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"g.{fmt}"
    count = write_network(three_sides(), out, fmt)
    read = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert read.number_of_nodes() == count == 13
    assert read.number_of_edges() == 19
    ministry = next(
        d for _, d in read.nodes(data=True) if d["label"] == "Bordurian ministry"
    )
    assert ministry["disputes"] == 3 and ministry["side"] == "Borduria"
    colours = Counter(d["color"] for *_, d in read.edges(data=True))
    assert colours[RED] == 3 and colours[GREEN] == 1
    quote = next(d for _, d in read.nodes(data=True) if d.get("quote"))
    assert isinstance(quote["begin_index"], int)


def test_gexf_is_static_with_gephi_colours(tmp_path: Path) -> None:
    out = tmp_path / "g.gexf"
    write_network(disputed(), out, "gexf")
    text = out.read_text()
    # Offsets are not read as time intervals; Gephi gets its own colours.
    assert 'mode="static"' in text and 'mode="dynamic"' not in text
    assert "<viz:color" in text and "<viz:size" in text


def test_graphml_edge_ids_are_unique(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    out = tmp_path / "g.graphml"
    write_network(three_sides(), out, "graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    ids = [e.get("id") for e in ET.parse(out).getroot().iterfind(".//g:edge", ns)]
    assert len(ids) == len(set(ids)) == 19


def test_unknown_network_format(tmp_path: Path) -> None:
    with pytest.raises(CkgError) as info:
        write_network(disputed(), tmp_path / "g.dot", "dot")
    assert str(info.value) == "Unknown network format 'dot'. Valid: graphml, gexf."
