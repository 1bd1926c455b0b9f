"""Issue 14: ``serve`` under hostile requests (items 3, 4, 5, 6, 7 and protocol errors)."""

from __future__ import annotations

import base64
import http.server
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from claimgraph.graph.rdf.quads import DEFAULT
from claimgraph.graph.serve import start_in_thread
from claimgraph.graph.serve.engine import negotiate
from claimgraph.graph.serve.security import ServeOptions, refuse_request, token_matches
from claimgraph.graph.store import open_store
from tests.helpers_store import free_port

ROOT = Path(__file__).resolve().parent.parent
DATA = (
    "PREFIX ex: <http://example.org/> INSERT DATA { ex:a ex:p 'default' . "
    "GRAPH ex:g { ex:b ex:p 'in g' } GRAPH ex:h { ex:c ex:p 'in h' } }"
)
SLOW = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?p ?y . ?c ?p ?z . ?d ?p ?w "
    "FILTER (?x + ?y + ?z + ?w = -1) }"
)


def call(
    url: str, data: bytes | None = None, method: str | None = None, **headers: str
) -> tuple[int, str, str]:
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return (
                response.status,
                response.headers["Content-Type"] or "",
                response.read().decode(),
            )
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers["Content-Type"] or "", exc.read().decode()


def q(base: str, text: str, **params: str) -> str:
    return f"{base}/sparql?" + urllib.parse.urlencode({"query": text, **params})


def form(**fields: str) -> bytes:
    return urllib.parse.urlencode(fields).encode()


FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.fixture(scope="module")
def disk_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    location = str(tmp_path_factory.mktemp("serve") / "store")
    with open_store(location) as store:
        store.update(DATA)
        store.add_quads(
            (URIRef(f"x:{n}"), URIRef("x:p"), Literal(n), DEFAULT) for n in range(300)
        )
    return location


@pytest.fixture(scope="module")
def readonly(disk_store: str) -> Iterator[str]:
    store = open_store(disk_store, read_only=True)
    running = start_in_thread(store, options=ServeOptions(timeout=8))
    try:
        yield running.url
    finally:
        running.stop()
        store.close()


@pytest.fixture
def writable() -> Iterator[tuple[str, str, object]]:
    store = open_store(":memory:")
    store.update(DATA)
    running = start_in_thread(store, writable=True)
    try:
        assert running.token
        yield running.url, running.token, store
    finally:
        running.stop()


# --- item 3 and 406: every content type served or 406 with the list --------------


@pytest.mark.parametrize(
    ("query", "accept", "status", "media"),
    [
        ("ASK {}", "text/csv", 406, "text/plain"),
        ("ASK {}", "text/tab-separated-values", 406, "text/plain"),
        (
            "ASK {}",
            "application/sparql-results+xml",
            200,
            "application/sparql-results+xml",
        ),
        (
            "ASK {}",
            "application/sparql-results+json",
            200,
            "application/sparql-results+json",
        ),
        (
            "SELECT * { ?s ?p 'in g' }",
            "text/tab-separated-values",
            200,
            "text/tab-separated-values",
        ),
        ("SELECT * { ?s ?p ?o } LIMIT 1", "text/turtle", 406, "text/plain"),
        ("CONSTRUCT WHERE { ?s ?p 'default' }", "text/csv", 406, "text/plain"),
        (
            "CONSTRUCT WHERE { ?s ?p 'default' }",
            "application/ld+json",
            200,
            "application/ld+json",
        ),
        (
            "CONSTRUCT WHERE { ?s ?p 'default' }",
            "application/rdf+xml",
            200,
            "application/rdf+xml",
        ),
        ("DESCRIBE <http://example.org/a>", "*/*", 200, "text/turtle"),
        ("SELECT * { ?s ?p ?o } LIMIT 1", "image/png", 406, "text/plain"),
    ],
)
def test_each_form_is_served_or_406_with_the_list(
    readonly: str, query: str, accept: str, status: int, media: str
) -> None:
    code, kind, body = call(q(readonly, query), Accept=accept)
    assert (code, kind.split(";")[0]) == (status, media), body
    if status == 406:
        assert "available: application/" in body or "available: text/" in body
        assert body.count("\n") == 1
    assert call(q(readonly, "ASK {}"))[0] == 200


