"""One node per real-world actor across articles: canonical actor keys.

Outlets name one actor in many ways: "Defence Ministry", "Ministry of Defense"
and "the defence ministry" (of one state); "Mikhail Ivanov" and "Ivanov";
"Gaddafi" and "Gadafi". Extraction keys an actor by its name
in one article; the node it gets in the graph is minted from a canonical form of
that name, so the variants of one actor meet in one node across articles (its
``skos:altLabel`` values keep every name that was merged into it, with the
mentions that used each):

* a person by surname (scoped by side, as every actor is), since outlets vary
  first names and their spellings but rarely the surname;
* an organisation by its content words, sorted, lower-cased, British and
  American spellings and plurals unified, joining words dropped ("ministry of
  defence" = "defense ministry");
* a one-word name by its consonant skeleton after the first letter, the usual
  shape of transliteration variants ("Gaddafi" = "Gadafi"); a single name
  among descriptive words stands for the whole ("the Iran-backed Gadafi
  militia" = "Gadafi");
* a family by its member's surname ("Scott's family" = "the family of Keith
  Scott").
"""

from __future__ import annotations

import re

from ..models import Actor

_FILLER = frozenset({"of", "the", "for", "and", "&", "s"})
#: British and American spellings of words common in organisation names.
_SPELLING = {
    "defence": "defense",
    "organisation": "organization",
    "programme": "program",
    "labour": "labor",
    "centre": "center",
}
_WORD = re.compile(r"[^\W_]+")
_FAMILY = re.compile(
    r"(?:the )?(?:([A-Z][\w'-]*(?: [A-Z][\w'-]*)*)['’]s family"
    r"|family of ([A-Z][\w'-]*(?: [A-Z][\w'-]*)*)"
    r"|([A-Z][\w'-]*) family)",
    re.I,
)
_VOWELS = re.compile(r"[aeiouy]")


def _word(word: str) -> str:
    word = _SPELLING.get(word, word)
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def _skeleton(word: str) -> str:
    """First letter, then consonants with doubled ones single: gaddafi -> gdf."""
    tail = _VOWELS.sub("", word[1:])
    return word[0] + re.sub(r"(.)\1+", r"\1", tail)


def canonical_key(actor: Actor) -> str:
    """The key an actor's node is minted from (see the module docstring)."""
    kind, _, name = actor.key.partition(":")
    family = _FAMILY.fullmatch(actor.name.strip())
    if kind == "group" and family:
        # "Scott's family", "the family of Keith Scott", "Scott family": one group.
        person = (family.group(1) or family.group(2) or family.group(3)).split()
        return f"group:family-of-{person[-1].lower()}"
    if kind not in ("person", "org"):
        return actor.key
    words = [w.lower() for w in _WORD.findall(actor.name)]
    if kind == "person":
        # A title-only person ("bank spokeswoman") has no surname to go by.
        capitalised = [w for w in actor.name.split() if w[:1].isupper()]
        if len(capitalised) >= 2 and words:
            return f"person:{words[-1]}"
        return actor.key
    # "Iran-backed Hezbolla militant group": the one name among descriptions.
    names = [w for w in actor.name.split() if w[:1].isupper() and "-" not in w]
    if len(names) == 1 and any(w[:1].islower() for w in actor.name.split()[1:]):
        words = [w.lower() for w in _WORD.findall(names[0])]
    content = sorted({_word(w) for w in words if w not in _FILLER})
    if len(content) == 1 and len(content[0]) >= 6:
        return f"org:{_skeleton(content[0])}"
    return "org:" + "-".join(content) if content else actor.key
