"""Speakers that are not speakers (a title's portfolio, a content clause's
subject, a firm's name) and speakers that are lost (coordinated subjects, the
clause around a mid-sentence "according to")."""

from __future__ import annotations

import pytest

from claimgraph.graph.models import Extraction
from tests.extracting import run

pytestmark = pytest.mark.model


def rows(extraction: Extraction) -> list[tuple[str, str, str]]:
    return [
        (extraction.actor(a.speaker).name, a.cue.text, a.content.text)
        for a in extraction.assertions
    ]


def test_a_titles_portfolio_is_no_person() -> None:
    ex = run(
        '"The probe involves serious allegations," Tom Reel, the Agency\'s '
        "Assistant Commissioner for Compliance Policy in the Office of Regulatory "
        "Affairs, said in a statement Tuesday.\n\n"
        '"The probe is ongoing," he said.'
    )
    assert [name for name, _, _ in rows(ex)] == ["Tom Reel", "Tom Reel"]
    assert not any(a.name == "Compliance Policy" for a in ex.actors)


def test_a_cue_coordinated_into_the_content_takes_the_cues_subject() -> None:
    ex = run(
        "School officials say the cuts will save money and argue that the cuts "
        "are necessary."
    )
    assert rows(ex) == [
        ("School officials", "say", "the cuts will save money"),
        ("School officials", "argue", "the cuts are necessary"),
    ]


def test_a_misattached_cue_is_not_the_content_subjects() -> None:
    ex = run("The union said the offer was low and argued that it was an insult.")
    assert [(name, cue) for name, cue, _ in rows(ex)] == [
        ("union", "said"),
        ("union", "argued"),
    ]


def test_a_cue_coordinated_with_a_nested_cue_keeps_its_subject() -> None:
    ex = run(
        "Officials said the Kelan union rejected the offer and argued that it "
        "was an insult."
    )
    speakers = {cue: name for name, cue, _ in rows(ex)}
    assert speakers["said"] == "Officials"
    assert speakers["argued"] == "Kelan union"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Norbel, Dexcorp and Orca have all denied the claim.", ["Dexcorp", "Orca"]),
        ("Both Norbel and Orca denied the claim.", ["Orca"]),
    ],
)
def test_each_named_conjunct_speaks(text: str, names: list[str]) -> None:
    ex = run(text)
    speakers = {ex.actor(a.speaker).name for a in ex.assertions}
    assert speakers == {"Norbel", *names}
    assert {a.content.text for a in ex.assertions} == {"the claim"}
    assert len({a.speaker for a in ex.assertions}) == len(ex.assertions)


def test_a_single_subject_speaks_once() -> None:
    ex = run("Norbel has denied the claim.")
    assert rows(ex) == [("Norbel", "denied", "the claim")]


def test_coordinated_modifiers_still_name_no_speaker() -> None:
    ex = run("The Zandian and Kelan militaries said the border was calm.")
    assert ex.assertions == []


def test_a_relative_clause_without_that_is_said_by_its_subject() -> None:
    ex = run(
        "Two of the five Brazilian athletes the International Doping Board (IDB) "
        "recommended be suspended for life for doping said Friday they were "
        "victims of slanderous claims."
    )
    speakers = {cue: name for name, cue, _ in rows(ex)}
    assert speakers["recommended"] == "International Doping Board"
    assert speakers["said"] == "five Brazilian athletes"


def test_an_apposition_after_a_comma_is_no_relative_clause() -> None:
    ex = run("The Kelan runners, the Zandian champions, said they were innocent.")
    (a,) = ex.assertions
    assert ex.actor(a.speaker).name.startswith("Kelan runners")


def test_a_company_suffix_after_a_comma_names_the_firm() -> None:
    ex = run('"We sent them our data," said Dorr Lane, LLC CEO Jim Dorr.')
    (a,) = ex.assertions
    speaker = ex.actor(a.speaker)
    assert (speaker.name, speaker.kind) == ("Jim Dorr", "person")
    assert ex.actor(speaker.party).name == "Dorr Lane LLC"


def test_the_firms_name_alone_later_is_the_firm() -> None:
    ex = run(
        '"We have sent our data on our findings inside the homes," said Dorr '
        "Lane, LLC CEO Jim Lane.\n\nDorr Lane revealed results of tests on "
        'Monday.\n\n"They never came to this site," Lane said.'
    )
    names = {ex.actor(a.speaker).name for a in ex.assertions}
    assert names == {"Jim Lane"}
    assert {a.name for a in ex.actors if a.kind == "person"} == {"Jim Lane"}


def test_a_plain_apposition_is_unchanged() -> None:
    ex = run('"We sent them our data," said Dorr Lane, CEO of Norvex.')
    (a,) = ex.assertions
    assert ex.actor(a.speaker).name == "Dorr Lane"


def test_mid_sentence_according_to_takes_the_whole_clause() -> None:
    ex = run(
        "The man arrested, according to police, was later found to be the "
        "brother of the suspect."
    )
    (a,) = ex.assertions
    assert a.content.text == (
        "The man arrested, according to police, was later found to be the "
        "brother of the suspect"
    )


def test_closing_according_to_is_unchanged() -> None:
    ex = run("The man was later found to be the brother, according to police.")
    (a,) = ex.assertions
    assert a.content.text == "The man was later found to be the brother"
