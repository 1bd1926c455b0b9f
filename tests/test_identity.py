"""Canonical actor keys: one node per real-world actor across articles."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.graph.extract import extract
from claimgraph.graph.models import Actor, Article, Span
from claimgraph.graph.rdf.identity import canonical_key, voice_of


def key(name: str, kind: str = "org") -> str:
    prefix = {"org": "org", "person": "person"}[kind]
    slug = name.lower().replace(" ", "-")
    return canonical_key(
        Actor(f"{prefix}:{slug}", name, "organisation" if kind == "org" else "person")
    )


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Ministry of Defence", "Defense Ministry"),
        ("Ministry of Defence", "the defence ministry"),
        (
            "International Association of Athletics Federations",
            "International Association of Athletic Federation",
        ),
        ("Gaddafi", "Gadafi"),
    ],
)
def test_variants_of_one_organisation_meet(one: str, other: str) -> None:
    assert key(one) == key(other)


def test_distinct_organisations_stay_apart() -> None:
    assert key("Ministry of Defence") != key("Ministry of Finance")
    assert key("Transport Union") != key("Teachers Union")


def test_a_person_is_keyed_by_surname_once_named() -> None:
    assert key("Maria Lopez", "person") == key("Lopez", "person") == "person:lopez"
    # A title alone names nobody in particular: the article's own key stays.
    assert key("bank spokeswoman", "person") == "person:bank-spokeswoman"


@pytest.mark.model
def test_a_spokesman_speaks_for_his_company_and_an_official_for_his_state(
    nlp: Any,
) -> None:
    text = (
        "Dalton Motors spokesman Peter Hale said the recall was voluntary. "
        "Chilean Transport Minister Ana Soto said the company had ignored warnings."
    )
    ex = extract(Article(id="t", text=text), nlp)
    parties = {
        ex.actor(a.speaker).name: ex.actor(a.speaker).party for a in ex.assertions
    }
    assert parties["Peter Hale"] == ex.actor(parties["Peter Hale"] or "").key
    assert ex.actor(parties["Peter Hale"] or "").name == "Dalton Motors"
    assert parties["Ana Soto"] == "state:chile"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker", "party"),
    [
        (
            "Lawyers representing the workers said they were never paid.",
            "Lawyers",
            "workers",
        ),
        (
            "A spokeswoman for the union said the strike would go on.",
            "spokeswoman",
            "union",
        ),
        (
            "Residents of Lima said the water was dirty.",
            "Residents of Lima",
            "Residents of Lima",
        ),
        ("Peruvian officials said the water was clean.", "Peruvian officials", "Peru"),
    ],
)
def test_parties_of_groups_and_agents(
    nlp: Any, text: str, speaker: str, party: str
) -> None:
    ex = extract(Article(id="t", text=text), nlp)
    (assertion,) = ex.assertions
    actor = ex.actor(assertion.speaker)
    assert actor.name == speaker
    assert ex.actor(actor.party or "").name == party


@pytest.mark.parametrize(
    ("one", "other", "kind"),
    [
        ("Iran-backed Gadafi militant group", "Gadafi", "org"),
        ("Scott's family", "the family of Keith Scott", "group"),
        ("the Scott family", "Scott's family", "group"),
    ],
)
def test_descriptions_and_families_meet(one: str, other: str, kind: str) -> None:
    def mint(name: str) -> str:
        slug = name.lower().replace(" ", "-")
        return canonical_key(
            Actor(f"{kind}:{slug}", name, "organisation" if kind == "org" else "group")
        )

    assert mint(one) == mint(other)


def test_a_demonym_is_no_name_to_merge_on() -> None:
    """ "Russian government" and "Russian defence ministry" are two bodies."""
    assert key("Borduria government") != key("Borduria defence ministry")
    assert key("Bordurian government") != key("Bordurian defence ministry")


def org_with(name: str, *mentions: str, key: str = "") -> Actor:
    text = " ".join(mentions)
    spans, start = [], 0
    for mention in mentions:
        spans.append(Span(start, start + len(mention), mention))
        start += len(mention) + 1
    assert len(text) == max(start - 1, 0)
    slug = name.lower().replace(" ", "-")
    return Actor(key or f"org:{slug}", name, "organisation", mentions=spans)


@pytest.mark.parametrize(
    ("full", "mention", "short"),
    [
        ("Atlantis Rowing Federation", "the ARF", "ARF"),
        ("International Association of Rowing Federations", "The IARF", "IARF"),
        ("Vale-Orbis Harbour Authority", "VOHA", "VOHA"),
        ("Public and Commercial Services union", "the PCS", "PCS"),
    ],
)
def test_a_full_name_its_article_abbreviates_meets_the_acronym(
    full: str, mention: str, short: str
) -> None:
    assert canonical_key(org_with(full, full, mention)) == canonical_key(
        org_with(short, mention)
    )


def test_without_the_acronym_in_its_article_a_full_name_keeps_its_words() -> None:
    name = "Atlantis Rowing Federation"
    words = canonical_key(org_with(name))
    assert words != canonical_key(org_with("ARF", "ARF"))
    assert canonical_key(org_with(name, "the federation")) == words
    # Capitals that are not its initials are no acronym of it.
    assert canonical_key(org_with(name, "the ARC")) == words


def test_a_state_s_armed_forces_keep_one_key_whatever_their_name() -> None:
    names = ("Bordurian army", "Borduria Defense Forces", "the military")
    keys = {
        canonical_key(org_with(name, key="org:armed-forces-borduria")) for name in names
    }
    assert keys == {"org:armed-forces-borduria"}


@pytest.mark.parametrize(
    ("name", "principal", "voice"),
    [
        ("ARF spokesperson", "org", True),  # "an ARF spokesperson": the ARF speaks
        ("spokeswoman", "org", True),  # "a spokeswoman for the ARF"
        ("Jo Hale", "org", False),  # a named spokesperson stays a person
        ("Another spokesman", "state", False),  # a state's voice is unsure
        ("police official", "org", False),  # an official speaks for themself
    ],
)
def test_an_unnamed_spokesperson_is_the_voice_of_an_organisation(
    name: str, principal: str, voice: bool
) -> None:
    body = Actor("org:arf", "ARF", "organisation")
    state = Actor("state:atlantis", "Atlantis", "state", side="Atlantis")
    acts_for = body.key if principal == "org" else state.key
    person = Actor("person:p", name, "person", acts_for=acts_for, role=name)
    actors = {a.key: a for a in (body, state, person)}
    assert voice_of(person, actors) == (body.key if voice else None)


def test_a_spokesperson_s_words_are_attributed_to_the_body_with_the_evidence() -> None:
    from rdflib import RDF, SKOS, Literal

    from claimgraph.graph.detect.validate import validate_store
    from claimgraph.graph.rdf.build import extraction_quads
    from claimgraph.graph.store import open_store
    from claimgraph.ontology.vocab import CKG, GAF, NIF, PROV
    from tests.builders import ArticleBuilder

    b = ArticleBuilder("v.txt")
    body = b.org("Atlantis Rowing Federation", "Atlantis")
    b.actors["person:arf-spokesperson"] = Actor(
        "person:arf-spokesperson",
        "ARF spokesperson",
        "person",
        acts_for=body,
        role="ARF spokesperson",
    )
    b.say(body, "the tests were sound")
    said = b.say("person:arf-spokesperson", "the data was leaked")
    b.actors["person:arf-spokesperson"].mentions.append(said.speaker_span)
    quads = extraction_quads(b.build())
    speakers = {o for s, p, o, g in quads if p == PROV.wasAttributedTo}
    (node,) = speakers
    assert (node, SKOS.altLabel, Literal("ARF spokesperson")) in {
        (s, p, o) for s, p, o, g in quads
    }
    assert not [s for s, p, o, g in quads if p == RDF.type and o == CKG.Person]
    evidence = {o for s, p, o, g in quads if s == node and p == GAF.denotedBy}
    anchors = {o for s, p, o, g in quads if s in evidence and p == NIF.anchorOf}
    assert anchors == {Literal("ARF spokesperson")}
    store = open_store(":memory:")
    store.add_quads(quads)
    assert validate_store(store).triples > 20


def test_a_generational_suffix_is_no_surname() -> None:
    assert key("Raymond G. Mullady Jr.", "person") == "person:mullady"
    assert key("Henry Ford II", "person") == key("Ford", "person")


def _actor_nodes(text: str, actor: Actor) -> set[str]:
    from claimgraph.graph.models import Extraction
    from claimgraph.graph.rdf.build import extraction_quads

    ex = Extraction(Article(id="a", text=text), actors=[actor])
    return {str(s) for s, *_ in extraction_quads(ex) if "/actor/" in str(s)}


def test_a_described_body_stays_within_its_article_and_a_named_one_does_not() -> None:
    def hospital(named: bool) -> Actor:
        return Actor(
            "org:local-hospital", "local hospital", "organisation", named=named
        )

    unnamed = [_actor_nodes(text, hospital(False)) for text in ("One.", "Two.")]
    assert unnamed[0] and unnamed[0].isdisjoint(unnamed[1])
    named = [_actor_nodes(text, hospital(True)) for text in ("One.", "Two.")]
    assert named[0] == named[1]
    # A state makes the description one body's: "the Atlantis health ministry".
    sided = Actor(
        "org:health-ministry",
        "health ministry",
        "organisation",
        "Atlantis",
        named=False,
    )
    assert _actor_nodes("One.", sided) == _actor_nodes("Two.", sided)


@pytest.mark.model
def test_a_description_is_unnamed_and_a_name_is_named(nlp: Any) -> None:
    text = (
        "Aid groups said the road was closed. "
        "Nordvik Energy said the pipeline was safe."
    )
    ex = extract(Article(id="t", text=text), nlp)
    named = {a.name: a.named for a in ex.actors if a.kind == "organisation"}
    assert named == {"Aid groups": False, "Nordvik Energy": True}


def test_a_merged_actor_keeps_one_preferred_name() -> None:
    from rdflib import SKOS

    from claimgraph.graph.pipeline import ingest_extraction
    from claimgraph.graph.rdf.ids import actor_iri
    from claimgraph.graph.store import open_store
    from claimgraph.graph.store.ontology import ensure_ontology
    from tests.builders import ArticleBuilder

    store = open_store(":memory:")
    ensure_ontology(store)
    for name, spelling in (("first", "Gaddafi"), ("second", "Gadafi")):
        builder = ArticleBuilder(name)
        builder.say(builder.org(spelling, "Atlantis"), "Borduria fired first")
        ingest_extraction(store, builder.build())
    node = actor_iri("org:gdf", "Atlantis")
    names = sorted(
        (str(row["p"]), str(row["o"]))
        for row in store.select_values(
            "SELECT ?p ?o ?n WHERE { ?n ?p ?o FILTER(?p IN (skos:prefLabel, skos:altLabel)) }",
            {"n": node},
        )
    )
    assert names == [(str(SKOS.altLabel), "Gadafi"), (str(SKOS.prefLabel), "Gaddafi")]
