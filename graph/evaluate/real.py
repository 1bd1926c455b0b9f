"""Score dispute finding on the real-news development set (``corpus/real/``).

The set's texts are third-party news, kept out of the repository: the manifest
lists each article's URL, metadata, SHA-256 and split, the gold files hold our
annotations (offsets, names, paraphrases, disputes and their positions), and
the texts are read from a local folder. Articles missing there are listed, and a
text whose hash differs from the manifest's is never scored, so annotations
cannot drift silently from their text.

Every article of the chosen split is ingested, oldest first, into one fresh
in-memory store, as a user would; then each contradiction is mapped to gold
statements (best character overlap, as :mod:`graph.evaluate.incident` does):

* a **story** is an incident (several outlets) or an article without one; it is
  *found* when at least one reported pair is correct;
* a pair is **correct** when its two statements (or reports of them) hold
  different positions of one annotated dispute of that story;
* a pair whose statements come from different stories is **across stories**;
* **actor merging**: over the statements of multi-article incidents, pairs of
  statements whose speakers the store holds as one actor, against pairs the
  annotation gives one canonical speaker.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..inputs import make_article
from ..pipeline import ingest_articles
from ..report.disputes import load_disputes
from ..report.findings import AssertionRecord, FindingRecord, load_findings
from ..store import ClaimStore, open_store
from .real_disputes import markdown, score_disputes, span_record

if TYPE_CHECKING:
    from spacy.language import Language

    from ..settings import Settings

Ref = tuple[str, int]  # (article id, gold assertion index)
#: Where the set's texts are, when not given (default ``./.real-corpus``).
SPLITS = ("dev", "heldout", "fresh", "all")


@dataclass
class _Article:
    id: str
    story: str
    meta: dict[str, Any]
    gold: dict[str, Any]
    text: str = ""
    #: Leading blank lines the reader drops: stored offsets are this much smaller.
    shift: int = 0


@dataclass
class RealReport:
    """Scores of one split; counts, so the docs can show how each ratio arose."""

    split: str
    articles: int = 0
    missing: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    stories: int = 0
    disputed: int = 0
    found: int = 0
    pairs: int = 0
    correct: int = 0
    across: int = 0
    merge_tp: int = 0
    merge_predicted: int = 0
    merge_gold: int = 0
    rows: list[dict[str, Any]] = field(default_factory=list)
    incidents: list[dict[str, Any]] = field(default_factory=list)

    @property
    def story_recall(self) -> float:
        """Stories with an annotated dispute in which a correct pair is reported."""
        return self.found / self.disputed if self.disputed else 0.0

    @property
    def pair_precision(self) -> float:
        """Reported pairs that stand for an annotated dispute."""
        return self.correct / self.pairs if self.pairs else 0.0

    @property
    def merge_precision(self) -> float:
        return self.merge_tp / self.merge_predicted if self.merge_predicted else 0.0

    @property
    def merge_recall(self) -> float:
        return self.merge_tp / self.merge_gold if self.merge_gold else 0.0

    def as_dict(self) -> dict[str, Any]:
        """JSON-serialisable summary."""
        return {
            "split": self.split,
            "articles": self.articles,
            "missing": self.missing,
            "changed": self.changed,
            "stories": self.stories,
            "stories_with_dispute": self.disputed,
            "stories_found": self.found,
            "story_recall": round(self.story_recall, 3),
            "pairs": self.pairs,
            "correct_pairs": self.correct,
            "pair_precision": round(self.pair_precision, 3),
            "pairs_across_stories": self.across,
            "actor_merge_precision": round(self.merge_precision, 3),
            "actor_merge_recall": round(self.merge_recall, 3),
            "stories_detail": self.rows,
            "incident_disputes": self.incidents,
        }

    def as_markdown(self) -> str:
        """A short Markdown table."""
        lines = [
            f"Real-news set, split `{self.split}`: {self.articles} articles in "
            f"{self.stories} stories ({len(self.missing)} texts missing, "
            f"{len(self.changed)} changed).",
            "",
            "| measure | value | counts |",
            "|---|---|---|",
            f"| stories with a dispute found | {self.story_recall:.3f} | "
            f"{self.found} / {self.disputed} |",
            f"| reported pairs correct | {self.pair_precision:.3f} | "
            f"{self.correct} / {self.pairs} |",
            f"| pairs across stories | {self.across} | |",
            f"| actor merging precision | {self.merge_precision:.3f} | "
            f"{self.merge_tp} / {self.merge_predicted} |",
            f"| actor merging recall | {self.merge_recall:.3f} | "
            f"{self.merge_tp} / {self.merge_gold} |",
        ]
        text = "\n".join(lines) + "\n"
        if self.incidents:
            text += "\nDisputes of the multi-article incidents:\n\n"
            text += markdown(self.incidents)
        return text


def _load(folder: Path, texts: Path, split: str, report: RealReport) -> list[_Article]:
    if split not in SPLITS:
        raise InputError(f"Unknown split '{split}'. Valid: {', '.join(SPLITS)}.")
    path = folder / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        entries = manifest["articles"]
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"{path}: not a real-news manifest ({exc}).") from exc
    articles: list[_Article] = []
    for entry in entries:
        if split != "all" and entry.get("split") != split:
            continue
        ident = entry["id"]
        gold = json.loads((folder / f"{ident}.gold.json").read_text(encoding="utf-8"))
        item = _Article(ident, entry.get("incident") or ident, entry, gold)
        source = texts / f"{ident}.txt"
        if not source.is_file():
            report.missing.append(ident)
            continue
        raw = source.read_bytes()
        if hashlib.sha256(raw).hexdigest() != entry["sha256"]:
            report.changed.append(ident)
            continue
        item.text = raw.decode("utf-8")
        articles.append(item)
    return articles


def _incident_disputes(folder: Path) -> dict[str, list[list[set[Ref]]]]:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    out: dict[str, list[list[set[Ref]]]] = defaultdict(list)
    for incident in manifest.get("incidents", []):
        for dispute in incident.get("disputes", []):
            out[incident["incident"]].append(
                [
                    {(s["article"], s["assertion"]) for s in p["statements"]}
                    for p in dispute["positions"]
                ]
            )
    return out


class _Mapper:
    def __init__(self, articles: dict[str, _Article], keys: dict[str, str]) -> None:
        self.articles = articles
        self.keys = keys  # store article key (url or id) -> article id

    def ref(self, record: AssertionRecord) -> Ref | None:
        """The annotated statement an extracted one is, is part of or holds:
        the two share more than half of the shorter one, the closest in extent
        (highest overlap over union) when several do. A quote annotated whole
        and extracted sentence by sentence maps each sentence to it; a short
        annotated span ("laughable") maps the extracted phrase around it."""
        ident = self.keys.get(record.source)
        if ident is None:
            return None
        shift = self.articles[ident].shift
        start, end = record.start + shift, record.end + shift
        best, score = None, 0.0
        for index, gold in enumerate(self.articles[ident].gold["assertions"]):
            inter = min(end, gold["end"]) - max(start, gold["start"])
            union = max(end, gold["end"]) - min(start, gold["start"])
            shorter = max(1, min(end - start, gold["end"] - gold["start"]))
            if inter <= 0 or inter / shorter <= 0.5:
                continue
            if inter / union > score:
                best, score = index, inter / union
        return None if best is None else (ident, best)


def _correct(sides: tuple[set[Ref], set[Ref]], disputes: list[list[set[Ref]]]) -> bool:
    for positions in disputes:
        for p1, p2 in combinations(positions, 2):
            if (sides[0] & p1 and sides[1] & p2) or (sides[0] & p2 and sides[1] & p1):
                return True
    return False


def _score(
    articles: dict[str, _Article],
    findings: list[FindingRecord],
    mapper: _Mapper,
    disputes: dict[str, list[list[set[Ref]]]],
    report: RealReport,
) -> None:
    found: set[str] = set()
    per_story: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for finding in findings:
        first, second = finding.assertions
        sides = tuple(
            {r for r in (mapper.ref(a) for a in [one, *finding.reports]) if r}
            for one in (first, second)
        )
        stories = {
            articles[ident].story
            for ident in (mapper.keys.get(a.source) for a in finding.assertions)
            if ident is not None
        }
        report.pairs += 1
        if len(stories) > 1:
            report.across += 1
            continue
        story = next(iter(stories), "")
        per_story[story][0] += 1
        if _correct((sides[0], sides[1]), disputes.get(story, [])):
            report.correct += 1
            per_story[story][1] += 1
            found.add(story)
    for story in sorted({a.story for a in articles.values()}):
        report.stories += 1
        annotated = bool(disputes.get(story))
        report.disputed += annotated
        report.found += annotated and story in found
        pairs, correct = per_story.get(story, [0, 0])
        report.rows.append(
            {
                "story": story,
                "disputes": len(disputes.get(story, [])),
                "pairs": pairs,
                "correct": correct,
            }
        )


def _merging(
    store: ClaimStore,
    articles: dict[str, _Article],
    keys: dict[str, str],
    mapper: _Mapper,
    report: RealReport,
) -> None:
    """Pairwise precision and recall of actor merging across an incident's articles."""
    rows = store.select(
        "SELECT ?a ?speaker ?source ?start ?end ?from WHERE { "
        "?a a ckg:Assertion ; prov:wasAttributedTo ?speaker ; "
        "ckg:quoteSpan ?s ; ckg:sourceSpan ?w ; prov:wasDerivedFrom ?article . "
        "?s nif:beginIndex ?start ; nif:endIndex ?end . ?w nif:beginIndex ?from . "
        "?article ckg:articleKey ?source }"
    )
    mentions: dict[Ref, str] = {}
    spans: dict[Ref, tuple[int, int, int]] = {}
    for row in rows:
        record = span_record(
            str(row["source"]), int(row["start"]), int(row["end"]), str(row["a"])
        )
        ref = mapper.ref(record)
        if ref is None or not articles[ref[0]].meta.get("incident"):
            continue
        span = (int(row["start"]), int(row["end"]), int(row["from"]))
        # "X and Y said ...": one assertion per conjunct, the same content; the
        # first named speaks for the annotation's one canonical speaker.
        if ref not in mentions or (span[:2] == spans[ref][:2] and span < spans[ref]):
            mentions[ref], spans[ref] = str(row["speaker"]), span
    for (r1, s1), (r2, s2) in combinations(sorted(mentions.items()), 2):
        a1, a2 = articles[r1[0]], articles[r2[0]]
        if r1[0] == r2[0] or a1.story != a2.story:
            continue  # merging across articles of one incident is what is scored
        same_gold = (
            a1.gold["assertions"][r1[1]]["speaker"]
            == a2.gold["assertions"][r2[1]]["speaker"]
        )
        same = s1 == s2
        report.merge_gold += same_gold
        report.merge_predicted += same
        report.merge_tp += same and same_gold


