"""Attribution patterns, factuality, actors and aspect values on hand-written text."""

from __future__ import annotations

import pytest

from claimgraph.graph.extract import extract
from claimgraph.graph.models import Article, Extraction

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


def test_mixed_quote_and_postposed_speaker() -> None:
    ex = run(
        "The war was \u201ca tragic chain of accidents,\u201d said the Greek ministry."
    )
    (a,) = ex.assertions
    assert ex.actor(a.speaker).side == "Greece"
    assert a.content.text.startswith("The war was")


def test_statement_reads_speaker_is_the_source() -> None:
    ex = run(
        "\u201cThe minister regrets the loss and said that the blame lies with Ankara,\u201d "
        "reads a statement from the minister's office."
    )
    outer = next(a for a in ex.assertions if a.cue.text == "reads")
    assert ex.actor(outer.speaker).name == "minister's office"
    assert outer.cue_class == "Read"


def test_passive_blame_names_the_blamer_and_target() -> None:
    ex = run("Israel has been blamed by Russia for the loss of the aircraft.")
    (a,) = ex.assertions
    assert a.pattern == "p_passive"
    assert ex.actor(a.speaker).name == "Russia"
    assert ex.actor(a.target or "").name == "Israel"


def test_nominal_statements_blaming() -> None:
    ex = run(
        "Following statements from the Turkish government blaming Greece, "
        "talks were postponed."
    )
    (a,) = ex.assertions
    assert ex.actor(a.speaker).name == "Turkish government"
    assert ex.actor(a.target or "").name == "Greece"


def test_report_noun_with_source_and_that_clause() -> None:
    ex = run(
        "The ministry rejected warnings from family doctors that clinics "
        "were running out of vaccine."
    )
    nominal = next(a for a in ex.assertions if a.pattern == "p_nominal")
    assert ex.actor(nominal.speaker).name == "family doctors"
    assert nominal.cue_class == "Warn"
    assert nominal.content.text == "clinics were running out of vaccine"


def test_contrast_clause_with_its_own_cue_is_split() -> None:
    ex = run(
        "Russia says Israel is to blame, while Israel insists Syria is responsible."
    )
    assert rows(ex) == [
        ("Russia", "Russia", "says", "Israel is to blame"),
        ("Israel", "Israel", "insists", "Syria is responsible"),
    ]
    values = [(v.aspect, v.actor) for a in ex.assertions for v in a.values]
    assert values == [
        ("Responsibility", "state:israel"),
        ("Responsibility", "state:syria"),
    ]


def test_narrator_commentary_is_trimmed() -> None:
    ex = run(
        "The Chilean navy said it had warned the fleet ahead of the exercise, "
        "though it did not address the timing."
    )
    (a,) = ex.assertions
    assert a.content.text == "it had warned the fleet ahead of the exercise"


def test_in_a_statement_phrase_cue() -> None:
    ex = run("In a statement, the Kenyan government called the report a fabrication.")
    (a,) = ex.assertions
    assert (a.pattern, a.cue.text) == ("p_statement", "In a statement")
    assert ex.actor(a.speaker).side == "Kenya"


def test_relative_clause_denial() -> None:
    ex = run(
        "The runner was suspended for doping, the agency said on Monday, "
        "a charge the athlete strongly denied."
    )
    said, denied = ex.assertions
    assert said.content.text == "The runner was suspended for doping"
    assert (denied.cue_class, denied.content.text) == ("Deny", "a charge")
    assert ex.actor(denied.speaker).name == "athlete"


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("The mayor said there was no shortage of water.", "negative"),
        ("The mayor said nobody had called the office.", "negative"),
        ("The mayor said the pumps failed within a week.", "positive"),
        ("The mayor said the city failed to warn residents.", "negative"),
        ("The firm said Ray Cole is neither an employee nor an agent.", "negative"),
    ],
)
def test_content_polarity(text: str, polarity: str) -> None:
    (a,) = run(text).assertions
    assert a.polarity == polarity


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("The mayor said the vote would take place in May.", "certain"),
        ("The mayor said the vote might take place in June.", "possible"),
        ("The mayor said the city could not promise a date.", "certain"),
        ("The mayor said the city would sue if the deal collapsed.", "underspecified"),
        ("The mayor believed the deal was close.", "probable"),
    ],
)
def test_certainty(text: str, certainty: str) -> None:
    (a,) = run(text).assertions
    assert a.certainty == certainty


