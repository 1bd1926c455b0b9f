"""Counts of anything: "more than a million workers", "about 5,000 barrels".

Disputes are often over a number that no named aspect covers: how many took
part in a strike, how many people were in a crowd, how much oil leaked a day.
A count is a number attached to the noun it counts; its unit is that noun's
lemma, so only counts of the same thing are ever compared ("500,000 workers"
with "a million workers", never with "40 shells"). A number that counts no
noun of its own ("the figure was about 100,000", "put the figure at more than
one million", "fewer than half a million took part") takes the unit of the
closest count before it in the same passage, the figure it answers. Numbers
that are dates,
times, ordinals, money or durations, and counts another aspect already read
(casualties), are left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..models import AspectValue
from .mentions import phrase_of, span_of
from .quantities import SCALES, UNITS, comparator, number

if TYPE_CHECKING:
    from spacy.tokens import Token

#: The aspect (a concept of ontology/lexicon/aspects.ttl) counts are read for.
COUNT = "Count"
_NOT_COUNTS = frozenset({"DATE", "TIME", "ORDINAL", "MONEY"})
_PERCENT = frozenset({"%", "percent", "per cent", "pct"})
_FRACTIONS = {"half": 0.5, "quarter": 0.25}
#: Words dropped from the end of the text before a number to read its comparator.
_LEAD_FILLERS = frozenset({"a", "an", "one", *_FRACTIONS})
#: Indian digit grouping: "3,15,235", "2,73,69,093".
_INDIAN = re.compile(r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?$")
#: How many sentences back an elided count looks for the figure it answers.
_ANTECEDENT_SENTENCES = 3


def count_value(token: Token) -> float | None:
    """The number a numeral token stands for: "500,000", "3,15,235", "a
    million", "1.2bn", "3.15 lakh" (the multiplier its child, its head, or,
    as the model parses "3.15 lakh people", the next word on the same noun)."""
    scale = SCALES.get(token.lower_)
    if scale is None:
        value = number(token.text)
        if value is None:
            return None
        scales = [SCALES[c.lower_] for c in token.children if c.lower_ in SCALES]
        after = token.nbor() if token.i + 1 < len(token.doc) else None
        if (
            not scales
            and after is not None
            and after.lower_ in SCALES
            and after.head.i == token.head.i != token.i
            and after.dep_ in ("compound", "nummod")
        ):
            scales = [SCALES[after.lower_]]
        for factor in scales:
            value *= factor
        return value
    factor = next(
        (
            n
            for c in token.children
            if (
                n := _FRACTIONS.get(c.lower_)
                or (number(c.text) if c.like_num else None)
            )
        ),
        1.0,
    )
    return scale * factor


def numeral(token: Token) -> bool:
    """Whether ``token`` is a number word or figure: "315", "3,15,235", "lakh"."""
    return token.like_num or token.lower_ in SCALES


def number_modifier(token: Token) -> bool:
    """A number modifying a noun; the model sometimes parses an Indian-grouped
    figure ("3,15,235 people") as an adjective."""
    if token.dep_ == "nummod":
        return True
    return (
        token.dep_ == "amod"
        and token.pos_ == "NUM"
        and _INDIAN.match(token.text) is not None
    )


def _counted(token: Token) -> bool:
    """Whether ``token`` is a number counting the noun it modifies."""
    return (
        number_modifier(token)
        and token.ent_type_ not in _NOT_COUNTS
        and numeral(token)
        and token.head.pos_ in ("NOUN", "SYM")
        and token.head.lemma_.lower() not in UNITS
        and token.head.lower_ not in SCALES
    )


def _unit(noun: Token) -> str:
    """The counted noun's lemma; a percentage names its whole: "78% of those
    who voted" and "37% of all drivers" are different units."""
    lemma = noun.lemma_.lower()
    if lemma not in _PERCENT:
        return lemma
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            whole = next((g for g in child.children if g.dep_ == "pobj"), None)
            if whole is not None:
                return f"percent of {whole.lemma_.lower()}"
    return "percent"


def _elided(token: Token, figures: frozenset[str]) -> bool:
    """A bare number standing for a figure: the attribute of "the figure was
    ...", the object of "put the figure at ...", or a subject ("fewer than half
    a million took part")."""
    if token.ent_type_ != "CARDINAL" or not numeral(token):
        return False
    head = token.head
    if token.dep_ == "attr" and head.lemma_ == "be":
        return any(
            c.dep_ == "nsubj" and c.lemma_.lower() in figures for c in head.children
        )
    if token.dep_ == "pobj" and head.lower_ == "at":
        return any(
            c.dep_ == "dobj" and c.lemma_.lower() in figures for c in head.head.children
        )
    return token.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX")


def _antecedent(token: Token) -> Token | None:
    """The counted noun of the closest count before ``token`` within a few
    sentences: the figure an elided count answers."""
    doc = token.doc
    first = token.sent.start
    for _ in range(_ANTECEDENT_SENTENCES):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    for i in range(token.i - 1, first - 1, -1):
        if _counted(doc[i]) and not _subgroup(doc[i].head):
            return doc[i].head
    return None


def _subgroup(noun: Token) -> bool:
    """A count inside another ("1 million workers, including 200,000 teachers")."""
    return noun.dep_ == "appos" or (
        noun.dep_ == "pobj" and noun.head.lower_ in ("including", "among")
    )


def read_counts(
    tokens: list[Token],
    taken: set[int],
    aspect: str = COUNT,
    figures: frozenset[str] = frozenset(),
) -> list[AspectValue]:
    """Counts among ``tokens`` whose number does not start at an offset in
    ``taken`` (characters already read as another aspect's value), as values
    of ``aspect``. ``figures`` are nouns such as "figure" or "estimate" whose
    bare number is an elided count."""
    members = {t.i for t in tokens}
    out: list[AspectValue] = []
    for token in tokens:
        if token.idx in taken:
            continue
        if _counted(token):
            noun: Token | None = token.head
            if noun is None or noun.i not in members:
                continue
            span = span_of(phrase_of(noun))
        elif _elided(token, figures):
            noun = _antecedent(token)
            span = span_of(phrase_of(token))
        else:
            continue
        value = count_value(token)
        if value is None or noun is None:
            continue
        # The words before the number, without its article: "more than a million".
        words = token.doc[max(0, token.i - 4) : token.i].text.split()
        while words and (words[-1].lower() in _LEAD_FILLERS or number(words[-1])):
            words.pop()
        before = " ".join(words)
        out.append(
            AspectValue(
                aspect,
                "quantity",
                span,
                number=value,
                unit=_unit(noun),
                comparator=comparator(before),
            )
        )
    return out
