"""Every contradiction rule, with positive and negative fixtures (no model needed)."""

from __future__ import annotations

import pytest
from rdflib import Literal

from claimgraph.graph.detect.detection import _find, find
from claimgraph.graph.detect.rules import load_rules
from claimgraph.graph.models import Actor
from claimgraph.graph.pipeline import ingest_extraction
from claimgraph.graph.rdf.ids import actor_iri
from claimgraph.graph.report.findings import load_findings
from claimgraph.graph.store import ClaimStore, open_store
from claimgraph.graph.store.ontology import ensure_ontology
from tests.builders import ArticleBuilder

BOTH = ("contradiction", "corroboration")


@pytest.fixture
def store() -> ClaimStore:
    opened = open_store(":memory:")
    ensure_ontology(opened)
    return opened


def two_sides(name: str = "a1", **kwargs: object) -> tuple[ArticleBuilder, str, str]:
    builder = ArticleBuilder(name, **kwargs)  # type: ignore[arg-type]
    army = builder.org("Atlantis army", "Atlantis")
    ministry = builder.org("Bordurian ministry", "Borduria")
    return builder, army, ministry


def findings_of(store: ClaimStore) -> list[tuple[str, str, str]]:
    return sorted((r.kind, r.type, r.aspect) for r in load_findings(store, kinds=BOTH))


def test_value_conflict_between_sides(store: ClaimStore) -> None:
    b, army, ministry = two_sides()
    b.say(
        army,
        "Borduria fired the missile",
        values=[("Responsibility", {"actor": "state:borduria"})],
    )
    b.say(
        ministry,
        "Atlantis is to blame",
        values=[("Responsibility", {"actor": "state:atlantis"})],
    )
    ingest_extraction(store, b.build())
    assert findings_of(store) == [("contradiction", "value", "Responsibility")]
    (record,) = load_findings(store)
    assert {a.side for a in record.assertions} == {"Atlantis", "Borduria"}
    assert {a.quote for a in record.assertions} == {
        "Borduria fired the missile",
        "Atlantis is to blame",
    }
    assert "Atlantis army" in record.explanation and "Borduria" in record.explanation


def test_same_side_disagreement_is_not_a_contradiction(store: ClaimStore) -> None:
    b, army, _ = two_sides()
    navy = b.org("Atlantis navy", "Atlantis")
    b.say(
        army, "Borduria fired", values=[("Responsibility", {"actor": "state:borduria"})]
    )
    b.say(
        navy,
        "Carpathia fired",
        values=[("Responsibility", {"actor": "state:carpathia"})],
    )
    b.state("Carpathia")
    ingest_extraction(store, b.build())
    assert findings_of(store) == []


def test_corroboration_when_sides_agree(store: ClaimStore) -> None:
    b, army, ministry = two_sides()
    b.state("Carpathia")
    b.say(
        army,
        "Carpathia fired",
        values=[("Responsibility", {"actor": "state:carpathia"})],
    )
    b.say(
        ministry,
        "Carpathia used its missiles",
        cue="confirmed",
        cue_class="Confirm",
        values=[("Responsibility", {"actor": "state:carpathia"})],
    )
    ingest_extraction(store, b.build())
    assert findings_of(store) == [("corroboration", "agreement", "Responsibility")]


def test_polarity_conflict(store: ClaimStore) -> None:
    b, army, ministry = two_sides()
    b.say(
        army,
        "it informed Borduria in advance",
        values=[("AdvanceNotice", {"positive": True})],
    )
    b.say(
        ministry,
        "Atlantis failed to inform it",
        values=[("AdvanceNotice", {"positive": False})],
        polarity="negative",
    )
    ingest_extraction(store, b.build())
    assert findings_of(store) == [("contradiction", "polarity", "AdvanceNotice")]


