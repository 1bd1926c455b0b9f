"""Names the model tags inconsistently, and short forms of organisations' names."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.tokens import Doc, Span

from claimgraph.graph.extract import extract
from claimgraph.graph.extract.mentions import harmonise_names
from claimgraph.graph.models import Article


def _doc(words: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def test_a_name_takes_the_label_most_of_its_mentions_have() -> None:
    words = "Zarvo CEO Ann Lee said Zarvo and Zarvo agreed with Lee".split()
    doc = _doc(
        words, [(0, 1, "PERSON"), (2, 4, "PERSON"), (5, 6, "ORG"), (7, 8, "ORG")]
    )
    harmonise_names(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Zarvo", "ORG"),
        ("Ann Lee", "PERSON"),
        ("Zarvo", "ORG"),
        ("Zarvo", "ORG"),
    ]


def test_a_tie_changes_nothing_and_a_majority_of_people_wins() -> None:
    words = "Zarvo CEO Ann Lee said Zarvo and Zarvo agreed with Lee".split()
    doc = _doc(words, [(0, 1, "PERSON"), (5, 6, "ORG")])
    harmonise_names(doc)
    assert [e.label_ for e in doc.ents] == ["PERSON", "ORG"]
    doc = _doc(words, [(0, 1, "PERSON"), (5, 6, "ORG"), (7, 8, "PERSON")])
    harmonise_names(doc)
    assert [e.label_ for e in doc.ents] == ["PERSON", "PERSON", "PERSON"]


@pytest.mark.model
def test_a_company_s_short_name_is_the_company_not_a_person(nlp: Any) -> None:
    text = (
        "Lawyers for Leslie Gudel, founder of Berwyn-based Baby Nest L.L.C., went "
        'on the offensive Wednesday. Baby Nest contends that the warning is "false."'
    )
    ex = extract(Article(id="t", text=text), nlp)
    (said,) = [a for a in ex.assertions if a.cue.text == "contends"]
    speaker = ex.actor(said.speaker)
    assert (speaker.kind, speaker.name) == ("organisation", "Baby Nest L.L.C.")


@pytest.mark.model
def test_an_acronym_without_the_state_s_initial_is_the_state_s_body(nlp: Any) -> None:
    text = (
        "The U.S. Consumer Product Safety Commission sued the maker on Monday. "
        "The CPSC said the chairs were a hazard."
    )
    ex = extract(Article(id="t", text=text), nlp)
    (said,) = [a for a in ex.assertions if a.cue.text == "said"]
    speaker = ex.actor(said.speaker)
    assert speaker.name == "U.S. Consumer Product Safety Commission"
    assert speaker.side == "United States"


@pytest.mark.model
def test_counsel_with_the_same_post_nominal_stay_two_people(nlp: Any) -> None:
    text = (
        "Mr John Rowan SC told the jury the witness was a liar. "
        "Counsel for the prosecution Mr Michael Dunne SC said the man died on "
        "November 24th."
    )
    ex = extract(Article(id="t", text=text), nlp)
    speakers = {ex.actor(a.speaker).name for a in ex.assertions}
    assert len(speakers) == 2
    assert all("Rowan" in n or "Dunne" in n for n in speakers)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "rejections"),
    [
        ("The company said it had decided to dismiss three employees.", 0),
        ("The club dismissed two players on Monday.", 0),
        ("The company dismissed the report as baseless.", 1),
    ],
)
def test_dismissing_people_is_no_rejection(
    nlp: Any, text: str, rejections: int
) -> None:
    ex = extract(Article(id="t", text=text), nlp)
    assert sum(a.rejects for a in ex.assertions) == rejections


@pytest.mark.model
def test_a_foreign_newspaper_is_an_outlet_and_state_television_the_state(
    nlp: Any,
) -> None:
    text = (
        "Borduria's state television said the jet was shot down. "
        "A British newspaper said the jet crashed."
    )
    ex = extract(Article(id="t", text=text), nlp)
    sides = {ex.actor(a.speaker).name: ex.actor(a.speaker).side for a in ex.assertions}
    assert sides["British newspaper"] is None
    assert ex.actor(ex.assertions[1].speaker).kind == "organisation"
    assert not ex.actor(ex.assertions[1].speaker).named


@pytest.mark.model
def test_a_title_case_headline_s_verb_ends_no_name(nlp: Any) -> None:
    text = (
        "Arbitration Body Rejects Dorrel's Appeal for Leniency\n\n"
        "Kai Dorrel said he would keep fighting."
    )
    ex = extract(Article(id="t", text=text), nlp)
    names = [a.name for a in ex.actors]
    assert not any("Rejects" in name or "Arbitration" in name for name in names)
    (said,) = ex.assertions
    assert "Dorrel" in ex.actor(said.speaker).name


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "VALDORA, April 5 — Aid groups are inflating the figures, an "
            "official said on Thursday.",
            "Aid groups are inflating the figures",
        ),
        (
            "MOSCOW, Dec 23 (Reuters) – The champion has received a ban, the "
            "federation said.",
            "The champion has received a ban",
        ),
    ],
)
def test_a_dateline_is_no_part_of_what_was_said(
    nlp: Any, text: str, content: str
) -> None:
    ex = extract(Article(id="t", text=text), nlp)
    assert [a.content.text for a in ex.assertions] == [content]
