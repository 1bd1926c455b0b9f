"""The SKOS lexicons of ``ontology/lexicon/`` and the country table, as plain data.

Users extend the lexicons by editing Turtle (or adding ``.ttl`` files to
``$CLAIMGRAPH_LEXICON_DIR``); this module turns them into the sets and dicts the
extractor needs, once per process.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, SKOS, Graph, URIRef

from graph.errors import OntologyError
from ontology import resource
from ontology.vocab import CKG

ENV_LEXICON = "CLAIMGRAPH_LEXICON_DIR"


@dataclass(frozen=True)
class Aspect:
    """An aspect concept: its value kind and trigger words."""

    name: str
    kind: str
    lemmas: frozenset[str]
    agent_lemmas: frozenset[str] = frozenset()
    lead_words: frozenset[str] = frozenset()
    min_adequate_seconds: float | None = None


@dataclass(frozen=True)
class Country:
    """A state with the names the text may use for it."""

    name: str
    demonyms: tuple[str, ...]
    capital: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """Everything the extractor looks words up in."""

    cues: dict[str, str]  # lemma -> cue class local name
    cue_phrases: dict[str, str]  # "according to" -> cue class
    negation: frozenset[str]
    negative_implicatives: frozenset[str]
    hedges: dict[str, str]  # lemma -> certainty ("probable", "possible")
    aspects: dict[str, Aspect]
    event_types: dict[str, tuple[str, str]]  # trigger lemma -> (type, family)
    institution_nouns: frozenset[str]
    armed_forces_nouns: frozenset[str]
    titles: frozenset[str]
    document_nouns: frozenset[str]
    audience_nouns: frozenset[str]
    government_nouns: frozenset[str] = frozenset()
    countries: tuple[Country, ...] = field(default=())
    # Lower-cased name, alias, demonym or capital -> canonical country name.
    country_names: dict[str, str] = field(default_factory=dict)

    def country_of(self, text: str) -> str | None:
        """The country a name, demonym, capital or alias refers to."""
        key = text.lower().strip()
        if key.startswith("the "):
            key = key[4:]
        return self.country_names.get(key)


def _local(node: object) -> str:
    return str(node).rsplit("#", 1)[-1]


def _strings(graph: Graph, subject: URIRef, predicate: URIRef) -> frozenset[str]:
    return frozenset(str(o).lower() for o in graph.objects(subject, predicate))


def _load_graph() -> Graph:
    graph = Graph()
    sources: list[tuple[str, str]] = []
    folder = resource("lexicon")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".ttl"):
            sources.append((f"ontology/lexicon/{entry.name}", entry.read_text("utf-8")))
    extra = os.environ.get(ENV_LEXICON)
    if extra:
        path = Path(extra)
        if not path.is_dir():
            raise OntologyError(f"${ENV_LEXICON} is {extra}, which is not a directory.")
        sources += [(str(p), p.read_text("utf-8")) for p in sorted(path.glob("*.ttl"))]
    for name, text in sources:
        try:
            graph.parse(data=text, format="turtle")
        except Exception as exc:  # noqa: BLE001 - rdflib raises several parser errors
            raise OntologyError(f"{name} is not valid Turtle: {exc}") from exc
    return graph


def _load_countries() -> tuple[Country, ...]:
    text = resource("data", "countries.tsv").read_text("utf-8")
    countries: list[Country] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith(("#", "name\t")):
            continue
        parts = line.split("\t")
        if len(parts) != 4:
            raise OntologyError(
                f"ontology/data/countries.tsv line {number}: expected 4 tab-separated "
                "columns (name, demonyms, capital, aliases)."
            )
        name, demonyms, capital, aliases = parts
        countries.append(
            Country(
                name=name,
                demonyms=tuple(d for d in demonyms.split("|") if d),
                capital=capital or None,
                aliases=tuple(a for a in aliases.split("|") if a),
            )
        )
    return tuple(countries)


def _country_index(countries: tuple[Country, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    # Names first, so a demonym or capital never shadows a country's own name.
    for country in countries:
        index.setdefault(country.name.lower(), country.name)
        for alias in country.aliases:
            index.setdefault(alias.lower(), country.name)
            index.setdefault(f"state of {alias.lower()}", country.name)
        index.setdefault(f"state of {country.name.lower()}", country.name)
    for country in countries:
        for demonym in country.demonyms:
            index.setdefault(demonym.lower(), country.name)
        if country.capital and len(country.capital) > 3:
            index.setdefault(country.capital.lower(), country.name)
    return index


def _concept_lemmas(graph: Graph, name: str) -> frozenset[str]:
    return _strings(graph, CKG._NS[name], CKG.lemma)


@lru_cache(maxsize=4)
def _load(extra: str | None) -> Lexicon:
    # ``extra`` is only the cache key: _load_graph reads the variable itself.
    graph = _load_graph()
    cues: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for concept in graph.subjects(SKOS.inScheme, CKG._NS["CueClasses"]):
        for lemma in graph.objects(concept, CKG.lemma):
            cues.setdefault(str(lemma).lower(), _local(concept))
        for phrase in graph.objects(concept, CKG.phrase):
            phrases[str(phrase).lower()] = _local(concept)
    hedges: dict[str, str] = {}
    for concept in graph.subjects(SKOS.inScheme, CKG._NS["FactualityCues"]):
        value = graph.value(concept, CKG.certaintyValue)
        if value is not None:
            for lemma in graph.objects(concept, CKG.lemma):
                hedges.setdefault(str(lemma).lower(), _local(value).lower())
    aspects: dict[str, Aspect] = {}
    for concept in graph.subjects(RDF.type, CKG.Aspect):
        minimum = graph.value(concept, CKG.minAdequateSeconds)
        aspects[_local(concept)] = Aspect(
            name=_local(concept),
            kind=str(graph.value(concept, CKG.valueKind) or "actor"),
            lemmas=_strings(graph, concept, CKG.lemma),  # type: ignore[arg-type]
            agent_lemmas=_strings(graph, concept, CKG.agentLemma),  # type: ignore[arg-type]
            lead_words=_strings(graph, concept, CKG.leadWord),  # type: ignore[arg-type]
            min_adequate_seconds=float(str(minimum)) if minimum is not None else None,
        )
    events: dict[str, tuple[str, str]] = {}
    for family in graph.subjects(RDF.type, CKG.EventFamily):
        for concept in graph.subjects(SKOS.broader, family):
            for lemma in graph.objects(concept, CKG.lemma):
                events.setdefault(str(lemma).lower(), (_local(concept), _local(family)))
    if not cues:
        raise OntologyError(
            "ontology/lexicon has no cue verbs (scheme ckg:CueClasses)."
        )
    countries = _load_countries()
    return Lexicon(
        cues=cues,
        cue_phrases=phrases,
        negation=_concept_lemmas(graph, "Negation"),
        negative_implicatives=_concept_lemmas(graph, "NegativeImplicative"),
        hedges=hedges,
        aspects=aspects,
        event_types=events,
        institution_nouns=_concept_lemmas(graph, "InstitutionNoun"),
        armed_forces_nouns=_concept_lemmas(graph, "ArmedForcesNoun"),
        titles=_concept_lemmas(graph, "Title"),
        document_nouns=_concept_lemmas(graph, "DocumentNoun"),
        audience_nouns=_concept_lemmas(graph, "AudienceNoun"),
        government_nouns=_concept_lemmas(graph, "GovernmentNoun"),
        countries=countries,
        country_names=_country_index(countries),
    )


def load_lexicon() -> Lexicon:
    """The merged lexicon (package files plus ``$CLAIMGRAPH_LEXICON_DIR``)."""
    return _load(os.environ.get(ENV_LEXICON))
