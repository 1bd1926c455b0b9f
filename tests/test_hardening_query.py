"""Issue 14: the query command and ingest under odd input (items 2, 4, 7, 8, 10, 11)."""

from __future__ import annotations

import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.graph.errors import InputError, QueryError, RefusedError
from claimgraph.graph.inputs import read_inputs
from claimgraph.graph.store import open_store
from claimgraph.graph.store.sparql_guard import (
    bind_as_values,
    check_query,
    check_update,
    projected,
)

runner = CliRunner()
DATA = (
    "PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:p 'default' . "
    "GRAPH ex:g { ex:b ex:p 'in g' } GRAPH ex:h { ex:c ex:p 'in h' } }"
)


@pytest.fixture
def store_path(tmp_path: Path) -> str:
    location = str(tmp_path / "store")
    with open_store(location) as store:
        store.update(DATA)
    return location


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


# --- item 11: an update through ``query`` --------------------------------------


@pytest.mark.parametrize(
    "update",
    ["DROP ALL", "PREFIX ex: <x:> CLEAR GRAPH ex:g", "INSERT DATA { <x:a> <x:b> 1 }"],
)
def test_query_refuses_update_saying_what_to_do(store_path: str, update: str) -> None:
    code, out, err = run("query", update, "--store", store_path)
    assert code == 1 and out == ""
    assert err.startswith("Error: '") and "is a SPARQL update" in err
    assert "neither a SPARQL query" not in err
    assert "writable SPARQL endpoint" in err and err.count("\n") == 1


# --- item 10: --param for a variable that is not projected ---------------------


def test_param_binds_a_variable_that_is_not_projected(store_path: str) -> None:
    query = "SELECT ?s WHERE { ?s ?p ?o }"
    code, out, err = run(
        "query", query, "--store", store_path, "-p", "o=default", "-f", "csv"
    )
    assert (code, err) == (0, "")
    assert out.splitlines() == ["s", "http://example.org/a"]


def test_param_value_stays_a_value_when_bound_as_values(store_path: str) -> None:
    hostile = "x' } ; DROP ALL ; SELECT * WHERE { '"
    code, out, _ = run(
        "query", "SELECT ?s WHERE { ?s ?p ?o }", "--store", store_path,
        "-p", f"o={hostile}", "-f", "csv",
    )  # fmt: skip
    assert (code, out) == (0, "s\n")
    assert run("query", "ASK { ?s ?p ?o }", "--store", store_path)[1].count("true")


def test_projected_and_bind_as_values() -> None:
    from rdflib import Literal

    assert projected("SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?b ?c }") == {"a", "n"}
    assert projected("SELECT * { ?a ?b ?c }") is None
    assert projected("ASK { ?a ?b ?c }") is None
    text = bind_as_values("SELECT ?a { ?a ?b ?c }", {"c": Literal('q"}')})
    assert text.startswith("SELECT ?a { VALUES (?c) { (") and text.endswith(
        "?a ?b ?c }"
    )
    with pytest.raises(QueryError, match="no WHERE group"):
        bind_as_values("DESCRIBE <x:a>", {"c": Literal(1)})


# --- item 7: dataset clauses -----------------------------------------------------


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        ("SELECT ?o WHERE { ?s ?p ?o }", ["default"]),
        ("SELECT ?o FROM <http://example.org/g> WHERE { ?s ?p ?o }", ["in g"]),
        (
            "SELECT ?o FROM <http://example.org/g> FROM <http://example.org/h> "
            "WHERE { ?s ?p ?o } ORDER BY ?o",
            ["in g", "in h"],
        ),
        (
            "SELECT ?o FROM NAMED <http://example.org/h> "
            "WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }",
            ["in h"],
        ),
    ],
)
def test_dataset_clauses_are_honoured(
    store_path: str, query: str, rows: list[str]
) -> None:
    code, out, err = run("query", query, "--store", store_path, "-f", "csv")
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == rows


# --- item 4 (query side): SERVICE is not followed ----------------------------------


class _Spy(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        _Spy.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(b'{"head":{"vars":["x"]},"results":{"bindings":[]}}')

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def spy() -> Iterator[str]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Spy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Spy.hits.clear()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/secret"
    finally:
        server.shutdown()
        server.server_close()


def test_query_does_not_follow_service(store_path: str, spy: str) -> None:
    for query in (
        f"SELECT * WHERE {{ SERVICE <{spy}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{spy}> {{ ?s ?p ?o }} }}",
        f"PREFIX r: <{spy}> SELECT * WHERE {{ service r:x {{ ?s ?p ?o }} }}",
        "SELECT * WHERE { BIND(<http://127.0.0.1:1/> AS ?u) SERVICE ?u { ?s ?p ?o } }",
    ):
        code, _, err = run("query", query, "--store", store_path)
        assert code == 1 and "SERVICE" in err and "refused" in err, query
    assert _Spy.hits == []


def test_guard_ignores_keywords_in_strings_and_allows_named_hosts() -> None:
    check_query("SELECT * WHERE { ?s ?p 'SERVICE <http://x/> { }' } # SERVICE <y:>")
    check_query("SELECT ?service WHERE { ?service ?p ?o }")
    check_query(
        "SELECT * { SERVICE <http://data.example/s> { ?s ?p ?o } }", ["data.example"]
    )
    with pytest.raises(RefusedError):
        check_query(
            "SELECT * { SERVICE <http://other.example/s> { ?s ?p ?o } }",
            ["data.example"],
        )
    with pytest.raises(RefusedError, match="LOAD <http://x.example/a>"):
        check_update("LOAD <http://x.example/a>")
    with pytest.raises(RefusedError):
        check_update("LOAD SILENT <file:///etc/passwd> INTO GRAPH <x:g>")


# --- item 8: an empty .jsonl --------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"\n  \n"])
def test_empty_jsonl_is_an_error_like_an_empty_txt(
    tmp_path: Path, content: bytes
) -> None:
    for name in ("empty.txt", "empty.jsonl"):
        (tmp_path / name).write_bytes(content)
    errors = []
    for name in ("empty.txt", "empty.jsonl"):
        with pytest.raises(InputError) as caught:
            read_inputs([str(tmp_path / name)])
        errors.append(str(caught.value).replace(name, "NAME"))
    assert errors[0] == errors[1]
    code, out, err = run(
        "ingest", str(tmp_path / "empty.jsonl"), "--store", ":memory:", "-q"
    )
    assert (code, out) == (1, "")
    assert (
        err
        == f"Error: {tmp_path / 'empty.jsonl'} is empty: there is no text to read.\n"
    )


# --- item 2: HTML ingest without its optional parts ------------------------------------


def test_html_without_trafilatura_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><p>Landa army said that Landb fired first.</p></body></html>"
    )
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails
    with pytest.raises(InputError, match="lxml_html_clean"):
        read_inputs([str(page)])
    code, out, err = run("ingest", str(page), "--store", ":memory:", "-q")
    assert (
        code == 1
        and err.startswith("Error: Cannot read HTML file")
        and err.count("\n") == 1
    )


def test_html_cleaner_dependency_is_declared() -> None:
    import tomllib

    root = Path(__file__).resolve().parent.parent
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    names = " ".join(project["dependencies"]).lower().replace("-", "_")
    assert "lxml_html_clean" in names or "lxml[html_clean]" in names
    import lxml_html_clean  # noqa: F401 - installed with claimgraph
