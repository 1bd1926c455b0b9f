"""Calling a claim untrue: "called the figures laughable", "described the
report as false", "a figure the union described as laughable".

These verbs ("call", "describe", "label", "brand", "dub", "term") are speech
only with a verdict: the object and the word judging it. When the verdict is a
falsity word (lexicon concept ``ckg:Falsity``) the statement rejects the
object, which is the claim it answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .factuality import is_falsity

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..lexicon import Lexicon

#: Verbs that say what something is: "called X Y", "described X as Y".
CALLING = frozenset({"call", "describe", "label", "brand", "dub", "term"})
_VERDICT_DEPS = ("oprd", "xcomp", "acomp", "ccomp")


def called_false(cue: Token, lx: Lexicon) -> tuple[Token, list[Token]] | None:
    """(the claim called untrue, the statement's tokens), or None.

    The claim is the verb's object, or the noun a relative clause hangs on ("a
    figure the union described as laughable"); the tokens are the object and
    the verdict ("the figures laughable"), or the noun phrase alone.
    """
    if cue.pos_ != "VERB" or cue.lemma_.lower() not in CALLING:
        return None
    verdict: list[Token] | None = None
    for child in cue.children:
        preposition = child.dep_ == "prep" and child.lower_ == "as"
        if child.dep_ in _VERDICT_DEPS or preposition:
            words = list(child.subtree)
            if any(is_falsity(t, lx) for t in words):
                verdict = words
                break
    if verdict is None:
        return None
    claim = next((c for c in cue.children if c.dep_ == "dobj"), None)
    if claim is not None:
        tokens = sorted([*claim.subtree, *verdict], key=lambda t: t.i)
        return claim, tokens
    if cue.dep_ == "relcl" and cue.head.pos_ == "NOUN":
        head = cue.head
        inside = {t.i for t in cue.subtree}
        tokens = [t for t in head.subtree if t.i not in inside and t.i <= head.i]
        return head, tokens
    return None
