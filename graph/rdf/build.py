"""Turn an :class:`~graph.models.Extraction` into RDF quads.

Default-graph quads are what claimgraph asserts (the article, spans, actors,
events, the speech acts); each assertion's content goes into its own named graph,
so what a source claims never becomes a fact of the graph.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, RDFS, SKOS, XSD, Literal, URIRef
from rdflib.term import Node

from ...ontology.vocab import CKG, GAF, LEX, NIF, PROV, SCHEMA, SEM
from ..models import Actor, Article, AspectValue, Assertion, Extraction, Span
from . import ids
from .identity import canonical_key, voice_of
from .quads import DEFAULT, Quad

_KIND_CLASS = {
    "state": CKG.State,
    "organisation": CKG.Organisation,
    "person": CKG.Person,
    "group": CKG.Group,
    "unknown": CKG.Actor,
}
_POLARITY = {
    "positive": CKG.Positive,
    "negative": CKG.Negative,
    "unknown": CKG.UnknownPolarity,
}
_CERTAINTY = {
    "certain": CKG.Certain,
    "probable": CKG.Probable,
    "possible": CKG.Possible,
    "underspecified": CKG.Underspecified,
}


def state_iri(name: str) -> URIRef:
    """The node of a state, minted from its canonical name."""
    return ids.actor_iri(f"state:{name}")


def _actor_iris(extraction: Extraction) -> dict[str, URIRef]:
    # States are minted from their name, so every article's "Russia" is one node
    # whatever key the extractor gave it.
    article = str(ids.article_iri(extraction.article.text))
    iris = {
        actor.key: state_iri(actor.name)
        if actor.kind == "state"
        else ids.actor_iri(
            canonical_key(actor),
            actor.side,
            None if actor.named or actor.side else article,
        )
        for actor in extraction.actors
    }
    for actor, principal in _voices(extraction).items():
        iris[actor] = iris[principal]
    return iris


def _voices(extraction: Extraction) -> dict[str, str]:
    """Unnamed spokespeople -> the organisation whose node they speak as."""
    actors = {actor.key: actor for actor in extraction.actors}
    voices = {key: voice_of(actor, actors) for key, actor in actors.items()}
    return {key: principal for key, principal in voices.items() if principal}


def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(round(value, 6))), datatype=XSD.decimal)


class _Builder:
    def __init__(self, extraction: Extraction) -> None:
        self.extraction = extraction
        self.article = ids.article_iri(extraction.article.text)
        self.actors = _actor_iris(extraction)
        self.voices = _voices(extraction)
        self.events = {
            event.key: ids.event_iri(self.article, event.key)
            for event in extraction.events
        }
        self.quads: list[Quad] = []

    def add(self, s: Node, p: Node, o: Node, g: URIRef = DEFAULT) -> None:
        self.quads.append((s, p, o, g))

    def span(self, span: Span) -> URIRef:
        node = ids.span_iri(self.article, span.start, span.end)
        self.add(node, RDF.type, CKG.Span)
        self.add(node, NIF.beginIndex, Literal(span.start, datatype=XSD.integer))
        self.add(node, NIF.endIndex, Literal(span.end, datatype=XSD.integer))
        self.add(node, NIF.anchorOf, Literal(span.text))
        self.add(node, NIF.referenceContext, self.article)
        return node

    def build_article(self, article: Article) -> None:
        node = self.article
        self.add(node, RDF.type, CKG.Article)
        self.add(node, NIF.isString, Literal(article.text))
        self.add(node, CKG.textSha256, Literal(ids.text_sha256(article.text)))
        self.add(node, CKG.articleKey, Literal(article.id))
        self.add(node, RDFS.label, Literal(article.title or article.id))
        if article.title:
            self.add(node, SCHEMA.headline, Literal(article.title))
        if article.url:
            self.add(node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI))
        if article.published:
            self.add(node, SCHEMA.datePublished, Literal(article.published))
        if article.outlet:
            outlet = ids.outlet_iri(article.outlet)
            self.add(node, SCHEMA.publisher, outlet)
            self.add(outlet, RDF.type, SCHEMA.Organization)
            self.add(outlet, SCHEMA.name, Literal(article.outlet))

    def build_actor(self, actor: Actor) -> None:
        node = self.actors[actor.key]
        if actor.key in self.voices:
            # The organisation's node: the spokesperson's title and mentions stay
            # on it as the evidence of the merge.
            self.add(node, SKOS.altLabel, Literal(actor.name))
            for mention in actor.mentions:
                self.add(node, GAF.denotedBy, self.span(mention))
            return
        self.add(node, RDF.type, _KIND_CLASS.get(actor.kind, CKG.Actor))
        self.add(node, RDF.type, CKG.Actor)
        self.add(node, SKOS.prefLabel, Literal(actor.name))
        self.add(node, CKG.actorKind, Literal(actor.kind))
        for alias in actor.aliases:
            if alias != actor.name:
                self.add(node, SKOS.altLabel, Literal(alias))
        if actor.role:
            self.add(node, CKG.roleLabel, Literal(actor.role))
        if actor.acts_for and actor.acts_for in self.actors:
            self.add(node, PROV.actedOnBehalfOf, self.actors[actor.acts_for])
        # Extraction settles parties; an actor built by hand without one speaks
        # for its state if it has one, else for itself (as extraction would).
        if actor.party in self.actors:
            party = self.actors[actor.party]
        elif actor.kind != "state" and actor.side:
            party = state_iri(actor.side)
        else:
            party = node
        self.add(node, CKG.party, party)
        if actor.kind == "state":
            self.add(node, CKG.side, node)
        elif actor.side:
            side = state_iri(actor.side)
            self.add(node, CKG.side, side)
            self.add(side, RDF.type, CKG.State)
            self.add(side, RDF.type, CKG.Actor)
            self.add(side, SKOS.prefLabel, Literal(actor.side))
            self.add(side, CKG.actorKind, Literal("state"))
            self.add(side, CKG.side, side)
            self.add(side, CKG.party, side)
            if not actor.acts_for:
                self.add(node, PROV.actedOnBehalfOf, side)
        for mention in actor.mentions:
            self.add(node, GAF.denotedBy, self.span(mention))

    def build_events(self) -> None:
        for event in self.extraction.events:
            node = self.events[event.key]
            self.add(node, RDF.type, CKG.Event)
            self.add(node, SEM.eventType, LEX[event.type])
            self.add(node, RDFS.label, Literal(event.label))
            self.add(node, CKG.incident, node)
            self.add(node, PROV.wasDerivedFrom, self.article)
            for key in event.participants:
                if key in self.actors:
                    self.add(node, CKG.hasParticipant, self.actors[key])
            if event.place:
                self.add(node, CKG.placeText, Literal(event.place))
            if event.time:
                self.add(node, CKG.timeText, Literal(event.time))
            if event.date:
                self.add(node, SEM.hasTimeStamp, Literal(event.date, datatype=XSD.date))
            for mention in event.mentions:
                self.add(node, GAF.denotedBy, self.span(mention))

    def build_assertions(self) -> None:
        nodes: list[URIRef] = []
        for item in self.extraction.assertions:
            nodes.append(
                ids.assertion_iri(
                    self.article,
                    item.speaker,
                    item.cue.start,
                    item.content.start,
                    item.content.end,
                )
            )
        for node, item in zip(nodes, self.extraction.assertions, strict=True):
            self.build_assertion(node, item)
            if item.parent is not None and 0 <= item.parent < len(nodes):
                self.add(node, CKG.nestedIn, nodes[item.parent])

    def build_assertion(self, node: URIRef, item: Assertion) -> None:
        add = self.add
        add(node, RDF.type, CKG.Assertion)
        add(node, PROV.wasAttributedTo, self.actors[item.speaker])
        add(node, PROV.wasDerivedFrom, self.article)
        add(node, CKG.reportingVerb, LEX[item.cue_class])
        add(node, CKG.cueLemma, Literal(item.cue_lemma))
        add(node, CKG.pattern, Literal(item.pattern))
        if item.rejects:
            add(node, CKG.rejectsClaim, Literal(True))
        if item.refers_back:
            add(node, CKG.refersBack, Literal(True))
        add(node, CKG.polarity, _POLARITY[item.polarity])
        add(node, CKG.certainty, _CERTAINTY[item.certainty])
        add(node, CKG.extractionConfidence, _decimal(item.confidence))
        add(node, CKG.cueSpan, self.span(item.cue))
        add(node, CKG.sourceSpan, self.span(item.speaker_span))
        content_span = self.span(item.content)
        add(node, CKG.quoteSpan, content_span)
        if item.target and item.target in self.actors:
            add(node, CKG.target, self.actors[item.target])
        event = self.events.get(item.event) if item.event else None
        if event is not None:
            add(node, CKG.aboutEvent, event)
        claim = ids.claim_iri(node)
        add(node, CKG.hasContent, claim)
        add(claim, RDF.type, CKG.ClaimGraph)
        add(claim, GAF.denotedBy, content_span)
        for index, value in enumerate(item.values):
            self.build_value(node, claim, event or claim, index, value)

    def build_value(
        self,
        assertion: URIRef,
        claim: URIRef,
        subject: URIRef,
        index: int,
        value: AspectValue,
    ) -> None:
        node = ids.value_iri(assertion, index)
        self.add(subject, CKG.hasAspectValue, node, claim)
        self.add(node, RDF.type, CKG.AspectValue, claim)
        self.add(node, CKG.aspect, LEX[value.aspect], claim)
        self.add(node, CKG.valueKind, Literal(value.kind), claim)
        self.add(node, CKG.valueSpan, self.span(value.span), claim)
        if value.actor and value.actor in self.actors:
            self.add(node, CKG.valueActor, self.actors[value.actor], claim)
        if value.positive is not None:
            self.add(node, CKG.valueHolds, Literal(value.positive), claim)
        if value.number is not None:
            self.add(node, CKG.valueNumber, _decimal(value.number), claim)
            self.add(node, CKG.comparator, Literal(value.comparator), claim)
        if value.unit:
            self.add(node, CKG.unit, Literal(value.unit), claim)
        if value.partial:
            self.add(node, CKG.partial, Literal(True), claim)


def extraction_quads(extraction: Extraction) -> list[Quad]:
    """All quads for one article, deduplicated, in a stable order."""
    builder = _Builder(extraction)
    builder.build_article(extraction.article)
    for actor in extraction.actors:
        builder.build_actor(actor)
    builder.build_events()
    builder.build_assertions()
    return list(dict.fromkeys(builder.quads))
