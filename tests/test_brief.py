"""The brief (HTML and Markdown) and the dispute graph page: offline and escaped."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.graph.pipeline import ingest_extraction
from claimgraph.graph.render.brief import brief_html, timeline_svg
from claimgraph.graph.render.dispute_graph import dispute_network
from claimgraph.graph.report.disputes import load_disputes
from claimgraph.graph.store import open_store
from claimgraph.graph.store.ontology import ensure_ontology
from tests.fixtures_graph import XSS
from tests.test_disputes import dispute_article
from tests.test_viz import tags

runner = CliRunner()


def hostile_store(tmp_path: Path) -> str:
    """Disputes whose quote, source and speaker names carry markup."""
    location = str(tmp_path / "store")
    # The source key is the article's id: its URL when it has one.
    b = dispute_article(f"https://news.example/a?{XSS}", f"Atlantis is to blame {XSS}")
    b.published = "2025-03-14"
    with open_store(location) as store:
        ensure_ontology(store)
        ingest_extraction(store, b.build())
        second = dispute_article("https://news.example/b", "Atlantis started it all")
        second.published = "2025-03-16"
        ingest_extraction(store, second.build())
    return location


def offline(html: str) -> None:
    """Nothing in ``html`` is fetched when it is viewed."""
    page = tags(html)
    assert "link" not in page.seen and "iframe" not in page.seen
    assert "img" not in page.seen
    assert not [v for k, v in page.attributes if k == "src"]
    assert not re.search(r"""@import|url\(\s*["']?(https?:)?//""", html)


def test_brief_is_standalone_and_escaped(tmp_path: Path) -> None:
    location = hostile_store(tmp_path)
    out = tmp_path / "brief.html"
    result = runner.invoke(app, ["brief", "-o", str(out), "--store", location])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    offline(html)
    page = tags(html)
    assert "script" not in page.seen  # the brief needs no JavaScript at all
    assert XSS not in html and "&lt;script&gt;" in html
    hrefs = [v or "" for k, v in page.attributes if k == "href"]
    assert hrefs and all(h.startswith("https://news.example/") for h in hrefs)
    assert html.count('<section class="dispute">') == 2
    assert "@media print" in html


def test_brief_markdown_and_event_filter(tmp_path: Path) -> None:
    location = hostile_store(tmp_path)
    result = runner.invoke(app, ["brief", "-f", "markdown", "--store", location])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Disputes\n")
    assert "## Who is responsible for the " in result.stdout
    none = runner.invoke(
        app, ["brief", "-f", "markdown", "--store", location, "--event", "nothing"]
    )
    assert "No disputes found." in none.stdout
    bad = runner.invoke(app, ["brief", "-f", "pdf", "--store", location])
    assert bad.exit_code == 1
    assert bad.stderr == "Error: Unknown brief format 'pdf'. Valid: html, markdown.\n"


def test_timeline_is_inline_svg(tmp_path: Path) -> None:
    with open_store(hostile_store(tmp_path)) as store:
        records = load_disputes(store)
    svg = timeline_svg(records)
    assert svg is not None and svg.startswith("<svg") and "<script" not in svg
    assert svg == timeline_svg(records)  # repeatable
    html = brief_html(records, "Disputes")
    assert html.count("<svg") == 1


def test_dispute_graph_links_parties_to_positions(tmp_path: Path) -> None:
    location = hostile_store(tmp_path)
    out = tmp_path / "g.html"
    result = runner.invoke(
        app, ["viz", "--disputes", "-o", str(out), "--store", location]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    offline(html)
    assert XSS not in html
    with open_store(location, read_only=True) as store:
        records = load_disputes(store)
    nodes, edges = dispute_network(records)
    positions = [n for n in nodes if n["shape"] == "ellipse"]
    assert len(positions) == sum(len(r.positions) for r in records)
    party_edges = [e for e in edges if str(e["from"]).startswith("party:")]
    assert all(1 < e["width"] <= 12 for e in party_edges)
    assert any(XSS in n["title"] for n in positions)  # as data, shown as text
    data = json.loads(re.search(r"var data = (\{.*?\});\n", html, re.S).group(1))  # type: ignore[union-attr]
    assert len(data["edges"]) == len(edges)


@pytest.mark.parametrize("flag", ["--assertions", "--disputes"])
def test_viz_views(tmp_path: Path, flag: str) -> None:
    location = hostile_store(tmp_path)
    out = tmp_path / "g.html"
    result = runner.invoke(app, ["viz", flag, "-o", str(out), "--store", location])
    assert result.exit_code == 0, result.output
