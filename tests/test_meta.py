"""Project invariants: public API, vocabulary in sync, every command documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, Graph, URIRef

from claimgraph import graph
from claimgraph.cli import app
from claimgraph.ontology import resource
from claimgraph.ontology.vocab import CKG, NS

ROOT = Path(__file__).resolve().parent.parent


def test_all_is_sorted_and_importable() -> None:
    assert graph.__all__ == sorted(graph.__all__)
    for name in graph.__all__:
        assert hasattr(graph, name)


def test_vocab_matches_ckg_ttl() -> None:
    ttl = Graph().parse(data=resource("ckg.ttl").read_text(), format="turtle")
    declared = {
        str(s)[len(NS) :]
        for s in ttl.subjects()
        if isinstance(s, URIRef) and str(s).startswith(NS)
    }
    in_python = set(CKG.__annotations__)
    assert declared == in_python
    for term in declared:
        assert (URIRef(NS + term), RDF.type, None) in ttl
    assert (URIRef(NS.rstrip("#")), RDF.type, OWL.Ontology) in ttl


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    for command in app.registered_commands:
        name = command.name or command.callback.__name__  # type: ignore[union-attr]
        assert command.callback.__doc__, name  # type: ignore[union-attr]
        assert f"claimgraph {name}" in readme, name


def test_readme_has_exactly_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Set up on a fresh machine", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    commands = [line for line in block.group(1).splitlines() if line.strip()]
    assert [c.split("#")[0].strip() for c in commands] == ["make demo", "make test"]


@pytest.mark.parametrize("folder", ["graph", "ontology"])
def test_no_seed_specific_words_in_product_code(folder: str) -> None:
    # The pipeline must generalise: names from the seed article belong in tests.
    words = re.compile(
        r"shoigu|netanyahu|putin|il-20|ilyushin|less than a minute|s-200|hezbollah|"
        r"deconfliction|latakia|konashenkov",
        re.I,
    )
    for path in (ROOT / folder).rglob("*"):
        if path.suffix in {".py", ".ttl", ".rq", ".json", ".tsv", ".csv"}:
            assert not words.search(path.read_text(encoding="utf-8")), path
