"""Factuality: whether a cue is asserted, content polarity, speaker certainty.

FactBank-style (Sauri & Pustejovsky 2009): a negated or non-asserted cue ("did
not say", "refrained from blaming") makes no assertion; a negation, a negative
quantifier ("no notice was given") or a negative implicative over the content's
main verb ("failed to inform") makes it negative; hedges, evidentials, modals
and conditionals on the main verb or the cue lower certainty.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..kinds import Certainty, Polarity
from ..lexicon import REJECTING_CLASSES, Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

#: From the strongest commitment to the weakest.
_ORDER: dict[str, int] = {level.value: rank for rank, level in enumerate(Certainty)}
_CHAIN = {"xcomp", "pcomp", "prep", "advcl", "conj", "ccomp", "acl"}
_ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "attr")


def is_falsity(token: Token, lx: Lexicon) -> bool:
    """A word calling something untrue (lexicon concept ``ckg:Falsity``)."""
    return token.lemma_.lower() in lx.falsity or token.lower_ in lx.falsity


def negated(token: Token, lx: Lexicon) -> bool:
    """A ``neg`` child, a negation adverb ("never") or "neither" ("neither an
    employee nor ...") on ``token``."""
    return any(
        child.dep_ == "neg"
        or (child.dep_ in ("advmod", "preconj") and child.lower_ in lx.negation)
        for child in token.children
    )


def _negative_argument(
    verb: Token, lx: Lexicon, deps: tuple[str, ...] = _ARGUMENTS
) -> bool:
    """ "Nobody called", "we see no basis", "there is no shortage".

    Prepositional objects do not count: "in no time" is manner, not negation.
    """
    quantifiers = lx.negative_quantifiers
    for child in verb.children:
        if child.dep_ not in deps:
            continue
        if child.lower_ in quantifiers:
            return True
        if any(c.dep_ == "det" and c.lower_ in quantifiers for c in child.children):
            return True
    return False


def cue_is_asserted(cue: Token, lx: Lexicon) -> bool:
    """False for "did not say", "declined to comment", "refrained from blaming"."""
    if negated(cue, lx) or _negative_argument(cue, lx, ("nsubj",)):
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


def withheld_admission(cue: Token, lx: Lexicon) -> str | None:
    """The cue class of "refused to admit that X", "does not accept that X",
    "does not accept the findings" (a denial of X, or of the claim named);
    None for any other cue."""
    cue_class = lx.withheld_admissions.get(cue.lemma_.lower())
    if cue_class is None or not any(
        c.dep_ == "ccomp" or (c.dep_ == "dobj" and c.lemma_.lower() in lx.claim_nouns)
        for c in cue.children
    ):
        return None
    if negated(cue, lx) or (
        cue.dep_ == "xcomp" and cue.head.lemma_.lower() in lx.negative_implicatives
    ):
        return cue_class
    return None


def content_polarity(
    root: Token, tokens: Iterable[Token], cue: Token, cue_class: str, lx: Lexicon
) -> Polarity:
    """Negative when the content's main verb is negated or under a negative implicative.

    Only an implicative on the content's spine counts: "X failed to inform",
    "accused X of failing to inform", not "asked X to stop fishing". A denial
    flips the polarity: "X denied that Y happened" asserts not-Y.
    """
    root = _asserted_clause(root, lx)
    negative = (
        negated(root, lx)
        or _negated_predicate(root, lx)
        or _negative_argument(root, lx)
    )
    for token in tokens:
        if token.pos_ != "VERB" or token.lemma_.lower() not in lx.negative_implicatives:
            continue
        if not _has_complement(token):
            continue  # "the gearboxes failed": intransitive, not "failed to X"
        on_spine = (
            token.i == root.i
            or root.head.i == token.i
            or (token.dep_ == "pcomp" and token.head.head.i == cue.i)
        )
        if on_spine:
            negative = not negative
            break
    if cue_class in REJECTING_CLASSES:
        negative = not negative
    return Polarity.NEGATIVE if negative else Polarity.POSITIVE


def _negated_predicate(root: Token, lx: Lexicon) -> bool:
    """ "he was not armed": the negation sits on the copula's predicate."""
    if root.lemma_.lower() != "be":
        return False
    return any(c.dep_ in ("acomp", "attr") and negated(c, lx) for c in root.children)


def _asserted_clause(root: Token, lx: Lexicon) -> Token:
    """ "I can tell you we did not find a book": a speaker's own un-negated
    "tell you" / "can confirm" frames the clause that is the claim."""
    for _ in range(2):
        if root.lemma_.lower() not in lx.cues or negated(root, lx):
            return root
        inner = next((c for c in root.children if c.dep_ == "ccomp"), None)
        if inner is None:
            return root
        root = inner
    return root


def _has_complement(verb: Token) -> bool:
    """ "failed to inform", "refrained from blaming": a verbal complement."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "pcomp"):
            return True
        if child.dep_ == "prep" and any(g.dep_ == "pcomp" for g in child.children):
            return True
    return False


def _weaker(level: Certainty, value: str | None) -> Certainty:
    if value and _ORDER.get(value, 0) > _ORDER[level]:
        return Certainty(value)
    return level


def certainty(root: Token | None, cue: Token, lx: Lexicon) -> Certainty:
    """The weakest commitment signalled on the content's main verb or the cue.

    Counted: hedge adverbs and modals on the main verb ("could probably
    survive"), a hedge main verb ("we think ..."), a conditional clause ("would
    ... if"), hedges on the cue and hedging cues ("believed", "suspected"). A
    negated modal ("could not promise") states a fact; nested clauses and
    conjuncts are left to their own assertions.
    """
    level = _weaker(Certainty.CERTAIN, lx.hedges.get(cue.lemma_.lower()))
    for child in cue.children:
        if child.dep_ == "advmod":
            level = _weaker(level, lx.hedges.get(child.lower_))
    if root is None:
        return level
    if root.pos_ == "VERB":
        level = _weaker(level, lx.hedges.get(root.lemma_.lower()))
    is_negated = negated(root, lx)
    for child in root.children:
        lower = child.lower_
        if child.dep_ == "advmod":
            level = _weaker(level, lx.hedges.get(lower))
        elif child.dep_ == "aux" and child.tag_ == "MD" and not is_negated:
            level = _weaker(level, lx.modals.get(lower))
        elif child.dep_ == "advcl":
            marks = [c.lower_ for c in child.children if c.dep_ == "mark"]
            for mark in marks:
                level = _weaker(level, lx.conditionals.get(mark))
        elif child.dep_ == "acomp" and root.lemma_ == "be":
            level = _weaker(level, lx.hedges.get(lower))
    return level
