"""The HTML graph, the network projection, Gephi exports and stats (no browser)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from graph.export import export_store
from graph.network import project, stats
from graph.pipeline import ingest_extraction
from graph.store import ClaimStore, open_store
from graph.viz import GREEN, RED, side_colours, visualise
from graph.vocabulary import ensure_ontology
from tests.builders import ArticleBuilder


class Tags(HTMLParser):
    """Collects start tags as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)


XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def disputed(extra_quote: str = "Atlantis is to blame") -> ClaimStore:
    store = open_store(":memory:")
    ensure_ontology(store)
    b = ArticleBuilder("a.txt")
    army = b.org("Atlantis army", "Atlantis")
    ministry = b.org("Bordurian ministry", "Borduria")
    b.say(
        army, "Borduria fired", values=[("Responsibility", {"actor": "state:borduria"})]
    )
    b.say(
        ministry, extra_quote, values=[("Responsibility", {"actor": "state:atlantis"})]
    )
    b.say(ministry, "the weather was fine")
    ingest_extraction(store, b.build())
    return store


def payload(html: str) -> dict:
    match = re.search(r"var data = (\{.*?\});\n", html, re.S)
    assert match is not None
    return json.loads(match.group(1))


def test_page_is_offline_and_shows_the_contradiction(tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    result = visualise(disputed(), out)
    html = out.read_text()
    assert not re.search(r"""(src|href)\s*=\s*["']?https?://""", html)
    assert "<link" not in html and "bootstrap" not in html.lower()
    data = payload(html)
    red = [e for e in data["edges"] if e["color"] == RED]
    assert len(red) == 1 and red[0]["label"] == "Responsibility"
    assert result.nodes == len(data["nodes"]) and result.edges == len(data["edges"])
    assert data["options"]["layout"]["randomSeed"] == 7
    quotes = " ".join(n["title"] for n in data["nodes"])
    assert "Atlantis is to blame" in quotes and "a.txt [" in quotes


def test_markup_in_articles_is_inert(tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    visualise(disputed(XSS), out)
    html = out.read_text()
    assert XSS not in html
    tags = Tags()
    tags.feed(html)
    # Only the page's own elements: vis-network's script and ours, no <img>.
    assert tags.seen.count("script") == 2 and "img" not in tags.seen
    assert XSS in " ".join(n["title"] for n in payload(html)["nodes"])


def test_layout_is_repeatable(tmp_path: Path) -> None:
    store = disputed()
    first, second = tmp_path / "1.html", tmp_path / "2.html"
    visualise(store, first)
    visualise(store, second)
    assert first.read_bytes() == second.read_bytes()


def test_filters_and_cap() -> None:
    store = disputed()
    everything = project(store).graph
    only = project(store, contradictions_only=True).graph
    assert only.number_of_nodes() < everything.number_of_nodes()
    assert not [
        n for n, d in only.nodes(data=True) if d.get("quote") == "the weather was fine"
    ]
    assert project(store, side="Carpathia").graph.number_of_nodes() == 0
    capped = project(store, max_nodes=4)
    assert capped.graph.number_of_nodes() <= 4
    assert capped.note and "--max-nodes 4" in capped.note


def test_side_colours_are_distinct_and_never_finding_colours() -> None:
    colours = side_colours([f"side {i}" for i in range(12)])
    assert len(set(colours.values())) == 12
    assert not {RED, GREEN} & set(colours.values())
    assert side_colours(["B", "A"]) == side_colours(["A", "B"])


def test_stats() -> None:
    data = stats(disputed())
    assert (
        data["contradictions"] == 1
        and data["assertions"] == 3
        and data["articles"] == 1
    )
    assert {a["actor"] for a in data["most_disputed_actors"]} == {
        "Atlantis army",
        "Bordurian ministry",
    }
    json.dumps(data)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_exports_for_gephi(tmp_path: Path, fmt: str) -> None:
    import networkx as nx

    out = tmp_path / f"g.{fmt}"
    count = export_store(disputed(), out, fmt)
    read = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert read.number_of_nodes() == count > 3


def test_unwritable_output_is_a_clean_error(tmp_path: Path) -> None:
    from graph.errors import CkgError

    with pytest.raises(CkgError, match="Cannot write"):
        visualise(disputed(), tmp_path / "missing-dir" / "g.html")
