"""The brief and the dispute graph in a real headless Chromium: drawn, offline, inert."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from tests import browser
from tests.test_brief import hostile_store, offline
from tests.test_viz import tags

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        browser.chromium() is None,
        reason="chromium is not installed (apt-get install chromium)",
    ),
]
runner = CliRunner()


def page(tmp_path: Path, *command: str) -> Path:
    out = tmp_path / "page.html"
    location = hostile_store(tmp_path)
    result = runner.invoke(app, [*command, "-o", str(out), "--store", location])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("command", [("brief",), ("viz", "--disputes")])
def test_screenshot_is_not_blank(tmp_path: Path, command: tuple[str, ...]) -> None:
    out, png = page(tmp_path, *command), tmp_path / "page.png"
    browser.screenshot(out, png)
    width, height, pixels = browser.png_pixels(png)
    assert (width, height) == (1280, 900)
    assert len(set(pixels[::7])) > 20, "the page is blank"
    dark = sum(1 for p in pixels[::3] if sum(p) < 200)
    assert dark > 200, "no text or drawing"


@pytest.mark.parametrize(
    ("command", "scripts"), [(("brief",), 0), (("viz", "--disputes"), 2)]
)
def test_hostile_text_stays_text(
    tmp_path: Path, command: tuple[str, ...], scripts: int
) -> None:
    out = page(tmp_path, *command)
    dom = browser.dump_dom(out)
    seen = tags(dom).seen
    # Nothing from an article became an element, and nothing is fetched.
    assert "img" not in seen and seen.count("script") == scripts
    offline(dom)
    if scripts:
        assert "canvas" in seen  # vis-network ran
