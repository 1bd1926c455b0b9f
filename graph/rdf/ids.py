"""Deterministic IRIs: the same text and offsets always mint the same node.

Ingesting an article twice therefore adds no triple.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from ...ontology.vocab import DATA

_SLUG = re.compile(r"[^a-z0-9]+")


def local_name(node: object) -> str:
    """The part of an IRI after ``#`` or the last ``/``."""
    text = str(node or "")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def digest(*parts: object) -> str:
    """Return a short stable hash of ``parts``."""
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


def normalise_text(text: str) -> str:
    """NFC-normalise and unify line endings, so offsets are stable."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def text_sha256(text: str) -> str:
    """Full SHA-256 of an article text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def slug(value: str) -> str:
    """Lower-case ASCII slug of ``value`` (keeps IRIs readable)."""
    ascii_value = (
        unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    )
    return _SLUG.sub("-", ascii_value.lower()).strip("-") or digest(value)


def article_iri(text: str) -> URIRef:
    """IRI of an article: a hash of its normalised text."""
    return DATA[f"article/{text_sha256(text)[:20]}"]


def span_iri(article: URIRef, start: int, end: int) -> URIRef:
    """RFC 5147 span IRI, NIF/NewsReader style: ``<article>#char=b,e``."""
    return URIRef(f"{article}#char={start},{end}")


def actor_iri(key: str, side: str | None = None, article: str | None = None) -> URIRef:
    """Actors are shared across articles: the same key (and side) is one node.

    ``side`` keeps apart actors named alike who act for different states: one
    article's "the defence ministry" of Atlantis is not another's of Borduria.
    A key that already names its side ("atlantis-s-defence-ministry") is kept.
    ``article`` (an article IRI) keeps an actor within that article.
    """
    name = slug(key)
    if side and f"-{slug(side)}-" not in f"-{name}-":  # whole words: not "oman"
        name = f"{name}--{slug(side)}"
    if article:
        name = f"{name}--in-{digest(article)}"
    return DATA[f"actor/{name}"]


def event_iri(article: URIRef, key: str) -> URIRef:
    """An event as mentioned in one article."""
    return DATA[f"event/{digest(article, key)}"]


def assertion_iri(
    article: URIRef, speaker: str, cue_start: int, start: int, end: int
) -> URIRef:
    """An assertion: its article, speaker, cue and content offsets."""
    return DATA[f"assertion/{digest(article, speaker, cue_start, start, end)}"]


def claim_iri(assertion: URIRef) -> URIRef:
    """The named graph holding an assertion's content."""
    return DATA[f"claim/{digest(assertion)}"]


def value_iri(assertion: URIRef, index: int) -> URIRef:
    """One aspect value inside a claim graph."""
    return DATA[f"value/{digest(assertion, index)}"]


def finding_iri(kind: str, aspect: str, first: URIRef, second: URIRef) -> URIRef:
    """A contradiction or corroboration; symmetric in its two assertions."""
    low, high = sorted((str(first), str(second)))
    return DATA[f"finding/{digest(kind, aspect, low, high)}"]


def outlet_iri(name: str) -> URIRef:
    """A publisher named in article metadata."""
    return DATA[f"outlet/{slug(name)}"]


def humanise(name: str) -> str:
    """``AdvanceNotice`` -> ``advance notice``."""
    out: list[str] = []
    for char in name:
        if char.isupper() and out:
            out.append(" ")
        out.append(char.lower())
    return "".join(out)
