"""The actor registry: adding, naming and siding actors of one document.

:class:`graph.extract.actors.ActorIndex` resolves noun phrases on top of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..lexicon import Lexicon
from ..models import Actor, ActorKind, Span
from ..rdf.ids import slug
from .mentions import clean, doc_text, initials

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


def _proper(name: str) -> bool:
    return all(w[:1].isupper() for w in name.split() if w.lower() not in ("of", "the"))


class ActorRegistry:
    """Actors of one document by key, with the indexes coreference needs."""

    def __init__(
        self, doc: Doc, lexicon: Lexicon, quotes: list[tuple[int, int]] | None = None
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.lx = lexicon
        self.quotes = quotes or []
        self.actors: dict[str, Actor] = {}
        self.order: list[tuple[int, str]] = []  # (token index, key) of mentions
        self.acronyms: dict[str, str] = {}
        self.surnames: dict[str, str] = {}
        self.heads: dict[str, set[str]] = {}  # key -> nouns that describe it
        self.gender: dict[str, str] = {}  # person key -> "f" / "m"
        self.given: dict[str, str] = {}  # given name -> first person key with it
        self.plural: set[str] = set()  # group keys named by a plural noun
        self.owned: frozenset[str] | None = None  # "Tesla's Autopilot": see referents
        self._ents = {t.i: e for e in doc.ents for t in e}

    def resolve(self, token: Token) -> str | None:
        """The actor key a noun-phrase head refers to, or None.

        :class:`.actors.ActorIndex` implements it; the description and side
        helpers call it through this base class (so they need not import it).
        """
        raise NotImplementedError

    # -- building -----------------------------------------------------------

    def _add(
        self,
        key: str,
        name: str,
        kind: ActorKind,
        side: str | None = None,
        acts_for: str | None = None,
        role: str | None = None,
    ) -> str:
        actor = self.actors.get(key)
        if actor is None:
            actor = self.actors[key] = Actor(key, name, kind, side, acts_for, role)
        else:
            actor.side = actor.side or side
            actor.acts_for = actor.acts_for or acts_for
            actor.role = actor.role or role
            if len(name) > len(actor.name) and kind == actor.kind == "person":
                actor.name = name
        if name not in actor.aliases:
            actor.aliases.append(name)
        return key

    def state(self, country: str) -> str:
        """The actor of a state."""
        return self._add(f"state:{slug(country)}", country, "state", side=country)

    def area(self, name: str) -> str:
        """A place that belongs to no state ("international waters")."""
        return self._add(f"area:{slug(name)}", name, "unknown")

    def _mention(self, key: str, span: SpacySpan) -> str:
        actor = self.actors[key]
        text = self.text[span.start_char : span.end_char]
        mention = Span(span.start_char, span.end_char, text)
        if mention not in actor.mentions:
            actor.mentions.append(mention)
            self.order.append((span.root.i if hasattr(span, "root") else 0, key))
        return key

    def side_from(self, tokens: Iterable[Token]) -> str | None:
        """The first country a phrase names (by name, demonym, capital or alias)."""
        for token in tokens:
            if token.pos_ in ("PROPN", "ADJ", "NOUN"):
                country = self.lx.country_of(token.text)
                if country:
                    return country
        for ent in getattr(tokens, "ents", []):
            country = self.lx.country_of(ent.text)
            if country:
                return country
        return None

    def is_public(self, words: str) -> bool:
        """Whether a name or title names a public body or office."""
        lowered = words.lower()
        if any(noun in lowered for noun in self.lx.armed_forces_nouns if " " in noun):
            return True
        tokens = {w.strip(".,'\u2019s") for w in lowered.split()} | set(lowered.split())
        return bool(tokens & (self.lx.government_nouns | self.lx.armed_forces_nouns))

    def set_acts_for(self, key: str, principal: str) -> None:
        """Record that ``key`` acts for ``principal`` (first statement wins)."""
        actor = self.actors[key]
        if key != principal and actor.acts_for is None and actor.kind != "state":
            actor.acts_for = principal
            actor.side = actor.side or self.actors[principal].side

    def _gender_from(self, key: str, words: list[str]) -> None:
        lowered = {w.lower() for w in words}
        if lowered & self.lx.female_words:
            self.gender.setdefault(key, "f")
        elif lowered & self.lx.male_words:
            self.gender.setdefault(key, "m")

    # -- resolving ----------------------------------------------------------

    def person(self, name_tokens: SpacySpan, title_tokens: list[Token]) -> str:
        """A person named by ``name_tokens``, titled by ``title_tokens``."""
        name = clean(name_tokens.text)
        parts = name.split()
        # "Michael Durack SC", "Raymond Mullady Jr.": the surname is before it.
        while len(parts) > 1 and parts[-1].lower().strip(".,") in self.lx.post_nominals:
            parts = parts[:-1]
        surname = parts[-1] if name else name_tokens.text
        key = self.surnames.get(surname) or self.surnames.get(name)
        if key is None and len(parts) == 1:
            key = self.given.get(name)  # "Dana" after "Dana Whitfield"
        key = key or f"person:{slug(name)}"
        words = [t.text for t in title_tokens if not self.lx.country_of(t.text)]
        title = " ".join(words).strip(" ,")
        lowered = title.lower()
        role = title if any(map(self.lx.title_word, lowered.split())) else None
        # A demonym before a public office gives a side ("Russian President X");
        # before a job it is only nationality ("Kenyan runner X").
        side = None
        if role and self.is_public(role):
            side = self.side_from(title_tokens)
        self._add(key, name, "person", side=side, role=role)
        if side:
            self.set_acts_for(key, self.state(side))
        self._gender_from(key, [t.text for t in title_tokens])
        if len(parts) > 1:
            self.given.setdefault(parts[0], key)
            sex = self.lx.given_names.get(parts[0])
            if sex is not None:
                self.gender.setdefault(key, sex)
        self.surnames.setdefault(surname, key)
        # "Luis Ferreira Montes" is later "Ferreira": a middle part that is no
        # given name may be the (first) surname.
        for part in parts[1:-1]:
            if (
                len(part) > 2
                and part[0].isupper()
                and part.capitalize() not in self.lx.given_names
            ):
                self.surnames.setdefault(part, key)
        return key

    def org(self, name: str, span: SpacySpan, ent: SpacySpan | None = None) -> str:
        """An organisation; public bodies named after a state act for it."""
        words = name.split()
        described: list[str] = []
        nouns = self.lx.media_nouns | self.lx.company_nouns
        if (
            len(words) > 1
            and words[-1][:1].isupper()
            and (
                not words[0][:1].isupper()
                # "Aussie magazine Dayly": a capitalised demonym before it.
                or any(w in nouns for w in words[1:-1])
            )
        ):
            # "the carmakers' union Autoworks": the proper name, not the description.
            run: list[str] = []
            for word in reversed(words):
                if not word[:1].isupper():
                    break
                run.insert(0, word)
            described = words[: len(words) - len(run)]
            name = " ".join(run)
        if name in self.acronyms:
            return self.acronyms[name]
        public = self.is_public(name)
        side = None
        if public:
            side = (
                self.lx.country_of(name)
                or self.side_from(span)
                or (self.side_from(ent) if ent is not None else None)
            )
        if side is None:
            # "the Coast Guard" after "the Norwegian Coast Guard", "Nordvik" after
            # "Nordvik Energy": a short form of an organisation named earlier;
            # "Nordvik Company" after "Nordvik": its full legal name.
            lowered = name.lower()
            for _, key in reversed(self.order):
                other = self.actors[key].name.lower()
                rest = lowered.removeprefix(other + " ").split()
                if self.actors[key].kind == "organisation" and (
                    other.endswith(" " + lowered)
                    or other.startswith(lowered + " ")
                    or (
                        lowered.startswith(other + " ")
                        and all(w in self.lx.org_suffixes for w in rest)
                    )
                ):
                    return key
        letters = initials(name)
        short = self.acronyms.get(letters) if len(letters) >= 2 else None
        lowered = name.lower()
        armed = any(noun in lowered for noun in self.lx.armed_forces_nouns)
        if short is not None and letters in (
            self.actors[short].name,
            initials(self.actors[short].name),
        ):
            # "The IRF said ..." before "the International Rowing
            # Federation": the acronym named this body first.
            self.actors[short].name = name
            if armed and side:
                short = self._rekey(short, f"org:armed-forces-{slug(side)}")
            self._add(short, name, "organisation", side=side)
            if side:
                self.set_acts_for(short, self.state(side))
            return short
        if armed and side:
            # One actor per state's armed forces: "the X military" = "X Defense Forces".
            key = f"org:armed-forces-{slug(side)}"
            existing = self.actors.get(key)
            self._add(key, name, "organisation", side=side)
            # The proper name wins: "Israel Defense Forces" over "Israeli military".
            if existing is not None and _proper(name) and not _proper(existing.name):
                existing.name = name
        else:
            key = self._add(f"org:{slug(name)}", name, "organisation", side=side)
        if described:
            self.heads.setdefault(key, set()).add(described[-1].lower().strip("'"))
        if side:
            self.set_acts_for(key, self.state(side))
        if len(letters) >= 2:
            self.acronyms.setdefault(letters, key)
            # "CMPD" for the "Charlotte-Mecklenburg Police Department".
            self.acronyms.setdefault(initials(re.sub(r"-(?=[A-Z])", " ", name)), key)
        lead, _, tail = name.partition(" ")
        if side and self.lx.country_of(lead) == side and len(initials(tail)) >= 3:
            # "the CPSC" for the "U.S. Consumer Product Safety Commission".
            self.acronyms.setdefault(initials(tail), key)
        self.acronyms.setdefault(name, key)
        return key

    def _rekey(self, old: str, new: str) -> str:
        """Give an actor the key its full name calls for (the acronym came first)."""
        actor = self.actors.pop(old)
        actor.key = new
        existing = self.actors.setdefault(new, actor)
        if existing is not actor:  # already known by another name: one actor
            existing.aliases += [a for a in actor.aliases if a not in existing.aliases]
            existing.mentions += [
                m for m in actor.mentions if m not in existing.mentions
            ]
        self.order = [(i, new if k == old else k) for i, k in self.order]
        for table in (self.acronyms, self.surnames):
            table.update({name: new for name, key in table.items() if key == old})
        for other in self.actors.values():
            other.acts_for = new if other.acts_for == old else other.acts_for
        if old in self.heads:
            self.heads.setdefault(new, set()).update(self.heads.pop(old))
        if old in self.plural:
            self.plural = (self.plural - {old}) | {new}
        if old in self.gender:
            self.gender.setdefault(new, self.gender.pop(old))
        return new

    def sided(
        self, prefix: str, phrase: SpacySpan, kind: ActorKind, **extra: Any
    ) -> str:
        """An actor named by ``phrase``, acting for the state the phrase names
        (unless it is a civilian group: "Peruvian residents" speak for themselves)."""
        name = clean(phrase.text)
        root = getattr(phrase, "root", None)
        civilian = root is not None and root.lemma_.lower() in self.lx.civilian_nouns
        side = None if civilian else self.side_from(phrase)
        key = self._add(f"{prefix}:{slug(name)}", name, kind, side=side, **extra)
        if side:
            self.set_acts_for(key, self.state(side))
        return key

    def short_org(self, word: str) -> str | None:
        """The organisation named earlier whose name starts with ``word``: "Dow"
        after "Dow Chemical" (a lone word the model did not tag)."""
        if len(word) < 3 or not word[:1].isupper():
            return None
        for _, key in reversed(self.order):
            actor = self.actors[key]
            if actor.kind == "organisation" and actor.name.split()[0] == word:
                return key
        return None

    def named_org(self, name: str) -> str | None:
        """The organisation registered under exactly ``name`` (apostrophes and
        case aside): "Dayly's Week" the model took for a work of art."""
        wanted = name.replace("’", "'").lower()
        for key, actor in self.actors.items():
            names = [actor.name, *actor.aliases]
            if actor.kind == "organisation" and any(
                n.replace("’", "'").lower() == wanted for n in names
            ):
                return key
        return None

    def full_org(self, name: str) -> str | None:
        """The organisation named earlier as ``name`` plus legal suffixes: "Baby
        Matters L.L.C." for "Baby Matters", which the model may take for a person."""
        for _, key in reversed(self.order):
            actor = self.actors[key]
            rest = actor.name.removeprefix(name + " ")
            if (
                actor.kind == "organisation"
                and rest != actor.name
                and all(
                    w.lower().replace(".", "") in self.lx.org_suffixes
                    or w.lower() in self.lx.org_suffixes
                    for w in rest.split()
                )
            ):
                return key
        return None

    def latest(self, before: int, test: Callable[[Actor], bool]) -> str | None:
        """The actor mentioned last before token ``before`` that passes ``test``."""
        return self._latest_at(before, test, lambda _: True)

    def following(self, after: int, test: Callable[[Actor], bool]) -> str | None:
        """The actor mentioned first after token ``after`` that passes ``test``."""
        later = sorted((index, key) for index, key in self.order if index > after)
        return next((key for _, key in later if test(self.actors[key])), None)

    def _latest_at(
        self,
        before: int,
        test: Callable[[Actor], bool],
        where: Callable[[int], bool],
    ) -> str | None:
        best: tuple[int, str] | None = None
        for index, key in self.order:
            if index < before and where(index) and test(self.actors[key]):
                if best is None or index >= best[0]:
                    best = (index, key)
        return best[1] if best else None

    def on_behalf(self, key: str, country: str) -> None:
        """Record that an actor spoke or acted in the name of a state."""
        self.set_acts_for(key, self.state(country))