def test_pronouns_agree_in_gender() -> None:
    text = (
        "Prosecutor Aoife Keane questioned the accountant, Declan Furlong. "
        "Later, a spokeswoman for the court, Maria Lynch, said she expected a verdict."
    )
    ex = run(text)
    said = next(a for a in ex.assertions if a.cue.text == "said")
    assert ex.actor(said.speaker).name == "Maria Lynch"


def test_officials_in_a_capital_take_its_side() -> None:
    ex = run("Officials in Quito said the troops had been attacked inside Ecuador.")
    (a,) = ex.assertions
    assert ex.actor(a.speaker).side == "Ecuador"


def test_title_with_named_apposition() -> None:
    ex = run("Norway's foreign minister, Marte Lunde, said Oslo regretted the tension.")
    (a,) = ex.assertions
    speaker = ex.actor(a.speaker)
    assert (speaker.name, speaker.kind, speaker.side) == (
        "Marte Lunde",
        "person",
        "Norway",
    )


def test_warning_as_nested_cue() -> None:
    ex = run(
        "The Indian army said Pakistan warned it of the shelling an hour before it began."
    )
    outer, inner = ex.assertions
    assert inner.parent == 0 and inner.pattern == "p_warn"
    assert ex.actor(inner.speaker).name == "Pakistan"
    assert [v.number for v in outer.values if v.kind == "duration"] == [3600.0]


def test_the_antecedent_of_who_speaks() -> None:
    ex = run("The eight cleaners who complain they were not paid filed a suit.")
    (row,) = rows(ex)
    assert row[0].endswith("cleaners") and row[3] == "they were not paid"


def test_one_of_a_group_speaks_for_the_group() -> None:
    text = (
        "Two neighbours saw the arrest. "
        "\u201cHe did not resist,\u201d one of them said."
    )
    ex = run(text)
    (row,) = rows(ex)
    assert row[0].endswith("neighbours") and row[3] == "He did not resist"


def test_an_acronym_the_model_misses_is_a_body() -> None:
    ex = run('The IRF said in its response: "The published allegations were false."')
    (row,) = rows(ex)
    assert row[0] == "IRF" and ex.actors[0].kind == "organisation"


def test_a_gerund_clause_is_what_was_reported() -> None:
    ex = run("Residents reported noticing a strong smell of gas near the station.")
    (row,) = rows(ex)
    assert row[2] == "reported" and row[3].startswith("noticing a strong smell")


@pytest.mark.parametrize(
    ("text", "rejects"),
    [
        ('The firm said: "We categorically deny these allegations."', True),
        ('The firm said it "strongly disagrees" with the findings.', True),
        ("The workers said they were denied overtime pay.", False),
    ],
)
def test_content_whose_own_verb_rejects_is_a_rejection(
    text: str, rejects: bool
) -> None:
    (assertion,) = run(text).assertions
    assert assertion.rejects is rejects


def test_a_lone_given_name_is_the_person_named_before() -> None:
    text = (
        "Dana Whitfield said the contract was void. "
        "Later, Dana said the deal was never signed."
    )
    ex = run(text)
    assert {row[0] for row in rows(ex)} == {"Dana Whitfield"}


def test_he_and_she_agree_with_given_names() -> None:
    text = (
        "Robert Hale met Susan Crane at the port on Monday.\n\n"
        "\u201cThe cargo was never inspected,\u201d he said."
    )
    (row,) = rows(run(text))
    assert row[0] == "Robert Hale"


