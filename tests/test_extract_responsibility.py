"""A denied doer ("X did not fire") and a doer named by a noun ("the attack by X")."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph import Article, ClaimGraph, Settings
from claimgraph.graph.extract import extract

pytestmark = pytest.mark.model


def _values(nlp: Any, text: str) -> list[tuple[str | None, bool | None]]:
    ex = extract(Article(id="t", text=text), nlp)
    return [
        (v.actor, v.positive)
        for a in ex.assertions
        for v in a.values
        if v.aspect == "Responsibility"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Germany said French troops never shelled the village of Tolm.",
            [("state:france", False)],
        ),
        (
            "Corvane Chemicals said Corvane Chemicals workers did not cause the "
            "leak at Pell Bay.",
            [("org:corvane-chemicals", False)],
        ),
        (
            "Germany said the attack by the French army destroyed a bridge.",
            [("state:france", None)],
        ),
        ("Germany said France's raid on Tolm was a crime.", [("state:france", None)]),
        # A denied act's pronoun subject is the denier; only in a denial.
        (
            "Germany denied that it shelled the town of Tolm.",
            [("state:germany", None)],
        ),
        ("Germany said it shelled the town of Tolm.", []),
        (
            "Germany said the blast was an aggressive act of the French side.",
            [("state:france", None)],
        ),
    ],
)
def test_denied_and_nominal_doers(
    nlp: Any, text: str, expected: list[tuple[str, bool | None]]
) -> None:
    assert _values(nlp, text) == expected


def test_the_of_phrase_of_an_attack_noun_is_its_target(nlp: Any) -> None:
    assert _values(nlp, "Germany said the shelling of France was a crime.") == []


LEAK = (
    "Harbour officials in Pell Bay blamed Corvane Chemicals for the leak at the "
    "Pell Bay terminal. Corvane Chemicals said Corvane Chemicals workers did not "
    "cause the leak at the Pell Bay terminal."
)


def _rules(text: str) -> list[tuple[str, str]]:
    with ClaimGraph(":memory:", settings=Settings()) as graph:
        graph.ingest([Article(id="leak", text=text)])
        return [
            (f.rule, f.explanation)
            for f in graph.findings()
            if f.rule in ("polarity-conflict", "value-conflict")
        ]


def test_a_denied_doer_contradicts_another_party_naming_it() -> None:
    found = _rules(LEAK)
    assert [rule for rule, _ in found] == ["polarity-conflict"], found
    assert "(Corvane Chemicals workers)" in found[0][1]


def test_one_party_s_denial_and_claim_do_not_pair() -> None:
    text = (
        "Corvane Chemicals blamed the Pell Bay port authority for the leak at the "
        "Pell Bay terminal. Corvane Chemicals said Corvane Chemicals workers did "
        "not cause the leak at the Pell Bay terminal."
    )
    # The same party denies its own doing and names another: no dispute, and a
    # denied doer is no rival value (no value conflict between the two doers).
    assert _rules(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Varnia has refused to admit that it shelled the town of Tolm.",
        "Varnia does not accept that its gunners shelled the town of Tolm.",
        "Varnia declined to acknowledge that it shelled the town of Tolm.",
    ],
)
def test_a_withheld_admission_is_a_denial(nlp: Any, text: str) -> None:
    ex = extract(Article(id="t", text=text), nlp)
    [found] = ex.assertions
    assert (ex.actor(found.speaker).name, found.cue_class) == ("Varnia", "Deny")
    assert found.content.text.endswith("shelled the town of Tolm")
    assert found.polarity.value == "negative"


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        ("Varnia refused to admit defeat.", []),  # no clause: nothing said
        ("Varnia admitted that it shelled the town of Tolm.", ["Acknowledge"]),
    ],
)
def test_only_a_withheld_admission_of_a_clause_denies(
    nlp: Any, text: str, classes: list[str]
) -> None:
    ex = extract(Article(id="t", text=text), nlp)
    assert [a.cue_class for a in ex.assertions] == classes