def test_numeric_conflict_and_tolerance(store: ClaimStore) -> None:
    b, army, ministry = two_sides()
    b.say(
        army,
        "three soldiers died",
        values=[("Casualties", {"number": 3.0, "unit": "dead"})],
    )
    b.say(
        ministry,
        "seven soldiers died",
        values=[("Casualties", {"number": 7.0, "unit": "dead"})],
    )
    ingest_extraction(store, b.build())
    assert findings_of(store) == [("contradiction", "numeric", "Casualties")]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"number": 3.0, "unit": "dead"}, {"number": 3.0, "unit": "dead"}),
        (
            {"number": 10.0, "unit": "dead", "comparator": "approx"},
            {"number": 11.0, "unit": "dead"},
        ),
        (
            {"number": 10.0, "unit": "dead", "comparator": "gt"},
            {"number": 12.0, "unit": "dead"},
        ),
        ({"number": 3.0, "unit": "dead"}, {"number": 7.0, "unit": "vessels"}),
    ],
)
def test_compatible_numbers_do_not_conflict(
    store: ClaimStore, first: dict[str, object], second: dict[str, object]
) -> None:
    b, army, ministry = two_sides()
    b.say(army, "first figure", values=[("Casualties", first)])
    b.say(ministry, "second figure", values=[("Casualties", second)])
    ingest_extraction(store, b.build())
    assert [f for f in findings_of(store) if f[0] == "contradiction"] == []


def test_implication_conflict_from_lexicon_threshold(store: ClaimStore) -> None:
    b, army, ministry = two_sides()
    b.say(
        army,
        "it coordinated with Borduria ahead of the attack",
        values=[("AdvanceNotice", {"positive": True})],
    )
    b.say(
        ministry,
        "Atlantis warned it less than a minute before",
        values=[("AdvanceNotice", {"number": 60.0, "unit": "s", "comparator": "lt"})],
    )
    ingest_extraction(store, b.build())
    assert findings_of(store) == [("contradiction", "implication", "AdvanceNotice")]
    (record,) = load_findings(store)
    # The "holds" side comes first in the explanation, whatever the order of ingest.
    assert record.explanation.index("Atlantis army") < record.explanation.index(
        "Bordurian ministry"
    )


def test_long_notice_implies_nothing(store: ClaimStore) -> None:
    b, army, ministry = two_sides()
    b.say(army, "it coordinated ahead", values=[("AdvanceNotice", {"positive": True})])
    b.say(
        ministry,
        "it was warned two hours before",
        values=[("AdvanceNotice", {"number": 7200.0, "unit": "s"})],
    )
    ingest_extraction(store, b.build())
    assert findings_of(store) == []


def test_cross_article_dispute_is_found_incrementally(store: ClaimStore) -> None:
    first = ArticleBuilder("atlantis-paper", date="2026-05-01")
    army = first.org("Atlantis army", "Atlantis")
    first.say(
        army,
        "Borduria is responsible",
        values=[("Responsibility", {"actor": "state:borduria"})],
    )
    second = ArticleBuilder("borduria-paper", date="2026-05-01")
    ministry = second.org("Bordurian ministry", "Borduria")
    second.say(
        ministry,
        "Atlantis is responsible",
        values=[("Responsibility", {"actor": "state:atlantis"})],
    )
    assert ingest_extraction(store, first.build()).findings == 0
    assert ingest_extraction(store, second.build()).findings == 1
    (record,) = load_findings(store)
    assert {a.source for a in record.assertions} == {"atlantis-paper", "borduria-paper"}


@pytest.mark.parametrize(
    ("published", "found"),
    [("2026-05-20", 1), ("2026-05-31T08:00:00Z", 1), ("2026-09-01", 0)],
)
def test_reports_months_apart_are_different_incidents(
    store: ClaimStore, published: str, found: int
) -> None:
    # Same two sides, same event family, no event dates: only the publication
    # dates tell a follow-up (within 30 days) from a later clash.
    first = ArticleBuilder("spring", published="2026-05-01")
    army = first.org("Atlantis army", "Atlantis")
    first.say(
        army,
        "Borduria is responsible",
        values=[("Responsibility", {"actor": "state:borduria"})],
    )
    second = ArticleBuilder("later", published=published)
    ministry = second.org("Bordurian ministry", "Borduria")
    second.say(
        ministry,
        "Atlantis is responsible",
        values=[("Responsibility", {"actor": "state:atlantis"})],
    )
    ingest_extraction(store, first.build())
    assert ingest_extraction(store, second.build()).findings == found


