"""The ckg: vocabulary as a typed rdflib namespace, in sync with ``ckg.ttl``.

A typo in a term is an error (``_fail = True``). Concepts defined in the lexicons
(cue classes, aspects, event types) are not listed here: mint them with
``LEX[name]``, because users extend the lexicons without touching Python.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

NS = "https://w3id.org/claimgraph/ns#"
#: Instance data: articles, actors, events, assertions, findings.
DATA = Namespace("https://w3id.org/claimgraph/id/")
#: Lexicon concepts share the ckg: namespace but are open-ended.
LEX = Namespace(NS)


#: The ontology's own IRI (``ckg.ttl`` declares it an ``owl:Ontology``).
ONTOLOGY = URIRef("https://w3id.org/claimgraph/ns")

# Vocabularies the graph reuses (one place: build, store, workset and exports).
PROV = Namespace("http://www.w3.org/ns/prov#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GAF = Namespace("http://groundedannotationframework.org/gaf#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
DCTERMS = Namespace("http://purl.org/dc/terms/")

#: Prefixes every query is run with (``initNs``) and a remote query is sent with.
PREFIXES = {
    "ckg": Namespace(NS),
    "prov": PROV,
    "sem": SEM,
    "gaf": GAF,
    "nif": NIF,
    "schema": SCHEMA,
    "org": ORG,
    "skos": Namespace("http://www.w3.org/2004/02/skos/core#"),
    "rdf": Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    "rdfs": Namespace("http://www.w3.org/2000/01/rdf-schema#"),
    "owl": Namespace("http://www.w3.org/2002/07/owl#"),
    "xsd": Namespace("http://www.w3.org/2001/XMLSchema#"),
    "dcterms": DCTERMS,
}


class CKG(DefinedNamespace):
    """Terms of ontology/ckg.ttl."""

    _fail = True
    _NS = Namespace(NS)

    Actor: URIRef
    Agreement: URIRef
    Article: URIRef
    Aspect: URIRef
    AspectValue: URIRef
    Assertion: URIRef
    Certain: URIRef
    Certainties: URIRef
    CertaintyValue: URIRef
    ClaimGraph: URIRef
    ConflictType: URIRef
    ConflictTypes: URIRef
    Contradiction: URIRef
    Corroboration: URIRef
    Dispute: URIRef
    Event: URIRef
    EventFamily: URIRef
    Finding: URIRef
    Group: URIRef
    ImplicationConflict: URIRef
    Negative: URIRef
    NumericConflict: URIRef
    Organisation: URIRef
    Person: URIRef
    Polarities: URIRef
    PolarityConflict: URIRef
    PolarityValue: URIRef
    Position: URIRef
    Positive: URIRef
    Possible: URIRef
    Probable: URIRef
    Rebuttal: URIRef
    Restatement: URIRef
    Revision: URIRef
    Rule: URIRef
    SameStatement: URIRef
    Span: URIRef
    State: URIRef
    Underspecified: URIRef
    UnknownPolarity: URIRef
    ValueConflict: URIRef
    ValueRevision: URIRef
    WholeClaim: URIRef
    aboutEvent: URIRef
    actorKind: URIRef
    actsForTransitively: URIRef
    agentLemma: URIRef
    altUnit: URIRef
    altUnitLemma: URIRef
    articleKey: URIRef
    aspect: URIRef
    between: URIRef
    byRule: URIRef
    certainty: URIRef
    certaintyValue: URIRef
    claimgraph: URIRef
    comparator: URIRef
    confidence: URIRef
    conflictType: URIRef
    contestedAspect: URIRef
    contradicts: URIRef
    corroborates: URIRef
    crossingVerb: URIRef
    cueLemma: URIRef
    cueSpan: URIRef
    eventFamily: URIRef
    explanation: URIRef
    extractionConfidence: URIRef
    figureNoun: URIRef
    figureVerb: URIRef
    contextLemma: URIRef
    foldedInto: URIRef
    hasAspectValue: URIRef
    hasContent: URIRef
    hasParticipant: URIRef
    holdingVerb: URIRef
    incident: URIRef
    leadWord: URIRef
    lemma: URIRef
    lightVerb: URIRef
    minAdequateSeconds: URIRef
    nestedIn: URIRef
    nounLemma: URIRef
    partial: URIRef
    party: URIRef
    partyPreposition: URIRef
    pattern: URIRef
    phrase: URIRef
    placePreposition: URIRef
    placeText: URIRef
    polarity: URIRef
    quoteSpan: URIRef
    reader: URIRef
    rebuts: URIRef
    refersBack: URIRef
    rejectsClaim: URIRef
    reportingVerb: URIRef
    restates: URIRef
    revises: URIRef
    roleLabel: URIRef
    side: URIRef
    sourceSpan: URIRef
    supersedes: URIRef
    target: URIRef
    textSha256: URIRef
    timeText: URIRef
    unit: URIRef
    unitModifier: URIRef
    valueActor: URIRef
    valueHolds: URIRef
    valueKind: URIRef
    valueNumber: URIRef
    valueSpan: URIRef
    weaponNoun: URIRef
    actNoun: URIRef
    ofDoerNoun: URIRef
    rebuildPending: URIRef
    statedIn: URIRef
    heldBy: URIRef
    positionValue: URIRef
    hasPosition: URIRef
    evidence: URIRef
    lastSeen: URIRef
    firstSeen: URIRef
    disputeConfidence: URIRef
    question: URIRef
    disputedUnit: URIRef
    disputedAspect: URIRef
    disputeAbout: URIRef
