"""The real-news set's manifest and annotations (no texts, no model)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from claimgraph.graph.evaluate.real import evaluate_real

REAL = Path(__file__).resolve().parent.parent / "corpus" / "real"
MANIFEST = json.loads((REAL / "manifest.json").read_text(encoding="utf-8"))
ARTICLES = {a["id"]: a for a in MANIFEST["articles"]}
#: What an annotation may hold: offsets, names, labels, our own paraphrases;
#: never the article's words ("content", "cue" text).
ALLOWED = {
    "speaker",
    "speaker_aliases",
    "party",
    "side",
    "cue_start",
    "cue_end",
    "start",
    "end",
    "polarity",
    "certainty",
    "parent",
    "summary",
}


def gold(ident: str) -> dict[str, Any]:
    return json.loads((REAL / f"{ident}.gold.json").read_text(encoding="utf-8"))


def test_the_set_is_large_and_varied() -> None:
    assert len(ARTICLES) >= 40
    assert len({a["domain"] for a in ARTICLES.values()}) >= 10
    outlets = Counter(a["incident"] for a in ARTICLES.values() if a["incident"])
    assert sum(1 for n in outlets.values() if n >= 3) >= 5
    splits = Counter(a["split"] for a in ARTICLES.values())
    assert 0.2 <= splits["heldout"] / len(ARTICLES) <= 0.4


@pytest.mark.parametrize("ident", sorted(ARTICLES))
def test_annotation_holds_no_article_text_and_fits_its_length(ident: str) -> None:
    item, entry = gold(ident), ARTICLES[ident]
    assert item["sha256"] == entry["sha256"]
    count = len(item["assertions"])
    for assertion in item["assertions"]:
        assert set(assertion) <= ALLOWED
        assert 0 <= assertion["start"] < assertion["end"] <= entry["length"]
        assert assertion["party"]
        assert assertion["parent"] is None or 0 <= assertion["parent"] < count
    for dispute in item["disputes"]:
        for position in dispute["positions"]:
            assert all(0 <= i < count for i in position["assertions"])


def test_incident_disputes_name_annotated_statements() -> None:
    for incident in MANIFEST["incidents"]:
        for dispute in incident["disputes"]:
            assert len(dispute["positions"]) >= 2
            for position in dispute["positions"]:
                for ref in position["statements"]:
                    assert ARTICLES[ref["article"]]["incident"] == incident["incident"]
                    assert (
                        0 <= ref["assertion"] < len(gold(ref["article"])["assertions"])
                    )


def test_missing_and_changed_texts_are_listed_not_scored(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    first = sorted(i for i, a in ARTICLES.items() if a["split"] == "heldout")[0]
    (texts / f"{first}.txt").write_text("not the article", encoding="utf-8")
    report = evaluate_real(REAL, texts, split="heldout")
    assert report.changed == [first]
    assert first not in report.missing
    assert (
        len(report.missing)
        == sum(1 for a in ARTICLES.values() if a["split"] == "heldout") - 1
    )
    assert report.articles == 0 and report.pairs == 0


def _story(text: str, ident: str, claims: list[tuple[str, str, str]]) -> dict[str, Any]:
    """A gold file for ``text``: (speaker, party, content) with offsets located."""
    assertions = []
    for speaker, party, content in claims:
        start = text.index(content)
        assertions.append(
            {
                "speaker": speaker,
                "party": party,
                "start": start,
                "end": start + len(content),
                "parent": None,
            }
        )
    return {"id": ident, "assertions": assertions}


@pytest.mark.model
def test_scoring_a_small_set_end_to_end(tmp_path: Path, nlp: Any) -> None:
    import hashlib

    texts = {
        "plant": (
            "Acme Chemicals said the plant had never leaked any chlorine into the river. "
            "The river trust said the plant leaked chlorine into the river for a week."
        ),
        "match": "The club said the striker would stay until the end of the season.",
    }
    golds = {
        "plant": _story(
            texts["plant"],
            "plant",
            [
                (
                    "Acme Chemicals",
                    "Acme Chemicals",
                    "the plant had never leaked any chlorine into the river",
                ),
                (
                    "river trust",
                    "river trust",
                    "the plant leaked chlorine into the river for a week",
                ),
            ],
        ),
        "match": _story(
            texts["match"],
            "match",
            [
                ("club", "club", "the striker would stay until the end of the season"),
            ],
        ),
    }
    golds["plant"]["disputes"] = [
        {
            "question": "Did it leak?",
            "positions": [{"assertions": [0]}, {"assertions": [1]}],
        }
    ]
    golds["match"]["disputes"] = []
    folder, local = tmp_path / "real", tmp_path / "texts"
    folder.mkdir()
    local.mkdir()
    articles = []
    for ident, text in texts.items():
        (local / f"{ident}.txt").write_text(text, encoding="utf-8")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        golds[ident]["sha256"] = digest
        (folder / f"{ident}.gold.json").write_text(json.dumps(golds[ident]), "utf-8")
        articles.append(
            {
                "id": ident,
                "incident": None,
                "sha256": digest,
                "split": "dev",
                "published": "2024-01-0" + str(len(articles) + 1),
            }
        )
    (folder / "manifest.json").write_text(
        json.dumps({"articles": articles, "incidents": []}), "utf-8"
    )
    report = evaluate_real(folder, local, split="dev", nlp=nlp)
    assert (report.stories, report.disputed, report.found) == (2, 1, 1)
    assert (report.pairs, report.correct, report.across) == (1, 1, 0)


def test_an_extracted_sentence_maps_to_the_annotated_quote_holding_it() -> None:
    """A quote annotated whole and extracted sentence by sentence still counts."""
    from claimgraph.graph.evaluate.real import _Article, _Mapper
    from claimgraph.graph.report.findings import AssertionRecord

    gold = {
        "assertions": [
            {"start": 10, "end": 110},  # a three-sentence quote
            {"start": 60, "end": 80},  # a claim nested in it
        ]
    }
    mapper = _Mapper({"a": _Article("a", "a", {}, gold)}, {"key": "a"})

    def ref(start: int, end: int) -> object:
        record = AssertionRecord(
            id="x",
            speaker="",
            side=None,
            cue="",
            quote="",
            source="key",
            start=start,
            end=end,
            polarity="",
            certainty="",
        )
        return mapper.ref(record)

    assert ref(10, 40) == ("a", 0)  # its first sentence
    assert ref(60, 80) == ("a", 1)  # the nested claim, closest in extent
    assert ref(100, 140) is None  # mostly outside any annotated statement


def test_incident_disputes_are_counted_and_statements_placed() -> None:
    from claimgraph.graph.evaluate.real_disputes import score_disputes
    from claimgraph.graph.report.disputes import (
        DisputeRecord,
        Position,
        Statement,
    )

    # Gold: one dispute; positions {a#0, b#0} against {a#1, b#1}; statement
    # #0 of each article starts at 0, #1 at 100.
    gold = {"inc": [[{("a", 0), ("b", 0)}, {("a", 1), ("b", 1)}]]}

    def said(ref: tuple[str, int]) -> Statement:
        start = 100 * ref[1]
        return Statement(
            id=f"{ref}",
            speaker="",
            party="",
            cue="",
            quote="",
            source=ref[0],
            start=start,
            end=start + 10,
            published=None,
        )

    def ref(record: Any) -> tuple[str, int]:
        return (record.source, record.start // 100)

    def dispute(*positions: list[tuple[str, int]]) -> DisputeRecord:
        return DisputeRecord(
            id="d",
            incident="i",
            event="",
            question="",
            aspect="",
            confidence=1.0,
            first_seen=None,
            last_seen=None,
            positions=[
                Position(str(n), statements=[said(r) for r in refs])
                for n, refs in enumerate(positions)
            ],
        )

    right = dispute([("a", 0)], [("a", 1)])
    # A split-off dispute holding b#0 under the other side's position.
    wrong = dispute([("a", 1), ("b", 1), ("b", 0)], [("a", 0)])
    (row,) = score_disputes([right, wrong], ref, lambda source: "inc", gold, ["inc"])
    assert (row["annotated_disputes"], row["disputes_found"]) == (1, 2)
    assert not row["within_tolerance"]
    assert (row["statements_placed"], row["annotated_statements"]) == (3, 4)
    (alone,) = score_disputes([right], ref, lambda source: "inc", gold, ["inc"])
    assert alone["within_tolerance"] and alone["statements_placed"] == 2
