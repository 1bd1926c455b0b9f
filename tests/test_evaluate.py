"""The gold-set scorer, driven by hand-built fake extractors (no model)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from claimgraph.graph.errors import InputError
from claimgraph.graph.evaluate.gold import load_gold
from claimgraph.graph.evaluate.scoring import (
    EvalReport,
    PredictedContradiction,
    align,
    evaluate,
    normalise_name,
)
from claimgraph.graph.models import Actor, Article, Assertion, Extraction, Span

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "The Ministry of Fisheries said the vessel was in Norwegian waters. "
    '"We never received any warning," Iceland\'s ministry said.'
)


def span(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def gold_item(
    speaker: str, cue: str | None, content: str, **extra: Any
) -> dict[str, Any]:
    c = span(TEXT, content)
    item: dict[str, Any] = {
        "speaker": speaker,
        "speaker_aliases": extra.pop("aliases", []),
        "side": extra.pop("side", None),
        "cue": cue,
        "cue_start": None,
        "cue_end": None,
        "content": content,
        "start": c.start,
        "end": c.end,
        "polarity": "positive",
        "certainty": "certain",
    }
    if cue is not None:
        # The cue is the first occurrence after the content's sentence start.
        base = TEXT.rfind(".", 0, c.start) + 1
        at = TEXT.index(cue, base)
        item["cue_start"], item["cue_end"] = at, at + len(cue)
    item.update(extra)
    return item


GOLD_ITEMS = [
    gold_item(
        "Ministry of Fisheries",
        "said",
        "the vessel was in Norwegian waters",
        side="Norway",
        aliases=["the ministry", "it"],
    ),
    gold_item(
        "Icelandic fisheries ministry",
        "said",
        "We never received any warning",
        side="Iceland",
        aliases=["Iceland's ministry"],
        polarity="negative",
    ),
]


def write_gold(tmp_path: Path, **top: Any) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    data = {"article": "a.txt", "assertions": GOLD_ITEMS, **top}
    path = tmp_path / "a.gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def predict(
    article: Article,
    rows: list[tuple[str, str | None, str, str, str]],
) -> Extraction:
    """Build an extraction from (speaker name, side, cue, content, polarity) rows."""
    actors: dict[str, Actor] = {}
    assertions = []
    for name, side, cue, content, polarity in rows:
        key = name.lower()
        actors.setdefault(key, Actor(key, name, "organisation", side=side))
        cue_span = span(article.text, cue) if cue else Span(0, 0, "")
        assertions.append(
            Assertion(
                speaker=key,
                speaker_span=Span(0, 0, ""),
                cue=cue_span,
                cue_lemma=cue,
                cue_class="Say",
                content=span(article.text, content),
                pattern="p_test",
                polarity=polarity,  # type: ignore[arg-type]
            )
        )
    return Extraction(article, list(actors.values()), [], assertions)


PERFECT = [
    (
        "The Ministry of Fisheries",
        "Norway",
        "said",
        "the vessel was in Norwegian waters",
        "positive",
    ),
    (
        "Iceland’s ministry",
        "Iceland",
        "ministry said",
        "We never received any warning",
        "negative",
    ),
]


def fields(report: EvalReport) -> dict[str, tuple[float, float, float]]:
    return {
        k: (round(s.precision, 3), round(s.recall, 3), round(s.f1, 3))
        for k, s in report.fields.items()
    }


def test_perfect_extractor_scores_one(tmp_path: Path) -> None:
    report = evaluate([write_gold(tmp_path)], lambda a: predict(a, PERFECT))
    assert set(fields(report).values()) == {(1.0, 1.0, 1.0)}
    assert report.articles[0].matches == [(0, 0), (1, 1)]
    assert report.contradictions is None


def test_empty_extractor_scores_zero(tmp_path: Path) -> None:
    report = evaluate([write_gold(tmp_path)], lambda a: predict(a, []))
    assert set(fields(report).values()) == {(0.0, 0.0, 0.0)}
    assert report.fields["content"].n_gold == 2


def test_field_errors_are_counted_separately(tmp_path: Path) -> None:
    rows = [
        ("Coast Guard", None, "said", "the vessel was in Norwegian waters", "negative"),
        (
            "Iceland’s ministry",
            "Iceland",
            "received",
            "We never received any warning",
            "negative",
        ),
    ]
    report = evaluate([write_gold(tmp_path)], lambda a: predict(a, rows))
    got = {k: s.tp for k, s in report.fields.items()}
    assert got == {
        "content": 2,
        "speaker+cue": 0,  # 1st: wrong speaker; 2nd: cue inside the content
        "speaker": 1,
        "cue": 1,
        "side": 1,
        "polarity": 1,
        "certainty": 2,
    }


def test_pronoun_alias_never_matches_a_speaker(tmp_path: Path) -> None:
    rows = [("it", "Norway", "said", "the vessel was in Norwegian waters", "positive")]
    report = evaluate([write_gold(tmp_path)], lambda a: predict(a, rows))
    assert report.fields["speaker"].tp == 0
    assert report.fields["side"].tp == 1


@pytest.mark.parametrize(
    ("threshold", "matched"), [(0.3, False), (0.15, True)], ids=["0.3", "0.15"]
)
def test_overlap_threshold(tmp_path: Path, threshold: float, matched: bool) -> None:
    # "waters" covers 6 of the gold content's 34 characters (0.18).
    rows = [("Ministry of Fisheries", "Norway", "said", "waters", "positive")]
    report = evaluate(
        [write_gold(tmp_path)], lambda a: predict(a, rows), threshold=threshold
    )
    assert (report.fields["content"].tp == 1) is matched


def test_alignment_is_one_to_one_best_first() -> None:
    gold = load_gold_items()
    article = Article("a", TEXT)
    rows = [
        ("x", None, "said", "in Norwegian waters", "positive"),
        ("y", None, "said", "the vessel was in Norwegian waters", "positive"),
    ]
    pairs = align(gold, predict(article, rows).assertions)
    assert pairs == [(0, 1)]


def load_gold_items() -> Any:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return load_gold(write_gold(Path(folder))).assertions


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("The Ministry of Fisheries", "ministry of fisheries"),
        ("Netanyahu’s bureau", "netanyahu bureau"),
        ("Norway's  Coast Guard.", "norway coast guard"),
        ("an official", "official"),
    ],
)
def test_normalise_name(name: str, normal: str) -> None:
    assert normalise_name(name) == normal


def test_contradictions_are_scored_through_the_alignment(tmp_path: Path) -> None:
    gold = write_gold(
        tmp_path,
        contradictions=[{"a": 0, "b": 1, "aspect": "Location", "type": "value"}],
    )

    def detector(extraction: Extraction) -> list[PredictedContradiction]:
        return [
            PredictedContradiction(1, 0, "Location", "polarity"),
            PredictedContradiction(0, 1, "Casualties", "numeric"),
        ]

    report = evaluate([gold], lambda a: predict(a, PERFECT), detector=detector)
    assert report.contradictions is not None and report.contradiction_type is not None
    assert (report.contradictions.tp, report.contradictions.n_pred) == (1, 2)
    assert report.contradictions.recall == 1.0
    assert report.contradiction_type.tp == 0


def test_relative_article_path(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "gold" / "a.gold.json"
    path.write_text(json.dumps({"article": "../texts/a.txt", "assertions": GOLD_ITEMS}))
    assert len(load_gold(path).assertions) == 2


def broken(item: dict[str, Any]) -> list[dict[str, Any]]:
    return [item, *GOLD_ITEMS[1:]]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "not found"),
        ("{", "invalid JSON: Expecting property name"),
        ([], "top level must be an object"),
        ({"assertions": []}, "top level has no 'article'"),
        ({"article": "missing.txt", "assertions": []}, "article 'missing.txt'"),
        (
            {"article": "a.txt", "assertions": broken({**GOLD_ITEMS[0], "start": 1})},
            "assertions[0].content text",
        ),
        (
            {"article": "a.txt", "assertions": broken({**GOLD_ITEMS[0], "end": 9999})},
            "outside the article",
        ),
        (
            {
                "article": "a.txt",
                "assertions": broken({**GOLD_ITEMS[0], "cue": "says"}),
            },
            "assertions[0].cue text",
        ),
        (
            {
                "article": "a.txt",
                "assertions": broken({**GOLD_ITEMS[0], "polarity": "maybe"}),
            },
            "polarity 'maybe' not in positive, negative, unknown",
        ),
        (
            {"article": "a.txt", "assertions": broken({**GOLD_ITEMS[0], "parent": 5})},
            "parent 5 is out of range",
        ),
        (
            {
                "article": "a.txt",
                "assertions": GOLD_ITEMS,
                "contradictions": [{"a": 0, "b": 2, "aspect": "X", "type": "value"}],
            },
            "contradictions[0] indices 0, 2 must be two of 0..1",
        ),
    ],
)
def test_malformed_gold_is_one_input_error(
    tmp_path: Path, content: Any, message: str
) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "a.gold.json"
    if content is not None:
        text = content if isinstance(content, str) else json.dumps(content)
        path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        evaluate([path], lambda a: pytest.fail("extractor must not run"))
    text = str(info.value)
    assert "\n" not in text
    assert text.startswith(f"Gold file {path}: ")
    assert message in text


@pytest.mark.model
@pytest.mark.skipif(
    importlib.util.find_spec("claimgraph.graph.extract") is None,
    reason="graph.extract is not written yet",
)
def test_real_extractor_on_the_gold_corpus() -> None:
    # corpus/real is the real-news set, scored by graph.evaluate.real.
    paths = sorted(
        p for p in (ROOT / "corpus").glob("*/*.gold.json") if p.parent.name != "real"
    )
    report = evaluate(paths)
    assert len(report.articles) == len(paths)
    content = report.fields["content"]
    assert content.n_gold == sum(a.n_gold for a in report.articles)
    assert 0.0 < content.recall <= 1.0
    for score in report.fields.values():
        assert score.tp <= content.tp