@pytest.mark.parametrize("where", [":memory:", "rdflib:memory"])
@pytest.mark.parametrize(
    ("published", "rows"),
    [("2026-05-20", 1), ("2026-09-01", 0), ("1 May 2026", 1)],
)
def test_incident_lookup_reads_only_the_weeks_around_an_article(
    where: str, published: str, rows: int
) -> None:
    # The store drops stored articles published far from the new one (the
    # lookup would otherwise read every event a party ever had); a date that is
    # not ISO 8601 is left to the caller.
    from datetime import date, timedelta

    from claimgraph.graph.detect.rules import named_query
    from claimgraph.graph.rdf.build import state_iri

    opened = open_store(where)
    ensure_ontology(opened)
    first = ArticleBuilder("spring", published=published)
    first.say(first.org("Atlantis army", "Atlantis"), "Borduria fired first")
    ingest_extraction(opened, first.build())
    day = date(2026, 5, 1)
    found = opened.select_values(
        named_query("link-incident").text,
        {
            "party": state_iri("Atlantis"),
            "after": Literal((day - timedelta(days=31)).isoformat()),
            "before": Literal((day + timedelta(days=31)).isoformat()),
        },
    )
    assert len({row["otherArticle"] for row in found}) == rows


def test_same_named_bodies_of_two_states_stay_apart(store: ClaimStore) -> None:
    # "the defence ministry" of each side, in two articles: one node each, so
    # neither acts for both states and their dispute is found.
    first = ArticleBuilder("atlantis-paper", published="2026-05-01")
    first.say(
        first.org("defence ministry", "Atlantis"),
        "Borduria is responsible",
        values=[("Responsibility", {"actor": "state:borduria"})],
    )
    second = ArticleBuilder("borduria-paper", published="2026-05-02")
    second.say(
        second.org("defence ministry", "Borduria"),
        "Atlantis is responsible",
        values=[("Responsibility", {"actor": "state:atlantis"})],
    )
    ingest_extraction(store, first.build())
    assert ingest_extraction(store, second.build()).findings == 1
    rows = store.select(
        "SELECT ?actor ?side ?name WHERE { ?actor skos:prefLabel ?name ; ckg:side ?side }",
        {"name": Literal("defence ministry")},
    )
    assert len({row["actor"] for row in rows}) == 2
    assert len(rows) == 2


def test_unrelated_incidents_do_not_cross(store: ClaimStore) -> None:
    first = ArticleBuilder("strike", participants=("Atlantis", "Borduria"))
    army = first.org("Atlantis army", "Atlantis")
    first.say(
        army,
        "Borduria is responsible",
        values=[("Responsibility", {"actor": "state:borduria"})],
    )
    second = ArticleBuilder(
        "contract",
        event_type="Payment",
        event_label="the payment",
        participants=("Carpathia", "Syldavia"),
    )
    firm = second.org("Syldavian firm", "Syldavia")
    second.state("Carpathia")
    second.say(
        firm,
        "Carpathia is responsible",
        values=[("Responsibility", {"actor": "state:carpathia"})],
    )
    ingest_extraction(store, first.build())
    ingest_extraction(store, second.build())
    assert findings_of(store) == []


def test_reingest_adds_nothing(store: ClaimStore) -> None:
    b, army, ministry = two_sides()
    b.say(
        army, "Borduria fired", values=[("Responsibility", {"actor": "state:borduria"})]
    )
    b.say(
        ministry,
        "Atlantis fired",
        values=[("Responsibility", {"actor": "state:atlantis"})],
    )
    ingest_extraction(store, b.build())
    before = len(store)
    assert ingest_extraction(store, b.build()).status == "unchanged"
    store.add_quads(find(store))
    assert len(store) == before