def test_an_apposition_after_the_verb_is_the_narrators_gloss() -> None:
    text = (
        "Early reports by the company had estimated that only about 5,000 barrels "
        "were leaking, a figure that the government later raised to 12,000 to 19,000."
    )
    (row,) = rows(run(text))
    assert row[3] == "only about 5,000 barrels were leaking"


def test_a_thing_that_would_confirm_is_no_speaker() -> None:
    text = (
        "The chief said there was no evidence that would confirm that the man "
        "had a gun."
    )
    assert {row[0] for row in rows(run(text))} == {"chief"}


def test_a_named_outlets_story_that_suggested_speaks_for_the_outlet() -> None:
    text = (
        "The Daily Ledger said a Harbour Times story that suggested the mill "
        "would close was baseless."
    )
    speakers = {row[0]: row[3] for row in rows(run(text))}
    assert speakers.get("Harbour Times") == "the mill would close"


def test_a_parenthetical_cue_reports_the_clause_before_it() -> None:
    text = (
        "Fewer than 2,000 nurses walked out on Monday, ministers claim, as the "
        "union put the figure higher."
    )
    (row,) = rows(run(text))
    assert row[0] == "ministers" and row[2] == "claim"
    assert row[3] == "Fewer than 2,000 nurses walked out on Monday"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The union called the figures laughable.", "the figures laughable"),
        ("The firm described the report as false.", "the report as false"),
        (
            "The ministry said 300 nurses struck, a figure the union described "
            'as "laughable".',
            "a figure",
        ),
    ],
)
def test_calling_a_claim_untrue_rejects_it(text: str, content: str) -> None:
    ex = run(text)
    (called,) = [a for a in ex.assertions if a.pattern == "p_call"]
    assert called.content.text == content and called.rejects and called.refers_back


def test_calling_something_a_success_is_no_statement_here() -> None:
    assert run("The union called the strike a success.").assertions == []


def test_the_doer_of_a_passive_is_the_by_phrase_not_where_it_went() -> None:
    ex = run(
        "The Zarvan Front claimed that a Peruvian tank was destroyed by its "
        "missile attacks into northern Peru."
    )
    (claim,) = ex.assertions
    doers = [v.actor for v in claim.values if v.aspect == "Responsibility"]
    assert doers == [claim.speaker]


def test_a_negated_predicate_makes_the_claim_negative() -> None:
    (said,) = run("The family said he was not armed.").assertions
    assert said.polarity == "negative"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Dockers Union said a poll it commissioned showed most members "
            "backed the strike.",
            "Dockers Union",
        ),
        (
            "The Dockers Union said official payroll figures showed the strike "
            "was weakening.",
            "Dockers Union",
        ),
    ],
)
def test_a_poll_or_figures_speak_for_who_cites_them(text: str, speaker: str) -> None:
    ex = run(text)
    assert {ex.actor(a.speaker).name for a in ex.assertions} == {speaker}


@pytest.mark.parametrize(
    ("text", "family"),
    [
        (
            "The union said the strike by postal workers over pay was solid, "
            "and the employer said staff were at work.",
            "LabourDispute",
        ),
        (
            "The army said the strike on the depot destroyed missiles, and the "
            "militants said no soldiers were hit.",
            "ArmedIncident",
        ),
    ],
)
def test_a_strike_is_the_event_the_article_is_about(text: str, family: str) -> None:
    ex = run(text)
    assert [e.key for e in ex.events][0] == f"event:{family}"


