"""Doers of an act beyond the agent verb's subject (the Responsibility aspect).

- A denied act: "our troops did not fire", "the company never caused the leak"
  -> the subject's actor with ``positive=False`` (it did not do it).
- A nominal act: "an act of the X side", "the attack by X", "X's shelling"
  -> X, when the noun is one of the aspect's ``ckg:actNoun`` words (an
  incident, not any "of X"). "of" names the doer only for ``ckg:ofDoerNoun``
  words: "the shelling of X" names the target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from ..lexicon import REJECTING_CLASSES, Aspect
from ..models import AspectValue
from .mentions import phrase_of, span_of, verb_subject

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


class _Finder(Protocol):
    def actor_in(self, phrase: SpacySpan | Iterable[Token]) -> str | None: ...


def denied_agent(
    finder: _Finder, aspect: Aspect, verb: Token, members: set[int]
) -> AspectValue | None:
    """ "X did not fire": X, marked as not having done it."""
    subject = verb_subject(verb)
    if subject is None or subject.i not in members or subject.pos_ == "PRON":
        return None
    actor = finder.actor_in(phrase_of(subject))
    if actor is None:
        return None
    return AspectValue(
        aspect.name, "actor", span_of(phrase_of(subject)), actor=actor, positive=False
    )


def denied_own_act(subject: Token, members: set[int], cue_class: str) -> bool:
    """ "X denied that it fired", "refused to admit that they shelled": the
    pronoun subject of a denied act stands for the denier."""
    return (
        cue_class in REJECTING_CLASSES
        and subject.i in members
        and subject.lower_ in ("it", "they", "we")
    )


def nominal_agents(
    finder: _Finder, aspect: Aspect, tokens: list[Token]
) -> list[AspectValue]:
    """ "an aggressive act of the X side", "the attack by X", "X's raid"."""
    acts = aspect.word_list("actNoun")
    of_doers = aspect.word_list("ofDoerNoun")
    members = {t.i for t in tokens}
    out: list[AspectValue] = []
    for token in tokens:
        lemma = token.lemma_.lower()
        if token.pos_ != "NOUN" or (lemma not in acts and token.lower_ not in acts):
            continue
        if any(c.dep_ == "neg" for c in token.head.children):
            continue  # "it was not an act of X"
        doer: Token | None = None
        for child in token.children:
            if child.dep_ == "poss" and child.pos_ != "PRON":
                doer = child
            elif child.dep_ == "prep" and (
                child.lower_ == "by" or (child.lower_ == "of" and lemma in of_doers)
            ):
                doer = next((c for c in child.children if c.dep_ == "pobj"), doer)
        if doer is None or doer.i not in members:
            continue
        actor = finder.actor_in(phrase_of(doer))
        if actor is not None:
            out.append(
                AspectValue(
                    aspect.name, "actor", span_of(phrase_of(token)), actor=actor
                )
            )
    return out