def test_a_denied_doer_contradicts_another_side_naming_it(store: ClaimStore) -> None:
    b, army, ministry = two_sides()
    b.say(
        army, "Borduria fired", values=[("Responsibility", {"actor": "state:borduria"})]
    )
    b.say(
        ministry,
        "Bordurian gunners did not fire",
        values=[("Responsibility", {"actor": "state:borduria", "positive": False})],
    )
    ingest_extraction(store, b.build())
    assert findings_of(store) == [("contradiction", "polarity", "Responsibility")]


@pytest.mark.parametrize(
    ("denier", "denied"),
    [
        ("ministry", "state:atlantis"),  # "A did not do it" against "B did it"
        ("navy", "state:borduria"),  # the same side's claim and denial
    ],
)
def test_a_denied_doer_is_no_rival_doer(
    store: ClaimStore, denier: str, denied: str
) -> None:
    b, army, ministry = two_sides()
    speakers = {"ministry": ministry, "navy": b.org("Atlantis navy", "Atlantis")}
    b.say(
        army, "Borduria fired", values=[("Responsibility", {"actor": "state:borduria"})]
    )
    b.say(
        speakers[denier],
        "the troops did not fire",
        values=[("Responsibility", {"actor": denied, "positive": False})],
    )
    ingest_extraction(store, b.build())
    assert findings_of(store) == []


def every_kind_of_finding(store: ClaimStore) -> None:
    """Three articles over two days with something for every shipped rule."""
    b, army, ministry = two_sides("day-one", published="2026-05-01")
    b.state("Carpathia")
    b.say(
        army, "Borduria fired", values=[("Responsibility", {"actor": "state:borduria"})]
    )
    b.say(
        ministry,
        "Atlantis fired",
        values=[("Responsibility", {"actor": "state:atlantis"})],
    )
    b.say(
        army,
        "Carpathia helped",
        values=[("Casualties", {"number": 3.0, "unit": "dead"})],
    )
    b.say(
        ministry,
        "seven died",
        values=[("Casualties", {"number": 7.0, "unit": "dead"})],
    )
    b.say(army, "it coordinated ahead", values=[("AdvanceNotice", {"positive": True})])
    b.say(
        ministry, "it was not informed", values=[("AdvanceNotice", {"positive": False})]
    )
    b.say(
        ministry,
        "the warning came 30 seconds before",
        values=[("AdvanceNotice", {"number": 30.0, "unit": "s", "comparator": "eq"})],
    )
    b.say(
        army,
        "Carpathia supplied the launcher",
        values=[("Responsibility", {"actor": "state:carpathia"})],
    )
    b.say(
        ministry,
        "Carpathia supplied it",
        values=[("Responsibility", {"actor": "state:carpathia"})],
    )
    b.say(
        army,
        "twelve tanks were destroyed",
        values=[("Casualties", {"number": 12.0, "unit": "tanks"})],
    )
    b.say(
        ministry,
        "exactly twelve tanks burned",
        values=[("Casualties", {"number": 12.0, "unit": "tanks"})],
    )
    rejection = b.say(
        ministry,
        "the army's claim that the convoy was shelled",
        cue="rejected",
        cue_class="Reject",
        polarity="negative",
    )
    b.say(
        army,
        "the convoy was shelled",
        cue="claim",
        parent=rejection,
        values=[("Casualties", {"number": 3.0, "unit": "dead"})],
    )
    # Open propositions, no aspect recognised: a rejection naming the other
    # party, and one party denying what another says in the same words.
    b.say(
        army,
        "the Bordurian ministry's report about the bridge is baseless",
        rejects=True,
    )
    b.say(ministry, "the bridge was destroyed by shelling on Monday")
    b.say(ministry, "no civilians were hurt in the village raid", polarity="negative")
    b.say(army, "civilians were hurt in the village raid")
    # Opposite words, no negation: "armed" and "unarmed".
    b.say(ministry, "the driver at the checkpoint was armed")
    b.say(army, "the driver at the checkpoint was unarmed")
    ingest_extraction(store, b.build())
    later = ArticleBuilder("day-two", published="2026-05-02")
    navy = later.org("Atlantis army", "Atlantis")
    later.say(
        navy,
        "Carpathia helped and five soldiers died overnight",
        values=[("Casualties", {"number": 5.0, "unit": "dead"})],
    )
    ingest_extraction(store, later.build())
    wire = ArticleBuilder("wire", published="2026-05-01")
    copy = wire.org("Bordurian ministry", "Borduria")
    wire.say(
        copy,
        "the warning came only 30 seconds before the strike",
        values=[("AdvanceNotice", {"number": 30.0, "unit": "s", "comparator": "eq"})],
    )
    ingest_extraction(store, wire.build())


