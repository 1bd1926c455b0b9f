"""Incidents: event mentions grouped by family, with participants, place and time."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from ..lexicon import Lexicon
from ..models import Event, Span
from .actors import ActorIndex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def find_events(doc: Doc, lx: Lexicon, actors: ActorIndex) -> list[Event]:
    """One event per event family mentioned, most mentioned first.

    News centres on one incident: the strike, the downing and the attack of one
    article are mentions of it, so mentions of one family form one event.
    """
    mentions: dict[str, list[Token]] = defaultdict(list)
    types: dict[str, Counter[str]] = defaultdict(Counter)
    sense = _senses(doc, lx)
    for token in doc:
        if token.pos_ not in ("NOUN", "VERB", "PROPN"):
            continue
        lemma = token.lemma_.lower()
        found = (
            sense.get(lemma)
            or lx.event_types.get(lemma)
            or lx.event_types.get(token.lower_)
        )
        if found is None:
            continue
        event_type, family = found
        mentions[family].append(token)
        types[family][event_type] += 1
    # The states an article is about, most mentioned first: the parties of its
    # incidents, and what cross-article linking compares.
    counts: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "ORG"):
            country = lx.country_names.get(ent.text.lower().removeprefix("the "))
            if country:
                counts[actors.state(country)] += 1
    participants = [key for key, _ in counts.most_common(4)]
    events: list[Event] = []
    for family, tokens in sorted(mentions.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        event_type = types[family].most_common(1)[0][0]
        nouns = Counter(t.lemma_.lower() for t in tokens if t.pos_ == "NOUN")
        label_word = nouns.most_common(1)[0][0] if nouns else tokens[0].lemma_.lower()
        sentences = {t.sent.start for t in tokens}
        place = time = None
        for ent in doc.ents:
            if ent.sent.start not in sentences:
                continue
            if ent.label_ in ("DATE", "TIME") and time is None:
                time = ent.text
            if ent.label_ in ("GPE", "LOC", "FAC") and place is None:
                if ent.root.head.lower_ in ("in", "near", "over", "off", "at"):
                    place = ent.text
        events.append(
            Event(
                key=f"event:{family}",
                type=event_type,
                label=_label(label_word, participants, actors),
                mentions=[
                    Span(t.idx, t.idx + len(t.text), t.text) for t in tokens[:50]
                ],
                participants=participants,
                place=place,
                time=time,
            )
        )
    return events


def _senses(doc: Doc, lx: Lexicon) -> dict[str, tuple[str, str]]:
    """The sense of each trigger of several families this article uses: the
    family whose context lemmas occur most ("union", "pay" for a strike)."""
    used = {t.lemma_.lower() for t in doc} & lx.event_senses.keys()
    if not used:
        return {}
    lemmas = Counter(t.lemma_.lower() for t in doc)
    chosen: dict[str, tuple[str, str]] = {}
    for trigger in used:
        options = lx.event_senses[trigger]
        scores = [
            sum(lemmas[w] for w in lx.event_contexts.get(family, ()))
            for _, family in options
        ]
        chosen[trigger] = options[scores.index(max(scores))]
    return chosen


def _label(word: str, participants: list[str], actors: ActorIndex) -> str:
    names = [actors.actors[key].name for key in participants[:3]]
    return f"{word} ({', '.join(names)})" if names else word


def event_for(tokens: list[Token], events: list[Event], lx: Lexicon) -> str | None:
    """The event an assertion's content mentions, else the principal incident."""
    if not events:
        return None
    named = {
        f"event:{family}"
        for token in tokens
        for _, family in lx.event_senses.get(token.lemma_.lower())
        or [lx.event_types.get(token.lemma_.lower(), ("", ""))]
        if family
    }
    # The principal incident wins when the content names several.
    for event in events:
        if event.key in named:
            return event.key
    return events[0].key
