"""Hand-written articles on topics the extractor was not tuned on.

The texts in ``tests/data/articles/`` are fictional and written for these tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimgraph.graph.extract import extract
from claimgraph.graph.models import Article, Extraction

pytestmark = pytest.mark.model

DATA = Path(__file__).parent / "data" / "articles"


def load(name: str, nlp: Any) -> Extraction:
    text = (DATA / name).read_text(encoding="utf-8")
    extraction = extract(Article(id=name, text=text), nlp)
    for a in extraction.assertions:
        for span in (a.content, a.cue, a.speaker_span, *(v.span for v in a.values)):
            assert text[span.start : span.end] == span.text
    return extraction


def table(ex: Extraction) -> list[tuple[str, str, str]]:
    return [
        (ex.actor(a.speaker).name, a.cue.text, a.content.text) for a in ex.assertions
    ]


def test_company_dispute(nlp: Any) -> None:
    ex = load("company-gearbox-dispute.txt", nlp)
    rows = table(ex)
    assert rows[0][:2] == ("Nordvik Energy", "accused")
    assert ex.actor(ex.assertions[0].target or "").name == "Baltic Turbine Works"
    quotes = [r for r in rows if r[0] == "Ingrid Halvorsen"]
    assert [r[2] for r in quotes] == [
        "Every one of the twelve gearboxes failed within six months",
        "We paid in full and we expect to be compensated",
    ]
    denial = next(a for a in ex.assertions if a.cue.text == "denied")
    assert ex.actor(denial.speaker).name == "Baltic Turbine Works"
    assert denial.polarity == "negative"
    # "In a statement, the company blamed Nordvik": the company just named.
    blame = next(a for a in ex.assertions if a.cue.text == "blamed")
    assert blame.speaker == denial.speaker
    assert [v.actor for v in blame.values if v.aspect == "Responsibility"] == [
        "org:nordvik-energy"
    ]
    warned = next(a for a in ex.assertions if "warned the operator" in a.content.text)
    durations = [v for v in warned.values if v.kind == "duration"]
    assert [(v.number, v.comparator) for v in durations] == [(14 * 86400.0, "eq")]
    according = next(a for a in ex.assertions if a.pattern == "p_according")
    assert ex.actor(according.speaker).side == "Norway"
    hedged = next(a for a in ex.assertions if "could delay" in a.content.text)
    assert hedged.certainty == "possible"
    assert "neither company" not in " ".join(r[2] for r in rows)


def test_court_case(nlp: Any) -> None:
    ex = load("court-fraud-conviction.txt", nlp)
    rows = table(ex)
    assert ("Mary Collins", "said") == rows[1][:2]
    assert 'the evidence was "overwhelming"' in rows[1][2]
    lawyer = [a for a in ex.assertions if ex.actor(a.speaker).name == "Patrick Byrne"]
    assert [a.pattern for a in lawyer] == ["p_ccomp", "p_ccomp", "p_floating"]
    assert ex.actor(lawyer[0].speaker).acts_for == "person:sean-doyle"
    passive = next(a for a in ex.assertions if a.pattern == "p_passive")
    assert ex.actor(passive.speaker).name == "prosecutors"
    assert ex.actor(passive.target or "").name == "bank"
    # "She did not say whether ...": no assertion.
    assert not [a for a in ex.assertions if a.cue.text == "say"]
    spokeswoman = ex.actor(ex.assertions[-1].speaker)
    assert spokeswoman.role == "bank spokeswoman"