def evaluate_real(
    folder: Path,
    texts: Path,
    *,
    split: str = "dev",
    nlp: Language | None = None,
    settings: Settings | None = None,
) -> RealReport:
    """Ingest the split's articles into a fresh store and score the disputes
    (``settings``: default the environment's; their store is not used)."""
    report = RealReport(split)
    loaded = _load(folder, texts, split, report)
    articles = {a.id: a for a in loaded}
    report.articles = len(loaded)
    disputes = _incident_disputes(folder)
    for item in loaded:
        if item.meta.get("incident"):
            continue
        disputes[item.story] = [
            [{(item.id, i) for i in p["assertions"]} for p in d["positions"]]
            for d in item.gold.get("disputes", [])
        ]
    keys: dict[str, str] = {}
    built = []
    for item in sorted(loaded, key=lambda a: (a.meta.get("published") or "", a.id)):
        meta = {
            k: str(item.meta[k])
            for k in ("url", "title", "outlet", "published")
            if item.meta.get(k)
        }
        article = make_article(item.text, item.id, meta)
        item.shift = len(item.text) - len(item.text.lstrip("\n"))
        if article.text != item.text.strip("\n"):
            raise InputError(
                f"{item.id}: the text changes when read (line endings or leading "
                "blank lines), so its annotation offsets would not fit."
            )
        keys[article.id] = item.id
        built.append(article)
    store = open_store(":memory:")
    try:
        ingest_articles(store, built, nlp=nlp, settings=settings)
        findings = load_findings(store, kinds=("contradiction",))
        mapper = _Mapper(articles, keys)
        _score(articles, findings, mapper, disputes, report)
        _merging(store, articles, keys, mapper, report)
        report.incidents = score_disputes(
            load_disputes(store),
            mapper.ref,
            lambda source: articles[keys[source]].story if source in keys else None,
            disputes,
            sorted({a.story for a in loaded if a.meta.get("incident")}),
        )
    finally:
        store.close()
    return report
