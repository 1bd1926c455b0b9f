"""Speakers of coordinated cues and of coordinated subjects.

- "Officials say the cuts will save money and argue that ...": a cue with no
  subject of its own, coordinated (by misparse) with the verb of another cue's
  content, takes that cue's subject; the content's subject ("the cuts") never
  speaks for it. The first cue's content then ends before the second cue.
- "Norbel, Vantix and Orca have all denied the claim": every named conjunct of
  the speaker says the same, one candidate each.
- "Two of the athletes the Doping Board (IDB) recommended be banned ...": a
  name "in apposition" with no comma before it is the subject of a relative
  clause without "that"; it speaks for the cue, the athletes are the topic.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import Lexicon
from .candidates import Candidate, char_range
from .mentions import np_span, phrasal_lemma, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .actors import ActorIndex

_NAMED = ("PERSON", "ORG", "GPE", "NORP")


def _is_cue(token: Token, lx: Lexicon) -> bool:
    return token.pos_ in ("VERB", "AUX") and phrasal_lemma(token, lx) in lx.cues


def _outer_cue(cue: Token, lx: Lexicon) -> Token | None:
    """The cue whose content clause ``cue`` is misattached to, or None."""
    if cue.dep_ != "conj" or subject_of(cue) is not None or not _is_cue(cue, lx):
        return None
    head = cue.head
    if _is_cue(head, lx) or head.dep_ != "ccomp" or head.head.i == head.i:
        return None  # a conjunct of a cue proper shares its subject already
    outer = head.head
    if outer.i > head.i:
        return None  # "'The minister conveyed sorrow and said ...,' reads a statement"
    return outer if _is_cue(outer, lx) and subject_of(outer) is not None else None


def coordinated_subject(cue: Token, lx: Lexicon) -> Token | None:
    """The subject of the cue a subject-less coordinated cue belongs with."""
    outer = _outer_cue(cue, lx)
    return subject_of(outer) if outer is not None else None


def unmarked_relative(subject: Token | None) -> Token | None:
    """The subject of a relative clause the parse took for an apposition of
    the cue's subject ("Two of the athletes the Board recommended ...")."""
    if subject is None:
        return None
    for child in subject.children:
        first = child.left_edge
        if (
            child.dep_ == "appos"
            and child.i > subject.i
            and (child.pos_ == "PROPN" or child.ent_type_ in _NAMED)
            and first.lower_ == "the"
            and first.i > 0
            and not subject.doc[first.i - 1].is_punct
        ):
            return child
    return subject


def split_coordinated(candidates: list[Candidate], lx: Lexicon) -> None:
    """End a cue's content before a cue coordinated into it by misparse."""
    for item in candidates:
        outer = _outer_cue(item.cue, lx)
        if outer is None:
            continue
        cut = min(
            [item.cue.left_edge.i]
            + [
                c.i
                for c in item.cue.head.children
                if c.dep_ == "cc" and c.i < item.cue.i
            ]
        )
        for other in candidates:
            if other.cue.i != outer.i or not other.tokens:
                continue
            kept = [t for t in other.tokens if t.i < cut]
            if kept and other.tokens[-1].i >= cut:
                other.tokens = kept
                other.start, other.end = char_range(outer.doc, kept)


def _named(token: Token) -> bool:
    return token.pos_ == "PROPN" or token.ent_type_ in _NAMED


def conjunct_speakers(items: list[Candidate], actors: ActorIndex) -> list[Candidate]:
    """One candidate per named conjunct of a named speaker ("X, Y and Z said")."""
    out: list[Candidate] = []
    for item in items:
        out.append(item)
        token = item.speaker_token
        if (
            token is None
            or item.speaker is None
            or not _named(token)
            or not item.speaker_start <= token.idx < item.speaker_end
        ):
            continue
        seen = {item.speaker}
        for other in token.conjuncts:
            if not _named(other):
                continue
            key = actors.resolve(other)
            if key is None or key in seen:
                continue
            seen.add(key)
            span = np_span(other)
            out.append(
                replace(
                    item,
                    speaker=key,
                    speaker_token=other,
                    speaker_start=span.start_char,
                    speaker_end=span.end_char,
                )
            )
    return out
