"""Counts attached to trigger words (the Casualties aspect's reader, "trigger-count"),
and whether a count is partial."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lexicon import Aspect
from ..models import AspectValue
from .counts import count_value, number_modifier, numeral
from .mentions import phrase_of, span_of, verb_subject
from .quantities import UNITS, comparator

if TYPE_CHECKING:
    from spacy.tokens import Token

# "two more soldiers", "another three", "a further two": an increment on a
# count given before, not a total.
_INCREMENT = {"more", "another", "further", "additional"}
# "two of the wounded": a part of a group the text has already picked out.
_DEFINITE = {"the", "these", "those"}
# Predicates whose subject (or, with an object, whose object) is the dead:
# "three people are dead", "left five soldiers dead".
_PREDICATE_DEPS = ("acomp", "oprd", "xcomp", "attr")
_RELATIVE = ("WP", "WDT")  # "who", "which", "that" as relative pronouns
# Numbers that are no count of people: "rose 40%", "stood at 2019 levels".
_NOT_FIGURES = frozenset({"DATE", "TIME", "ORDINAL", "MONEY", "PERCENT"})
# Where a figure verb puts its figure: "is 315", "reached 42", "rose to 1,600",
# "stands at 20" ("rose from 12" and "rose by 8" are no total).
_FIGURE_DEPS = ("attr", "dobj", "oprd")
_FIGURE_PREPOSITIONS = ("to", "at")


def _restrictive(clause: Token) -> bool:
    """A relative clause not set off by a comma ("soldiers who were hurt")."""
    before = clause.doc[clause.left_edge.i - 1] if clause.left_edge.i > 0 else None
    return before is None or before.text != ","


def partial_count(
    head: Token,
    number_token: Token,
    trigger: Token,
    restricting: frozenset[str] = frozenset(),
) -> bool:
    """Whether a casualty count is of a restricted group, not a total.

    - a restrictive relative clause on the counted noun ("two soldiers who had
      been wounded died"), or a participle of a ``restricting`` lemma (the
      injury words: "two soldiers wounded in the clash died"); the clause that
      holds the casualty word itself ("the two soldiers who were killed") is
      the count, not a restriction;
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
                and child.lemma_.lower() in restricting
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


@dataclass(frozen=True)
class _Words:
    """A trigger-count aspect's words, prepared once per aspect."""

    lemmas: frozenset[str]
    #: Multi-word lemmas are a verb and its object: "lose life".
    phrases: dict[str, frozenset[str]]
    unit: str
    alt_unit: str | None
    alt_lemmas: frozenset[str]
    #: "fatally wounded", "mortally injured": an alt-unit trigger in the unit.
    modifiers: frozenset[str]
    #: "the death toll is 315", "rose to", "stands at": verbs giving a figure.
    figure_verbs: frozenset[str] = frozenset()
    #: "the number of deaths": nouns naming the figure of a trigger word.
    figure_nouns: frozenset[str] = frozenset()

    @classmethod
    def of(cls, aspect: Aspect) -> _Words:
        return _words(aspect)


@lru_cache(maxsize=32)
def _words(aspect: Aspect) -> _Words:
    phrases: dict[str, set[str]] = {}
    for entry in aspect.lemmas:
        verb, _, obj = entry.partition(" ")
        if obj:
            phrases.setdefault(verb, set()).add(obj)
    alt = aspect.word_list("altUnit")
    return _Words(
        lemmas=aspect.lemmas,
        phrases={verb: frozenset(objs) for verb, objs in phrases.items()},
        unit=aspect.unit or aspect.name.lower(),
        alt_unit=min(alt) if alt else None,
        alt_lemmas=aspect.word_list("altUnitLemma"),
        modifiers=aspect.word_list("unitModifier"),
        figure_verbs=aspect.word_list("figureVerb"),
        figure_nouns=aspect.word_list("figureNoun"),
    )


