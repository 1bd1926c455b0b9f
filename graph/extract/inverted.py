"""Cues told out of the usual order: inverted before a quotation, or set inside
the clause they report.

- ``p_inverted``: "Said Evans: “These allegations are lies.”" (the tagger often
  reads a sentence-initial "Said" as part of a name, so the cue is found by its
  word form, not its part of speech).
- ``p_parenthetical`` (inside): "On Sunday night, police said, deputies saw ...",
  "The man, police said, ran away."
- a trailing cue after a fronted subordinate clause ("When officers arrived,
  he was holding a phone, police said"), which is no wh-complement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import Lexicon
from .mentions import cue_lemma, subject_of
from .quotes import Quote

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_CLAUSE_POS = ("VERB", "AUX")


def inverted_cue(
    token: Token, lx: Lexicon, quotes: list[Quote]
) -> tuple[str, Token, SpacySpan] | None:
    """(cue lemma, speaker token, quoted span) of "Said Evans: “...”".

    The cue opens its sentence, a short noun phrase follows it, then a colon
    and a quotation. A cue the parser gave its clause is left to the clause
    patterns ("Says the mayor: “...”" is a clausal complement already).
    """
    # Cheap tests first: this runs for every token of every article.
    if not token.is_sent_start or not token.text[:1].isupper():
        return None
    if any(c.dep_ in ("ccomp", "parataxis") for c in token.children):
        return None
    return _inverted(token, lx, quotes)


def _inverted(
    token: Token, lx: Lexicon, quotes: list[Quote]
) -> tuple[str, Token, SpacySpan] | None:
    if token.i != token.sent.start:
        return None
    lemma = cue_lemma(token.text, lx)
    if lemma is None or not token.text[:1].isupper():
        return None
    doc = token.doc
    colon = next(
        (t for t in doc[token.i + 1 : min(token.i + 12, len(doc))] if t.text == ":"),
        None,
    )
    if colon is None or colon.i == token.i + 1:
        return None
    phrase = doc[token.i + 1 : colon.i]
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in phrase):
        return None
    end = colon.idx + 1
    quote = next((q for q in quotes if end <= q.start <= end + 3), None)
    if quote is None:
        return None
    quoted = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if quoted is None:
        return None
    inside = {t.i for t in phrase}
    heads = [t for t in phrase if t.head.i not in inside or t.head.i == t.i]
    nouns = [t for t in heads if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not nouns:
        return None
    return lemma, nouns[0], quoted


def interjected(cue: Token, quotes: list[Quote]) -> list[Token] | None:
    """Content tokens of a cue set inside the clause it reports, between commas.

    "On Sunday night, police said, deputies saw ...": the clause after the cue.
    "The man, police said, ran away.": the cue parts subject from verb, and a
    content span is one stretch of text, so the whole clause is the content
    (its tokens leave the cue's words out). A quoted clause is left to the
    quotation patterns ("X reads, “...”" takes the whole quotation).
    """
    clause = cue.head
    if (
        cue.dep_ != "parataxis"
        or clause.pos_ not in _CLAUSE_POS
        or clause.i < cue.i
        or subject_of(cue) is None
        or any(q.start <= clause.idx < q.end for q in quotes)
    ):
        return None
    own = sorted(cue.subtree, key=lambda t: t.i)
    doc = cue.doc
    after = own[-1].i + 1
    if own[-1].text != "," and not (after < len(doc) and doc[after].text == ","):
        return None
    opens = own[0].i == cue.sent.start or own[0].text == ","
    if not opens and not (own[0].i > 0 and doc[own[0].i - 1].text == ","):
        return None
    skip = {t.i for t in own}
    rest = [t for t in clause.subtree if t.i not in skip and not t.is_punct]
    subject = subject_of(clause)
    if subject is not None and subject.i > cue.i:
        rest = [t for t in rest if t.i > cue.i]
    return sorted(rest, key=lambda t: t.i) or None


def trim_inverted_cues(doc: object, lx: Lexicon, quotes: list[Quote]) -> None:
    """Take an inverted cue out of the name the NER model glued it to ("Said
    Evans" is Evans), so the speaker is the person named elsewhere too."""
    ents = list(doc.ents)  # type: ignore[attr-defined]
    changed = False
    for n, ent in enumerate(ents):
        if len(ent) > 1 and _inverted(ent[0], lx, quotes) is not None:
            ents[n] = doc[ent.start + 1 : ent.end]  # type: ignore[index]
            ents[n].label_ = ent.label_
            changed = True
    if changed:
        doc.ents = ents  # type: ignore[attr-defined]


def fronted_clause(first: Token, clause: Token) -> bool:
    """ "When officers arrived, he was holding ...": the wh-word opens a
    subordinate clause set before the complement's own, not a wh-complement."""
    node = first
    while node.head.i != clause.i and node.head.i != node.i:
        node = node.head
    after = node.right_edge.i + 1
    return (
        node.dep_ == "advcl"
        and node.i != first.i
        and after < clause.i
        and clause.doc[after].text == ","
    )