@pytest.mark.parametrize("rule_id", [rule.id for rule in load_rules()])
def test_each_rule_is_needed(store: ClaimStore, rule_id: str) -> None:
    """Removing any one rule loses the findings only that rule makes (a fallback
    rule may then report the pair its own way, so only the loss is checked)."""
    every_kind_of_finding(store)
    rules = load_rules()
    everything = {q for q in find(store, rules=rules)}
    without = {q for q in find(store, rules=[r for r in rules if r.id != rule_id])}
    assert everything - without


def test_working_set_finds_what_the_whole_store_finds(store: ClaimStore) -> None:
    """Checking an article on a copy of its incidents changes no finding."""
    every_kind_of_finding(store)
    articles = [
        row["a"] for row in store.select("SELECT ?a WHERE { ?a a ckg:Article }")
    ]
    assert len(articles) == 3
    for article in articles:
        direct = set(_find(store, [article], load_rules()))
        assert direct
        assert set(find(store, [article])) == direct


@pytest.mark.parametrize(
    ("key", "side", "local"),
    [
        ("org:defence-ministry", "Atlantis", "org-defence-ministry--atlantis"),
        ("org:atlantis-s-army", "Atlantis", "org-atlantis-s-army"),
        ("org:romanian-army", "Oman", "org-romanian-army--oman"),
        ("person:spokesman", None, "person-spokesman"),
    ],
)
def test_actor_iri_carries_its_side_unless_named(
    key: str, side: str | None, local: str
) -> None:
    assert str(actor_iri(key, side)).endswith(f"/actor/{local}")


def test_open_rebuttal_pairs_a_rejection_with_the_claim_it_names(
    store: ClaimStore,
) -> None:
    b, army, ministry = two_sides()
    b.say(ministry, "the army shelled the market on Monday")
    b.say(ministry, "the talks will resume next week in the capital")
    b.say(
        army,
        "the Bordurian ministry's story about the market is untrue",
        rejects=True,
    )
    ingest_extraction(store, b.build())
    (finding,) = load_findings(store)
    assert (finding.type, finding.aspect) == ("rebuttal", "WholeClaim")
    assert sorted(a.quote for a in finding.assertions) == [
        "the Bordurian ministry's story about the market is untrue",
        "the army shelled the market on Monday",
    ]


def test_a_bare_rejection_answers_the_closest_claim_told_before_it(
    store: ClaimStore,
) -> None:
    """ "All those allegations are false" shares no words with what it answers."""
    b, army, ministry = two_sides()
    b.say(ministry, "the harvest was good this year in the south")
    b.say(ministry, "soldiers looted three villages near the river")
    b.say(army, "all those allegations are false", rejects=True, refers_back=True)
    b.say(ministry, "the talks will resume next week in the capital")
    ingest_extraction(store, b.build())
    (finding,) = load_findings(store)
    assert sorted(a.quote for a in finding.assertions) == [
        "all those allegations are false",
        "soldiers looted three villages near the river",
    ]


def test_a_rejection_answers_the_party_whose_claim_it_names(
    store: ClaimStore,
) -> None:
    """ckg:target ("the ministry's allegations") beats a closer third party's claim."""
    b, army, ministry = two_sides()
    observers = b.org("Syldavian observers", "Syldavia")
    b.say(ministry, "soldiers looted three villages near the river")
    b.say(observers, "the weather was calm along the coast today")
    b.say(
        army,
        "the allegations are false",
        rejects=True,
        refers_back=True,
        target=ministry,
    )
    ingest_extraction(store, b.build())
    (finding,) = load_findings(store)
    assert "soldiers looted three villages near the river" in [
        a.quote for a in finding.assertions
    ]


