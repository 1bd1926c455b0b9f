"""Discourse-level speakers and casualty counts on hand-written text.

Report nouns as anaphors ("the statement said"), "it" continuing the previous
speaker, casualty phrasings ("lost their lives") and partial counts ("two more").
"""

from __future__ import annotations

import pytest

from claimgraph.graph.extract import extract
from claimgraph.graph.models import Article, AspectValue, Extraction

pytestmark = pytest.mark.model


def run(text: str) -> Extraction:
    extraction = extract(Article(id="t", text=text))
    for a in extraction.assertions:
        for span in (a.content, a.cue, a.speaker_span, *(v.span for v in a.values)):
            assert text[span.start : span.end] == span.text
    return extraction


def speakers(extraction: Extraction) -> list[tuple[str, str | None, str]]:
    out = []
    for a in extraction.assertions:
        actor = extraction.actor(a.speaker)
        out.append((actor.name, actor.side, a.content.text))
    return out


def casualties(text: str) -> list[AspectValue]:
    ex = run(text)
    return [v for a in ex.assertions for v in a.values if v.aspect == "Casualties"]


# -- report nouns as anaphors -------------------------------------------------


def test_quoted_statement_speaks_for_its_issuer() -> None:
    ex = run(
        "In an updated statement, the Latvian interior ministry said the march "
        'had been peaceful. "No arrests were made in Riga," the statement said.'
    )
    assert speakers(ex) == [
        ("Latvian interior ministry", "Latvia", "the march had been peaceful"),
        ("Latvian interior ministry", "Latvia", "No arrests were made in Riga"),
    ]
    assert ex.assertions[1].speaker_span.text == "the statement"


def test_statement_issued_earlier_names_its_source() -> None:
    ex = run(
        "The Estonian transport ministry issued a statement on Monday. "
        "The statement said the ferry had been delayed by ice."
    )
    ((name, side, content),) = speakers(ex)
    assert (name, side) == ("Estonian transport ministry", "Estonia")
    assert content == "the ferry had been delayed by ice"


def test_report_falls_back_on_the_latest_body_not_a_crowd() -> None:
    ex = run(
        "The Zambian health ministry said the clinic in Kabwe had reopened. "
        "Residents said the queues were long. "
        "The report said three nurses had been hired."
    )
    rows = speakers(ex)
    assert rows[1][0] == "Residents"
    assert rows[2][:2] == ("Zambian health ministry", "Zambia")


def test_possessive_and_compound_owners_of_a_statement() -> None:
    ex = run(
        "The Malawian finance ministry said the budget would be cut. "
        "The ministry's statement said salaries were safe. "
        "A ministry report said the debt had grown."
    )
    assert [row[0] for row in speakers(ex)] == ["Malawian finance ministry"] * 3


# -- "it" continues the previous speaker ----------------------------------------


def test_it_prefers_the_previous_speaker_over_a_demonym_in_content() -> None:
    ex = run(
        "The Latvian foreign ministry, which chairs the monitoring group, said the "
        "monitors had toured the valley on Friday and concluded that the shots came "
        "from the Estonian side. It said two farmers had been hurt."
    )
    last = ex.assertions[-1]
    assert last.content.text == "two farmers had been hurt"
    assert ex.actor(last.speaker).name == "Latvian foreign ministry"
    assert ex.actor(last.speaker).side == "Latvia"


def test_nested_it_after_another_body_keeps_the_nearest_antecedent() -> None:
    ex = run(
        "The Latvian ministry said the Daugava Timber company had broken the rules "
        "and that it had admitted the breach."
    )
    nested = [a for a in ex.assertions if a.parent is not None]
    assert nested and ex.actor(nested[0].speaker).name == "Daugava Timber company"


def test_it_after_a_group_speaker_is_resolved_as_before() -> None:
    ex = run(
        "The Uruguayan navy said the trawler had been seized. "
        "Fishermen in Montevideo said the catch was poor. "
        "It said the crew would be released."
    )
    assert ex.actor(ex.assertions[-1].speaker).name != "Fishermen in Montevideo"


# -- casualty phrasings -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "count", "unit"),
    [
        (
            "The army said three of our soldiers lost their lives defending the border.",
            3.0,
            "dead",
        ),
        ("The army said one soldier lost his life near the river.", 1.0, "dead"),
        ("The army said four soldiers were left dead.", 4.0, "dead"),
        ("The ambush left five soldiers dead, the army said.", 5.0, "dead"),
        ("The blast claimed the lives of four miners, police said.", 4.0, "dead"),
        ("The army said two soldiers were fatally wounded.", 2.0, "dead"),
        ("The army said six sailors perished.", 6.0, "dead"),
        ("The army said nine soldiers were wounded.", 9.0, "injured"),
    ],
)
def test_casualty_phrasings(text: str, count: float, unit: str) -> None:
    values = casualties(text)
    assert [(v.number, v.unit) for v in values] == [(count, unit)]


def test_wounded_and_later_died_counts_both() -> None:
    values = casualties("The army said two soldiers were wounded and later died.")
    assert sorted((v.unit, v.number) for v in values) == [
        ("dead", 2.0),
        ("injured", 2.0),
    ]


def test_negated_loss_of_life_is_no_count() -> None:
    assert casualties("The army said two soldiers did not lose their lives.") == []


# -- partial counts -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The army said two soldiers who had been badly hurt in the ambush died on Sunday.",
        "The army said two soldiers wounded in the clash later died.",
        "The ministry said two of the wounded had died.",
        "The ministry said two more soldiers died.",
        "The ministry said another three soldiers died overnight.",
        "The army said a further two soldiers perished.",
        "The army said an additional four soldiers were killed.",
    ],
)
def test_partial_counts(text: str) -> None:
    (value,) = casualties(text)
    assert value.unit == "dead" and value.partial is True


@pytest.mark.parametrize(
    "text",
    [
        "The army said seven soldiers were killed in the exchange.",
        "The army said the rebels attacked the convoy, killing three soldiers.",
        "The army said three of our soldiers lost their lives defending the border.",
        "The army said more than two soldiers died.",
        "The army said seven soldiers, who were on patrol, were killed.",
        "The army said the two soldiers who were killed in the blast were buried.",
    ],
)
def test_totals_are_not_partial(text: str) -> None:
    (value,) = casualties(text)
    assert value.unit == "dead" and value.partial is False
