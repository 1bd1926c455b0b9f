"""Figures stated with a copula or change verb ("the death toll is 315", "rose
to 1,600"), Indian digit grouping ("3,15,235") and lakh/crore multipliers."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.graph.extract.quantities import SCALES, number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3,15,235", 315235.0),
        ("2,73,69,093", 27369093.0),
        ("315,235", 315235.0),
        ("1,600", 1600.0),
    ],
)
def test_western_and_indian_digit_grouping(text: str, value: float) -> None:
    assert number(text) == value


def test_lakh_and_crore_are_multipliers() -> None:
    assert SCALES["lakh"] == 1e5 and SCALES["crore"] == 1e7


def values_of(nlp: Any, text: str, aspect: str) -> list[tuple[float, str, str]]:
    from claimgraph.graph.extract import extract
    from claimgraph.graph.models import Article

    ex = extract(Article(id="t", text=text), nlp)
    return [
        (v.number, v.unit, v.comparator)
        for a in ex.assertions
        for v in a.values
        if v.aspect == aspect and v.number is not None and v.unit is not None
    ]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The death toll in the Tarsen floods is 315, the health ministry said.",
            (315.0, "dead", "eq"),
        ),
        ("The death toll rose to 1,600, the Velmar army said.", (1600.0, "dead", "eq")),
        ("The Velmar army said the death toll stands at 42.", (42.0, "dead", "eq")),
        (
            "Officials said the death toll reached more than 1,600.",
            (1600.0, "dead", "gt"),
        ),
        (
            "The death toll climbed to 3,15,235, officials said.",
            (315235.0, "dead", "eq"),
        ),
        (
            "Officials said the number of deaths is up to 2,73,69,093.",
            (27369093.0, "dead", "lt"),
        ),
        ("Police said fatalities reached 42.", (42.0, "dead", "eq")),
        (
            "The ministry said the death toll had risen to 3.15 lakh.",
            (315000.0, "dead", "eq"),
        ),
        (
            "The ministry said the death toll had been put at about 40.",
            (40.0, "dead", "approx"),
        ),
        (
            "Officials said the death toll rose from 300 to 315.",
            (315.0, "dead", "eq"),
        ),
        ("Officials said the toll of injured stood at 40.", (40.0, "injured", "eq")),
        ("Police said the number of injured rose to 12.", (12.0, "injured", "eq")),
        ("Police said 1.2 million people were killed.", (1.2e6, "dead", "eq")),
    ],
)
def test_a_stated_figure_is_a_casualty_count(
    nlp: Any, text: str, expected: tuple[float, str, str]
) -> None:
    assert values_of(nlp, text, "Casualties") == [expected]
    assert values_of(nlp, text, "Count") == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The ministry said the death toll is not 315.",
        "Officials said the death toll rose by 20.",
        "Officials said the death toll rose from 300.",
        "Officials said the death toll was the highest since 1990.",
    ],
)
def test_no_stated_figure(nlp: Any, text: str) -> None:
    assert values_of(nlp, text, "Casualties") == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said 3.15 lakh people were displaced.", (315000.0, "people", "eq")),
        ("The ministry said 1.2 crore people were displaced.", (1.2e7, "people", "eq")),
        (
            "The ministry said 3,15,235 people were displaced.",
            (315235.0, "people", "eq"),
        ),
        (
            "The ministry said 2,73,69,093 people were displaced.",
            (27369093.0, "people", "eq"),
        ),
    ],
)
def test_indian_figures_are_counts(
    nlp: Any, text: str, expected: tuple[float, str, str]
) -> None:
    assert values_of(nlp, text, "Count") == [expected]


@pytest.mark.model
def test_two_parties_stating_different_tolls_are_a_numeric_conflict(nlp: Any) -> None:
    from claimgraph.graph.models import Article
    from claimgraph.graph.pipeline import ingest_articles
    from claimgraph.graph.report.findings import load_findings
    from claimgraph.graph.store import open_store

    text = (
        "The death toll in the Tarsen floods is 315, the health ministry said. "
        "The death toll in the Tarsen floods is about 1,600, the Daily Lantern said."
    )
    store = open_store(":memory:")
    ingest_articles(store, [Article(id="tarsen", text=text)], nlp=nlp)
    conflicts = [
        f
        for f in load_findings(store)
        if f.kind == "contradiction" and f.type == "numeric"
    ]
    assert len(conflicts) == 1
    (finding,) = conflicts
    assert finding.aspect == "Casualties"
    speakers = {a.speaker.lower() for a in finding.assertions}
    assert any("ministry" in s for s in speakers), speakers
    assert any("lantern" in s for s in speakers), speakers
