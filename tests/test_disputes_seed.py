"""The seed article's disputes with the real model: two, each with its sides."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.graph.render.dispute_text import disputes_text
from claimgraph.graph.report.disputes import load_disputes
from claimgraph.graph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.model
runner = CliRunner()


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = str(tmp_path_factory.mktemp("seed") / "store")
    result = runner.invoke(
        app, ["ingest", str(ROOT / "seeds"), "--store", location, "-q"]
    )
    assert result.exit_code == 0, result.output
    return location


def test_seed_has_two_disputes_with_parties(seed_store: str) -> None:
    result = runner.invoke(app, ["contradictions", "--store", seed_store, "-f", "json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    schema = json.loads((ROOT / "docs/schema/disputes.schema.json").read_text())
    jsonschema.validate(found, schema)
    by_aspect = {d["aspect"]: d for d in found}
    assert set(by_aspect) == {"AdvanceNotice", "Responsibility"}
    blame = {
        p["value"]: {x["name"] for x in p["parties"]}
        for p in by_aspect["Responsibility"]["positions"]
    }
    assert "Israel" in blame["Syria"] and blame["Israel"] == {"Russia"}
    notice = {
        p["value"]: {x["name"] for x in p["parties"]}
        for p in by_aspect["AdvanceNotice"]["positions"]
    }
    assert notice == {"yes": {"Israel"}, "no": {"Russia"}}
    pairs = runner.invoke(app, ["contradictions", "--pairs", "--store", seed_store])
    assert pairs.exit_code == 0


def test_seed_blocks_fit_80_columns(seed_store: str) -> None:
    with open_store(seed_store, read_only=True) as store:
        text = disputes_text(load_disputes(store), width=80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    blocks = text.strip().split("\n\n")
    assert len(blocks) == 2
    for block in blocks:
        head, meta, *rest = block.splitlines()
        assert head.endswith("?") and meta.startswith("  strike")
        positions = [line for line in rest if line.startswith("  \u25b8 ")]
        assert len(positions) == 2
        # Every position shows a quote with its source and offsets.
        assert sum("il20-breitbart-2018-09-18.txt" in line for line in rest) >= 2
    assert len(lines) < 40  # not 170 lines of wrapped table cells
