"""Who a description, a document or an apposed agent stands for, on whole
invented stories run through the model."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.graph.extract import extract
from claimgraph.graph.models import Article, Extraction


def _extract(nlp: Any, text: str) -> Extraction:
    return extract(Article(id="t", text=text), nlp)


def _speakers(ex: Extraction) -> dict[str, str]:
    """Content's first words -> the speaker's name."""
    return {
        " ".join(a.content.text.split()[:3]): ex.actor(a.speaker).name
        for a in ex.assertions
    }


@pytest.mark.model
def test_a_place_in_a_hyphenated_modifier_names_no_new_company(nlp: Any) -> None:
    ex = _extract(
        nlp,
        "Regulators fined Brimley Labs $2 million on Monday. The Oslo-based "
        "company said it would appeal the fine.",
    )
    assert _speakers(ex)["it would appeal"] == "Brimley Labs"


@pytest.mark.model
def test_the_company_is_the_one_the_story_is_about_not_its_product(
    nlp: Any,
) -> None:
    text = (
        "Two crashes involved Norvex's Skypilot system. Norvex said in May that "
        "the system was safe. Norvex shares fell after Harbor Weekly's reports. "
        "Skypilot has covered millions of miles. The automaker also disputes "
        "that Skypilot caused the crash."
    )
    ex = _extract(nlp, text)
    (denial,) = [a for a in ex.assertions if a.cue_class == "Deny"]
    assert ex.actor(denial.speaker).name == "Norvex"


@pytest.mark.model
def test_a_headline_s_company_is_the_one_named_after_it(nlp: Any) -> None:
    text = (
        "The company denies its brakes failed\n\n"
        "Regulators said the brakes of Brimley Labs failed. Brimley Labs said on "
        "Monday that its brakes passed every test."
    )
    ex = _extract(nlp, text)
    (denial,) = [a for a in ex.assertions if a.cue_class == "Deny"]
    assert ex.actor(denial.speaker).name == "Brimley Labs"


@pytest.mark.model
def test_a_statement_with_no_issuer_is_the_body_its_quote_names(nlp: Any) -> None:
    text = (
        "According to the magazine Harbor Weekly, Velt mocked the film. "
        'A statement to the Daily Planet reads, "Harbor Weekly stands by our story '
        'and our reporter."'
    )
    ex = _extract(nlp, text)
    (statement,) = [a for a in ex.assertions if "stands by" in a.content.text]
    assert ex.actor(statement.speaker).name == "Harbor Weekly"


@pytest.mark.model
def test_a_described_outlet_is_named_without_its_description(nlp: Any) -> None:
    ex = _extract(
        nlp, "According to Aussie magazine Harbor Weekly, Velt called the film silly."
    )
    assert "Harbor Weekly" in {a.name for a in ex.actors}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Actor Dario Velt was said to have mocked the film. Velt's rep, Ana "
        "Lorrin, insisted Velt never made the comment.",
        "Actor Dario Velt was said to have mocked the film. But now the star's "
        "rep, Ana Lorrin, has hit back, insisting Velt never made the comment.",
    ],
)
def test_an_agent_named_in_apposition_acts_for_the_possessor(
    nlp: Any, text: str
) -> None:
    ex = _extract(nlp, text)
    (denial,) = ex.assertions
    speaker = ex.actor(denial.speaker)
    assert (speaker.name, speaker.party) == ("Ana Lorrin", "person:dario-velt")


@pytest.mark.model
def test_a_document_one_of_several_is_issued_by_the_verb_s_subject(
    nlp: Any,
) -> None:
    text = (
        "Harbor Weekly has also claimed in a pair of stories that the automaker "
        "didn't report the crashes to investors. Norvex said the reports were "
        "false. Norvex shares fell on Tuesday. This could lead to lawsuits, the "
        "story claims."
    )
    ex = _extract(nlp, text)
    (story,) = [a for a in ex.assertions if "lawsuits" in a.content.text]
    assert ex.actor(story.speaker).name == "Harbor Weekly"


@pytest.mark.model
def test_bare_sources_are_the_sources_named_just_before(nlp: Any) -> None:
    text = (
        "Norland Army sources denied the claims on Sunday. Sources said the "
        "village lies on the other side of the border."
    )
    ex = _extract(nlp, text)
    speakers = {ex.actor(a.speaker).key for a in ex.assertions}
    assert len(speakers) == 1


@pytest.mark.model
def test_an_acronym_of_a_hyphenated_name_is_that_body(nlp: Any) -> None:
    text = (
        "Officers from the Brimley-Vance Police Department shot a man on "
        "Tuesday. Police said the man was armed. BVPD said it would release "
        "the video."
    )
    ex = _extract(nlp, text)
    names = {ex.actor(a.speaker).name for a in ex.assertions}
    assert names == {"Brimley-Vance Police Department"}


@pytest.mark.model
def test_the_people_who_run_a_body_speak_as_the_body(nlp: Any) -> None:
    text = (
        "The Norvale hospital on Saturday denied negligence. The hospital "
        "authorities also said that the family was informed about the risks."
    )
    ex = _extract(nlp, text)
    assert len({a.speaker for a in ex.assertions}) == 1
    alone = _extract(nlp, "The hospital authorities said that the family was informed.")
    assert [alone.actor(a.speaker).name for a in alone.assertions] == [
        "hospital authorities"
    ]
