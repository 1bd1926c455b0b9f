"""Descriptions without a named entity: "the ministry", "officials in Quito".

A definite description corefers with the latest actor that has its head noun; an
indefinite one ("a spokesman") or a described group is a new actor; an acronym,
surname or country name finds the actor registered under it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..models import ActorKind
from ..rdf.ids import slug
from .mentions import clean, cue_lemma, looks_like_name
from .referents import (
    governed,
    has_head,
    latest_body,
    refers_to_person,
    story_agency,
    story_body,
    story_company,
    the_country,
)
from .registry import ActorRegistry
from .roles import role_holder, title_complement

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_ACRONYM = re.compile(r"[A-Z]{2,8}")
_INDEFINITE = {"a", "an", "another", "one", "two", "three", "several", "some"}
_OFFICIALS = {"official", "officials", "source", "sources", "spokesman", "spokeswoman"}
_SPOKES = {"spokesman", "spokeswoman", "spokesperson", "official", "representative"}
_DEFINITE = {"the", "this", "that"}


def resolve_description(
    index: ActorRegistry, token: Token, span: SpacySpan
) -> str | None:
    """The actor a noun phrase without a PERSON/ORG entity refers to."""
    lx = index.lx
    head = token.lemma_.lower()
    determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), "")
    nouns = lx.institution_nouns | lx.armed_forces_nouns
    # "Justice Ann Vale ... the judge": the person named with that role.
    found = role_holder(index, token, span, determiner)
    if found is not None:
        return found
    if head in lx.governing_nouns or token.lower_ in lx.governing_nouns:
        found = governed(index, token, span)
        if found is not None:
            return found
    if head in lx.country_nouns and determiner == "the" and token.tag_ == "NN":
        found = the_country(index, token)
        if found is not None:
            return found
    if head in lx.body_nouns and determiner not in _INDEFINITE:
        found = story_body(index, token, span)
        if found is not None:
            return found
    if (
        head in lx.company_nouns
        and determiner in _DEFINITE
        and not any(t.pos_ == "PROPN" for t in _unplaced(span))
        and not index.side_from(_unplaced(span))
        # "the rights group", "a militant group" describe a group of their own.
        and (head != "group" or len(span) <= 2)
    ):
        found = story_company(index, token, head)
        if found is not None:
            return found
    if (
        head in lx.media_nouns
        and not any(t.pos_ == "PROPN" for t in span)
        # "Syrian state television", "a government newspaper" speak for a state.
        and not any(
            part in lx.government_nouns
            for t in span
            if t.i != token.i
            for part in t.lower_.split("-")
        )
    ):
        # "a British newspaper", "the tabloid": an outlet, whatever its country;
        # "the newspaper" is the one named or described before.
        if determiner in _DEFINITE:
            found = index.latest(token.i, has_head(index, head))
            if found is not None:
                return found
        name = clean(span.text)
        known = set(index.actors)
        key = index._add(f"org:{slug(name)}", name, "organisation")
        if key not in known:
            index.actors[key].named = False
        return key
    if (
        head in lx.agency_nouns
        and determiner in _DEFINITE
        and len(span) <= 2
        and not index.side_from(span)
    ):
        found = story_agency(index, token, head)
        if found is not None:
            return found
    # "the mayor's office": an organisation owned by a person acts for them.
    owner = next((c for c in token.lefts if c.dep_ == "poss"), None)
    if owner is not None and head in nouns:
        principal = index.resolve(owner)
        name = clean(span.text)
        state = principal is not None and index.actors[principal].kind == "state"
        if state and not index.is_public(name):
            principal = None  # "Spain's unions" are no body of the state
        if state and principal is not None:
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
        # The latest person named, not a titled one ("a commission spokeswoman
        # said the singer-actress ..."): titles are their own descriptions.
        found = index.latest(token.i, lambda a: a.kind == "person" and not a.role)
        if found is not None:
            return found
    if country and token.pos_ in ("PROPN", "NOUN", "ADJ"):
        return index.state(country)
    if token.lower_ in _OFFICIALS and token.tag_ == "NNS":
        found = _officials(index, token, span)
        if found is None and len(span) == 1:
            # "Indian Army sources denied ... Sources said": the same sources.
            found = index.latest(
                token.i,
                lambda a: (
                    a.kind == "group" and a.name.lower().split()[-1] == token.lower_
                ),
            )
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
            # "the environment ministry": a body of its own, not an earlier one,
            # known only by that description.
            known = set(index.actors)
            key = index.org(name, span)
            if key not in known and index.actors[key].side is None:
                index.actors[key].named = False
            return key
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


def _unplaced(span: SpacySpan) -> list[Token]:
    """The words of ``span`` but a place in a hyphenated modifier ("the
    California-based company", "the Oslo-headquartered firm"), which says where
    the thing is, neither its name nor whose it is."""
    return [
        t
        for t in span
        if not (t.dep_ == "npadvmod" and t.head.dep_ == "amod" and t.head.i > t.i)
    ]


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
        if token.lemma_.lower() in index.lx.agent_titles:
            _principal(index, token, key)  # "lawyers for the company"
            if determiner in _DEFINITE:
                _earlier_principal(index, token, key)
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
            org = story_company(index, token, words[-1])  # "a company spokesman"
        # "a military spokesman": a body of that kind, never just the last one.
        kinds = index.lx.institution_nouns | index.lx.armed_forces_nouns
        typed = [
            t.lemma_.lower()
            for t in span
            if t.i < token.i and t.dep_ == "amod" and t.lemma_.lower() in kinds
        ]
        org = org or (
            index.latest(token.i, has_head(index, (words + typed)[-1]))
            if words or typed
            else latest_body(index, token)
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


def _principal(index: ActorRegistry, token: Token, key: str) -> None:
    """Whom a title holder speaks for: "a spokesman for the ministry", "lawyers
    of the family", "attorneys representing the workers", "the family's
    attorney"."""
    for child in token.children:
        target = None
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "acl" and child.lemma_.lower() == "represent":
            target = next((c for c in child.children if c.dep_ == "dobj"), None)
        elif child.dep_ == "poss" and token.lemma_.lower() in index.lx.agent_titles:
            target = child  # "his lawyer": the pronoun's person
        if target is not None:
            principal = index.resolve(target)
            if principal is not None and principal != key:
                index.set_acts_for(key, principal)
                return


def _earlier_principal(index: ActorRegistry, token: Token, key: str) -> None:
    """ "Lawyers for X have fired back ... the lawyers argue", "the attorneys
    said": agents named again act for the client named with them before."""
    agents = index.lx.agent_titles
    for earlier in reversed(token.doc[: token.i]):
        if index.actors[key].acts_for is not None:
            return
        if earlier.lemma_.lower() in agents and earlier.tag_ == "NNS":
            _principal(index, earlier, key)


def _fallback(index: ActorRegistry, token: Token, span: SpacySpan) -> str | None:
    """A speaker the rules above do not know: a name, or a described group."""
    if len(span) <= 2 and (short := index.short_org(token.text)) is not None:
        return short
    if token.pos_ == "PROPN" and title_complement(token, index.lx):
        return None  # a title's portfolio ("Commissioner for Compliance Policy")
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
        # A title-case headline ("Arbitration Body Rejects Gatlin's Appeal"):
        # the words after a reporting verb are the name.
        verbs = [
            t
            for t in names
            if t.i < token.i
            and t.lower_.endswith("s")
            and cue_lemma(t.lower_, index.lx)
        ]
        if verbs:
            names = [t for t in names if t.i > verbs[-1].i]
        name_span = token.doc[names[0].i : token.i + 1] if names else span
        full = index.full_org(clean(name_span.text))
        if full is not None:
            return full  # "Baby Nest" after "Baby Nest L.L.C."
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
    if token.pos_ == "NOUN" and token.lemma_.lower() in index.lx.agent_titles:
        # "a representative for X", "X's publicist": someone who speaks for X.
        kind: ActorKind = "group" if token.tag_ == "NNS" else "person"
        # A title is a role: "the actor" later is not "Richard Roe's publicist".
        key = index.sided(kind, span, kind, role=token.lemma_.lower())
        _principal(index, token, key)
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        principal = index.resolve(owner) if owner is not None else None
        if principal is not None and principal != key:
            index.set_acts_for(key, principal)
        return key
    if token.pos_ == "NOUN":
        # "Residents of the village", "two people familiar with the matter";
        # not "the defence of trying to incite ..." (a charge, misattached).
        end = token.right_edge.i
        for child in token.children:
            if child.dep_ == "prep" and any(c.dep_ == "pcomp" for c in child.children):
                end = min(end, child.i - 1)
            if child.dep_ in ("acl", "relcl") and child.i > token.i:
                end = min(end, child.left_edge.i - 1)  # "reports suggesting X"
        phrase = token.doc[token.left_edge.i : end + 1]
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
