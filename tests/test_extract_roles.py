"""A role noun refers to the person named with that role; things never speak."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.graph.extract import extract
from claimgraph.graph.models import Article


def _speakers(nlp: Any, text: str) -> list[str]:
    ex = extract(Article(id="t", text=text), nlp)
    return [ex.actor(a.speaker).key for a in ex.assertions]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "holder"),
    [
        (
            "Justice Alan Marsh said Mr Brennick misled the court. The judge said "
            "the evidence was weak.",
            "person:alan-marsh",
        ),
        (
            "Officer Dana Reyes stopped the car on Friday. The officer said the "
            "driver was drunk.",
            "person:dana-reyes",
        ),
        (
            "Pc Neil Farrow was charged with assault. The officer told the court "
            "the man was violent.",
            "person:neil-farrow",
        ),
        (
            "Prosecutor Ann Bell opened the case on Monday. The prosecutor told "
            "the jury that Mr Colt stole the money.",
            "person:ann-bell",
        ),
        (
            "District Attorney Ann Bell filed charges. The prosecutor said Mr Colt "
            "stole the money.",
            "person:ann-bell",
        ),
        (
            "Coroner Jo Finch opened the inquest. The coroner said the death was "
            "accidental.",
            "person:jo-finch",
        ),
    ],
)
def test_a_role_noun_is_the_person_named_with_that_role(
    nlp: Any, text: str, holder: str
) -> None:
    assert _speakers(nlp, text)[-1] == holder


@pytest.mark.model
def test_a_role_noun_with_no_named_holder_stays_a_description(nlp: Any) -> None:
    assert _speakers(nlp, "The judge said the evidence was weak.") == ["person:judge"]
    text = "Mayor Lena Ortiz spoke on Monday. The judge said the fire was an accident."
    assert _speakers(nlp, text)[-1] == "person:judge"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Blood found on the boot shows the victim was kicked.",
        "The blood suggests the driver was drunk.",
        "The evidence shows the driver was drunk.",
        "Video from the chase appears to show the officer firing first.",
        "Police said video showed the man fled.",
        "The lawyers said they had evidence that they think would prove the theft "
        "did not occur.",
    ],
)
def test_a_thing_is_no_speaker(nlp: Any, text: str) -> None:
    things = ("blood", "evidence", "video")
    assert not [k for k in _speakers(nlp, text) if any(w in k for w in things)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The report said the bridge was unsafe.", "group:report"),
        ("The data show that crime fell.", "group:data"),
        ("Residents said the water was brown.", "group:residents"),
    ],
)
def test_documents_and_people_still_speak(nlp: Any, text: str, speaker: str) -> None:
    assert _speakers(nlp, text) == [speaker]


def test_role_synonyms_are_lexicon_data(lexicon: Any) -> None:
    assert {"justice", "magistrate"} <= lexicon.role_synonyms["judge"]
    assert "officer" in lexicon.role_synonyms["constable"]
    assert lexicon.title_word("coroner") and not lexicon.title_word("blood")
    assert "blood" in lexicon.non_agent_nouns
