"""A role noun refers to the person the story named with that role: "Justice
Ann Vale said ... The judge said ...", "Pc Neil Farrow ... the officer told the
court". The synonyms are the ``ckg:RoleSynonyms`` concepts of the lexicon."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import Lexicon
from ..models import Actor
from .registry import ActorRegistry

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def role_words(role: str) -> list[str]:
    """The forms of a title a synonym may match: the whole title, its last
    word and its last two ("Detective Sergeant", "District Attorney")."""
    words = role.lower().replace("\u2019", "'").split()
    return [" ".join(words), " ".join(words[-2:]), words[-1]] if words else []


def role_holder(
    index: ActorRegistry, token: Token, span: SpacySpan, determiner: str
) -> str | None:
    """The latest person whose title is a synonym of a definite singular role
    noun ("the judge", "the police officer"); None when no such person was
    named, so the noun is resolved as before."""
    if determiner != "the" or token.tag_ != "NN":
        return None
    words = [t for t in span if t.dep_ != "det" and not t.is_punct]
    if len(words) > 2:
        return None
    synonyms = index.lx.role_synonyms
    phrase = " ".join(t.lower_ for t in words)
    names = synonyms.get(phrase) or synonyms.get(token.lemma_.lower())
    if not names:
        return None

    def holder(actor: Actor) -> bool:
        return (
            actor.kind == "person"
            and bool(actor.role)
            and any(w in names for w in role_words(str(actor.role)))
        )

    return index.latest(token.i, holder)


#: Prepositions that attach a portfolio to a title ("Commissioner for Policy").
_PORTFOLIO_PREPS = ("for", "of")


def title_complement(token: Token, lx: Lexicon) -> bool:
    """Whether a capitalised phrase is the portfolio of a title in apposition:
    "Tom Reel, the Agency's Assistant Commissioner for Compliance Policy (in the
    Office of ...)" -- part of the title, never a person's name."""
    node = token
    for _ in range(3):
        if node.dep_ != "pobj" or node.head.lower_ not in _PORTFOLIO_PREPS:
            return False
        title = node.head.head
        if title.lemma_.lower() in lx.titles and title.dep_ == "appos":
            return True
        node = title
    return False
