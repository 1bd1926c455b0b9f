"""Aspect values in an assertion's content, driven by ``ontology/lexicon/aspects.ttl``.

- Responsibility (actor): "responsibility falls on X", "X is responsible / to
  blame", "blame X", "shot down by Y's fire", "Y fired", "Y used X in the strike".
- AdvanceNotice (polarity, and a lead time in seconds): "coordinated with X ahead
  of", "informed X", "failing to inform X" (does not hold), "warned ... only three
  minutes before" (a lead time).
- Casualties (quantity): "killing all 15", "seven soldiers died", "three of
  our soldiers lost their lives", "left five dead". A count of a restricted group
  is ``partial`` (see :func:`.casualties.partial_count`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import Lexicon
from ..models import AspectValue
from .actors import ActorIndex
from .casualties import CasualtyReader
from .counts import COUNT, read_counts
from .mentions import phrase_of, span_of, verb_subject
from .quantities import duration_before

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


_LIGHT_VERBS = {"open", "launch", "carry", "conduct", "mount", "stage", "unleash"}
_WEAPON_EVENTS = {
    "strike",
    "attack",
    "raid",
    "bombing",
    "assault",
    "incident",
    "shooting",
}


class AspectReader(CasualtyReader):
    """Reads aspect values from content tokens of one document."""

    def __init__(self, lx: Lexicon, actors: ActorIndex) -> None:
        self.lx = lx
        self.actors = actors
        self.responsibility = lx.aspects.get("Responsibility")
        self.notice = lx.aspects.get("AdvanceNotice")
        self.casualties = lx.aspects.get("Casualties")
        self.location = lx.aspects.get("Location")
        self.counts = COUNT in lx.aspects
        # Multi-word casualty lemmas are a verb and its object: "lose life".
        self.casualty_phrases: dict[str, set[str]] = {}
        if self.casualties is not None:
            for entry in self.casualties.lemmas:
                verb, _, obj = entry.partition(" ")
                if obj:
                    self.casualty_phrases.setdefault(verb, set()).add(obj)

    def actor_in(self, phrase: SpacySpan | Iterable[Token]) -> str | None:
        """The first actor (a state first) a phrase names: "Syrian fire" -> Syria."""
        for token in phrase:
            if token.ent_type_ in ("PERSON", "ORG") or token.pos_ == "PRON":
                continue
            country = self.lx.country_of(token.text)
            if country:
                return self.actors.state(country)
        for token in phrase:
            if token.ent_type_ in ("PERSON", "ORG") and token.ent_iob_ == "B":
                ent = next(e for e in token.doc.ents if e.start == token.i)
                return self.actors.resolve(ent.root)
        return None

    def read(
        self, tokens: list[Token], cue_class: str, target: str | None, nested: set[int]
    ) -> list[AspectValue]:
        """Values in ``tokens`` (minus token indices in ``nested``)."""
        own = [t for t in tokens if t.i not in nested]
        values: list[AspectValue] = []
        if self.responsibility is not None:
            values += self._responsibility(own, cue_class, target)
        if self.notice is not None:
            # Notice is about the communication itself: "said X warned them a
            # minute before" asserts the warning's timing even though "warned"
            # is a nested cue of its own.
            values += self._notice(tokens)
        if self.casualties is not None:
            values += self._casualties(own)
        if self.location is not None:
            values += self._location(own)
        if self.counts:
            taken = {i for v in values for i in range(v.span.start, v.span.end)}
            values += read_counts(own, taken)
        unique: dict[tuple[object, ...], AspectValue] = {}
        for value in values:
            unique.setdefault(
                (
                    value.aspect,
                    value.actor,
                    value.positive,
                    value.number,
                    value.unit,
                    value.partial,
                ),
                value,
            )
        return list(unique.values())

    def _responsibility(
        self, tokens: list[Token], cue_class: str, target: str | None
    ) -> list[AspectValue]:
        aspect = self.responsibility
        assert aspect is not None
        out: list[AspectValue] = []

        def add(actor: str | None, where: Token | SpacySpan) -> None:
            if actor is not None:
                out.append(
                    AspectValue("Responsibility", "actor", span_of(where), actor=actor)
                )

        members = {t.i for t in tokens}
        if cue_class == "Blame" and target is not None and tokens:
            add(target, tokens[0].doc[tokens[0].i : tokens[-1].i + 1])
        for token in tokens:
            lemma = token.lemma_.lower()
            if lemma in aspect.lemmas:
                add(self._responsible_party(token), token)
            elif (
                lemma in aspect.agent_lemmas
                and token.pos_ == "NOUN"
                and token.dep_ == "dobj"
                and token.head.lemma_.lower() in _LIGHT_VERBS
            ):
                # "opened fire", "launched an attack": the light verb's subject.
                subject = verb_subject(token.head)
                if (
                    subject is not None
                    and subject.i in members
                    and subject.pos_ != "PRON"
                ):
                    add(self.actor_in(phrase_of(subject)), phrase_of(subject))
            elif lemma in aspect.agent_lemmas and token.pos_ == "VERB":
                if any(c.dep_ == "neg" for c in token.children):
                    continue
                if lemma == "use" and not any(
                    c.dep_ == "prep"
                    and any(g.lemma_.lower() in _WEAPON_EVENTS for g in c.subtree)
                    for c in token.children
                ):
                    continue
                agent = next((c for c in token.children if c.dep_ == "agent"), None)
                subject = verb_subject(token)
                if agent is not None:
                    add(self.actor_in(phrase_of(agent)), phrase_of(agent))
                elif (
                    subject is not None
                    and subject.i in members
                    and subject.pos_ != "PRON"
                ):
                    add(self.actor_in(phrase_of(subject)), phrase_of(subject))
        return out

    def _responsible_party(self, token: Token) -> str | None:
        """ "responsibility ... falls on X", "X is responsible", "X is to blame"."""
        head = token.head
        if token.dep_ in ("nsubj", "nsubjpass"):
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("on", "with", "upon"):
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return self.actor_in(phrase_of(pobj))
        if token.dep_ in ("oprd", "xcomp", "ccomp") or token.dep_ == "acomp":
            # "Peru held Ecuador responsible": the object of the holding verb.
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is not None and head.lemma_.lower() in (
                "hold",
                "consider",
                "deem",
                "find",
            ):
                return self.actor_in(phrase_of(obj))
        if (
            token.dep_ in ("acomp", "attr", "xcomp", "dobj")
            or token.lemma_.lower() == "blame"
        ):
            verb = head if token.dep_ != "xcomp" else head
            while verb.dep_ in ("xcomp", "aux") and verb.head.i != verb.i:
                verb = verb.head
            subject = next(
                (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None
            )
            if subject is not None and subject.pos_ != "PRON":
                return self.actor_in(phrase_of(subject))
        return None

    def _notice(self, tokens: list[Token]) -> list[AspectValue]:
        aspect = self.notice
        assert aspect is not None
        out: list[AspectValue] = []
        for token in tokens:
            if token.pos_ != "VERB" or token.lemma_.lower() not in aspect.lemmas:
                continue
            duration = self._lead_time(token, aspect.lead_words)
            if duration is not None:
                out.append(duration)
                continue
            lemma = token.lemma_.lower()
            ahead = any(
                t.lower_ in aspect.lead_words for t in token.subtree if t.i > token.i
            )
            if lemma == "coordinate" and not ahead:
                continue
            holds = not any(c.dep_ == "neg" for c in token.children)
            parent = token.head
            if (
                token.dep_ in ("xcomp", "pcomp")
                and parent.lemma_.lower() in self.lx.negative_implicatives
            ):
                holds = not holds
            elif (
                parent.dep_ == "pcomp"
                and parent.lemma_.lower() in self.lx.negative_implicatives
            ):
                holds = not holds
            out.append(
                AspectValue("AdvanceNotice", "polarity", span_of(token), positive=holds)
            )
        return out

    def _lead_time(self, verb: Token, lead_words: frozenset[str]) -> AspectValue | None:
        """ "warned them 'under two minutes' before it began" -> < 120 s."""
        doc = verb.doc
        for token in verb.subtree:
            if token.lower_ not in lead_words or token.i <= verb.i:
                continue
            window = doc[max(verb.i + 1, token.i - 7) : token.i]
            found = duration_before(window.text)
            if found is None:
                continue
            seconds, compared = found
            return AspectValue(
                "AdvanceNotice",
                "duration",
                span_of(doc[window.start : token.i + 1]),
                number=seconds,
                unit="s",
                comparator=compared,
            )
        return None

    def _location(self, tokens: list[Token]) -> list[AspectValue]:
        """ "in Norwegian waters", "inside X's zone", "in international waters"."""
        aspect = self.location
        assert aspect is not None
        out: list[AspectValue] = []
        for token in tokens:
            if token.pos_ not in ("NOUN", "PROPN") or token.lower_ not in aspect.lemmas:
                continue
            head = token.head
            if token.dep_ == "pobj" and head.lower_ in (
                "in",
                "inside",
                "within",
                "into",
            ):
                verb = head.head
            elif token.dep_ == "dobj" and head.lemma_.lower() in (
                "enter",
                "cross",
                "violate",
            ):
                verb = head
            else:
                continue
            if any(c.dep_ == "neg" for c in verb.children):
                continue
            owner = None
            for child in token.children:
                if child.dep_ not in ("amod", "poss", "compound"):
                    continue
                if child.lower_ == "international":
                    owner = self.actors.area("international waters")
                country = self.lx.country_of(child.text)
                if country:
                    owner = self.actors.state(country)
            if owner is not None:
                out.append(
                    AspectValue(
                        "Location", "actor", span_of(phrase_of(token)), actor=owner
                    )
                )
        return out
