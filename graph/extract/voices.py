"""Whom a statement speaks for when its speaker names no body: the
organisation its own words have as subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..lexicon import Lexicon
    from .actors import ActorIndex
    from .candidates import Candidate


def voice_named_in_quote(item: Candidate, actors: ActorIndex, lx: Lexicon) -> None:
    """ "'Dow confirms there was no basis for this report,' spokeswoman Marina
    Ashanin said": a spokesperson who names no body speaks for the organisation
    her own statement has as its subject; a statement with no issuer is that
    organisation's."""
    speaker = actors.actors.get(item.speaker or "")
    inside = {t.i for t in item.tokens}
    root = item.root or next(
        (t for t in item.tokens if t.head.i == t.i or t.head.i not in inside), None
    )
    token = item.speaker_token
    # "A statement to the Planet reads, 'Dayly stands by our story'": a
    # document with no issuer is the statement of the body it has as subject.
    document = (
        speaker is not None
        and speaker.kind == "group"
        and token is not None
        and token.lemma_.lower() in lx.document_nouns
    )
    if (
        speaker is None
        or root is None
        or speaker.acts_for is not None
        or not (
            document
            or speaker.kind == "person"
            and any(w in lx.voice_titles for w in (speaker.role or "").lower().split())
        )
    ):
        return
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if (
        subject is None
        or subject.pos_ == "PRON"  # "It is false", "We regret": no name
        or not (
            subject.text[:1].isupper() or subject.lemma_.lower() in lx.company_nouns
        )
    ):
        return  # a name ("Dalvik confirms"), or "the company regrets"
    body = actors.resolve(subject)
    if body is None or actors.actors[body].kind != "organisation":
        # "Dayly's Week stands by ...": a name the model took for a work of art.
        body = actors.named_org(subject.doc[subject.left_edge.i : subject.i + 1].text)
    if body is not None and actors.actors[body].kind == "organisation":
        if document:
            item.speaker = body
        else:
            actors.set_acts_for(speaker.key, body)


def client_of_filing(item: Candidate, actors: ActorIndex, lx: Lexicon) -> None:
    """ "In Norvex's motion, lawyers Ann Bell and Tom Ray of Bell Ray LLP
    accuse ...": agents who speak in a client's filing act for the client, not
    for the firm that employs them."""
    token, speaker = item.speaker_token, actors.actors.get(item.speaker or "")
    if token is None or speaker is None or speaker.kind not in ("person", "group"):
        return
    doc = token.doc
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "lawyers Ann Bell and Tom Ray": Ray's title too
    words = [t.lemma_.lower() for t in doc[first.left_edge.i : token.i + 1]]
    if not set(words) & lx.agent_titles:
        return
    # The model may hang "In X's motion" on another verb of the sentence.
    for prep in doc[item.cue.sent.start : token.i]:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for filing in prep.children:
            owner = next((c for c in filing.children if c.dep_ == "poss"), None)
            if filing.lemma_.lower() in lx.document_nouns and owner is not None:
                client = actors.resolve(owner)
                if client is not None and client != speaker.key:
                    speaker.acts_for = client
                    return
