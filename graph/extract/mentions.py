"""Small noun-phrase helpers shared by the actor, attribution and aspect readers."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from ..models import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


NP_LEFT = {"compound", "amod", "det", "poss", "nmod", "case", "nummod", "quantmod"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
FEMALE_PRONOUNS = {"she", "her", "hers"}
THING_PRONOUNS = {"it", "its"}
PLURAL_PRONOUNS = {"they", "them", "their"}
SPEAKER_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
SUBJECTS = ("nsubj", "nsubjpass", "csubj")


def doc_text(doc: Doc) -> str:
    """The document's text, computed once: ``Doc.text`` rebuilds it per access."""
    text: str | None = doc.user_data.get("claimgraph_text")
    if text is None:
        text = doc.user_data["claimgraph_text"] = doc.text
    return text


def np_span(token: Token) -> SpacySpan:
    """The noun phrase a head token stands for: its left modifiers and itself."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in NP_LEFT:
            start = min(start, child.left_edge.i)
    return token.doc[start : token.i + 1]


def clean(text: str) -> str:
    """A name without a possessive ending or leading determiners."""
    text = re.sub(r"['\u2019]s?$", "", text.strip())
    words = text.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def initials(name: str) -> str:
    """ "Israel Defense Forces" -> "IDF"."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def subject_of(verb: Token) -> Token | None:
    """The verb's nearest subject (a dateline "CITY —" can also parse as one)."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if not found:
        return None
    return min(found, key=lambda c: abs(c.i - verb.i))


def char_span(token_or_span: Token | SpacySpan) -> tuple[int, int]:
    """Character offsets of a token or a span."""
    # hasattr, not isinstance: spaCy is imported only for type checking here.
    if hasattr(token_or_span, "start_char"):
        span = cast("SpacySpan", token_or_span)
        return span.start_char, span.end_char
    return token_or_span.idx, token_or_span.idx + len(token_or_span.text)


def looks_like_name(tokens: SpacySpan) -> bool:
    """Capitalised words only, at most four: a person's name the NER model missed."""
    words = [t for t in tokens if not t.is_punct]
    return (
        0 < len(words) <= 4
        and all(t.text[:1].isupper() for t in words)
        and all(t.pos_ == "PROPN" for t in words)
    )


def span_of(token_or_span: Token | SpacySpan) -> Span:
    """The :class:`Span` (offsets and text) of a token or a spaCy span."""
    start, end = char_span(token_or_span)
    doc = token_or_span.doc
    return Span(start, end, doc_text(doc)[start:end])


def verb_subject(verb: Token) -> Token | None:
    """A verb's subject, or the subject it shares with the verb it is conjoined to."""
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None or verb.dep_ != "conj":
            return subject
        verb = verb.head
    return None


def phrase_of(token: Token) -> SpacySpan:
    """The spaCy span of ``token``'s whole subtree."""
    return token.doc[token.left_edge.i : token.right_edge.i + 1]
