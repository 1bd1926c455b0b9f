"""Aspect values in an assertion's content, driven by ``ontology/lexicon/aspects.ttl``.

Each aspect names its reader (``ckg:reader``); the built-in readers are
registered at the end of this module (:mod:`.readers`):

- Responsibility (actor): "responsibility falls on X", "X is responsible / to
  blame", "blame X", "shot down by Y's fire", "Y fired", "Y used X in the strike".
- AdvanceNotice (polarity, and a lead time in seconds): "coordinated with X ahead
  of", "informed X", "failing to inform X" (does not hold), "warned ... only three
  minutes before" (a lead time).
- Casualties (quantity): "killing all 15", "seven soldiers died", "three of
  our soldiers lost their lives", "left five dead". A count of a restricted group
  is ``partial`` (see :func:`.casualties.partial_count`).
- Location (actor): "in Norwegian waters", "entered X's airspace".
- Count (quantity): any counted noun (:mod:`.counts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import Aspect, Lexicon
from ..models import AspectValue
from .actors import ActorIndex
from .agents import denied_agent, denied_own_act, nominal_agents
from .casualties import CasualtyReader
from .counts import read_counts
from .mentions import phrase_of, span_of, verb_subject
from .quantities import duration_before
from .readers import Content, aspect_reader, reading_plan

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


class AspectReader(CasualtyReader):
    """Reads aspect values from content tokens of one document."""

    def __init__(self, lx: Lexicon, actors: ActorIndex) -> None:
        self.lx = lx
        self.actors = actors
        self.plan = reading_plan(lx.aspects)

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
        self,
        tokens: list[Token],
        cue_class: str,
        target: str | None,
        nested: set[int],
        speaker: str | None = None,
    ) -> list[AspectValue]:
        """Values in ``tokens`` (minus token indices in ``nested``); ``speaker``
        is whom "its" in the content stands for first."""
        own = [t for t in tokens if t.i not in nested]
        content = Content(tokens, own, cue_class, target, speaker)
        values: list[AspectValue] = []
        for aspect, read in self.plan:
            values += read(self, aspect, content, values)
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

    def _responsibility(self, aspect: Aspect, content: Content) -> list[AspectValue]:
        tokens, cue_class, target = content.own, content.cue_class, content.target
        out: list[AspectValue] = []
        light_verbs = aspect.word_list("lightVerb")
        weapons = aspect.word_list("weaponNoun")

        def add(actor: str | None, where: Token | SpacySpan) -> None:
            if actor is not None:
                out.append(
                    AspectValue(aspect.name, "actor", span_of(where), actor=actor)
                )

        members = {t.i for t in tokens}
        if cue_class == "Blame" and target is not None and tokens:
            add(target, tokens[0].doc[tokens[0].i : tokens[-1].i + 1])
        for token in tokens:
            lemma = token.lemma_.lower()
            if lemma in aspect.lemmas:
                add(self._responsible_party(aspect, token), token)
            elif (
                lemma in aspect.agent_lemmas
                and token.pos_ == "NOUN"
                and token.dep_ == "dobj"
                and token.head.lemma_.lower() in light_verbs
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
                    # "X did not fire": X denied, never a doer.
                    denied = denied_agent(self, aspect, token, members)
                    out += [denied] if denied is not None else []
                    continue
                if lemma == "use" and not any(
                    c.dep_ == "prep"
                    and any(g.lemma_.lower() in weapons for g in c.subtree)
                    for c in token.children
                ):
                    continue
                agent = next((c for c in token.children if c.dep_ == "agent"), None)
                subject = verb_subject(token)
                if agent is not None:
                    add(self._agent_actor(agent, content.speaker), phrase_of(agent))
                elif subject is not None and denied_own_act(
                    subject, members, cue_class
                ):
                    # "X denied that it fired": "it" is X.
                    add(content.speaker, subject)
                elif (
                    subject is not None
                    and subject.i in members
                    and subject.pos_ != "PRON"
                ):
                    add(self.actor_in(phrase_of(subject)), phrase_of(subject))
        return out + nominal_agents(self, aspect, tokens)

    def _agent_actor(self, agent: Token, speaker: str | None) -> str | None:
        """The doer a passive's "by" phrase names: "by its missile attacks into
        northern X" is the doer "its" stands for, not X (where the attacks went)."""
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        owner = next((c for c in pobj.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PRON":
            # "X claimed the tank was destroyed by its attacks": X's own.
            if owner.lower_ in ("its", "their") and speaker is not None:
                return speaker
            return self.actors.resolve(owner)
        places = {t.i for c in pobj.children if c.dep_ == "prep" for t in c.subtree}
        return self.actor_in([t for t in pobj.subtree if t.i not in places])

    def _responsible_party(self, aspect: Aspect, token: Token) -> str | None:
        """ "responsibility ... falls on X", "X is responsible", "X is to blame"."""
        head = token.head
        if token.dep_ in ("nsubj", "nsubjpass"):
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in aspect.word_list(
                    "partyPreposition"
                ):
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return self.actor_in(phrase_of(pobj))
        if token.dep_ in ("oprd", "xcomp", "ccomp") or token.dep_ == "acomp":
            # "Peru held Ecuador responsible": the object of the holding verb.
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is not None and head.lemma_.lower() in aspect.word_list(
                "holdingVerb"
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

    def _notice(self, aspect: Aspect, tokens: list[Token]) -> list[AspectValue]:
        out: list[AspectValue] = []
        for token in tokens:
            if token.pos_ != "VERB" or token.lemma_.lower() not in aspect.lemmas:
                continue
            duration = self._lead_time(aspect, token)
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
                AspectValue(aspect.name, "polarity", span_of(token), positive=holds)
            )
        return out

    def _lead_time(self, aspect: Aspect, verb: Token) -> AspectValue | None:
        """ "warned them 'under two minutes' before it began" -> < 120 s."""
        doc = verb.doc
        for token in verb.subtree:
            if token.lower_ not in aspect.lead_words or token.i <= verb.i:
                continue
            window = doc[max(verb.i + 1, token.i - 7) : token.i]
            found = duration_before(window.text)
            if found is None:
                continue
            seconds, compared = found
            return AspectValue(
                aspect.name,
                "duration",
                span_of(doc[window.start : token.i + 1]),
                number=seconds,
                unit="s",
                comparator=compared,
            )
        return None

    def _location(self, aspect: Aspect, tokens: list[Token]) -> list[AspectValue]:
        """ "in Norwegian waters", "inside X's zone", "in international waters"."""
        out: list[AspectValue] = []
        for token in tokens:
            if token.pos_ not in ("NOUN", "PROPN") or token.lower_ not in aspect.lemmas:
                continue
            head = token.head
            if token.dep_ == "pobj" and head.lower_ in aspect.word_list(
                "placePreposition"
            ):
                verb = head.head
            elif token.dep_ == "dobj" and head.lemma_.lower() in aspect.word_list(
                "crossingVerb"
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
                        aspect.name, "actor", span_of(phrase_of(token)), actor=owner
                    )
                )
        return out


# The built-in readers, in the order they run (aspects.ttl names them).


@aspect_reader("actor-agent")
def _read_agent(
    state: AspectReader, aspect: Aspect, content: Content, found: list[AspectValue]
) -> list[AspectValue]:
    """Who is responsible, to blame, or carried the act out."""
    return state._responsibility(aspect, content)


@aspect_reader("notice-lead-time")
def _read_notice(
    state: AspectReader, aspect: Aspect, content: Content, found: list[AspectValue]
) -> list[AspectValue]:
    """Whether notice was given, or how long before."""
    # Notice is about the communication itself: "said X warned them a minute
    # before" asserts the warning's timing even though "warned" is a nested cue.
    return state._notice(aspect, content.tokens)


@aspect_reader("trigger-count")
def _read_trigger_count(
    state: AspectReader, aspect: Aspect, content: Content, found: list[AspectValue]
) -> list[AspectValue]:
    """A number attached to one of the aspect's trigger words, in its unit."""
    return state._casualties(aspect, content.own)


@aspect_reader("actor-place")
def _read_place(
    state: AspectReader, aspect: Aspect, content: Content, found: list[AspectValue]
) -> list[AspectValue]:
    """Whose waters, airspace or territory."""
    return state._location(aspect, content.own)


@aspect_reader("noun-count")
def _read_counts(
    state: AspectReader, aspect: Aspect, content: Content, found: list[AspectValue]
) -> list[AspectValue]:
    """Any counted noun; words already read as another aspect's value are left."""
    taken = {i for v in found for i in range(v.span.start, v.span.end)}
    return read_counts(content.own, taken, aspect.name, aspect.word_list("figureNoun"))
