"""Store backends: opening, errors, atomic writes, timeouts, idempotence, versions."""

from __future__ import annotations

import base64
import json
import os
import socket
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

import pytest
from rdflib import BNode, Graph, Literal, URIRef

import claimgraph.graph.store.endpoint as endpoint_module
from claimgraph.graph.errors import QueryError, StoreError
from claimgraph.graph.models import Article
from claimgraph.graph.pipeline import ingest_articles, ingest_extraction
from claimgraph.graph.rdf.quads import DEFAULT
from claimgraph.graph.settings import Settings
from claimgraph.graph.store import insert_data, open_store
from claimgraph.graph.store.ontology import ensure_ontology
from claimgraph.graph.store.writes import GraphStore, graph_documents, guess_url
from tests.builders import ArticleBuilder
from tests.helpers_store import article_text, check_invariants, fake_extractor

X = "http://example.org/"


def articles(count: int) -> list[Article]:
    return [Article(id=f"a{n}", text=article_text(n)) for n in range(count)]


@pytest.mark.parametrize("location", [":memory:", "rdflib:memory", "disk"])
def test_every_local_backend_ingests_and_reports_the_same(
    location: str, tmp_path: Path
) -> None:
    where = str(tmp_path / "store") if location == "disk" else location
    with open_store(where) as store:
        report = ingest_articles(store, articles(3), extractor=fake_extractor)
        assert [a.status for a in report.articles] == ["added"] * 3
        assert check_invariants(store, values=True) == {"a0": 4, "a1": 4, "a2": 4}
        assert report.findings == 12
        size = len(store)
    if location == "disk":  # reopening keeps everything
        with open_store(where, read_only=True) as again:
            assert len(again) == size


def test_same_text_again_adds_no_triple_and_new_text_under_a_url_supersedes() -> None:
    store = open_store(":memory:")
    ingest_articles(store, articles(2), extractor=fake_extractor)
    before = len(store)
    report = ingest_articles(store, articles(2), extractor=fake_extractor)
    assert [a.status for a in report.articles] == ["unchanged", "unchanged"]
    assert len(store) == before
    url = "https://news.example/x"
    first = Article(id=url, text=article_text(7), url=url)
    second = Article(id=url, text=article_text(7) + "\nUpdated at noon.", url=url)
    statuses = [
        ingest_articles(store, [a], extractor=fake_extractor).articles[0].status
        for a in (first, second)
    ]
    assert statuses == ["added", "new-version"]
    rows = store.select("SELECT ?new ?old WHERE { ?new ckg:supersedes ?old }")
    assert len(rows) == 1
    assert store.ask("ASK { ?old ckg:articleKey ?k }", {"old": rows[0]["old"]})
    assert check_invariants(store)[url] == 8  # both versions kept, whole


def test_a_failing_batch_writes_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path / "store") as store:
        good = (URIRef(X + "s"), URIRef(X + "p"), Literal(1), DEFAULT)
        bad = (Literal("not a subject"), URIRef(X + "p"), Literal(2), DEFAULT)
        with pytest.raises(StoreError, match="Could not write to store"):
            store.add_quads([good] * 50 + [bad])  # type: ignore[list-item]
        assert len(store) == 0


def test_read_only_store_refuses_writes(tmp_path: Path) -> None:
    open_store(tmp_path / "store").close()
    with open_store(tmp_path / "store", read_only=True) as store:
        with pytest.raises(StoreError, match="open read-only"):
            store.add_quads([(URIRef(X), URIRef(X), URIRef(X), DEFAULT)])
        with pytest.raises(StoreError, match="open read-only"):
            store.update("INSERT DATA { <x:a> <x:b> <x:c> }")


