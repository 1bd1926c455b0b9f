"""Score an extractor against hand-annotated gold attributions.

A gold file (``X.gold.json``, format in ``docs/gold-format.md``) lists the
attributions of one article with character offsets. :func:`evaluate` runs an
extractor on each article, aligns its assertions to the gold ones by content
overlap (GenderGapTracker style: ``overlap / len(gold) >= threshold``, one-to-one,
greedy by best overlap) and reports precision, recall and F1 per field.

For a field, a true positive is an aligned pair on which the field agrees;
precision divides by the number of predicted assertions, recall by the number of
gold ones. ``content`` counts every aligned pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..models import Article, Assertion, Extraction
from .gold import (
    GoldAssertion,
    GoldContradiction,
    load_gold,
)

FIELDS = ("content", "speaker+cue", "speaker", "cue", "side", "polarity", "certainty")
# Pronouns name no entity on their own, so they never make a speaker match.
_PRONOUNS = frozenset(
    "i we you he she it they me us him her them his its their our".split()
)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_POSSESSIVE = re.compile(r"['’]s?\b")


@dataclass(frozen=True)
class PredictedContradiction:
    """A detector's output: indices into ``Extraction.assertions``."""

    a: int
    b: int
    aspect: str
    type: str


Extractor = Callable[[Article], Extraction]
Detector = Callable[[Extraction], Sequence[PredictedContradiction]]


@dataclass
class Score:
    """Counts behind precision, recall and F1."""

    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float:
        """True positives over predictions (0 when nothing was predicted)."""
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        """True positives over gold items (0 when there is no gold)."""
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        """Add another score's counts to this one (micro-averaging)."""
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold


@dataclass
class ArticleReport:
    """Scores for one article; ``matches`` are (gold index, predicted index)."""

    gold_path: Path
    n_gold: int
    n_pred: int
    matches: list[tuple[int, int]]
    fields: dict[str, Score]
    contradictions: Score | None = None
    contradiction_type: Score | None = None


@dataclass
class EvalReport:
    """Micro-averaged scores over all articles, plus each article's report."""

    threshold: float
    articles: list[ArticleReport] = field(default_factory=list)
    fields: dict[str, Score] = field(default_factory=dict)
    contradictions: Score | None = None
    contradiction_type: Score | None = None
    #: Incident folder -> cross-article scores (graph.evaluate_incident).
    incidents: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """JSON-serialisable summary (what ``claimgraph eval --format json`` prints)."""

        def score(item: Score) -> dict[str, Any]:
            return {
                "precision": round(item.precision, 4),
                "recall": round(item.recall, 4),
                "f1": round(item.f1, 4),
                "tp": item.tp,
                "predicted": item.n_pred,
                "gold": item.n_gold,
            }

        fields = {name: score(value) for name, value in self.fields.items()}
        if self.contradictions is not None:
            fields["contradictions"] = score(self.contradictions)
        if self.contradiction_type is not None:
            fields["contradiction type"] = score(self.contradiction_type)
        return {
            "articles": len(self.articles),
            "gold": sum(a.n_gold for a in self.articles),
            "predicted": sum(a.n_pred for a in self.articles),
            "threshold": self.threshold,
            "fields": fields,
            "per_article": [
                {
                    "gold_file": a.gold_path.name,
                    "gold": a.n_gold,
                    "predicted": a.n_pred,
                    "content_f1": round(a.fields["content"].f1, 4),
                    "speaker_cue_f1": round(a.fields["speaker+cue"].f1, 4),
                }
                for a in self.articles
            ],
        } | (
            {"incidents": {k: v.as_dict() for k, v in self.incidents.items()}}
            if self.incidents
            else {}
        )

    def as_markdown(self) -> str:
        """The summary as a Markdown table."""
        data = self.as_dict()
        lines = [
            f"{data['articles']} articles, {data['gold']} gold assertions, "
            f"{data['predicted']} predicted (content overlap >= {self.threshold}).",
            "",
            "| field | precision | recall | F1 |",
            "|---|---|---|---|",
        ]
        for name, item in data["fields"].items():
            lines.append(
                f"| {name} | {item['precision']:.3f} | {item['recall']:.3f} | "
                f"{item['f1']:.3f} |"
            )
        for folder, incident in self.incidents.items():
            lines += ["", f"### {folder}", "", incident.as_markdown().rstrip("\n")]
        return "\n".join(lines) + "\n"


def normalise_name(name: str) -> str:
    """Lower-case a name and drop leading articles, possessives and punctuation."""
    text = _POSSESSIVE.sub("", name.casefold().replace("’", "'"))
    text = re.sub(r"[^\w\s-]", " ", text)
    text = " ".join(text.split())
    return _ARTICLE.sub("", text)


def _names(names: Sequence[str]) -> set[str]:
    normal = {normalise_name(n) for n in names}
    return {n for n in normal if n and n not in _PRONOUNS}


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def align(
    gold: Sequence[GoldAssertion],
    predicted: Sequence[Assertion],
    threshold: float = 0.3,
) -> list[tuple[int, int]]:
    """Pair gold and predicted assertions one-to-one by content overlap.

    A pair qualifies when the overlap covers at least ``threshold`` of the gold
    content; pairs are taken greedily, best overlap ratio first.
    """
    candidates: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        length = max(1, g.end - g.start)
        for pi, p in enumerate(predicted):
            ratio = _overlap(g.start, g.end, p.content.start, p.content.end) / length
            if ratio > 0 and ratio >= threshold:
                candidates.append((-ratio, gi, pi))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _speaker_names(extraction: Extraction, assertion: Assertion) -> list[str]:
    try:
        actor = extraction.actor(assertion.speaker)
    except KeyError:
        return [assertion.speaker_span.text]
    return [actor.name, *actor.aliases]


