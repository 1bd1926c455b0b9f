"""Nouns that refer back to an actor the story has named: "the ministry" (its
head noun), "the automaker" and "the company", "the agency", "the skier" and
"the Russian", "the country", "the world governing body"."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..models import Actor
from .registry import ActorRegistry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


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


def refers_to_person(
    token: Token,
    span: SpacySpan,
    determiner: str,
    nouns: frozenset[str],
    country: str | None,
) -> bool:
    """ "the skier", "the Russian": a definite singular noun that refers back
    to a person (a demonym, not a country's name)."""
    words = [t for t in span if t.dep_ != "det" and not t.is_punct]
    if determiner != "the" or token.tag_ in ("NNS", "NNPS") or len(words) > 2:
        return False
    demonym = country is not None and token.text.lower() != country.lower()
    # "the singer-actress": any part of a hyphenated noun.
    return bool({t.lemma_.lower() for t in words} & nouns) or (
        demonym and len(words) == 1 and token.pos_ in ("PROPN", "NOUN", "ADJ")
    )


def story_company(index: ActorRegistry, token: Token, head: str) -> str | None:
    """ "the automaker", "the company": the latest actor named with that noun,
    else the latest organisation, else a one-word name the NER model took for a
    person ("Zarvo's autopilot ... the automaker"), which is then an organisation."""
    # A public body (one acting for a state) is no company: "the soft drinks
    # maker" after "the US Department of Justice" is the company named before.
    # Nor is a union, a council or a federation: "the company" after "the
    # Electrical Union said" is the employer named before it.
    others = index.lx.institution_nouns - index.lx.company_nouns

    products = _products(index, token.doc)

    def company(actor: Actor) -> bool:
        words = actor.name.lower().split()
        return (
            actor.kind == "organisation"
            and actor.side is None
            and not (words and words[-1] in others)
            and actor.key not in products
            and not index.is_public(actor.name)
        )

    named = has_head(index, head)
    found = index.latest(
        token.i, lambda a: a.kind == "organisation" and named(a)
    ) or _salient(index, token.i, company)
    if found is None and token.sent.start == 0:
        found = index.following(token.i, company)  # a headline names it later
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


def _salient(
    index: ActorRegistry, before: int, test: Callable[[Actor], bool]
) -> str | None:
    """The actor passing ``test`` mentioned most often before token ``before``
    (ties: the latest): "the company" is the story's company even when another
    body ("Fortune's stories") was named in between."""
    seen: dict[str, tuple[int, int]] = {}
    for i, key in index.order:
        if i < before and test(index.actors[key]):
            count, _ = seen.get(key, (0, 0))
            seen[key] = (count + 1, i)
    return max(seen, key=lambda k: seen[k]) if seen else None


def _products(index: ActorRegistry, doc: Doc) -> set[str]:
    """Names a named body owns somewhere in the story ("Tesla's Autopilot
    system", "Apple's App Store"): a product or a unit, not "the company"."""
    if index.owned is None:
        index.owned = _owned_names(doc)
    owned = index.owned
    return {
        key
        for key, actor in index.actors.items()
        if actor.name in owned or any(f"{q}s " in actor.name for q in "'’")
    }


def _owned_names(doc: Doc) -> frozenset[str]:
    """Proper names after an organisation's possessive in ``doc``."""
    owned = set()
    for token in doc:
        before = doc[token.i - 1] if token.i else None
        if token.tag_ != "POS" or before is None or before.ent_type_ != "ORG":
            continue
        words = []
        for word in doc[token.i + 1 :]:
            if word.pos_ != "PROPN":
                break
            words.append(word.text)
        if words:
            owned.add(" ".join(words))
    return frozenset(owned)


def story_agency(index: ActorRegistry, token: Token, head: str) -> str | None:
    """ "the agency", "the regulator": the actor named with that noun, else the
    public body named last by a proper name ("federal regulators" name none)."""
    return index.latest(token.i, has_head(index, head)) or index.latest(
        token.i,
        lambda a: (
            a.kind == "organisation"
            and index.is_public(a.name)
            and a.name[:1].isupper()
        ),
    )


def the_country(index: ActorRegistry, token: Token) -> str | None:
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


def story_body(index: ActorRegistry, token: Token, span: SpacySpan) -> str | None:
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


def governed(index: ActorRegistry, token: Token, span: SpacySpan) -> str | None:
    """ "the hospital authorities" after "Fortis hospital": the body the
    modifier names, when the story has named one with that noun."""
    kinds = index.lx.institution_nouns | index.lx.company_nouns
    body = [
        t.lemma_.lower()
        for t in span
        if t.i < token.i and t.dep_ == "compound" and t.lemma_.lower() in kinds
    ]
    if not body or any(t.pos_ == "PROPN" for t in span):
        return None
    found = index.latest(token.i, has_head(index, body[-1]))
    return found if found is not None and index.actors[found].kind != "group" else None


def latest_body(index: ActorRegistry, token: Token) -> str | None:
    """The body a bare "a spokesman" speaks for: the latest one that was a
    subject ("The Royal Mail said ..."), not one only mentioned since ("in
    some offices"); else the latest one."""

    def body(actor: Actor) -> bool:
        return actor.kind in ("organisation", "state")

    doc = token.doc
    return index._latest_at(
        token.i, body, lambda i: doc[i].dep_ in ("nsubj", "nsubjpass")
    ) or index.latest(token.i, body)
