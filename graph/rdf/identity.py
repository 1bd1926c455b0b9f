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
* a family by its member's surname ("Reyes's family" = "the family of Mark
  Reyes");
* an organisation by its acronym when the article uses one for it ("the
  IRF" after "the International Rowing Federation"), so
  it meets the articles that name it only by the acronym;
* an unnamed spokesperson by the organisation it speaks for ("an IDF
  spokesperson" is the IDF speaking): :func:`voice_of`;
* a state's armed forces by the state, the key extraction gives them ("the
  Bordurian army" = "Borduria Defense Forces" = "the Bordurian military").

A body known only by a description and no state ("the local hospital", "aid
groups": ``Actor.named`` false) is not merged at all: its node is minted within
its article (:func:`graph.rdf.ids.actor_iri`), since nothing says that two
articles' "local hospital" is one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..lexicon import load_lexicon
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
_ACRONYM = re.compile(r"[A-Z]{2,8}")
#: Extraction keys every name of one state's armed forces alike (``registry``).
_ARMED_FORCES = "org:armed-forces-"


def _word(word: str) -> str:
    word = _SPELLING.get(word, word)
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def _skeleton(word: str) -> str:
    """First letter, then consonants with doubled ones single: gaddafi -> gdf."""
    tail = _VOWELS.sub("", word[1:])
    return word[0] + re.sub(r"(.)\1+", r"\1", tail)


def acronym(actor: Actor) -> str | None:
    """The acronym an organisation goes by in its article: its own all-capital
    name, or the initials of its name when a mention uses them ("the IDF" for
    "Israel Defense Forces"; "SCPD" for "Springfield-County Police
    Department")."""
    name = actor.name.strip()
    if _ACRONYM.fullmatch(name):
        return name
    used = {w for m in actor.mentions for w in _WORD.findall(m.text)}
    used.update(w for alias in actor.aliases for w in _WORD.findall(alias))
    for words in (name.split(), re.split(r"[\s-]+", name)):
        letters = "".join(w[0] for w in words if w[:1].isupper())
        if len(letters) >= 2 and letters in used and letters != name:
            return letters
    return None


def canonical_key(actor: Actor) -> str:
    """The key an actor's node is minted from (see the module docstring)."""
    kind, _, name = actor.key.partition(":")
    family = _FAMILY.fullmatch(actor.name.strip())
    if kind == "group" and family:
        # "Reyes's family", "the family of Mark Reyes", "Reyes family": one group.
        person = (family.group(1) or family.group(2) or family.group(3)).split()
        return f"group:family-of-{person[-1].lower()}"
    if kind not in ("person", "org") or actor.key.startswith(_ARMED_FORCES):
        return actor.key
    words = [w.lower() for w in _WORD.findall(actor.name)]
    if kind == "person":
        # A title-only person ("bank spokeswoman") has no surname to go by.
        capitalised = [w for w in actor.name.split() if w[:1].isupper()]
        # "Raymond G. Mullady Jr.", "Michael Durack SC": the surname is before.
        while len(words) > 1 and words[-1] in load_lexicon().post_nominals:
            words.pop()
        if len(capitalised) >= 2 and words:
            return f"person:{words[-1]}"
        return actor.key
    letters = acronym(actor)
    if letters:
        return f"org:{letters.lower()}"
    # "Iran-backed Zarvan militant group": the one name among descriptions.
    # Only behind a description: a leading capitalised word is often a demonym
    # ("Russian government", "Russian defence ministry" are two bodies).
    tokens = actor.name.split()
    described = not tokens[0][:1].isupper() or "-" in tokens[0]  # "Iran-backed"
    names = [w for w in tokens[1:] if w[:1].isupper() and "-" not in w]
    if described and len(names) == 1:
        words = [w.lower() for w in _WORD.findall(names[0])]
    content = sorted({_word(w) for w in words if w not in _FILLER})
    if len(content) == 1 and len(content[0]) >= 6:
        return f"org:{_skeleton(content[0])}"
    return "org:" + "-".join(content) if content else actor.key


def voice_of(actor: Actor, actors: Mapping[str, Actor]) -> str | None:
    """The organisation an unnamed spokesperson speaks for, or None.

    "An IDF spokesperson said" is the IDF saying it: outlets report one body's
    words through a spokesperson in one article and in the body's name in the
    next. A named spokesperson stays a person; one speaking for a state or a
    group stays apart too (whose voice is unsure).
    """
    words = actor.name.split()
    capitalised = [w for w in words if w[:1].isupper()]
    if actor.kind != "person" or len(capitalised) >= 2 or not words:
        return None
    principal = actors.get(actor.acts_for or "")
    # Titles of people who speak only in the name of their organisation.
    if words[-1].lower() not in load_lexicon().voice_titles or principal is None:
        return None
    return principal.key if principal.kind == "organisation" else None
