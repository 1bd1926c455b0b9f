"""The SKOS lexicons of ``ontology/lexicon/`` and the country table, as plain data.

Users extend the lexicons by editing Turtle (or adding ``.ttl`` files to the
folder ``Settings.lexicon_dir``, from ``$CLAIMGRAPH_LEXICON_DIR``); this module
turns them into the sets and dicts the extractor needs, once per process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, SKOS, Graph, Literal, URIRef
from rdflib.term import Node

from ..ontology import resource
from ..ontology.vocab import CKG
from .errors import OntologyError
from .settings import ENV_LEXICON, Settings, resolve_settings
from .tables import (
    Country,
    country_index,
    country_key,
    load_countries,
    load_given_names,
)

_NS = str(CKG._NS)
# Lexicon-only properties; mint them here so ckg.ttl need not list them.
_NOUN_LEMMA = URIRef(_NS + "nounLemma")


@dataclass(frozen=True)
class Aspect:
    """An aspect concept: its value kind, trigger words and the reader that finds
    its values (``ckg:reader``, a name in :mod:`graph.extract.readers`).

    ``words`` holds the reader's other word lists by property (``ckg:lightVerb``
    -> ``words["lightVerb"]``), so a reader's vocabulary is lexicon data.
    """

    name: str
    kind: str
    lemmas: frozenset[str]
    agent_lemmas: frozenset[str] = frozenset()
    lead_words: frozenset[str] = frozenset()
    min_adequate_seconds: float | None = None
    reader: str | None = None
    unit: str | None = None
    words: dict[str, frozenset[str]] = field(default_factory=dict, hash=False)

    def word_list(self, role: str) -> frozenset[str]:
        """The words of ``role`` (a property's local name); empty if none."""
        return self.words.get(role, frozenset())


#: Cue classes whose speech act rejects a claim (``ckg:Deny``, ``ckg:Reject``).
REJECTING_CLASSES = frozenset({"Deny", "Reject"})


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor looks words up in."""

    cues: dict[str, str]  # verb lemma -> cue class local name
    cue_phrases: dict[str, str]  # "according to", "in a statement" -> cue class
    negation: frozenset[str]
    falsity: frozenset[str]  # "baseless", "untrue": calling a claim false
    claim_nouns: frozenset[str]  # "claim", "allegation": what falsity describes
    negative_implicatives: frozenset[str]
    hedges: dict[str, str]  # lemma -> certainty ("probable", "possible")
    aspects: dict[str, Aspect]
    event_types: dict[str, tuple[str, str]]  # trigger lemma -> (type, family)
    institution_nouns: frozenset[str]
    armed_forces_nouns: frozenset[str]
    titles: frozenset[str]
    document_nouns: frozenset[str]
    civilian_nouns: frozenset[str]  # "residents", "witnesses": their own party
    audience_nouns: frozenset[str]
    government_nouns: frozenset[str] = frozenset()
    cue_nouns: dict[str, str] = field(default_factory=dict)  # "warning" -> "Warn"
    modals: dict[str, str] = field(default_factory=dict)  # "may" -> "possible"
    conditionals: dict[str, str] = field(default_factory=dict)  # "if" -> certainty
    negative_quantifiers: frozenset[str] = frozenset()
    org_suffixes: frozenset[str] = frozenset()
    body_nouns: frozenset[str] = frozenset()  # "the world governing body"
    company_nouns: frozenset[str] = frozenset()  # "the automaker": the latest body
    agency_nouns: frozenset[str] = frozenset()  # "the regulator": the latest agency
    # "the hospital authorities": the people who run the body the modifier names
    governing_nouns: frozenset[str] = frozenset()
    media_nouns: frozenset[str] = frozenset()  # "magazine Heat": an outlet's name
    voice_titles: frozenset[str] = frozenset()  # "spokesman": speaks for a body
    innocence: frozenset[str] = frozenset()  # "her innocence", "not guilty"
    grounds: frozenset[str] = frozenset()  # "no substance to the claims"
    unsound: frozenset[str] = frozenset()  # "flawed": false only of a claim
    agreement: frozenset[str] = frozenset()  # "do not agree with the findings"
    evidence: frozenset[str] = frozenset()  # "not based on any evidence"
    person_nouns: frozenset[str] = frozenset()  # "the skier": the latest person
    former_words: frozenset[str] = frozenset()  # "a former employee": no affiliation
    post_nominals: frozenset[str] = frozenset()  # "Jr", "QC": no surname
    # "refused to admit that" -> "Deny": an admission withheld denies its clause.
    withheld_admissions: dict[str, str] = field(default_factory=dict)
    agent_titles: frozenset[str] = frozenset()  # "lawyers for X" act for X
    # "judge" -> {"judge", "justice", ...}: titles "the judge" refers back to.
    role_synonyms: dict[str, frozenset[str]] = field(default_factory=dict)
    non_agent_nouns: frozenset[str] = frozenset()  # "blood", "video": no speaker
    # "strike" -> its (type, family) senses; ckg:contextLemma words choose one.
    event_senses: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    event_contexts: dict[str, frozenset[str]] = field(default_factory=dict)
    country_nouns: frozenset[str] = frozenset()  # "the country": the latest state
    female_words: frozenset[str] = frozenset()
    male_words: frozenset[str] = frozenset()
    countries: tuple[Country, ...] = field(default=())
    # Lower-cased name, alias, demonym or capital -> canonical country name.
    country_names: dict[str, str] = field(default_factory=dict)
    # Aliases written in capitals ("US", "UK"): matched case-sensitively only.
    country_acronyms: dict[str, str] = field(default_factory=dict)
    # Given name -> "f" / "m" (ontology/data/first-names.tsv): pronoun agreement.
    given_names: dict[str, str] = field(default_factory=dict)

    def title_word(self, word: str) -> bool:
        """Whether a word gives a person a role ("minister", "constable")."""
        return word in self.titles or word in self.role_synonyms

    def country_of(self, text: str) -> str | None:
        """The country a name, demonym, capital or alias refers to."""
        stripped = text.strip()
        if stripped in self.country_acronyms:
            return self.country_acronyms[stripped]
        return self.country_names.get(country_key(stripped))


def _local(node: object) -> str:
    return str(node).rsplit("#", 1)[-1]


def _strings(graph: Graph, subject: object, predicate: URIRef) -> frozenset[str]:
    return frozenset(
        str(o).lower()
        for o in graph.objects(subject, predicate)  # type: ignore[arg-type]
        if isinstance(o, Literal)
    )


def _sources(extra: str | None) -> list[tuple[str, str]]:
    """(name for messages, Turtle text) of every lexicon file, package first."""
    folder = resource("lexicon")
    if not folder.is_dir():
        raise OntologyError("ontology/lexicon is missing; reinstall claimgraph.")
    sources = [
        (f"ontology/lexicon/{entry.name}", entry.read_text("utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".ttl")
    ]
    if extra:
        path = Path(extra)
        if not path.is_dir():
            raise OntologyError(
                f"The extra lexicon folder {extra} ({ENV_LEXICON}) is not a directory."
            )
        sources += [(str(p), p.read_text("utf-8")) for p in sorted(path.glob("*.ttl"))]
    return sources


def _load_graph(extra: str | None) -> Graph:
    graph = Graph()
    for name, text in _sources(extra):
        try:
            graph.parse(data=text, format="turtle")
        except Exception as exc:  # noqa: BLE001 - rdflib raises several parser errors
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise OntologyError(f"{name} is not valid Turtle: {message}") from exc
    return graph


def _concept_lemmas(graph: Graph, name: str) -> frozenset[str]:
    return _strings(graph, CKG._NS[name], CKG.lemma)


def _withheld(graph: Graph) -> dict[str, str]:
    concept = CKG._NS["WithheldAdmission"]
    denial = graph.value(concept, SKOS.broader)
    if denial is None:
        return {}
    return {lemma: _local(denial) for lemma in _strings(graph, concept, CKG.lemma)}


def _cue_classes(graph: Graph) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Verb lemmas, phrases and nouns of cue classes and of single cue concepts."""
    verbs: dict[str, str] = {}
    phrases: dict[str, str] = {}
    nouns: dict[str, str] = {}
    classes = set(graph.subjects(SKOS.inScheme, CKG._NS["CueClasses"]))
    # A single cue ("ckg:cue-grumble skos:broader ckg:Say") in ckg:CueVerbs.
    members = [
        (concept, graph.value(concept, SKOS.broader))
        for concept in graph.subjects(SKOS.inScheme, CKG._NS["CueVerbs"])
    ]
    pairs = [(c, c) for c in sorted(classes, key=str)] + sorted(
        ((c, b) for c, b in members if b in classes), key=lambda p: str(p[0])
    )
    for concept, cue_class in pairs:
        name = _local(cue_class)
        for lemma in _strings(graph, concept, CKG.lemma):
            verbs.setdefault(lemma, name)
        for phrase in _strings(graph, concept, CKG.phrase):
            phrases.setdefault(phrase, name)
        for noun in _strings(graph, concept, _NOUN_LEMMA):
            nouns.setdefault(noun, name)
    return verbs, phrases, nouns


def _synonyms(graph: Graph, scheme: str) -> dict[str, frozenset[str]]:
    """Each lemma of a concept in ``scheme`` -> all lemmas of that concept."""
    out: dict[str, frozenset[str]] = {}
    for concept in graph.subjects(SKOS.inScheme, CKG._NS[scheme]):
        words = _strings(graph, concept, CKG.lemma)
        for word in words:
            out[word] = out.get(word, frozenset()) | words
    return out


def _certainty_map(graph: Graph, scheme_member: str) -> dict[str, str]:
    out: dict[str, str] = {}
    concept = CKG._NS[scheme_member]
    value = graph.value(concept, CKG.certaintyValue)
    if value is not None:
        for lemma in _strings(graph, concept, CKG.lemma):
            out[lemma] = _local(value).lower()
    return out


#: Aspect properties read into fields of :class:`Aspect`, not into its ``words``.
_ASPECT_FIELDS = frozenset(
    {
        "lemma",
        "agentLemma",
        "leadWord",
        "valueKind",
        "minAdequateSeconds",
        "reader",
        "unit",
    }
)


def _aspect(graph: Graph, concept: Node) -> Aspect:
    minimum = graph.value(concept, CKG.minAdequateSeconds)
    reader = graph.value(concept, CKG.reader)
    unit = graph.value(concept, CKG.unit)
    words: dict[str, set[str]] = {}
    for p, o in graph.predicate_objects(concept):
        role = _local(p)
        if str(p).startswith(_NS) and isinstance(o, Literal):
            if role not in _ASPECT_FIELDS:
                words.setdefault(role, set()).add(str(o).lower())
    return Aspect(
        name=_local(concept),
        kind=str(graph.value(concept, CKG.valueKind) or "actor"),
        lemmas=_strings(graph, concept, CKG.lemma),
        agent_lemmas=_strings(graph, concept, CKG.agentLemma),
        lead_words=_strings(graph, concept, CKG.leadWord),
        min_adequate_seconds=float(str(minimum)) if minimum is not None else None,
        reader=str(reader) if reader is not None else None,
        unit=str(unit) if unit is not None else None,
        words={role: frozenset(found) for role, found in sorted(words.items())},
    )


@lru_cache(maxsize=4)
def _load(extra: str | None) -> Lexicon:
    # ``extra`` is only the cache key: _sources reads the variable itself.
    graph = _load_graph(extra)
    cues, phrases, nouns = _cue_classes(graph)
    if not cues:
        raise OntologyError(
            "ontology/lexicon has no cue verbs (scheme ckg:CueClasses)."
        )
    hedges: dict[str, str] = {}
    for concept in graph.subjects(SKOS.inScheme, CKG._NS["FactualityCues"]):
        if concept in (CKG._NS["ModalHedge"], CKG._NS["Conditional"]):
            continue
        value = graph.value(concept, CKG.certaintyValue)
        if value is not None:
            for lemma in _strings(graph, concept, CKG.lemma):
                hedges.setdefault(lemma, _local(value).lower())
    aspects = {
        _local(concept): _aspect(graph, concept)
        for concept in graph.subjects(RDF.type, CKG.Aspect)
    }
    events: dict[str, tuple[str, str]] = {}
    senses: dict[str, list[tuple[str, str]]] = {}
    contexts: dict[str, frozenset[str]] = {}
    for family in sorted(graph.subjects(RDF.type, CKG.EventFamily), key=str):
        contexts[_local(family)] = _strings(graph, family, CKG.contextLemma)
        for concept in sorted(graph.subjects(SKOS.broader, family), key=str):
            for lemma in _strings(graph, concept, CKG.lemma):
                events.setdefault(lemma, (_local(concept), _local(family)))
                senses.setdefault(lemma, []).append((_local(concept), _local(family)))
    countries = load_countries()
    names, acronyms = country_index(countries)
    return Lexicon(
        cues=cues,
        cue_phrases=phrases,
        negation=_concept_lemmas(graph, "Negation"),
        falsity=_concept_lemmas(graph, "Falsity"),
        claim_nouns=_concept_lemmas(graph, "ClaimNoun"),
        innocence=_concept_lemmas(graph, "Innocence"),
        grounds=_concept_lemmas(graph, "Grounds"),
        unsound=_concept_lemmas(graph, "Unsoundness"),
        agreement=_concept_lemmas(graph, "Agreement"),
        evidence=_concept_lemmas(graph, "Evidence"),
        negative_implicatives=_concept_lemmas(graph, "NegativeImplicative"),
        hedges=hedges,
        aspects=aspects,
        event_types=events,
        event_senses={k: tuple(v) for k, v in senses.items() if len(v) > 1},
        event_contexts={k: v for k, v in contexts.items() if v},
        institution_nouns=_concept_lemmas(graph, "InstitutionNoun"),
        armed_forces_nouns=_concept_lemmas(graph, "ArmedForcesNoun"),
        titles=_concept_lemmas(graph, "Title"),
        document_nouns=_concept_lemmas(graph, "DocumentNoun"),
        civilian_nouns=_concept_lemmas(graph, "CivilianGroupNoun"),
        audience_nouns=_concept_lemmas(graph, "AudienceNoun"),
        government_nouns=_concept_lemmas(graph, "GovernmentNoun"),
        cue_nouns=nouns,
        withheld_admissions=_withheld(graph),
        modals=_certainty_map(graph, "ModalHedge"),
        conditionals=_certainty_map(graph, "Conditional"),
        negative_quantifiers=_concept_lemmas(graph, "NegativeQuantifier"),
        org_suffixes=_concept_lemmas(graph, "OrganisationSuffix"),
        body_nouns=_concept_lemmas(graph, "GenericBodyNoun"),
        company_nouns=_concept_lemmas(graph, "CompanyNoun"),
        agency_nouns=_concept_lemmas(graph, "AgencyNoun"),
        governing_nouns=_concept_lemmas(graph, "GoverningNoun"),
        media_nouns=_concept_lemmas(graph, "MediaNoun"),
        voice_titles=_concept_lemmas(graph, "VoiceTitle"),
        person_nouns=_concept_lemmas(graph, "PersonNoun"),
        former_words=_concept_lemmas(graph, "FormerWord"),
        post_nominals=_concept_lemmas(graph, "PostNominal"),
        agent_titles=_concept_lemmas(graph, "AgentTitle"),
        role_synonyms=_synonyms(graph, "RoleSynonyms"),
        non_agent_nouns=_concept_lemmas(graph, "NonAgentNoun"),
        country_nouns=_concept_lemmas(graph, "CountryNoun"),
        female_words=_concept_lemmas(graph, "FemaleWord"),
        male_words=_concept_lemmas(graph, "MaleWord"),
        countries=countries,
        country_names=names,
        country_acronyms=acronyms,
        given_names=load_given_names(),
    )


def load_lexicon(settings: Settings | None = None) -> Lexicon:
    """The merged lexicon: the package files plus ``settings.lexicon_dir``
    (default: the environment's :class:`~graph.settings.Settings`)."""
    extra = resolve_settings(settings).lexicon_dir
    return _load(str(extra) if extra else None)
