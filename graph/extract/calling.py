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
    claim = next((c for c in cue.children if c.dep_ == "dobj"), None)
    verdict: list[Token] | None = None
    for child in cue.children:
        preposition = child.dep_ == "prep" and child.lower_ == "as"
        if child.dep_ in _VERDICT_DEPS or preposition:
            # "called the report flawed" may parse as a small clause.
            judged = claim or next(
                (c for c in child.children if c.dep_ == "nsubj"), None
            )
            words = list(child.subtree)
            if any(_verdict_word(t, judged, lx) for t in words):
                verdict, claim = words, judged
                break
    if verdict is None and claim is not None:
        verdict = _trailing_verdict(claim, lx)
        if verdict is not None:
            # "called the agency's claims about her 'slanderous'", parsed with
            # the verdict inside the object: the object is the rest.
            inside = {t.i for t in verdict}
            words = [t for t in claim.subtree if t.i not in inside]
            return claim, sorted([*words, *verdict], key=lambda t: t.i)
    if verdict is None:
        return None
    if claim is not None:
        merged = {t.i: t for t in [*claim.subtree, *verdict]}
        return claim, [merged[i] for i in sorted(merged)]
    if cue.dep_ == "relcl" and cue.head.pos_ == "NOUN":
        head = cue.head
        inside = {t.i for t in cue.subtree}
        tokens = [t for t in head.subtree if t.i not in inside and t.i <= head.i]
        return head, tokens
    return None


def _claim(token: Token | None, lx: Lexicon) -> bool:
    return token is not None and (
        token.lemma_.lower() in lx.claim_nouns | lx.document_nouns
    )


def _verdict_word(token: Token, claim: Token | None, lx: Lexicon) -> bool:
    """A falsity word, or an unsoundness word when said of a claim: "called
    the study flawed", not "called the bridge flawed"."""
    if is_falsity(token, lx):
        return True
    unsound = token.lemma_.lower() in lx.unsound or token.lower_ in lx.unsound
    return unsound and _claim(claim, lx)


def _trailing_verdict(claim: Token, lx: Lexicon) -> list[Token] | None:
    """The falsity adjective that ends a claim noun's phrase, with its quotation
    marks: the parser hung the verdict inside the object."""
    if not _claim(claim, lx):
        return None
    words = [t for t in claim.subtree if t.i > claim.i]
    while words and words[-1].is_punct:
        words.pop()
    if not words:
        return None
    last = words[-1]
    if last.pos_ != "ADJ" or last.dep_ == "amod":
        return None
    if not _verdict_word(last, claim, lx):
        return None
    return [
        t for t in last.subtree if t.i >= last.i - 1 and (t.i >= last.i or t.is_quote)
    ]
