"""A page of the report is the same as that slice of the whole report."""

from __future__ import annotations

from typing import Any

import pytest

from graph.pipeline import ingest_extraction
from graph.report import load_findings, load_findings_page
from graph.store import ClaimStore, open_store
from graph.vocabulary import ensure_ontology
from tests.builders import ArticleBuilder
from tests.test_rules import every_kind_of_finding

ALL = ("contradiction", "corroboration", "restatement", "revision")


@pytest.fixture(scope="module", params=[":memory:", "rdflib:memory"])
def store(request: pytest.FixtureRequest) -> ClaimStore:
    # Built once per store kind: the tests only read it (rdflib builds slowly).
    opened = open_store(request.param)
    ensure_ontology(opened)
    every_kind_of_finding(opened)
    # One statement carried by two outlets, disputed by the other side: the
    # report folds the two disputes into one with an extra report.
    seven = [("Casualties", {"number": 7.0, "unit": "dead"})]
    for name in ("wire-one", "wire-two"):
        b = ArticleBuilder(name, date="2026-06-01")
        b.say(
            b.org(f"Atlantis ministry {name}", "Atlantis"),
            "Seven Bordurian soldiers were killed in the exchange",
            values=seven,
        )
        ingest_extraction(opened, b.build())
    other = ArticleBuilder("bordurian-paper", date="2026-06-01")
    other.say(
        other.org("Bordurian ministry", "Borduria"),
        "three Bordurian soldiers were killed",
        values=[("Casualties", {"number": 3.0, "unit": "dead"})],
    )
    ingest_extraction(opened, other.build())
    return opened


FILTERS: list[dict[str, Any]] = [
    {},
    {"kinds": ALL},
    {"kinds": ALL, "side": "borduria"},
    {"kinds": ALL, "types": ["numeric"]},
    {"kinds": ALL, "min_confidence": 0.5},
    {"kinds": ALL, "event": "attack"},
]


@pytest.mark.parametrize("filters", FILTERS)
def test_pages_are_slices_of_the_report(
    store: ClaimStore, filters: dict[str, Any]
) -> None:
    whole = load_findings(store, **filters)
    assert whole or filters.get("types") == ["numeric"]
    first = load_findings_page(store, limit=2, **filters)
    rest = load_findings_page(store, limit=1000, offset=2, **filters)
    assert first.total == rest.total == len(whole)
    assert first.records + rest.records == whole


def test_folded_dispute_keeps_its_reports(store: ClaimStore) -> None:
    page = load_findings_page(store, limit=1000, kinds=ALL)
    folded = [r for r in page.records if r.merged]
    assert folded and all(r.reports for r in folded)
    assert page.records == load_findings(store, kinds=ALL)


def test_page_past_the_end_is_empty(store: ClaimStore) -> None:
    total = len(load_findings(store, kinds=ALL))
    page = load_findings_page(store, limit=10, offset=total, kinds=ALL)
    assert page.records == [] and page.total == total
