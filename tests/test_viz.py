"""The HTML graph file: offline, escaped, repeatable, atomic (no browser)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from claimgraph.graph.errors import CkgError
from claimgraph.graph.render.colours import EVENT, GREEN, PALETTE, RED, side_colours
from claimgraph.graph.render.viz import SEED, visualise
from tests.fixtures_graph import XSS, disputed, many_disputes, three_sides


class Tags(HTMLParser):
    """Start tags and text as a browser's HTML parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)
        self.attributes += attrs


def tags(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    return parser


def payload(html: str) -> dict[str, Any]:
    match = re.search(r"var data = (\{.*?\});\n", html, re.S)
    assert match is not None
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def draw(tmp_path: Path, store: Any = None, **filters: Any) -> tuple[str, Any]:
    out = tmp_path / "g.html"
    result = visualise(store or disputed(), out, **filters)
    return out.read_text(encoding="utf-8"), result


def test_page_loads_nothing_from_the_network(tmp_path: Path) -> None:
    html, _ = draw(tmp_path, three_sides())
    page = tags(html)
    # Exactly two inline scripts (vis-network, ours), one inline style, no links.
    assert page.seen.count("script") == 2 and page.seen.count("style") == 1
    assert "link" not in page.seen and "iframe" not in page.seen
    assert not [v for k, v in page.attributes if k in ("src", "href")]
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert not re.search(r"""@import|url\(\s*["']?(https?:)?//""", html)
    assert "bootstrap" not in html.lower() and "cdnjs" not in html.lower()


def test_page_shows_actors_assertions_and_findings(tmp_path: Path) -> None:
    html, result = draw(tmp_path, three_sides())
    data = payload(html)
    assert result.nodes == len(data["nodes"]) == 13
    assert result.edges == len(data["edges"]) == 19
    assert result.note is None
    colours = [e["color"] for e in data["edges"]]
    assert colours.count(RED) == 3 and colours.count(GREEN) == 1
    red = [e for e in data["edges"] if e["color"] == RED]
    assert {e["label"] for e in red} == {"Responsibility", "AdvanceNotice"}
    assert all("explanation" not in e and e["title"] for e in red)
    nodes = {n["label"]: n for n in data["nodes"]}
    assert nodes["the attack"]["shape"] == "box"
    assert nodes["the attack"]["color"] == EVENT
    assert nodes["Borduria"]["shape"] == "diamond"
    assert nodes["Bordurian ministry"]["size"] > nodes["Carpathian ministry"]["size"]
    sides = side_colours(["Atlantis", "Borduria", "Carpathia"])
    assert nodes["Atlantis army"]["color"] == sides["Atlantis"]
    assert data["sides"] == ["Atlantis", "Borduria", "Carpathia"]
    assert data["options"]["layout"]["randomSeed"] == SEED


def test_assertion_details(tmp_path: Path) -> None:
    data = payload(draw(tmp_path)[0])
    (title,) = [
        n["title"] for n in data["nodes"] if "Atlantis is to blame" in n["title"]
    ]
    assert title.startswith("Bordurian ministry (Borduria) said:\n")
    assert "\u201cAtlantis is to blame\u201d" in title
    assert re.search(
        r"\na\.txt \[\d+\u2013\d+\]  polarity positive, certainty certain$", title
    )


def test_legend(tmp_path: Path) -> None:
    html, _ = draw(tmp_path)
    legend = html[html.index('<div id="legend">') : html.index('<div id="details">')]
    for words in ("contradiction", "corroboration", "event", "state", "Node size"):
        assert words in legend
    assert RED in legend and GREEN in legend


@pytest.mark.parametrize("where", ["quote", "speaker", "side"])
def test_markup_in_articles_is_inert(tmp_path: Path, where: str) -> None:
    names = {"speaker": {"army": XSS}, "side": {"side": XSS}}.get(where, {})
    store = disputed(XSS if where == "quote" else "Atlantis is to blame", **names)
    html, _ = draw(tmp_path, store)
    assert XSS not in html and "</script><img" not in html
    page = tags(html)
    assert page.seen.count("script") == 2 and "img" not in page.seen
    # The text is all there, as data: JSON with <, >, & and ' escaped.
    data = payload(html)
    shown = json.dumps(data, ensure_ascii=False)
    assert json.dumps(XSS, ensure_ascii=False)[1:-1] in shown
    assert "\\u003c/script\\u003e" in html


def test_layout_and_file_are_repeatable(tmp_path: Path) -> None:
    store = three_sides()
    first, second = tmp_path / "1.html", tmp_path / "2.html"
    visualise(store, first)
    visualise(store, second)
    assert first.read_bytes() == second.read_bytes()


def test_cap_is_reported_on_the_page(tmp_path: Path) -> None:
    html, result = draw(tmp_path, many_disputes(10), max_nodes=20)
    assert result.nodes <= 20 and result.note
    assert payload(html)["note"] == result.note


def test_filters_reach_the_projection(tmp_path: Path) -> None:
    _, everything = draw(tmp_path, three_sides())
    _, only = draw(tmp_path, three_sides(), contradictions_only=True)
    _, none = draw(tmp_path, three_sides(), event="no such event")
    assert none.nodes == 0 < only.nodes < everything.nodes


def test_side_colours_are_stable_distinct_and_never_finding_colours() -> None:
    twelve = side_colours([f"side {i}" for i in range(12)])
    assert len(set(twelve.values())) == 12
    assert not {RED, GREEN, EVENT} & set(PALETTE)
    assert side_colours(["B", "A"]) == side_colours(["A", "B"])
    # A side keeps its colour whatever else is drawn, unless two names clash.
    alone = {name: side_colours([name])[name] for name in ("Russia", "Ukraine")}
    assert side_colours(["Russia", "Ukraine", "France"])["Russia"] == alone["Russia"]
    assert side_colours(["Ukraine", "Poland"])["Ukraine"] == alone["Ukraine"]


def test_unwritable_output_is_one_clean_line(tmp_path: Path) -> None:
    with pytest.raises(CkgError, match=r"^Cannot write .*g\.html: .*\.$") as info:
        visualise(disputed(), tmp_path / "missing-dir" / "g.html")
    assert "\n" not in str(info.value)


def test_write_is_atomic(tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    out.write_text("previous graph")
    visualise(disputed(), out)
    assert out.read_text().startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["g.html"]