class CasualtyReader:
    """Reads counts of an aspect's trigger words; :class:`.aspects.AspectReader`
    mixes it in."""

    def _casualties(self, aspect: Aspect, tokens: list[Token]) -> list[AspectValue]:
        """ "killing all 12 crew members", "two soldiers were wounded", "5 dead".

        The unit keeps the measure apart: "dead" (``ckg:unit``) and "injured"
        (``ckg:altUnit``, for ``ckg:altUnitLemma`` triggers) never compare.
        """
        out: list[AspectValue] = []
        members = {t.i for t in tokens}
        words = _Words.of(aspect)
        for token in tokens:
            found = self._casualty_heads(token, words)
            if found is None:
                continue
            unit, heads = found
            for head in heads:
                number_token = _numeral_of(head)
                if number_token is None or number_token.i not in members:
                    continue
                amount = count_value(number_token)
                if amount is None:
                    continue
                # The words before the figure: "about 1,600", "up to 3.15 lakh".
                first = min(
                    [number_token.i]
                    + [c.i for c in number_token.children if c.like_num]
                )
                before = token.doc[max(0, first - 3) : first].text
                out.append(
                    AspectValue(
                        aspect.name,
                        "quantity",
                        span_of(phrase_of(head)),
                        number=amount,
                        unit=unit,
                        comparator=comparator(before),
                        partial=partial_count(
                            head, number_token, token, words.alt_lemmas
                        ),
                    )
                )
                break
        return out

    def _casualty_heads(
        self, token: Token, words: _Words
    ) -> tuple[str, list[Token]] | None:
        """(unit, phrases that may hold the count) of a trigger word, or None."""
        lemma = token.lemma_.lower()
        phrases = words.phrases
        if token.pos_ == "VERB" and lemma in phrases:
            # "lost their lives": the subject; "claimed the lives of four": the "of".
            obj = next(
                (
                    c
                    for c in token.children
                    if c.dep_ == "dobj" and c.lemma_.lower() in phrases[lemma]
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
            subject = verb_subject(token)
            return words.unit, owners or ([subject] if subject is not None else [])
        if lemma not in words.lemmas:
            return None
        unit = words.unit
        if (
            words.alt_unit is not None
            and lemma in words.alt_lemmas
            and not any(c.lower_ in words.modifiers for c in token.children)
        ):
            unit = words.alt_unit
        stated = _stated_figure(token, words)
        if stated is not None:
            return stated
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
                    self._casualty_heads(noun.head, words) is not None
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


def _numeral_of(head: Token) -> Token | None:
    """The number giving ``head``'s count: itself ("315", "3.15 lakh") or its
    numeral ("315 people"; the model parses "3,15,235 people" as an adjective)."""
    if numeral(head):
        return head
    return next(
        (c for c in head.children if numeral(c) and number_modifier(c)),
        None,
    )


def _figure_subject(token: Token, words: _Words) -> Token | None:
    """The subject naming the figure of trigger ``token``: the toll itself
    ("the death toll", "fatalities"), or the figure noun it qualifies ("the
    number of deaths", "the toll of injured", "the number of people killed")."""
    noun = token
    if token.pos_ == "VERB":
        if token.dep_ in ("acl", "relcl"):
            noun = token.head  # "the number of people killed"
        elif token.dep_ != "pobj":  # "the number of injured"
            return None
    figure_words = words.figure_nouns | words.lemmas
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in figure_words:
        subject = noun.head  # "the death toll", "casualty figures"
    elif (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "of"
        and noun.head.head.lemma_.lower() in figure_words
    ):
        subject = noun.head.head  # "the number of deaths"
    elif noun is token:
        subject = token  # "the toll", "fatalities", "the dead"
    else:
        return None
    return subject if subject.dep_ in ("nsubj", "nsubjpass") else None


def _stated_figure(token: Token, words: _Words) -> tuple[str, list[Token]] | None:
    """(unit, [figure]) when a copula or change verb states the figure trigger
    ``token`` names: "the death toll is 315", "rose to 1,600", "stands at 20",
    "fatalities reached 42", "the number of injured is about 300"."""
    subject = _figure_subject(token, words)
    if subject is None:
        return None
    verb = subject.head
    if verb.lemma_.lower() not in words.figure_verbs or any(
        c.dep_ == "neg" for c in verb.children
    ):
        return None
    figure = next(
        (f for f in _figure_candidates(verb) if _is_figure(f)),
        None,
    )
    if figure is None:
        return None
    unit = words.unit
    # "the toll of injured", "the number of wounded": the injured unit, unless
    # a modifier says they died ("fatally wounded").
    qualifiers = [
        t for t in subject.subtree if t.i < verb.i and t.i not in _subtree(figure)
    ]
    if words.alt_unit is not None and any(
        t.lemma_.lower() in words.alt_lemmas or t.lower_ in words.alt_lemmas
        for t in qualifiers
    ):
        if not any(t.lower_ in words.modifiers for t in qualifiers):
            unit = words.alt_unit
    return unit, [figure]


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _figure_candidates(verb: Token) -> list[Token]:
    """Where ``verb`` puts a figure: "is 315", "reached 42", "rose to 1,600",
    "stands at 20", "is up to 300"."""
    out: list[Token] = []
    for child in verb.children:
        if child.dep_ in _FIGURE_DEPS:
            out.append(child)
        preps = [child] if child.dep_ == "prep" else []
        if child.dep_ == "advmod":  # "is up to 300"
            preps = [g for g in child.children if g.dep_ == "prep"]
        for prep in preps:
            objects = [g for g in prep.children if g.dep_ == "pobj"]
            if prep.lower_ in _FIGURE_PREPOSITIONS:
                out += objects
            elif prep.lower_ == "from":
                # "rose from 300 to 315", parsed as "from (300 to) 315".
                out += [
                    g
                    for g in objects
                    if any(
                        q.dep_ == "quantmod" and q.lower_ == "to" for q in g.children
                    )
                ]
    return out


def _is_figure(token: Token) -> bool:
    """A count of people: a number, or a noun counted by one ("315 people");
    not a date, percentage, sum of money or duration."""
    number_token = _numeral_of(token)
    return (
        number_token is not None
        and number_token.ent_type_ not in _NOT_FIGURES
        and token.ent_type_ not in _NOT_FIGURES
        and token.lemma_.lower() not in ("%", "percent", *UNITS)
    )
