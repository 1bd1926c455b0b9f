"""Acceptance on the seed article: every attributed statement, speaker and side."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimgraph.graph.extract import extract, extract_many
from claimgraph.graph.models import Article, Assertion, Extraction

pytestmark = pytest.mark.model

SEED = Path(__file__).parent.parent / "seeds" / "il20-breitbart-2018-09-18.txt"


@pytest.fixture(scope="module")
def seed(nlp: Any) -> Extraction:
    text = SEED.read_text(encoding="utf-8")
    return extract(Article(id="seed", text=text), nlp)


def find(ex: Extraction, cue: str, snippet: str) -> Assertion:
    found = [
        a for a in ex.assertions if a.cue.text == cue and snippet in a.content.text
    ]
    assert len(found) == 1, [(a.cue.text, a.content.text) for a in ex.assertions]
    return found[0]


def who(ex: Extraction, a: Assertion) -> tuple[str, str | None]:
    actor = ex.actor(a.speaker)
    return actor.name, actor.side


def values(a: Assertion, aspect: str) -> list[Any]:
    return [v for v in a.values if v.aspect == aspect]


def test_every_span_matches_the_text(seed: Extraction) -> None:
    text = seed.article.text
    spans = [
        s
        for a in seed.assertions
        for s in (a.content, a.cue, a.speaker_span, *(v.span for v in a.values))
    ]
    spans += [m for actor in seed.actors for m in actor.mentions]
    spans += [m for event in seed.events for m in event.mentions]
    assert spans
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_announcement_and_nested_finding(seed: Extraction) -> None:
    outer = find(seed, "announced", "an initial investigation")
    assert who(seed, outer) == ("Israel Defense Forces", "Israel")
    inner = find(seed, "found", "shot from the sky")
    assert seed.assertions[inner.parent or 0] is outer and inner.parent is not None
    assert who(seed, inner)[1] == "Israel"
    assert [v.actor for v in values(inner, "Responsibility")] == ["state:syria"]
    assert not inner.content.text.endswith(("\u201d", "."))


def test_further_finding_and_acknowledgement(seed: Extraction) -> None:
    found = find(seed, "found", "Syria had fired the missiles")
    assert who(seed, found) == ("Israel Defense Forces", "Israel")
    acknowledged = find(seed, "acknowledged", "Israeli strikes")
    revealing = find(seed, "revealing", "the target was")
    assert acknowledged.speaker == revealing.speaker == found.speaker


def test_statement_from_the_bureau_nests_the_prime_minister(seed: Extraction) -> None:
    outer = find(seed, "reads", "The prime minister")
    bureau = seed.actor(outer.speaker)
    assert bureau.side == "Israel" and "bureau" in bureau.name
    assert seed.actor(bureau.acts_for or "").kind == "person"
    inner = find(seed, "said", "falls on Syria")
    assert inner.parent == seed.assertions.index(outer)
    assert who(seed, inner) == ("Benjamin Netanyahu", "Israel")
    assert [v.actor for v in values(inner, "Responsibility")] == ["state:syria"]


def test_russian_government_blames_israel(seed: Extraction) -> None:
    a = find(seed, "blaming", "Israel")
    assert who(seed, a) == ("Russian government", "Russia")
    assert a.cue_class == "Blame" and a.target == "state:israel"
    assert [v.actor for v in values(a, "Responsibility")] == ["state:israel"]


def test_putin_told_reporters(seed: Extraction) -> None:
    a = find(seed, "told", "chain of tragic accidental circumstances")
    assert who(seed, a) == ("Vladimir Putin", "Russia")
    assert "reporters" not in a.content.text


def test_russian_confirmed_with_demonym_as_noun(seed: Extraction) -> None:
    a = find(seed, "confirmed", "Syria used")
    assert who(seed, a) == ("Russia", "Russia")
    assert [v.actor for v in values(a, "Responsibility")] == ["state:syria"]


def test_outlet_report(seed: Extraction) -> None:
    a = find(seed, "reported", "conflicting claims")
    assert seed.actor(a.speaker).name == "Times of Israel"


def test_defense_minister_accuses_israel(seed: Extraction) -> None:
    a = find(seed, "accused", "failing to inform")
    assert who(seed, a)[1] == "Russia"
    assert seed.actor(a.speaker).kind == "person"
    assert a.target == "state:israel" and a.polarity == "negative"
    assert [v.positive for v in values(a, "AdvanceNotice")] == [False]
    spirit = find(seed, "said", "spirit")
    assert spirit.speaker == a.speaker
    assert not spirit.content.text.startswith("which")


def test_ministry_says_warning_came_less_than_a_minute_before(seed: Extraction) -> None:
    a = find(seed, "said", "Israel warned them")
    assert who(seed, a) == ("Russian defense ministry", "Russia")
    durations = [v for v in values(a, "AdvanceNotice") if v.kind == "duration"]
    assert [(v.number, v.comparator, v.unit) for v in durations] == [(60.0, "lt", "s")]


def test_israeli_military_coordinated(seed: Extraction) -> None:
    a = find(seed, "said", "coordinated with Russia")
    assert who(seed, a) == ("Israel Defense Forces", "Israel")
    assert a.content.text == "it had coordinated with Russia ahead of the attack"
    assert [v.positive for v in values(a, "AdvanceNotice")] == [True]


def test_one_armed_forces_actor_per_state(seed: Extraction) -> None:
    idf = seed.actor("org:armed-forces-israel")
    assert {"IDF", "Israeli military", "Israel Defense Forces"} <= set(idf.aliases)
    assert idf.acts_for == "state:israel"


def test_narrator_sentences_make_no_assertion(seed: Extraction) -> None:
    text = seed.article.text
    for phrase in (
        "traditionally refrains",
        "reportedly killing",
        "bestselling author",
    ):
        at = text.index(phrase)
        sentence_start = text.rfind("\n", 0, at)
        sentence_end = text.find(".", at)
        assert not [
            a
            for a in seed.assertions
            if sentence_start < a.cue.start < sentence_end and a.cue.text != "credited"
        ], phrase
    for a in seed.assertions:
        for v in a.values:
            if v.aspect == "Casualties":
                assert a.certainty != "certain"


def test_states_and_events(seed: Extraction) -> None:
    keys = {a.key for a in seed.actors}
    assert {"state:israel", "state:russia", "state:syria"} <= keys
    principal = seed.events[0]
    assert principal.type in ("Attack", "Shootdown")
    assert all(a.event == principal.key for a in seed.assertions)


def test_extract_many_keeps_order(nlp: Any) -> None:
    articles = [
        Article(id=str(n), text=f"The ministry said talks on item {n} had failed.")
        for n in range(5)
    ]
    got = [e.article.id for e in extract_many(articles, nlp, batch_size=2)]
    assert got == [str(n) for n in range(5)]
