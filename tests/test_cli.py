"""The command line: exit codes, exact error lines, JSON contract (no model needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.graph.pipeline import ingest_extraction
from claimgraph.graph.store import open_store
from claimgraph.graph.store.ontology import ensure_ontology
from tests.builders import ArticleBuilder

runner = CliRunner()


@pytest.fixture
def disputed_store(tmp_path: Path) -> str:
    """An on-disk store holding one value conflict between two sides."""
    location = str(tmp_path / "store")
    b = ArticleBuilder("report.txt")
    army = b.org("Atlantis army", "Atlantis")
    ministry = b.org("Bordurian ministry", "Borduria")
    b.say(
        army,
        "Borduria fired the missile",
        values=[("Responsibility", {"actor": "state:borduria"})],
    )
    b.say(
        ministry,
        "Atlantis is to blame",
        cue="insisted",
        cue_class="Insist",
        values=[("Responsibility", {"actor": "state:atlantis"})],
    )
    with open_store(location) as store:
        ensure_ontology(store)
        ingest_extraction(store, b.build())
    return location


def test_contradictions_json_contract(disputed_store: str) -> None:
    result = runner.invoke(
        app,
        ["contradictions", "--pairs", "--store", disputed_store, "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.stdout)
    assert {
        "id",
        "type",
        "aspect",
        "event",
        "confidence",
        "explanation",
        "assertions",
    } <= set(item)
    assert item["type"] == "value" and item["aspect"] == "Responsibility"
    assert len(item["assertions"]) == 2
    for side in item["assertions"]:
        assert {"speaker", "side", "cue", "quote", "source", "start", "end"} <= set(
            side
        )
        assert side["source"] == "report.txt"
    quotes = {a["quote"]: a for a in item["assertions"]}
    text = ArticleBuilder  # offsets must slice the stored article text exactly
    del text
    assert quotes["Atlantis is to blame"]["cue"] == "insisted"
    assert quotes["Atlantis is to blame"]["side"] == "Borduria"


def test_offsets_point_into_the_article(disputed_store: str) -> None:
    result = runner.invoke(
        app, ["assertions", "--store", disputed_store, "--format", "json"]
    )
    assert result.exit_code == 0
    items = json.loads(result.stdout)
    query = runner.invoke(
        app,
        [
            "query",
            "--store",
            disputed_store,
            "--format",
            "json",
            "SELECT ?t WHERE { ?a a ckg:Article ; nif:isString ?t }",
        ],
    )
    (row,) = json.loads(query.stdout)
    for item in items:
        assert row["t"][item["start"] : item["end"]] == item["quote"]
        assert {"polarity", "certainty"} <= set(item)


def test_markdown_and_table_formats(disputed_store: str) -> None:
    md = runner.invoke(
        app,
        [
            "contradictions",
            "--pairs",
            "--store",
            disputed_store,
            "--format",
            "markdown",
        ],
    )
    assert md.exit_code == 0
    assert "| speaker | side |" in md.stdout and "Atlantis is to blame" in md.stdout
    table = runner.invoke(
        app,
        ["contradictions", "--pairs", "--store", disputed_store],
        env={"COLUMNS": "250"},
    )
    assert table.exit_code == 0 and "Bordurian ministry" in table.stdout


def test_filters_and_fail_on_found(disputed_store: str) -> None:
    none = runner.invoke(
        app,
        [
            "contradictions",
            "--pairs",
            "--store",
            disputed_store,
            "--side",
            "Carpathia",
            "--format",
            "json",
        ],
    )
    assert json.loads(none.stdout) == []
    found = runner.invoke(
        app, ["contradictions", "--pairs", "--store", disputed_store, "--fail-on-found"]
    )
    assert found.exit_code == 3
    typed = runner.invoke(
        app, ["contradictions", "--pairs", "--store", disputed_store, "--type", "bogus"]
    )
    assert typed.exit_code == 1
    assert typed.stderr.startswith("Error: Unknown finding type 'bogus'. Valid: ")


def test_report_pages(disputed_store: str) -> None:
    base = ["contradictions", "--pairs", "--store", disputed_store]
    whole = json.loads(runner.invoke(app, [*base, "--format", "json"]).stdout)
    first = runner.invoke(app, [*base, "--format", "json", "--limit", "1"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout) == whole
    assert "Findings 1\u20131 of 1" in first.stderr
    past = runner.invoke(app, [*base, "--offset", "1", "--fail-on-found"])
    # Nothing on this page, but the report holds a finding: still exit 3.
    assert past.exit_code == 3
    assert "No findings on this page." in past.stdout
    assert "Findings none after 1 of 1" in past.stderr
    table = runner.invoke(app, [*base, "--limit", "5"])
    assert "findings 1\u20131 of 1" in table.stdout
    bad = runner.invoke(app, [*base, "--limit", "0"])
    assert bad.exit_code == 2


def test_named_query_with_parameter(disputed_store: str) -> None:
    listed = runner.invoke(app, ["query", "--list"])
    assert "who-blames-whom" in listed.stdout
    assert "clear-findings" not in listed.stdout
    result = runner.invoke(
        app,
        [
            "query",
            "claims-by-actor",
            "--store",
            disputed_store,
            "--format",
            "json",
            "--param",
            "name=Atlantis army",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["quote"] for r in rows] == ["Borduria fired the missile"]


def test_injection_through_param_is_just_a_value(disputed_store: str) -> None:
    result = runner.invoke(
        app,
        [
            "query",
            "claims-by-actor",
            "--store",
            disputed_store,
            "--format",
            "json",
            "--param",
            'name=x" ) } DELETE WHERE { ?s ?p ?o } #',
        ],
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    again = runner.invoke(
        app, ["assertions", "--store", disputed_store, "--format", "json"]
    )
    assert len(json.loads(again.stdout)) == 2


def test_invalid_sparql_is_one_line(disputed_store: str) -> None:
    result = runner.invoke(
        app, ["query", "--store", disputed_store, "SELECT ?x WHERE { ?x"]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Invalid SPARQL query")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "Error: No such file or folder: "),
        (b"", "is empty: there is no text to read."),
        (b"   \n\n  ", "is empty: there is no text to read."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
        (b"caf\xe9 au lait", "is not UTF-8 text"),
    ],
)
def test_bad_input_is_a_clean_error(
    tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    store = tmp_path / "store"
    result = runner.invoke(app, ["ingest", str(path), "--store", str(store), "-q"])
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output
    # Nothing was written: the store was never created or holds no article.
    if store.exists():
        count = runner.invoke(
            app,
            [
                "query",
                "--store",
                str(store),
                "--format",
                "json",
                "SELECT (COUNT(*) AS ?n) WHERE { ?a a ckg:Article }",
            ],
        )
        assert json.loads(count.stdout) == [{"n": "0"}]


def test_store_path_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["contradictions", "--pairs", "--store", str(blocker)])
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"Error: Store path {blocker} is a file; give a directory path.\n"
    )


def test_missing_store_for_reports(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["contradictions", "--pairs", "--store", str(tmp_path / "none")]
    )
    assert result.exit_code == 1
    assert "No store at" in result.stderr


def test_validate_and_trig_roundtrip(disputed_store: str, tmp_path: Path) -> None:
    valid = runner.invoke(app, ["validate", "--store", disputed_store])
    assert valid.exit_code == 0, valid.output
    assert valid.stdout.startswith("Valid: ")


def test_remote_queries_get_the_asserted_graph_and_inline_bindings() -> None:
    from rdflib import Literal, URIRef

    from claimgraph.graph.store import ASSERTED, remote_query, remote_update

    text = "# id: x\nSELECT ?a ?name WHERE {\n  ?a skos:prefLabel ?name .\n}"
    rewritten = remote_query(text, {"name": Literal('x" } DROP ALL #')})
    assert rewritten.startswith(f"SELECT ?a ?name  FROM <{ASSERTED}> WHERE {{")
    assert 'VALUES (?name) { ("x\\" } DROP ALL #") }' in rewritten
    ask = remote_query("ASK { ?o ?p ?v }", {"o": URIRef("http://x/o")})
    assert (
        ask
        == f"ASK FROM <{ASSERTED}>  {{ VALUES (?o) {{ (<http://x/o>) }}  ?o ?p ?v }}"
    )
    update = remote_update(
        "DELETE { ?a ?b ?c } WHERE { ?a ?b ?c } ;\nDELETE { ?x ?y ?z } WHERE { ?x ?y ?z }"
    )
    assert update.count(f"WITH <{ASSERTED}>") == 2


def test_query_timeout_is_one_line(disputed_store: str) -> None:
    slow = (
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z . ?d ?t ?w "
        "FILTER (STR(?x) = STR(?y)) }"
    )
    result = runner.invoke(
        app, ["query", slow, "--store", disputed_store, "--timeout", "0.2"]
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "Error: Query did not finish within 0.2 s (timeout)."
    )
    result = runner.invoke(
        app, ["query", "ASK {}", "--store", disputed_store, "--timeout", "0"]
    )
    assert result.exit_code == 1
    assert "--timeout must be a positive number" in result.stderr


def test_revisions_and_unknown_types(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    with open_store(location) as store:
        ensure_ontology(store)
        for name, day, number in (
            ("fri", "2026-05-01", 3.0),
            ("sat", "2026-05-02", 5.0),
        ):
            b = ArticleBuilder(name, published=day, date="2026-04-30")
            b.say(
                b.org("Bordurian ministry", "Borduria"),
                f"{number:g} soldiers were killed",
                values=[("Casualties", {"number": number, "unit": "dead"})],
            )
            ingest_extraction(store, b.build())
    plain = runner.invoke(
        app, ["contradictions", "--pairs", "--store", location, "-f", "json"]
    )
    assert json.loads(plain.stdout) == []
    result = runner.invoke(
        app,
        ["contradictions", "--pairs", "--store", location, "--revisions", "-f", "json"],
    )
    (item,) = json.loads(result.stdout)
    assert item["kind"] == "revision" and item["type"] == "revision"
    assert [a["source"] for a in item["assertions"]] == ["fri", "sat"]
    bad = runner.invoke(
        app, ["contradictions", "--pairs", "--store", location, "--type", "feud"]
    )
    assert bad.exit_code == 1
    assert "Unknown finding type 'feud'. Valid: agreement," in bad.stderr
