"""Descriptions without a named entity: "the ministry", "officials in Quito".

A definite description corefers with the latest actor that has its head noun; an
indefinite one ("a spokesman") or a described group is a new actor; an acronym,
surname or country name finds the actor registered under it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..models import Actor
from ..rdf.ids import slug
from .mentions import clean, looks_like_name
from .registry import ActorRegistry

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_ACRONYM = re.compile(r"[A-Z]{2,8}")
_INDEFINITE = {"a", "an", "another", "one", "two", "three", "several", "some"}
_OFFICIALS = {"official", "officials", "source", "sources", "spokesman", "spokeswoman"}
_SPOKES = {"spokesman", "spokeswoman", "spokesperson", "official", "representative"}
_DEFINITE = {"the", "this", "that"}


def has_head(index: ActorRegistry, head: str) -> Callable[[Actor], bool]:
    """A test for actors named or described by the noun ``head``."""

    nouns = index.lx.institution_nouns | index.lx.org_suffixes

    def test(actor: Actor) -> bool:
        words = actor.name.lower().split()
        return (
            bool(words)
            and (
                words[-1].rstrip("s") == head.rstrip("s")
                # "Ministry of Defence" and "Police Department" are a ministry and
                # police; "police sources" and "Mothers Against Police Brutality" not.
                or (
                    head in words
                    and actor.kind != "group"
                    and _heads(words[words.index(head) + 1 :], nouns)
                )
                or head in index.heads.get(actor.key, ())
            )
        )

    return test


def _heads(rest: list[str], nouns: frozenset[str]) -> bool:
    """Whether a noun followed by ``rest`` heads a name: nothing, "of ...", or
    more institution words ("police department") follow it."""
    return not rest or rest[0] == "of" or all(w in nouns for w in rest)


def resolve_description(
    index: ActorRegistry, token: Token, span: SpacySpan
) -> str | None:
    """The actor a noun phrase without a PERSON/ORG entity refers to."""
    lx = index.lx
    head = token.lemma_.lower()
    determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), "")
    nouns = lx.institution_nouns | lx.armed_forces_nouns
    if head in lx.country_nouns and determiner == "the" and token.tag_ == "NN":
        found = _the_country(index, token)
        if found is not None:
            return found
    if head in lx.body_nouns and determiner not in _INDEFINITE:
        found = _story_body(index, token, span)
        if found is not None:
            return found
    if (
        head in lx.company_nouns
        and determiner in _DEFINITE
        and not any(t.pos_ == "PROPN" for t in span)
        and not index.side_from(span)
    ):
        found = _story_company(index, token, head)
        if found is not None:
            return found
    if (
        head in lx.agency_nouns
        and determiner in _DEFINITE
        and len(span) <= 2
        and not index.side_from(span)
    ):
        # "the agency", "the regulator": the public body named last (by a
        # proper name: "federal regulators" name none).
        found = index.latest(token.i, has_head(index, head)) or index.latest(
            token.i,
            lambda a: (
                a.kind == "organisation"
                and index.is_public(a.name)
                and a.name[:1].isupper()
            ),
        )
        if found is not None:
            return found
    # "the mayor's office": an organisation owned by a person acts for them.
    owner = next((c for c in token.lefts if c.dep_ == "poss"), None)
    if owner is not None and head in nouns:
        principal = index.resolve(owner)
        name = clean(span.text)
        if principal is not None and index.actors[principal].kind == "state":
            key = index.org(name, span)
        else:
            key = index._add(f"org:{slug(name)}", name, "organisation")
        if principal:
            index.set_acts_for(key, principal)
        return key
    for form in (token.text, token.lower_):
        if form in index.acronyms:
            return index.acronyms[form]
    country = lx.country_of(token.text)
    if refers_to_person(token, span, determiner, lx.person_nouns, country):
        found = index.latest(token.i, lambda a: a.kind == "person")
        if found is not None:
            return found
    if country and token.pos_ in ("PROPN", "NOUN", "ADJ"):
        return index.state(country)
    if token.lower_ in _OFFICIALS and token.tag_ == "NNS":
        found = _officials(index, token, span)
        if found is not None:
            return found
    if head in nouns:
        name = clean(span.text)
        if index.side_from(span) or any(t.pos_ == "PROPN" for t in span):
            return index.org(name, span)
        if determiner not in _INDEFINITE:
            # "the ministry": the latest actor named with the same head noun;
            # in a headline or lead ("Police say ..."), the first named after it.
            found = index.latest(token.i, has_head(index, head))
            if found is None and token.sent.start == 0 and len(name.split()) == 1:
                found = index.following(token.i, has_head(index, head))
            if found:
                return found
        if len(name.split()) > 1:
            # "the environment ministry": a body of its own, not an earlier one.
            return index.org(name, span)
        key = index._add(f"group:{slug(name)}", name, "group")
        if token.tag_ == "NNS":
            index.plural.add(key)
        return key
    if head in lx.titles:
        return _title_holder(index, token, span, determiner)
    if token.pos_ == "NOUN" and token.tag_ == "NNS" and index.side_from(span):
        # "Russian officials", "Ecuadorian officials": a group of one side.
        key = index.sided("group", span, "group")
        index.plural.add(key)
        return key
    return _fallback(index, token, span)


def refers_to_person(
    token: Token,
    span: SpacySpan,
    determiner: str,
    nouns: frozenset[str],
    country: str | None,
) -> bool:
    """ "the skier", "the Russian": a definite singular noun that refers back
    to a person (a demonym, not a country's name)."""
    if determiner != "the" or token.tag_ in ("NNS", "NNPS") or len(span) > 2:
        return False
    demonym = country is not None and token.text.lower() != country.lower()
    return token.lemma_.lower() in nouns or (
        demonym and token.pos_ in ("PROPN", "NOUN", "ADJ")
    )


def _story_company(index: ActorRegistry, token: Token, head: str) -> str | None:
    """ "the automaker", "the company": the latest actor named with that noun,
    else the latest organisation, else a one-word name the NER model took for a
    person ("Zarvo's autopilot ... the automaker"), which is then an organisation."""
    # A public body (one acting for a state) is no company: "the soft drinks
    # maker" after "the US Department of Justice" is the company named before.
    found = index.latest(token.i, has_head(index, head)) or index.latest(
        token.i, lambda a: a.kind == "organisation" and a.side is None
    )
    if found is not None:
        return found

    def misread(actor: Actor) -> bool:
        # A person is introduced by a full name; a lone capitalised word that
        # no given name, title or pronoun makes a person is a company's name.
        words = actor.name.split()
        return (
            actor.kind == "person"
            and len(words) == 1
            and words[0].capitalize() not in index.lx.given_names
            and actor.role is None
            and actor.key not in index.gender
        )

    found = index.latest(token.i, misread)
    if found is not None:
        index.actors[found].kind = "organisation"
    return found


def _the_country(index: ActorRegistry, token: Token) -> str | None:
    """ "Ukraine refused to admit it shelled Russian territory. The country's
    foreign ministry ...": the state that is a subject in this or the previous
    sentence, else the state named last."""
    doc = token.doc
    start = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else 0

    def subject(i: int) -> bool:
        return i >= start and doc[i].dep_ in ("nsubj", "nsubjpass")

    def state(actor: Actor) -> bool:
        return actor.kind == "state"

    return index._latest_at(token.i, state, subject) or index.latest(token.i, state)


#: Dependents that describe a generic noun: "the world governing body", "the
#: sport's ruling body", "the ruling body of world athletics".
_DESCRIBING = ("amod", "compound", "poss", "prep", "npadvmod", "nmod")


def _story_body(index: ActorRegistry, token: Token, span: SpacySpan) -> str | None:
    """The organisation a described generic noun stands for ("the world
    governing body"): the latest one named, else the first named after it (a
    lead sentence may describe it before naming it). A bare "the body" is no
    actor; a name or a state makes it one of its own."""
    if not any(c.dep_ in _DESCRIBING for c in token.children):
        return None
    if any(t.pos_ == "PROPN" for t in span) or index.side_from(span):
        return None

    def test(actor: Actor) -> bool:
        return actor.kind == "organisation"

    return index.latest(token.i, test) or index.following(token.i, test)


def _officials(index: ActorRegistry, token: Token, span: SpacySpan) -> str | None:
    """ "Officials at the institute" speak for it; "officials in Quito" are a group."""
    for child in token.children:
        if child.dep_ != "prep":
            continue
        pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        if child.lower_ in ("at", "of", "from", "with"):
            key = index.resolve(pobj)
            if key is not None and index.actors[key].kind == "organisation":
                return key
        phrase = token.doc[span.start : child.right_edge.i + 1]
        key = index.sided("group", phrase, "group")
        index.plural.add(key)
        return key
    return None


def _title_holder(
    index: ActorRegistry, token: Token, span: SpacySpan, determiner: str
) -> str:
    """ "the prime minister": its holder; "a spokesman": a new person."""
    title = clean(span.text).lower()
    if determiner not in _INDEFINITE:
        found = index.latest(
            token.i,
            lambda a: (
                a.kind == "person" and bool(a.role) and title in str(a.role).lower()
            ),
        )
        if found:
            return found
    if token.tag_ == "NNS":
        key = index.sided("group", span, "group")  # "analysts", "officials"
        index.plural.add(key)
        if token.lemma_.lower() in _AGENTS:
            _principal(index, token, key)  # "lawyers for the company"
        return key
    key = index.sided("person", span, "person", role=clean(span.text))
    index._gender_from(key, [t.text for t in span])
    # "a spokesman for the ministry" / "a ministry spokesman" after "The AIB said".
    _principal(index, token, key)
    if index.actors[key].acts_for is None and token.lower_ in _SPOKES:
        # "An AIB spokesman": the body the name stands for; "a ministry
        # spokeswoman": the body named by the modifier; a bare "a spokesman"
        # after "The AIB rejected ...": the body just mentioned.
        compounds = [t for t in span if t.dep_ == "compound" and t.i < token.i]
        words = [t.lemma_.lower() for t in compounds]
        org = _named_body(index, compounds[-1]) if compounds else None
        if org is None and words and words[-1] in index.lx.company_nouns:
            org = _story_company(index, token, words[-1])  # "a company spokesman"
        org = org or (
            index.latest(token.i, has_head(index, words[-1]))
            if words
            else index.latest(token.i, lambda a: a.kind in ("organisation", "state"))
        )
        if org is not None:
            index.set_acts_for(key, org)
    return key


def _named_body(index: ActorRegistry, token: Token) -> str | None:
    """The organisation a proper-noun modifier names ("an AIB spokesman")."""
    if token.pos_ != "PROPN":
        return None
    key = index.resolve(token)
    return key if key and index.actors[key].kind == "organisation" else None


#: People who speak for someone else: "lawyers for X" act for X, while
#: "residents of X" are a group of their own.
_AGENTS = frozenset(
    {
        "lawyer",
        "attorney",
        "counsel",
        "representative",
        "solicitor",
        "barrister",
        "advocate",
        "agent",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "aide",
    }
)


def _principal(index: ActorRegistry, token: Token, key: str) -> None:
    """Whom a title holder speaks for: "a spokesman for the ministry", "lawyers
    of the family", "attorneys representing the workers"."""
    for child in token.children:
        target = None
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "acl" and child.lemma_.lower() == "represent":
            target = next((c for c in child.children if c.dep_ == "dobj"), None)
        if target is not None:
            principal = index.resolve(target)
            if principal is not None and principal != key:
                index.set_acts_for(key, principal)
                return


def _fallback(index: ActorRegistry, token: Token, span: SpacySpan) -> str | None:
    """A speaker the rules above do not know: a name, or a described group."""
    if len(span) <= 2 and (short := index.short_org(token.text)) is not None:
        return short
    if token.pos_ == "PROPN":
        if token.text in index.surnames:
            return index.surnames[token.text]
        of = next(
            (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"),
            None,
        )
        if of is not None and any(t.pos_ == "PROPN" for t in of.subtree):
            # "the Superintendency of the Environment": a named body.
            phrase = token.doc[span.start : of.right_edge.i + 1]
            return index.org(clean(phrase.text), phrase)
        names = [t for t in span if t.pos_ == "PROPN"]
        name_span = token.doc[names[0].i : token.i + 1] if names else span
        if name_span[-1].lower_ in index.lx.org_suffixes:
            return index.org(clean(name_span.text), span)
        if len(name_span) == 1 and _ACRONYM.fullmatch(token.text):
            # "the IRF" untagged by the model: an acronym names a body, not a person.
            return index.org(token.text, span)
        if looks_like_name(name_span) and len(name_span) >= 2:
            titles = [t for t in span if t.i < name_span.start]
            return index.person(name_span, titles)
        if looks_like_name(name_span):
            # A lone capitalised word the model did not tag ("Norvex said ..."):
            # a speaker all the same; a given name is a person's, a headline's
            # "Family" a group, anything else most likely a body's name.
            if token.text.capitalize() in index.lx.given_names:
                return index.person(name_span, [])
            if token.lower_ in index.lx.civilian_nouns | index.lx.institution_nouns:
                return index.sided("group", span, "group")
            return index.org(token.text, span)
        return index.org(clean(span.text), span)
    if token.pos_ == "NOUN":
        # "Residents of the village", "two people familiar with the matter".
        phrase = token.doc[token.left_edge.i : token.right_edge.i + 1]
        key = index.sided("group", phrase if len(phrase) <= 8 else span, "group")
        if token.tag_ == "NNS":
            index.plural.add(key)
        _owned_by_body(index, token, key)
        return key
    return None


def _owned_by_body(index: ActorRegistry, token: Token, key: str) -> None:
    """ "the party's television station", "the union's newspaper": a group a
    body owns speaks for it; "Reyes's family" and other civilians do not."""
    owner = next((c for c in token.lefts if c.dep_ == "poss"), None)
    if owner is None or token.lemma_.lower() in index.lx.civilian_nouns:
        return
    principal = index.resolve(owner)
    if principal is not None and index.actors[principal].kind in (
        "organisation",
        "state",
    ):
        index.set_acts_for(key, principal)
