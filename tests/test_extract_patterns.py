"""Attribution patterns, factuality, actors and aspect values on hand-written text."""

from __future__ import annotations

import pytest

from graph.extract import extract
from graph.models import Article, Extraction

pytestmark = pytest.mark.model


def run(text: str) -> Extraction:
    extraction = extract(Article(id="t", text=text))
    for a in extraction.assertions:
        for span in (a.content, a.cue, a.speaker_span, *(v.span for v in a.values)):
            assert text[span.start : span.end] == span.text
    for actor in extraction.actors:
        for span in actor.mentions:
            assert text[span.start : span.end] == span.text
    return extraction


def rows(extraction: Extraction) -> list[tuple[str, str | None, str, str]]:
    out = []
    for a in extraction.assertions:
        speaker = extraction.actor(a.speaker)
        out.append((speaker.name, speaker.side, a.cue.text, a.content.text))
    return out


def test_indirect_speech_with_that() -> None:
    ex = run("The French foreign ministry said that the talks had collapsed.")
    assert rows(ex) == [
        ("French foreign ministry", "France", "said", "the talks had collapsed")
    ]
    assert ex.assertions[0].pattern == "p_ccomp"


def test_indirect_speech_without_that_and_told_reporters() -> None:
    ex = run("Chancellor Ingrid Vogel told reporters the deal was dead.")
    (row,) = rows(ex)
    assert (
        row[0] == "Ingrid Vogel" and row[2] == "told" and row[3] == "the deal was dead"
    )


def test_quote_first_and_pronoun_speaker() -> None:
    text = (
        "Spanish Prime Minister Luis Ortega arrived in Rome on Monday.\n\n"
        "\u201cWe will not accept these tariffs,\u201d he said."
    )
    ex = run(text)
    (row,) = rows(ex)
    assert row[0] == "Luis Ortega" and row[1] == "Spain"
    assert row[3] == "We will not accept these tariffs"


def test_according_to() -> None:
    ex = run("According to the Kenyan police, the convoy was attacked at dawn.")
    (a,) = ex.assertions
    assert a.pattern == "p_according"
    assert ex.actor(a.speaker).side == "Kenya"
    assert a.content.text == "the convoy was attacked at dawn"


def test_accusation_sets_target_and_negative_implicative() -> None:
    ex = run(
        "Polish Defence Minister Adam Nowak accused Germany of failing to notify Warsaw of the exercise."
    )
    (a,) = ex.assertions
    assert a.cue_class == "Accuse" and ex.actor(a.target or "").name == "Germany"
    assert a.polarity == "negative"
    notice = [v for v in a.values if v.aspect == "AdvanceNotice"]
    assert notice and notice[0].positive is False


def test_blame_gives_responsibility() -> None:
    ex = run("The Turkish government blamed Greece for the collision.")
    (a,) = ex.assertions
    assert a.cue_class == "Blame"
    assert [(v.aspect, ex.actor(v.actor or "").name) for v in a.values] == [
        ("Responsibility", "Greece")
    ]


def test_denial_is_negative() -> None:
    ex = run("The Greek coast guard denied that its vessel had rammed the boat.")
    (a,) = ex.assertions
    assert a.cue_class == "Deny" and a.polarity == "negative"


@pytest.mark.parametrize(
    "text",
    [
        "Moscow refrained from blaming Kyiv directly.",
        "The ministry did not say that the border was closed.",
        "The company declined to say whether the plant would close.",
        "It is still unclear what caused the fire at the depot.",
    ],
)
def test_non_asserted_cues_make_no_assertion(text: str) -> None:
    assert run(text).assertions == []


def test_narrator_background_is_no_assertion() -> None:
    assert (
        run("The bridge was built in 1931 and carries 40,000 cars a day.").assertions
        == []
    )


def test_conjoined_cue_inherits_subject() -> None:
    ex = run(
        "The Dutch ministry said the port would reopen, adding that ships had been rerouted."
    )
    cues = {(a.cue.text, ex.actor(a.speaker).name) for a in ex.assertions}
    assert ("adding", "Dutch ministry") in cues


def test_nested_statement_and_acronym() -> None:
    text = (
        "The Japan Coast Guard (JCG) said on Friday it had tracked the ship. "
        "The JCG said an inquiry found that the crew had switched off the transponder."
    )
    ex = run(text)
    speakers = {ex.actor(a.speaker).name for a in ex.assertions}
    assert speakers == {"Japan Coast Guard"}
    found = next(a for a in ex.assertions if a.cue.text == "found")
    assert found.parent is not None


def test_hedge_lowers_certainty() -> None:
    ex = run("The Chilean navy said the vessel had reportedly sunk.")
    (a,) = ex.assertions
    assert a.certainty == "probable"


def test_lead_time_value() -> None:
    ex = run(
        "The Indian army said Pakistan warned it only two minutes before the shelling began."
    )
    values = [v for a in ex.assertions for v in a.values if v.kind == "duration"]
    assert [(v.number, v.comparator, v.unit) for v in values] == [(120.0, "lt", "s")]


def test_casualty_count() -> None:
    ex = run("The Nigerian army said the raid killed 12 soldiers.")
    values = [v for a in ex.assertions for v in a.values if v.aspect == "Casualties"]
    assert [(v.number, v.unit) for v in values] == [(12.0, "dead")]


def test_location_values() -> None:
    ex = run(
        "The Norwegian coast guard said the trawler was in Norwegian waters. "
        "The Icelandic ministry said the trawler was in international waters."
    )
    owners = sorted(
        ex.actor(v.actor or "").name
        for a in ex.assertions
        for v in a.values
        if v.aspect == "Location"
    )
    assert owners == ["Norway", "international waters"]


def test_company_dispute_unrelated_to_states() -> None:
    text = (
        "Halvorsen Shipping said it had paid the final invoice in March. "
        "Brightline Logistics said it never received the payment, adding that it would sue."
    )
    ex = run(text)
    speakers = [ex.actor(a.speaker).name for a in ex.assertions]
    assert speakers[:2] == ["Halvorsen Shipping", "Brightline Logistics"]
    assert ex.events and ex.events[0].type == "Transaction"


def test_rejection_with_a_noun_object() -> None:
    ex = run("Iceland rejected that account.")
    (a,) = ex.assertions
    assert (a.cue_class, a.pattern, a.content.text, a.polarity) == (
        "Reject",
        "p_reject",
        "that account",
        "negative",
    )


def test_floating_quote_continues_the_speaker() -> None:
    text = (
        "\u201cThe plan is late,\u201d Mayor Anna Berg said on Monday. "
        "\u201cWe will not wait another year.\u201d\n\n"
        "The council meets again in June."
    )
    ex = run(text)
    assert [
        (ex.actor(a.speaker).name, a.pattern, a.content.text) for a in ex.assertions
    ] == [
        ("Anna Berg", "p_ccomp", "The plan is late"),
        ("Anna Berg", "p_floating", "We will not wait another year"),
    ]
