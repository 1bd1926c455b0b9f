"""The HTML graph in a real headless Chromium: it draws, offline, and stays inert."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.graph.render.viz import GREEN, RED, visualise
from tests import browser
from tests.fixtures_graph import XSS, disputed, three_sides
from tests.test_viz import tags

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        browser.chromium() is None,
        reason="chromium is not installed (apt-get install chromium)",
    ),
]


def near(colour: tuple[int, int, int], target: str, tolerance: int = 40) -> bool:
    rgb = tuple(int(target[i : i + 2], 16) for i in (1, 3, 5))
    return all(abs(a - b) <= tolerance for a, b in zip(colour, rgb, strict=True))


def test_screenshot_shows_the_graph_and_the_findings(tmp_path: Path) -> None:
    page, png = tmp_path / "g.html", tmp_path / "g.png"
    visualise(three_sides(), page)
    browser.screenshot(page, png)
    width, height, pixels = browser.png_pixels(png)
    assert (width, height) == (1280, 900)
    distinct = len(set(pixels[::7]))
    assert distinct > 20, "the page is blank"
    red = sum(1 for p in pixels if near(p, RED))
    assert red > 30, "no contradiction link drawn"
    green = sum(1 for p in pixels if near(p, GREEN))
    assert green > 30, "no corroboration link drawn"


def test_injected_markup_is_not_in_the_dom(tmp_path: Path) -> None:
    page = tmp_path / "g.html"
    visualise(disputed(XSS, side=XSS), page)
    dom = browser.dump_dom(page)
    seen = tags(dom).seen
    assert "canvas" in seen  # vis-network ran
    # Nothing from the article became an element: no <img>, no third <script>.
    assert "img" not in seen and seen.count("script") == 2
    # The side's name is in the legend, as text.
    escaped = XSS.replace("<", "&lt;").replace(">", "&gt;")
    assert f'<span class="side-name">{escaped}</span>' in dom
