"""Sides: the state each actor ultimately acts for.

Run once per document after every mention is resolved. In order, an actor with
no principal yet gets one from:

1. the discourse: a public official or body introduced right after a sentence
   whose subject is a state ("Ecuador welcomed the report. Foreign Minister X
   said ...") or in or after a sentence opened by "In <capital>," acts for it;
2. its office ("Defence Minister X" acts for the article's defence ministry,
   "Army spokesman X" for the army it names) -- the latest such body before it;
3. the dateline ("CORK, Ireland --"): a public body with no side serves it.

Then sides follow ``acts_for`` chains, each actor's party is the top of its
chain (its state when it has one), and every non-pronoun mention becomes an
alias, so "Peru's Ministry of Defence" and "the Defence Ministry" both name it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .mentions import SPEAKER_PRONOUNS, clean, np_span, subject_of
from .registry import ActorRegistry

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from ..models import Actor

_FILLER = {"of", "the", "for", "and", "&"}


def _first_mention(index: ActorRegistry, key: str) -> int | None:
    found = [i for i, k in index.order if k == key]
    return min(found) if found else None


def _office_words(index: ActorRegistry, role: str) -> tuple[set[str], set[str]]:
    """(institution nouns, domain words) of a role: "Defence Minister"."""
    words = {w.lower().strip(",.") for w in role.split()}
    if "minister" in words:
        words.add("ministry")
    nouns = index.lx.institution_nouns | index.lx.armed_forces_nouns
    institutions = words & nouns
    domain = words - institutions - index.lx.titles - _FILLER - {"minister", "deputy"}
    domain = {w for w in domain if not index.lx.country_of(w)}
    return institutions, domain


def _by_office(index: ActorRegistry, actor: Actor) -> None:
    if actor.acts_for or not actor.role:
        return
    institutions, domain = _office_words(index, actor.role)
    if not institutions:
        return
    first = _first_mention(index, actor.key)
    if first is None:
        return
    best: tuple[int, str] | None = None
    for position, key in index.order:
        other = index.actors[key]
        if position >= first or other.kind != "organisation":
            continue
        name = " ".join([other.name, *other.aliases]).lower()
        if any(i in name for i in institutions) and all(w in name for w in domain):
            if best is None or position >= best[0]:
                best = (position, key)
    if best is not None:
        index.set_acts_for(actor.key, best[1])


def _fronted_place(index: ActorRegistry, sent: SpacySpan) -> str | None:
    """ "In Lima, ...": the state of a sentence-initial place."""
    first = sent[0]
    if first.lower_ == "in" and first.dep_ == "prep":
        for token in first.subtree:
            country = index.lx.country_of(token.text)
            if country and token.pos_ == "PROPN":
                return country
    return None


def _topic_state(index: ActorRegistry, token_index: int) -> str | None:
    """The state a sentence's discourse is about: "In Lima, ..." here or in the
    previous sentence, else the previous sentence's subject ("Ecuador welcomed
    the report.", "the Peruvian army maintained ...")."""
    doc = index.doc
    sent = doc[token_index].sent
    found = _fronted_place(index, sent)
    if found or sent.start == 0:
        return found
    previous = doc[sent.start - 1].sent
    found = _fronted_place(index, previous)
    if found:
        return found
    subject = subject_of(previous.root)
    if subject is None or subject.pos_ == "PRON":
        return None
    if subject.pos_ == "PROPN":
        return index.lx.country_of(subject.text)
    return index.side_from(np_span(subject))


def _by_topic(index: ActorRegistry, actor: Actor) -> None:
    if actor.acts_for or actor.kind == "state":
        return
    if not index.is_public(" ".join(filter(None, [actor.role, actor.name]))):
        return
    if not _private_free(index, actor):
        return
    first = _first_mention(index, actor.key)
    if first is None:
        return
    country = _topic_state(index, first)
    if country:
        index.set_acts_for(actor.key, index.state(country))


def _private_free(index: ActorRegistry, actor: Actor) -> bool:
    """False for "community president", "union leader": a lower-case modifier that
    is not itself a public word names a private body; so does an acronym that
    names no state ("WADA independent commission")."""
    words = (actor.role or "").split()
    if any(
        len(w) >= 2 and w.isalpha() and w.isupper() and not index.lx.country_of(w)
        for w in actor.name.split()
    ):
        return False  # "a WADA independent commission": another body's, no state's
    for word in words[:-1]:
        lowered = word.lower()
        if lowered in ("of", "for", "the", "and"):
            continue  # "Minister of Territorial Administration"
        if word[:1].islower() and lowered not in index.lx.government_nouns:
            if lowered not in index.lx.titles and not index.lx.country_of(word):
                return False
    return True


def home(index: ActorRegistry) -> str | None:
    """The state of the dateline ("CORK, Ireland --", "BOGOTÁ --"), if one: on
    the first line, or in capitals opening one of the next two (after a title,
    "YAOUNDE, April 5 — ...")."""
    lines = [line for line in index.text.split("\n", 8) if line.strip()][:3]
    for n, line in enumerate(lines):
        for mark in ("\u2014", " -- ", " - ", "("):
            if mark in line[:80]:
                head = line[: line.index(mark)]
                break
        else:
            continue
        if n > 0 and not re.split(r"[/,]", head)[0].strip().isupper():
            continue  # a title's "Russia - Ukraine talks" is no dateline
        places = {
            index.lx.country_of(part.strip())
            for part in re.split(r"[/,]", head)
            if part.strip()
        }
        places.discard(None)
        if places:
            return places.pop() if len(places) == 1 else None
    return None


def _dominant_state(index: ActorRegistry) -> str | None:
    """The state a story is about when no dateline says: named at least three
    times, and three times as often as any other ("The government rejected a
    report on India's death toll ... India's ... India ...")."""
    counts = sorted(
        (len(a.mentions), a.name) for a in index.actors.values() if a.kind == "state"
    )
    if not counts:
        return None
    top, name = counts[-1]
    second = counts[-2][0] if len(counts) > 1 else 0
    return name if top >= 3 and top >= 3 * second else None


def settle(index: ActorRegistry) -> None:
    """Fill ``acts_for`` and ``side`` of every actor; add mention aliases."""
    # The discourse first: "Ecuador welcomed the report. Foreign Minister X said"
    # is Ecuador's minister even if another state's foreign ministry came earlier.
    for actor in list(index.actors.values()):
        _by_topic(index, actor)
    for actor in [a for a in index.actors.values() if a.kind == "person"]:
        _by_office(index, actor)
    dateline = home(index) or _dominant_state(index)
    if dateline is not None:
        # A domestic story names its own officials and bodies bare.
        for actor in list(index.actors.values()):
            if (
                actor.kind != "state"
                and actor.acts_for is None
                and index.is_public(actor.role or actor.name)
                and _private_free(index, actor)
            ):
                index.set_acts_for(actor.key, index.state(dateline))
    for actor in list(index.actors.values()):
        seen = {actor.key}
        current = actor
        while current.acts_for and current.acts_for not in seen:
            seen.add(current.acts_for)
            current = index.actors[current.acts_for]
            actor.side = actor.side or current.side
        # The party is the top of the chain; an official whose chain stops short
        # of its state (a ministry named bare) still speaks for that state.
        if current.kind != "state" and actor.side:
            actor.party = index.state(actor.side)
        else:
            actor.party = current.key
        for mention in actor.mentions:
            alias = clean(mention.text)
            if alias and alias.lower() not in SPEAKER_PRONOUNS:
                if alias not in actor.aliases:
                    actor.aliases.append(alias)
