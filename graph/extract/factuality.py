"""Factuality: whether a cue is asserted, content polarity, speaker certainty.

FactBank-style (Sauri & Pustejovsky 2009): a negated or non-asserted cue ("did
not say", "refrained from blaming") makes no assertion; a negation or negative
implicative over the content's main verb ("failed to inform") makes it negative;
hedges, evidentials and modals lower certainty.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.lexicon import Lexicon
from graph.models import Certainty, Polarity

Token = Any

_ORDER: dict[str, int] = {
    "certain": 0,
    "probable": 1,
    "possible": 2,
    "underspecified": 3,
}
_CHAIN = {"xcomp", "pcomp", "prep", "advcl", "conj", "ccomp", "acl"}


def _negated(token: Token, lx: Lexicon) -> bool:
    return any(
        child.dep_ == "neg" or (child.dep_ == "advmod" and child.lower_ in lx.negation)
        for child in token.children
    )


def cue_is_asserted(cue: Token, lx: Lexicon) -> bool:
    """False for "did not say", "declined to comment", "refrained from blaming"."""
    if _negated(cue, lx):
        return False
    node = cue
    # Walk up through complements: "refrains from blaming", "declined to say".
    for _ in range(3):
        if node.dep_ not in _CHAIN or node.head.i == node.i:
            break
        node = node.head
        if node.pos_ == "ADP":
            continue
        if node.lemma_.lower() in lx.negative_implicatives:
            return False
        if node.pos_ == "VERB" and node.dep_ not in ("xcomp", "pcomp"):
            break
    return True


def content_polarity(
    root: Token, tokens: Iterable[Token], cue: Token, cue_class: str, lx: Lexicon
) -> Polarity:
    """Negative when the content's main verb is negated or under a negative implicative.

    Only an implicative on the content's spine counts: "X failed to inform",
    "accused X of failing to inform", not "asked X to stop fishing". A denial
    flips the polarity: "X denied that Y happened" asserts not-Y.
    """
    negative = _negated(root, lx)
    for token in tokens:
        if token.pos_ != "VERB" or token.lemma_.lower() not in lx.negative_implicatives:
            continue
        on_spine = (
            token.i == root.i
            or root.head.i == token.i
            or (token.dep_ == "pcomp" and token.head.head.i == cue.i)
        )
        if on_spine:
            negative = not negative
            break
    if cue_class in ("Deny", "Reject"):
        negative = not negative
    return "negative" if negative else "positive"


def certainty(tokens: Iterable[Token], cue: Token, lx: Lexicon) -> Certainty:
    """The weakest commitment signalled by hedges in the content or on the cue."""
    level = "certain"
    candidates = [*tokens, *(c for c in cue.children if c.dep_ in ("advmod", "aux"))]
    for token in candidates:
        value = lx.hedges.get(token.lemma_.lower()) or lx.hedges.get(token.lower_)
        if value and _ORDER.get(value, 0) > _ORDER[level]:
            level = value
    return level  # type: ignore[return-value]
