"""What a rejection rejects: the claim it names, and who made that claim.

"Dana Whitfield's allegations against him are untrue" rejects allegations made
by Whitfield; "All those allegations are completely false" and "denied it" name
no claim of their own: they answer a claim told before them. Detection uses
both to pick the claim a rejection answers (``ckg:target``, ``ckg:refersBack``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .factuality import is_falsity
from .mentions import names_people, phrasal_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..lexicon import Lexicon

#: Pronouns that stand for a claim just told: "denied it", "that is untrue".
_CLAIM_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "them"})
#: Parts of speech a bare reference may hold besides its head: "all those", "the".
_FUNCTION = frozenset({"DET", "PRON", "ADP", "PUNCT", "CCONJ", "PART", "ADV", "AUX"})
#: Prepositions naming who made a claim: "the claim made by ...", "reports from".
_BY = frozenset({"by", "from"})


def _called_false(head: Token, lx: Lexicon) -> bool:
    """``head`` is, or is the copula of, a falsity word: "are false"."""
    return is_falsity(head, lx) or any(
        c.dep_ in ("acomp", "attr", "conj") and is_falsity(c, lx) for c in head.children
    )


def _claim_word(token: Token, lx: Lexicon) -> bool:
    lemma = token.lemma_.lower()
    if lemma in lx.claim_nouns or lemma in lx.document_nouns:
        return True
    return token.pos_ == "PRON" and token.lower_ in _CLAIM_PRONOUNS


def characterised(cue: Token, lx: Lexicon) -> bool:
    """ "dismissed the strike as failing": a rejection verb calls a thing (no
    claim, document or pronoun) something with "as"; no claim is rejected."""
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    return (
        obj is not None
        and obj.pos_ == "NOUN"
        and obj.lemma_.lower() not in lx.claim_nouns | lx.document_nouns
        and any(c.dep_ == "prep" and c.lower_ == "as" for c in cue.children)
    )


def rejected_object(cue: Token, lx: Lexicon) -> tuple[Token | None, str] | None:
    """(content root, pattern) of a Deny/Reject-like cue's object: "rejected
    that account", "denied carrying out the attack", "hit back at reports that
    ...", "a charge X denied"; no root for an act on people ("dismissed three
    employees") or an act refused ("ruled out holding a vote"); a
    characterisation ("dismissed the strike as failing", ``p_characterise``)
    is a claim, not a rejection. None: no object."""
    rejecting = lx.cues.get(phrasal_lemma(cue, lx)) == "Reject"
    for child in cue.children:
        if child.dep_ in ("dobj", "xcomp") and child.pos_ in ("NOUN", "VERB", "PROPN"):
            if child.dep_ == "dobj" and names_people(child, lx):
                return None, ""
            if rejecting and child.tag_ == "VBG":
                # "ruled out holding a new vote", "rejected joining the talks":
                # an act refused, not a claim ("denied carrying out" is one).
                return None, ""
            if child.dep_ == "dobj" and characterised(cue, lx):
                return child, "p_characterise"
            return child, "p_reject"
    # A phrasal cue's claim follows "at".
    for prep in cue.children:
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "at"
            and pobj is not None
            and " " in phrasal_lemma(cue, lx)
            and pobj.lemma_.lower() in lx.claim_nouns | lx.document_nouns
        ):
            return pobj, "p_reject"
    if cue.dep_ == "relcl" and cue.head.pos_ == "NOUN":
        return cue.head, "p_reject"  # the relativised noun is what was denied
    return None


def rejected_claim(own: list[Token], denials: set[int], lx: Lexicon) -> Token | None:
    """The head of the phrase a rejection denies or calls untrue, if it names a
    claim: the subject of a falsity word, a claim noun a falsity word modifies,
    or the object of a denial (``denials``: indices of a Deny or Reject cue or
    predicate; "denied it", "disagrees with the findings")."""
    members = {t.i for t in own}
    for token in own:
        if not _claim_word(token, lx):
            continue
        if token.dep_ in ("nsubj", "nsubjpass") and _called_false(token.head, lx):
            return token
        if any(c.dep_ == "amod" and is_falsity(c, lx) for c in token.children):
            return token
        head = token.head
        if token.dep_ == "nsubj" and head.i in denials:
            continue  # "it disagrees with ...": the one who denies
        if token.dep_ == "pobj":
            head = head.head  # "disagrees with the findings"
        if head.i in denials or (denials and token.head.i not in members):
            return token
    return None


def claimant(head: Token) -> Token | None:
    """Who made the claim ``head`` names: its possessor ("Whitfield's
    allegations") or the agent of "made by"/"from" ("the claim made by X")."""
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "prep" and child.lower_ in _BY:
            return next((g for g in child.children if g.dep_ == "pobj"), None)
        if child.dep_ == "acl":
            for prep in child.children:
                if prep.dep_ == "agent" or prep.lower_ in _BY:
                    return next((g for g in prep.children if g.dep_ == "pobj"), None)
    return None


def bare_reference(head: Token, lx: Lexicon, within: set[int] | None = None) -> bool:
    """Whether the claim phrase says nothing of its own content ("the
    allegations", "Whitfield's allegations against him", "it"): it then refers
    to a claim told before it. Only tokens ``within`` (the statement's own)
    count when given."""
    owner = claimant(head)
    skip = {t.i for t in owner.subtree} if owner is not None else set()
    for token in head.subtree:
        if token.i == head.i or token.i in skip:
            continue
        if within is not None and token.i not in within:
            continue
        if token.pos_ in _FUNCTION or token.pos_ == "PROPN" or token.ent_type_:
            continue
        if is_falsity(token, lx) or _claim_word(token, lx):
            continue
        return False
    return True


def groundless_claim(own: list[Token], lx: Lexicon) -> Token | None:
    """The claim a statement says has no grounds: "there was no substance to
    the accusations", "no basis whatsoever for this report", "there is no
    truth in it" (a ``ckg:Grounds`` noun under "no" or a negation, with the
    claim as the object of its preposition)."""
    members = {t.i for t in own}
    for token in own:
        if token.lemma_.lower() not in lx.grounds:
            continue
        denied = any(c.dep_ == "det" and c.lower_ in ("no",) for c in token.children)
        denied = denied or any(c.dep_ == "neg" for c in token.head.children)
        if not denied:
            continue
        # "there was no basis whatsoever for it": the preposition may hang on
        # the verb the noun is the object or attribute of.
        near = list(token.children)
        if token.dep_ in ("attr", "dobj", "nsubj"):
            near += [c for c in token.head.children if c.i > token.i]
        # "the report has no basis in fact": the claim is the subject.
        if token.dep_ == "dobj" and token.head.lemma_ == "have":
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if (
                subject is not None
                and subject.i in members
                and _claim_word(subject, lx)
            ):
                return subject
        for prep in near:
            if prep.dep_ != "prep":
                continue
            claim = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if claim is not None and claim.i in members and _claim_word(claim, lx):
                return claim
    return None
