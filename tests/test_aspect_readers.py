"""Aspect readers are registered by name; the lexicon says which one an aspect uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph import Article, ClaimGraph, OntologyError, Settings
from claimgraph.graph.extract import aspects as _builtin  # noqa: F401 - registers
from claimgraph.graph.extract.readers import reader_names, reading_plan
from claimgraph.graph.lexicon import Aspect, Lexicon, load_lexicon

PREFIXES = (
    "@prefix ckg: <https://w3id.org/claimgraph/ns#> .\n"
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
)
#: A quantity aspect of its own, read by an existing reader: lexicon data only.
ARRESTS = """
ckg:Arrests a ckg:Aspect ; skos:inScheme ckg:Aspects ;
    skos:prefLabel "arrests"@en ;
    ckg:valueKind "quantity" ;
    ckg:reader "trigger-count" ;
    ckg:unit "arrested" ;
    ckg:lemma "arrest", "detain" .
"""
#: A cue verb of its own.
GRUMBLE = """
ckg:cue-grumble a skos:Concept ; skos:inScheme ckg:CueVerbs ;
    skos:broader ckg:Insist ; ckg:lemma "grumble" .
"""


def test_built_in_readers_run_in_order() -> None:
    assert reader_names() == [
        "actor-agent",
        "notice-lead-time",
        "trigger-count",
        "actor-place",
        "noun-count",
    ]


def test_the_shipped_aspects_name_their_readers_and_words(lexicon: Lexicon) -> None:
    plan = [aspect.name for aspect, _ in reading_plan(lexicon.aspects)]
    assert plan == [
        "Responsibility",
        "AdvanceNotice",
        "Casualties",
        "Location",
        "Count",
    ]
    responsibility = lexicon.aspects["Responsibility"]
    assert "open" in responsibility.word_list("lightVerb")
    assert responsibility.word_list("holdingVerb") == {
        "hold",
        "consider",
        "deem",
        "find",
    }
    casualties = lexicon.aspects["Casualties"]
    assert (casualties.unit, casualties.word_list("altUnit")) == ("dead", {"injured"})
    assert lexicon.aspects["Payment"].reader is None  # compared, not read


def test_an_unknown_reader_is_refused_with_the_valid_names() -> None:
    odd = Aspect("Odd", "quantity", frozenset({"x"}), reader="guess")
    with pytest.raises(OntologyError) as raised:
        reading_plan({"Odd": odd})
    assert str(raised.value) == (
        "Aspect Odd names the reader 'guess', which does not exist. Available: "
        "actor-agent, notice-lead-time, trigger-count, actor-place, noun-count."
    )


def test_user_aspect_is_loaded_from_an_extra_lexicon_folder(tmp_path: Path) -> None:
    (tmp_path / "arrests.ttl").write_text(PREFIXES + ARRESTS, encoding="utf-8")
    lexicon = load_lexicon(Settings(lexicon_dir=tmp_path))
    arrests = lexicon.aspects["Arrests"]
    assert (arrests.reader, arrests.unit, arrests.lemmas) == (
        "trigger-count",
        "arrested",
        {"arrest", "detain"},
    )
    assert [a.name for a, _ in reading_plan(lexicon.aspects)][2:4] == [
        "Arrests",
        "Casualties",
    ]


@pytest.mark.model
def test_user_aspect_and_cue_verb_work_without_python(
    tmp_path: Path, nlp: object
) -> None:
    (tmp_path / "mine.ttl").write_text(PREFIXES + ARRESTS + GRUMBLE, encoding="utf-8")
    text = (
        "The interior ministry said police had arrested 40 protesters. "
        "The opposition grumbled that the police had beaten them."
    )
    settings = Settings(lexicon_dir=tmp_path)
    with ClaimGraph(":memory:", settings=settings) as graph:
        graph.ingest([Article(id="arrests", text=text)])
        cues = {a.cue for a in graph.assertions()}
        rows = graph.query(
            "SELECT ?number ?unit WHERE { GRAPH ?g { ?v ckg:aspect ckg:Arrests ; "
            "ckg:valueNumber ?number ; ckg:unit ?unit } }"
        ).rows
    assert cues == {"said", "grumbled"}
    assert rows == [["40", "arrested"]]
    # Without the extra folder neither is read.
    with ClaimGraph(":memory:", settings=Settings()) as graph:
        graph.ingest([Article(id="arrests", text=text)])
        assert {a.cue for a in graph.assertions()} == {"said"}
