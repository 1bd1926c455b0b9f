"""Actors: who the noun phrases of an article refer to, and which state they serve.

Rules, not a list of people: named entities and institution noun phrases become
actors; demonyms, country names, capitals, "the State of X" and "on behalf of X"
give a side; titles and possessives give roles and who acts for whom; surnames,
acronyms, pronouns and definite descriptions ("the ministry") corefer with the
right earlier mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graph.ids import slug
from graph.lexicon import Lexicon
from graph.models import Actor, ActorKind, Span

Token = Any  # spacy.tokens.Token; spaCy ships no type stubs
SpacySpan = Any

_NP_LEFT = {"compound", "amod", "det", "poss", "nmod", "case", "nummod", "quantmod"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
_THING_PRONOUNS = {"it", "they", "them", "its", "their"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}


def np_span(token: Token) -> SpacySpan:
    """The noun phrase a head token stands for: its left modifiers and itself."""
    start = token.i
    for child in token.lefts:
        if child.dep_ in _NP_LEFT:
            start = min(start, child.left_edge.i)
    return token.doc[start : token.i + 1]


def _clean(text: str) -> str:
    text = re.sub(r"['\u2019]s$", "", text.strip())
    words = text.split()
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


class ActorIndex:
    """Actors of one document, built as mentions are resolved in text order."""

    def __init__(self, doc: Any, lexicon: Lexicon) -> None:
        self.doc = doc
        self.lx = lexicon
        self.actors: dict[str, Actor] = {}
        self.order: list[tuple[int, str]] = []  # (token index, key) of mentions
        self.acronyms: dict[str, str] = {}
        self.surnames: dict[str, str] = {}
        self._prime()

    # -- building -----------------------------------------------------------

    def _prime(self) -> None:
        """Register named people and organisations, so later short forms resolve."""
        for ent in self.doc.ents:
            # "LIMA, Peru --": a dateline names a place, not an actor.
            if ent.start < 3 and ent.text.isupper():
                continue
            # "Defense" in "French Defense Minister Jean Dupont" is a title word.
            head = ent.root
            while head.dep_ == "compound" and head.head.i != head.i:
                head = head.head
            if head.i != ent.root.i and head.ent_type_ == "PERSON":
                continue
            if ent.label_ in ("PERSON", "ORG"):
                self.resolve(ent.root, register=True)
            elif ent.label_ in ("GPE", "NORP"):
                country = self.lx.country_of(ent.text)
                if country:
                    self._mention(self.state(country), ent)

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
        text = self.doc.text[span.start_char : span.end_char]
        mention = Span(span.start_char, span.end_char, text)
        if mention not in actor.mentions:
            actor.mentions.append(mention)
        self.order.append((span.root.i, key))
        return key

    def _side_from(self, tokens: SpacySpan) -> str | None:
        for ent in tokens.ents if hasattr(tokens, "ents") else []:
            country = self.lx.country_of(ent.text)
            if country:
                return country
        for token in tokens:
            country = self.lx.country_of(token.text)
            if country and (token.pos_ in ("PROPN", "ADJ", "NOUN")):
                return country
        return None

    def _set_acts_for(self, key: str, principal: str) -> None:
        actor = self.actors[key]
        if key != principal and actor.acts_for is None and actor.kind != "state":
            actor.acts_for = principal
            actor.side = actor.side or self.actors[principal].side

    # -- resolving ----------------------------------------------------------

    def recent(self, before: int, kinds: tuple[str, ...]) -> str | None:
        """The latest actor of one of ``kinds`` mentioned before token ``before``."""
        return self.latest(before, lambda actor: actor.kind in kinds)

    def resolve(self, token: Token, register: bool = False) -> str | None:
        """The actor key a noun-phrase head refers to, or None."""
        lower = token.lower_
        if token.pos_ == "PRON" or lower in ("its", "their", "his", "her"):
            if lower in _PERSON_PRONOUNS:
                return self.recent(token.i, ("person",))
            if lower in _THING_PRONOUNS:
                return self.recent(token.i, ("organisation", "state", "group"))
            return None
        span = np_span(token)
        key = self._resolve_span(token, span)
        if key is not None:
            self._mention(key, span)
        return key

    def _person(self, ent: SpacySpan, span: SpacySpan) -> str:
        name = _clean(ent.text)
        surname = name.split()[-1]
        key = self.surnames.get(surname) or f"person:{slug(name)}"
        title_tokens = [
            t for t in span if t.i < ent.start and t.dep_ in ("compound", "amod")
        ]
        title = " ".join(t.text for t in title_tokens if not self.lx.country_of(t.text))
        side = (
            self._side_from(span.doc[span.start : ent.start]) if title_tokens else None
        )
        role = (
            title
            if title
            and title.lower().split()[-1] in self.lx.titles
            or any(w in self.lx.titles for w in title.lower().split())
            else None
        )
        self._add(key, name, "person", side=side, role=role)
        if side:
            self._set_acts_for(key, self.state(side))
        self.surnames.setdefault(surname, key)
        return key

    def _org(
        self, name: str, span: SpacySpan, head_lemma: str, ent: SpacySpan | None = None
    ) -> str:
        words = name.split()
        if len(words) > 1 and words[-1][:1].isupper() and not words[0][:1].isupper():
            # "the dockworkers' union Havenbond": the proper name, not the description.
            run: list[str] = []
            for word in reversed(words):
                if not word[:1].isupper():
                    break
                run.insert(0, word)
            name = " ".join(run)
        if name in self.acronyms:
            return self.acronyms[name]
        side = (
            self.lx.country_of(name)
            or self._side_from(span)
            or (self._side_from(ent) if ent is not None else None)
        )
        if side is None:
            # "the Coast Guard" after "the Norwegian Coast Guard": a short form.
            for _, key in reversed(self.order):
                actor = self.actors[key]
                if actor.kind == "organisation" and actor.name.lower().endswith(
                    " " + name.lower()
                ):
                    return key
        lowered = name.lower()
        armed = any(noun in lowered for noun in self.lx.armed_forces_nouns)
        if armed and side:
            key = f"org:armed-forces-{slug(side)}"
            proper = name[:1].isupper() and not lowered.startswith(
                tuple(d.lower() for d in self._demonyms(side))
            )
            existing = self.actors.get(key)
            if existing is None or (proper and not existing.name[:1].isupper()):
                pass
            self._add(key, name, "organisation", side=side)
            if proper and existing is not None:
                existing.name = name
        else:
            key = f"org:{slug(name)}"
            self._add(key, name, "organisation", side=side)
        if side:
            self._set_acts_for(key, self.state(side))
        initials = _initials(name)
        if len(initials) >= 2:
            self.acronyms.setdefault(initials, key)
        self.acronyms.setdefault(name, key)
        return key

    def _demonyms(self, country: str) -> tuple[str, ...]:
        for item in self.lx.countries:
            if item.name == country:
                return (*item.demonyms, item.name)
        return (country,)

    def _affiliate(self, person: str, token: Token) -> None:
        """ "X, spokesman for the ministry" / "Commander X of the Coast Guard"."""
        for child in token.children:
            if child.dep_ == "appos":
                for grandchild in child.children:
                    if grandchild.dep_ == "prep" and grandchild.lower_ in (
                        "of",
                        "for",
                        "at",
                    ):
                        self._affiliate_pobj(person, grandchild)
                    if grandchild.dep_ == "poss":
                        self._affiliate_owner(person, grandchild)
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "at"):
                self._affiliate_pobj(person, child)

    def _affiliate_pobj(self, person: str, prep: Token) -> None:
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.ent_type_ != "PERSON":
            org = self.resolve(pobj)
            if org is not None and org != person:
                self._set_acts_for(person, org)

    def _affiliate_owner(self, person: str, owner: Token) -> None:
        org = self.resolve(owner)
        if org is not None and org != person:
            self._set_acts_for(person, org)

    def _by_ministry(self, person: str) -> None:
        """A "Fisheries Minister" acts for the article's fisheries ministry."""
        actor = self.actors[person]
        if actor.acts_for or not actor.role:
            return
        words = [
            w for w in actor.role.lower().split() if w not in ("minister", "of", "the")
        ]
        if not words or "minister" not in actor.role.lower():
            return
        first = min((i for i, k in self.order if k == person), default=len(self.doc))
        matches = [
            (index, key)
            for index, key in self.order
            if self.actors[key].kind == "organisation"
            and "ministry" in self.actors[key].name.lower()
            and all(w in self.actors[key].name.lower() for w in words)
        ]
        # Several ministries of that name (one per side): the one named last
        # before the minister is the one the text introduces them with.
        before = [m for m in matches if m[0] < first]
        if before:
            self._set_acts_for(person, max(before)[1])

    def _resolve_span(self, token: Token, span: SpacySpan) -> str | None:
        doc = self.doc
        # "Its managing director, Jane Roe, said": the apposed name is the speaker.
        if token.lemma_.lower() in self.lx.titles and token.ent_type_ != "PERSON":
            named = next(
                (
                    c
                    for c in token.children
                    if c.dep_ == "appos" and c.ent_type_ == "PERSON"
                ),
                None,
            )
            if named is not None:
                key = self.resolve(named)
                if key is not None:
                    actor = self.actors[key]
                    actor.role = actor.role or _clean(span.text)
                    owner = next((c for c in token.children if c.dep_ == "poss"), None)
                    if owner is not None:
                        self._affiliate_owner(key, owner)
                    self._affiliate(key, token)
                    return key
        ent = next(
            (e for e in doc.ents if e.start <= token.i < e.end and e.label_ != "DATE"),
            None,
        )
        # "the mayor's office": an organisation owned by a person acts for them.
        owner = next((c for c in token.lefts if c.dep_ == "poss"), None)
        if (
            ent is None
            and owner is not None
            and token.lemma_.lower() in self.lx.institution_nouns
        ):
            principal = self.resolve(owner)
            name = _clean(span.text)
            key = self._add(f"org:{slug(name)}", name, "organisation")
            if principal:
                self._set_acts_for(key, principal)
            return key
        if ent is not None and ent.label_ == "PERSON":
            key = self._person(ent, span)
            self._affiliate(key, token)
            return key
        if ent is not None and ent.label_ in ("GPE", "NORP", "LOC"):
            country = self.lx.country_of(ent.text)
            head = token.lemma_.lower()
            if country and ent.root.i == token.i:
                return self.state(country)
            if country and (
                head in self.lx.institution_nouns or head in self.lx.armed_forces_nouns
            ):
                return self._org(_clean(span.text), span, head)
        if ent is not None and ent.label_ == "ORG":
            name = _clean(doc[ent.start : ent.end].text)
            country = self.lx.country_names.get(name.lower())
            if country:  # the model often tags capitals and states as ORG
                return self.state(country)
            return self._org(name, span, token.lemma_.lower(), doc[ent.start : ent.end])
        head = token.lemma_.lower()
        if token.lower_ in self.acronyms:
            return self.acronyms[token.lower_]
        if token.text in self.acronyms:
            return self.acronyms[token.text]
        country = self.lx.country_of(token.text)
        if country and token.pos_ in ("PROPN", "NOUN", "ADJ"):
            return self.state(country)
        if head in self.lx.institution_nouns or head in self.lx.armed_forces_nouns:
            name = _clean(span.text)
            if self._side_from(span) or any(t.pos_ == "PROPN" for t in span):
                return self._org(name, span, head)

            # "the ministry": the latest actor named with the same head noun,
            # else ("the company", "the agency") the latest organisation.
            def same_head(actor: Actor) -> bool:
                words = actor.name.lower().split()
                return bool(words) and (
                    words[-1].rstrip("s") == head.rstrip("s") or head in words
                )

            found = self.latest(token.i, same_head)
            if found:
                return found
            if len(name.split()) > 1:
                # "the environment ministry": a body of its own, not an earlier one.
                return self._org(name, span, head)
            # A bare "the company" or "the group": the organisation named last.
            found = self.latest(token.i, lambda a: a.kind == "organisation")
            return found or self._add(f"group:{slug(name)}", name, "group")
        if head in self.lx.titles:
            # "the prime minister": the person who holds that title.
            title = _clean(span.text).lower()
            found = self.latest(
                token.i,
                lambda a: (
                    a.kind == "person" and bool(a.role) and title in str(a.role).lower()
                ),
            )
            if found:
                return found
            return self._sided("person", span, "person", role=_clean(span.text))
        if token.pos_ == "NOUN" and token.tag_ == "NNS" and self._side_from(span):
            # "Russian officials", "Israeli militaries": a group of one side.
            return self._sided("group", span, "group")
        return self._fallback(token, span)

    def _sided(
        self, prefix: str, phrase: SpacySpan, kind: ActorKind, **extra: Any
    ) -> str:
        """An actor named by ``phrase``, acting for the state the phrase names."""
        name = _clean(phrase.text)
        side = self._side_from(phrase)
        key = self._add(f"{prefix}:{slug(name)}", name, kind, side=side, **extra)
        if side:
            self._set_acts_for(key, self.state(side))
        return key

    def _fallback(self, token: Token, span: SpacySpan) -> str | None:
        """A speaker the rules above do not know: a name, or a described group."""
        if token.pos_ == "PROPN":
            surname = token.text
            if surname in self.surnames:
                return self.surnames[surname]
            of = next(
                (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"),
                None,
            )
            if of is not None and any(t.pos_ == "PROPN" for t in of.subtree):
                # "the Superintendency of the Environment": a named body.
                phrase = token.doc[span.start : of.right_edge.i + 1]
                return self._org(_clean(phrase.text), phrase, token.lemma_.lower())
            name = _clean(span.text)
            if len(name.split()) <= 3 and all(w[:1].isupper() for w in name.split()):
                key = self._add(f"person:{slug(name)}", name, "person")
                self.surnames.setdefault(name.split()[-1], key)
                return key
            return self._org(name, span, token.lemma_.lower())
        named = next(
            (c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None
        )
        if named is not None:
            return self.resolve(named)
        if token.pos_ == "NOUN":
            # "Residents of the village", "two people familiar with the matter".
            phrase = token.doc[token.left_edge.i : token.right_edge.i + 1]
            return self._sided("group", phrase if len(phrase) <= 8 else span, "group")
        return None

    def latest(self, before: int, test: Callable[[Actor], bool]) -> str | None:
        """The actor mentioned last before token ``before`` that passes ``test``."""
        best: tuple[int, str] | None = None
        for index, key in self.order:
            if index < before and test(self.actors[key]):
                if best is None or index >= best[0]:
                    best = (index, key)
        return best[1] if best else None

    def on_behalf(self, key: str, country: str) -> None:
        """Record that an actor spoke or acted in the name of a state."""
        self._set_acts_for(key, self.state(country))

    def home(self) -> str | None:
        """The state of the dateline ("CORK, Ireland —", "BOGOTÁ —"), if one."""
        first = self.doc.text.split("\n", 1)[0]
        for mark in ("\u2014", " -- ", " - ", "("):
            if mark in first[:80]:
                head = first[: first.index(mark)]
                break
        else:
            return None
        places = {
            self.lx.country_of(part.strip())
            for part in re.split(r"[/,]", head)
            if part.strip()
        }
        places.discard(None)
        return places.pop() if len(places) == 1 else None

    def _public_body(self, actor: Actor) -> bool:
        words = {
            w.strip("'\u2019s").lower() for w in (actor.role or actor.name).split()
        }
        return bool(words & self.lx.government_nouns)

    def finish(self) -> list[Actor]:
        """Actors with sides propagated along ``acts_for`` chains."""
        for key in [k for k, a in self.actors.items() if a.kind == "person"]:
            self._by_ministry(key)
        home = self.home()
        if home is not None:
            # A public body or official the text gives no side serves the
            # dateline's state: a domestic story names its own officials bare.
            for actor in list(self.actors.values()):
                if (
                    actor.kind != "state"
                    and actor.acts_for is None
                    and self._public_body(actor)
                ):
                    self._set_acts_for(actor.key, self.state(home))
        for actor in self.actors.values():
            seen = {actor.key}
            current = actor
            while (
                actor.side is None and current.acts_for and current.acts_for not in seen
            ):
                seen.add(current.acts_for)
                current = self.actors[current.acts_for]
                actor.side = current.side
        return sorted(self.actors.values(), key=lambda a: a.key)