def test_a_denial_is_not_paired_with_a_claim_that_negates_the_same(
    store: ClaimStore,
) -> None:
    """ "denied that it had closed the pier" and "the pier was never closed"
    agree; the claim that the pier was closed is what the denial answers."""
    b, army, ministry = two_sides()
    b.say(ministry, "the pier was never closed during the storm")
    b.say(army, "it had closed the pier during the storm", cue="denied", rejects=True)
    ingest_extraction(store, b.build())
    assert load_findings(store) == []
    b.say(ministry, "the army closed the pier during the storm")
    ingest_extraction(store, b.build())
    (finding,) = load_findings(store)
    assert "the army closed the pier during the storm" in [
        a.quote for a in finding.assertions
    ]


def test_a_rejection_is_not_paired_with_the_statement_reporting_it(
    store: ClaimStore,
) -> None:
    """ "The ministry said the army's chief denied the raid": a report, no dispute."""
    b, army, ministry = two_sides()
    report = b.say(ministry, "the army chief denied the raid on the village")
    b.say(army, "the raid on the village", cue="denied", parent=report, rejects=True)
    ingest_extraction(store, b.build())
    assert load_findings(store) == []


def test_calling_figures_untrue_answers_a_claim_with_a_number(
    store: ClaimStore,
) -> None:
    b, army, ministry = two_sides()
    b.say(
        ministry,
        "about 300 soldiers crossed the river",
        values=[("Count", {"number": 300.0, "unit": "soldier"})],
    )
    b.say(ministry, "the talks will resume next week in the capital")
    b.say(army, "the ministry's figures are laughable", rejects=True, refers_back=True)
    ingest_extraction(store, b.build())
    (finding,) = load_findings(store)
    assert "about 300 soldiers crossed the river" in [
        a.quote for a in finding.assertions
    ]


def test_open_rules_need_different_parties_and_related_words(
    store: ClaimStore,
) -> None:
    b, army, ministry = two_sides()
    # Unrelated words: a rejection that names nobody and shares nothing.
    b.say(ministry, "the harvest was good this year in the south")
    b.say(army, "that is untrue", rejects=True)
    # One party: a denial and a claim of the same party are no dispute.
    b.say(army, "no shells hit the school building", polarity="negative")
    b.say(army, "shells hit the school building")
    ingest_extraction(store, b.build())
    assert load_findings(store) == []


def test_open_polarity_is_a_fallback_for_aspect_rules(store: ClaimStore) -> None:
    """A pair an aspect rule reports is not reported again as an open conflict."""
    b, army, ministry = two_sides()
    b.say(
        army,
        "the ministry was informed of the patrol",
        values=[("AdvanceNotice", {"positive": True})],
    )
    b.say(
        ministry,
        "the ministry was not informed of the patrol",
        polarity="negative",
        values=[("AdvanceNotice", {"positive": False})],
    )
    ingest_extraction(store, b.build())
    assert findings_of(store) == [("contradiction", "polarity", "AdvanceNotice")]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("the driver was unarmed", "the driver was armed", True),
        ("the strike is illegal", "a legal strike, the union said", True),
        ("the figures are inaccurate", "our figures are accurate", True),
        ("a non-violent protest", "the protest turned violent", True),
        # "in" before a short word is no negation: "inform" is no negated "form".
        ("we will inform the board", "the form was filed", False),
        ("the driver was armed", "the driver was tired", False),
    ],
)
def test_antonymous_words(first: str, second: str, expected: bool) -> None:
    from claimgraph.graph.detect.relevance import antonymous

    assert antonymous(first, second) is expected
    assert antonymous(second, first) is expected


