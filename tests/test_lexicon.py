"""Loading the SKOS lexicons and the country table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimgraph.graph.errors import OntologyError
from claimgraph.graph.lexicon import ENV_LEXICON, _load, country_key, load_lexicon


def test_cue_classes_and_phrases(lexicon: Any) -> None:
    assert len(lexicon.cues) >= 100
    assert lexicon.cues["say"] == "Say"
    assert lexicon.cues["accuse"] == "Accuse"
    assert lexicon.cues["blame"] == "Blame"
    assert lexicon.cues["deny"] == "Deny"
    assert lexicon.cues["read"] == "Read"
    assert lexicon.cue_phrases["according to"] == "Say"
    assert lexicon.cue_phrases["in a statement"] == "Say"
    assert lexicon.cue_nouns["warning"] == "Warn"


def test_factuality_cues(lexicon: Any) -> None:
    assert {"fail", "refuse", "neglect", "decline", "refrain"} <= (
        lexicon.negative_implicatives
    )
    assert lexicon.hedges["reportedly"] == "probable"
    assert lexicon.modals["might"] == "possible"
    assert lexicon.conditionals["if"] == "underspecified"
    assert "nobody" in lexicon.negative_quantifiers


def test_aspects_and_events(lexicon: Any) -> None:
    notice = lexicon.aspects["AdvanceNotice"]
    assert notice.kind == "polarity" and notice.min_adequate_seconds == 300
    assert lexicon.aspects["Responsibility"].kind == "actor"
    assert lexicon.aspects["Casualties"].kind == "quantity"
    assert lexicon.event_types["strike"] == ("Attack", "ArmedIncident")
    assert lexicon.event_types["ruling"][0] == "Ruling"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Peruvian", "Peru"),
        ("Lima", "Peru"),
        ("the State of Israel", "Israel"),
        ("Dutch", "Netherlands"),
        ("US", "United States"),
        ("us", None),
        ("Britain", "United Kingdom"),
    ],
)
def test_country_names(lexicon: Any, text: str, country: str | None) -> None:
    assert lexicon.country_of(text) == country


def test_extra_directory_adds_a_cue_verb(tmp_path: Path, monkeypatch: Any) -> None:
    (tmp_path / "mine.ttl").write_text(
        "@prefix ckg: <https://w3id.org/claimgraph/ns#> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "ckg:cue-grumble a skos:Concept ; skos:inScheme ckg:CueVerbs ;\n"
        '    skos:broader ckg:Insist ; ckg:lemma "grumble" .\n'
        'ckg:Say ckg:lemma "opine" .\n',
        encoding="utf-8",
    )
    monkeypatch.setenv(ENV_LEXICON, str(tmp_path))
    lexicon = load_lexicon()
    assert lexicon.cues["grumble"] == "Insist"
    assert lexicon.cues["opine"] == "Say"


def test_malformed_extra_file_names_the_file(tmp_path: Path, monkeypatch: Any) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text("ckg:Say ckg:lemma .", encoding="utf-8")
    monkeypatch.setenv(ENV_LEXICON, str(tmp_path))
    _load.cache_clear()
    with pytest.raises(OntologyError, match="broken.ttl"):
        load_lexicon()
    _load.cache_clear()


def test_extra_directory_must_exist(tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setenv(ENV_LEXICON, str(tmp_path / "missing"))
    _load.cache_clear()
    with pytest.raises(OntologyError, match=ENV_LEXICON):
        load_lexicon()
    _load.cache_clear()


def _expected_owner(lexicon: Any, key: str) -> str:
    """The row a shared name should resolve to, computed independently of the
    loader: a country's own name or alias wins; else sovereign before territory
    before former, then the most populous."""
    rank = {"sovereign": 0, "territory": 1, "former": 2}
    named = [
        c
        for c in lexicon.countries
        if key in {country_key(n) for n in (c.name, *c.aliases)}
    ]
    rows = named or [
        c
        for c in lexicon.countries
        if key in {country_key(n) for n in (*c.demonyms, c.capital or "")}
    ]
    return min(rows, key=lambda c: (rank[c.status], -c.population)).name


def test_every_name_in_the_table_resolves_to_its_expected_state(
    lexicon: Any,
) -> None:
    wrong = []
    for country in lexicon.countries:
        keys = [country.name, *country.aliases, *country.demonyms]
        if country.capital and len(country.capital) > 3:
            keys.append(country.capital)
        for key in keys:
            if key.replace(".", "").isupper() and len(key) <= 5:
                continue  # acronyms match in capitals only
            expected = _expected_owner(lexicon, country_key(key))
            if lexicon.country_of(key) != expected:
                wrong.append((key, lexicon.country_of(key), expected))
    assert not wrong


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Indian", "India"),
        ("Indians", "India"),
        ("Chinese", "China"),
        ("American", "United States"),
        ("Norwegian", "Norway"),
        ("French", "France"),
        ("Serbian", "Serbia"),
        ("Congolese", "Democratic Republic of the Congo"),
        ("Kingston", "Jamaica"),
    ],
)
def test_shared_demonyms_resolve_to_the_sovereign_most_populous_state(
    lexicon: Any, text: str, country: str
) -> None:
    assert lexicon.country_of(text) == country


def test_given_names_are_sourced_data_with_one_sex_each() -> None:
    from claimgraph.graph.lexicon import load_lexicon

    names = load_lexicon().given_names
    assert len(names) > 4000 and set(names.values()) == {"f", "m"}
    assert names["Mary"] == "f" and names["John"] == "m"
    assert "Jordan" not in names  # given to both: not guessed
