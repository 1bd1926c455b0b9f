"""The whole path on real articles with the real model: text in, disputes out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "il20-breitbart-2018-09-18.txt"
OTHER = ROOT / "corpus" / "gold" / "fishing-dispute.txt"

pytestmark = pytest.mark.model
runner = CliRunner()


def run_json(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = str(tmp_path_factory.mktemp("seed") / "store")
    result = runner.invoke(app, ["ingest", str(SEED), "--store", location, "-q"])
    assert result.exit_code == 0, result.output
    return location


def sides(finding: dict[str, object]) -> set[str]:
    return {a["side"] for a in finding["assertions"]}  # type: ignore[index, union-attr]


def quotes(finding: dict[str, object]) -> str:
    return " || ".join(a["quote"] for a in finding["assertions"])  # type: ignore[index, union-attr]


def test_seed_advance_notice_dispute(seed_store: str) -> None:
    found = run_json("contradictions", "--pairs", "--store", seed_store)
    notice = [f for f in found if f["aspect"] == "AdvanceNotice"]
    assert notice, found
    assert all(sides(f) == {"Israel", "Russia"} for f in notice)
    joined = " ## ".join(quotes(f) for f in notice)
    assert "coordinated with Russia ahead of the attack" in joined
    assert "less than a minute" in joined
    assert "failing to inform" in joined
    text = SEED.read_text(encoding="utf-8")
    for finding in notice:
        for a in finding["assertions"]:  # type: ignore[union-attr]
            assert text[a["start"] : a["end"]] == a["quote"]  # type: ignore[index]
            assert a["source"] == SEED.name  # type: ignore[index]


def test_seed_responsibility_dispute(seed_store: str) -> None:
    found = run_json("contradictions", "--pairs", "--store", seed_store)
    blame = [f for f in found if f["aspect"] == "Responsibility"]
    assert blame, found
    assert all(f["type"] == "value" and sides(f) == {"Israel", "Russia"} for f in blame)
    speakers = {a["speaker"] for f in blame for a in f["assertions"]}  # type: ignore[union-attr]
    joined = " ".join(sorted(speakers)).lower()
    assert "russian government" in joined
    assert "netanyahu" in joined or "prime minister" in joined or "idf" in joined


def test_seed_agreement_is_not_a_contradiction(seed_store: str) -> None:
    found = run_json("contradictions", "--pairs", "--store", seed_store)
    assert not any("S-200" in quotes(f) for f in found)
    both = run_json(
        "contradictions", "--pairs", "--store", seed_store, "--corroborations"
    )
    agreed = [f for f in both if f["kind"] == "corroboration"]
    assert any("S-200" in quotes(f) for f in agreed), both


def test_seed_narrator_background_is_nobodys_claim(seed_store: str) -> None:
    items = run_json("assertions", "--store", seed_store)
    text = " ## ".join(str(a["quote"]) for a in items)
    assert "traditionally refrains" not in text
    assert "bestselling author" not in text
    assert all(a["speaker"] not in ("Aaron Klein", "Breitbart") for a in items)


# rdflib 7.6's own TriG parser uses its deprecated ConjunctiveGraph internals.
@pytest.mark.filterwarnings("ignore:Dataset.default_context:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_seed_graph_validates_and_round_trips(seed_store: str, tmp_path: Path) -> None:
    assert runner.invoke(app, ["validate", "--store", seed_store]).exit_code == 0
    out = tmp_path / "seed.trig"
    result = runner.invoke(app, ["export", "--store", seed_store, "-o", str(out)])
    assert result.exit_code == 0, result.output
    from rdflib import Dataset

    loaded = Dataset()
    loaded.parse(out, format="trig")
    count = int(result.stdout.split()[1])
    assert len(list(loaded.quads())) == count > 100


def test_reingesting_the_seed_adds_nothing(seed_store: str) -> None:
    count = (
        "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    )
    before = run_json("query", "--store", seed_store, count)
    again = runner.invoke(app, ["ingest", str(SEED), "--store", seed_store, "-q"])
    assert again.exit_code == 0 and "unchanged" in again.stdout
    assert run_json("query", "--store", seed_store, count) == before


@pytest.mark.skipif(not OTHER.exists(), reason="the second article is not written yet")
def test_second_article_keeps_its_own_dispute(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    alone = str(tmp_path / "alone")
    assert (
        runner.invoke(app, ["ingest", str(SEED), "--store", location, "-q"]).exit_code
        == 0
    )
    seed_only = run_json("contradictions", "--pairs", "--store", location)
    result = runner.invoke(app, ["ingest", str(OTHER), "--store", location, "-q"])
    assert result.exit_code == 0
    assert (
        runner.invoke(app, ["ingest", str(OTHER), "--store", alone, "-q"]).exit_code
        == 0
    )
    other_only = run_json("contradictions", "--pairs", "--store", alone)
    both = run_json("contradictions", "--pairs", "--store", location)
    assert other_only, "the second article's own dispute is found"
    # Nothing crosses: every finding stays within one article, and the combined
    # report is exactly the two separate reports.
    for finding in both:
        assert len({a["source"] for a in finding["assertions"]}) == 1  # type: ignore[union-attr]
    key = lambda f: (f["type"], f["aspect"], quotes(f))  # noqa: E731
    assert sorted(map(key, both)) == sorted(map(key, seed_only + other_only))


@pytest.mark.slow
def test_two_jobs_give_the_same_report(tmp_path: Path) -> None:
    sources = [str(SEED), str(OTHER)]
    reports = []
    for jobs in ("1", "2"):
        store = str(tmp_path / f"store{jobs}")
        result = runner.invoke(
            app, ["ingest", *sources, "--store", store, "-q", "-j", jobs]
        )
        assert result.exit_code == 0, result.output
        reports.append(run_json("contradictions", "--pairs", "--store", store))
    assert reports[0] and reports[0] == reports[1]
