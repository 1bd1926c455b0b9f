"""Aspect values in an assertion's content, driven by ``ontology/lexicon/aspects.ttl``.

- Responsibility (actor): "responsibility falls on X", "X is responsible / to
  blame", "blame X", "shot down by Y's fire", "Y fired", "Y used X in the strike".
- AdvanceNotice (polarity, and a lead time in seconds): "coordinated with X ahead
  of", "informed X", "failing to inform X" (does not hold), "warned ... only three
  minutes before" (a lead time).
- Casualties (quantity): "killing all 15", "seven soldiers died", "three of
  our soldiers lost their lives", "left five dead". A count of a restricted group
  is ``partial`` (see :func:`partial_count`).
"""

from __future__ import annotations

from typing import Any

from ..lexicon import Lexicon
from ..models import AspectValue, Span
from .actors import ActorIndex
from .mentions import doc_text
from .quantities import comparator, duration_before, number

Token = Any

_LIGHT_VERBS = {"open", "launch", "carry", "conduct", "mount", "stage", "unleash"}
_INJURY = {"wound", "injure", "injury", "hurt"}
# "fatally wounded", "mortally injured": an injury that killed.
_FATALLY = {"fatally", "mortally"}
# "two more soldiers", "another three", "a further two": an increment on a
# count given before, not a total.
_INCREMENT = {"more", "another", "further", "additional"}
# "two of the wounded": a part of a group the text has already picked out.
_DEFINITE = {"the", "these", "those"}
# Predicates whose subject (or, with an object, whose object) is the dead:
# "three people are dead", "left five soldiers dead".
_PREDICATE_DEPS = ("acomp", "oprd", "xcomp", "attr")
_RELATIVE = ("WP", "WDT")  # "who", "which", "that" as relative pronouns
_WEAPON_EVENTS = {
    "strike",
    "attack",
    "raid",
    "bombing",
    "assault",
    "incident",
    "shooting",
}


def _span(token_or_span: Any) -> Span:
    doc = token_or_span.doc
    if hasattr(token_or_span, "start_char"):
        start, end = token_or_span.start_char, token_or_span.end_char
    else:
        start, end = token_or_span.idx, token_or_span.idx + len(token_or_span.text)
    return Span(start, end, doc_text(doc)[start:end])


