"""ClaimGraph: one store per session, typed filters and results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph import (
    Certainty,
    ClaimGraph,
    FindingKind,
    FindingType,
    GraphFilter,
    Polarity,
    QueryError,
    ReportFilter,
    Settings,
    StoreError,
    UsageError,
)
from claimgraph.graph.pipeline import ingest_extraction
from claimgraph.graph.store import open_store
from claimgraph.graph.store.ontology import ensure_ontology
from tests.fixtures_graph import disputed_extraction


@pytest.fixture
def location(tmp_path: Path) -> str:
    """An on-disk store with one contradiction between two sides."""
    where = str(tmp_path / "store")
    with open_store(where) as store:
        ensure_ontology(store)
        ingest_extraction(store, disputed_extraction())
    return where


def test_findings_filters_and_pages(location: str) -> None:
    with ClaimGraph(location) as graph:
        (finding,) = graph.findings()
        assert finding.kind == FindingKind.CONTRADICTION
        assert finding.assertions[0].polarity in set(Polarity)
        assert finding.assertions[0].certainty in set(Certainty)
        assert graph.findings(ReportFilter(side="atlantis")) == [finding]
        assert graph.findings(ReportFilter(side="Nowhere")) == []
        assert graph.findings(ReportFilter(types=(FindingType.NUMERIC,))) == []
        page = graph.findings_page(ReportFilter(limit=1))
        assert (page.total, page.records) == (1, [finding])
        assert graph.findings(ReportFilter(offset=1)) == []


def test_filters_refuse_unknown_names_with_the_valid_ones() -> None:
    with pytest.raises(UsageError, match="^Unknown finding type 'bogus'. Valid: "):
        ReportFilter.parse(types=["bogus"])
    with pytest.raises(UsageError, match="^Unknown finding kind 'x'. Valid: contra"):
        ReportFilter.parse(kinds=["x"])
    with pytest.raises(UsageError, match=r"^Invalid page \(limit 0, offset 0\)"):
        ReportFilter(limit=0)
    assert ReportFilter.parse(types=["VALUE"]).types == (FindingType.VALUE,)
    with pytest.raises(UsageError, match="^The node cap must be at least 1"):
        GraphFilter(max_nodes=0)


def test_query_with_params_and_timeout(location: str) -> None:
    with ClaimGraph(location) as graph:
        table = graph.query(
            "SELECT ?a ?name WHERE { ?a skos:prefLabel ?name }",
            {"name": "Atlantis army"},
        )
        assert len(table.rows) == 1
        assert graph.query("ASK { ?s ?p ?o }").rows == [["true"]]
        with pytest.raises(UsageError) as raised:
            graph.query("ASK {}", timeout=0)
        assert raised.value.naming("--timeout").startswith("--timeout must be")
        with pytest.raises(QueryError, match="neither a SPARQL query"):
            graph.query("nonsense")
        assert "actors" in dict(graph.queries())


def test_stats_export_visualise_validate_detect(location: str, tmp_path: Path) -> None:
    with ClaimGraph(location) as graph:
        stats = graph.stats()
        assert stats.counts["contradictions"] == 1
        assert json.loads(json.dumps(stats.as_dict()))["most_disputed_actors"]
        assert graph.export(tmp_path / "all.nq", "nquads") > 0
        drawn = graph.visualise(tmp_path / "g.html", GraphFilter(side="Atlantis"))
        assert drawn.nodes > 0 and (tmp_path / "g.html").is_file()
        assert graph.validate().triples > 0
        assert graph.detect() == 1  # reopens the store for writing
        assert len(graph.findings()) == 1


def test_a_missing_store_is_an_error_for_reads(tmp_path: Path) -> None:
    with ClaimGraph(tmp_path / "none") as graph:
        with pytest.raises(StoreError, match="No store at"):
            graph.findings()


def test_store_location_comes_from_settings(location: str) -> None:
    graph = ClaimGraph(settings=Settings(store=location))
    assert graph.location == location
    assert repr(graph) == f"ClaimGraph({location!r})"
    assert len(graph.assertions()) == 3
    graph.close()
