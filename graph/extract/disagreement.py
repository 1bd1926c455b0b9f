"""Rejections worded as disagreement or evaluation, with no rejection verb.

"We do not agree with their conclusions", "the company's assessment is
flawed", "their observations were not based on real proof", "the report has no
proof to support its claims", "..., contrary to a statement made by Norbel":
each rejects the claim it names, as "denied the claims" does. The words come
from the lexicon (``ckg:Agreement``, ``ckg:Unsoundness``, ``ckg:Evidence``,
``ckg:Grounds``); this module only knows the constructions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import REJECTING_CLASSES
from .factuality import negated
from .rebuttals import claimant, groundless_claim

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..lexicon import Lexicon

#: Verbs by which a grounds noun backs a claim: "no proof to support its claims".
_BACKING = frozenset({"support", "back", "substantiate", "prove", "justify"})
#: Possessive pronouns; their claim is owned by the clause's subject.
_POSSESSIVE = frozenset({"its", "their", "his", "her"})


def claim_word(token: Token, lx: Lexicon) -> bool:
    """A noun for something said or reported ("claims", "assessment")."""
    lemma = token.lemma_.lower()
    return token.pos_ in ("NOUN", "PROPN") and (
        lemma in lx.claim_nouns or lemma in lx.document_nouns
    )


def _first_claim(top: Token, members: set[int], lx: Lexicon) -> Token | None:
    """The first claim noun in ``top``'s phrase: "many of their conclusions"."""
    for token in top.subtree:
        if token.i in members and claim_word(token, lx):
            return token
    return None


def _rejecting(verb: Token, lx: Lexicon) -> bool:
    """ "do not agree", "never accepted", "disagrees": not "was not accepted"."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma in lx.agreement:
        return negated(verb, lx)
    return lx.cues.get(lemma) in REJECTING_CLASSES


def disagreed_claim(own: list[Token], lx: Lexicon) -> Token | None:
    """The claim a speaker disagrees with: "we do not agree with many of their
    conclusions", "does not accept the report's findings", "disagrees with
    the findings"."""
    members = {t.i for t in own}
    for verb in own:
        if verb.pos_ != "VERB" or not _rejecting(verb, lx):
            continue
        for child in verb.children:
            if child.dep_ == "dobj" or (
                child.dep_ == "prep" and child.lower_ == "with"
            ):
                claim = _first_claim(child, members, lx)
                if claim is not None:
                    return claim
    return None


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def unsound_claim(own: list[Token], lx: Lexicon) -> Token | None:
    """A claim called unsound: "the company's assessment is flawed", "a flawed
    study" (``ckg:Unsoundness``: of anything else, "the bridge is flawed", the
    word judges no claim)."""
    members = {t.i for t in own}
    for word in own:
        if word.lemma_.lower() not in lx.unsound and word.lower_ not in lx.unsound:
            continue
        while word.dep_ == "conj" and word.head is not word:
            word = word.head  # "is flawed and misleading"
        if word.dep_ == "amod":
            claim: Token | None = word.head
        elif word.dep_ in ("oprd", "xcomp"):
            claim = _subject(word)  # "called the report flawed"
        elif word.dep_ in ("acomp", "attr", "ROOT", "ccomp", "conj"):
            claim = _subject(word if word.pos_ == "VERB" else word.head)
        else:
            continue
        if claim is not None and claim.i in members and claim_word(claim, lx):
            return claim
    return None


def unfounded_claim(own: list[Token], lx: Lexicon) -> Token | None:
    """A claim said to rest on no evidence: "their observations were not based
    on real proof", "the claims are based on no facts" (``ckg:Evidence``)."""
    members = {t.i for t in own}
    for verb in own:
        if verb.lemma_.lower() != "base" or verb.pos_ not in ("VERB", "ADJ"):
            continue
        grounds = [
            g
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ == "on"
            for g in prep.children
            if g.dep_ == "pobj" and g.lemma_.lower() in lx.evidence
        ]
        if not grounds:
            continue
        denied = negated(verb, lx) or any(
            c.dep_ == "det" and c.lower_ in lx.negative_quantifiers
            for c in grounds[0].children
        )
        claim = _subject(verb)
        if (
            denied
            and claim is not None
            and claim.i in members
            and (claim_word(claim, lx) or claim.lower_ in ("it", "they", "this"))
        ):
            return claim
    return None


def unbacked_claim(own: list[Token], lx: Lexicon) -> Token | None:
    """The claim a grounds noun is denied to back: "Norbel has no evidence to
    support its claims"."""
    members = {t.i for t in own}
    for verb in own:
        if verb.lemma_.lower() not in _BACKING or verb.dep_ not in ("acl", "relcl"):
            continue
        noun = verb.head
        if noun.lemma_.lower() not in lx.grounds:
            continue
        quantified = any(
            c.dep_ == "det" and c.lower_ in lx.negative_quantifiers
            for c in noun.children
        )
        if not (quantified or negated(noun.head, lx)):
            continue
        claim = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if claim is not None and claim.i in members and claim_word(claim, lx):
            return claim
    return None


def contrary_claim(own: list[Token], lx: Lexicon) -> Token | None:
    """The claim a statement says it runs against: "..., contrary to a
    statement made by Norbel", "contrary to the agency's claims"."""
    members = {t.i for t in own}
    for word in own:
        if word.lower_ != "contrary":
            continue
        for prep in word.children:
            if prep.dep_ != "prep" or prep.lower_ != "to":
                continue
            claim = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if claim is not None and claim.i in members and claim_word(claim, lx):
                return claim
    return None


def disputed_claim(own: list[Token], lx: Lexicon) -> Token | None:
    """The claim a statement rejects without calling it false or denying it,
    or None (see the module docstring)."""
    found = [
        claim
        for find in (
            groundless_claim,
            disagreed_claim,
            unsound_claim,
            unfounded_claim,
            unbacked_claim,
            contrary_claim,
        )
        if (claim := find(own, lx)) is not None
    ]
    # The first told: "the assessment is flawed and the report has no proof".
    return min(found, key=lambda t: t.i) if found else None


def claim_owner(head: Token) -> Token | None:
    """Who made the claim ``head`` names: its possessor or "made by" agent
    (:func:`claimant`), or for "its claims" in "Norbel has no evidence to
    support its claims" the subject of the clause around it."""
    owner = claimant(head)
    if owner is not None:
        return owner
    if not any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE for c in head.children):
        return None
    node = head
    for _ in range(4):
        if node.head is node:
            break
        node = node.head
        subject = _subject(node)
        if subject is not None:
            # "Their observations were ...": the claim is its own subject.
            mine = subject.i == head.i or subject.pos_ == "PRON"
            return None if mine else subject
    return None
