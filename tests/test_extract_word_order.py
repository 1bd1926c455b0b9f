"""Cues out of the usual order: inverted, inside the clause, after a fronted
subordinate clause, and under a verb of perception."""

from __future__ import annotations

import pytest

from claimgraph.graph.models import Extraction
from tests.extracting import run

pytestmark = pytest.mark.model


def rows(extraction: Extraction) -> list[tuple[str, str, str, str]]:
    return [
        (extraction.actor(a.speaker).name, a.cue.text, a.cue_class, a.content.text)
        for a in extraction.assertions
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ('Said Evans: "These allegations are lies."', "Evans", "Said"),
        ('Said Tomas Brell: "These allegations are lies."', "Tomas Brell", "Said"),
        ('Says the mayor: "These allegations are lies."', "mayor", "Says"),
    ],
)
def test_inverted_cue_before_a_colon_and_quote(
    text: str, speaker: str, cue: str
) -> None:
    ex = run(text)
    assert rows(ex) == [(speaker, cue, "Say", "These allegations are lies")]
    assert ex.assertions[0].cue_lemma == "say"


def test_inverted_cue_is_not_part_of_the_name() -> None:
    ex = run(
        "Defence lawyer Orla Quenby spoke outside court.\n\n"
        'Said Quenby: "We will not pay."'
    )
    (a,) = ex.assertions
    assert ex.actor(a.speaker).name == "Orla Quenby"
    assert a.content.text == "We will not pay" and a.polarity == "negative"


def test_cue_between_a_fronted_phrase_and_the_clause() -> None:
    ex = run("On Sunday night, police said, deputies saw the man break a door.")
    assert rows(ex) == [("police", "said", "Say", "deputies saw the man break a door")]
    assert ex.assertions[0].pattern == "p_parenthetical"


def test_cue_between_subject_and_verb() -> None:
    # A content span is one stretch of text: the cue's words sit inside it.
    ex = run("The driver, witnesses said, ran away.")
    assert rows(ex) == [
        ("witnesses", "said", "Say", "The driver, witnesses said, ran away")
    ]


@pytest.mark.parametrize("opening", ["When", "After", "Before", "As"])
def test_trailing_cue_after_a_fronted_subordinate_clause(opening: str) -> None:
    clause = f"{opening} officers arrived, he was holding a phone"
    ex = run(f"{clause}, police said.")
    assert rows(ex) == [("police", "said", "Say", clause)]


def test_wh_complement_is_still_no_proposition() -> None:
    assert run("The police did not say when officers arrived.").assertions == []
    assert run("The ministry would not say where the ship was going.").assertions == []


def test_cue_under_a_passive_verb_of_perception() -> None:
    ex = run("Harlan Jaggers can be heard denying that he had planned a robbery.")
    (a,) = ex.assertions
    assert (ex.actor(a.speaker).name, a.cue.text, a.cue_class) == (
        "Harlan Jaggers",
        "denying",
        "Deny",
    )
    assert a.content.text == "he had planned a robbery"
    assert a.polarity == "negative"


def test_cue_under_a_passive_verb_of_perception_with_a_surname() -> None:
    ex = run("Jaggers can be heard denying that he had planned a robbery.")
    assert rows(ex) == [("Jaggers", "denying", "Deny", "he had planned a robbery")]


@pytest.mark.parametrize(
    ("text", "cue_class", "lemma", "content"),
    [
        (
            "The union pointed out that over half the drivers had not voted.",
            "Say",
            "point out",
            "over half the drivers had not voted",
        ),
        (
            "The company ruled out any link between the fault and the fire.",
            "Reject",
            "rule out",
            "any link between the fault and the fire",
        ),
        (
            "Police played down reports that the man was armed.",
            "Reject",
            "play down",
            "reports that the man was armed",
        ),
    ],
)
def test_a_verb_and_its_particle_are_one_cue(
    text: str, cue_class: str, lemma: str, content: str
) -> None:
    (assertion,) = run(text).assertions
    assert (assertion.cue_class, assertion.cue_lemma, assertion.content.text) == (
        cue_class,
        lemma,
        content,
    )


