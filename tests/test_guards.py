"""Rebuttals, restatements, revisions and scope guards (no model needed)."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from claimgraph.graph.detect.relevance import word_overlap
from claimgraph.graph.pipeline import ingest_extraction
from claimgraph.graph.report.findings import finding_json, load_findings
from claimgraph.graph.store import ClaimStore, open_store
from claimgraph.graph.store.ontology import ensure_ontology
from tests.builders import ArticleBuilder

ALL = ("contradiction", "corroboration", "restatement", "revision")


@pytest.fixture
def store() -> ClaimStore:
    opened = open_store(":memory:")
    ensure_ontology(opened)
    return opened


def kinds(store: ClaimStore) -> list[tuple[str, str, str]]:
    return sorted((r.kind, r.type, r.aspect) for r in load_findings(store, kinds=ALL))


def article(name: str, published: str | None = None) -> ArticleBuilder:
    return ArticleBuilder(name, published=published, date="2026-05-01")


def test_rejection_rebuts_the_claim_it_reports(store: ClaimStore) -> None:
    b = article("a")
    army = b.org("Atlantis army", "Atlantis")
    minister = b.org("Bordurian minister", "Borduria")
    rejection = b.say(
        minister,
        "Atlantis's claim that seven soldiers were killed",
        cue="rejected",
        cue_class="Reject",
        polarity="negative",
    )
    b.say(
        army,
        "seven soldiers were killed",
        cue="claim",
        parent=rejection,
        values=[("Casualties", {"number": 7.0, "unit": "dead"})],
    )
    ingest_extraction(store, b.build())
    assert kinds(store) == [("contradiction", "rebuttal", "Casualties")]
    (finding,) = load_findings(store)
    assert "Bordurian minister (Borduria) rejects" in finding.explanation
    rebutter, rebutted = (
        URIRef(a.id)
        for a in sorted(finding.assertions, key=lambda a: a.cue != "rejected")
    )
    assert store.ask("ASK { ?r ckg:rebuts ?c }", {"r": rebutter, "c": rebutted})
    assert not store.ask("ASK { ?c ckg:rebuts ?r }", {"r": rebutter, "c": rebutted})


def test_denial_rebuts_the_other_sides_accusation(store: ClaimStore) -> None:
    b = article("a")
    army = b.org("Atlantis army", "Atlantis")
    ministry = b.org("Bordurian ministry", "Borduria")
    b.say(
        army,
        "Borduria carried out the attack",
        cue="blamed",
        cue_class="Blame",
        values=[("Responsibility", {"actor": "state:borduria"})],
    )
    b.say(
        ministry,
        "carrying out the attack",
        cue="denied",
        cue_class="Deny",
        polarity="negative",
        values=[("Responsibility", {"actor": "state:borduria"})],
    )
    ingest_extraction(store, b.build())
    assert kinds(store) == [("contradiction", "rebuttal", "Responsibility")]


@pytest.mark.parametrize("denial_first", [False, True])
def test_denial_in_another_article_rebuts_in_either_order(
    store: ClaimStore, denial_first: bool
) -> None:
    accusation = article("accusation")
    army = accusation.org("Atlantis army", "Atlantis")
    accusation.say(
        army,
        "Borduria carried out the attack",
        cue="blamed",
        cue_class="Blame",
        values=[("Responsibility", {"actor": "state:borduria"})],
    )
    denial = article("denial")
    ministry = denial.org("Bordurian ministry", "Borduria")
    denial.say(
        ministry,
        "carrying out the attack",
        cue="denied",
        cue_class="Deny",
        polarity="negative",
        values=[("Responsibility", {"actor": "state:borduria"})],
    )
    first, second = (denial, accusation) if denial_first else (accusation, denial)
    ingest_extraction(store, first.build())
    assert ingest_extraction(store, second.build()).findings == 1
    assert kinds(store) == [("contradiction", "rebuttal", "Responsibility")]
    (finding,) = load_findings(store)
    assert finding.explanation.startswith("Bordurian ministry (Borduria) rejects")


def test_denial_of_a_claim_by_the_same_side_is_no_rebuttal(store: ClaimStore) -> None:
    b = article("a")
    army = b.org("Atlantis army", "Atlantis")
    navy = b.org("Atlantis navy", "Atlantis")
    rejection = b.say(
        navy,
        "reports that the convoy was shelled",
        cue="rejected",
        cue_class="Reject",
        polarity="negative",
    )
    b.say(army, "the convoy was shelled", cue="reports", parent=rejection)
    ingest_extraction(store, b.build())
    assert kinds(store) == []


def test_one_statement_in_two_outlets_is_one_dispute(store: ClaimStore) -> None:
    seven = [("Casualties", {"number": 7.0, "unit": "dead"})]
    first = article("wire-one")
    first.say(
        first.org("Atlantis ministry", "Atlantis"),
        "Seven Bordurian soldiers were killed in the exchange",
        values=seven,
    )
    second = article("wire-two")
    second.say(
        second.org("Atlantis defence ministry", "Atlantis"),
        "seven Bordurian soldiers had been killed",
        values=seven,
    )
    third = article("bordurian-paper")
    third.say(
        third.org("Bordurian ministry", "Borduria"),
        "three Bordurian soldiers were killed",
        values=[("Casualties", {"number": 3.0, "unit": "dead"})],
    )
    for item in (first, second, third):
        ingest_extraction(store, item.build())
    assert kinds(store) == [
        ("contradiction", "numeric", "Casualties"),
        ("restatement", "same-statement", "WholeClaim"),
    ]
    (dispute,) = load_findings(store)
    assert len(dispute.merged) == 1  # the second outlet's pair, folded in
    sources = {a.source for a in dispute.assertions} | {
        a.source for a in dispute.reports
    }
    assert sources == {"wire-one", "wire-two", "bordurian-paper"}
    data = finding_json(dispute)
    assert len(data["assertions"]) == 2 and len(data["reports"]) == 1


def test_different_statements_of_one_side_are_not_restatements(
    store: ClaimStore,
) -> None:
    first = article("one")
    first.say(
        first.org("Atlantis ministry", "Atlantis"),
        "the patrol never left Atlantean territory",
    )
    second = article("two")
    second.say(
        second.org("Atlantis ministry", "Atlantis"),
        "talks with Borduria will resume next month",
    )
    ingest_extraction(store, first.build())
    ingest_extraction(store, second.build())
    assert kinds(store) == []


@pytest.mark.parametrize(
    ("one", "two", "names", "expected"),
    [
        # Stop words ("were", "had been") left out, inflections folded.
        ("Seven soldiers were killed", "seven soldiers had been killed", True, 1.0),
        ("3 soldiers were killed", "5 soldiers were killed", True, 2 / 3),
        ("the man charged at the officers", "he did not charge at officers", True, 1.0),
        ("the Peruvian account", "the Peruvian account was false", True, 1.0),
        # Without names one content word is left: too little to compare.
        ("the Peruvian account", "the Peruvian account was false", False, 0.0),
        # Shared names alone do not make one proposition.
        ("the army says Israel warned Russia", "it says Israel hit Russia", True, 1.0),
        ("the army says Israel warned Russia", "it says Israel hit Russia", False, 0.0),
        ("alpha beta gamma delta", "alpha beta omega sigma", True, 0.5),
        # Irregular past forms meet their verb.
        (
            "inspectors found leaking valves",
            "inspectors did not find valves",
            True,
            1.0,
        ),
    ],
)
def test_word_overlap(one: str, two: str, names: bool, expected: float) -> None:
    assert word_overlap(one, two, names=names) == pytest.approx(expected)


def test_later_figure_of_one_side_is_a_revision(store: ClaimStore) -> None:
    earlier = article("friday", published="2026-05-02")
    earlier.say(
        earlier.org("Bordurian ministry", "Borduria"),
        "three soldiers were killed",
        values=[("Casualties", {"number": 3.0, "unit": "dead"})],
    )
    later = article("saturday", published="2026-05-03T09:00:00Z")
    later.say(
        later.org("Bordurian ministry", "Borduria"),
        "five soldiers have died",
        values=[("Casualties", {"number": 5.0, "unit": "dead"})],
    )
    # Ingested newest first: the direction comes from the dates, not the order.
    ingest_extraction(store, later.build())
    ingest_extraction(store, earlier.build())
    assert kinds(store) == [("revision", "revision", "Casualties")]
    (revision,) = load_findings(store, kinds=("revision",))
    assert "to five soldiers have died" in revision.explanation
    rows = store.select(
        "SELECT ?new ?old WHERE { ?new ckg:revises ?old . "
        "?new ckg:quoteSpan/nif:anchorOf ?q }"
    )
    assert len(rows) == 1
    assert load_findings(store) == []  # not a contradiction


def test_no_revision_without_publication_dates(store: ClaimStore) -> None:
    for name, number in (("one", 3.0), ("two", 5.0)):
        b = article(name)
        b.say(
            b.org("Bordurian ministry", "Borduria"),
            f"{number:g} soldiers were killed",
            values=[("Casualties", {"number": number, "unit": "dead"})],
        )
        ingest_extraction(store, b.build())
    assert kinds(store) == []


def test_partial_count_is_not_compared_with_a_total(store: ClaimStore) -> None:
    b = article("a")
    b.say(
        b.org("Atlantis army", "Atlantis"),
        "seven soldiers were killed",
        values=[("Casualties", {"number": 7.0, "unit": "dead"})],
    )
    b.say(
        b.org("Bordurian ministry", "Borduria"),
        "two soldiers who had been wounded died overnight",
        values=[("Casualties", {"number": 2.0, "unit": "dead", "partial": True})],
    )
    ingest_extraction(store, b.build())
    assert kinds(store) == []
    assert store.ask("ASK { GRAPH ?g { ?v ckg:partial true } }")


def test_same_number_from_two_sides_is_a_corroboration(store: ClaimStore) -> None:
    b = article("a")
    b.say(
        b.org("Bordurian ministry", "Borduria"),
        "five soldiers died",
        values=[("Casualties", {"number": 5.0, "unit": "dead"})],
    )
    b.say(
        b.org("Carpathian ministry", "Carpathia"),
        "five soldiers were killed",
        values=[("Casualties", {"number": 5.0, "unit": "dead"})],
    )
    ingest_extraction(store, b.build())
    assert kinds(store) == [("corroboration", "agreement", "Casualties")]
    assert store.ask("ASK { ?a ckg:corroborates ?b }")


def test_a_person_is_named_by_their_surname_a_body_by_its_whole_name() -> None:
    from claimgraph.graph.detect.relevance import relevance

    def row(value1: str, speaker2: str) -> dict[str, object]:
        return {
            "value1": value1,
            "value2": "something else entirely",
            "speaker2": speaker2,
        }

    assert (
        relevance(row("the story is part of Whitfield's fiction", "Dana Whitfield"))
        >= 1
    )
    assert relevance(row("a Harbour Times story is false", "Harbour Times")) >= 1
    assert relevance(row("the Times story is false", "New York Times Co.")) < 1
    # A one-word name counts as an owner or agent, not as a place's adjective.
    assert (
        relevance(row("the claim made by Borduria's army is untrue", "Borduria")) >= 1
    )
    assert relevance(row("a claim by Borduria is untrue", "Borduria")) >= 1
    assert relevance(row("it never shelled Bordurian territory", "Bordurian side")) < 1
