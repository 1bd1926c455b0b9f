"""Cross-article acceptance on corpus/incident, and the relation scorer itself."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimgraph.graph.errors import InputError
from claimgraph.graph.evaluate.incident import (
    Ref,
    _Mapper,
    evaluate_incident,
    score_relations,
)
from claimgraph.graph.report.findings import AssertionRecord, FindingRecord

ROOT = Path(__file__).resolve().parent.parent
INCIDENT = ROOT / "corpus" / "incident"


@pytest.mark.model
def test_incident_articles_ingested_one_by_one(nlp: Any) -> None:
    """Five outlets, two sides: disputes across articles, one statement carried
    by two outlets counted once, and a side's later figure kept as a revision."""
    report = evaluate_incident(INCIDENT, nlp=nlp)
    scores = report.scores
    assert scores["revision"].recall == 1.0
    assert report.revisions_as_contradictions == 0
    assert scores["duplicate"].recall == 1.0
    assert report.carried_twice == 0
    # Development scores (docs/evaluation.md): 11 of 24 disputes, most of the
    # misses are extraction gaps listed there.
    assert scores["contradiction"].found >= 10
    assert scores["contradiction"].precision >= 0.45
    assert scores["corroboration"].found >= 1


class _Fixed(_Mapper):
    """Maps records by their id, "article#index"."""

    def __init__(self) -> None:
        super().__init__({}, {})

    def ref(self, record: AssertionRecord) -> Ref | None:
        name, index = record.id.split("#")
        return name, int(index)


def _finding(kind: str, *ids: str, reports: tuple[str, ...] = ()) -> FindingRecord:
    def record(key: str) -> AssertionRecord:
        return AssertionRecord(
            key, "s", None, "said", "q", "src", 0, 1, "positive", "certain"
        )

    return FindingRecord(
        id=f"{kind}:{'-'.join(ids)}",
        kind=kind,
        type="numeric",
        aspect="Casualties",
        event="e",
        confidence=0.9,
        explanation="",
        rule="r",
        assertions=[record(i) for i in ids],
        reports=[record(i) for i in reports],
    )


def test_scorer_counts_a_statement_per_outlet_and_revisions() -> None:
    expected = [
        ("contradiction", ("a", 1), ("c", 1)),
        ("contradiction", ("b", 1), ("c", 1)),
        ("duplicate", ("a", 1), ("b", 1)),
        ("revision", ("d", 1), ("c", 1)),
    ]
    once = [
        _finding("contradiction", "a#1", "c#1", reports=("b#1",)),
        _finding("restatement", "a#1", "b#1"),
        _finding("revision", "d#1", "c#1"),
    ]
    report = score_relations(expected, once, _Fixed(), 4)
    assert report.scores["contradiction"].recall == 1.0
    assert report.scores["contradiction"].precision == 1.0
    assert report.carried_twice == 0 and report.revisions_as_contradictions == 0
    twice = [
        _finding("contradiction", "a#1", "c#1"),
        _finding("contradiction", "b#1", "c#1"),
        _finding("contradiction", "d#1", "c#1"),
    ]
    report = score_relations(expected, twice, _Fixed(), 4)
    assert report.carried_twice == 1
    assert report.revisions_as_contradictions == 1
    assert report.scores["duplicate"].recall == 0.0
    assert report.scores["contradiction"].precision == pytest.approx(2 / 3)


def test_bad_expected_file_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="expected.json not found"):
        evaluate_incident(tmp_path)
    (tmp_path / "expected.json").write_text(
        json.dumps({"relations": [{"kind": "feud", "a": {}, "b": {}}]})
    )
    with pytest.raises(InputError, match=r"relations\[0\].kind must be one of"):
        evaluate_incident(tmp_path)
    (tmp_path / "expected.json").write_text(
        json.dumps(
            {
                "relations": [
                    {
                        "kind": "duplicate",
                        "a": {"article": "x.txt", "assertion": 0},
                        "b": {"article": "y.txt", "assertion": 0},
                    }
                ]
            }
        )
    )
    with pytest.raises(InputError, match="no gold assertion 0 in x.txt"):
        evaluate_incident(tmp_path)