def _verb_subject(verb: Token) -> Token | None:
    """A verb's subject, or the subject it shares with the verb it is conjoined to."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ != "conj":
            return subject
        verb = verb.head
    return None


def _phrase(token: Token) -> Any:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def _restrictive(clause: Token) -> bool:
    """A relative clause not set off by a comma ("soldiers who were hurt")."""
    before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
    return before is None or before.text != ","


def partial_count(head: Token, number_token: Token, trigger: Token) -> bool:
    """Whether a casualty count is of a restricted group, not a total.

    - a restrictive relative clause on the counted noun ("two soldiers who had
      been wounded died"), or a participle of injury ("two soldiers wounded in
      the clash died"); the clause that holds the casualty word itself ("the
      two soldiers who were killed") is the count, not a restriction;
    - a partitive of a definite group ("two of the wounded"; "three of our
      soldiers" names the whole force and stays a total);
    - an increment ("two more", "another three", "a further two", "an
      additional four"; "more than two" is a comparator).
    """
    nouns = [head]
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        group = next((c for c in of.children if c.dep_ == "pobj"), None)
        if group is not None:
            nouns.append(group)
            if head.i == number_token.i and any(
                c.dep_ == "det" and c.lower_ in _DEFINITE for c in group.children
            ):
                return True
    for noun in nouns:
        for child in noun.children:
            if trigger.i in {t.i for t in child.subtree}:
                continue
            if child.dep_ == "relcl" and _restrictive(child):
                return True
            if (
                child.dep_ == "acl"
                and child.tag_ == "VBN"
                and child.lemma_.lower() in _INJURY
                and _restrictive(child)
            ):
                return True
    for token in (head, number_token, *nouns):
        for child in token.children:
            word = child.lower_
            if word not in _INCREMENT or child.dep_ not in ("amod", "det", "advmod"):
                continue
            following = child.doc[child.i + 1] if child.i + 1 < len(child.doc) else None
            if word == "more" and following is not None and following.lower_ == "than":
                continue
            return True
    return False


class AspectReader:
    """Reads aspect values from content tokens of one document."""

    def __init__(self, lx: Lexicon, actors: ActorIndex) -> None:
        self.lx = lx
        self.actors = actors
        self.responsibility = lx.aspects.get("Responsibility")
        self.notice = lx.aspects.get("AdvanceNotice")
        self.casualties = lx.aspects.get("Casualties")
        self.location = lx.aspects.get("Location")
        # Multi-word casualty lemmas are a verb and its object: "lose life".
        self.casualty_phrases: dict[str, set[str]] = {}
        if self.casualties is not None:
            for entry in self.casualties.lemmas:
                verb, _, obj = entry.partition(" ")
                if obj:
                    self.casualty_phrases.setdefault(verb, set()).add(obj)

    def actor_in(self, phrase: Any) -> str | None:
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

        def add(actor: str | None, where: Any) -> None:
            if actor is not None:
                out.append(
                    AspectValue("Responsibility", "actor", _span(where), actor=actor)
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
                subject = _verb_subject(token.head)
                if (
                    subject is not None
                    and subject.i in members
                    and subject.pos_ != "PRON"
                ):
                    add(self.actor_in(_phrase(subject)), _phrase(subject))
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
                subject = _verb_subject(token)
                if agent is not None:
                    add(self.actor_in(_phrase(agent)), _phrase(agent))
                elif (
                    subject is not None
                    and subject.i in members
                    and subject.pos_ != "PRON"
                ):
                    add(self.actor_in(_phrase(subject)), _phrase(subject))
        return out

    def _responsible_party(self, token: Token) -> str | None:
        """ "responsibility ... falls on X", "X is responsible", "X is to blame"."""
        head = token.head
        if token.dep_ in ("nsubj", "nsubjpass"):
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("on", "with", "upon"):
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        return self.actor_in(_phrase(pobj))
        if token.dep_ in ("oprd", "xcomp", "ccomp") or token.dep_ == "acomp":
            # "Peru held Ecuador responsible": the object of the holding verb.
            obj = next((c for c in head.children if c.dep_ == "dobj"), None)
            if obj is not None and head.lemma_.lower() in (
                "hold",
                "consider",
                "deem",
                "find",
            ):
                return self.actor_in(_phrase(obj))
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
                return self.actor_in(_phrase(subject))
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
                AspectValue("AdvanceNotice", "polarity", _span(token), positive=holds)
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
                _span(doc[window.start : token.i + 1]),
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
                    AspectValue("Location", "actor", _span(_phrase(token)), actor=owner)
                )
        return out

    def _casualties(self, tokens: list[Token]) -> list[AspectValue]:
        """ "killing all 12 crew members", "two soldiers were wounded", "5 dead".

        The unit keeps the measure apart: "dead" and "injured" never compare.
        """
        aspect = self.casualties
        assert aspect is not None
        out: list[AspectValue] = []
        members = {t.i for t in tokens}
        for token in tokens:
            found = self._casualty_heads(token, aspect.lemmas)
            if found is None:
                continue
            unit, heads = found
            for head in heads:
                number_token = (
                    head
                    if head.like_num
                    else next(
                        (c for c in head.children if c.dep_ == "nummod" and c.like_num),
                        None,
                    )
                )
                if number_token is None or number_token.i not in members:
                    continue
                amount = number(number_token.text)
                if amount is None:
                    continue
                before = token.doc[max(0, number_token.i - 3) : number_token.i].text
                out.append(
                    AspectValue(
                        "Casualties",
                        "quantity",
                        _span(_phrase(head)),
                        number=amount,
                        unit=unit,
                        comparator=comparator(before),
                        partial=partial_count(head, number_token, token),
                    )
                )
                break
        return out

    def _casualty_heads(
        self, token: Token, lemmas: frozenset[str]
    ) -> tuple[str, list[Token]] | None:
        """(unit, phrases that may hold the count) of a casualty word, or None."""
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in self.casualty_phrases:
            # "lost their lives": the subject; "claimed the lives of four": the "of".
            obj = next(
                (
                    c
                    for c in token.children
                    if c.dep_ == "dobj"
                    and c.lemma_.lower() in self.casualty_phrases[lemma]
                ),
                None,
            )
            if obj is None or any(c.dep_ == "neg" for c in token.children):
                return None
            owners = [
                p
                for c in obj.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj"
            ]
            subject = _verb_subject(token)
            return "dead", owners or ([subject] if subject is not None else [])
        if lemma not in lemmas:
            return None
        unit = "injured" if lemma in _INJURY else "dead"
        if unit == "injured" and any(c.lower_ in _FATALLY for c in token.children):
            unit = "dead"
        if token.pos_ == "VERB":
            if any(c.dep_ == "neg" for c in token.children):
                return None
            heads = [
                c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
            ]
            if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "NUM"):
                # "the two soldiers who were killed", "two soldiers killed in":
                # the noun the clause modifies, not the relative pronoun.
                heads = [
                    h for h in heads if h.dep_ == "dobj" or h.tag_ not in _RELATIVE
                ]
                noun = token.head
                # "two soldiers who had been wounded died": the clause only
                # restricts the count the main verb gives.
                counted_elsewhere = noun.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                    self._casualty_heads(noun.head, lemmas) is not None
                )
                if not counted_elsewhere and not any(
                    h.dep_ in ("nsubj", "nsubjpass") for h in heads
                ):
                    heads.insert(0, noun)
            if not heads and token.dep_ == "conj":
                # "were wounded and later died": the subject of the first verb.
                heads = [
                    c
                    for c in token.head.children
                    if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.head.i
                ]
            return unit, heads
        if token.pos_ == "ADJ" and token.dep_ == "amod":
            return unit, [token.head]  # "five dead soldiers"
        if token.pos_ == "ADJ" and token.dep_ in _PREDICATE_DEPS:
            # "left five soldiers dead" / "four soldiers were left dead".
            verb = token.head
            if any(c.dep_ == "neg" for c in verb.children):
                return None
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            return unit, objects or subjects
        return unit, [token]
