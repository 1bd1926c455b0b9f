"""Quotation spans, paired by mark type, with offsets into the original text."""

from __future__ import annotations

from dataclasses import dataclass

_PAIRS = {"\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb", '"': '"'}
OPENING = frozenset(_PAIRS)
QUOTE_CHARS = frozenset("\u201c\u201d\u2018\u2019\u00ab\u00bb\"'")


@dataclass(frozen=True)
class Quote:
    """Characters ``[start, end)`` inside a pair of quotation marks."""

    start: int
    end: int


def find_quotes(text: str) -> list[Quote]:
    """Pair quotation marks; a line break closes a quote left open.

    Curly single quotes are skipped: they double as apostrophes ("Israel's").
    """
    quotes: list[Quote] = []
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char in ("\u201c", "\u00ab", '"'):
            closing = _PAIRS[char]
            end = index + 1
            while end < length and text[end] != closing and text[end] != "\n":
                end += 1
            if end > index + 1:
                quotes.append(Quote(index + 1, end))
            index = end + 1
            continue
        index += 1
    return quotes


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past spaces, edge punctuation and unpaired quotes.

    Quotation marks are kept when the span contains both of a pair, unless the
    span is exactly one quotation: then the marks go and the words stay.
    """
    strip = " \t\n,;:.\u2014\u2013-"
    while True:
        before = (start, end)
        while start < end and text[start] in strip:
            start += 1
        while end > start and text[end - 1] in strip:
            end -= 1
        inner = text[start:end]
        if start < end and text[start] in QUOTE_CHARS and _unpaired(inner, 0):
            start += 1
        if end > start and text[end - 1] in QUOTE_CHARS and _unpaired(inner, -1):
            end -= 1
        elif _one_quotation(inner):
            start, end = start + 1, end - 1
        if (start, end) == before:
            return start, end


def _one_quotation(inner: str) -> bool:
    """ "“the talks collapsed”": one pair of marks around the whole."""
    if len(inner) < 3 or inner[0] not in _PAIRS or inner[-1] != _PAIRS[inner[0]]:
        return False
    body = inner[1:-1]
    return inner[0] not in body and _PAIRS[inner[0]] not in body


def _unpaired(inner: str, position: int) -> bool:
    """Whether the quote mark at ``position`` of ``inner`` has no partner inside."""
    mark = inner[position]
    if mark in ("\u201c", "\u201d"):
        return inner.count("\u201c") != inner.count("\u201d")
    if mark == '"':
        return inner.count('"') % 2 == 1
    if mark in ("\u00ab", "\u00bb"):
        return inner.count("\u00ab") != inner.count("\u00bb")
    # A single curly quote at an edge is a quotation mark, not an apostrophe.
    return True


def whole_quote(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is exactly one quotation with its marks."""
    inner = text[start:end].strip()
    return (
        len(inner) > 2
        and inner[0] in OPENING
        and inner[-1] in QUOTE_CHARS
        and inner.count(inner[0]) == 1
    )
