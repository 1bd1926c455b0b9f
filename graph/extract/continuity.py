"""Pronoun speakers that continue the previous one (discourse continuity).

Singular "it" (or "its statement") as a cue's subject prefers the speaker of the
previous sentence's cue (or, nested, of the enclosing assertion) when that is a
singular organisation or state; "he"/"she" when that is a person known to agree
in gender; "they" when that is a body or a group. The subject of the previous
utterance is the preferred antecedent (after centering theory), while names
inside the content in between are poor antecedents; a subject of the pronoun's
own sentence comes first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .actors import ActorIndex
from .candidates import Candidate
from .mentions import FEMALE_PRONOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token


def previous_speaker(
    token: Token, item: Candidate, candidates: list[Candidate], actors: ActorIndex
) -> str | None:
    """The speaker a singular "it"/"its" (or "he"/"she") continues, or None.

    At the top level: the speaker of the latest cue in the same or the previous
    sentence (blank lines do not count). Inside another assertion's content ("X
    said it had warned"): that assertion's speaker, unless another body or state
    is named between its cue and the pronoun ("X said the firm broke the rules
    and that it had admitted ..."). Only a singular organisation or state
    qualifies for "it", a person of the pronoun's gender for "he"/"she" ("X said
    officers warned Y. He said Y ..." continues X, not Y).
    """
    person = token.lower_ in PERSON_PRONOUNS
    plural = token.lower_ in PLURAL_PRONOUNS
    kinds: tuple[str, ...] = ("person",) if person else ("organisation", "state")
    if plural:  # "Springfield Police say ... They said": a body or a group
        kinds = ("organisation", "group")
    if item.parent is not None:
        parent = candidates[item.parent]
        key = parent.speaker
        if key is None or not parent.cue.i < token.i:
            return None
        if any(
            parent.cue.i < index < token.i
            and other != key
            and actors.actors[other].kind in kinds
            for index, other in actors.order
        ):
            return None
    else:
        sents = [s for s in token.doc.sents if s.text.strip()]
        here = next(
            (n for n, s in enumerate(sents) if s.start <= token.i < s.end), None
        )
        if here is None:
            return None
        window = sents[max(0, here - 1)].start
        earlier = [
            c
            for c in candidates
            if c.parent is None
            and c.speaker is not None
            and window <= c.cue.i < token.i
        ]
        if not earlier:
            return None
        key = max(earlier, key=lambda c: c.cue.i).speaker
        if _own_subject(token, key, kinds, actors):
            return None
    if key is None:
        return None
    actor = actors.actors[key]
    if actor.kind not in kinds or (key in actors.plural and not plural):
        return None
    if person:
        # Only a person already known to agree: a title, or an earlier pronoun.
        wanted = "f" if token.lower_ in FEMALE_PRONOUNS else "m"
        if actors.gender.get(key) != wanted:
            return None
    return key


def _own_subject(
    token: Token, key: str | None, kinds: tuple[str, ...], actors: ActorIndex
) -> bool:
    """Whether the pronoun's own sentence has another subject it may refer to
    ("X said ... Y published data, which it says ..." is Y, not X)."""
    start = token.sent.start
    return any(
        start <= index < token.i
        and other != key
        and token.doc[index].dep_ in ("nsubj", "nsubjpass")
        and actors.actors[other].kind in kinds
        for index, other in actors.order
    )
