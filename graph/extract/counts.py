"""Counts of anything: "more than a million workers", "about 5,000 barrels".

Disputes are often over a number that no named aspect covers: how many took
part in a strike, how many people were in a crowd, how much oil leaked a day.
A count is a number attached to the noun it counts; its unit is that noun's
lemma, so only counts of the same thing are ever compared ("500,000 workers"
with "a million workers", never with "40 shells"). Numbers that are dates,
times, ordinals, money or durations, and counts another aspect already read
(casualties), are left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import AspectValue
from .mentions import phrase_of, span_of
from .quantities import UNITS, comparator, number

if TYPE_CHECKING:
    from spacy.tokens import Token

#: The aspect (a concept of ontology/lexicon/aspects.ttl) counts are read for.
COUNT = "Count"
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "hundred": 1e2}
_NOT_COUNTS = frozenset({"DATE", "TIME", "ORDINAL", "MONEY"})
_PERCENT = frozenset({"%", "percent", "per cent", "pct"})


def _value(token: Token) -> float | None:
    """The number a ``nummod`` token stands for: "500,000", "a million", "1.2bn"."""
    scale = _SCALES.get(token.lower_)
    if scale is None:
        value = number(token.text)
        if value is None:
            return None
        for child in token.children:
            value *= _SCALES.get(child.lower_, 1.0)
        return value
    factor = next(
        (n for c in token.children if c.like_num and (n := number(c.text))), 1.0
    )
    return scale * factor


def read_counts(
    tokens: list[Token], taken: set[int], aspect: str = COUNT
) -> list[AspectValue]:
    """Counts among ``tokens`` whose number does not start at an offset in
    ``taken`` (characters already read as another aspect's value), as values
    of ``aspect``."""
    members = {t.i for t in tokens}
    out: list[AspectValue] = []
    for token in tokens:
        if token.dep_ != "nummod" or token.ent_type_ in _NOT_COUNTS:
            continue
        if not (token.like_num or token.lower_ in _SCALES) or token.idx in taken:
            continue
        value = _value(token)
        if value is None:
            continue
        noun = token.head
        lemma = noun.lemma_.lower()
        if noun.i not in members or lemma in UNITS or noun.pos_ not in ("NOUN", "SYM"):
            continue
        unit = "percent" if lemma in _PERCENT else lemma
        # The words before the number, without its article: "more than a million".
        words = token.doc[max(0, token.i - 4) : token.i].text.split()
        while words and words[-1].lower() in ("a", "an"):
            words.pop()
        before = " ".join(words)
        out.append(
            AspectValue(
                aspect,
                "quantity",
                span_of(phrase_of(noun)),
                number=value,
                unit=unit,
                comparator=comparator(before),
            )
        )
    return out
