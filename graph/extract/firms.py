"""Firms: names that a country or a company suffix marks as a business.

- "Brennan Ireland", "Acme UK": a name plus a country is a company.
- "said Dorr Lane, LLC CEO Jim Dorr": a company suffix after a comma joins the
  name before it into an organisation; the person is the name after the title,
  and acts for that organisation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicon import Lexicon
from .mentions import clean

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from .registry import ActorRegistry


def suffixed_firm(index: ActorRegistry, token: Token, ent: SpacySpan) -> str | None:
    """The person in "<Name>, <suffix> <title> <Person>", acting for the firm
    "<Name> <suffix>"; None when the phrase has another shape."""
    doc, lx = index.doc, index.lx
    if ent.label_ != "PERSON" or ent.end + 3 >= len(doc) or doc[ent.end].text != ",":
        return None
    suffix = doc[ent.end + 1]
    if suffix.lower_ not in lx.org_suffixes or not suffix.text[:1].isupper():
        return None
    named = next(
        (c for c in token.children if c.dep_ == "appos" and c.i > suffix.i), None
    )
    start = suffix.i + 1
    while named is not None and start < named.i and lx.title_word(doc[start].lower_):
        start += 1
    if named is None or start == suffix.i + 1 or start > named.i:
        return None  # no title between the suffix and the name
    name = doc[start : named.i + 1]
    if not all(t.pos_ == "PROPN" for t in name):
        return None
    span = doc[ent.start : suffix.i + 1]
    firm = index._mention(index.org(f"{clean(ent.text)} {suffix.text}", span), span)
    person = index.person(name, list(doc[suffix.i + 1 : start]))
    if index.actors[person].role is None:
        index.actors[person].role = doc[suffix.i + 1 : start].text
    index.set_acts_for(person, firm)
    return person


#: First words that make a place name of a country's ("Northern Ireland").
_PLACE_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "new",
        "old",
    }
)


def named_after_place(ent: SpacySpan, lx: Lexicon) -> bool:
    """An entity the model tags as a place that is a name plus a country:
    "Brennan Ireland" (not "Northern Ireland", not a country itself)."""
    if len(ent) < 2 or lx.country_of(ent.text) is not None:
        return False
    first, last = ent[0], ent[-1]
    return (
        lx.country_of(last.text) is not None
        and first.pos_ == "PROPN"
        and first.text.lower() not in _PLACE_WORDS
        and lx.country_of(first.text) is None
    )
