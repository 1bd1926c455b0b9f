"""Disputes: built at ingest, rebuilt by detect, valid, reported (no model needed)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from rdflib import URIRef
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.graph.detect.disputes import refresh_disputes
from claimgraph.graph.pipeline import ingest_extraction
from claimgraph.graph.render.dispute_text import disputes_text
from claimgraph.graph.report.disputes import load_disputes
from claimgraph.graph.store import ClaimStore, open_store
from claimgraph.graph.store.ontology import ensure_ontology
from claimgraph.ontology.vocab import CKG
from tests.builders import ArticleBuilder
from tests.fixtures_graph import XSS

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads(
    (ROOT / "docs" / "schema" / "disputes.schema.json").read_text(encoding="utf-8")
)
runner = CliRunner()


def dispute_article(name: str, quote: str = "Atlantis is to blame") -> ArticleBuilder:
    b = ArticleBuilder(name, participants=("Atlantis", "Borduria"))
    army = b.org("Atlantis army", "Atlantis")
    ministry = b.org("Bordurian ministry", "Borduria")
    b.say(
        army,
        "Borduria fired the missile",
        values=[("Responsibility", {"actor": "state:borduria"})],
    )
    b.say(
        ministry,
        quote,
        cue="insisted",
        cue_class="Insist",
        values=[("Responsibility", {"actor": "state:atlantis"})],
    )
    b.say(army, "notice was given", values=[("AdvanceNotice", {"positive": True})])
    b.say(
        ministry,
        "no notice was given at all",
        values=[("AdvanceNotice", {"positive": False})],
    )
    return b


@pytest.fixture
def store_path(tmp_path: Path) -> str:
    location = str(tmp_path / "store")
    with open_store(location) as store:
        ensure_ontology(store)
        ingest_extraction(store, dispute_article("report.txt").build())
    return location


def _json(*args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["contradictions", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_one_dispute_per_proposition_with_positions(store_path: str) -> None:
    found = _json("--store", store_path)
    jsonschema.validate(found, SCHEMA)
    by_aspect = {d["aspect"]: d for d in found}
    assert set(by_aspect) == {"Responsibility", "AdvanceNotice"}
    blame = by_aspect["Responsibility"]
    assert blame["question"].startswith("Who is responsible for the ")
    held = {
        p["value"]: {x["name"] for x in p["parties"]}  # type: ignore[index]
        for p in blame["positions"]  # type: ignore[union-attr]
    }
    assert held == {"Borduria": {"Atlantis"}, "Atlantis": {"Borduria"}}
    notice = by_aspect["AdvanceNotice"]
    assert {p["value"] for p in notice["positions"]} == {"yes", "no"}  # type: ignore[index, union-attr]
    pairs = _json("--pairs", "--store", store_path)
    assert all(d["findings"] for d in found)
    shapes = {json.dumps(sorted(f)) for d in found for f in d["findings"]}  # type: ignore[union-attr]
    assert shapes == {json.dumps(sorted(p)) for p in pairs}


def test_filters_apply_to_disputes(store_path: str) -> None:
    assert len(_json("--store", store_path, "--side", "borduria")) == 2
    assert _json("--store", store_path, "--side", "Lilliput") == []
    assert [d["aspect"] for d in _json("--store", store_path, "--type", "value")] == [
        "Responsibility"
    ]
    assert len(_json("--store", store_path, "--limit", "1")) == 1
    assert len(_json("--store", store_path, "--offset", "1")) == 1
    assert _json("--store", store_path, "--event", "no such event") == []


def test_rebuilt_disputes_are_the_same_graph(store_path: str) -> None:
    def dispute_triples() -> set[tuple[str, str, str]]:
        rows = store.select(
            "SELECT ?s ?p ?o WHERE { { ?s a ckg:Dispute } UNION "
            "{ ?d ckg:hasPosition ?s } ?s ?p ?o }"
        )
        return {(str(r["s"]), str(r["p"]), str(r["o"])) for r in rows}

    result = runner.invoke(app, ["detect", "--store", store_path])
    assert result.exit_code == 0, result.output
    valid = runner.invoke(app, ["validate", "--store", store_path])
    assert valid.exit_code == 0, valid.output
    with open_store(store_path) as store:
        before = dispute_triples()
        assert refresh_disputes(store, [URIRef(d) for d in incidents(store)]) == 2
        assert dispute_triples() == before
        assert refresh_disputes(store) == 2
        assert dispute_triples() == before
        assert not store.ask("ASK { ?n ckg:rebuildPending ?x }")


def incidents(store: ClaimStore) -> set[str]:
    rows = store.select("SELECT ?i WHERE { ?d ckg:disputeAbout ?i }")
    return {str(r["i"]) for r in rows}


def test_a_second_article_joins_the_incident_dispute(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    with open_store(location) as store:
        ensure_ontology(store)
        ingest_extraction(store, dispute_article("one.txt").build())
        ingest_extraction(
            store, dispute_article("two.txt", "Atlantis started it").build()
        )
        found = load_disputes(store)
        count = len(store.select("SELECT ?d WHERE { ?d a ckg:Dispute }"))
    # Incidents of two articles may or may not corefer; each incident has one
    # dispute per proposition either way.
    assert count == len(found)
    assert {d.aspect for d in found} == {"Responsibility", "AdvanceNotice"}
    assert len(found) in (2, 4)


def test_query_disputes(store_path: str) -> None:
    result = runner.invoke(
        app, ["query", "disputes", "--store", store_path, "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["value"] for r in rows} >= {"Atlantis", "Borduria", "yes", "no"}


def test_blocks_fit_80_columns(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    with open_store(location) as store:
        ensure_ontology(store)
        long = "Atlantis is to blame " + "x" * 150 + " " + XSS
        ingest_extraction(store, dispute_article("r" * 120 + ".txt", long).build())
        text = disputes_text(load_disputes(store), width=80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    questions = [line for line in lines if line and not line.startswith(" ")]
    assert len(questions) == 2 and all(q.endswith("?") for q in questions)
    assert sum(line.startswith("  \u25b8 ") for line in lines) == 4


def test_schema_rejects_a_broken_dispute(store_path: str) -> None:
    (first, *_) = _json("--store", store_path)
    del first["question"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([first], SCHEMA)


def test_vocabulary_has_dispute_terms() -> None:
    assert str(CKG.Dispute).endswith("#Dispute")


def test_one_partys_rebuttals_of_several_accusers_are_one_dispute(
    tmp_path: Path,
) -> None:
    """A body answering the allegations of two outlets quarrels once, not once
    per accuser (the annotated question is the allegation it denies)."""
    b = ArticleBuilder("doping.txt", participants=("Atlantis", "Borduria"))
    body = b.org("Rowing Federation", "Atlantis")
    paper = b.org("Daily Courier", "Borduria")
    tv = b.org("Channel Nine", "Carpathia")
    b.say(paper, "the federation ignored suspicious blood tests")
    b.say(body, "those allegations are false", rejects=True, refers_back=True)
    b.say(tv, "the federation hid hundreds of suspicious blood tests")
    b.say(body, "the claims are sensationalist", rejects=True, refers_back=True)
    with open_store(str(tmp_path / "store")) as store:
        ensure_ontology(store)
        ingest_extraction(store, b.build())
        refresh_disputes(store)
        (dispute,) = load_disputes(store)
        assert len(dispute.findings) == 2
