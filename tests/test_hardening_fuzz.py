"""Issue 14: random SPARQL-protocol requests never break ``serve``.

Methods, paths, content types, charsets, Accept headers and bodies are drawn
at random; every answer must have a documented status and no traceback, and
the server must still answer ``ASK {}`` afterwards.
"""

from __future__ import annotations

import http.client
import traceback
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.graph.serve import RunningServer, start_in_thread
from claimgraph.graph.serve.security import ServeOptions
from claimgraph.graph.store import open_store

#: Statuses the README documents for ``serve`` (501: a method http.server
#: does not know at all, such as ``FOO``).
DOCUMENTED = {200, 204, 400, 401, 403, 404, 405, 406, 413, 415, 501, 503}
SNIPPETS = [
    "ASK {}",
    "SELECT * WHERE { ?s ?p ?o } LIMIT 3",
    "CONSTRUCT WHERE { ?s ?p ?o }",
    "DESCRIBE <x:a>",
    "SELECT ?x WHERE {",
    "DROP ALL",
    "INSERT DATA { <x:a> <x:b> 1 }",
    "LOAD <http://127.0.0.1:1/x>",
    "SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
    "SELECT * FROM <x:g> FROM NAMED <x:h> { ?s ?p ?o }",
    "PREFIX : <x:> SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
]
MEDIA = [
    "application/sparql-query",
    "application/sparql-update",
    "application/x-www-form-urlencoded",
    "text/plain",
    "application/json",
    "multipart/form-data; boundary=x",
    "",
    "application/sparql-query; charset=latin-1",
    "application/x-www-form-urlencoded; charset=utf-16",
]
ACCEPT = [
    "",
    "*/*",
    "text/csv",
    "text/tab-separated-values",
    "application/sparql-results+json",
    "application/sparql-results+xml;q=0.5, text/turtle",
    "application/ld+json",
    "image/png",
    "text/*;q=0",
    ";;,,q=x",
]

texts = st.one_of(st.sampled_from(SNIPPETS), st.text(max_size=80))
bodies = st.one_of(
    texts.map(lambda t: t.encode("utf-8")),
    st.builds(
        lambda key, value: urllib.parse.urlencode({key: value}).encode(),
        st.sampled_from(["query", "update", "x", "default-graph-uri"]),
        texts,
    ),
    st.binary(max_size=80),
)
requests = st.fixed_dictionaries(
    {
        "method": st.sampled_from(
            ["GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH", "FOO"]
        ),
        "path": st.one_of(
            st.sampled_from(["/sparql", "/", "/nothing", "/sparql?x=1"]),
            texts.map(lambda t: "/sparql?" + urllib.parse.urlencode({"query": t})),
            st.builds(
                lambda k, v: f"/sparql?{k}={urllib.parse.quote(v)}",
                st.sampled_from(["query", "update", "named-graph-uri"]),
                st.text(max_size=20),
            ),
        ),
        "media": st.sampled_from(MEDIA),
        "accept": st.sampled_from(ACCEPT),
        "body": bodies,
        "origin": st.sampled_from([None, None, "http://evil.example", "null"]),
        "auth": st.sampled_from([None, "Bearer x", "Basic !!", "Bearer TOKEN"]),
    }
)


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Any]]:
    location = Path(tmp_path_factory.mktemp("fuzz")) / "store"
    with open_store(location) as store:
        store.update("INSERT DATA { <x:a> <x:b> 1 . GRAPH <x:g> { <x:c> <x:d> 2 } }")
    disk = open_store(location, read_only=True)
    memory = open_store(":memory:")
    errors: list[str] = []
    running: list[RunningServer] = [
        start_in_thread(disk, options=ServeOptions(timeout=5)),
        start_in_thread(memory, writable=True, options=ServeOptions(timeout=5)),
    ]
    for item in running:
        # http.server prints a handler's exception; record it instead.
        item.server.handle_error = (  # type: ignore[method-assign]
            lambda request, address: errors.append(traceback.format_exc())
        )
    try:
        yield [running, errors]
    finally:
        for item in running:
            item.stop()
        disk.close()


def send(server: RunningServer, request: dict[str, Any]) -> tuple[int, bytes]:
    host, port = server.server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=20)
    headers = {"Accept": request["accept"]}
    if request["media"]:
        headers["Content-Type"] = request["media"]
    if request["origin"]:
        headers["Origin"] = request["origin"]
    if request["auth"]:
        headers["Authorization"] = request["auth"].replace("TOKEN", server.token or "")
    body = request["body"] if request["method"] not in ("GET", "HEAD") else None
    try:
        connection.request(request["method"], request["path"], body, headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(request=requests, which=st.integers(0, 1))
def test_random_requests_get_a_documented_answer(
    servers: list[Any], request: dict[str, Any], which: int
) -> None:
    running, errors = servers
    server = running[which]
    status, body = send(server, request)
    assert status in DOCUMENTED, (status, body[:200])
    assert b"Traceback" not in body
    assert errors == [], errors[0] if errors else ""
    ask = {**request, "method": "GET", "path": "/sparql?query=ASK%20%7B%7D"}
    ask.update(accept="", origin=None, auth=None)
    assert send(server, ask)[0] == 200
