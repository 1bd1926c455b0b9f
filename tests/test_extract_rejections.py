"""Rejections worded as disagreement or evaluation: "we do not agree with their
conclusions", "the assessment is flawed", "not based on any proof", "called
the claims 'slanderous'", "contrary to a statement made by X"."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph import Article, ClaimGraph, Settings
from claimgraph.graph.extract import extract
from claimgraph.graph.models import Assertion

pytestmark = pytest.mark.model

#: A claim by a named company, so a rejection's owner has someone to resolve to.
CLAIM = "Pellam Chemicals said its plant was safe. "


def _last(nlp: Any, text: str) -> Assertion | None:
    assertions = extract(Article(id="t", text=text), nlp).assertions
    return assertions[-1] if assertions else None


@pytest.mark.parametrize(
    ("text", "target", "refers_back"),
    [
        (
            '"We really do not agree with many of their conclusions," said Ida Varga.',
            None,
            True,
        ),
        ("The board said it does not accept the company's findings.", "org", True),
        (
            "The board said it disagrees with many of Pellam Chemicals' findings.",
            "org",
            True,
        ),
        ("The board said the company's assessment is flawed.", "org", True),
        ("Agency scientists said the company's study was unsound.", "org", True),
        (
            '"Their observations were not based on real proof," said Ida Varga.',
            None,
            True,
        ),
        ("The board said the claims are based on no evidence.", None, True),
        (
            "The board said Pellam Chemicals has no proof to support its claims.",
            "org",
            True,
        ),
        ('Lena Dorr called the company\'s claims about her "slanderous".', "org", True),
        ("Lena Dorr called the company's report flawed.", "org", True),
        (
            "The board said it is continuing its inspection of the plant, contrary "
            "to a statement made by Pellam Chemicals on Tuesday.",
            "org",
            False,
        ),
    ],
)
def test_a_disagreement_or_verdict_rejects_the_claim(
    nlp: Any, text: str, target: str | None, refers_back: bool
) -> None:
    a = _last(nlp, CLAIM + text)
    assert a is not None and a.rejects, text
    assert a.refers_back is refers_back
    if target is None:
        assert a.target is None
    else:
        assert a.target == "org:pellam-chemicals"


@pytest.mark.parametrize(
    "text",
    [
        "The board said it agrees with the findings.",
        "The board said the bridge is flawed.",
        "The board said the new design was not based on the old one.",
        "The board said the workers were denied overtime pay.",
        "The board said the proposal was accepted by the council.",
        "The board said the company's plan is ambitious.",
    ],
)
def test_no_rejection_without_a_judged_claim(nlp: Any, text: str) -> None:
    a = _last(nlp, CLAIM + text)
    assert a is not None and not a.rejects, text


def test_calling_a_thing_flawed_is_no_statement(nlp: Any) -> None:
    assert _last(nlp, "Lena Dorr called the bridge flawed.") is None


def test_a_disagreement_answers_the_other_party_s_claim() -> None:
    text = (
        "The Tarn Water Board said Pellam Chemicals had polluted the Osk river. "
        '"We really do not agree with many of their conclusions," said Ida Varga, '
        "a spokeswoman for Pellam Chemicals."
    )
    with ClaimGraph(":memory:", settings=Settings()) as graph:
        graph.ingest([Article(id="osk", text=text)])
        found = [(f.rule, f.explanation) for f in graph.findings()]
    assert [rule for rule, _ in found] == ["open-rebuttal"], found
    assert "Ida Varga" in found[0][1]
    assert "“Pellam Chemicals had polluted the Osk river”" in found[0][1]


@pytest.mark.parametrize(
    ("text", "rejects"),
    [
        ("The board does not accept the company's findings.", True),
        ("The board refused to acknowledge the company's claims.", True),
        ("The board did not accept the offer.", False),
        ("The board did not acknowledge the letter.", False),
    ],
)
def test_a_withheld_acceptance_of_a_claim_denies_it(
    nlp: Any, text: str, rejects: bool
) -> None:
    a = _last(nlp, CLAIM + text)
    assert a is not None
    if rejects:
        assert (a.cue_class, a.rejects, a.target) == (
            "Deny",
            True,
            "org:pellam-chemicals",
        )
    else:
        assert a.speaker == "org:pellam-chemicals"  # no statement of the board


def test_victims_of_slanderous_claims_reject_them(nlp: Any) -> None:
    a = _last(nlp, "The runners said they were victims of slanderous claims.")
    assert a is not None and a.rejects and a.refers_back
