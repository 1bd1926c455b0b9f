"""Candidates by sentence similarity (graph/detect/similar.py) and its setting.

The tests marked ``model`` load the sentence encoder (the ``semantic`` extra,
installed by ``make test`` and CI); the others use hand-made vectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.graph.detect import similar
from claimgraph.graph.detect.detection import refresh
from claimgraph.graph.detect.similar import COSINE, SimilarPairs, note, similar_pairs
from claimgraph.graph.errors import ModelError, UsageError
from claimgraph.graph.pipeline import ingest_extraction
from claimgraph.graph.report.findings import FindingRecord, load_findings
from claimgraph.graph.settings import Settings
from claimgraph.graph.store import ClaimStore, open_store
from claimgraph.graph.store.ontology import ensure_ontology
from tests.builders import ArticleBuilder

DENIAL = "Bordurian soldiers never opened fire on the village of Ostrava"
PARAPHRASE = "troops from Borduria shot at villagers in Ostrava"
UNRELATED = "the Ostrava football club signed a new goalkeeper from Porto"


# --- the setting --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, False), ("on", True), ("1", True), ("Yes", True), ("off", False)],
)
def test_setting_is_read_from_the_environment(raw: str | None, expected: bool) -> None:
    env = {} if raw is None else {"CLAIMGRAPH_SEMANTIC": raw}
    assert Settings.from_env(env).semantic is expected


def test_setting_refuses_other_values() -> None:
    with pytest.raises(UsageError, match="CLAIMGRAPH_SEMANTIC must be 'on' or 'off'"):
        Settings.from_env({"CLAIMGRAPH_SEMANTIC": "maybe"})


def test_off_means_no_similarity_and_no_model() -> None:
    assert similar_pairs(Settings()) is None


def test_missing_extra_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimgraph.graph.semantic as semantic

    monkeypatch.setattr(semantic, "available", lambda: False)
    with pytest.raises(ModelError, match=r"pip install 'claimgraph\[semantic\]'"):
        similar_pairs(Settings(semantic=True))


def test_cli_flag_without_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    import claimgraph.graph.semantic as semantic

    monkeypatch.setattr(semantic, "available", lambda: False)
    (tmp_path / "a.txt").write_text("The ministry said the road was closed.\n")
    result = CliRunner().invoke(
        app, ["ingest", "--store", ":memory:", "--semantic", str(tmp_path / "a.txt")]
    )
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == f"Error: {similar.NO_EXTRA}"


# --- choosing candidates, with hand-made vectors ------------------------------


class FakeEncoder:
    """Vectors given by hand; records what it was asked to encode."""

    def __init__(self, vectors: dict[str, Sequence[float]]) -> None:
        self.vectors = vectors
        self.asked: list[str] = []

    def encode(self, texts: Sequence[str]) -> Any:
        self.asked += texts
        rows = np.array([self.vectors[t] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def row(a1: str, a2: str, value1: str, value2: str) -> dict[str, Any]:
    return {"a1": a1, "a2": a2, "value1": value1, "value2": value2}


NEG = "the gunners never fired at Ostrava village"
POS = "artillery shelled Ostrava village overnight"
TIE = "artillery hit Ostrava village before dawn"
OTHER = "the Ostrava club signed a goalkeeper today"
APART = "prices of bread rose sharply this spring"


def fake() -> FakeEncoder:
    return FakeEncoder(
        {
            NEG: [1, 0, 0],
            POS: [0.8, 0.6, 0],
            TIE: [0.8, 0, 0.6],
            OTHER: [0, 1, 0],
            APART: [1, 0, 0],
        }
    )


def test_the_most_similar_candidate_is_chosen_ties_by_iri() -> None:
    rows = [
        row("n", "p2", NEG, TIE),
        row("n", "p1", NEG, POS),
        row("n", "o", NEG, OTHER),
    ]
    (chosen,) = SimilarPairs(fake(), min_cosine=0.5).extra_rows(rows, [])
    assert chosen["a2"] == "p1"  # 0.8 both, lower IRI
    assert chosen[COSINE] == pytest.approx(0.8)
    assert "cosine 0.80" in note(chosen)
    assert note(rows[0]) == ""


def test_below_the_bar_nothing_is_chosen() -> None:
    rows = [row("n", "o", NEG, OTHER)]
    assert SimilarPairs(fake(), min_cosine=0.5).extra_rows(rows, []) == []


def test_statements_the_word_test_answered_are_left_alone() -> None:
    encoder = fake()
    rows = [row("n", "p1", NEG, POS)]
    assert SimilarPairs(encoder).extra_rows(rows, [rows[0]]) == []
    assert encoder.asked == []  # nothing encoded


def test_candidates_without_a_shared_word_or_too_short_are_not_encoded() -> None:
    encoder = fake()
    rows = [row("n", "x", NEG, APART), row("n", "y", NEG, "Ostrava was hit")]
    assert SimilarPairs(encoder).extra_rows(rows, []) == []
    assert encoder.asked == []


def test_only_the_listed_open_rules_take_similar_candidates() -> None:
    from claimgraph.graph.detect.rules import load_rules
    from claimgraph.graph.detect.similar import RULES, selected

    rows = [row("n", "p1", NEG, POS)]
    for rule in load_rules(Settings()):
        got = selected(rule, rows, [], SimilarPairs(fake(), min_cosine=0.5))
        assert len(got) == (rule.id in RULES), rule.id
    assert RULES <= {rule.id for rule in load_rules(Settings())}


# --- in the pipeline, with the model ------------------------------------------


@pytest.fixture
def store() -> ClaimStore:
    opened = open_store(":memory:")
    ensure_ontology(opened)
    return opened


def incident(positive: str, polarity: str = "negative") -> ArticleBuilder:
    b = ArticleBuilder("report", date="2026-05-01")
    ministry = b.org("Bordurian defence ministry", "Borduria")
    army = b.org("Atlantis army", "Atlantis")
    b.say(army, positive)
    b.say(ministry, DENIAL, cue="insisted", polarity=polarity)
    return b


def contradictions(store: ClaimStore) -> list[FindingRecord]:
    return load_findings(store, kinds=("contradiction",))


@pytest.mark.model
def test_a_paraphrase_the_word_test_misses_is_paired_by_the_rule(
    store: ClaimStore,
) -> None:
    ingest_extraction(store, incident(PARAPHRASE).build())
    assert contradictions(store) == []  # the word test alone: no candidate
    assert refresh(store, similar=SimilarPairs()) == 1
    (finding,) = contradictions(store)
    assert (finding.type, finding.rule) == ("polarity", "open-polarity")
    assert "says it is not so" in finding.explanation  # the rule's own sentence
    assert "sentence similarity, cosine 0.6" in finding.explanation


@pytest.mark.model
def test_an_unrelated_statement_is_not_paired(store: ClaimStore) -> None:
    ingest_extraction(store, incident(UNRELATED).build(), similar=SimilarPairs())
    assert contradictions(store) == []


@pytest.mark.model
def test_the_rule_decides_two_affirmations_are_no_dispute(store: ClaimStore) -> None:
    built = incident(PARAPHRASE, polarity="positive").build()
    ingest_extraction(store, built, similar=SimilarPairs())
    assert contradictions(store) == []


@pytest.mark.model
def test_same_findings_every_time_and_either_way() -> None:
    def run(at_ingest: bool) -> list[tuple[str, str]]:
        opened = open_store(":memory:")
        ensure_ontology(opened)
        chosen = SimilarPairs() if at_ingest else None
        ingest_extraction(opened, incident(PARAPHRASE).build(), similar=chosen)
        if not at_ingest:
            refresh(opened, similar=SimilarPairs())
        return [(f.id, f.explanation) for f in contradictions(opened)]

    first = run(True)
    assert len(first) == 1
    assert run(True) == first
    assert run(False) == first
