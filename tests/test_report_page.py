"""A page of the report is the same as that slice of the whole report."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.graph.detect.detection import refresh
from claimgraph.graph.pipeline import ingest_extraction
from claimgraph.graph.report.findings import (
    finding_json,
    findings_markdown,
    load_findings,
)
from claimgraph.graph.report.pages import load_findings_page
from claimgraph.graph.store import ClaimStore, open_store
from claimgraph.graph.store.ontology import ensure_ontology
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
        b = ArticleBuilder(name, date="2026-06-01", published="2026-05-02")
        b.say(
            b.org(f"Atlantis ministry {name}", "Atlantis"),
            "Seven Bordurian soldiers were killed in the exchange",
            values=seven,
        )
        ingest_extraction(opened, b.build())
    other = ArticleBuilder("bordurian-paper", date="2026-06-01", published="2026-05-02")
    other.say(
        other.org("Bordurian ministry", "Borduria"),
        "three Bordurian soldiers were killed",
        values=[("Casualties", {"number": 3.0, "unit": "dead"})],
    )
    ingest_extraction(opened, other.build())
    # Two later incidents, one with the same label: a page crosses incidents.
    disputed_incident(opened, "the attack", "2026-09-01", "september")
    disputed_incident(opened, "the shelling", "2026-12-01", "december")
    return opened


def disputed_incident(store: ClaimStore, label: str, published: str, tag: str) -> None:
    """Two outlets carry one statement that a third article disputes."""
    nine = [("Casualties", {"number": 9.0, "unit": "dead"})]
    # The second outlet hedges: its dispute is less confident than the first's.
    # In December the hedged report comes first, and the later, more confident
    # one takes the lead of the folded findings.
    wires = [("wire-one", "said"), ("wire-two", "suggested")]
    for name, cue in wires if tag != "december" else wires[::-1]:
        b = ArticleBuilder(f"{tag}-{name}", event_label=label, published=published)
        b.say(
            b.org("Atlantis ministry", "Atlantis"),
            f"Nine Bordurian soldiers were killed near the border post in {tag}",
            cue=cue,
            values=nine,
            certainty="certain" if cue == "said" else "possible",
        )
        ingest_extraction(store, b.build())
    other = ArticleBuilder(f"{tag}-paper", event_label=label, published=published)
    other.say(
        other.org("Bordurian ministry", "Borduria"),
        f"two Bordurian soldiers were killed in {tag}",
        values=[("Casualties", {"number": 2.0, "unit": "dead"})],
    )
    other.say(
        other.org("Bordurian army", "Borduria"),
        "four soldiers died",
        values=[("Casualties", {"number": 4.0, "unit": "dead"})],
        certainty="possible",
    )
    ingest_extraction(store, other.build())


FILTERS: list[dict[str, Any]] = [
    {},
    {"kinds": ALL},
    {"kinds": ALL, "side": "borduria"},
    {"kinds": ALL, "types": ["numeric"]},
    {"kinds": ALL, "min_confidence": 0.6},
    {"kinds": ALL, "event": "attack"},
    {"kinds": ALL, "side": "borduria", "min_confidence": 0.6},
    {"kinds": ALL, "side": "atlantis", "event": "shelling"},
]


def test_fixture_has_incidents_that_share_a_label(store: ClaimStore) -> None:
    whole = load_findings(store, kinds=ALL)
    labels = {r.incident: r.event for r in whole}
    assert sorted(labels.values()) == ["the attack", "the attack", "the shelling"]
    assert {r.incident for r in whole if r.merged} == set(labels)


def test_report_keeps_each_incident_together(store: ClaimStore) -> None:
    seen = [r.incident for r in load_findings(store, kinds=ALL)]
    runs = [one for i, one in enumerate(seen) if i == 0 or seen[i - 1] != one]
    assert len(runs) == len(set(runs)) == 3


def test_markdown_heads_each_incident_and_aspect(store: ClaimStore) -> None:
    whole = load_findings(store, kinds=ALL)
    heads = [
        line for line in findings_markdown(whole).splitlines() if line[:3] == "## "
    ]
    assert len(heads) == len({(r.incident, r.aspect) for r in whole})
    assert heads.count("## the attack: casualties") == 2  # two incidents
    assert {finding_json(r)["incident"] for r in whole} == {r.incident for r in whole}


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


@pytest.mark.parametrize("filters", FILTERS[:3] + FILTERS[4:])
def test_every_page_of_three(store: ClaimStore, filters: dict[str, Any]) -> None:
    # Pages of three start and end inside incidents and fold groups.
    whole = load_findings(store, **filters)
    pages = [
        load_findings_page(store, limit=3, offset=offset, **filters)
        for offset in range(0, len(whole) + 1, 3)
    ]
    assert {page.total for page in pages} == {len(whole)}
    assert [r for page in pages for r in page.records] == whole


def test_folded_dispute_keeps_its_reports(store: ClaimStore) -> None:
    page = load_findings_page(store, limit=1000, kinds=ALL)
    folded = [r for r in page.records if r.merged]
    assert folded and all(r.reports for r in folded)
    assert page.records == load_findings(store, kinds=ALL)


def test_fold_links_point_at_the_most_confident(store: ClaimStore) -> None:
    # A finding is folded (ckg:foldedInto) exactly when the report merges it.
    whole = load_findings(store, kinds=ALL)
    expected = {(m, r.id) for r in whole for m in r.merged}
    rows = store.select("SELECT ?f ?into WHERE { ?f ckg:foldedInto ?into }")
    assert {(str(r["f"]), str(r["into"])) for r in rows} == expected
    assert expected


def test_pages_after_detect_rebuilds_the_findings() -> None:
    opened = open_store(":memory:")
    ensure_ontology(opened)
    disputed_incident(opened, "the attack", "2026-09-01", "september")
    disputed_incident(opened, "the attack", "2026-12-01", "december")
    before = load_findings(opened, kinds=ALL)
    assert refresh(opened) and load_findings(opened, kinds=ALL) == before
    page = load_findings_page(opened, limit=100, kinds=ALL)
    assert page.total == len(before) and page.records == before


def test_page_past_the_end_is_empty(store: ClaimStore) -> None:
    total = len(load_findings(store, kinds=ALL))
    page = load_findings_page(store, limit=10, offset=total, kinds=ALL)
    assert page.records == [] and page.total == total
