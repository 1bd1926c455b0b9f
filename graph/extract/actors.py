"""Actors: who the noun phrases of an article refer to.

Rules, not a list of people: named entities and institution noun phrases become
actors; titles, appositions and possessives give roles and who acts for whom;
surnames, acronyms, pronouns (with gender and number agreement) and definite
descriptions ("the ministry", "the union") corefer with the right earlier
mention. Sides are settled at the end by :mod:`graph.extract.sides`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from ..lexicon import Lexicon
from ..models import Actor
from .describe import resolve_description
from .employers import apposed_holder, employer, representations
from .firms import named_after_place, suffixed_firm
from .mentions import (
    FEMALE_PRONOUNS,
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    THING_PRONOUNS,
    clean,
    looks_like_name,
    np_span,
)
from .referents import refers_to_person
from .registry import ActorRegistry
from .sides import settle

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_AFFILIATION_PREPS = ("of", "for", "at", "from", "with")
_ACRONYM = re.compile(r"[A-Z]{2,8}")
_MODIFIERS = ("det", "poss", "amod", "compound")


def _untagged_acronym(token: Token) -> bool:
    """An acronym the NER model missed, used as a noun phrase ("The IRF said"):
    headline words in capitals ("BREAKING") have no determiner or subject role."""
    return (
        token.pos_ == "PROPN"
        and _ACRONYM.fullmatch(token.text) is not None
        and (
            token.dep_ in ("nsubj", "nsubjpass", "poss")
            or any(c.dep_ == "det" for c in token.children)
        )
    )


class ActorIndex(ActorRegistry):
    """Actors of one document, built as mentions are resolved in text order."""

    def __init__(
        self, doc: Doc, lexicon: Lexicon, quotes: list[tuple[int, int]] | None = None
    ) -> None:
        super().__init__(doc, lexicon, quotes)
        self._prime()

    def _prime(self) -> None:
        """Register named actors and institution phrases in text order.

        Later short forms (a surname, an acronym, "the ministry") then find them.
        """
        heads: list[tuple[int, SpacySpan | Token]] = []
        for ent in self.doc.ents:
            # "LIMA, Peru --": a dateline names a place, not an actor.
            if ent.start < 3 and ent.text.isupper():
                continue
            if ent.label_ in ("PERSON", "ORG", "GPE", "NORP"):
                heads.append((ent.root.i, ent))
        nouns = self.lx.institution_nouns | self.lx.armed_forces_nouns
        for token in self.doc:
            # A bare noun is rarely a mention: "on board", "in office".
            if (
                token.pos_ == "NOUN"
                and token.lemma_.lower() in nouns
                and token.i not in self._ents
                and token.dep_ != "compound"
                and (
                    token.tag_ == "NNS"
                    or any(c.dep_ in _MODIFIERS for c in token.children)
                )
            ):
                heads.append((token.i, token))
            elif _untagged_acronym(token) and token.i not in self._ents:
                heads.append((token.i, token))  # "The IRF dismissed ..."
        for _, item in sorted(heads, key=lambda pair: pair[0]):
            if isinstance(item, type(self.doc[0])):
                self.resolve(item)
                continue
            ent = cast("SpacySpan", item)
            # "Defense" in "French Defense Minister Jean Dupont" is a title word.
            head = ent.root
            while head.dep_ == "compound" and head.head.i != head.i:
                head = head.head
            if head.i != ent.root.i and head.ent_type_ == "PERSON":
                continue
            if ent.label_ in ("PERSON", "ORG"):
                self.resolve(ent.root)
            else:
                country = self.lx.country_of(ent.text)
                if country:
                    self._mention(self.state(country), ent)

    def in_quote(self, char: int) -> bool:
        """Whether a character offset lies inside a quotation."""
        return any(start <= char < end for start, end in self.quotes)

    def resolve(self, token: Token) -> str | None:
        """The actor key a noun-phrase head refers to, or None."""
        lower = token.lower_
        if token.pos_ == "PRON" or lower in ("its", "their", "his", "her"):
            return self._pronoun(token)
        span = np_span(token)
        if any(t.dep_ == "cc" and not t.ent_type_ for t in span):
            return None  # "the Israeli and Russian militaries": several actors
        key = self._resolve_span(token, span)
        if key is not None:
            self._mention(key, span)
        return key

    def _pronoun(self, token: Token) -> str | None:
        """he/she: the latest agreeing person; it/they: the latest body or state.

        Mentions inside quotations are skipped unless the pronoun is quoted too:
        a quotation's names rarely are what the narrator's "he" refers to.
        """
        lower = token.lower_
        quoted = self.in_quote(token.idx)

        def outside(key_index: int) -> bool:
            return quoted or not self.in_quote(self.doc[key_index].idx)

        if lower in PERSON_PRONOUNS:
            wanted = "f" if lower in FEMALE_PRONOUNS else "m"
            key = self._latest_at(
                token.i,
                lambda a: (
                    a.kind == "person" and self.gender.get(a.key, wanted) == wanted
                ),
                outside,
            )
            if key is not None:
                self.gender.setdefault(key, wanted)
            return key
        if lower in THING_PRONOUNS:
            return self._latest_at(
                token.i,
                lambda a: (
                    a.kind in ("organisation", "state", "group")
                    and a.key not in self.plural
                ),
                outside,
            )
        if lower in PLURAL_PRONOUNS:
            return self._latest_at(
                token.i, lambda a: a.kind in ("organisation", "state", "group"), outside
            )
        return None

    def _owner(self, token: Token, key: str) -> None:
        """ "Peru's Ministry of Defence", "its army": the owner is the principal."""
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None:
            principal = self.resolve(owner)
            if principal is not None and principal != key:
                self.set_acts_for(key, principal)

    def _affiliate(self, person: str, token: Token) -> None:
        """ "X, spokesman for the ministry" / "Commander X of the Coast Guard"."""
        for child in token.children:
            if child.dep_ == "appos":
                self._gender_from(person, [t.text for t in child.subtree])
                if any(t.lower_ in self.lx.former_words for t in child.lefts):
                    continue  # "a former employee at the firm" speaks for himself
                for grandchild in child.children:
                    if grandchild.dep_ == "prep" and grandchild.lower_ in (
                        _AFFILIATION_PREPS
                    ):
                        self._affiliate_pobj(person, grandchild)
                    if grandchild.dep_ == "poss":
                        self._affiliate_owner(person, grandchild)
            if child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPS:
                self._affiliate_pobj(person, child)
            if child.dep_ in ("relcl", "acl") and child.lemma_ == "represent":
                # "Attorney X, who is representing Y's family": acts for them.
                client = next((c for c in child.children if c.dep_ == "dobj"), None)
                principal = self.resolve(client) if client is not None else None
                if principal is not None and principal != person:
                    self.set_acts_for(person, principal)

    def _titled_appos(self, token: Token, ent: SpacySpan) -> bool:
        """ "Ada Lund, a spokeswoman for Norvex" with the name tagged ORG: a
        name in apposition to a title is a person's."""
        return (
            ent.label_ == "ORG"
            and len(ent.text.split()) <= 4
            and all(w[:1].isupper() for w in ent.text.split())
            and any(
                c.dep_ == "appos" and c.lemma_.lower() in self.lx.titles
                for c in token.children
            )
        )

    def _affiliate_pobj(self, person: str, prep: Token) -> None:
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.ent_type_ != "PERSON":
            org = self.resolve(pobj)
            # "convicted X of fraud" is no affiliation: only bodies and states.
            if org is not None and org != person:
                if self.actors[org].kind in ("organisation", "state"):
                    self.set_acts_for(person, org)

    def _affiliate_owner(self, person: str, owner: Token) -> None:
        org = self.resolve(owner)
        if org is not None and org != person:
            self.set_acts_for(person, org)

    def _ent(self, token: Token) -> SpacySpan | None:
        ent = self._ents.get(token.i)
        return ent if ent is not None and ent.label_ not in ("DATE", "TIME") else None

    def _named_appos(self, token: Token) -> Token | None:
        """The proper-name apposition of a description: "its chief, Jane Roe"."""
        named = (c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN")
        return next(named, None) or apposed_holder(token, self.lx)

    def _resolve_span(self, token: Token, span: SpacySpan) -> str | None:
        head = token.lemma_.lower()
        ent = self._ent(token)
        named = self._named_appos(token) if ent is None else None
        if named is not None and (token.pos_ == "NOUN" or token.is_lower):
            # "Its managing director, Jane Roe" / "the employers' group, the RTOG":
            # the apposed name is the canonical one.
            if head in self.lx.titles | self.lx.agent_titles:
                person = self._titled_person(named, span)
                self._owner(token, person)
                self._affiliate(person, token)
                return person
            found = self.resolve(named)
            if found is not None:
                self.heads.setdefault(found, set()).add(head)
                return found
        firm = suffixed_firm(self, token, ent) if ent is not None else None
        if firm is not None:
            return firm  # "Dorr Lane, LLC CEO Jim Dorr": the CEO, of the firm
        if (
            ent is not None
            and (ent.label_ == "PERSON" or self._titled_appos(token, ent))
            and ent[-1].lower_ not in self.lx.org_suffixes
        ):
            title = self._title(span, ent)
            full = self.full_org(clean(ent.text)) if not title else None
            if full is not None:
                return full  # "Baby Matters" after "Baby Matters L.L.C."
            if any(t.lemma_.lower() in self.lx.media_nouns for t in title):
                # "celebrity magazine Heat": an outlet, not a person.
                return self.org(clean(ent.text), span, ent)
            start = ent.start
            # "Lawyer Bobby DiCello", "Ms Marina Ashanin": the model takes a
            # leading title or honorific into the name ("Lady Gaga" keeps hers).
            gendered = self.lx.female_words | self.lx.male_words
            while start < ent.end - 1 and (
                self.lx.title_word(self.doc[start].lower_)
                or (self.doc[start].lower_ in gendered and ent.end - start > 2)
            ):
                start += 1
            title += list(self.doc[ent.start : start])
            key = self.person(self.doc[start : ent.end], title)
            employer(self, key, title)
            self._affiliate(key, token)
            return key
        if ent is not None and ent.label_ == "GPE" and named_after_place(ent, self.lx):
            # "Brennan Ireland", "Acme UK": a company named after a country.
            key = self.org(clean(ent.text), span, ent)
            self._owner(token, key)
            return key
        if ent is not None and ent.label_ in ("GPE", "NORP", "LOC"):
            country = self.lx.country_of(ent.text)
            determiner = next((c.lower_ for c in token.children if c.dep_ == "det"), "")
            if refers_to_person(token, span, determiner, frozenset(), country):
                # "The Russian, who has denied any wrongdoing": the athlete.
                found = self.latest(token.i, lambda a: a.kind == "person")
                if found is not None:
                    return found
            if country and ent.root.i == token.i:
                return self.state(country)
            nouns = self.lx.institution_nouns | self.lx.armed_forces_nouns
            if country and head in nouns:
                return self._described_org(token, span)
        if ent is not None and ent.label_ in (
            "ORG",
            "PERSON",
            "FAC",
            "PRODUCT",
            "WORK_OF_ART",
        ):
            name = clean(self.doc[ent.start : ent.end].text)
            country = self.lx.country_of(name)
            if country:  # the model often tags capitals and states as ORG
                return self.state(country)
            if ent.label_ not in ("ORG", "PERSON") and head not in (
                self.lx.institution_nouns
            ):
                return None
            if looks_like_name(self.doc[ent.start : ent.end]) and token.pos_ == "PROPN":
                prior = self.surnames.get(name) or self.surnames.get(name.split()[-1])
                if prior is not None:
                    return prior
            key = self.org(name, span, self.doc[ent.start : ent.end])
            self._owner(token, key)
            self._describe(key, token)
            return key
        return resolve_description(self, token, span)

    def _title(self, span: SpacySpan, ent: SpacySpan) -> list[Token]:
        # "Minister of Territorial Administration Paul Nji": the model hangs
        # "Minister" on the name as nmod, its "of" phrase below it.
        deps = ("compound", "amod", "nmod", "prep", "pobj")
        return [t for t in span if t.i < ent.start and t.dep_ in deps]

    def _titled_person(self, named: Token, span: SpacySpan) -> str:
        """A person named in apposition to a title ("the minister, Marte Lunde")."""
        name = np_span(named)
        name = self.doc[max(name.start, named.i - 3) : named.i + 1]
        words = [t for t in name if t.pos_ == "PROPN"]
        start = words[0].i if words else named.i
        key = self.person(self.doc[start : named.i + 1], list(span))
        actor = self.actors[key]
        actor.role = actor.role or clean(span.text)
        employer(self, key, [t for t in span if t.i < start])
        if actor.side is None and self.is_public(actor.role or ""):
            side = self.side_from(span)
            if side:
                self.set_acts_for(key, self.state(side))
        return key

    def _describe(self, key: str, token: Token) -> None:
        """ "Athletics Kenya (AK), the national federation": remember "federation"."""
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN":
                self.heads.setdefault(key, set()).add(child.lemma_.lower())
                self._mention(key, np_span(child))
            if (
                child.dep_ == "appos"
                and child.pos_ == "PROPN"
                and child.text.isupper()
                # "(ANI): Prime Minister's Office (PMO)" parsed as apposed to ANI.
                and child.text[0] == self.actors[key].name.removeprefix("The ")[:1]
            ):
                self.acronyms.setdefault(child.text, key)

    def _described_org(self, token: Token, span: SpacySpan) -> str:
        key = self.org(clean(span.text), span)
        self._owner(token, key)
        return key

    def finish(self) -> list[Actor]:
        """Actors with sides settled and propagated along ``acts_for`` chains."""
        representations(self)
        settle(self)
        return sorted(self.actors.values(), key=lambda a: a.key)
