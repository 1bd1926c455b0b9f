"""People who speak for someone else act for them: lawyers, spokespeople, agents."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.graph.extract import extract
from claimgraph.graph.models import Article


def _parties(nlp: Any, text: str) -> dict[str, str | None]:
    ex = extract(Article(id="t", text=text), nlp)
    return {ex.actor(a.speaker).name: ex.actor(a.speaker).party for a in ex.assertions}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "agent", "client"),
    [
        (
            "Dan Corvo, 23, was charged on Monday. Corvo attorney Joe Lane said "
            "the charges were false.",
            "Joe Lane",
            "person:dan-corvo",
        ),
        (
            "Kai Moss was shot by police. Moss family attorney Al Dee said Moss "
            "was unarmed.",
            "Al Dee",
            "group:moss-family",
        ),
        (
            "Dan Corvo was banned for four years. Corvo's attorney Joe Lane also "
            "saw the ruling as significant. 'We are pleased,' said Lane, a "
            "partner with Lane Hart.",
            "Joe Lane",
            "person:dan-corvo",
        ),
    ],
)
def test_a_named_client_before_an_agent_s_title_is_his_party(
    nlp: Any, text: str, agent: str, client: str
) -> None:
    assert _parties(nlp, text)[agent] == client


@pytest.mark.model
def test_a_possessor_of_an_agent_s_title_is_the_client(nlp: Any) -> None:
    text = (
        "Mark Reyes, 40, was charged with fraud. His lawyer said the charges were "
        "baseless. Prosecutors said Reyes stole the money."
    )
    parties = _parties(nlp, text)
    assert parties["His lawyer"] == "person:mark-reyes"
    assert parties["Prosecutors"] != "person:mark-reyes"


@pytest.mark.model
def test_a_body_before_a_spokesman_s_title_is_still_his_employer(nlp: Any) -> None:
    parties = _parties(
        nlp, "Dalton Motors spokesman Peter Hale said the recall was voluntary."
    )
    assert parties["Peter Hale"] == "org:dalton-motors"


@pytest.mark.model
def test_a_title_inside_the_name_entity_is_a_title(nlp: Any) -> None:
    text = (
        "Police said Kai Moss fired at officers. "
        "Lawyer Al Dee said the police had been untruthful."
    )
    ex = extract(Article(id="t", text=text), nlp)
    lawyer = ex.assertions[1]
    assert ex.actor(lawyer.speaker).name == "Al Dee"
    # Calling a party untruthful rejects what it said.
    assert lawyer.rejects


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # The dateline after a title, a capital without its accent.
        "Figures inflated by aid groups: minister\n\n"
        "YAOUNDE, April 5 — Minister of Territorial Administration Paul Nji said "
        "the figures were false.",
        "BOGOTÁ — Minister of Territorial Administration Paul Nji said the "
        "figures were false.",
    ],
)
def test_an_unnamed_state_s_officials_belong_to_the_dateline_s(
    nlp: Any, text: str
) -> None:
    ex = extract(Article(id="t", text=text), nlp)
    (said,) = ex.assertions
    minister = ex.actor(said.speaker)
    assert minister.role == "Minister of Territorial Administration"
    assert minister.side == ("Cameroon" if "YAOUNDE" in text else "Colombia")


@pytest.mark.model
def test_only_a_capitalised_place_after_the_title_is_a_dateline(nlp: Any) -> None:
    text = (
        "Talks stall\n\n"
        "France - the Minister of Territorial Administration Paul Nji said the "
        "talks failed."
    )
    ex = extract(Article(id="t", text=text), nlp)
    (said,) = ex.assertions
    assert ex.actor(said.speaker).side is None
    dated = extract(Article(id="t", text=text.replace("France -", "PARIS -")), nlp)
    assert dated.actor(dated.assertions[0].speaker).side == "France"


@pytest.mark.model
def test_an_honorific_is_no_part_of_the_name_but_a_stage_name_keeps_it(
    nlp: Any,
) -> None:
    names = {
        ex.actor(a.speaker).name
        for ex in (
            extract(Article(id="t", text=text), nlp)
            for text in (
                '"There was no basis for this report," spokeswoman Ms Marina '
                "Ashanin told reporters.",
                "Lady Gaga said the report was false.",
            )
        )
        for a in ex.assertions
    }
    assert {"Marina Ashanin", "Lady Gaga"} <= names


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Mr Ray Fell was acting yesterday on behalf of Mr Ian Cole.",
        "Ray Fell, who represents Ian Cole, spoke to reporters.",
        "Ray Fell appeared for Ian Cole at the hearing.",
    ],
)
def test_what_a_person_does_for_someone_makes_him_their_agent(
    nlp: Any, sentence: str
) -> None:
    text = f"{sentence} Fell said the claim was wrong."
    ex = extract(Article(id="t", text=text), nlp)
    said = next(a for a in ex.assertions if a.cue.text == "said")
    assert ex.actor(said.speaker).party == "person:ian-cole"


@pytest.mark.model
def test_speaking_for_a_while_is_no_agency(nlp: Any) -> None:
    text = "Ray Fell spoke for twenty minutes. Fell said the claim was wrong."
    ex = extract(Article(id="t", text=text), nlp)
    said = next(a for a in ex.assertions if a.cue.text == "said")
    assert ex.actor(said.speaker).party == "person:ray-fell"


@pytest.mark.model
def test_a_story_s_dominant_state_owns_its_bare_public_bodies(nlp: Any) -> None:
    text = (
        "The government rejected a report on Norland's flood toll. Norland's "
        "health ministry said Norland had counted every death, and the figures "
        "for Norland were checked. The health ministry said the report was false."
    )
    text = text.replace("Norland", "Chile")
    ex = extract(Article(id="t", text=text), nlp)
    sides = {ex.actor(a.speaker).name: ex.actor(a.speaker).side for a in ex.assertions}
    assert set(sides.values()) == {"Chile"}
    # Another state named half as often: no story state, bare bodies unsided.
    mixed = extract(
        Article(id="t", text=text + " Peru said Peru had the figures right."), nlp
    )
    bare = [a for a in mixed.actors if a.name == "government"]
    assert all(a.side is None for a in bare)


@pytest.mark.model
def test_a_charge_the_model_hangs_on_the_accuser_is_the_content(nlp: Any) -> None:
    text = (
        "Mr Fell had earlier been accused by the defence of trying to incite the crowd."
    )
    ex = extract(Article(id="t", text=text), nlp)
    (accused,) = ex.assertions
    assert ex.actor(accused.speaker).name == "defence"
    assert accused.content.text == "trying to incite the crowd"
    assert accused.target is not None and "fell" in accused.target


@pytest.mark.model
def test_a_spokeswoman_speaks_for_the_body_her_statement_names(nlp: Any) -> None:
    text = (
        "Dalvik Chemical said the broadcaster's report was a hoax. "
        '"Dalvik confirms there was no basis for this report," spokeswoman Ms '
        "Marina Ashanin told reporters."
    )
    parties = _parties(nlp, text)
    assert parties["Marina Ashanin"] == parties["Dalvik Chemical"]


@pytest.mark.model
def test_agents_named_again_act_for_the_client_named_with_them_before(
    nlp: Any,
) -> None:
    text = (
        "Lawyers for Brimley Cleaning Group have fired back at a lawsuit over "
        "wages. Rather, the lawyers argue, the workers failed to clock in. The "
        "company keeps detailed records, the attorneys said in a memorandum."
    )
    parties = _parties(nlp, text)
    assert parties["lawyers"] == parties["attorneys"] == "org:brimley-cleaning-group"


@pytest.mark.model
def test_a_bare_spokesman_speaks_for_the_body_that_was_a_subject(nlp: Any) -> None:
    text = (
        "Norpost said that support for the strike was weakening. Attendance "
        'was normal in some offices across the country. "We expect it to '
        'rise," said a spokesman.'
    )
    parties = _parties(nlp, text)
    assert parties["spokesman"] == "org:norpost"


@pytest.mark.model
def test_a_country_s_unions_are_no_body_of_its_state(nlp: Any) -> None:
    parties = _parties(
        nlp,
        "Portugal's unions said three quarters of workers joined the strike. "
        "Portugal's labour ministry said most workers were at their desks.",
    )
    assert parties["Portugal's unions"] == "org:portugal-s-unions"
    assert parties["labour ministry"] == "state:portugal"


@pytest.mark.model
def test_a_typed_spokesman_never_speaks_for_a_body_of_another_kind(nlp: Any) -> None:
    parties = _parties(
        nlp,
        "The Rights Monitor group accused the army of abuses in its annual "
        'report. "The report is a pack of lies," a military spokesman said.',
    )
    assert parties["military spokesman"] != "org:rights-monitor-group"


@pytest.mark.model
def test_the_head_of_a_body_named_after_it_holds_the_title(nlp: Any) -> None:
    text = (
        "The head of Rwanda's National Electoral Commission, Ana Karemba, "
        "accuses the observers of being biased."
    )
    ex = extract(Article(id="t", text=text), nlp)
    (accusation,) = ex.assertions
    speaker = ex.actor(accusation.speaker)
    assert (speaker.name, speaker.party) == ("Ana Karemba", "state:rwanda")


@pytest.mark.model
def test_lawyers_speaking_in_a_client_s_filing_act_for_the_client(nlp: Any) -> None:
    parties = _parties(
        nlp,
        "In Norvex's motion, lawyers Ann Bell and Tom Ray of Bell Ray LLP "
        "accuse the commission of seeking a recall without proof.",
    )
    assert parties["Ann Bell"] == parties["Tom Ray"] == "org:norvex"


@pytest.mark.model
def test_athletes_of_a_country_speak_for_themselves(nlp: Any) -> None:
    parties = _parties(
        nlp, "Five Kenyan runners said they were victims of false claims."
    )
    assert parties["Five Kenyan runners"] == "group:five-kenyan-runners"


@pytest.mark.model
def test_a_named_body_s_commission_is_not_the_story_s_state(nlp: Any) -> None:
    text = (
        "Russia's athletes face bans. A WADA independent commission said Russia "
        "ran a doping scheme. Russia denied it. Russia's sports minister said "
        "the report was false."
    )
    parties = _parties(nlp, text)
    assert parties["WADA independent commission"] != "state:russia"


@pytest.mark.model
def test_a_member_of_a_civilian_group_speaks_with_it(nlp: Any) -> None:
    text = (
        "In last week's board meeting, parents said Superintendent Dana Hale "
        'also made inappropriate social media posts.\n\n"There was an abuse of '
        'power. It was inappropriate," said parent Melinda Carlow.'
    )
    assert _parties(nlp, text)["Melinda Carlow"] == "group:parents"
