"""docs/python-api.md: its examples run, and it covers the session API."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from claimgraph import ClaimGraph

PAGE = Path(__file__).resolve().parent.parent / "docs" / "python-api.md"
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)


def blocks() -> list[str]:
    return BLOCK.findall(PAGE.read_text(encoding="utf-8"))


def test_every_public_method_is_documented() -> None:
    text = PAGE.read_text(encoding="utf-8")
    methods = [
        name
        for name in dir(ClaimGraph)
        if not name.startswith("_") and callable(getattr(ClaimGraph, name))
    ]
    missing = [
        name
        for name in methods
        if name not in ("store", "serve") and f"{name}(" not in text
    ]
    assert missing == []
    assert len(blocks()) >= 5


@pytest.mark.model
def test_examples_run_in_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in [n for n in os.environ if n.startswith("CLAIMGRAPH_")]:
        monkeypatch.delenv(name)
    namespace: dict[str, object] = {"__name__": "docs"}
    for number, code in enumerate(blocks(), start=1):
        try:
            exec(compile(code, f"{PAGE.name} block {number}", "exec"), namespace)
        except Exception as exc:  # pragma: no cover - the message names the block
            raise AssertionError(f"{PAGE.name} block {number} failed: {exc!r}") from exc
    printed = capsys.readouterr().out
    assert "The query timeout must be a positive number of seconds, not 0." in printed
    assert "Unknown finding type 'bogus'" in printed
