"""Whom a titled person works for: "Dalton Motors spokesman Peter Hale",
"Brookfield police chief Dana Ortiz"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..models import Actor
from .mentions import clean
from .referents import has_head
from .registry import ActorRegistry

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..lexicon import Lexicon


def employer(index: ActorRegistry, person: str, title: list[Token]) -> None:
    """ "Dalton Motors spokesman Peter Hale": the organisation named in the
    title (an ORG entity before the role noun) is the one he speaks for."""
    if _client(index, person, title) or _member(index, person, title):
        return
    run = [t for t in title if t.ent_type_ == "ORG" and t.pos_ == "PROPN"]
    if not run:
        _local_body(index, person, title)
        return
    if run[-1].i + 1 >= len(index.doc):
        return
    if [t.i for t in run] != list(range(run[0].i, run[-1].i + 1)):
        return  # not one name
    name = index.doc[run[0].i : run[-1].i + 1]
    after = index.doc[run[-1].i + 1]
    if index.lx.country_of(name.text) or not (
        after.is_lower or after.lemma_.lower() in index.lx.titles
    ):
        return  # a state's official is sided elsewhere; no role noun follows
    org = index.org(clean(name.text), name, name)
    if org != person:
        index.set_acts_for(person, org)


def _member(index: ActorRegistry, person: str, title: list[Token]) -> bool:
    """ "said parent Melinda Huntoon" after "parents said": one of a civilian
    group the story names speaks with it."""
    nouns = [t for t in title if t.lemma_.lower() in index.lx.civilian_nouns]
    if not nouns:
        return False
    noun = nouns[-1].lemma_.lower().rstrip("s")

    def group(actor: Actor) -> bool:
        words = actor.name.lower().split()
        return (
            actor.key in index.plural
            and actor.key != person
            and bool(words)
            and words[-1].rstrip("s") == noun
        )

    # The latest such group named before the title, whatever the set order.
    key = index.latest(nouns[-1].i, group)
    if key is None:
        return False
    index.set_acts_for(person, key)
    return True


def _local_body(index: ActorRegistry, person: str, title: list[Token]) -> None:
    """ "Brookfield police chief Dana Ortiz": a place and an institution noun
    before the role name the body he speaks for ("Brookfield police"); a
    state's bodies ("Russian defence ministry spokesman") are sided elsewhere."""
    nouns = index.lx.institution_nouns | index.lx.armed_forces_nouns
    body = [t for t in title if t.lemma_.lower() in nouns]
    if not body or index.side_from(title) or body[-1].i + 1 >= len(index.doc):
        return
    noun = body[-1]
    start = noun.i
    while start > 0 and index.doc[start - 1].ent_type_ in ("GPE", "ORG", "FAC"):
        start -= 1
    if index.doc[noun.i + 1].lemma_.lower() not in index.lx.titles:
        return  # "Brookfield police" names a body only before a role
    if start == noun.i:  # "Police Chief X": the police the story names
        head = noun.lemma_.lower()
        found = index.latest(noun.i, has_head(index, head))
        org = found or index.following(noun.i, has_head(index, head))
    else:
        name = index.doc[start : noun.i + 1]
        org = index._mention(index.org(clean(name.text), name), name)
    if org is not None and org != person:
        index.set_acts_for(person, org)


def _client(index: ActorRegistry, person: str, title: list[Token]) -> bool:
    """ "Evans attorney Joe Lane", "Trump spokesman X", "the Reyes family lawyer
    Y", "Evans's attorney Joe Lane": the person or family named before an
    agent's title is the client."""
    agents = [t for t in title if t.lemma_.lower() in index.lx.agent_titles]
    if not agents or agents[-1].i == 0:
        return False
    owner = next((c for c in agents[-1].children if c.dep_ == "poss"), None)
    if owner is not None:
        # "Gatlin's attorney Maurice Suh", "his lawyer Joe Lane".
        client = index.surnames.get(owner.text) or index.resolve(owner)
        if client is not None and client != person:
            index.set_acts_for(person, client)
            return True
    before = index.doc[agents[-1].i - 1]
    if before not in title or before.dep_ != "compound" or before.ent_type_ == "ORG":
        return False  # "Dalton Motors spokesman": a body, see employer()
    if not (
        before.pos_ == "PROPN"
        or before.text in index.surnames  # a surname the model took for a noun
        or before.lemma_.lower() == "family"
    ):
        return False
    client = index.surnames.get(before.text) or index.resolve(before)
    if client is None or client == person:
        return False
    index.set_acts_for(person, client)
    return True


#: Verbs of speaking for someone: "X was acting on behalf of Y", "X, who
#: represents Y", "X appeared for Y", "X spoke for Y".
_ON_BEHALF = frozenset({"act", "appear", "speak"})


def representations(index: ActorRegistry) -> None:
    """People who act for someone by what the text says they do: "Mr Ray was
    acting on behalf of Mr Cole", "Ann Lee, who represents the family"."""
    for verb in index.doc:
        lemma = verb.lemma_.lower()
        if lemma not in _ON_BEHALF and lemma != "represent":
            continue
        agent = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if (
            agent is not None
            and agent.lower_ in ("who", "that")
            and verb.dep_ == "relcl"
        ):
            agent = verb.head  # "Ann Lee, who represents the family"
        if agent is None:
            continue
        client = None
        if lemma == "represent":
            client = next((c for c in verb.children if c.dep_ == "dobj"), None)
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.lower_ == "for" and lemma in _ON_BEHALF:
                client = pobj
            elif prep.lower_ == "on" and pobj is not None and pobj.lower_ == "behalf":
                of = next((c for c in pobj.children if c.lower_ == "of"), None)
                client = (
                    next((c for c in of.children if c.dep_ == "pobj"), None)
                    if of
                    else None
                )
        if client is None or not _actor_like(index, client):
            continue  # "spoke for twenty minutes"
        who, whom = index.resolve(agent), index.resolve(client)
        if who and whom and who != whom and index.actors[who].kind == "person":
            index.set_acts_for(who, whom)


def _actor_like(index: ActorRegistry, token: Token) -> bool:
    """A name, a pronoun or a noun for a body or for people."""
    lx = index.lx
    return (
        token.pos_ in ("PROPN", "PRON")
        or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or token.lemma_.lower()
        in lx.institution_nouns | lx.civilian_nouns | lx.government_nouns
    )


def apposed_holder(title: Token, lx: Lexicon) -> Token | None:
    """ "The head of Zandia's Water Board, Ivo Marek, said": the model hangs
    the holder's name on the body; a person's name there names the title's
    holder."""
    if title.lemma_.lower() not in lx.titles:
        return None
    for prep in title.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for body in prep.children:
            for child in body.children:
                if child.dep_ == "appos" and child.ent_type_ == "PERSON":
                    return child
    return None