def _speaker_side(extraction: Extraction, assertion: Assertion) -> str | None:
    try:
        return extraction.actor(assertion.speaker).side
    except KeyError:
        return None


def field_agreement(
    gold: GoldAssertion, extraction: Extraction, predicted: Assertion
) -> dict[str, bool]:
    """Which fields of an aligned pair agree (``content`` always does)."""
    speaker = bool(
        _names([gold.speaker, *gold.speaker_aliases])
        & _names(_speaker_names(extraction, predicted))
    )
    if gold.cue_start is None or gold.cue_end is None:
        cue = True  # a floating quote has no cue to find
    else:
        cue = (
            _overlap(
                gold.cue_start, gold.cue_end, predicted.cue.start, predicted.cue.end
            )
            > 0
        )
    side = _speaker_side(extraction, predicted)
    same_side = (side or "").casefold() == (gold.side or "").casefold()
    return {
        "content": True,
        "speaker+cue": speaker and cue,
        "speaker": speaker,
        "cue": cue,
        "side": same_side,
        "polarity": predicted.polarity == gold.polarity,
        "certainty": predicted.certainty == gold.certainty,
    }


def _score_contradictions(
    gold: Sequence[GoldContradiction],
    predicted: Sequence[PredictedContradiction],
    pairs: list[tuple[int, int]],
) -> tuple[Score, Score]:
    to_gold = {pi: gi for gi, pi in pairs}
    found = Score(n_pred=len(predicted), n_gold=len(gold))
    typed = Score(n_pred=len(predicted), n_gold=len(gold))
    open_gold = list(range(len(gold)))
    for p in predicted:
        ends = {to_gold.get(p.a), to_gold.get(p.b)}
        for k in open_gold:
            g = gold[k]
            if ends == {g.a, g.b} and p.aspect == g.aspect:
                open_gold.remove(k)
                found.tp += 1
                typed.tp += p.type == g.type
                break
    return found, typed


def _default_extractor() -> Extractor:
    from ..extract import extract

    return extract


def rule_detector(extraction: Extraction) -> list[PredictedContradiction]:
    """Contradictions the SPARQL rules find within one extraction."""
    from ..detect.detection import find
    from ..rdf.build import extraction_quads
    from ..rdf.ids import article_iri, assertion_iri
    from ..report.findings import load_findings
    from ..store import open_store
    from ..store.ontology import ensure_ontology

    store = open_store(":memory:")
    ensure_ontology(store)
    store.add_quads(extraction_quads(extraction))
    store.add_quads(find(store))
    node = article_iri(extraction.article.text)
    index = {
        str(
            assertion_iri(node, a.speaker, a.cue.start, a.content.start, a.content.end)
        ): i
        for i, a in enumerate(extraction.assertions)
    }
    out: list[PredictedContradiction] = []
    for record in load_findings(store):
        first, second = (index.get(a.id) for a in record.assertions)
        if first is not None and second is not None:
            out.append(
                PredictedContradiction(first, second, record.aspect, record.type)
            )
    return out


def evaluate(
    gold_paths: list[Path],
    extractor: Extractor | None = None,
    *,
    detector: Detector | None = None,
    threshold: float = 0.3,
) -> EvalReport:
    """Run ``extractor`` on each gold file's article and score it.

    Args:
        gold_paths: ``*.gold.json`` files; their ``article`` paths are relative
            to the gold file.
        extractor: article to extraction; default ``graph.extract.extract``.
        detector: optional contradiction detector over one extraction, scored
            on gold files that annotate contradictions.
        threshold: minimal share of the gold content a prediction must cover.

    Raises:
        InputError: a gold file or its article is missing or malformed.
    """
    golds = [load_gold(Path(p)) for p in gold_paths]  # validate all before running
    run = extractor if extractor is not None else _default_extractor()
    report = EvalReport(threshold=threshold, fields={f: Score() for f in FIELDS})
    for gold in golds:
        article = Article(
            id=gold.article_path.name, text=gold.text, path=str(gold.article_path)
        )
        extraction = run(article)
        predicted = extraction.assertions
        pairs = align(gold.assertions, predicted, threshold)
        scores = {
            f: Score(n_pred=len(predicted), n_gold=len(gold.assertions)) for f in FIELDS
        }
        for gi, pi in pairs:
            agreed = field_agreement(gold.assertions[gi], extraction, predicted[pi])
            for name, ok in agreed.items():
                scores[name].tp += ok
        item = ArticleReport(
            gold.path, len(gold.assertions), len(predicted), pairs, scores
        )
        if detector is not None and gold.contradictions is not None:
            found, typed = _score_contradictions(
                gold.contradictions, detector(extraction), pairs
            )
            item.contradictions, item.contradiction_type = found, typed
            report.contradictions = report.contradictions or Score()
            report.contradiction_type = report.contradiction_type or Score()
            report.contradictions.add(found)
            report.contradiction_type.add(typed)
        for name, score in scores.items():
            report.fields[name].add(score)
        report.articles.append(item)
    return report