def test_open_antonym_pairs_opposite_words_of_two_parties(store: ClaimStore) -> None:
    b, army, ministry = two_sides()
    b.say(ministry, "the driver at the checkpoint was armed")
    b.say(army, "the driver at the checkpoint was unarmed")
    # Same words, one party: no dispute.
    b.say(army, "the second driver was armed")
    ingest_extraction(store, b.build())
    (finding,) = load_findings(store)
    assert finding.rule == "open-antonym"
    assert sorted(a.quote for a in finding.assertions) == [
        "the driver at the checkpoint was armed",
        "the driver at the checkpoint was unarmed",
    ]


@pytest.mark.parametrize(
    ("second_type", "linked"), [("Story", True), ("Clash", True), ("Outbreak", False)]
)
def test_a_story_without_event_type_joins_the_incident(
    store: ClaimStore, second_type: str, linked: bool
) -> None:
    """An article whose statements name no event type is still about the
    incident the same parties' other articles report; a report of the same
    family joins it as before, one of another family does not."""
    from claimgraph.graph.store.ontology import ensure_ontology

    ensure_ontology(store)
    first = ArticleBuilder("atlantis-paper", date="2026-05-01")
    army = first.org("Atlantis army", "Atlantis")
    first.say(army, "Borduria is responsible", values=[])
    second = ArticleBuilder("borduria-paper", date="2026-05-01", event_type=second_type)
    ministry = second.org("Bordurian ministry", "Borduria")
    second.say(ministry, "Atlantis is responsible", values=[])
    ingest_extraction(store, first.build())
    ingest_extraction(store, second.build())
    incidents = store.select(
        "SELECT DISTINCT ?i WHERE { ?e a ckg:Event ; ckg:incident ?i }"
    )
    assert (len(incidents) == 1) is linked


def test_value_conflict_needs_a_body_when_only_one_names_the_other(
    store: ClaimStore,
) -> None:
    """A party naming one of its own people as the doer, while the other party
    names that party, is claiming the act, not disputing it."""
    b, army, ministry = two_sides()
    b.actors["person:ivo-dann"] = Actor("person:ivo-dann", "Ivo Dann", "person")
    b.say(
        ministry,
        "Ivo Dann's unit destroyed the vehicle",
        values=[("Responsibility", {"actor": "person:ivo-dann"})],
    )
    b.say(
        army,
        "Borduria fired the missiles",
        values=[("Responsibility", {"actor": "state:borduria"})],
    )
    ingest_extraction(store, b.build())
    assert load_findings(store) == []


@pytest.mark.parametrize(
    ("speaker1", "second", "verb2", "score"),
    [
        ("Dana Whitfield", "Prosecutors say Whitfield lied on the form", None, "named"),
        # A short name has no content words: it names nobody; an allegation
        # is still what a plea answers ...
        (
            "PCS",
            "It is hypocrisy for the Government to talk about mandates",
            "Claim",
            "near",
        ),
        # ... but not a co-defendant's account or a witness's, told just before.
        ("Dana Whitfield", "He acted in self-defence at the party", "Say", "none"),
    ],
)
def test_a_plea_answers_an_accusation(
    speaker1: str, second: str, verb2: str | None, score: str
) -> None:
    from claimgraph.graph.detect.relevance import MIN_RELEVANCE, relevance
    from claimgraph.ontology.vocab import LEX

    row = {
        "value1": "her innocence",
        "value2": second,
        "speaker1": speaker1,
        "refersBack1": True,
        "at1": 500,
        "at2": 100,
        "verb2": LEX[verb2] if verb2 else None,
    }
    found = relevance(row)
    assert {"named": found >= 1.0, "near": MIN_RELEVANCE <= found < 1.0}.get(
        score, found == 0.0
    )


@pytest.mark.parametrize(
    ("negative", "positive", "kept"),
    [
        (
            "the attack did not cause any casualties",
            "the attack caused casualties",
            True,
        ),
        # Both negate the shared words: they agree.
        (
            "there was no health risk to consumers",
            "our tests found no evidence of health risks to consumers",
            False,
        ),
    ],
)
def test_open_polarity_needs_the_words_negated_on_one_side(
    negative: str, positive: str, kept: bool
) -> None:
    from claimgraph.graph.detect.relevance import negated_apart

    assert negated_apart(negative, positive) is kept
