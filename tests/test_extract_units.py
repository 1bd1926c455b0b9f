"""Model-free units of extraction: quotation pairing, spans, durations."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.graph.extract.quantities import duration_before, number
from claimgraph.graph.extract.quotes import find_quotes, strip_span


def test_quotes_pair_by_type_and_skip_apostrophes() -> None:
    text = 'Israel\u2019s army said \u201cit is over\u201d and "never again".'
    quotes = [text[q.start : q.end] for q in find_quotes(text)]
    assert quotes == ["it is over", "never again"]


def test_line_break_closes_an_open_quote() -> None:
    text = "\u201cWe will respond\nThe next paragraph \u201cstarts\u201d here."
    quotes = [text[q.start : q.end] for q in find_quotes(text)]
    assert quotes == ["We will respond", "starts"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the talks had collapsed.", "the talks had collapsed"),
        ("\u201cthe talks had collapsed,\u201d", "the talks had collapsed"),
        ("a \u201cchain\u201d of events.", "a \u201cchain\u201d of events"),
    ],
)
def test_strip_span_drops_edge_punctuation_and_unpaired_marks(
    text: str, expected: str
) -> None:
    start, end = strip_span(text, 0, len(text))
    assert text[start:end] == expected


@pytest.mark.parametrize(
    ("text", "seconds", "comparator"),
    [
        ("warned them less than a minute", 60.0, "lt"),
        ("about two hours", 7200.0, "approx"),
        ("\u201conly 30 seconds\u201d", 30.0, "lt"),
        ("two days", 172800.0, "eq"),
        ("at least three hours", 10800.0, "ge"),
    ],
)
def test_durations(text: str, seconds: float, comparator: str) -> None:
    assert duration_before(text) == (seconds, comparator)


def test_no_duration() -> None:
    assert duration_before("the strike") is None
    assert number("fifteen") == 15.0 and number("1,200") == 1200.0


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Unions said more than a million workers walked out.", (1e6, "worker", "gt")),
        ("Officials said fewer than 500,000 workers joined.", (5e5, "worker", "lt")),
        (
            "The firm said that about 5,000 barrels had leaked.",
            (5e3, "barrel", "approx"),
        ),
        (
            "The survey found 78% of members backed the action.",
            (78.0, "percent of member", "eq"),
        ),
    ],
)
def test_counts_of_any_thing(
    nlp: Any, sentence: str, expected: tuple[float, str, str]
) -> None:
    from claimgraph.graph.extract import extract
    from claimgraph.graph.models import Article

    ex = extract(Article(id="t", text=sentence), nlp)
    counts = [
        (v.number, v.unit, v.comparator)
        for a in ex.assertions
        for v in a.values
        if v.aspect == "Count"
    ]
    assert counts == [expected]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police said 15,000 people marched. Organisers said the figure was "
            "about 100,000.",
            [(15e3, "people", "eq"), (1e5, "people", "approx")],
        ),
        (
            "Unions said 2,000,000 nurses walked out. Ministers said fewer than "
            "half a million took part.",
            [(2e6, "nurse", "eq"), (5e5, "nurse", "lt")],
        ),
    ],
)
def test_a_bare_figure_counts_what_the_count_before_it_counts(
    nlp: Any, text: str, expected: list[tuple[float, str, str]]
) -> None:
    from claimgraph.graph.extract import extract
    from claimgraph.graph.models import Article

    ex = extract(Article(id="t", text=text), nlp)
    counts = [
        (v.number, v.unit, v.comparator)
        for a in ex.assertions
        for v in a.values
        if v.aspect == "Count"
    ]
    assert counts == expected


@pytest.mark.model
def test_a_bare_number_with_no_count_before_it_is_no_count(nlp: Any) -> None:
    from claimgraph.graph.extract import extract
    from claimgraph.graph.models import Article

    text = "The organisers said the figure was about 100,000."
    ex = extract(Article(id="t", text=text), nlp)
    assert [v for a in ex.assertions for v in a.values if v.aspect == "Count"] == []


@pytest.mark.model
def test_dates_money_and_casualties_are_not_counts(nlp: Any) -> None:
    from claimgraph.graph.extract import extract
    from claimgraph.graph.models import Article

    text = "Police said 3 people were killed on 12 May and $40 was stolen."
    ex = extract(Article(id="t", text=text), nlp)
    aspects = [v.aspect for a in ex.assertions for v in a.values]
    assert "Count" not in aspects


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "rejects"),
    [
        ("The company said the report was baseless.", True),
        ("The ministry said the allegations were a fabrication.", True),
        ("The union said the figures were false.", True),
        ("The club denied any wrongdoing.", True),
        ("The army said extensive and inaccurate fire hit the plane.", False),
        ("The police said the man gave a false name.", False),
    ],
)
def test_a_statement_rejects_a_claim_only_when_it_calls_a_claim_untrue(
    nlp: Any, sentence: str, rejects: bool
) -> None:
    from claimgraph.graph.extract import extract
    from claimgraph.graph.models import Article

    (assertion,) = extract(Article(id="t", text=sentence), nlp).assertions
    assert assertion.rejects is rejects


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "bare", "target"),
    [
        (
            "The coach said Dana Whitfield's allegations against him were untrue.",
            True,
            "Whitfield",
        ),
        ("The company said all those allegations were completely false.", True, None),
        ("The club said the report that it paid players was false.", False, None),
    ],
)
def test_a_rejection_names_whose_claim_it_rejects_and_whether_it_refers_back(
    nlp: Any, text: str, bare: bool, target: str | None
) -> None:
    from claimgraph.graph.extract import extract
    from claimgraph.graph.models import Article

    ex = extract(Article(id="t", text=text), nlp)
    (rejection,) = [a for a in ex.assertions if a.rejects]
    assert rejection.refers_back is bare
    named = ex.actor(rejection.target).name if rejection.target else None
    assert named == target or (target is not None and target in (named or ""))
