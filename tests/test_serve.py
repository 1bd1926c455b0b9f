"""The SPARQL 1.1 Protocol endpoint, with real HTTP requests on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.graph.models import Article
from claimgraph.graph.pipeline import ingest_articles
from claimgraph.graph.report.findings import finding_json, load_findings
from claimgraph.graph.serve import (
    choose_media,
    make_server,
    plain_page,
    start_in_thread,
)
from claimgraph.graph.store import ClaimStore, open_store
from tests.helpers_store import (
    article_text,
    fake_extractor,
    free_port,
    serving,
    write_articles,
)

ROOT = Path(__file__).resolve().parent.parent
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/claimgraph/ns#Contradiction> }"


def disputed() -> ClaimStore:
    store = open_store(":memory:")
    articles = [Article(id=f"a{n}", text=article_text(n)) for n in range(2)]
    ingest_articles(store, articles, extractor=fake_extractor)
    return store


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    with serving(disputed()) as url:
        yield url


def call(url: str, data: bytes | None = None, **headers: str) -> tuple[int, str, str]:
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read().decode()
            return response.status, response.headers["Content-Type"], body
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers["Content-Type"], exc.read().decode()


def query_url(base: str, text: str) -> str:
    return f"{base}/sparql?query={urllib.parse.quote(text)}"


@pytest.mark.parametrize(
    ("accept", "media", "check"),
    [
        ("", "application/sparql-results+json", '"value":"8"'),
        ("text/csv", "text/csv", "n\r\n8"),
        ("application/sparql-results+xml", "application/sparql-results+xml", ">8<"),
        ("text/html, text/csv;q=0.5, */*;q=0.1", "text/csv", "n\r\n8"),
    ],
)
def test_get_select_in_each_format(
    endpoint: str, accept: str, media: str, check: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    status, kind, body = call(query_url(endpoint, COUNT), **headers)
    assert (status, kind.split(";")[0]) == (200, media)
    assert check in body.replace(" ", "")


def test_post_query_as_body_and_as_form_and_construct(endpoint: str) -> None:
    status, _, body = call(
        f"{endpoint}/sparql",
        COUNT.encode(),
        **{"Content-Type": "application/sparql-query"},
    )
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "8"
    form = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    status, _, body = call(
        f"{endpoint}/sparql",
        form,
        **{"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 200 and json.loads(body)["boolean"] is True
    construct = "CONSTRUCT { ?a a ?t } WHERE { ?a a ?t } LIMIT 2"
    status, kind, body = call(query_url(endpoint, construct))
    assert kind.startswith("text/turtle") and body.count(" a ") >= 1
    status, kind, body = call(
        query_url(endpoint, construct), Accept="application/n-triples"
    )
    assert kind.startswith("application/n-triples") and len(body.splitlines()) == 2


def test_errors(endpoint: str) -> None:
    status, _, body = call(query_url(endpoint, "SELECT ?x WHERE {"))
    assert status == 400 and body.startswith("Invalid SPARQL query: ")
    assert body.count("\n") == 1
    assert call(f"{endpoint}/nothing")[0] == 404
    assert call(f"{endpoint}/sparql")[0] == 400
    update = urllib.parse.urlencode({"update": "CLEAR ALL"}).encode()
    status, _, body = call(
        f"{endpoint}/sparql",
        update,
        **{"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert status == 403 and "read-only" in body
    status, _, _ = call(f"{endpoint}/sparql", b"x", **{"Content-Type": "text/plain"})
    assert status == 415
    assert call(query_url(endpoint, COUNT))[0] == 200  # nothing was cleared


def test_graph_page_and_plain_fallback(endpoint: str) -> None:
    status, kind, body = call(f"{endpoint}/?contradictions_only=1")
    assert status == 200 and kind.startswith("text/html") and "vis.Network" in body
    server = make_server(open_store(":memory:"), port=0, page=plain_page)
    server.server_close()
    assert "/sparql" in plain_page({})


def test_writable_endpoint_is_a_remote_store_for_claimgraph(tmp_path: Path) -> None:
    """A standard SPARQL server (ours, on Oxigraph) as ``--store URL``."""
    write_articles(tmp_path, 3)
    local, backing = open_store(":memory:"), open_store(":memory:")
    from claimgraph.graph.pipeline import ingest_paths

    ingest_paths(local, [str(tmp_path)], extractor=fake_extractor)
    with serving(backing, writable=True) as url:
        remote = open_store(f"{url}/sparql")
        assert remote.endpoint is not None and not remote.endpoint.union_default
        ingest_paths(remote, [str(tmp_path)], extractor=fake_extractor)
        again = ingest_paths(remote, [str(tmp_path)], extractor=fake_extractor)
        assert {a.status for a in again.articles} == {"unchanged"}
        assert len(remote) == len(local) == len(backing)
        kinds = ("contradiction", "corroboration")
        assert [finding_json(r) for r in load_findings(remote, kinds=kinds)] == [
            finding_json(r) for r in load_findings(local, kinds=kinds)
        ]
        # Claim graphs are real named graphs; asserted triples the default graph.
        assert backing.ask("ASK { GRAPH ?g { ?v ckg:aspect ?a } }")
        assert not backing.ask("ASK { ?v ckg:aspect ?a }")
        with pytest.raises(Exception, match="Invalid SPARQL|HTTP 400"):
            remote.query("SELECT ?x WHERE {")


def test_timeout_answers_503() -> None:
    store = open_store(":memory:", timeout=0.2)
    from rdflib import Literal, URIRef

    from claimgraph.graph.rdf.quads import DEFAULT

    store.add_quads(
        (URIRef(f"x:{n}"), URIRef("x:p"), Literal(n), DEFAULT) for n in range(400)
    )
    slow = (
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?p ?y . ?c ?p ?z . ?d ?p ?w "
        "FILTER (?x + ?y + ?z + ?w = -1) }"
    )
    running = start_in_thread(store)
    try:
        status, _, body = call(query_url(running.url, slow))
        assert status == 503 and "timeout" in body
    finally:
        running.stop()


def test_choose_media() -> None:
    table = {"a/x": "x", "b/y": "y"}
    assert choose_media("b/y;q=0.4, a/x;q=0.9", table, "b/y") == ("a/x", "x")
    assert choose_media("c/z", table, "b/y") == ("b/y", "y")
    assert choose_media("a/x;q=0", table, "b/y") == ("b/y", "y")


def test_claimgraph_serve_command_listens_on_loopback(tmp_path: Path) -> None:
    store = tmp_path / "store"
    open_store(store).close()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from claimgraph.cli import app; app()", "serve"]
        + ["--store", str(store), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        deadline, status = time.monotonic() + 30, 0
        while time.monotonic() < deadline and status != 200:
            try:
                status = call(query_url(f"http://127.0.0.1:{port}", "ASK {}"))[0]
            except urllib.error.URLError:
                time.sleep(0.1)
        assert status == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            assert stream is not None
            stream.close()