def test_ask_as_csv_through_rdflib_store_is_406_not_a_dead_request() -> None:
    running = start_in_thread(open_store("rdflib:memory"))
    try:
        code, _, body = call(q(running.url, "ASK {}"), Accept="text/csv")
        assert code == 406 and "application/sparql-results+json" in body
    finally:
        running.stop()


def test_negotiate() -> None:
    table = {"a/x": "X", "a/y": "Y", "b/z": "Z"}
    assert negotiate("", table) == "a/x"
    assert negotiate("b/*", table) == "b/z"
    assert negotiate("a/y;q=0.5, b/z;q=0.9", table) == "b/z"
    assert negotiate("c/q", table) is None
    assert negotiate("a/x;q=0", table) is None


# --- item 4: SERVICE and LOAD fetch nothing ---------------------------------------


class _Spy(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        _Spy.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/turtle")
        self.end_headers()
        self.wfile.write(b"<x:s> <x:p> <x:o> .")

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def spy() -> Iterator[str]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Spy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Spy.hits.clear()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/secret"
    finally:
        server.shutdown()
        server.server_close()


def test_service_and_load_are_refused(
    readonly: str, writable: tuple[str, str, object], spy: str
) -> None:
    code, _, body = call(q(readonly, f"SELECT * {{ SERVICE <{spy}> {{ ?s ?p ?o }} }}"))
    assert code == 403 and "SERVICE" in body and "secret" not in body.replace(spy, "")
    url, token, _ = writable
    code, _, body = call(
        f"{url}/sparql",
        form(update=f"LOAD <{spy}>"),
        Authorization=f"Bearer {token}",
        **FORM,
    )
    assert code == 403 and "LOAD" in body
    assert _Spy.hits == []


# --- item 5: time limit that stops the query; reads not blocked ---------------------


def test_slow_query_is_stopped_and_blocks_no_other_request(readonly: str) -> None:
    import psutil

    answers: list[tuple[int, str, str]] = []
    slow = threading.Thread(target=lambda: answers.append(call(q(readonly, SLOW))))
    started = time.monotonic()
    slow.start()
    worker = None
    while worker is None and time.monotonic() - started < 6:
        for child in psutil.Process().children():
            if (
                "spawn_main" in " ".join(child.cmdline())
                and child.cpu_times().user > 0.3
            ):
                worker = child
        time.sleep(0.1)
    assert worker is not None, "the slow query runs in a worker process"
    quick = time.monotonic()
    assert call(q(readonly, "ASK {}"))[0] == 200
    assert call(f"{readonly}/")[0] == 200
    assert time.monotonic() - quick < 6 and slow.is_alive()
    slow.join(30)
    status, _, body = answers[0]
    assert status == 503 and "timeout" in body and "stopped" in body
    time.sleep(0.3)
    assert not worker.is_running() or worker.status() == psutil.STATUS_ZOMBIE
    assert call(q(readonly, "ASK {}"))[0] == 200


# --- item 6: writable needs the token, refuses cross-origin requests ------------------


def test_updates_need_the_token(writable: tuple[str, str, object]) -> None:
    url, token, store = writable
    drop = form(update="DROP ALL")
    assert call(f"{url}/sparql", drop, **FORM)[0] == 401
    assert call(f"{url}/sparql", drop, Authorization="Bearer wrong", **FORM)[0] == 401
    plain = {"Content-Type": "application/sparql-update"}
    assert call(f"{url}/sparql", b"DROP ALL", **plain)[0] == 401
    assert store.ask("ASK { ?s ?p 'default' }")  # type: ignore[attr-defined]
    basic = base64.b64encode(f"anyone:{token}".encode()).decode()
    insert = b"INSERT DATA { <x:new> <x:p> 1 }"
    assert (
        call(f"{url}/sparql", insert, Authorization=f"Basic {basic}", **plain)[0] == 204
    )
    assert (
        call(f"{url}/sparql", drop, Authorization=f"Bearer {token}", **FORM)[0] == 204
    )
    assert not store.ask("ASK { ?s ?p ?o }")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Host": "evil.example"},
        {"Host": "rebound.example:7878"},
    ],
)
def test_cross_origin_and_foreign_host_are_refused(
    writable: tuple[str, str, object], headers: dict[str, str]
) -> None:
    url, token, store = writable
    code, _, body = call(
        f"{url}/sparql",
        form(update="DROP ALL"),
        Authorization=f"Bearer {token}",
        **FORM,
        **headers,
    )
    assert code == 403 and body.count("\n") == 1
    assert store.ask("ASK { ?s ?p 'default' }")  # type: ignore[attr-defined]
    assert call(q(url, "ASK {}"), **headers)[0] == 403