def test_a_plea_of_innocence_rejects_the_accusation() -> None:
    ex = run(
        "Prosecutors allege that Dana Whitfield lied on a loan application. "
        "Whitfield, who has maintained her innocence, pleaded not guilty on Friday."
    )
    pleas = [a for a in ex.assertions if a.cue.text in ("maintained", "pleaded")]
    assert [a.content.text for a in pleas] == ["her innocence", "not guilty"]
    for plea in pleas:
        assert ex.actor(plea.speaker).name == "Dana Whitfield"
        assert plea.rejects and plea.refers_back
    (charge,) = [a for a in ex.assertions if a.cue.text == "allege"]
    assert ex.actor(charge.speaker).name == "Prosecutors"


def test_a_guilty_plea_is_no_rejection() -> None:
    (plea,) = run("Kora Lind pleaded guilty to two counts of fraud.").assertions
    assert not plea.rejects


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Julija Veska received a two-year ban, the federation said. The "
            "Russian, who has denied any wrongdoing, wrote to the committee.",
            "Julija Veska",
        ),
        (
            "Anna Berg received a ban. The skier said she would appeal.",
            "Anna Berg",
        ),
        # Plural: the state's people, not the athlete.
        (
            "Marta Ilves received a ban. The Russians said the ruling was unfair.",
            "Russia",
        ),
    ],
)
def test_the_russian_or_the_skier_is_the_person_just_named(
    text: str, speaker: str
) -> None:
    ex = run(text)
    last = max(ex.assertions, key=lambda a: a.cue.start)
    assert ex.actor(last.speaker).name == speaker


def test_a_company_spokesperson_speaks_for_the_company() -> None:
    ex = run(
        "Verilink disputed the figure. According to a company spokesperson, "
        "there were 6 million records in the data."
    )
    (said,) = [a for a in ex.assertions if a.cue.text == "According to"]
    speaker = ex.actor(said.speaker)
    assert speaker.party == "org:verilink" or speaker.acts_for == "org:verilink"


def test_a_name_tagged_as_a_body_with_a_title_is_a_person() -> None:
    # The small English model tags this invented name ORG.
    ex = run(
        "Marit Vell-Brand, a spokeswoman for Norvex, disputed the magazine's "
        "claims. She said the report was misleading."
    )
    (key,) = {a.speaker for a in ex.assertions}
    person = ex.actor(key)
    assert (person.name, person.kind) == ("Marit Vell-Brand", "person")
    assert person.party == "org:norvex" or person.acts_for == "org:norvex"


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Police say the man was armed. Springfield police chief Dana Ortiz told "
            "reporters a knife was found.",
            "Springfield police",
        ),
        (
            "Brookfield Police Chief Dana Ortiz said the officer fired twice.",
            "Brookfield Police",
        ),
    ],
)
def test_a_police_chief_speaks_for_the_force(text: str, body: str) -> None:
    ex = run(text)
    (chief,) = [a for a in ex.assertions if "Ortiz" in a.speaker_span.text]
    assert ex.actor(chief.speaker).acts_for == f"org:{body.lower().replace(' ', '-')}"
    # A headline's bare "Police" is the force the story then names.
    for other in ex.assertions:
        if other.speaker_span.text == "Police":
            assert ex.actor(other.speaker).name == body


@pytest.mark.parametrize(("role", "party"), [("an", "org:norvex"), ("a former", None)])
def test_a_former_employee_speaks_for_himself(role: str, party: str | None) -> None:
    ex = run(f"Tom Reyes, {role} engineer at Norvex, said the machines were defective.")
    (said,) = ex.assertions
    speaker = ex.actor(said.speaker)
    assert speaker.party == (party or speaker.key)


def test_a_body_named_short_or_in_full_is_one_actor() -> None:
    ex = run(
        "Norvex Chemical said the report was false. \u201cNorvex confirms there was "
        "no basis for this report,\u201d a spokeswoman said. The Norvex Chemical "
        "Company said it would sue."
    )
    parties = {ex.actor(a.speaker).party for a in ex.assertions}
    assert parties == {"org:norvex-chemical"}


