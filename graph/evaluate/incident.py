"""Score cross-article findings on an incident folder against its ``expected.json``.

An incident folder holds several articles on one event, their gold files and an
``expected.json`` whose ``relations`` link gold assertions across articles
(``contradiction``, ``corroboration``, ``duplicate``: one statement carried by two
outlets, ``revision``: a side revising its own figure). The articles are
ingested one by one into a fresh in-memory store, as a user would, so the
incremental detection is what gets scored; then every stored finding is mapped
to gold assertions by character overlap. Format: ``docs/gold-format.md``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..inputs import make_article
from ..pipeline import Extractor, ingest_articles
from ..report.findings import AssertionRecord, FindingRecord, load_findings
from ..store import open_store
from .gold import GoldArticle, load_gold

if TYPE_CHECKING:
    from spacy.language import Language

Ref = tuple[str, int]  # (article file name, gold assertion index)
KINDS = ("contradiction", "corroboration", "duplicate", "revision")
_FINDING_KIND = {
    "contradiction": "contradiction",
    "corroboration": "corroboration",
    "revision": "revision",
}


@dataclass
class RelationScore:
    """Recall over expected relations, precision over findings.

    One finding can stand for several relations (a statement repeated by two
    outlets is one finding), so the two use separate counts.
    """

    gold: int = 0
    found: int = 0
    predicted: int = 0
    useful: int = 0

    @property
    def recall(self) -> float:
        """Expected relations some finding covers, over all expected."""
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        """Findings that cover an expected relation, over all findings."""
        return self.useful / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class IncidentReport:
    """Relation scores; a relation is found when one finding covers both ends."""

    articles: int
    scores: dict[str, RelationScore] = field(default_factory=dict)
    #: Duplicate pairs whose contradictions are reported once per outlet.
    carried_twice: int = 0
    #: Revision pairs that were (also) reported as contradictions.
    revisions_as_contradictions: int = 0
    missed: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """JSON-serialisable summary."""
        return {
            "articles": self.articles,
            "relations": {
                kind: {
                    "precision": round(s.precision, 3),
                    "recall": round(s.recall, 3),
                    "f1": round(s.f1, 3),
                    "found": s.found,
                    "gold": s.gold,
                    "useful": s.useful,
                    "predicted": s.predicted,
                }
                for kind, s in self.scores.items()
            },
            "carried_twice": self.carried_twice,
            "revisions_as_contradictions": self.revisions_as_contradictions,
            "missed": self.missed,
        }

    def as_markdown(self) -> str:
        """A Markdown table of the relation scores."""
        lines = [
            f"Incident: {self.articles} articles ingested one by one.",
            "",
            "| relation | precision | recall | F1 | found / gold | findings |",
            "|---|---|---|---|---|---|",
        ]
        for kind, s in self.scores.items():
            lines.append(
                f"| {kind} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | "
                f"{s.found} / {s.gold} | {s.predicted} |"
            )
        lines += [
            "",
            f"Duplicates whose disputes were reported once per outlet: "
            f"{self.carried_twice}.",
            f"Revisions reported as contradictions: "
            f"{self.revisions_as_contradictions}.",
        ]
        return "\n".join(lines) + "\n"


def _ref(item: Any, where: str) -> Ref:
    if (
        not isinstance(item, dict)
        or not isinstance(item.get("article"), str)
        or not isinstance(item.get("assertion"), int)
    ):
        raise InputError(f"{where} must be {{'article': name, 'assertion': index}}.")
    return item["article"], item["assertion"]


def load_expected(folder: Path) -> list[tuple[str, Ref, Ref]]:
    """``expected.json`` relations as (kind, a, b) (format: docs/gold-format.md)."""
    path = folder / "expected.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path} not found: an incident folder needs one.") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path} cannot be read: {exc}".split("\n")[0]) from None
    relations = data.get("relations") if isinstance(data, dict) else None
    if not isinstance(relations, list):
        raise InputError(f"{path}: top level needs a 'relations' list.")
    out = []
    for i, item in enumerate(relations):
        kind = item.get("kind") if isinstance(item, dict) else None
        if kind not in KINDS:
            raise InputError(
                f"{path}: relations[{i}].kind must be one of {', '.join(KINDS)}."
            )
        where = f"{path}: relations[{i}]"
        out.append(
            (kind, _ref(item.get("a"), where + ".a"), _ref(item.get("b"), where + ".b"))
        )
    return out


class _Mapper:
    """Finds the gold assertion a stored assertion stands for."""

    def __init__(self, golds: dict[str, GoldArticle], keys: dict[str, str]) -> None:
        self.golds = golds
        self.keys = keys  # article key in the store -> gold article file name

    def ref(self, record: AssertionRecord) -> Ref | None:
        name = self.keys.get(record.source)
        if name is None:
            return None
        # The gold assertion whose content span matches best (intersection over
        # union): a nested claim lies inside its reporting assertion's span.
        best, best_score = None, 0.5
        for index, gold in enumerate(self.golds[name].assertions):
            inter = min(record.end, gold.end) - max(record.start, gold.start)
            union = max(record.end, gold.end) - min(record.start, gold.start)
            if inter > 0 and inter / union > best_score:
                best, best_score = index, inter / union
        return None if best is None else (name, best)

    def refs(self, records: Iterable[AssertionRecord]) -> set[Ref]:
        return {r for r in (self.ref(a) for a in records) if r is not None}


def _covers(finding_refs: set[Ref], a: Ref, b: Ref) -> bool:
    return a != b and a in finding_refs and b in finding_refs


def evaluate_incident(
    folder: Path, *, extractor: Extractor | None = None, nlp: Language | None = None
) -> IncidentReport:
    """Ingest ``folder``'s articles one by one and score the cross-article findings.

    Raises:
        InputError: ``expected.json`` or a gold file is missing or malformed.
    """
    expected = load_expected(folder)
    golds: dict[str, GoldArticle] = {}
    for path in sorted(folder.glob("*.gold.json")):
        gold = load_gold(path)
        golds[gold.article_path.name] = gold
    for _, *ends in expected:
        for name, index in ends:
            if name not in golds or not 0 <= index < len(golds[name].assertions):
                raise InputError(
                    f"{folder / 'expected.json'}: no gold assertion {index} in {name}."
                )
    # Per-article gold contradictions count too (e.g. a rebuttal within one article).
    for name, gold in golds.items():
        for c in gold.contradictions or ():
            expected.append(("contradiction", (name, c.a), (name, c.b)))
    keys: dict[str, str] = {}
    store = open_store(":memory:")
    try:
        for name, gold in golds.items():
            article = make_article(gold.text, name, gold.meta, str(gold.article_path))
            keys[article.id] = name
            ingest_articles(store, [article], nlp=nlp, extractor=extractor)
        findings = load_findings(
            store, kinds=("contradiction", "corroboration", "revision", "restatement")
        )
    finally:
        store.close()
    return score_relations(expected, findings, _Mapper(golds, keys), len(golds))


def score_relations(
    expected: list[tuple[str, Ref, Ref]],
    findings: list[FindingRecord],
    mapper: _Mapper,
    articles: int,
) -> IncidentReport:
    """Match findings to expected relations (see :class:`IncidentReport`)."""
    report = IncidentReport(articles)
    covered = [(f, mapper.refs(f.assertions + f.reports)) for f in findings]
    for kind in KINDS:
        wanted = [(a, b) for k, a, b in expected if k == kind]
        finding_kind = _FINDING_KIND.get(kind, "restatement")
        mine = [(f, refs) for f, refs in covered if f.kind == finding_kind]
        score = RelationScore(gold=len(wanted), predicted=len(mine))
        useful: set[str] = set()
        for a, b in wanted:
            hits = {f.id for f, refs in mine if _covers(refs, a, b)}
            if hits:
                score.found += 1
            else:
                report.missed.append(f"{kind} {a[0]}#{a[1]} ~ {b[0]}#{b[1]}")
            useful |= hits
        score.useful = len(useful)
        report.scores[kind] = score
    contradictions = [refs for f, refs in covered if f.kind == "contradiction"]
    for kind, a, b in expected:
        if kind == "revision":
            report.revisions_as_contradictions += any(
                _covers(refs, a, b) for refs in contradictions
            )
        if kind == "duplicate":
            # Reported once per outlet: a ~ x and b ~ x as two separate findings.
            with_a = [r - {a} for r in contradictions if a in r and b not in r]
            with_b = [r - {b} for r in contradictions if b in r and a not in r]
            report.carried_twice += any(x & y for x in with_a for y in with_b)
    return report