def test_same_origin_is_fine(writable: tuple[str, str, object]) -> None:
    url, token, _ = writable
    port = url.rsplit(":", 1)[1]
    code, _, _ = call(q(url, "ASK {}"), Origin=f"http://localhost:{port}")
    assert code == 200


def test_security_helpers() -> None:
    names = frozenset({"localhost", "127.0.0.1"})
    assert refuse_request({"host": "localhost:80"}, names, 80) is None
    assert refuse_request({}, names, 80) is not None
    assert refuse_request(
        {"host": "localhost", "origin": "http://localhost:81"}, names, 80
    )
    assert token_matches("Bearer abc", "abc") and not token_matches("Bearer abd", "abc")
    assert not token_matches("Basic !!!", "abc") and not token_matches(None, "abc")


def test_serve_command_prints_a_token_and_checks_it(tmp_path: Path) -> None:
    store = tmp_path / "store"
    open_store(store).close()
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from claimgraph.cli import app; app()",
            "serve",
            "--writable",
        ]
        + ["--store", str(store), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        text=True,
    )
    try:
        assert process.stdout is not None
        process.stdout.readline()
        line = process.stdout.readline()
        assert line.startswith("Update token: ")
        token = line.split(": ", 1)[1].strip()
        url = f"http://127.0.0.1:{port}/sparql"
        update = form(update="INSERT DATA { <x:a> <x:p> 1 }")
        deadline, status = time.monotonic() + 30, 0
        while time.monotonic() < deadline and status == 0:
            try:
                status = call(url, update, **FORM)[0]
            except urllib.error.URLError:
                time.sleep(0.1)
        assert status == 401
        assert call(url, update, Authorization=f"Bearer {token}", **FORM)[0] == 204
        code, _, body = call(q(f"http://127.0.0.1:{port}", "ASK { <x:a> <x:p> 1 }"))
        assert code == 200 and '"boolean":true' in body.replace(" ", "")
    finally:
        process.terminate()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            assert stream is not None
            stream.close()


def test_serve_help_documents_the_token() -> None:
    from typer.testing import CliRunner

    from claimgraph.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert "--token" in result.stdout and "Authorization: Bearer" in result.stdout
    readme = (ROOT / "README.md").read_text()
    assert "--writable" in readme and "token" in readme.lower()


# --- item 7 through serve: dataset clauses and protocol dataset ------------------------


@pytest.mark.parametrize(
    ("query", "params", "expected"),
    [
        ("SELECT ?o FROM <http://example.org/g> { ?s ?p ?o }", {}, ["in g"]),
        (
            "SELECT ?o { ?s ?p ?o }",
            {"default-graph-uri": "http://example.org/h"},
            ["in h"],
        ),
        (
            "SELECT ?o FROM NAMED <http://example.org/g> { GRAPH ?g { ?s ?p ?o } }",
            {},
            ["in g"],
        ),
    ],
)
def test_dataset_through_serve(
    readonly: str, query: str, params: dict[str, str], expected: list[str]
) -> None:
    code, _, body = call(q(readonly, query, **params), Accept="text/csv")
    assert code == 200 and body.splitlines()[1:] == expected


# --- protocol errors ---------------------------------------------------------------------


def test_protocol_errors(readonly: str) -> None:
    base = f"{readonly}/sparql"
    assert call(q(readonly, "SELECT ?x WHERE {"))[0] == 400
    assert call(base, b"x", **{"Content-Type": "text/plain"})[0] == 415
    assert call(base, form(query="ASK {}", update="DROP ALL"), **FORM)[0] == 400
    assert call(base, form(), **FORM)[0] == 400
    assert call(q(readonly, "DROP ALL"))[0] == 400
    assert call(base, b"", method="PUT")[0] == 405
    assert (
        call(base, b"DROP ALL", **{"Content-Type": "application/sparql-update"})[0]
        == 403
    )
