"""Ingest articles: extract, build RDF, link incidents, write, detect findings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING

from rdflib import RDF, SKOS, XSD, Literal, URIRef
from rdflib.term import Node

from ..ontology.vocab import CKG, DATA, SCHEMA, SEM
from .detect import detection
from .detect.disputes import refresh_disputes, touched_incidents
from .detect.remote_batch import settle, write_later
from .detect.rules import Rule, load_rules, named_query
from .detect.similar import SimilarPairs, similar_pairs
from .inputs import read_inputs
from .models import Article, Extraction
from .rdf import ids
from .rdf.build import extraction_quads
from .rdf.quads import DEFAULT, Quad
from .settings import Settings, resolve_settings
from .store import ClaimStore, to_oxigraph
from .store.ontology import ensure_ontology

if TYPE_CHECKING:
    from spacy.language import Language

Progress = Callable[[int, int, str], None]
#: Reports published further apart than this are about different incidents, even
#: between the same parties: two states' clashes a season apart are two stories,
#: while follow-ups, denials and revised tolls come within days or weeks.
INCIDENT_WINDOW_DAYS = 30
#: ``extract_many``'s shape: articles in, one Extraction per article out, in order.
Extractor = Callable[..., Iterable[Extraction]]


@dataclass
class ArticleResult:
    """What ingesting one article did."""

    id: str
    iri: str
    status: str  # "added", "unchanged" or "new-version"
    assertions: int = 0
    findings: int = 0


@dataclass
class IngestReport:
    """Summary of one ``ingest`` call."""

    articles: list[ArticleResult] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def findings(self) -> int:
        """Findings added by this ingest."""
        return sum(item.findings for item in self.articles)


def _article_exists(store: ClaimStore, iri: URIRef) -> bool:
    return store.ask("ASK { ?a a ckg:Article }", {"a": iri})


def _older_versions(store: ClaimStore, article: Article, iri: URIRef) -> list[URIRef]:
    if not article.url:
        return []
    url = Literal(article.url, datatype=XSD.anyURI)
    rows = store.select(named_query("older-versions").text, {"url": url})
    return sorted(row["old"] for row in rows if row["old"] != iri)


def _one_name(store: ClaimStore, quads: list[Quad]) -> list[Quad]:
    """One ``skos:prefLabel`` per actor node: the first it was stored with (or
    the first in this article); the article's other names for it become
    ``skos:altLabel`` ("Gadafi" after "Gaddafi")."""
    pref, alt = SKOS.prefLabel, SKOS.altLabel
    actors = str(DATA["actor/"])  # every actor node's IRI (ids.actor_iri)
    query = named_query("actor-names").text
    named: dict[Node, str | None] = {}
    out: list[Quad] = []
    for s, p, o, g in quads:
        if p == pref and g == DEFAULT and str(s).startswith(actors):
            if s not in named:
                stored = store.select_values(query, {"node": s})
                named[s] = str(stored[0]["name"]) if stored else None
            if named[s] is None:
                named[s] = str(o)
            elif named[s] != str(o):
                out.append((s, alt, o, g))
                continue
        out.append((s, p, o, g))
    return out


def _day(value: object) -> date | None:
    """The calendar day of an ISO 8601 date or datetime literal, if it is one."""
    try:
        return date.fromisoformat(str(value)[:10]) if value is not None else None
    except ValueError:
        return None


def _far_apart(first: date | None, second: date | None) -> bool:
    return (
        first is not None
        and second is not None
        and abs((first - second).days) > INCIDENT_WINDOW_DAYS
    )


def link_incidents(store: ClaimStore, quads: list[Quad], article: URIRef) -> list[Quad]:
    """Point each new event at an incident already stored when they corefer.

    Two events corefer when they share an event family and at least two
    participant parties, or one party and the same date (of the event, or of
    both articles' publication), and their articles were not published more
    than :data:`INCIDENT_WINDOW_DAYS` apart.
    """
    published_at = SCHEMA.datePublished
    published = _day(
        next((o for s, p, o, g in quads if s == article and p == published_at), None)
    )
    types: dict[Node, Node] = {}
    dates: dict[Node, str] = {}
    participants: dict[Node, set[Node]] = defaultdict(set)
    parties: dict[Node, set[Node]] = defaultdict(set)
    # Unnamed groups ("analysts", "witnesses") are one node in every article
    # that has them: a shared group says nothing about one incident.
    groups: set[Node] = set()
    # The terms once, not per quad: a DefinedNamespace lookup costs more than
    # the comparison (a few thousand quads per article).
    rdf_type, event_kind, stamp, participant, party_of, group = (
        RDF.type,
        SEM.eventType,
        SEM.hasTimeStamp,
        CKG.hasParticipant,
        CKG.party,
        CKG.Group,
    )
    for s, p, o, g in quads:
        if g != DEFAULT:
            continue
        if p == event_kind:
            types[s] = o
        elif p == stamp:
            dates[s] = str(o)
        elif p == participant:
            participants[s].add(o)
        elif p == party_of:
            parties[s].add(o)
        elif p == rdf_type and o == group:
            groups.add(s)
    links: dict[Node, Node] = {}
    if not types:
        return quads
    families: dict[str, set[str]] = defaultdict(set)
    for row in store.select_values(named_query("event-families").text):
        families[str(row["type"])].add(str(row["family"]))
    query = named_query("link-incident").text
    # Lexical rows: a party shared by every article (analysts, an aid group)
    # returns every stored event, and rdflib terms for them cost most of an
    # article's ingest on a large store. Rows of the article itself or of
    # articles published too far apart are dropped once per party.
    cached: dict[Node, list[tuple[str, set[str], str | None, date | None]]] = {}
    window: dict[str, Node] = {}
    if published is not None:
        # The store drops articles far apart itself (the test below stays, for
        # dates the query leaves to it); "after" and "before" are exclusive.
        span = timedelta(days=INCIDENT_WINDOW_DAYS + 1)
        window = {
            "after": Literal((published - span).isoformat()),
            "before": Literal((published + span).isoformat()),
        }
    for event, event_type in types.items():
        event_parties = {
            party
            for actor in participants[event]
            for party in parties[actor]
            if party not in groups
        }
        shared: dict[str, set[Node]] = defaultdict(set)
        same_date: set[str] = set()
        for party in sorted(event_parties, key=str):
            if party not in cached:  # one lookup per party for all the article's events
                cached[party] = [
                    (
                        str(row["incident"]),
                        families[str(row["otherType"])],
                        row["date"],
                        _day(row["published"]),
                    )
                    for row in store.select_values(query, {"party": party, **window})
                    if row["otherArticle"] != str(article)
                    and not _far_apart(published, _day(row["published"]))
                ]
            own = families[str(event_type)]
            for incident, other_families, other_date, other_day in cached[party]:
                # A story with no recognised event type may be any incident's.
                if not own & other_families and _STORY not in own | other_families:
                    continue
                shared[incident].add(party)
                if other_date is not None and dates.get(event) == other_date:
                    same_date.add(incident)
                # Reports published the same day about one party and one kind of
                # event are follow-ups of one story (a strike, a denial).
                if published is not None and published == other_day:
                    same_date.add(incident)
        candidates = sorted(
            (-len(found), incident)
            for incident, found in shared.items()
            if len(found) >= 2 or incident in same_date
        )
        if candidates:
            links[event] = URIRef(candidates[0][1])
    if not links:
        return quads
    incident = CKG.incident
    return [
        (s, p, links[s], g) if p == incident and s in links else (s, p, o, g)
        for s, p, o, g in quads
    ]


#: The family of statements with no recognised event type (``ckg:Story``).
_STORY = str(CKG._NS["ReportedStory"])


def ingest_extraction(
    store: ClaimStore,
    extraction: Extraction,
    rules: Sequence[Rule] | None = None,
    similar: SimilarPairs | None = None,
) -> ArticleResult:
    """Write one extracted article and its findings by ``rules`` (default
    :func:`graph.detect.rules.load_rules`; ``similar``: see
    :func:`graph.detect.detection.find`).

    On the embedded store both are one transaction; elsewhere the findings are
    a second write.
    """
    article = extraction.article
    iri = ids.article_iri(article.text)
    settle(store)  # the previous article's write, if it went in the background
    if _article_exists(store, iri):
        return ArticleResult(article.id, str(iri), "unchanged")
    quads = _one_name(store, extraction_quads(extraction))
    older = _older_versions(store, article, iri)
    quads += [(iri, CKG.supersedes, old, DEFAULT) for old in older]
    quads = link_incidents(store, quads, iri)
    if store.oxigraph is not None or store.endpoint is not None:
        # Checked before it is stored: the article and its findings are one
        # transaction (one request to a server), so a crash never leaves an
        # article without its findings.
        if store.endpoint is not None:
            findings = detection.find(
                store, [iri], rules, pending=quads, similar=similar
            )
            # The server stores it while the next article is extracted.
            write_later(store, quads + findings)
        else:
            # Converted for pyoxigraph once: the working set reads them, then
            # they are written.
            staged = to_oxigraph(quads)
            findings = detection.find(
                store, [iri], rules, pending=quads, staged=staged, similar=similar
            )
            store.add_quads(quads + findings, staged=staged + to_oxigraph(findings))
    else:
        # Rules run on the server (or rdflib's memory store): write first.
        store.add_quads(quads)
        findings = detection.find(store, [iri], rules, similar=similar)
        store.add_quads(findings)
    # Disputes are derived from every finding of an incident: rebuilt after the
    # write (a second one), and by `claimgraph detect` should a crash fall between.
    touched = touched_incidents(findings)
    if touched:
        settle(store)  # disputes read the findings: a background write lands first
        refresh_disputes(store, touched)
    rdf_type, finding = RDF.type, CKG.Finding
    return ArticleResult(
        article.id,
        str(iri),
        "new-version" if older else "added",
        assertions=len(extraction.assertions),
        findings=sum(1 for q in findings if q[1] == rdf_type and q[2] == finding),
    )


def ingest_articles(
    store: ClaimStore,
    articles: Iterable[Article],
    *,
    jobs: int = 1,
    nlp: Language | None = None,
    progress: Progress | None = None,
    extractor: Extractor | None = None,
    settings: Settings | None = None,
) -> IngestReport:
    """Extract and store ``articles`` one transaction each, in input order.

    ``extractor`` replaces :func:`graph.extract.extract_many` (tests, other
    extractors); it is called as ``extractor(articles, nlp=nlp, n_process=jobs)``.
    ``settings`` (default: the environment's) give the lexicon and rule folders.
    """
    settings = resolve_settings(settings)
    if extractor is None:
        from .extract import extract_many

        extractor = partial(extract_many, settings=settings)
    rules = load_rules(settings)
    similar = similar_pairs(settings)
    items = list(articles)
    ensure_ontology(store)
    # Texts already stored are not parsed again: re-ingesting a corpus is cheap.
    known = {
        n
        for n, item in enumerate(items)
        if _article_exists(store, ids.article_iri(item.text))
    }
    fresh = iter(
        extractor(
            (a for n, a in enumerate(items) if n not in known), nlp=nlp, n_process=jobs
        )
    )
    report = IngestReport()
    try:
        for done, item in enumerate(items, start=1):
            if done - 1 in known:
                iri = str(ids.article_iri(item.text))
                report.articles.append(ArticleResult(item.id, iri, "unchanged"))
            else:
                done_one = ingest_extraction(store, next(fresh), rules, similar)
                report.articles.append(done_one)
            if progress is not None:
                progress(done, len(items), item.id)
    finally:
        settle(store)  # every article reported is written when this returns
    return report


def ingest_paths(
    store: ClaimStore,
    sources: list[str],
    *,
    jobs: int = 1,
    nlp: Language | None = None,
    progress: Progress | None = None,
    extractor: Extractor | None = None,
    settings: Settings | None = None,
) -> IngestReport:
    """Read ``sources`` (files, folders, ``-``) and ingest every article."""
    settings = resolve_settings(settings)
    read = read_inputs(sources, max_bytes=settings.max_bytes)
    report = ingest_articles(
        store,
        read.articles,
        jobs=jobs,
        nlp=nlp,
        progress=progress,
        extractor=extractor,
        settings=settings,
    )
    report.skipped = read.skipped
    return report