def test_a_lawyer_representing_a_family_speaks_for_it() -> None:
    ex = run(
        "Attorney Ben Okafor, who is representing Lena Varga's family, said the "
        "officers fired without warning."
    )
    (said,) = ex.assertions
    assert ex.actor(said.speaker).acts_for == "group:lena-varga-s-family"


def test_a_body_named_after_police_is_no_police() -> None:
    ex = run(
        "Ada Moss, co-founder of Mothers Against Police Brutality, said the shooting "
        "was unjustified. Police said the man was armed."
    )
    (police,) = [a for a in ex.assertions if a.speaker_span.text == "Police"]
    assert ex.actor(police.speaker).name != "Mothers Against Police Brutality"


@pytest.mark.parametrize(
    "text",
    [
        "Norvex said the union's figures were inflated.",
        "The carrier described the union's claims as exaggerated.",
    ],
)
def test_calling_figures_inflated_rejects_them(text: str) -> None:
    (said,) = run(text).assertions
    assert said.rejects


@pytest.mark.parametrize(
    "text",
    [
        "Ada Lind told reporters that there was no substance to the accusations.",
        "The ministry said there was no basis whatsoever for this report.",
        "Norvex said there is no truth in the allegations.",
    ],
)
def test_no_grounds_for_a_claim_rejects_it(text: str) -> None:
    (said,) = run(text).assertions
    assert said.rejects and said.refers_back


def test_an_acronym_names_the_body_whose_initials_it_has() -> None:
    ex = run(
        "New Delhi, Sept 15 (ANI): Prime Minister's Office (PMO) has rejected the "
        "report. The PMO, in a statement, dismissed the report as untrue."
    )
    (dismissed,) = [a for a in ex.assertions if a.cue.text == "dismissed"]
    assert ex.actor(dismissed.speaker).name != "ANI"


def test_the_agency_is_the_public_body_named_before() -> None:
    ex = run(
        "The Maritime Safety Administration is fining Norvex $2 million, federal "
        "regulators said. The agency said the company failed to report defects."
    )
    (said,) = [a for a in ex.assertions if a.speaker_span.text == "The agency"]
    assert ex.actor(said.speaker).name == "Maritime Safety Administration"


def test_a_portfolio_before_a_ministers_title_is_no_body() -> None:
    ex = run(
        '"Reporting is a legal duty," U.S. Transportation Secretary Dana Ortiz said.'
    )
    (said,) = ex.assertions
    # The state itself, not an organisation "Transportation" acting for it.
    assert ex.actor(said.speaker).acts_for == "state:united-states"


@pytest.mark.parametrize(
    ("text", "principal"),
    [
        ("A representative for Dana Whitfield denied the report.", "Dana Whitfield"),
        (
            "Dana Whitfield was named in the story. Whitfield's publicist said the "
            "report has no basis in fact.",
            "Dana Whitfield",
        ),
    ],
)
def test_a_representative_or_publicist_speaks_for_the_client(
    text: str, principal: str
) -> None:
    ex = run(text)
    last = max(ex.assertions, key=lambda a: a.cue.start)
    speaker = ex.actor(last.speaker)
    assert speaker.acts_for is not None
    assert ex.actor(speaker.acts_for).name == principal
    assert last.rejects


def test_an_outlet_named_after_a_media_noun_is_no_person() -> None:
    ex = run(
        "Dana Whitfield said a report in celebrity magazine Heat was inaccurate. "
        "Heat reported that she had visited a clinic."
    )
    (reported,) = [a for a in ex.assertions if a.cue.text == "reported"]
    assert ex.actor(reported.speaker).kind == "organisation"


def test_the_singer_actress_is_the_person_not_the_spokeswoman() -> None:
    ex = run(
        "Madeleine Roe complained to the watchdog. A commission spokeswoman said "
        "the singer-actress had contacted the organization to say a report was "
        "inaccurate."
    )
    (say,) = [a for a in ex.assertions if a.cue.text == "say"]
    assert ex.actor(say.speaker).name == "Madeleine Roe"