def test_reports_a_speaker_hits_back_at_speak_for_themselves() -> None:
    text = (
        "Dario Velt's publicist has hit back at reports suggesting the actor "
        "mocked the film."
    )
    extraction = run(text)
    rejection, reported = extraction.assertions
    assert (rejection.cue_class, rejection.rejects) == ("Reject", True)
    assert rejection.content.text == "reports suggesting the actor mocked the film"
    # The reports' claim is theirs, not the publicist's who rejects it.
    assert extraction.actor(reported.speaker).name == "reports"
    assert reported.content.text == "the actor mocked the film"


def test_hitting_back_at_a_person_is_no_rejection_of_a_claim() -> None:
    assert run("The mayor hit back at the council on Monday.").assertions == []


def test_ruling_out_an_act_is_no_rejection_of_a_claim() -> None:
    assert run("The election chief ruled out holding a fresh vote.").assertions == []


def test_dismissing_a_thing_as_something_is_a_claim_not_a_rejection() -> None:
    (assertion,) = run("The minister dismissed the strike as a failure.").assertions
    assert (assertion.cue_class, assertion.rejects) == ("Say", False)
    assert assertion.content.text == "the strike as a failure"


def test_a_relative_cue_says_its_clause_of_the_noun_it_modifies() -> None:
    text = (
        "More than one million teachers and nurses the unions say are on strike "
        "stayed home on Thursday."
    )
    (assertion,) = run(text).assertions
    assert assertion.content.text == (
        "More than one million teachers and nurses the unions say are on strike"
    )
    assert [v.number for v in assertion.values] == [1_000_000]


def test_a_quotation_of_several_sentences_is_said_whole() -> None:
    text = (
        "Doctors at the clinic defended the fee. “We did not charge $27,000 as "
        "claimed by the family. The bill was around $16,000,” the doctors said."
    )
    (assertion,) = run(text).assertions
    assert assertion.content.text == (
        "We did not charge $27,000 as claimed by the family. The bill was around "
        "$16,000"
    )


def test_a_subject_the_model_hangs_on_the_cue_is_part_of_what_was_said() -> None:
    text = (
        "The two largest unions said as many as 75 per cent of 2.3 million "
        "workers in state-run entities, which employ one in five people, did not "
        "turn up for work."
    )
    (assertion,) = run(text).assertions
    assert assertion.content.text.startswith("as many as 75 per cent of 2.3 million")
    assert assertion.content.text.endswith("did not turn up for work")


def test_our_data_inside_a_quotation_is_no_speaker_of_its_own() -> None:
    text = (
        '"The claim is simply wrong. Our data show the vessel was in '
        'international waters," Minister Ann Holt told the broadcaster.'
    )
    speakers = {run(text).actor(a.speaker).name for a in run(text).assertions}
    assert speakers == {"Ann Holt"}


def test_a_headline_the_body_repeats_is_one_statement() -> None:
    text = (
        "Norvex denies that it polluted the Vell river\n\n"
        "Norvex on Monday denied that it polluted the Vell river. Residents said "
        "the water turned brown."
    )
    extraction = run(text)
    denials = [a for a in extraction.assertions if a.cue_class == "Deny"]
    assert len(denials) == 1
    assert denials[0].content.start > text.index("\n\n")


def test_a_vehicle_story_published_that_day_is_no_speaker() -> None:
    text = (
        "Executive Dan Corvo also told the Herald in a story published on its "
        "website Monday that he was not interested in buying the paper."
    )
    extraction = run(text)
    (assertion,) = extraction.assertions
    assert extraction.actor(assertion.speaker).name == "Dan Corvo"
    assert assertion.content.text == "he was not interested in buying the paper"


def test_describing_a_thing_as_something_is_a_claim() -> None:
    text = 'The Water Agency has described the factory as "well managed".'
    (assertion,) = run(text).assertions
    assert (assertion.cue_class, assertion.rejects) == ("Say", False)
    assert assertion.content.text.startswith("the factory as")