def test_bad_locations_are_clear_errors(tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    with pytest.raises(StoreError, match=r"is a file; give a directory path"):
        open_store(file)
    with pytest.raises(StoreError, match=r"^Cannot open store .*: ") as under:
        open_store(file / "store")
    assert "\n" not in str(under.value)
    with pytest.raises(StoreError, match="No store at .* Ingest an article first"):
        open_store(tmp_path / "missing", read_only=True)
    with pytest.raises(StoreError, match="Cannot reach SPARQL endpoint"):
        open_store("http://127.0.0.1:9/sparql")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every directory")
def test_unreadable_store_directory(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    open_store(folder).close()
    folder.chmod(0)
    try:
        with pytest.raises(StoreError, match="not readable"):
            open_store(folder, read_only=True)
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("location", [":memory:", "rdflib:memory"])
def test_invalid_sparql_is_one_line_with_the_position(location: str) -> None:
    store = open_store(location)
    with pytest.raises(QueryError) as bad:
        store.query("SELECT ?x WHERE {\n  ?x ?y \n}")
    message = str(bad.value)
    assert message.startswith("Invalid SPARQL query: ") and "\n" not in message
    assert "2:" in message or "line:" in message  # engine's position


@pytest.mark.parametrize("location", [":memory:", "rdflib:memory"])
def test_query_timeout(location: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(location)
    store.add_quads(
        (URIRef(f"{X}{n}"), URIRef(X + "p"), Literal(n), DEFAULT) for n in range(400)
    )
    slow = (
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?p ?y . ?c ?p ?z . ?d ?p ?w "
        "FILTER (?x + ?y + ?z + ?w = -1) }"
    )
    # The query would run for hours: that it raises at all shows the timeout
    # stopped it (no wall-clock bound here: a loaded machine makes those flaky).
    with pytest.raises(QueryError, match=r"did not finish within 0.3 s \(timeout\)"):
        store.query(slow, timeout=0.3)
    assert store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", None)[0]["n"]
    monkeypatch.setenv("CLAIMGRAPH_QUERY_TIMEOUT", "0.3")
    assert open_store(location).timeout == 0.3
    monkeypatch.setenv("CLAIMGRAPH_QUERY_TIMEOUT", "soon")
    with pytest.raises(StoreError, match="CLAIMGRAPH_QUERY_TIMEOUT must be a positive"):
        open_store(location)


def test_runtime_query_errors_are_query_errors() -> None:
    store = open_store(":memory:")
    with pytest.raises(QueryError):
        store.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")


def test_insert_data_keeps_default_and_named_graphs_apart() -> None:
    graph = URIRef(X + "claim")
    quads = [
        (URIRef(X + "a"), URIRef(X + "p"), Literal('say "hi"\n'), DEFAULT),
        (URIRef(X + "a"), URIRef(X + "q"), URIRef(X + "b"), graph),
    ]
    plain = insert_data(quads, None)
    assert plain.startswith("INSERT DATA {") and plain.count("GRAPH") == 1
    asserted = insert_data(quads * 3, URIRef(X + "asserted"), split=2)
    assert asserted.count("INSERT DATA") == 4 and f"GRAPH <{X}asserted>" in asserted
    store = open_store(":memory:")
    store.update(plain)
    assert store.ask("ASK { ?a ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?a ?p ?o } } }")
    assert store.ask("ASK { ?a ?p ?o }", {"o": Literal('say "hi"\n')})
    assert store.ask("ASK { GRAPH <http://example.org/claim> { ?a ?q ?b } }")


def test_graph_documents_are_n_triples_one_per_graph_default_last() -> None:
    claim, asserted = URIRef(X + "claim"), URIRef(X + "asserted")
    awkward = Literal('q " b \\ nl \n cr \r tab \t ctl \x01 é 😀 """')
    quads = [
        (URIRef(X + "a"), URIRef(X + "p"), awkward, DEFAULT),
        (URIRef(X + "a"), URIRef(X + "q"), Literal("x", lang="en"), claim),
        (URIRef(X + "a"), URIRef(X + "r"), Literal(3), DEFAULT),
        (URIRef(X + "a"), URIRef(X + "s"), URIRef(X + "b"), claim),
    ]
    documents = graph_documents(quads, asserted)
    assert [graph for graph, _ in documents] == [claim, asserted]
    for graph, body in documents:
        parsed = set(Graph().parse(data=body.decode(), format="nt"))
        expected = {
            (s, p, o) for s, p, o, g in quads if (g == DEFAULT) == (graph == asserted)
        }
        assert parsed == expected
    assert [graph for graph, _ in graph_documents(quads, None)] == [claim, None]


@pytest.mark.parametrize(
    ("url", "guess"),
    [
        ("http://h:8890/sparql", "http://h:8890/sparql-graph-crud"),
        ("http://h/db/sparql/", "http://h/db/sparql-graph-crud"),
        ("http://h/ds/query", None),
        ("http://h/sparql?default-graph-uri=x", None),
    ],
)
def test_graph_store_url_guess(url: str, guess: str | None) -> None:
    assert guess_url(url) == guess


def test_graph_store_writes_refusals_and_fallback() -> None:
    """Documents when the URL takes them; INSERT DATA after a guess is refused."""
    quads = [
        (URIRef(X + "a"), URIRef(X + "p"), Literal("v"), DEFAULT),
        (URIRef(X + "a"), URIRef(X + "q"), Literal("w"), URIRef(X + "claim")),
    ]
    with fake_endpoint() as url:
        base = url.removesuffix("/sparql")
        store = open_store(url, settings=Settings(sparql_graph_store=f"{base}/graphs"))
        sent = len(FakeEndpoint.seen)
        store.add_quads(quads)
        assert len(FakeEndpoint.seen) == sent + 2  # no INSERT DATA
        paths = [path for path, _ in FakeEndpoint.documents[-2:]]
        assert paths == [
            "/graphs?" + urllib.parse.urlencode({"graph": X + "claim"}),
            "/graphs?default",
        ]
        # Once a document was accepted, a failure is an error, not a fallback.
        with pytest.raises(QueryError, match=r"/graphs answered HTTP 500: Loader"):
            store.add_quads(
                [(URIRef(X + "a"), URIRef(X + "p"), Literal("fail"), DEFAULT)]
            )
        # Blank nodes span documents: they go as INSERT DATA.
        store.add_quads([(BNode(), URIRef(X + "p"), Literal("b"), DEFAULT)])
        assert "\nINSERT DATA {" in FakeEndpoint.seen[-1][1]
        # A URL given in the settings that refuses documents is an error.
        wrong = open_store(url, settings=Settings(sparql_graph_store=f"{base}/gone"))
        with pytest.raises(StoreError) as raised:
            wrong.add_quads(quads)
        assert str(raised.value) == (
            f"Graph Store endpoint {base}/gone (CLAIMGRAPH_SPARQL_GRAPH_STORE) "
            "refused a write (HTTP 404: Not here); set it to 'auto' or 'none' to "
            "write with INSERT DATA."
        )
        # A guessed URL that refuses its first document: INSERT DATA from then on.
        guessed = open_store(url)
        assert guessed.endpoint is not None and guessed.endpoint.graph_store is None
        guessed.endpoint.graph_store = GraphStore(f"{base}/gone", guessed=True)
        guessed.add_quads(quads)
        assert guessed.endpoint.graph_store.off
        assert "\nINSERT DATA {" in FakeEndpoint.seen[-1][1]
        sent = len(FakeEndpoint.seen)
        guessed.add_quads(quads)
        assert len(FakeEndpoint.seen) == sent + 1
        none = open_store(url, settings=Settings(sparql_graph_store="none"))
        assert none.endpoint is not None and none.endpoint.graph_store is None


def test_ontology_is_loaded_once() -> None:
    store = open_store(":memory:")
    assert ensure_ontology(store) is True
    size = len(store)
    assert ensure_ontology(store) is False
    assert len(store) == size


def test_ingest_extraction_from_the_shared_builder() -> None:
    store = open_store(":memory:")
    ensure_ontology(store)
    b = ArticleBuilder("built")
    b.say(b.org("Atlantis army", "Atlantis"), "Borduria fired first")
    assert ingest_extraction(store, b.build()).status == "added"
    assert ingest_extraction(store, b.build()).status == "unchanged"
    assert check_invariants(store) == {"built": 1}
    # An assertion without aspect values has an empty (but typed) claim graph.
    assert store.ask("ASK { ?a ckg:hasContent ?c . ?c a ckg:ClaimGraph }")


class FakeEndpoint(BaseHTTPRequestHandler):
    """A SPARQL endpoint whose answers the query text picks: slow, 400, 401, 500."""

    seen: list[tuple[str, str]] = []  # (Authorization header, body) received
    documents: list[tuple[str, str]] = []  # (path, body) of Graph Store POSTs

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        data = self.rfile.read(int(self.headers["Content-Length"])).decode()
        self.seen.append((self.headers.get("Authorization", ""), data))
        if self.headers["Content-Type"].startswith("text/turtle"):
            if not self.path.startswith("/graphs?"):
                return self.answer(404, "text/html", "<html><h3>Not here</h3></html>")
            if "fail" in data:
                return self.answer(500, "text/plain", "Loader says no")
            self.documents.append((self.path, data))
            return self.answer(201, "text/plain", "")
        if self.headers["Content-Type"].startswith("application/sparql-update"):
            if "fail" in data:
                return self.answer(500, "text/plain", "Engine says no: bad triple")
            return self.answer(204, "text/plain", "")
        text = urllib.parse.parse_qs(data)["query"][0]
        if "slow" in text:
            time.sleep(2)
        if "400" in text:
            return self.answer(400, "text/plain", "Parse error")
        if "secret" in text:
            return self.answer(401, "text/plain", "Unauthorized")
        if "ASK" in text:
            return self.answer(
                200, "application/sparql-results+json", '{"boolean": false}'
            )
        if "maxrows" in text:  # Virtuoso's answer cut at ResultSetMaxRows
            cell = {"type": "literal", "value": "v"}
            rows = {
                "head": {"vars": ["x", "y"]},
                "results": {"bindings": [{"x": cell}] * 2},
            }
            return self.answer(
                200, "application/sparql-results+json", json.dumps(rows), limit="2"
            )
        rows = {"head": {"vars": ["x"]}, "results": {"bindings": []}}
        return self.answer(200, "application/sparql-results+json", json.dumps(rows))

    def answer(self, status: int, media: str, body: str, limit: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", media)
        if limit:
            self.send_header("X-SPARQL-MaxRows", limit)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def fake_endpoint() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeEndpoint)
    Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()


def test_remote_errors_timeouts_and_credentials(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CLAIMGRAPH_SPARQL_USER", "reader")
    monkeypatch.setenv("CLAIMGRAPH_SPARQL_PASSWORD", "pw")
    with fake_endpoint() as url:
        store = open_store(url, timeout=0.3)
        assert not store.endpoint.union_default  # type: ignore[union-attr]
        assert store.select("SELECT ?x WHERE { ?x ?y ?z }") == []
        assert (
            FakeEndpoint.seen[-1][0]
            == "Basic " + base64.b64encode(b"reader:pw").decode()
        )
        # The fake answers after 2 s: an error shows the 0.3 s timeout applied.
        with pytest.raises(QueryError, match=r"within 0.3 s \(timeout\)"):
            store.query("SELECT ?x WHERE { ?x ?y 'slow' }")
        with pytest.raises(QueryError, match=r"^Invalid SPARQL query: .*line:1"):
            store.query("SELECT ?x WHERE { ?x 400 }")
        with pytest.raises(QueryError, match=r"answered HTTP 400: Parse error$"):
            store.query("SELECT ?x WHERE { ?x ?y 400 }")
        with pytest.raises(StoreError, match="refused CLAIMGRAPH_SPARQL_USER"):
            store.query("SELECT ?x WHERE { ?x ?y 'secret' }")
        with pytest.raises(QueryError, match="HTTP 500: Engine says no: bad triple"):
            store.update("INSERT DATA { <x:a> <x:b> 'fail' }")
        store.update("INSERT DATA { <x:a> <x:b> 'ok' }")
        assert "fail" not in FakeEndpoint.seen[-1][1]  # a failed update is not resent
        # An answer the server cut at its row limit is an error, not fewer rows.
        cut = "SELECT ?x ?y WHERE { ?x ?y 'maxrows' }"
        message = r"cut the answer at its limit of 2 rows \(Virtuoso: ResultSetMaxRows"
        with pytest.raises(QueryError, match=message):
            store.select(cut)
        with pytest.raises(QueryError, match=message):
            store.select_values(cut)
    monkeypatch.delenv("CLAIMGRAPH_SPARQL_USER")
    with fake_endpoint() as url:
        with pytest.raises(StoreError, match=r"refused access \(HTTP 401\); set CLAIM"):
            open_store(url).query("SELECT ?x WHERE { ?x ?y 'secret' }")


def test_remote_endpoint_that_never_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(endpoint_module, "PROBE_TIMEOUT", 0.3)
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/sparql"
        with pytest.raises(StoreError, match=r"did not answer within 0.3 s"):
            open_store(url)
